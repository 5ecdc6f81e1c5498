/**
 * Shared by the tests (not exported from the package): scripted agents that replay gold calls.
 */
import type { ChatRequest, ScriptedReply } from '@envscaler/core';
import { turnPosition } from './bfcl-gold-agent.js';

/**
 * An agent handler that, in user turn t, emits the calls of `turns[t]` as one assistant message with
 * parallel tool calls (or one call per message when `oneByOne`), then answers with text.
 */
export function goldTurnAgent(
  turns: readonly { name: string; arguments: Record<string, unknown> }[][],
  options: { oneByOne?: boolean } = {},
): (request: ChatRequest) => ScriptedReply {
  return (request) => {
    const { turn, stepsInTurn } = turnPosition(request.messages);
    const calls = turns[turn] ?? [];
    if (options.oneByOne) {
      const call = calls[stepsInTurn];
      return call
        ? { toolCalls: [{ name: call.name, arguments: call.arguments }] }
        : `Done with turn ${turn}.`;
    }
    if (stepsInTurn === 0 && calls.length > 0)
      return { toolCalls: calls.map((c) => ({ name: c.name, arguments: c.arguments })) };
    return `Done with turn ${turn}.`;
  };
}
