import { once } from 'node:events';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  EnvscalerError,
  InvalidArtifactError,
  canonicalJson,
  compileSchema,
  parseArtifact,
  type ErrorCode,
  type ToolCallRequest,
  type ToolResult,
} from '@envscaler/core';
import { bfclEnvHelpers, TAU2_DOMAINS } from '@envscaler/bench';
import {
  loadEnvironment,
  type EnvironmentSession,
  type LoadedEnvironment,
  type SandboxKind,
} from '@envscaler/runtime';
import { readJsonFile } from '../inputs.js';

/**
 * How a line's states are digested. The suite formats are the ones their expected-digest fixtures use,
 * so a batch's digests compare directly with them:
 * - `bfcl`: BFCL's per-turn digest (envs/bfcl-multi-turn `stateDigest`) of the public state;
 * - `tau2-retail`: τ²-bench retail's database digest (envs/tau2-retail `canonicalDigest`) of the full state;
 * - `tau-airline`: τ-bench airline's world digest (envs/tau-airline `canonicalDigest`) of the full state;
 * - `sha256-canonical`: sha256 (hex) of core's `canonicalJson` of the state the line writes;
 * - `none`: no digest.
 */
export type ReplayDigestFormat = 'bfcl' | 'tau2-retail' | 'tau-airline' | 'sha256-canonical' | 'none';

interface DigestFormat {
  /** Which state the format hashes: a fixed one (the suite's), or the one the line writes. */
  state: 'public' | 'full' | 'written';
  digest(state: unknown): string;
}

const DIGESTS: Record<Exclude<ReplayDigestFormat, 'none'>, DigestFormat> = {
  bfcl: { state: 'public', digest: bfclEnvHelpers.stateDigest },
  'tau2-retail': { state: 'full', digest: TAU2_DOMAINS.retail.digest },
  'tau-airline': { state: 'full', digest: TAU2_DOMAINS.airline.digest },
  'sha256-canonical': {
    state: 'written',
    digest: (state) => createHash('sha256').update(canonicalJson(state), 'utf8').digest('hex'),
  },
};

export const REPLAY_DIGEST_FORMATS: readonly ReplayDigestFormat[] = [
  ...Object.keys(DIGESTS),
  'none',
] as ReplayDigestFormat[];

/**
 * A line without `digest` gets its environment's suite format, chosen by the environment's id (its
 * meta.json / env.json `id`); any other environment gets `sha256-canonical`.
 */
const DEFAULT_DIGEST_BY_ENV_ID: Readonly<Record<string, ReplayDigestFormat>> = {
  'bfcl-multi-turn': 'bfcl',
  'tau2-retail': 'tau2-retail',
  'tau-airline': 'tau-airline',
};

export interface ReplayBatchOptions {
  /** The JSON Lines file; relative paths in its lines resolve against its directory. */
  batch: string;
  /** Stream the output lines to this file (created or truncated); default stdout. */
  out?: string;
  /** Write the class's publicState instead of the full state (every line). */
  public?: boolean;
  /** Write the full state even for config-initialised environments (every line). */
  full?: boolean;
  /** Leave the final state out of the output lines (results and digests stay). Default false. */
  omitState?: boolean;
  sandbox?: SandboxKind;
  timeoutMs?: number;
  memoryMb?: number;
  /** Called after every line (for progress on stderr). */
  onProgress?: (progress: { done: number; total: number; failed: number }) => void;
}

export interface ReplayBatchFailure {
  /** 1-based line number in the batch file. */
  line: number;
  id?: string;
  code: ErrorCode;
  message: string;
}

export interface ReplayBatchSummary {
  /** Replays attempted (non-blank lines). */
  lines: number;
  /** Lines that could not be replayed, in input order (their output lines carry the same error). */
  failed: ReplayBatchFailure[];
  /** Tool calls that returned `ok: false` in the lines that ran (recorded, never fatal). */
  failedCalls: number;
  /** Distinct environment directories loaded. */
  environments: number;
}

const callsSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string', minLength: 1 }, arguments: { type: 'object' } },
  },
};

const validateLine = compileSchema({
  type: 'object',
  required: ['env'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    env: { type: 'string', minLength: 1 },
    initialState: { type: 'object' },
    initialStateFile: { type: 'string', minLength: 1 },
    config: { type: 'object' },
    configFile: { type: 'string', minLength: 1 },
    calls: callsSchema,
    turns: { type: 'array', items: callsSchema },
    digest: { enum: [...REPLAY_DIGEST_FORMATS] },
  },
});

interface BatchLine {
  id?: string;
  env: string;
  initialState?: Record<string, unknown>;
  initialStateFile?: string;
  config?: Record<string, unknown>;
  configFile?: string;
  calls?: ToolCallRequest[];
  turns?: ToolCallRequest[][];
  digest?: ReplayDigestFormat;
}

const INITIALISERS = ['initialState', 'initialStateFile', 'config', 'configFile'] as const;

