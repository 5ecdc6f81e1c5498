import type { JsonSchema } from './json.js';

/** An OpenAI-style function call made by the assistant; `arguments` is the raw JSON text. */
export interface ChatToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface SystemMessage {
  role: 'system';
  content: string;
}
export interface UserMessage {
  role: 'user';
  content: string;
}
export interface AssistantMessage {
  role: 'assistant';
  content: string | null;
  tool_calls?: ChatToolCall[];
}
export interface ToolMessage {
  role: 'tool';
  tool_call_id: string;
  content: string;
  name?: string;
}

/** OpenAI chat-completions message shapes, so trajectories export to fine-tuning data unchanged. */
export type ChatMessage = SystemMessage | UserMessage | AssistantMessage | ToolMessage;

export interface ChatFunctionTool {
  type: 'function';
  function: { name: string; description?: string; parameters: JsonSchema };
}

export type ResponseFormat =
  { type: 'json_object' } | { type: 'json_schema'; name: string; schema: JsonSchema; strict?: boolean };

/**
 * Pipeline steps that call a model. The tag routes per-stage model choice, usage accounting and
 * scripted test replies; any string is accepted so users can add their own stages.
 */
export type KnownStage =
  | 'topic-judge'
  | 'topic-infer'
  | 'topic-score'
  | 'logic-entities'
  | 'logic-operations'
  | 'logic-method'
  | 'logic-repair'
  | 'quality-state'
  | 'quality-tester'
  | 'quality-checker'
  | 'scenario-state'
  | 'scenario-task'
  | 'scenario-checklist'
  | 'scenario-checks'
  | 'scenario-checks-repair'
  | 'scenario-checks-rewrite'
  | 'scenario-solver'
  | 'agent'
  | 'user-simulator';
export type Stage = KnownStage | (string & {});

export interface ChatRequest {
  /** Names the pipeline step making the call. */
  stage: Stage;
  messages: ChatMessage[];
  tools?: ChatFunctionTool[];
  toolChoice?: 'auto' | 'none' | 'required';
  responseFormat?: ResponseFormat;
  temperature?: number;
  maxTokens?: number;
  seed?: number;
  signal?: AbortSignal;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  /**
   * Of `promptTokens`, those the provider served from its prompt cache (OpenAI's
   * `prompt_tokens_details.cached_tokens`), priced at `ModelPrice.cachedPromptPerMillion`; absent when none.
   */
  cachedPromptTokens?: number;
}

export interface ChatResponse {
  message: AssistantMessage;
  usage: TokenUsage;
  /** The model that answered, as the endpoint reported it. */
  model: string;
  finishReason: 'stop' | 'tool_calls' | 'length' | 'content_filter' | 'other';
  /** True when the answer came from a cache or cassette rather than the endpoint. */
  cached?: boolean;
}

/** The one interface every pipeline stage talks to; feature packages receive it, never build it. */
export interface ChatModel {
  complete(request: ChatRequest): Promise<ChatResponse>;
}

export interface EmbeddingRequest {
  stage: Stage;
  inputs: string[];
  signal?: AbortSignal;
}

export interface EmbeddingResponse {
  vectors: number[][];
  usage: TokenUsage;
}

export interface EmbeddingModel {
  embed(request: EmbeddingRequest): Promise<EmbeddingResponse>;
}

/** One tool call in a hand-written reply; `arguments` may be an object or the raw JSON text. */
export interface ScriptedToolCall {
  id?: string;
  name: string;
  arguments?: unknown;
}

/** Which requests a reply in a cassette file may answer: text the request contains, or a regex. */
export type ScriptedMatch = string | { regex: string; flags?: string };

/**
 * A model reply written by hand (scripted cassettes, `MockChatModel`, the mock OpenAI server): plain
 * text, or an object with `content` text, a `json` value (sent as its JSON text) and/or `toolCalls`.
 * Omitted fields get defaults: `finishReason` from the tool calls, `usage` estimated from the text.
 */
export type ScriptedReply =
  | string
  | {
      /** Cassette files only: answer only requests whose messages fit this (see `pickScriptedReply`). */
      match?: ScriptedMatch;
      content?: string | null;
      json?: unknown;
      toolCalls?: ScriptedToolCall[];
      finishReason?: ChatResponse['finishReason'];
      usage?: Partial<TokenUsage>;
      model?: string;
    };

/** The request fields a cassette is keyed by: everything in a `ChatRequest` but the signal. */
export interface CassetteRequest {
  stage: Stage;
  /** The model name the wrapped ChatModel uses for this stage, when it can tell. */
  model?: string;
  messages: ChatMessage[];
  tools?: ChatFunctionTool[];
  toolChoice?: ChatRequest['toolChoice'];
  responseFormat?: ResponseFormat;
  temperature?: number;
  maxTokens?: number;
  seed?: number;
}

/** One recorded model response, stored as `<dir>/<sha256 of the canonical request>.json`. */
export interface CassetteRecord {
  schemaVersion: 1;
  request: CassetteRequest;
  response: Omit<ChatResponse, 'cached'>;
  recordedAt?: string;
}

/**
 * The HTTP header carrying a request's stage tag: the OpenAI client sends it, and the testing package's
 * mock server routes scripted replies by it (so both sides use this one name).
 */
export const stageHeader = 'x-envscaler-stage';
