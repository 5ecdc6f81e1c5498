// The one tool-call step every agent loop takes (episodes and `serve`, regrading, the solvability gate, the
// benchmark harnesses): parse the model's call, check it against the rules, run it in the session, and
// report what happened. A benchmark whose original evaluator applies another rule says so with a named
// option in `ToolCallRules`, never with a parser of its own.
import { EnvscalerError, type ChatToolCall, type ToolResult, type ToolSession } from '@envscaler/core';

/** The rules a call must pass before it reaches the session. Defaults: those of envscaler's rollouts. */
export interface ToolCallRules {
  /**
   * Which names are called. 'offered' (default): only the tools given to the agent; any other name is an
   * UNKNOWN_TOOL result that never runs. 'session': every name goes to the session, which answers unknown
   * ones itself (BFCL's multi-turn runner executes any public method of the involved classes, offered or not).
   */
  names?: 'offered' | 'session';
  /**
   * Which decoded arguments are passed on. 'object' (default): one JSON object, anything else is an
   * INVALID_ARGUMENTS result that never runs. 'any-json': any JSON value reaches the session, whose argument
   * validation answers it (τ-bench and ACEBench hand `json.loads(arguments)` to the tool as it is; JSON
   * `null` counts as no arguments, as their `**kwargs` of nothing).
   */
  arguments?: 'object' | 'any-json';
}

export type ParsedToolCall<Args = Record<string, unknown>> =
  { ok: true; name: string; arguments: Args } | { ok: false; result: ToolResult };

/** One call after the step: its result, and whether it reached the session. */
export interface ToolCallOutcome {
  name: string;
  /** The decoded arguments, when the call reached the session. */
  arguments?: unknown;
  /** False when the rules stopped it (unknown tool, undecodable or non-object arguments): nothing ran. */
  reachedSession: boolean;
  /**
   * The result (for a session with `callJson`, as the runtime's have, parsed from `content` when first
   * read: a loop that only sends the text on never parses it).
   */
  result: ToolResult;
  /** The result as JSON text, what a tool message carries: `JSON.stringify(result)`. */
  content: string;
}

/** An outcome whose `result` is parsed from `content` on first read. */
function outcomeOfText(name: string, args: unknown, content: string): ToolCallOutcome {
  let result: ToolResult | undefined;
  return {
    name,
    arguments: args,
    reachedSession: true,
    get result(): ToolResult {
      return (result ??= JSON.parse(content) as ToolResult);
    },
    set result(value: ToolResult) {
      result = value;
    },
    content,
  };
}

function rejected(code: string, message: string): { ok: false; result: ToolResult } {
  return { ok: false, result: { ok: false, error: { code, message } } };
}

/**
 * Checks one assistant tool call before it reaches the environment. Under the default rules (only offered
 * tools; arguments one JSON object, an empty string meaning none) every failure becomes an error result the
 * agent can recover from, and the call never runs.
 */
export function parseToolCall(
  call: ChatToolCall,
  toolNames: ReadonlySet<string>,
  rules?: ToolCallRules & { arguments?: 'object' },
): ParsedToolCall;
export function parseToolCall(
  call: ChatToolCall,
  toolNames: ReadonlySet<string>,
  rules: ToolCallRules,
): ParsedToolCall<unknown>;
export function parseToolCall(
  call: ChatToolCall,
  toolNames: ReadonlySet<string>,
  rules: ToolCallRules = {},
): ParsedToolCall<unknown> {
  const name = call.function?.name ?? '';
  if ((rules.names ?? 'offered') === 'offered' && !toolNames.has(name)) {
    return rejected(
      'UNKNOWN_TOOL',
      `There is no tool named '${name}'. Available tools: ${[...toolNames].join(', ')}.`,
    );
  }
  const raw = call.function?.arguments ?? '';
  let args: unknown;
  try {
    args = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch (error) {
    return rejected(
      'INVALID_ARGUMENTS',
      `The arguments of '${name}' are not valid JSON (${(error as Error).message}).`,
    );
  }
  if (rules.arguments === 'any-json') return { ok: true, name, arguments: args ?? {} };
  if (args === null || typeof args !== 'object' || Array.isArray(args)) {
    return rejected('INVALID_ARGUMENTS', `The arguments of '${name}' must be one JSON object.`);
  }
  return { ok: true, name, arguments: args };
}

/**
 * The tool-call step: parses `call` under `rules`, runs it in `session` when the rules let it through, and
 * turns a session that throws into an error result (code TOOL_FAILED, or the EnvscalerError's own code), so
 * an environment bug never ends the loop.
 */
export async function runToolCall(options: {
  session: ToolSession;
  call: ChatToolCall;
  /** The tools offered to the agent (used when `rules.names` is 'offered'). */
  toolNames: ReadonlySet<string>;
  rules?: ToolCallRules;
}): Promise<ToolCallOutcome> {
  const parsed = parseToolCall(options.call, options.toolNames, options.rules ?? {});
  const name = options.call.function?.name ?? '';
  if (!parsed.ok)
    return { name, reachedSession: false, result: parsed.result, content: JSON.stringify(parsed.result) };
  const { session } = options;
  let result: ToolResult;
  try {
    if (session.callJson !== undefined)
      return outcomeOfText(name, parsed.arguments, await session.callJson(parsed.name, parsed.arguments));
    result = await session.call(parsed.name, parsed.arguments);
  } catch (error) {
    const code = error instanceof EnvscalerError ? error.code : 'TOOL_FAILED';
    result = { ok: false, error: { code, message: error instanceof Error ? error.message : String(error) } };
  }
  return {
    name,
    arguments: parsed.arguments,
    reachedSession: true,
    result,
    content: JSON.stringify(result),
  };
}
