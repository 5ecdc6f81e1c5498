import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  canonicalJson,
  EnvscalerError,
  InvalidArtifactError,
  parseArtifact,
  parseCassetteRecord,
  parseScriptedReply,
  pickScriptedReply,
  scriptedReplyToResponse,
  type CassetteRecord,
  type CassetteRequest,
  type ChatModel,
  type ChatRequest,
  type ChatResponse,
  type ScriptedReply,
  type Stage,
} from '@envscaler/core';
import { readArtifact, sha256Hex, writeFileAtomic } from '@envscaler/core/node';
import type { UsageTracker } from './usage.js';

/**
 * - `auto`: replay a recording when there is one, else use a scripted reply, else call the model and record.
 * - `replay`: never call a model; a request with no recording and no scripted reply is an error.
 * - `record`: always call the model and (re)write the recording.
 */
export type CassetteMode = 'record' | 'replay' | 'auto';

/** A model that can say which model name it sends a stage to (the OpenAI and mock models can). */
export interface NamesModels {
  modelFor?(stage: Stage): string | undefined;
}

export interface CassetteOptions {
  /** The model to call on a miss; not needed in `replay` mode. */
  model?: ChatModel;
  dir: string;
  /** Default `auto`. */
  mode?: CassetteMode;
  /** The model name to key requests by; default `model.modelFor(stage)` when the model has it. */
  modelName?: string | ((stage: Stage) => string | undefined);
  /** Counts replayed answers as cached calls. */
  usage?: UsageTracker;
  /**
   * A file (e.g. `<out>/.scripted-cursor.json`) recording which request used which scripted reply,
   * rewritten after each one, so a resumed run neither re-uses nor shifts scripted replies.
   */
  cursorFile?: string;
}

export interface CassetteStats {
  /** Answered from a recording. */
  hits: number;
  /** Answered from `scripted/<stage>.jsonl`. */
  scripted: number;
  /** Answered by the wrapped model (and recorded). */
  recorded: number;
}

export interface CassetteChatModel extends ChatModel {
  readonly dir: string;
  readonly mode: CassetteMode;
  readonly stats: CassetteStats;
  modelFor(stage: Stage): string | undefined;
}

/** The fields a recording is keyed by (everything but the signal), with undefined fields dropped. */
export function cassetteKey(options: { request: ChatRequest; model?: string }): CassetteRequest {
  const { request } = options;
  return JSON.parse(
    canonicalJson({
      stage: request.stage,
      model: options.model,
      messages: request.messages,
      tools: request.tools,
      toolChoice: request.toolChoice,
      responseFormat: request.responseFormat,
      temperature: request.temperature,
      maxTokens: request.maxTokens,
      seed: request.seed,
    }),
  ) as CassetteRequest;
}

/** sha256 (hex) of the canonical JSON of `cassetteKey`: the recording's file name without `.json`. */
export function cassetteHash(options: { request: ChatRequest; model?: string }): string {
  return sha256Hex(canonicalJson(cassetteKey(options)));
}

/** Reads and parses a JSON file; undefined when absent; a clear error naming the file when corrupt. */
export async function readJsonFile(file: string): Promise<unknown> {
  try {
    return await readArtifact({
      file,
      artifact: 'cassette file',
      hint: 'delete the file to record it again',
    });
  } catch (error) {
    if (error instanceof EnvscalerError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}

/** Parses a `scripted/<stage>.jsonl` file: one reply per line; blank lines and `#` comments skipped. */
export function parseScriptedFile(options: { text: string; source: string }): ScriptedReply[] {
  const replies: ScriptedReply[] = [];
  options.text.split('\n').forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    replies.push(
      parseArtifact({
        text: line,
        source: options.source,
        line: i + 1,
        artifact: 'scripted reply',
        hint: 'write text replies as JSON strings, e.g. "Done."',
        parse: parseScriptedReply,
      }),
    );
  });
  return replies;
}

interface ScriptQueue {
  file: string;
  replies: ScriptedReply[];
  used: Set<number>;
}

/** Which scripted reply answered each request, by request hash (`queue` is the file name without `.jsonl`). */
interface ScriptCursor {
  schemaVersion: 1;
  answers: Record<string, { queue: string; index: number }>;
}

async function readCursor(file: string | undefined): Promise<ScriptCursor> {
  const stored = file === undefined ? undefined : await readJsonFile(file);
  if (stored === undefined) return { schemaVersion: 1, answers: {} };
  const cursor = stored as Partial<ScriptCursor>;
  if (cursor.schemaVersion !== 1 || typeof cursor.answers !== 'object' || cursor.answers === null) {
    throw new InvalidArtifactError({
      artifact: 'scripted cursor',
      source: file,
      issues: [{ path: '$', message: 'must be { schemaVersion: 1, answers: {…} }; delete it to start over' }],
    });
  }
  return cursor as ScriptCursor;
}

/**
 * Wraps a ChatModel with a response cassette in `dir`: each answer is stored as `<dir>/<hash>.json`
 * (see `cassetteHash`) and replayed on a repeat, so an interrupted run resumes without paying twice and
 * a recorded run replays offline. Hand-written replies in `<dir>/scripted/<stage>.jsonl` (then
 * `scripted/default.jsonl`) answer requests that have no recording: each new request takes the first
 * unused reply whose `match` fits it, else the next unused one without `match`; a repeated request gets
 * its earlier reply. Files are written atomically. See docs/cassettes.md.
 */
