import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  EnvscalerError,
  type AssistantMessage,
  type ChatMessage,
  type ChatModel,
  type TokenUsage,
  type ToolResult,
} from '@envscaler/core';
import {
  loadEnvironment,
  type EnvironmentSession,
  type LoadedEnvironment,
  type RuntimeLimits,
  type SandboxKind,
} from '@envscaler/runtime';
import {
  JsonlAppender,
  firstDifference,
  jsonEqual,
  readJsonlTolerant,
  wilsonInterval,
} from '@envscaler/validate';
import {
  bfclSplitOf,
  bfclToolsFor,
  bfclEnvHelpers,
  readBfclData,
  selectBfclEntries,
  type BfclData,
  type BfclEntry,
  type BfclEnvHelpers,
} from './bfcl-data.js';
import { addUsage, errorText, isAbort, runPool, toolResultText, writeJson } from './common.js';
import { bfclEnvironmentDir } from '@envscaler/env-bfcl-multi-turn';

/** BFCL's default cap on model queries within one user turn (`MAXIMUM_STEP_LIMIT`). */
export const BFCL_MAX_STEPS_PER_TURN = 20;
/** How BFCL writes a call that raised; used for failed tool results on both sides. */
export const BFCL_ERROR_PREFIX = 'Error during execution: ';

/** Why an entry failed, in BFCL's terms (`multi_turn:<type>`). */
export type BfclFailureType =
  | 'force_terminated'
  | 'empty_turn_model_response'
  | 'instance_state_mismatch'
  | 'execution_response_mismatch'
  | 'error';

export interface BfclTurnResult {
  turn: number;
  /** The agent's executed calls in this turn, with the result text each returned. */
  calls: { name: string; arguments: Record<string, unknown>; result: string }[];
  /** The agent's closing text of the turn (null when it stopped with a tool call). */
  answer: string | null;
  /** Model queries in this turn. */
  steps: number;
  /** Ground-truth calls of this turn (undefined when the ground truth has no such turn). */
  goldCalls?: number;
  /** BFCL's checks for this turn; 'skipped' for empty ground-truth turns and turns past the ground truth. */
  check: 'passed' | 'skipped' | Exclude<BfclFailureType, 'force_terminated' | 'error'>;
  /** Gold results not found among the agent's results so far (response check). */
  missing?: string[];
  /** First JSON path where the agent's public state differs from the gold state (state check). */
  stateDifference?: string;
}

/** One line of `results.jsonl`. */
export interface BfclEntryResult {
  schemaVersion: 1;
  benchmark: 'bfcl-multi-turn';
  id: string;
  split: 'train' | 'test';
  classes: string[];
  passed: boolean;
  failure?: { type: BfclFailureType; turn?: number; message: string };
  turns: BfclTurnResult[];
  usage: TokenUsage;
  durationMs: number;
  /** Set when the run itself failed (model error); such entries are run again on resume. */
  error?: string;
}

export interface AccuracyStat {
  entries: number;
  passed: number;
  accuracy: number;
  /** 95% Wilson score interval. */
  interval95: [number, number];
}

/** `summary.json`. */
export interface BfclSummary extends AccuracyStat {
  schemaVersion: 1;
  benchmark: 'bfcl-multi-turn';
  model?: string;
  /** Entries whose run failed (model errors); counted as failed, re-run on resume. */
  errors: number;
  perClass: Record<string, AccuracyStat>;
  perSplit: Partial<Record<'train' | 'test', AccuracyStat>>;
  failures: Partial<Record<BfclFailureType, number>>;
  usage: TokenUsage;
  createdAt: string;
}

export interface BfclProgress {
  done: number;
  total: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  running: number;
  usage: TokenUsage;
}