/** An error of one line; its message starts with the line number. */
function lineError(line: number, code: ErrorCode, message: string): EnvscalerError {
  return new EnvscalerError(code, `line ${line}: ${message}`, { details: { line } });
}

function parseLine(text: string, line: number, source: string): BatchLine {
  let value: unknown;
  try {
    value = parseArtifact({ text, source, line, artifact: 'batch line' });
  } catch (error) {
    if (!(error instanceof InvalidArtifactError)) throw error;
    // e.g. "line 2: is not valid JSON at batch.jsonl:2:7: unexpected ..."
    const reason = (error.issues[0]?.message ?? error.message).replace(/^is not valid JSON: /, '');
    throw lineError(line, 'INVALID_INPUT', `is not valid JSON at ${String(error.details.source)}: ${reason}`);
  }
  const issues = validateLine(value);
  if (issues.length > 0) {
    const first = issues[0]!;
    throw lineError(line, 'INVALID_INPUT', `${first.path} ${first.message}`);
  }
  const parsed = value as BatchLine;
  const given = INITIALISERS.filter((key) => parsed[key] !== undefined);
  if (given.length !== 1) {
    throw lineError(
      line,
      'INVALID_INPUT',
      `needs exactly one of ${INITIALISERS.join(', ')}${given.length > 1 ? ` (got ${given.join(' and ')})` : ''}`,
    );
  }
  if ((parsed.calls === undefined) === (parsed.turns === undefined)) {
    throw lineError(line, 'INVALID_INPUT', 'needs exactly one of calls and turns');
  }
  return parsed;
}

/** Reads and parses a JSON file once per batch, by resolved path (a failure is remembered too). */
function jsonFileCache() {
  const cache = new Map<string, Promise<unknown>>();
  return (file: string, what: string): Promise<unknown> => {
    let entry = cache.get(file);
    if (!entry) {
      entry = readJsonFile({ file, what });
      // a rejected entry is awaited by every line that uses it; this keeps it from counting as unhandled
      entry.catch(() => undefined);
      cache.set(file, entry);
    }
    return entry;
  };
}

/** Where output lines go: a file handle (each line written as it completes) or stdout. */
async function openSink(
  out: string | undefined,
): Promise<{ write(text: string): Promise<void>; close(): Promise<void> }> {
  if (out === undefined) {
    return {
      async write(text) {
        if (!process.stdout.write(text)) await once(process.stdout, 'drain');
      },
      async close() {},
    };
  }
  let handle: FileHandle;
  try {
    handle = await open(out, 'w');
  } catch (error) {
    throw new EnvscalerError('INVALID_INPUT', `cannot write --out file ${out}: ${(error as Error).message}`);
  }
  return {
    async write(text) {
      await handle.write(text);
    },
    async close() {
      await handle.close();
    },
  };
}

interface LineOutput {
  id?: string;
  line: number;
  ok: true;
  env: string;
  digestFormat: ReplayDigestFormat;
  initialDigest?: string;
  digest?: string;
  results?: ToolResult[];
  turns?: { results: ToolResult[]; digest?: string }[];
  stateKind?: 'public' | 'full';
  state?: unknown;
}

/**
 * Runs every line of a JSON Lines batch (`{ id?, env, initialState | initialStateFile | config |
 * configFile, calls | turns, digest? }`) in a fresh session of its environment, in input order, and
 * writes one JSON line per input line as soon as it is done: the replay's results, digest(s) and final
 * state, or `{ id?, line, ok: false, error: { code, message } }` for a line that could not run. Blank
 * lines are skipped. Each distinct environment directory is loaded once; all are disposed at the end.
 * Throws only for the batch as a whole (unreadable batch file, unwritable `out`).
 */
