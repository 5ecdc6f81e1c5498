// The OpenAI wire format the mock server speaks: chat completions as JSON or SSE chunks, OpenAI-style
// error bodies, and the faults it can play instead. Stateless; routing and scripts live in
// mock-openai-server.ts.
import type http from 'node:http';
import type { ChatResponse } from '@envscaler/core';

/** A failure the mock server can play instead of answering. */
export type MockFault =
  /** An HTTP error status with an OpenAI-style error body; `retryAfter` (seconds or HTTP date) and
   * `retryAfterMs` set the `retry-after` / `retry-after-ms` headers. */
  | { type: 'http'; status: number; message?: string; retryAfter?: number | string; retryAfterMs?: number }
  /** Accept the request and never answer (until `close()`), to exercise client timeouts. */
  | { type: 'hang' }
  /** Destroy the connection without answering (the client sees a reset / "socket hang up"). */
  | { type: 'reset' }
  /** Send a 200 with a Content-Length, half the body, then destroy the socket. */
  | { type: 'truncated' }
  /** Send a 200 whose body is not valid JSON. */
  | { type: 'malformed-body' }
  /** Send a well-formed completion whose message content is broken JSON (scripts are not consumed). */
  | { type: 'malformed-content'; content?: string };

export type MockFaultType = MockFault['type'];

const statusTypes: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
};

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendError(
  res: http.ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
) {
  sendJson(
    res,
    status,
    { error: { message, type: statusTypes[status] ?? 'server_error', param: null, code: null } },
    headers,
  );
}

export function completionJson(response: ChatResponse, index: number, model: string) {
  const { message } = response;
  return {
    id: `chatcmpl-mock${index}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: response.model || model,
    system_fingerprint: 'fp_mock',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: message.content,
          refusal: null,
          ...(message.tool_calls?.length ? { tool_calls: message.tool_calls } : {}),
        },
        logprobs: null,
        finish_reason: response.finishReason === 'other' ? 'stop' : response.finishReason,
      },
    ],
    usage: {
      prompt_tokens: response.usage.promptTokens,
      completion_tokens: response.usage.completionTokens,
      total_tokens: response.usage.promptTokens + response.usage.completionTokens,
    },
  };
}

export function sendStream(
  res: http.ServerResponse,
  response: ChatResponse,
  index: number,
  model: string,
  includeUsage: boolean,
) {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  const base = {
    id: `chatcmpl-mock${index}`,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: response.model || model,
    system_fingerprint: 'fp_mock',
  };
  const send = (delta: Record<string, unknown>, finishReason: string | null = null) =>
    res.write(
      `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] })}\n\n`,
    );
  const pieces = (text: string) => text.match(/[\s\S]{1,16}/g) ?? [];
  send({ role: 'assistant', content: '' });
  for (const piece of pieces(response.message.content ?? '')) send({ content: piece });
  (response.message.tool_calls ?? []).forEach((call, i) => {
    send({
      tool_calls: [
        { index: i, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } },
      ],
    });
    for (const piece of pieces(call.function.arguments))
      send({ tool_calls: [{ index: i, function: { arguments: piece } }] });
  });
  send({}, response.finishReason === 'other' ? 'stop' : response.finishReason);
  if (includeUsage) {
    const { promptTokens, completionTokens } = response.usage;
    res.write(
      `data: ${JSON.stringify({ ...base, choices: [], usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens } })}\n\n`,
    );
  }
  res.end('data: [DONE]\n\n');
}

/** Plays a fault; returns false for `malformed-content`, which the caller answers itself. */
export function playFault(fault: MockFault, req: http.IncomingMessage, res: http.ServerResponse): boolean {
  switch (fault.type) {
    case 'http': {
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
      sendError(res, fault.status, fault.message ?? `mock fault: HTTP ${fault.status}`, headers);
      return true;
    }
    case 'hang':
      return true;
    case 'reset':
      req.socket.destroy();
      return true;
    case 'truncated': {
      const text = JSON.stringify({
        id: 'chatcmpl-truncated',
        object: 'chat.completion',
        choices: [],
        padding: 'x'.repeat(256),
      });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      // Let the partial body reach the client before the connection dies.
      setTimeout(() => req.socket.destroy(), 5);
      return true;
    }
    case 'malformed-body': {
      const text =
        '{"id": "chatcmpl-broken", "object": "chat.completion", "choices": [{"index": 0, "message": ';
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
      return true;
    }
    case 'malformed-content':
      return false;
  }
}