export interface RunBfclBenchmarkOptions {
  /** The agent (requests use stage 'agent'). */
  model: ChatModel;
  /** Model name recorded in the summary. */
  modelName?: string;
  /** `train`, `test`, `all` (default), a comma-separated list of ids/numbers/ranges, or an array of ids. */
  entries?: string | readonly string[];
  /** BFCL data directory (default: the data shipped in @envscaler/env-bfcl-multi-turn). */
  dataDir?: string;
  /** The BFCL environment directory (default: the environment of @envscaler/env-bfcl-multi-turn). */
  envDir?: string;
  /** An already loaded BFCL environment (not disposed here); default: loaded from `envDir`. */
  env?: LoadedEnvironment;
  sandbox?: SandboxKind;
  limits?: RuntimeLimits;
  /** Entries run at once (default 4). */
  concurrency?: number;
  /** Run directory: `results.jsonl` (appended, resumable) and `summary.json`. Omit to keep results in memory. */
  out?: string;
  /** Model queries per user turn before the entry is force-terminated (default 20, as BFCL). */
  maxStepsPerTurn?: number;
  /** Sampling temperature (default 0.001, BFCL's default). */
  temperature?: number;
  signal?: AbortSignal;
  onProgress?: (progress: BfclProgress) => void;
}

export interface BfclBenchmarkResult {
  /** One result per selected entry that finished (resumed ones included). */
  results: BfclEntryResult[];
  summary: BfclSummary;
  ran: number;
  skipped: number;
}

/** The gold side of one entry: per ground-truth turn, the result texts and the public state after it. */
export interface BfclGoldTurn {
  calls: { source: string; name: string; arguments: Record<string, unknown>; result: ToolResult }[];
  results: string[];
  publicState: unknown;
}

/**
 * Gold replay of one entry in a fresh session of the environment (`createSession({ config })`): each
 * ground-truth call string is parsed by the environment's safe parser (positional arguments named by the
 * function docs) and called through the session, turn by turn.
 */
export async function replayBfclGold(options: {
  env: LoadedEnvironment;
  entry: Pick<BfclEntry, 'involved_classes' | 'initial_config'>;
  groundTruth: readonly (readonly string[])[];
  helpers: Pick<BfclEnvHelpers, 'parsePythonCall'>;
  parameterOrder: ReadonlyMap<string, readonly string[]>;
}): Promise<{ initialPublicState: unknown; turns: BfclGoldTurn[] }> {
  const session = await options.env.createSession({
    config: {
      involved_classes: options.entry.involved_classes,
      initial_config: options.entry.initial_config,
    },
  });
  try {
    const initialPublicState = await session.publicState();
    const turns: BfclGoldTurn[] = [];
    for (const turn of options.groundTruth) {
      const calls: BfclGoldTurn['calls'] = [];
      for (const source of turn) {
        let name: string;
        let args: Record<string, unknown>;
        try {
          ({ name, args } = options.helpers.parsePythonCall(source, {
            parameterOrder: options.parameterOrder,
          }));
        } catch (error) {
          const result: ToolResult = { ok: false, error: { code: 'PARSE_ERROR', message: errorText(error) } };
          calls.push({ source, name: '', arguments: {}, result });
          continue;
        }
        calls.push({ source, name, arguments: args, result: await session.call(name, args) });
      }
      turns.push({
        calls,
        results: calls.map((c) => toolResultText(c.result, BFCL_ERROR_PREFIX)),
        publicState: await session.publicState(),
      });
    }
    return { initialPublicState, turns };
  } finally {
    session.dispose();
  }
}

/**
 * BFCL's response check: every gold result of the turn must be found among the agent's results of all
 * turns so far, each agent result matching at most one gold result (order ignored). Returns the gold
 * results that were not found.
 */
export function missingGoldResults(gold: readonly string[], model: readonly string[]): string[] {
  const pool = new Map<string, number>();
  for (const r of model) pool.set(r, (pool.get(r) ?? 0) + 1);
  const missing: string[] = [];
  for (const r of gold) {
    const n = pool.get(r) ?? 0;
    if (n > 0) pool.set(r, n - 1);
    else missing.push(r);
  }
  return missing;
}

function parseArguments(raw: string | undefined): Record<string, unknown> | string {
  const text = raw ?? '';
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    return `the arguments are not valid JSON (${errorText(error)})`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return 'the arguments must be one JSON object';
  return value as Record<string, unknown>;
}

