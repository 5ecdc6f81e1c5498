import { randomUUID } from 'node:crypto';
import { HttpError } from './http-util.js';

export interface RegistryOptions {
  maxSessions: number;
  idleTimeoutMs: number;
  /** Called when a session is closed, expired or the registry shuts down. */
  dispose: (value: unknown) => Promise<void> | void;
}

interface Entry<T> {
  value: T;
  lastUsed: number;
  /** Calls on one session run one after another, in arrival order. */
  queue: Promise<unknown>;
  inFlight: number;
}

/**
 * Live sessions by id, with a cap, idle expiry and per-session serialisation. Different sessions run
 * concurrently; the same session never runs two operations at once, so a world's history is well defined.
 */
export class SessionRegistry<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: RegistryOptions) {
    this.sweeper = setInterval(
      () => void this.expireIdle(),
      Math.max(50, Math.min(options.idleTimeoutMs / 4, 30_000)),
    );
    this.sweeper.unref();
  }

  get size(): number {
    return this.entries.size;
  }

  add(value: T): string {
    if (this.entries.size >= this.options.maxSessions) {
      throw new HttpError(
        429,
        'TOO_MANY_SESSIONS',
        `the server holds its maximum of ${this.options.maxSessions} sessions; close one first`,
      );
    }
    const id = randomUUID();
    this.entries.set(id, { value, lastUsed: Date.now(), queue: Promise.resolve(), inFlight: 0 });
    return id;
  }

  /** Runs `operation` on the session after any earlier operation on it has finished. */
  run<R>(id: string, operation: (value: T) => Promise<R> | R): Promise<R> {
    const entry = this.entries.get(id);
    if (!entry) throw new HttpError(404, 'SESSION_NOT_FOUND', `no session ${id} (closed or expired)`);
    entry.lastUsed = Date.now();
    entry.inFlight++;
    const result = entry.queue.then(() => operation(entry.value));
    entry.queue = result
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        entry.inFlight--;
        entry.lastUsed = Date.now();
      });
    return result;
  }

  async close(id: string): Promise<boolean> {
    const entry = this.entries.get(id);
    if (!entry) return false;
    this.entries.delete(id);
    await entry.queue;
    await this.options.dispose(entry.value);
    return true;
  }

  async expireIdle(now = Date.now()): Promise<string[]> {
    const expired = [...this.entries].filter(
      ([, e]) => e.inFlight === 0 && now - e.lastUsed >= this.options.idleTimeoutMs,
    );
    await Promise.all(expired.map(([id]) => this.close(id)));
    return expired.map(([id]) => id);
  }

  /** Waits for in-flight operations, then disposes every session. */
  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.entries.keys()].map((id) => this.close(id)));
  }
}
