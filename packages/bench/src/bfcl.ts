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
  runToolCall,
  wilsonInterval,
  type ToolCallRules,
} from '@envscaler/validate';
import {
  BFCL_CATEGORIES,
  bfclCategoryOf,
  bfclSplitOf,
  bfclToolsAt,
  bfclTurnMessages,
  bfclEnvHelpers,
  readBfclData,
  selectBfclEntries,
  type BfclCategory,
  type BfclData,
  type BfclEntry,
  type BfclEnvHelpers,
} from './bfcl-data.js';
import { addUsage, errorText, isAbort, runPool, toolResultText, writeJson } from './common.js';
import { bfclEnvironmentDir } from '@envscaler/env-bfcl-multi-turn';

/** BFCL's cap on steps with tool calls within one user turn (`MAXIMUM_STEP_LIMIT`); one more ends the conversation. */
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
  /**
   * The agent's executed calls in this turn, with the result text each returned. `offered: false` marks a
   * call to a function that was not among the turn's tools (a miss_func function still withheld, or one no
   * doc lists); it runs all the same, as in BFCL, whose executor routes every public method of the classes.
   */
  calls: { name: string; arguments: Record<string, unknown>; result: string; offered?: false }[];
  /** The agent's closing text of the turn (null when it stopped with a tool call). */
  answer: string | null;
  /** Model queries in this turn. */
  steps: number;
  /** The agent hit the step cap in this, the last, turn (BFCL then checks the entry as usual). */
  forceQuit?: true;
  /** Ground-truth calls of this turn (undefined when the ground truth has no such turn). */
  goldCalls?: number;
  /** BFCL's checks for this turn; 'skipped' for empty ground-truth turns and turns past the ground truth. */
  check: 'passed' | 'skipped' | Exclude<BfclFailureType, 'force_terminated' | 'error'>;
  /**
   * The gold turn is empty (the request cannot be fulfilled yet: a missing parameter or function) but the
   * agent called tools. Not a failure in itself: BFCL does not score these turns (its irrelevance check is
   * switched off); the calls still ran, so later state and response checks see their effects.
   */
  irrelevance?: true;
  /** Gold results not found among the agent's results so far (response check). */
  missing?: string[];
  /** First JSON path where the agent's public state differs from the gold state (state check). */
  stateDifference?: string;
}

