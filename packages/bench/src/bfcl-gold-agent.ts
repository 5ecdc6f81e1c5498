import {
  EnvscalerError,
  type ChatMessage,
  type ChatModel,
  type ChatRequest,
  type ChatResponse,
  type ChatToolCall,
} from '@envscaler/core';
import { bfclEnvHelpers, bfclToolsAt, bfclTurnMessages, type BfclData } from './bfcl-data.js';

/** Index of the current user turn and the number of assistant steps since the turn's last user message. */
export function turnPosition(messages: readonly ChatMessage[]): { turn: number; stepsInTurn: number } {
  let turn = -1;
  let steps = 0;
  for (const m of messages) {
    if (m.role === 'user') {
      turn++;
      steps = 0;
    } else if (m.role === 'assistant') steps++;
  }
  return { turn, stepsInTurn: steps };
}

const promptText = (messages: readonly ChatMessage[]): string[] =>
  messages.filter((m) => m.role === 'user' || m.role === 'system').map((m) => `${m.role}:${m.content}`);

/**
 * An agent that needs no model: it recognises the BFCL entry by the conversation so far (the user messages
 * as the harness sends them, miss_func's "more functions" message included) and the tools offered in the
 * turn, and answers each user turn with that turn's ground-truth calls (all at once), then a short text. A
 * turn whose ground truth is empty (miss_param's missing value, the turn before miss_func gives the
 * functions back) is answered with text only. Running the harness with it checks the installation end to
 * end — data, environment, gold replay and scoring: every entry whose ground truth is consistent passes.
 * Build one per category: the categories share many conversations.
 */
export function createBfclGoldAgent(options: {
  data: Pick<BfclData, 'entries' | 'groundTruth' | 'docsByClass'>;
}): ChatModel {
  const { data } = options;
  const parameterOrder = bfclEnvHelpers.parameterOrderFromDocs([...data.docsByClass.values()].flat());
  const prompts = data.entries.map((entry) => ({
    entry,
    text: promptText(entry.question.flatMap((_, t) => bfclTurnMessages(entry, t))),
  }));
  let callCounter = 0;

  const toolKey = (names: Iterable<string>) => [...names].sort().join(',');
  /** The names of the tools an entry offers in a turn (miss_func: fewer before the functions come back). */
  const toolsCache = new Map<string, string>();
  const toolsOf = (entry: (typeof data.entries)[number], turn: number): string => {
    const key = `${entry.id}#${turn}`;
    let names = toolsCache.get(key);
    if (names === undefined) {
      names = toolKey(bfclToolsAt(data, entry, turn).map((t) => t.function.name));
      toolsCache.set(key, names);
    }
    return names;
  };

  /** The gold calls of the current turn: the conversation so far and the offered tools pick the entry. */
  function goldFor(request: ChatRequest, turn: number): string[] {
    const seen = promptText(request.messages);
    const offered = toolKey((request.tools ?? []).map((t) => t.function.name));
    const matches = prompts.filter(
      (p) =>
        seen.length <= p.text.length &&
        seen.every((line, i) => line === p.text[i]) &&
        (request.tools === undefined || toolsOf(p.entry, turn) === offered),
    );
    if (matches.length === 0)
      throw new EnvscalerError('INVALID_INPUT', 'gold agent: the conversation matches no BFCL entry');
    const answers = matches.map((m) => data.groundTruth.get(m.entry.id)?.[turn] ?? []);
    // Entries that share their opening turns are fine as long as they agree on this turn's calls.
    if (answers.some((a) => JSON.stringify(a) !== JSON.stringify(answers[0])))
      throw new EnvscalerError(
        'INVALID_INPUT',
        `gold agent: the conversation so far matches entries with different gold calls (${matches.map((m) => m.entry.id).join(', ')})`,
      );
    return answers[0] ?? [];
  }

  return {
    async complete(request: ChatRequest): Promise<ChatResponse> {
      const { turn, stepsInTurn } = turnPosition(request.messages);
      const gold = stepsInTurn === 0 ? goldFor(request, turn) : [];
      const toolCalls: ChatToolCall[] =
        stepsInTurn === 0
          ? gold.map((source) => {
              const { name, args } = bfclEnvHelpers.parsePythonCall(source, { parameterOrder });
              return { id: `gold_${++callCounter}`, type: 'function', function: { name, arguments: JSON.stringify(args) } };
            })
          : [];
      const usage = { promptTokens: 0, completionTokens: 0 };
      return toolCalls.length > 0
        ? { message: { role: 'assistant', content: null, tool_calls: toolCalls }, usage, model: 'gold', finishReason: 'tool_calls' }
        : { message: { role: 'assistant', content: `Done with turn ${turn}.` }, usage, model: 'gold', finishReason: 'stop' };
    },
  };
}
