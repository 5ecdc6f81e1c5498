// Shared by the worker tests: `envscaler worker` in a child process whose log can be awaited line by line.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The CLI package's folder: the working directory for `cliFromSource`. */
export const cliRoot = fileURLToPath(new URL('../..', import.meta.url));

/** `node` arguments that start the CLI from its TypeScript sources (run with `cwd: cliRoot`). */
export const cliFromSource = [
  '--no-node-snapshot',
  '--import',
  'tsx',
  '--conditions=@envscaler/source',
  'src/main.ts',
];

export interface WorkerProcess {
  child: ChildProcess;
  lines: string[];
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

/** Starts `envscaler worker <args>` from the TypeScript sources (so kill -9 hits the worker itself). */
export function startWorkerProcess(options: { args: string[]; env: NodeJS.ProcessEnv }): WorkerProcess {
  const child = spawn(
    process.execPath,
    [
      ...cliFromSource,
      'worker',
      ...options.args,
    ],
    { cwd: cliRoot, env: options.env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let buffer = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.splice(0)) {
        if (w.pattern.test(line)) w.resolve(line);
        else waiters.push(w);
      }
    }
  });
  return {
    child,
    lines,
    waitFor(pattern, timeoutMs = 60_000) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`worker never logged ${pattern}; log:\n${lines.join('\n')}`)),
          timeoutMs,
        );
        waiters.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      });
    },
  };
}