export async function runReplayBatch(options: ReplayBatchOptions): Promise<ReplayBatchSummary> {
  if (options.public && options.full)
    throw new EnvscalerError('INVALID_INPUT', '--public and --full exclude each other');
  const batchFile = path.resolve(options.batch);
  let text: string;
  try {
    text = await readFile(batchFile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new EnvscalerError('NOT_FOUND', `batch file not found: ${batchFile}`);
    throw new EnvscalerError(
      'INVALID_INPUT',
      `cannot read batch file ${batchFile}: ${(error as Error).message}`,
    );
  }
  const baseDir = path.dirname(batchFile);
  const lines = text
    .split('\n')
    .map((content, i) => ({ content, line: i + 1 }))
    .filter((l) => l.content.trim() !== '');

  const environments = new Map<string, Promise<LoadedEnvironment>>();
  const envFor = (dir: string): Promise<LoadedEnvironment> => {
    let entry = environments.get(dir);
    if (!entry) {
      entry = loadEnvironment({
        dir,
        sandbox: options.sandbox,
        limits: { callTimeoutMs: options.timeoutMs, memoryMb: options.memoryMb },
      });
      entry.catch(() => undefined);
      environments.set(dir, entry);
    }
    return entry;
  };
  const readJson = jsonFileCache();
  const summary: ReplayBatchSummary = { lines: lines.length, failed: [], failedCalls: 0, environments: 0 };
  const sink = await openSink(options.out);
  try {
    for (const [index, { content, line }] of lines.entries()) {
      let id: string | undefined;
      let output:
        LineOutput | { id?: string; line: number; ok: false; error: { code: string; message: string } };
      try {
        const parsed = parseLine(content, line, batchFile);
        id = parsed.id;
        output = await replayLine({ parsed, line, baseDir, envFor, readJson, options });
        for (const results of output.turns?.map((t) => t.results) ?? [output.results ?? []])
          summary.failedCalls += results.filter((r) => !r.ok).length;
      } catch (error) {
        if (id === undefined) id = idOf(content);
        const code: ErrorCode = error instanceof EnvscalerError ? error.code : 'INTERNAL';
        const raw = error instanceof Error ? error.message : String(error);
        const message = raw.startsWith(`line ${line}: `) ? raw : `line ${line}: ${raw}`;
        summary.failed.push({ line, ...(id !== undefined ? { id } : {}), code, message });
        output = { ...(id !== undefined ? { id } : {}), line, ok: false, error: { code, message } };
      }
      await sink.write(`${JSON.stringify(output)}\n`);
      options.onProgress?.({ done: index + 1, total: lines.length, failed: summary.failed.length });
    }
  } finally {
    await sink.close();
    for (const entry of environments.values()) {
      const env = await entry.catch(() => undefined);
      if (env) {
        summary.environments++;
        env.dispose();
      }
    }
  }
  return summary;
}

/** The `id` of a line that failed before it was validated, when it has a string one. */
function idOf(content: string): string | undefined {
  try {
    const value = JSON.parse(content) as { id?: unknown };
    return typeof value?.id === 'string' ? value.id : undefined;
  } catch {
    return undefined;
  }
}

async function replayLine(args: {
  parsed: BatchLine;
  line: number;
  baseDir: string;
  envFor: (dir: string) => Promise<LoadedEnvironment>;
  readJson: (file: string, what: string) => Promise<unknown>;
  options: ReplayBatchOptions;
}): Promise<LineOutput> {
  const { parsed, line, baseDir, options } = args;
  const at = (p: string) => path.resolve(baseDir, p);
  const env = await args.envFor(at(parsed.env));
  const init =
    parsed.initialState !== undefined
      ? { initialState: parsed.initialState as unknown }
      : parsed.initialStateFile !== undefined
        ? { initialState: await args.readJson(at(parsed.initialStateFile), 'initial state') }
        : parsed.config !== undefined
          ? { config: parsed.config as unknown }
          : { config: await args.readJson(at(parsed.configFile!), 'config') };
  const usePublic =
    options.public === true || (!options.full && env.initialization === 'config' && 'config' in init);
  const written: 'public' | 'full' = usePublic ? 'public' : 'full';
  const digestFormat = parsed.digest ?? DEFAULT_DIGEST_BY_ENV_ID[env.id] ?? 'sha256-canonical';
  const format = digestFormat === 'none' ? undefined : DIGESTS[digestFormat];
  const digestKind = format === undefined ? undefined : format.state === 'written' ? written : format.state;
  const multiTurn = parsed.turns !== undefined;
  const turns = parsed.turns ?? [parsed.calls!];

  const session: EnvironmentSession = await env.createSession(init);
  try {
    // the states at one point of the replay, each taken once
    const statesNow = () => {
      const taken: Partial<Record<'public' | 'full', Promise<unknown>>> = {};
      return (kind: 'public' | 'full') =>
        (taken[kind] ??= kind === 'public' ? session.publicState() : session.snapshot());
    };
    const digestOf = async (state: (kind: 'public' | 'full') => Promise<unknown>) =>
      format && digestKind ? format.digest(await state(digestKind)) : undefined;
    const initialDigest = multiTurn ? await digestOf(statesNow()) : undefined;
    const done: { results: ToolResult[]; digest?: string }[] = [];
    let state = statesNow();
    for (const calls of turns) {
      const results: ToolResult[] = [];
      for (const call of calls) results.push(await session.call(call.name, call.arguments ?? {}));
      state = statesNow();
      const digest = await digestOf(state);
      done.push({ results, ...(digest !== undefined ? { digest } : {}) });
    }
    const out: LineOutput = {
      ...(parsed.id !== undefined ? { id: parsed.id } : {}),
      line,
      ok: true,
      env: env.id,
      digestFormat,
    };
    if (multiTurn) {
      if (initialDigest !== undefined) out.initialDigest = initialDigest;
      out.turns = done;
    } else {
      if (done[0]!.digest !== undefined) out.digest = done[0]!.digest;
      out.results = done[0]!.results;
    }
    if (!options.omitState) {
      out.stateKind = written;
      out.state = await state(written);
    }
    return out;
  } finally {
    session.dispose();
  }
}
