import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_SOURCES } from './core-source.generated.js';
import { loadEnvironment } from './index.js';
import { libraryState } from './fixtures/library-state.js';
import { librarySource } from './fixtures/load-fixture.js';

const root = mkdtempSync(join(tmpdir(), 'envscaler-runtime-'));

function dir(name: string, files: Record<string, string>): string {
  const d = join(root, name);
  mkdirSync(d, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(d, file), text);
  return d;
}

describe('loadEnvironment', () => {
  it('loads a directory with env.ts and meta.json (introductionFile relative to the dir)', async () => {
    const d = dir('meta', {
      'env.ts': librarySource,
      'meta.json': JSON.stringify({
        id: 'library',
        topic: 'Library',
        summary: 'Lending',
        rules: ['Be kind'],
        introductionFile: 'policy.md',
      }),
      'policy.md': '# Policy\nLend books.',
    });
    const env = await loadEnvironment({ dir: d });
    expect(env).toMatchObject({
      id: 'library',
      className: 'Library',
      topic: 'Library',
      summary: 'Lending',
      rules: ['Be kind'],
    });
    expect(env.introduction).toBe('# Policy\nLend books.');
    expect(env.initialization).toBe('state');
    expect(env.tools.map((t) => t.name)).toContain('lendBook');
    const pkg = env.toPackage();
    expect(pkg).toMatchObject({
      schemaVersion: 1,
      id: 'library',
      className: 'Library',
      source: librarySource,
    });
    env.dispose();

    // the package round-trips, and an env.json directory loads without re-deriving
    const d2 = dir('pkg', { 'env.ts': librarySource, 'env.json': JSON.stringify(pkg) });
    const fromDir = await loadEnvironment({ dir: d2, sandbox: 'none' });
    expect(fromDir.toPackage()).toEqual(pkg);
    const fromPkg = await loadEnvironment({ package: pkg });
    const s = await fromPkg.createSession({ initialState: libraryState() });
    expect(await s.call('getBook', { bookId: 'b1' })).toMatchObject({ ok: true, data: { title: 'Dune' } });
    fromPkg.dispose();
    fromDir.dispose();
  });

  it('fails with NOT_FOUND for missing files and INVALID_ARTIFACT for a bad meta.json', async () => {
    await expect(loadEnvironment({ dir: join(root, 'nowhere') })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/Environment module not found: .*nowhere\/env\.ts/),
    });
    await expect(loadEnvironment({ dir: dir('nometa', { 'env.ts': librarySource }) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const badMeta = dir('badmeta', {
      'env.ts': librarySource,
      'meta.json': JSON.stringify({ id: 'Bad Id', topic: '', rules: 'x' }),
    });
    await expect(loadEnvironment({ dir: badMeta })).rejects.toMatchObject({ code: 'INVALID_ARTIFACT' });
    const noIntro = dir('nointro', {
      'env.ts': librarySource,
      'meta.json': JSON.stringify({
        id: 'x',
        topic: 't',
        summary: '',
        rules: [],
        introductionFile: 'missing.md',
      }),
    });
    await expect(loadEnvironment({ dir: noIntro })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names the file, line and column of an env.json or meta.json that is not JSON', async () => {
    const brokenMeta = dir('brokenmeta', {
      'env.ts': librarySource,
      'meta.json': '{\n  "id": "x",\n  "topic": "t",,\n}',
    });
    await expect(loadEnvironment({ dir: brokenMeta })).rejects.toMatchObject({
      code: 'INVALID_ARTIFACT',
      message: expect.stringMatching(/meta\.json:3:\d+/),
    });
    const brokenPkg = dir('brokenpkg', { 'env.ts': librarySource, 'env.json': '{"id": "x"\n  "tools": []}' });
    await expect(loadEnvironment({ dir: brokenPkg })).rejects.toMatchObject({
      code: 'INVALID_ARTIFACT',
      message: expect.stringMatching(/env\.json:2:\d+/),
    });
  });

  it('fails with ENVIRONMENT_LOAD_FAILED naming the line of a syntax error', async () => {
    const source = `import { Environment } from '@envscaler/core';\nexport class X extends Environment<{}> {\n  f( {\n}\n`;
    await expect(loadEnvironment({ source })).rejects.toMatchObject({
      code: 'ENVIRONMENT_LOAD_FAILED',
      message: expect.stringMatching(/env\.ts:\d+:\d+ - error TS\d+/),
    });
  });

  it('fails with ENVIRONMENT_LOAD_FAILED when the module imports something else or throws on load', async () => {
    const imports = `import { readFileSync } from 'node:fs';\nimport { Environment } from '@envscaler/core';\nexport class X extends Environment<{}> { f() { return this.ok(readFileSync); } }`;
    await expect(loadEnvironment({ source: imports })).rejects.toMatchObject({
      code: 'ENVIRONMENT_LOAD_FAILED',
      message: expect.stringMatching(/Cannot import 'node:fs'/),
    });
    const throws = `import { Environment } from '@envscaler/core';\nthrow new Error('boom');\nexport class X extends Environment<{}> { f() { return this.ok(1); } }`;
    await expect(loadEnvironment({ source: throws })).rejects.toMatchObject({
      code: 'ENVIRONMENT_LOAD_FAILED',
      message: expect.stringMatching(/boom/),
    });
    const loops = `import { Environment } from '@envscaler/core';\nfor (;;) {}\nexport class X extends Environment<{}> { f() { return this.ok(1); } }`;
    await expect(loadEnvironment({ source: loops, limits: { callTimeoutMs: 100 } })).rejects.toMatchObject({
      code: 'ENVIRONMENT_LOAD_FAILED',
    });
  });

  it('rejects bad options', async () => {
    await expect(loadEnvironment({ source: librarySource, limits: { memoryMb: 1 } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(loadEnvironment({ source: librarySource, sandbox: 'vm' as never })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const env = await loadEnvironment({ source: librarySource, sandbox: 'none' });
    await expect(env.createSession({ config: {} })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    env.dispose();
  });
});

describe('core source snapshot', () => {
  it('matches packages/core/src (run scripts/sync-core-source.ts after changing core)', () => {
    for (const [file, text] of Object.entries(CORE_SOURCES)) {
      expect(text, file).toBe(readFileSync(new URL(`../../core/src/${file}`, import.meta.url), 'utf8'));
    }
  });
});
