import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '@envscaler/core/node';
import { envDirsById } from './env-dirs.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'envscaler-env-dirs-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function envDir(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
  return dir;
}

describe('envDirsById', () => {
  it('keys directories by the id in env.json, else meta.json, else the directory name', async () => {
    const source = 'export class A {}\n';
    const a = await envDir('a-dir', { 'env.ts': source, 'env.json': JSON.stringify({ id: 'alpha' }) });
    const b = await envDir('b-dir', { 'env.ts': source, 'meta.json': JSON.stringify({ id: 'beta' }) });
    const c = await envDir('c-dir', { 'env.ts': source });
    const byId = await envDirsById(root);
    expect([...byId.keys()].sort()).toEqual(['alpha', 'beta', 'c-dir']);
    expect(byId.get('alpha')).toEqual({ dir: a, sourceHash: sha256Hex(source).slice(0, 16) });
    expect(byId.get('beta')?.dir).toBe(b);
    expect(byId.get('c-dir')?.dir).toBe(c);
  });

  it('rejects a corrupt env.json naming the file, line and column instead of guessing the id', async () => {
    await envDir('torn', { 'env.ts': 'export class A {}\n', 'env.json': '{\n  "id": "torn",\n  "tools": [' });
    const error = await envDirsById(root).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_ARTIFACT' });
    expect((error as Error).message).toContain(`${path.join(root, 'torn', 'env.json')}:3:13`);
    expect((error as Error).message).toMatch(/is not valid JSON: unexpected end of input/);
  });
});
