import type { ChatMessage, ChatModel, Stage, TokenUsage } from '@envscaler/core';
import { addUsage } from './common.js';

export interface SimulatedUserOptions {
  /** The model playing the user (requests use stage 'user-simulator' unless `stage` says otherwise). */
  model: ChatModel;
  /** The user's instructions (persona, goal, rules). */
  system: string;
  /** The agent's opening line, which the user answers first. */
  opening: string;
  temperature?: number;
  signal?: AbortSignal;
  stage?: Stage;
  /**
   * Return the text after `</think>` (the whole reply otherwise), trimmed, as ACEBench's user agent does; the
   * raw reply stays in the transcript. Off: the reply as the model gave it.
   */
  stripThinking?: boolean;
}

/**
 * The simulated user of a conversational benchmark, with the bookkeeping τ²-bench's user simulator uses:
 * the model sees its instructions as the system message, the agent's messages as `user` turns and its own
 * earlier messages as `assistant` turns, starting from the agent's opening line.
 */
export class SimulatedUser {
  readonly usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  private readonly history: ChatMessage[];

  constructor(private readonly options: SimulatedUserOptions) {
    this.history = [
      { role: 'system', content: options.system },
      { role: 'user', content: options.opening },
    ];
  }

  /** The user's first message: the answer to the opening line. */
  start(): Promise<string> {
    return this.next();
  }

  /** The user's answer to a message of the agent. */
  reply(agentText: string): Promise<string> {
    this.history.push({ role: 'user', content: agentText });
    return this.next();
  }

  /** The user model's conversation so far (system message included). */
  get transcript(): readonly ChatMessage[] {
    return this.history;
  }

  private async next(): Promise<string> {
    const response = await this.options.model.complete({
      stage: this.options.stage ?? 'user-simulator',
      messages: [...this.history],
      temperature: this.options.temperature,
      signal: this.options.signal,
    });
    addUsage(this.usage, response.usage);
    const raw = response.message.content ?? '';
    this.history.push({ role: 'assistant', content: raw });
    if (!this.options.stripThinking) return raw;
    return (raw.includes('</think>') ? (raw.split('</think>')[1] ?? '') : raw).trim();
  }
}
