/**
 * The module in the isolated-vm sandbox (how every runner loads it): the reference call sequences give the
 * same results and final states through sessions, with the runtime validating arguments against the
 * derived tool schemas, and every train task's gold calls reach its ground truth.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ToolResult } from '@envscaler/core';
import { loadEnvironment, type LoadedEnvironment } from '@envscaler/runtime';
import {
  acebenchEnvironmentDir,
  acebenchTaskConfig,
  readAcebenchData,
  readAcebenchGoldTrain,
} from '../src/data.js';
import { acebenchEndState } from '../src/score.js';

interface Fixture {
  sequences: {
    involved_classes: string[];
    initial_config: Record<string, unknown>;
    calls: { name: string; arguments: string; result: unknown }[];
    final_state: Record<string, Record<string, unknown>>;
  }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/reference-sequences.json', import.meta.url), 'utf8'),
) as Fixture;

function outcome(result: ToolResult): unknown {
  if (result.ok) return { ok: result.data };
  if (result.error.code === 'UNKNOWN_TOOL') return { missing: true };
  return { error: result.error.message };
}

let env: LoadedEnvironment;
beforeAll(async () => {
  env = await loadEnvironment({ dir: acebenchEnvironmentDir });
}, 120_000);
afterAll(() => env?.dispose());

describe('isolated-vm sandbox', () => {
  it('loads as a config-initialised environment with 30 tools and a public state', () => {
    expect(env.sandbox).toBe('isolated-vm');
    expect(env.initialization).toBe('config');
    expect(env.hasPublicState).toBe(true);
    expect(env.tools).toHaveLength(30);
    expect(env.tools.find((t) => t.name === 'reserve_flight')).toMatchObject({ kind: 'mutation' });
    expect(env.tools.find((t) => t.name === 'get_flight_details')).toMatchObject({ kind: 'query' });
  });

  it('the reference sequences agree call by call and in their final states', async () => {
    const mismatches: string[] = [];
    for (const [n, sequence] of fixture.sequences.entries()) {
      const session = await env.createSession({
        config: { involved_classes: sequence.involved_classes, initial_config: sequence.initial_config },
      });
      try {
        for (const [i, call] of sequence.calls.entries()) {
          const got = outcome(await session.call(call.name, JSON.parse(call.arguments)));
          if (JSON.stringify(got) !== JSON.stringify(call.result))
            mismatches.push(
              `${n}/${i} ${call.name}: ${JSON.stringify(got)} ≠ ${JSON.stringify(call.result)}`,
            );
        }
        expect(await session.publicState(), `sequence ${n}`).toEqual(sequence.final_state);
      } finally {
        session.dispose();
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('every train task: the gold calls reach the ground truth through a session', async () => {
    const data = await readAcebenchData();
    const gold = await readAcebenchGoldTrain();
    for (const task of data.tasks.filter((t) => t.split === 'train')) {
      const session = await env.createSession({ config: acebenchTaskConfig(task) });
      try {
        for (const call of gold.tasks[task.id]!)
          expect((await session.call(call.name, call.arguments)).ok).toBe(true);
        const end = acebenchEndState({
          predicted: (await session.publicState()) as Record<string, Record<string, unknown>>,
          groundTruth: task.ground_truth,
        });
        expect(end.errors, task.id).toEqual([]);
      } finally {
        session.dispose();
      }
    }
  }, 120_000);
});
