import {
  EnvscalerError,
  scriptedReplyToResponse,
  type ChatModel,
  type ChatRequest,
  type ChatResponse,
  type ScriptedReply,
  type Stage,
} from '@envscaler/core';

/**
 * One scripted reply: text, a `{ json }` / `{ content }` / `{ toolCalls }` object (see `ScriptedReply`),
 * an Error to throw (e.g. an `LlmCallError`), or a function computing any of these from the request.
 */
export type MockReply = ScriptedReply | Error | ((request: ChatRequest) => MockReply | Promise<MockReply>);

/** A handler answers every call for its stage, for as long as the model lives. */
export type MockHandler = (request: ChatRequest) => MockReply | Promise<MockReply>;

/**
 * Replies per stage: an array is a queue (each entry used once, in order); a function answers every
 * call. The `default` key serves stages without an entry of their own (and stages whose queue is empty).
 */
export type MockScript = Partial<Record<Stage | 'default', MockReply[] | MockHandler>>;

/** Thrown when a test did not script enough replies; it names the stage and the last user message. */
export class MockScriptExhaustedError extends Error {
  readonly stage: string;
  constructor(options: { stage: string; used: number; lastUserMessage: string }) {
    const last = options.lastUserMessage;
    const preview = last.length > 200 ? `${last.slice(0, 200)}…` : last;
    super(
      `MockChatModel: no scripted reply left for stage '${options.stage}' ` +
        `(${options.used} used, no 'default' either). Last user message: ${JSON.stringify(preview)}`,
    );
    this.name = 'MockScriptExhaustedError';
    this.stage = options.stage;
  }
}

export interface MockChatModelOptions {
  script?: MockScript;
  /** Reported as `response.model` and by `modelFor` (default `mock-model`). */
  model?: string;
}

/**
 * A scripted `ChatModel` for tests: replies are routed by `request.stage`, every request is recorded
 * (`calls`, `callsFor(stage)`), and running out of replies is a clear error rather than a hang.
 */
export class MockChatModel implements ChatModel {
  /** Every request received, in order (messages copied, so later mutation by the caller is not seen). */
  readonly calls: ChatRequest[] = [];
  readonly model: string;
  private readonly queues = new Map<string, MockReply[]>();
  private readonly handlers = new Map<string, MockHandler>();
  private readonly used = new Map<string, number>();

  constructor(options: MockChatModelOptions = {}) {
    this.model = options.model ?? 'mock-model';
    for (const [stage, entry] of Object.entries(options.script ?? {})) {
      if (entry !== undefined) this.add({ stage, replies: entry });
    }
  }

  /** Appends replies to a stage's queue (or `default`), or sets a handler for it. */
  add(options: { stage: Stage | 'default'; replies: MockReply[] | MockHandler }): this {
    if (typeof options.replies === 'function') this.handlers.set(options.stage, options.replies);
    else this.queues.set(options.stage, [...(this.queues.get(options.stage) ?? []), ...options.replies]);
    return this;
  }

  /** The requests made with one stage tag. */
  callsFor(stage: Stage): ChatRequest[] {
    return this.calls.filter((call) => call.stage === stage);
  }

  /** How many queued replies are left for a stage (not counting `default`). */
  remaining(stage: Stage | 'default'): number {
    return this.queues.get(stage)?.length ?? 0;
  }

  /** The model name this mock reports (lets cassettes key recordings by model). */
  modelFor(_stage: Stage): string {
    return this.model;
  }

  async complete(request: ChatRequest): Promise<ChatResponse> {
    this.calls.push({ ...request, messages: [...request.messages] });
    const sequence = this.calls.length;
    if (request.signal?.aborted) {
      throw new EnvscalerError('ABORTED', `stage '${request.stage}' was cancelled`);
    }
    let reply: MockReply = this.next(request);
    while (typeof reply === 'function') reply = await reply(request);
    if (reply instanceof Error) throw reply;
    return scriptedReplyToResponse({ reply, model: this.model, request, sequence });
  }

  private next(request: ChatRequest): MockReply {
    for (const key of [request.stage, 'default']) {
      const queue = this.queues.get(key);
      if (queue && queue.length > 0) {
        this.used.set(key, (this.used.get(key) ?? 0) + 1);
        return queue.shift()!;
      }
      const handler = this.handlers.get(key);
      if (handler) return handler;
    }
    const lastUser = [...request.messages].reverse().find((m) => m.role === 'user');
    throw new MockScriptExhaustedError({
      stage: request.stage,
      used: this.used.get(request.stage) ?? 0,
      lastUserMessage: lastUser?.content ?? '(none)',
    });
  }
}

/** `new MockChatModel(options)`, for those who prefer factories. */
export function createMockChatModel(options: MockChatModelOptions = {}): MockChatModel {
  return new MockChatModel(options);
}
