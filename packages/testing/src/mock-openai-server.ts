// Over 400 lines because createMockOpenAIServer is one closure: its handlers share the request log, the
// fault queue and the script and recording caches. The stateless wire format is in openai-wire.ts.
import { readFile, readdir } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  canonicalJson,
  parseCassetteRecord,
  parseScriptedReply,
  pickScriptedReply,
  scriptedReplyToResponse,
  stageHeader,
  type CassetteRecord,
  type ChatMessage,
  type ChatResponse,
  type ScriptedReply,
} from '@envscaler/core';
import { readArtifact } from '@envscaler/core/node';
import { hashedBagOfWords } from './mock-embedding-model.js';

import {
  completionJson,
  playFault,
  sendError,
  sendJson,
  sendStream,
  type MockFault,
  type MockFaultType,
} from './openai-wire.js';

export type { MockFault, MockFaultType };

export interface InjectOptions {
  /** The fault, or its type for those that need no parameters (`'hang'`, `'truncated'`, …). */
  fault: MockFault | Exclude<MockFaultType, 'http'>;
  /** Apply to the next `times` matching requests (default 1 unless `rate` is given). */
  times?: number;
  /** Or: apply to each matching request with this probability (seeded, reproducible). */
  rate?: number;
  /** Which endpoint the fault applies to (default both). */
  endpoint?: 'chat' | 'embeddings' | 'all';
}

/** What a script handler receives for one chat request. */
export interface MockServerChatRequest {
  stage: string | undefined;
  model: string;
  messages: ChatMessage[];
  body: Record<string, unknown>;
  /** 0-based position of this request among all requests the server received. */
  index: number;
}

export type MockServerHandler = (request: MockServerChatRequest) => ScriptedReply | Promise<ScriptedReply>;

/**
 * Replies for the mock server. Keys are looked up in order: the request's stage (header
 * `x-envscaler-stage`), then its `model`, then `default`. An array is a queue (each reply used once);
 * a function answers every request it is asked for. A single function answers everything.
 */
export type MockServerScript = Record<string, ScriptedReply[] | MockServerHandler> | MockServerHandler;

/** One request as the server saw it. */
export interface MockServerRequest {
  method: string;
  path: string;
  stage: string | undefined;
  model: string | undefined;
  body: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
  /** The fault played instead of an answer, if any. */
  fault?: MockFaultType;
}

export interface MockOpenAIServerOptions {
  script?: MockServerScript;
  /** Serve recordings (`<hash>.json`, matched by stage and messages) and `scripted/<stage>.jsonl` queues. */
  cassetteDir?: string;
  /** Delay before each answer (ms), or a function choosing it per request. */
  latencyMs?: number | ((index: number) => number);
  /** Seed for `inject({ rate })` (default 1). */
  seed?: number;
  /** Embedding vector length when the request does not say (default 64). */
  embeddingDimensions?: number;
  /** Port to listen on (default 0: a random free port). */
  port?: number;
}

export interface MockOpenAIServer {
  /** Base URL to use as `OPENAI_BASE_URL`, e.g. `http://127.0.0.1:41234/v1`. */
  readonly url: string;
  readonly port: number;
  /** Every request received, in arrival order (including faulted ones). */
  readonly requests: MockServerRequest[];
  readonly requestCount: number;
  /** Requests currently being answered, and the most seen at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  requestsFor(stage: string): MockServerRequest[];
  /** Queue a fault for the next N requests, or for a fraction of requests. */
  inject(options: InjectOptions): void;
  clearFaults(): void;
  /** Stops listening and drops every open connection (hung requests included). */
  close(): Promise<void>;
}

interface Injection {
  fault: MockFault;
  times: number;
  rate: number | undefined;
  endpoint: 'chat' | 'embeddings' | 'all';
}

/** A small seeded PRNG (mulberry32) so fault storms are reproducible. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

class NoReplyError extends Error {}

/**
 * A real OpenAI-compatible HTTP server on 127.0.0.1 for tests: `POST /v1/chat/completions` (JSON or
 * SSE streaming), `POST /v1/embeddings` and `GET /v1/models`. Replies come from `script`, then from
 * `cassetteDir`; with neither, every chat request is answered with the text `ok`.
 */
