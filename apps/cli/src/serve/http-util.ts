import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error with an HTTP status; its message is sent to the client as `{ error: { code, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads and parses a JSON body, refusing bodies over `limitBytes` before buffering them whole. */
export function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limitBytes) {
    req.resume();
    return Promise.reject(new HttpError(413, 'BODY_TOO_LARGE', `request body over ${limitBytes} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpError(413, 'BODY_TOO_LARGE', `request body over ${limitBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > limitBytes) return;
      if (size === 0) return resolve({});
      try {
        resolve(
          JSON.parse(
            chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'),
          ),
        );
      } catch (error) {
        reject(
          new HttpError(400, 'INVALID_JSON', `request body is not valid JSON: ${(error as Error).message}`),
        );
      }
    });
  });
}

/** A response body that is JSON text already (a tool's answer as the sandbox printed it): sent as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = body instanceof JsonText ? body.text : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Compares a presented token with the expected one in constant time. */
export function sameToken(expected: string, given: string | undefined): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given ?? '');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether an `Authorization` header is `Bearer <expected>`. */
export function tokenMatches(expected: string, header: string | undefined): boolean {
  return sameToken(expected, header?.startsWith('Bearer ') ? header.slice(7) : '');
}

export function isLoopbackAddress(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
