// Shared by the replay tests: a config-initialised counter environment with a public state, on disk.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const COUNTER_SOURCE = `import { Environment, type ToolResult } from '@envscaler/core';
export interface State { count: number; secret?: string }
/** Counts. */
export class Counter extends Environment<State> {
  static fromConfig(config: { start: number }): State { return { count: config.start, secret: 'x' }; }
  static publicState(state: State): unknown { return { count: state.count }; }
  /** Add to the count. */
  add(args: { by: number }): ToolResult<number> {
    if (args.by < 0) return this.fail('NEGATIVE', 'by must not be negative');
    this.state.count += args.by;
    return this.ok(this.state.count);
  }
}
`;

/** Writes `<root>/counter/{env.ts,meta.json}` and returns the environment directory. */
export async function writeCounterEnv(options: { root: string }): Promise<string> {
  const dir = path.join(options.root, 'counter');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'env.ts'), COUNTER_SOURCE);
  await writeFile(
    path.join(dir, 'meta.json'),
    JSON.stringify({ id: 'counter', topic: 'Counter', summary: 'Counts', rules: [] }),
  );
  return dir;
}