const MAX_RESULT_CHARS = 4000;
function clip(text: string): string {
  return text.length > MAX_RESULT_CHARS ? `${text.slice(0, MAX_RESULT_CHARS)}…` : text;
}

/** Runs the agent on one entry and scores it against the gold replay. Model errors propagate. */
export async function runBfclEntry(options: {
  env: LoadedEnvironment;
  entry: BfclEntry;
  data: Pick<BfclData, 'docsByClass' | 'groundTruth'>;
  helpers: Pick<BfclEnvHelpers, 'parsePythonCall'>;
  parameterOrder: ReadonlyMap<string, readonly string[]>;
  model: ChatModel;
  maxStepsPerTurn?: number;
  temperature?: number;
  signal?: AbortSignal;
}): Promise<BfclEntryResult> {
  const { env, entry, model } = options;
  const started = Date.now();
  const groundTruth = options.data.groundTruth.get(entry.id);
  if (!groundTruth) throw new EnvscalerError('NOT_FOUND', `no ground truth for ${entry.id}`);
  const gold = await replayBfclGold({
    env,
    entry,
    groundTruth,
    helpers: options.helpers,
    parameterOrder: options.parameterOrder,
  });
  const tools = bfclToolsFor(options.data, entry.involved_classes);
  const maxSteps = options.maxStepsPerTurn ?? BFCL_MAX_STEPS_PER_TURN;
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  const messages: ChatMessage[] = [];
  const turns: BfclTurnResult[] = [];
  const allResults: string[] = [];
  let forceTerminated: { turn: number; message: string } | undefined;
  const session: EnvironmentSession = await env.createSession({
    config: { involved_classes: entry.involved_classes, initial_config: entry.initial_config },
  });
  try {
    for (const [t, question] of entry.question.entries()) {
      messages.push(...question);
      const turn: BfclTurnResult = { turn: t, calls: [], answer: null, steps: 0, check: 'skipped' };
      turns.push(turn);
      for (;;) {
        if (turn.steps >= maxSteps) {
          forceTerminated = {
            turn: t,
            message: `the agent was still calling tools after ${maxSteps} steps in turn ${t}`,
          };
          break;
        }
        turn.steps++;
        const response = await model.complete({
          stage: 'agent',
          messages: [...messages],
          tools,
          temperature: options.temperature ?? 0.001,
          signal: options.signal,
        });
        addUsage(usage, response.usage);
        const message: AssistantMessage = response.message;
        messages.push(message);
        const toolCalls = message.tool_calls ?? [];
        if (toolCalls.length === 0) {
          turn.answer = message.content ?? '';
          break;
        }
        for (const call of toolCalls) {
          const args = parseArguments(call.function?.arguments);
          let text: string;
          if (typeof args === 'string') {
            // Not decodable: BFCL never executes such a call, so it is not among the agent's results.
            text = `${BFCL_ERROR_PREFIX}${args}`;
          } else {
            const name = call.function.name;
            const result = await session.call(name, args);
            text = toolResultText(result, BFCL_ERROR_PREFIX);
            turn.calls.push({ name, arguments: args, result: clip(text) });
            allResults.push(text);
          }
          messages.push({ role: 'tool', tool_call_id: call.id, content: text, name: call.function?.name });
        }
      }
      if (forceTerminated) break;
      // Checks after the turn (BFCL's multi_turn_checker).
      const goldTurn = gold.turns[t];
      if (goldTurn === undefined) continue;
      turn.goldCalls = goldTurn.calls.length;
      if (goldTurn.calls.length === 0) continue; // an empty gold turn is not checked
      if (turn.calls.length === 0) {
        turn.check = 'empty_turn_model_response';
        continue;
      }
      const state = await session.publicState();
      if (!jsonEqual(state, goldTurn.publicState)) {
        turn.check = 'instance_state_mismatch';
        turn.stateDifference = firstDifference(state, goldTurn.publicState);
        continue;
      }
      const missing = missingGoldResults(goldTurn.results, allResults);
      if (missing.length > 0) {
        turn.check = 'execution_response_mismatch';
        turn.missing = missing.map(clip);
        continue;
      }
      turn.check = 'passed';
    }
  } finally {
    session.dispose();
  }
  let failure: BfclEntryResult['failure'];
  if (forceTerminated) {
    failure = { type: 'force_terminated', turn: forceTerminated.turn, message: forceTerminated.message };
  } else if (entry.question.length !== groundTruth.length) {
    // BFCL fails an entry whose number of model turns differs from the number of ground-truth turns.
    failure = {
      type: 'force_terminated',
      message: `the entry has ${entry.question.length} user turns but ${groundTruth.length} ground-truth turns (BFCL fails it)`,
    };
  } else {
    const bad = turns.find((t) => t.check !== 'passed' && t.check !== 'skipped');
    if (bad) {
      const messagesByType: Record<string, string> = {
        empty_turn_model_response: `the agent made no call in turn ${bad.turn}`,
        instance_state_mismatch: `the state after turn ${bad.turn} differs from the gold state at ${bad.stateDifference ?? '$'}`,
        execution_response_mismatch: `${bad.missing?.length ?? 0} gold result(s) of turn ${bad.turn} are not among the agent's results`,
      };
      failure = {
        type: bad.check as BfclFailureType,
        turn: bad.turn,
        message: messagesByType[bad.check] ?? bad.check,
      };
    }
  }
  return {
    schemaVersion: 1,
    benchmark: 'bfcl-multi-turn',
    id: entry.id,
    split: bfclSplitOf(entry.id),
    classes: [...entry.involved_classes],
    passed: failure === undefined,
    ...(failure ? { failure } : {}),
    turns,
    usage,
    durationMs: Date.now() - started,
  };
}