/** One line of `results.jsonl`. */
export interface BfclEntryResult {
  schemaVersion: 1;
  benchmark: 'bfcl-multi-turn';
  /** The entry's category (from its id; results written before categories existed lack it: base). */
  category?: BfclCategory;
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
  /** The category of the entries (when they all share one). */
  category?: BfclCategory;
  model?: string;
  /** Entries whose run failed (model errors); counted as failed, re-run on resume. */
  errors: number;
  perClass: Record<string, AccuracyStat>;
  perSplit: Partial<Record<'train' | 'test', AccuracyStat>>;
  failures: Partial<Record<BfclFailureType, number>>;
  /** Entries where the agent called tools in a turn whose gold is empty (informational, see `irrelevance`). */
  irrelevance: number;
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
  /** The BFCL multi-turn category (default `base`); see `runBfclSuite` for several. */
  category?: BfclCategory;
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
  /** Steps with tool calls allowed per user turn; one more force-terminates the entry (default 20, as BFCL). */
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
  /** Load the classes in long-context mode (the long_context category). */
  longContext?: boolean;
}): Promise<{ initialPublicState: unknown; turns: BfclGoldTurn[] }> {
  const session = await options.env.createSession({
    config: bfclSessionConfig(options.entry, options.longContext === true),
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

/** The environment config of an entry's session (`long_context` as BFCL loads the long_context category). */
function bfclSessionConfig(
  entry: Pick<BfclEntry, 'involved_classes' | 'initial_config'>,
  longContext: boolean,
): Record<string, unknown> {
  return {
    involved_classes: entry.involved_classes,
    initial_config: entry.initial_config,
    ...(longContext ? { long_context: true } : {}),
  };
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

/**
 * BFCL's multi-turn runner executes a call to any public method of the involved classes, offered or not
 * (miss_func scores calls to withheld functions), but never one whose arguments do not decode to keyword
 * arguments.
 */
const BFCL_TOOL_CALL_RULES: ToolCallRules = { names: 'session', arguments: 'object' };

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
  // As BFCL: the category comes from the entry id, and long_context loads the classes in long-context mode.
  const category = bfclCategoryOf(entry.id);
  const longContext = category === 'long_context';
  const gold = await replayBfclGold({
    env,
    entry,
    groundTruth,
    helpers: options.helpers,
    parameterOrder: options.parameterOrder,
    longContext,
  });
  const maxSteps = options.maxStepsPerTurn ?? BFCL_MAX_STEPS_PER_TURN;
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  const messages: ChatMessage[] = [];
  const turns: BfclTurnResult[] = [];
  const allResults: string[] = [];
  let forceTerminated: { turn: number; message: string } | undefined;
  const session: EnvironmentSession = await env.createSession({
    config: bfclSessionConfig(entry, longContext),
  });
  try {
    for (let t = 0; t < entry.question.length; t++) {
      // The turn's user message(s); miss_func: the fixed message at the turn that adds the withheld functions.
      messages.push(...bfclTurnMessages(entry, t));
      // The tools of this turn (miss_func: without the functions still withheld).
      const tools = bfclToolsAt(options.data, entry, t);
      const offered = new Set(tools.map((tool) => tool.function.name));
      const turn: BfclTurnResult = { turn: t, calls: [], answer: null, steps: 0, check: 'skipped' };
      turns.push(turn);
      for (;;) {
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
          const step = await runToolCall({ session, call, toolNames: offered, rules: BFCL_TOOL_CALL_RULES });
          const text = toolResultText(step.result, BFCL_ERROR_PREFIX);
          // Not decodable: BFCL never executes such a call, so it is not among the agent's results.
          if (step.reachedSession) {
            const name = step.name;
            turn.calls.push({
              name,
              arguments: step.arguments as Record<string, unknown>,
              result: clip(text),
              ...(offered.has(name) ? {} : { offered: false as const }),
            });
            allResults.push(text);
          }
          messages.push({ role: 'tool', tool_call_id: call.id, content: text, name: call.function?.name });
        }
        // As BFCL's inference loop: once the calls of more than `maxSteps` steps in one turn have run, the
        // conversation is force-quit (the step that crossed the cap still ran).
        if (turn.steps > maxSteps) {
          forceTerminated = {
            turn: t,
            message: `the agent was still calling tools after ${maxSteps} steps in turn ${t}`,
          };
          break;
        }
      }
      // A force quit ends the conversation. In the last turn BFCL still has a result for every turn, so the
      // entry is checked as usual; earlier, the missing turns fail it.
      if (forceTerminated && t < entry.question.length - 1) break;
      if (forceTerminated) {
        turn.forceQuit = true;
        forceTerminated = undefined;
      }
      // Checks after the turn (BFCL's multi_turn_checker).
      const goldTurn = gold.turns[t];
      if (goldTurn === undefined) continue;
      turn.goldCalls = goldTurn.calls.length;
      if (goldTurn.calls.length === 0) {
        // An empty gold turn is not checked (BFCL's checker skips it; its irrelevance check is not called).
        if (turn.calls.length > 0) turn.irrelevance = true;
        continue;
      }
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
    category,
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
export function summarizeBfcl(options: {
  results: readonly BfclEntryResult[];
  model?: string;
  category?: BfclCategory;
}): BfclSummary {
  const { results } = options;
  const passed = results.filter((r) => r.passed).length;
  const perClassCounts = new Map<string, [number, number]>();
  const perSplitCounts = new Map<'train' | 'test', [number, number]>();
  const failures: Partial<Record<BfclFailureType, number>> = {};
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  const categories = new Set(results.map((r) => r.category ?? 'base'));
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
  const category = options.category ?? (categories.size === 1 ? [...categories][0] : undefined);
  return {
    schemaVersion: 1,
    benchmark: 'bfcl-multi-turn',
    ...(category ? { category } : {}),
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
    irrelevance: results.filter((r) => r.turns.some((t) => t.irrelevance)).length,
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
 * One BFCL v3 multi-turn category (default `base`) as BFCL scores it: per entry, each user turn is sent,
 * the agent calls tools until it answers without one, and after each turn whose gold has calls the
 * environment's public state must equal the gold replay's (state check) and the gold results of the turn
 * must be among the agent's results so far (response check). miss_func withholds functions until the turn
 * that adds them; long_context loads the classes in long-context mode. Resumable through
 * `<out>/results.jsonl`; entries whose run errored are run again.
 */
export async function runBfclBenchmark(options: RunBfclBenchmarkOptions): Promise<BfclBenchmarkResult> {
  const envDir = options.envDir ?? bfclEnvironmentDir;
  const category = options.category ?? 'base';
  const data = await readBfclData({ dataDir: options.dataDir, category });
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
            category,
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
  const summary = summarizeBfcl({ results, model: options.modelName, category });
  if (options.out) await writeJson(join(options.out, 'summary.json'), summary);
  return { results, summary, ran, skipped };
}

/** `summary.json` of a run over several categories. */
export interface BfclSuiteSummary {
  schemaVersion: 1;
  benchmark: 'bfcl-multi-turn';
  model?: string;
  /** Each category's accuracy (its `summary.json` is in `<out>/<category>/`). */
  categories: Partial<Record<BfclCategory, AccuracyStat>>;
  /**
   * BFCL's multi-turn score: the unweighted mean of the category accuracies (`calculate_unweighted_accuracy`
   * in BFCL's `eval_runner_helper.py`); `entries` and `passed` are the totals.
   */
  overall: { accuracy: number; entries: number; passed: number };
  errors: number;
  usage: TokenUsage;
  createdAt: string;
}

export interface RunBfclSuiteOptions extends Omit<
  RunBfclBenchmarkOptions,
  'category' | 'model' | 'onProgress'
> {
  /** Categories to run, in order (default: all four). */
  categories?: readonly BfclCategory[];
  /** The agent, or one per category (e.g. a gold agent built from that category's data). */
  model: ChatModel | ((category: BfclCategory) => ChatModel | Promise<ChatModel>);
  /** Run directory: one subdirectory per category (`<out>/<category>/`) and the suite's `summary.json`. */
  out?: string;
  onProgress?: (category: BfclCategory, progress: BfclProgress) => void;
}

export interface BfclSuiteResult {
  categories: Partial<Record<BfclCategory, BfclBenchmarkResult>>;
  summary: BfclSuiteSummary;
}

/** The suite summary of per-category summaries: each category's accuracy and their unweighted mean. */
export function summarizeBfclSuite(options: {
  summaries: Partial<Record<BfclCategory, BfclSummary>>;
  model?: string;
}): BfclSuiteSummary {
  const entries = BFCL_CATEGORIES.flatMap((c) => {
    const s = options.summaries[c];
    return s ? [[c, s] as const] : [];
  });
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  for (const [, s] of entries) addUsage(usage, s.usage);
  return {
    schemaVersion: 1,
    benchmark: 'bfcl-multi-turn',
    ...(options.model ? { model: options.model } : {}),
    categories: Object.fromEntries(
      entries.map(([c, s]) => [
        c,
        { entries: s.entries, passed: s.passed, accuracy: s.accuracy, interval95: s.interval95 },
      ]),
    ),
    overall: {
      accuracy:
        entries.length === 0 ? 0 : entries.reduce((sum, [, s]) => sum + s.accuracy, 0) / entries.length,
      entries: entries.reduce((sum, [, s]) => sum + s.entries, 0),
      passed: entries.reduce((sum, [, s]) => sum + s.passed, 0),
    },
    errors: entries.reduce((sum, [, s]) => sum + s.errors, 0),
    usage,
    createdAt: new Date().toISOString(),
  };
}

/**
 * Several BFCL multi-turn categories (default: the four of BFCL's multi-turn score), one after another,
 * each with `runBfclBenchmark` in `<out>/<category>/`; the suite summary reports each category and their
 * unweighted mean, which is BFCL's multi-turn score. `entries` selects within every category (by number,
 * split or range; ids name one category's entries).
 */
export async function runBfclSuite(options: RunBfclSuiteOptions): Promise<BfclSuiteResult> {
  const categories = options.categories ?? BFCL_CATEGORIES;
  const ownEnv = options.env === undefined;
  const env =
    options.env ??
    (await loadEnvironment({
      dir: options.envDir ?? bfclEnvironmentDir,
      sandbox: options.sandbox,
      limits: options.limits,
    }));
  const results: Partial<Record<BfclCategory, BfclBenchmarkResult>> = {};
  try {
    for (const category of categories) {
      if (options.signal?.aborted) break;
      const model = typeof options.model === 'function' ? await options.model(category) : options.model;
      results[category] = await runBfclBenchmark({
        ...options,
        category,
        model,
        env,
        out: options.out ? join(options.out, category) : undefined,
        onProgress: options.onProgress ? (p) => options.onProgress?.(category, p) : undefined,
      });
    }
  } finally {
    if (ownEnv) env.dispose();
  }
  const summary = summarizeBfclSuite({
    summaries: Object.fromEntries(Object.entries(results).map(([c, r]) => [c, r.summary])),
    model: options.modelName,
  });
  if (options.out) await writeJson(join(options.out, 'summary.json'), summary);
  return { categories: results, summary };
}
