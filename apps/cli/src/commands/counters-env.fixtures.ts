// Shared by the CLI tests that run rollouts in child processes: a tiny counters environment on disk.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const COUNTERS_SOURCE = `import { Environment, type ToolResult } from '@envscaler/core';

export interface State {
  counters: Record<string, number>;
}

/** Named counters. */
export class Counters extends Environment<State> {
  /** Add to a counter (created at 0 when missing). */
  add(args: { name: string; by: number }): ToolResult<number> {
    const next = (this.state.counters[args.name] ?? 0) + args.by;
    this.state.counters[args.name] = next;
    return this.ok(next);
  }
}
`;

/** Writes `<envs>/counters/{env.ts,meta.json}`. */
export async function writeCountersEnv(options: { envs: string; introduction?: string; rules?: string[] }): Promise<void> {
  const dir = path.join(options.envs, 'counters');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'env.ts'), COUNTERS_SOURCE);
  await writeFile(
    path.join(dir, 'meta.json'),
    JSON.stringify({
      id: 'counters',
      topic: 'counters',
      summary: 'Named counters.',
      introduction: options.introduction ?? '',
      rules: options.rules ?? [],
    }),
  );
}
