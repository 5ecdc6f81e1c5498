import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../index.js';
import { checkConfig, configSchemaPath, configSchemaReference, loadConfig } from '../config.js';

const bin = new URL('../../bin/envscaler.js', import.meta.url).pathname;

/** The real binary, from source (a stale dist/ would test old code), without any model endpoint. */
function run(args: string[], cwd: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ENVSCALER_MODEL: 'm',
    OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
  };
  delete env.ENVSCALER_USE_DIST;
  delete env.OPENAI_API_KEY;
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { env, cwd });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('close', (code) => done({ code, stderr, stdout }));
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'envscaler-init-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('envscaler init', () => {
  it('writes a config that names its schema and validates against it', async () => {
    vi.spyOn(process.stdout, 'write').mockReturnValue(true);
    vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    const path = join(dir, 'envscaler.config.json');
    expect(await runCli({ argv: ['init', '--path', path] })).toBe(0);
    const written = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(written)[0]).toBe('$schema');
    expect(written.$schema).toBe('./node_modules/@envscaler/cli/schema/envscaler.config.schema.json');
    expect(written.$schema).toBe(configSchemaReference);
    expect(checkConfig(written)).toEqual([]);
    expect((await loadConfig({ path })).models?.default).toBe('gpt-4.1-mini');
    // refuses to overwrite without --force (a user mistake: exit code 2)
    expect(await runCli({ argv: ['init', '--path', path] })).toBe(2);
    expect(await runCli({ argv: ['init', '--path', path, '--force'] })).toBe(0);
    vi.restoreAllMocks();
  });

  it('points "$schema" at the file an installed @envscaler/cli ships', async () => {
    // A project with @envscaler/cli installed: node_modules/@envscaler/cli is this package.
    const project = await mkdtemp(join(dir, 'installed-'));
    await mkdir(join(project, 'node_modules', '@envscaler'), { recursive: true });
    await symlink(dirname(dirname(configSchemaPath())), join(project, 'node_modules', '@envscaler', 'cli'));
    const target = resolve(project, configSchemaReference);
    expect(await readFile(target, 'utf8')).toBe(await readFile(configSchemaPath(), 'utf8'));
    // and tools can resolve it through the package exports
    const viaExports = createRequire(join(project, 'index.js')).resolve(
      '@envscaler/cli/schema/envscaler.config.schema.json',
    );
    expect(await readFile(viaExports, 'utf8')).toBe(await readFile(target, 'utf8'));
  });

  it('end to end: a typo in the written file stops `envscaler build` with exit code 2 before any work', async () => {
    const project = await mkdtemp(join(dir, 'project-'));
    await writeFile(join(project, 'tasks.jsonl'), '{"id": "t1", "task": "Lend a book to a member."}\n');
    const init = await run(['init'], project);
    expect(init.code).toBe(0);
    const path = join(project, 'envscaler.config.json');
    const config = JSON.parse(await readFile(path, 'utf8')) as Record<string, Record<string, unknown>>;
    const { models, ...rest } = config;
    await writeFile(
      path,
      JSON.stringify(
        { ...rest, modles: models, thresholds: { ...rest.thresholds, quality: 'high' } },
        null,
        2,
      ),
    );
    const build = await run(['build', '--tasks', 'tasks.jsonl', '--out', 'out'], project);
    expect(build.code).toBe(2);
    const lines = build.stderr.trim().split('\n');
    expect(lines[0]).toBe(
      `envscaler: config file ${path} is invalid (2 problems; schema: @envscaler/cli/schema/envscaler.config.schema.json):`,
    );
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        /^ {2}\/modles: unknown key "modles" \(did you mean "models"\?\); allowed keys: "\$schema", /,
      ),
      '  /thresholds/quality: must be a number from 0 to 1, got "high"',
    ]);
    expect(existsSync(join(project, 'out'))).toBe(false);

    await writeFile(path, '{\n  "models": { "default": "m" },\n}\n');
    const broken = await run(['build', '--tasks', 'tasks.jsonl', '--out', 'out'], project);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(
      new RegExp(`^envscaler: config file ${path} is not valid JSON at line 3, column 1: `),
    );
  }, 120_000);
});
