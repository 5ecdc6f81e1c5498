import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, readdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EnvscalerError } from '@envscaler/core';

/**
 * Artifacts shared by the coordinator and every worker. Names are relative, `/`-separated paths
 * (e.g. `episodes/s1__0.json`) derived from the job's inputs, so a retried or duplicated job targets the
 * same name. Writes are atomic and first-writer-wins: a reader never sees half a file, and a second
 * write of the same name keeps the first content (the work was done already).
 */
export interface ArtifactStore {
  /** Where the store lives, for messages (a directory for the filesystem store). */
  readonly location: string;
  /** Writes `name` unless it exists; returns false when it already existed (nothing written). */
  put(name: string, content: string): Promise<boolean>;
  /** The artifact's content, or undefined when it does not exist. */
  get(name: string): Promise<string | undefined>;
  exists(name: string): Promise<boolean>;
  /** Names under a prefix directory (`episodes/` → `episodes/a.json`, …), sorted; [] when absent. */
  list(prefix: string): Promise<string[]>;
  /** Removes an artifact (no error when absent). */
  remove(name: string): Promise<void>;
}

function checkName(name: string): string {
  const parts = name.split('/');
  if (
    name === '' ||
    name.startsWith('/') ||
    name.includes('\\') ||
    parts.some((p) => p === '' || p === '.' || p === '..')
  ) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `invalid artifact name '${name}' (a relative path without '..')`,
    );
  }
  return name;
}

/**
 * A filesystem `ArtifactStore` rooted at `root` (a directory every worker mounts at the same path, e.g.
 * NFS or a shared volume). `put` writes a temporary file in the target directory and hard-links it to
 * the final name — `link` fails if the name exists, which makes the write atomic and first-writer-wins
 * even across machines on POSIX filesystems.
 */
export function createFsArtifactStore(options: { root: string }): ArtifactStore {
  const root = path.resolve(options.root);
  const full = (name: string) => path.join(root, ...checkName(name).split('/'));
  return {
    location: root,
    async put(name, content) {
      const file = full(name);
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(tmp, content);
      try {
        await link(tmp, file);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      } finally {
        await unlink(tmp).catch(() => undefined);
      }
    },
    async get(name) {
      try {
        return await readFile(full(name), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async exists(name) {
      return stat(full(name)).then(
        (s) => s.isFile(),
        () => false,
      );
    },
    async list(prefix) {
      const clean = prefix.replace(/\/+$/, '');
      const dir = clean === '' ? root : full(clean);
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      return entries
        .filter((e) => e.isFile() && !e.name.endsWith('.tmp'))
        .map((e) => (clean === '' ? e.name : `${clean}/${e.name}`))
        .sort();
    },
    async remove(name) {
      await rm(full(name), { force: true });
    },
  };
}
