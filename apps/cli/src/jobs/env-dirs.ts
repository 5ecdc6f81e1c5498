import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { EnvscalerError } from '@envscaler/core';
import { parseArtifact, sha256Hex } from '@envscaler/core/node';
import { findEnvironmentDirs } from '../inputs.js';

/** An environment directory and the hash of its env.ts (part of every job key that runs it). */
export interface EnvDir {
  dir: string;
  sourceHash: string;
}

/**
 * Environment directories under `dir` by environment id, read from env.json / meta.json without
 * compiling anything: a coordinator only hands directories to its workers. A file that is not JSON is
 * INVALID_ARTIFACT at `file:line:column`.
 */
export async function envDirsById(dir: string): Promise<Map<string, EnvDir>> {
  const dirs = await findEnvironmentDirs(dir);
  const byId = new Map<string, EnvDir>();
  for (const envDir of dirs) {
    let id: string | undefined;
    for (const name of ['env.json', 'meta.json']) {
      const file = join(envDir, name);
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      // A corrupt file stops the run here, naming file:line:column; falling back to the directory name
      // would only surface later as a scenario whose environment seems to be missing.
      const value = parseArtifact({ text, source: file, artifact: name });
      const given = (value as { id?: unknown } | null)?.id;
      if (typeof given === 'string') id = given;
      break;
    }
    const source = await readFile(join(envDir, 'env.ts'), 'utf8');
    byId.set(id ?? basename(envDir), { dir: envDir, sourceHash: sha256Hex(source).slice(0, 16) });
  }
  if (byId.size === 0)
    throw new EnvscalerError('NOT_FOUND', `no environment (a directory with env.ts) under ${dir}`);
  return byId;
}
