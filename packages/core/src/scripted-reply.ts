import type {
  CassetteRecord,
  ChatRequest,
  ChatResponse,
  ChatToolCall,
  ScriptedMatch,
  ScriptedReply,
} from './types/chat.js';
import type { JsonSchema } from './types/json.js';
import { InvalidArtifactError } from './errors.js';
import { compileSchema, type SchemaValidator } from './validation.js';

// Hand-written replies and recorded responses are shared by @envscaler/llm (cassettes) and
// @envscaler/testing (MockChatModel, the mock OpenAI server), so their format is defined once, here.

const finishReasons = ['stop', 'tool_calls', 'length', 'content_filter', 'other'];

export const scriptedReplySchema: JsonSchema = {
  $id: 'envscaler:ScriptedReply',
  // Plain text, or an object; the object keywords below do not apply to strings.
  type: ['string', 'object'],
  additionalProperties: false,
  properties: {
    // Text to look for, or { regex, flags }; as above, the string and object keywords each apply to one.
    match: {
      type: ['string', 'object'],
      minLength: 1,
      required: ['regex'],
      additionalProperties: false,
      properties: {
        regex: { type: 'string', minLength: 1 },
        flags: { type: 'string', pattern: '^[imsu]*$' },
      },
    },
    content: { type: ['string', 'null'] },
    json: {},
    toolCalls: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          id: { type: 'string' },
          name: { type: 'string', minLength: 1 },
          arguments: {},
        },
      },
    },
    finishReason: { enum: finishReasons },
    usage: {
      type: 'object',
      additionalProperties: false,
      properties: {
        promptTokens: { type: 'integer', minimum: 0 },
        completionTokens: { type: 'integer', minimum: 0 },
      },
    },
    model: { type: 'string' },
  },
};

export const cassetteRecordSchema: JsonSchema = {
  $id: 'envscaler:CassetteRecord',
  type: 'object',
  required: ['schemaVersion', 'request', 'response'],
  properties: {
    schemaVersion: { const: 1 },
    recordedAt: { type: 'string' },
    request: {
      type: 'object',
      required: ['stage', 'messages'],
      properties: { stage: { type: 'string' }, model: { type: 'string' }, messages: { type: 'array' } },
    },
    response: {
      type: 'object',
      required: ['message', 'usage', 'model', 'finishReason'],
      properties: {
        message: {
          type: 'object',
          required: ['role', 'content'],
          properties: {
            role: { const: 'assistant' },
            content: { type: ['string', 'null'] },
            tool_calls: { type: 'array' },
          },
        },
        usage: {
          type: 'object',
          required: ['promptTokens', 'completionTokens'],
          properties: {
            promptTokens: { type: 'integer', minimum: 0 },
            completionTokens: { type: 'integer', minimum: 0 },
          },
        },
        model: { type: 'string' },
        finishReason: { enum: finishReasons },
      },
    },
  },
};

let replyValidator: SchemaValidator | undefined;
let recordValidator: SchemaValidator | undefined;

/** Validates one hand-written reply (e.g. a line of `scripted/<stage>.jsonl`). */
export function parseScriptedReply(value: unknown, source?: string): ScriptedReply {
  replyValidator ??= compileSchema(scriptedReplySchema);
  const issues = replyValidator(value);
  if (issues.length > 0) throw new InvalidArtifactError({ artifact: 'scripted reply', issues, source });
  const match = (value as { match?: ScriptedMatch }).match;
  if (typeof match === 'object') {
    try {
      new RegExp(match.regex, match.flags);
    } catch (error) {
      throw new InvalidArtifactError({
        artifact: 'scripted reply',
        source,
        issues: [{ path: '$.match.regex', message: (error as Error).message }],
      });
    }
  }
  return value as ScriptedReply;
}

/** Validates a recorded cassette file's content. */
export function parseCassetteRecord(value: unknown, source?: string): CassetteRecord {
  recordValidator ??= compileSchema(cassetteRecordSchema);
  const issues = recordValidator(value);
  if (issues.length > 0) throw new InvalidArtifactError({ artifact: 'cassette record', issues, source });
  return value as CassetteRecord;
}

/** A rough token count (4 characters a token) for replies that do not state their usage. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function requestText(request: Pick<ChatRequest, 'messages'>): string {
  return request.messages
    .map((m) => (m.content ?? '') + (m.role === 'assistant' ? JSON.stringify(m.tool_calls ?? []) : ''))
    .join('\n');
}

function fits(match: ScriptedMatch, text: string): boolean {
  return typeof match === 'string' ? text.includes(match) : new RegExp(match.regex, match.flags).test(text);
}

/**
 * Picks the reply for a request from one cassette file's replies: the first unused reply whose `match`
 * fits the request's text (every message's content, and earlier assistant turns' tool calls), else the
 * first unused reply without `match`. Returns its index, or undefined when none is left.
 */
export function pickScriptedReply(options: {
  replies: readonly ScriptedReply[];
  used: ReadonlySet<number>;
  request: Pick<ChatRequest, 'messages'>;
}): number | undefined {
  const text = requestText(options.request);
  let unmatched: number | undefined;
  for (const [i, reply] of options.replies.entries()) {
    if (options.used.has(i)) continue;
    const match = typeof reply === 'string' ? undefined : reply.match;
    if (match === undefined) unmatched ??= i;
    else if (fits(match, text)) return i;
  }
  return unmatched;
}

/**
 * Turns a hand-written reply into the `ChatResponse` a model would have returned. Tool call ids default
 * to `call_<sequence>_<i>`, so pass a per-call `sequence` to keep them unique within a conversation.
 */
export function scriptedReplyToResponse(options: {
  reply: ScriptedReply;
  model: string;
  request?: Pick<ChatRequest, 'messages'>;
  sequence?: number;
}): ChatResponse {
  const reply = typeof options.reply === 'string' ? { content: options.reply } : options.reply;
  const toolCalls: ChatToolCall[] = (reply.toolCalls ?? []).map((call, i) => ({
    id: call.id ?? `call_${options.sequence ?? 0}_${i}`,
    type: 'function',
    function: {
      name: call.name,
      arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
    },
  }));
  const content =
    reply.json !== undefined
      ? JSON.stringify(reply.json)
      : (reply.content ?? (toolCalls.length > 0 ? null : ''));
  const completionText =
    (content ?? '') + toolCalls.map((c) => c.function.name + c.function.arguments).join('');
  return {
    message: {
      role: 'assistant',
      content,
      ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
    },
    usage: {
      promptTokens:
        reply.usage?.promptTokens ?? (options.request ? estimateTokens(requestText(options.request)) : 0),
      completionTokens: reply.usage?.completionTokens ?? estimateTokens(completionText),
    },
    model: reply.model ?? options.model,
    finishReason: reply.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
  };
}