export async function createMockOpenAIServer(
  options: MockOpenAIServerOptions = {},
): Promise<MockOpenAIServer> {
  const requests: MockServerRequest[] = [];
  let injections: Injection[] = [];
  const random = seededRandom(options.seed ?? 1);
  const queues = new Map<string, ScriptedReply[]>();
  const handlers = new Map<string, MockServerHandler>();
  let globalHandler: MockServerHandler | undefined;
  if (typeof options.script === 'function') globalHandler = options.script;
  else {
    for (const [key, entry] of Object.entries(options.script ?? {})) {
      if (typeof entry === 'function') handlers.set(key, entry);
      else queues.set(key, [...entry]);
    }
  }
  const scriptedFiles = new Map<string, ScriptedReply[] | null>();
  const recordings = new Map<string, CassetteRecord>();
  let inFlight = 0;
  let maxInFlight = 0;

  function pickFault(endpoint: 'chat' | 'embeddings'): MockFault | undefined {
    const applies = (i: Injection) => i.endpoint === 'all' || i.endpoint === endpoint;
    const counted = injections.find((i) => i.rate === undefined && i.times > 0 && applies(i));
    if (counted) {
      counted.times--;
      return counted.fault;
    }
    const rated = injections.filter((i) => i.rate !== undefined && applies(i));
    if (rated.length === 0) return undefined;
    let r = random();
    for (const injection of rated) {
      r -= injection.rate!;
      if (r < 0) return injection.fault;
    }
    return undefined;
  }

  async function loadScriptedFile(name: string): Promise<ScriptedReply[] | null> {
    if (scriptedFiles.has(name)) return scriptedFiles.get(name)!;
    const file = path.join(options.cassetteDir!, 'scripted', `${name}.jsonl`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      scriptedFiles.set(name, null);
      return null;
    }
    const replies: ScriptedReply[] = [];
    text.split('\n').forEach((line, i) => {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) return;
      replies.push(parseScriptedReply(JSON.parse(trimmed), `${file}:${i + 1}`));
    });
    scriptedFiles.set(name, replies);
    return replies;
  }

  async function findRecording(
    request: MockServerChatRequest,
  ): Promise<ScriptedReply | ChatResponse | undefined> {
    const dir = options.cassetteDir!;
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
    } catch {
      return undefined;
    }
    const wanted = canonicalJson(request.messages);
    for (const name of names) {
      let record = recordings.get(name);
      if (!record) {
        const file = path.join(dir, name);
        record = await readArtifact({ file, parse: parseCassetteRecord, artifact: 'cassette file' });
        recordings.set(name, record);
      }
      if (request.stage !== undefined && record.request.stage !== request.stage) continue;
      if (canonicalJson(record.request.messages) === wanted) return record.response;
    }
    return undefined;
  }

  async function resolveReply(request: MockServerChatRequest): Promise<ScriptedReply | ChatResponse> {
    if (globalHandler) return globalHandler(request);
    const keys = [request.stage, request.model, 'default'].filter((k): k is string => k !== undefined);
    for (const key of keys) {
      const queue = queues.get(key);
      if (queue && queue.length > 0) return queue.shift()!;
      const handler = handlers.get(key);
      if (handler) return handler(request);
    }
    if (options.cassetteDir) {
      const recorded = await findRecording(request);
      if (recorded) return recorded;
      for (const key of [request.stage, 'default']) {
        if (key === undefined) continue;
        const replies = await loadScriptedFile(key);
        const index = replies ? pickScriptedReply({ replies, used: new Set(), request }) : undefined;
        if (index !== undefined) return replies!.splice(index, 1)[0]!;
      }
    }
    if (!options.script && !options.cassetteDir) return 'ok';
    throw new NoReplyError(
      `mock OpenAI server: no scripted reply left for stage '${request.stage ?? '(no x-envscaler-stage header)'}' ` +
        `(model '${request.model}')`,
    );
  }

  async function handleChat(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: Record<string, unknown>,
    record: MockServerRequest,
    index: number,
  ) {
    const model = typeof body.model === 'string' ? body.model : 'mock-model';
    const messages = Array.isArray(body.messages) ? (body.messages as ChatMessage[]) : [];
    const fault = pickFault('chat');
    if (fault) {
      record.fault = fault.type;
      if (playFault(fault, req, res)) return;
    }
    let response: ChatResponse;
    if (fault?.type === 'malformed-content') {
      response = scriptedReplyToResponse({
        reply: fault.content ?? 'Sure! Here is the JSON you asked for: {"answer": ',
        model,
        request: { messages },
        sequence: index,
      });
    } else {
      let reply: ScriptedReply | ChatResponse;
      try {
        reply = await resolveReply({ stage: record.stage, model, messages, body, index });
      } catch (error) {
        if (error instanceof NoReplyError) return sendError(res, 400, error.message);
        throw error;
      }
      response =
        typeof reply === 'object' && reply !== null && 'message' in reply
          ? (reply as ChatResponse)
          : scriptedReplyToResponse({
              reply: reply as ScriptedReply,
              model,
              request: { messages },
              sequence: index,
            });
    }
    if (body.stream === true) {
      const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
      sendStream(res, response, index, model, streamOptions?.include_usage === true);
    } else {
      sendJson(res, 200, completionJson(response, index, model));
    }
  }

  function handleEmbeddings(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: Record<string, unknown>,
    record: MockServerRequest,
  ) {
    const fault = pickFault('embeddings');
    if (fault) {
      record.fault = fault.type;
      if (playFault(fault, req, res)) return;
    }
    const inputs = Array.isArray(body.input) ? body.input.map(String) : [String(body.input ?? '')];
    const dimensions =
      typeof body.dimensions === 'number' ? body.dimensions : (options.embeddingDimensions ?? 64);
    const base64 = body.encoding_format === 'base64';
    const data = inputs.map((text, index) => {
      const vector = hashedBagOfWords({ text, dimensions });
      const embedding = base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
      return { object: 'embedding', index, embedding };
    });
    const tokens = inputs.reduce((n, text) => n + Math.ceil(text.length / 4), 0);
    sendJson(res, 200, {
      object: 'list',
      data,
      model: typeof body.model === 'string' ? body.model : 'mock-embedding',
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  }

  const server = http.createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let counted = true;
    const done = () => {
      if (counted) inFlight--;
      counted = false;
    };
    res.on('close', done);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        let body: Record<string, unknown> = {};
        if (chunks.length > 0) {
          try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
          } catch {
            return sendError(res, 400, 'mock OpenAI server: request body is not valid JSON');
          }
        }
        const stageValue = req.headers[stageHeader];
        const record: MockServerRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          stage: Array.isArray(stageValue) ? stageValue[0] : stageValue,
          model: typeof body.model === 'string' ? body.model : undefined,
          body,
          headers: req.headers,
        };
        const index = requests.length;
        requests.push(record);
        const latency =
          typeof options.latencyMs === 'function' ? options.latencyMs(index) : (options.latencyMs ?? 0);
        if (latency > 0) await sleep(latency);
        const route = url.pathname.replace(/\/+$/, '');
        if (req.method === 'POST' && route === '/v1/chat/completions') {
          await handleChat(req, res, body, record, index);
        } else if (req.method === 'POST' && route === '/v1/embeddings') {
          handleEmbeddings(req, res, body, record);
        } else if (req.method === 'GET' && route === '/v1/models') {
          sendJson(res, 200, {
            object: 'list',
            data: [{ id: 'mock-model', object: 'model', created: 0, owned_by: 'envscaler' }],
          });
        } else {
          sendError(res, 404, `mock OpenAI server: no route for ${req.method} ${url.pathname}`);
        }
      })().catch((error: unknown) => {
        if (!res.headersSent) sendError(res, 500, `mock OpenAI server failed: ${(error as Error).message}`);
        else res.destroy();
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    get requestCount() {
      return requests.length;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    requestsFor: (stage) => requests.filter((r) => r.stage === stage),
    inject(inject) {
      const fault = typeof inject.fault === 'string' ? ({ type: inject.fault } as MockFault) : inject.fault;
      injections.push({
        fault,
        times: inject.rate === undefined ? (inject.times ?? 1) : Infinity,
        rate: inject.rate,
        endpoint: inject.endpoint ?? 'all',
      });
    },
    clearFaults() {
      injections = [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