export function withCassette(options: CassetteOptions): CassetteChatModel {
  const mode = options.mode ?? 'auto';
  const { dir, model } = options;
  if (mode !== 'replay' && !model) {
    throw new EnvscalerError('INVALID_INPUT', `withCassette: mode '${mode}' needs a model to call on a miss`);
  }
  const stats: CassetteStats = { hits: 0, scripted: 0, recorded: 0 };
  const queues = new Map<string, Promise<ScriptQueue | undefined>>();
  let cursor: Promise<ScriptCursor> | undefined;
  let saving: Promise<void> = Promise.resolve();
  const inFlight = new Map<string, Promise<ChatResponse>>();

  const modelFor = (stage: Stage): string | undefined => {
    if (typeof options.modelName === 'string') return options.modelName;
    if (typeof options.modelName === 'function') return options.modelName(stage);
    return (model as (ChatModel & NamesModels) | undefined)?.modelFor?.(stage);
  };

  const loadCursor = () => (cursor ??= readCursor(options.cursorFile));

  const loadQueue = (name: string) => {
    let queue = queues.get(name);
    if (!queue) {
      const file = path.join(dir, 'scripted', `${name}.jsonl`);
      queue = readFile(file, 'utf8').then(
        async (text) => {
          const answers = Object.values((await loadCursor()).answers);
          const used = new Set(answers.filter((a) => a.queue === name).map((a) => a.index));
          return { file, replies: parseScriptedFile({ text, source: file }), used };
        },
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return undefined;
          throw error;
        },
      );
      queues.set(name, queue);
    }
    return queue;
  };

  // One write at a time, each of the whole cursor, so the last write on disk holds every answer.
  const saveCursor = async (state: ScriptCursor) => {
    if (options.cursorFile === undefined) return;
    const file = options.cursorFile;
    saving = saving
      .catch(() => undefined)
      .then(() => writeFileAtomic({ file, data: `${JSON.stringify(state, null, 2)}\n` }));
    await saving;
  };

  /** The same request always gets the same reply; a new one takes the next reply that fits it. */
  async function pickReply(request: ChatRequest, hash: string): Promise<ScriptedReply | undefined> {
    const state = await loadCursor();
    const known = state.answers[hash];
    const earlier = known && (await loadQueue(known.queue))?.replies[known.index];
    if (earlier !== undefined) return earlier;
    for (const name of [String(request.stage), 'default']) {
      const queue = await loadQueue(name);
      const index = queue && pickScriptedReply({ replies: queue.replies, used: queue.used, request });
      if (queue && index !== undefined) {
        queue.used.add(index);
        state.answers[hash] = { queue: name, index };
        await saveCursor(state);
        return queue.replies[index];
      }
    }
    return undefined;
  }

  async function scriptedReply(request: ChatRequest, modelName: string | undefined, hash: string) {
    const reply = await pickReply(request, hash);
    if (reply === undefined) return undefined;
    // Tool call ids come from the request, not a counter, so they do not depend on call order or resumes.
    const sequence = Number.parseInt(hash.slice(0, 12), 16);
    return scriptedReplyToResponse({ reply, model: modelName ?? 'scripted', request, sequence });
  }

  async function missing(request: ChatRequest, hash: string): Promise<never> {
    const queue = await loadQueue(String(request.stage));
    const where = queue && path.relative(dir, queue.file);
    const used = !queue
      ? ''
      : queue.used.size === queue.replies.length
        ? ` (${where}: all ${queue.replies.length} replies used)`
        : ` (${where}: ${queue.used.size} of ${queue.replies.length} replies used, no other fits this request)`;
    throw new EnvscalerError(
      'NOT_FOUND',
      `no cassette for stage '${request.stage}' (request hash ${hash}) in ${dir} and mode is 'replay'${used}: ` +
        `record it with mode 'auto', or add a reply to ${path.join(dir, 'scripted', `${request.stage}.jsonl`)}`,
      { details: { stage: request.stage, hash, dir } },
    );
  }

  async function answer(
    request: ChatRequest,
    key: CassetteRequest,
    hash: string,
    file: string,
  ): Promise<ChatResponse> {
    if (mode !== 'record') {
      const stored = await readJsonFile(file);
      if (stored !== undefined) {
        const record = parseCassetteRecord(stored, file);
        stats.hits++;
        options.usage?.record({
          stage: request.stage,
          // the name a live call of this stage is recorded (and priced) under, not the reported one
          model: key.model ?? record.response.model,
          usage: record.response.usage,
          cached: true,
        });
        return { ...record.response, cached: true };
      }
      const scripted = await scriptedReply(request, key.model, hash);
      if (scripted) {
        stats.scripted++;
        options.usage?.record({
          stage: request.stage,
          model: scripted.model,
          usage: scripted.usage,
          cached: true,
        });
        return { ...scripted, cached: true };
      }
      if (mode === 'replay') return missing(request, hash);
    }
    const response = await model!.complete(request);
    const { cached: _cached, ...plain } = response;
    const record: CassetteRecord = {
      schemaVersion: 1,
      request: key,
      response: plain,
      recordedAt: new Date().toISOString(),
    };
    await writeFileAtomic({ file, data: `${JSON.stringify(record, null, 2)}\n` });
    stats.recorded++;
    return response;
  }

  return {
    dir,
    mode,
    stats,
    modelFor,
    complete(request) {
      const key = cassetteKey({ request, model: modelFor(request.stage) });
      const hash = sha256Hex(canonicalJson(key));
      // Identical requests in flight at once share one call (and one file write).
      let pending = inFlight.get(hash);
      if (!pending) {
        pending = answer(request, key, hash, path.join(dir, `${hash}.json`)).finally(() =>
          inFlight.delete(hash),
        );
        inFlight.set(hash, pending);
      }
      return pending;
    },
  };
}
