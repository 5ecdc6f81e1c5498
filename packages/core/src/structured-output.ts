import { GenerationFailedError } from './errors.js';
import type { ChatMessage, ChatModel, ChatRequest, ChatResponse } from './types/chat.js';
import type { JsonSchema } from './types/json.js';
import { compileSchema, type SchemaValidator } from './validation.js';

/**
 * Finds the first complete JSON value in model output: the whole text, a ```json fenced block, or the
 * first balanced {...} / [...] span (string-aware), so prose around the JSON does not matter.
 * Throws a SyntaxError describing why nothing parsed.
 */
export function extractJson(text: string): unknown {
  const trimmed = text.trim();
  const attempts: string[] = [trimmed];
  for (const match of trimmed.matchAll(/```(?:json|JSON)?\s*\n?([\s\S]*?)```/g))
    attempts.push(match[1]!.trim());
  for (let i = 0; i < trimmed.length; i++) {
    const ch = trimmed[i];
    if (ch !== '{' && ch !== '[') continue;
    const end = balancedEnd(trimmed, i);
    if (end > i) attempts.push(trimmed.slice(i, end + 1));
    if (attempts.length > 12) break;
  }
  let lastError = 'no JSON object or array found';
  for (const candidate of attempts) {
    if (candidate === '') continue;
    try {
      return JSON.parse(candidate);
    } catch (error) {
      lastError = (error as Error).message;
    }
  }
  throw new SyntaxError(`could not extract JSON from the reply: ${lastError}`);
}

/** Index of the bracket closing the one at `start`, or -1; skips brackets inside strings. */
function balancedEnd(text: string, start: number): number {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') stack.push(ch === '{' ? '}' : ']');
    else if (ch === '}' || ch === ']') {
      if (stack.pop() !== ch) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

const validatorCache = new WeakMap<JsonSchema, SchemaValidator>();

export interface CompleteJsonOptions {
  model: ChatModel;
  /** The request to send; its last message should ask for JSON matching `schema`. */
  request: ChatRequest;
  schema: JsonSchema;
  /** Total attempts including the first (default 3). */
  maxAttempts?: number;
  /** Extra semantic checks after schema validation; return a list of problems (empty when fine). */
  check?: (value: unknown) => string[];
  /** Called with each response, e.g. for usage accounting. */
  onResponse?: (response: ChatResponse) => void;
}

/**
 * Asks for JSON, extracts and validates it; on failure re-asks with the reply and the exact problems,
 * up to `maxAttempts`, then throws `GenerationFailedError` carrying the stage, attempts and last output.
 */
export async function completeJson<T>(options: CompleteJsonOptions): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 3;
  let validate = validatorCache.get(options.schema);
  if (!validate) {
    validate = compileSchema(options.schema);
    validatorCache.set(options.schema, validate);
  }
  const messages: ChatMessage[] = [...options.request.messages];
  let lastOutput = '';
  let lastProblems: string[] = [];
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const response = await options.model.complete({ ...options.request, messages });
    options.onResponse?.(response);
    lastOutput = response.message.content ?? '';
    let value: unknown;
    try {
      value = extractJson(lastOutput);
      lastProblems = validate(value).map((issue) => `${issue.path} ${issue.message}`);
      if (lastProblems.length === 0 && options.check) lastProblems = options.check(value);
    } catch (error) {
      lastProblems = [(error as Error).message];
    }
    if (lastProblems.length === 0) return value as T;
    messages.push(
      { role: 'assistant', content: lastOutput },
      {
        role: 'user',
        content:
          `Your reply could not be used:\n${lastProblems.map((p) => `- ${p}`).join('\n')}\n` +
          'Reply again with only the corrected JSON, no prose.',
      },
    );
  }
  throw new GenerationFailedError({
    message: `stage '${options.request.stage}' gave no valid JSON after ${maxAttempts} attempts: ${lastProblems.join('; ')}`,
    stage: options.request.stage,
    attempts: maxAttempts,
    lastOutput,
  });
}
