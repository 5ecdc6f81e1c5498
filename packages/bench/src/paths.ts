import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest directory above `from` (default: this module's directory, then the
 * working directory) that holds `pnpm-workspace.yaml`. Benchmarks read their environments from
 * `<root>/envs/` and their data from `<root>/../shared/conformance/` (never copied into the repository).
 */
export function findRepoRoot(from?: string): string | undefined {
  const starts = from ? [resolve(from)] : [dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    let dir = start;
    for (;;) {
      if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}

function rootOrCwd(root?: string): string {
  return root ?? findRepoRoot() ?? process.cwd();
}

/** `<repo root>/../shared/conformance/bfcl-multi-turn`. */
export function defaultBfclDataDir(root?: string): string {
  return resolve(rootOrCwd(root), '../shared/conformance/bfcl-multi-turn');
}

/** `<repo root>/../shared/conformance/tau2-retail`. */
export function defaultTau2DataDir(root?: string): string {
  return resolve(rootOrCwd(root), '../shared/conformance/tau2-retail');
}

/** `<repo root>/envs/bfcl-multi-turn`. */
export function defaultBfclEnvDir(root?: string): string {
  return resolve(rootOrCwd(root), 'envs/bfcl-multi-turn');
}

/** `<repo root>/envs/tau2-retail`. */
export function defaultTau2EnvDir(root?: string): string {
  return resolve(rootOrCwd(root), 'envs/tau2-retail');
}
