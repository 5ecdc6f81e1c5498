/**
 * Progress for long commands. On a TTY each stage is one line redrawn in place with counts, rate and
 * ETA; otherwise (CI, pipes) it prints plain log lines at most every few seconds; `json` prints one
 * event object per line for machines; `quiet` prints nothing.
 */
export type ProgressMode = 'tty' | 'plain' | 'json' | 'quiet';

export interface ProgressEvent {
  type: 'stage' | 'progress' | 'done' | 'message';
  stage?: string;
  done?: number;
  total?: number;
  failed?: number;
  dropped?: number;
  detail?: string;
  elapsedMs?: number;
}

export interface StageProgress {
  /**
   * Sets the absolute count (and optionally a new total, failure or drop count). `failed` counts errors;
   * `dropped` counts items a quality gate rejected, which is a normal outcome and shown apart.
   */
  update(update: { done: number; total?: number; failed?: number; dropped?: number; detail?: string }): void;
  finish(detail?: string): void;
}

export interface ProgressReporter {
  stage(name: string, total?: number): StageProgress;
  message(text: string): void;
}

export interface ProgressOptions {
  mode: ProgressMode;
  write?: (text: string) => void;
  now?: () => number;
  /** Minimum time between plain-mode lines for one stage. */
  plainIntervalMs?: number;
}

export function chooseProgressMode(options: {
  json?: boolean;
  quiet?: boolean;
  isTTY?: boolean;
}): ProgressMode {
  if (options.quiet) return 'quiet';
  if (options.json) return 'json';
  return options.isTTY ? 'tty' : 'plain';
}

function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export function describeProgress(event: {
  done: number;
  total?: number;
  failed?: number;
  dropped?: number;
  elapsedMs: number;
}): string {
  const { done, total, failed, dropped, elapsedMs } = event;
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const parts = [total === undefined ? `${done}` : `${done}/${total}`];
  if (dropped) parts.push(`${dropped} dropped`);
  if (failed) parts.push(`${failed} failed`);
  if (elapsedMs > 500 && done > 0) parts.push(`${rate >= 10 ? rate.toFixed(0) : rate.toFixed(1)}/s`);
  if (total !== undefined && done > 0 && done < total)
    parts.push(`ETA ${formatDuration(((total - done) / rate) * 1000)}`);
  parts.push(formatDuration(elapsedMs));
  return parts.join('  ');
}

export function createProgressReporter(options: ProgressOptions): ProgressReporter {
  const write = options.write ?? ((text: string) => process.stderr.write(text));
  const now = options.now ?? Date.now;
  const interval = options.plainIntervalMs ?? 2000;
  const emit = (event: ProgressEvent) => write(`${JSON.stringify(event)}\n`);
  return {
    message(text) {
      if (options.mode === 'quiet') return;
      if (options.mode === 'json') emit({ type: 'message', detail: text });
      else write(`${text}\n`);
    },
    stage(name, initialTotal) {
      const started = now();
      let total = initialTotal;
      let lastPlain = -Infinity;
      let state = { done: 0, failed: 0, dropped: 0, detail: '' };
      if (options.mode === 'json') emit({ type: 'stage', stage: name, total });
      const line = () =>
        `${name.padEnd(22)} ${describeProgress({ ...state, total, elapsedMs: now() - started })}${state.detail ? `  ${state.detail}` : ''}`;
      return {
        update(update) {
          total = update.total ?? total;
          state = {
            done: update.done,
            failed: update.failed ?? state.failed,
            dropped: update.dropped ?? state.dropped,
            detail: update.detail ?? state.detail,
          };
          if (options.mode === 'tty') write(`\r\x1b[2K${line()}`);
          else if (options.mode === 'json')
            emit({
              type: 'progress',
              stage: name,
              done: state.done,
              total,
              failed: state.failed,
              dropped: state.dropped,
            });
          else if (options.mode === 'plain' && now() - lastPlain >= interval) {
            lastPlain = now();
            write(`${line()}\n`);
          }
        },
        finish(detail) {
          if (detail !== undefined) state.detail = detail;
          if (options.mode === 'tty') write(`\r\x1b[2K${line()}\n`);
          else if (options.mode === 'plain') write(`${line()}\n`);
          else if (options.mode === 'json') {
            emit({
              type: 'done',
              stage: name,
              done: state.done,
              total,
              failed: state.failed,
              dropped: state.dropped,
              detail: state.detail,
              elapsedMs: now() - started,
            });
          }
        },
      };
    },
  };
}