function accuracy(entries: number, passed: number): AccuracyStat {
  return {
    entries,
    passed,
    accuracy: entries === 0 ? 0 : passed / entries,
    interval95: wilsonInterval(passed, entries),
  };
}

/** Accuracy with a 95% Wilson interval, overall, per involved class and per split. */
export function summarizeBfcl(options: { results: readonly BfclEntryResult[]; model?: string }): BfclSummary {
  const { results } = options;
  const passed = results.filter((r) => r.passed).length;
  const perClassCounts = new Map<string, [number, number]>();
  const perSplitCounts = new Map<'train' | 'test', [number, number]>();
  const failures: Partial<Record<BfclFailureType, number>> = {};
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  for (const r of results) {
    for (const cls of r.classes) {
      const c = perClassCounts.get(cls) ?? [0, 0];
      perClassCounts.set(cls, [c[0] + 1, c[1] + (r.passed ? 1 : 0)]);
    }
    const s = perSplitCounts.get(r.split) ?? [0, 0];
    perSplitCounts.set(r.split, [s[0] + 1, s[1] + (r.passed ? 1 : 0)]);
    if (r.failure) failures[r.failure.type] = (failures[r.failure.type] ?? 0) + 1;
    addUsage(usage, r.usage);
  }
  return {
    schemaVersion: 1,
    benchmark: 'bfcl-multi-turn',
    ...(options.model ? { model: options.model } : {}),
    ...accuracy(results.length, passed),
    errors: results.filter((r) => r.error !== undefined).length,
    perClass: Object.fromEntries(
      [...perClassCounts].sort(([a], [b]) => a.localeCompare(b)).map(([k, [n, p]]) => [k, accuracy(n, p)]),
    ),
    perSplit: Object.fromEntries(
      [...perSplitCounts].sort(([a], [b]) => a.localeCompare(b)).map(([k, [n, p]]) => [k, accuracy(n, p)]),
    ),
    failures,
    usage,
    createdAt: new Date().toISOString(),
  };
}

function parseResult(value: unknown, source?: string): BfclEntryResult {
  const r = value as Partial<BfclEntryResult> | null;
  if (
    !r ||
    typeof r !== 'object' ||
    r.benchmark !== 'bfcl-multi-turn' ||
    typeof r.id !== 'string' ||
    typeof r.passed !== 'boolean'
  ) {
    throw new EnvscalerError('INVALID_ARTIFACT', `${source ?? 'results'}: not a BFCL entry result`);
  }
  return r as BfclEntryResult;
}

