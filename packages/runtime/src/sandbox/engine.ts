import type { ToolResult } from '@envscaler/core';
import type { LoadedClassInfo } from './prelude.js';

export interface ResolvedLimits {
  /** Wall-clock budget of one tool call (and of `fromConfig` / `publicState`), in milliseconds. */
  callTimeoutMs: number;
  /** Heap limit of the isolate that hosts an environment's base states and sessions, in MiB. */
  memoryMb: number;
}

/** What one tool call produced, and whether the session's world must be rebuilt. */
export type CallOutcome =
  | { status: 'ok'; json: string }
  /** A resource limit inside a still-healthy sandbox (timeout, stack overflow): roll the session back. */
  | { status: 'rollback'; result: ToolResult }
  /** The sandbox died (memory limit): every session it hosted must be rebuilt. */
  | { status: 'reset'; result: ToolResult };

/**
 * One environment's code, running either in an isolated-vm isolate or in-process. Everything crossing
 * this interface is strings and numbers, so both engines behave the same.
 */
export interface Engine {
  readonly info: LoadedClassInfo;
  /** True when the base state is loaded in the current sandbox generation. */
  hasBase(id: string): boolean;
  addBase(id: string, json: string): void;
  dropBase(id: string): void;
  open(sid: number, kind: 'base' | 'state' | 'config', payload: string, seed: number, now: number): void;
  call(sid: number, name: string, argsJson: string, now: number): CallOutcome;
  replay(sid: number, entries: [string, string, number][]): void;
  snapshot(sid: number): string;
  publicState(sid: number): string;
  close(sid: number): void;
  /** Increases when the sandbox is recreated; sessions opened in an older generation must be rebuilt. */
  readonly generation: number;
  dispose(): void;
}
