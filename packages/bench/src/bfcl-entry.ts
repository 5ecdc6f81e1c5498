import {
  EnvscalerError,
  type AssistantMessage,
  type ChatMessage,
  type ChatModel,
  type TokenUsage,
  type ToolResult,
} from '@envscaler/core';
import type { EnvironmentSession, LoadedEnvironment } from '@envscaler/runtime';
import { firstDifference, jsonEqual, runToolCall, type ToolCallRules } from '@envscaler/validate';
import {
  bfclCategoryOf,
  bfclSplitOf,
  bfclToolsAt,
  bfclTurnMessages,
  type BfclCategory,
  type BfclData,
  type BfclEntry,
  type BfclEnvHelpers,
} from './bfcl-data.js';
import { addUsage, errorText, toolResultText } from './common.js';

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

/**
 * The gold side of one entry: per ground-truth turn, the result texts and the public state after it, as
 * the JSON text the sandbox printed (the agent's state is compared by text first, parsed only when the
 * texts differ; most runs store or compare it and never need the parse).
 */
export interface BfclGoldTurn {
  calls: { source: string; name: string; arguments: Record<string, unknown>; result: ToolResult }[];
  results: string[];
  publicStateJson: string;
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
}): Promise<{ initialPublicStateJson: string; turns: BfclGoldTurn[] }> {
  const session = await options.env.createSession({
    config: bfclSessionConfig(options.entry, options.longContext === true),
  });
  try {
    const initialPublicStateJson = await session.publicStateJson();
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
        publicStateJson: await session.publicStateJson(),
      });
    }
    return { initialPublicStateJson, turns };
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
 * BFCL's state check on two public states as JSON text: the first JSON path where they differ, or
 * undefined when equal. Equal text is an equal state and is not parsed; other text is parsed and compared
 * with key order ignored (BFCL compares attribute dicts).
 */
export function publicStateDifference(actualJson: string, goldJson: string): string | undefined {
  if (actualJson === goldJson) return undefined;
  const actual: unknown = JSON.parse(actualJson);
  const gold: unknown = JSON.parse(goldJson);
  return jsonEqual(actual, gold) ? undefined : (firstDifference(actual, gold) ?? '$');
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
      const difference = publicStateDifference(await session.publicStateJson(), goldTurn.publicStateJson);
      if (difference !== undefined) {
        turn.check = 'instance_state_mismatch';
        turn.stateDifference = difference;
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