/**
 * BFCL v3 multi-turn (base) as BFCL scores it: per entry, each user turn is sent, the agent calls tools
 * until it answers without one, and after each turn the environment's public state must equal the gold
 * replay's (state check) and the gold results of the turn must be among the agent's results so far
 * (response check). Resumable through `<out>/results.jsonl`; entries whose run errored are run again.
 */
export async function runBfclBenchmark(options: RunBfclBenchmarkOptions): Promise<BfclBenchmarkResult> {
  const envDir = options.envDir ?? bfclEnvironmentDir;
  const data = await readBfclData({ dataDir: options.dataDir });
  const selected = Array.isArray(options.entries)
    ? selectBfclEntries(data.entries, (options.entries as readonly string[]).join(','))
    : selectBfclEntries(data.entries, (options.entries as string | undefined) ?? 'all');
  const helpers = bfclEnvHelpers;
  const parameterOrder = helpers.parameterOrderFromDocs([...data.docsByClass.values()].flat());

  const resultsPath = options.out ? join(options.out, 'results.jsonl') : undefined;
  const done = new Map<string, BfclEntryResult>();
  if (resultsPath) {
    await mkdir(options.out as string, { recursive: true });
    const previous = await readJsonlTolerant({ path: resultsPath, parse: parseResult, repair: true });
    for (const r of previous.records) done.set(r.id, r);
  }
  const selectedIds = new Set(selected.map((e) => e.id));
  const todo = selected.filter((e) => {
    const r = done.get(e.id);
    return r === undefined || r.error !== undefined;
  });
  const skipped = selected.length - todo.length;
  const finished = new Map<string, BfclEntryResult>(
    [...done].filter(([id, r]) => selectedIds.has(id) && r.error === undefined),
  );

  const ownEnv = options.env === undefined;
  const env =
    options.env ?? (await loadEnvironment({ dir: envDir, sandbox: options.sandbox, limits: options.limits }));
  const appender = resultsPath ? await JsonlAppender.open(resultsPath) : undefined;
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  let running = 0;
  let ran = 0;
  const report = () => {
    const values = [...finished.values()];
    options.onProgress?.({
      done: values.length,
      total: selected.length,
      passed: values.filter((r) => r.passed).length,
      failed: values.filter((r) => !r.passed && r.error === undefined).length,
      errors: values.filter((r) => r.error !== undefined).length,
      skipped,
      running,
      usage,
    });
  };
  try {
    report();
    await runPool({
      items: todo,
      concurrency: options.concurrency ?? 4,
      signal: options.signal,
      work: async (entry) => {
        running++;
        report();
        let result: BfclEntryResult;
        try {
          result = await runBfclEntry({
            env,
            entry,
            data,
            helpers,
            parameterOrder,
            model: options.model,
            maxStepsPerTurn: options.maxStepsPerTurn,
            temperature: options.temperature,
            signal: options.signal,
          });
        } catch (error) {
          if (isAbort(error, options.signal)) {
            running--;
            return;
          }
          result = {
            schemaVersion: 1,
            benchmark: 'bfcl-multi-turn',
            id: entry.id,
            split: bfclSplitOf(entry.id),
            classes: [...entry.involved_classes],
            passed: false,
            failure: { type: 'error', message: errorText(error) },
            turns: [],
            usage: { promptTokens: 0, completionTokens: 0 },
            durationMs: 0,
            error: errorText(error),
          };
        }
        running--;
        ran++;
        addUsage(usage, result.usage);
        finished.set(entry.id, result);
        await appender?.append(result);
        report();
      },
    });
  } finally {
    await appender?.close();
    if (ownEnv) env.dispose();
  }
  const results = selected
    .map((e) => finished.get(e.id))
    .filter((r): r is BfclEntryResult => r !== undefined);
  const summary = summarizeBfcl({ results, model: options.modelName });
  if (options.out) await writeJson(join(options.out, 'summary.json'), summary);
  return { results, summary, ran, skipped };
}
