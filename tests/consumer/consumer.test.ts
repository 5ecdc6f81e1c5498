/**
 * The packages as a user gets them: every publishable workspace package is packed (`pnpm pack`), the
 * tarballs are installed offline into a scratch project in a temp directory outside the workspace, and
 * there the README's library snippet, `envscaler demo`, `envscaler replay` (τ²-retail and BFCL, on the data
 * of the installed environment packages) and `envscaler bench bfcl --gold` must give the workspace's results.
 *
 * Our packages come only from their tarballs (no symlink into the workspace); third-party dependencies are
 * linked to the copies the workspace install already has, so nothing is downloaded or compiled again.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const PNPM = ['-y', 'pnpm@10.34.9'];

interface Manifest {
  name: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; never throws on a non-zero exit (the caller asserts on `code`). */
function run(file: string, args: string[], cwd: string): Promise<Run> {
  const env = { ...process.env };
  // No endpoint: the CLI must answer from its bundled cassette, as a new user without a model would see.
  for (const key of Object.keys(env)) if (/^(OPENAI_|ENVSCALER_)/.test(key)) delete env[key];
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function ok(file: string, args: string[], cwd: string): Promise<string> {
  const result = await run(file, args, cwd);
  if (result.code !== 0)
    throw new Error(`${file} ${args.join(' ')} (in ${cwd}) exited ${result.code}\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}

/** The publishable workspace packages with their directories. */
function publishablePackages(): { dir: string; manifest: Manifest }[] {
  return ['packages', 'apps', 'envs'].flatMap((group) =>
    readdirSync(join(root, group))
      .map((name) => join(root, group, name))
      .filter((dir) => existsSync(join(dir, 'package.json')))
      .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest }))
      .filter(({ manifest }) => !manifest.private),
  );
}

/** The demo table without the lines that differ between runs (time, output paths). */
function demoTable(stdout: string): string[] {
  const start = stdout.indexOf('envscaler demo (');
  return stdout
    .slice(start)
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s+(time|artifacts|look at it)\s/.test(line));
}

describe('the published packages, installed from their tarballs outside the workspace', () => {
  let scratch: string;
  let bin: string;

  beforeAll(async () => {
    const packages = publishablePackages();
    const unbuilt = packages.filter(({ dir }) => !existsSync(join(dir, 'dist')));
    if (unbuilt.length > 0)
      throw new Error(`build first (npx -y pnpm@10.34.9 build): no dist/ in ${unbuilt.map((p) => p.dir).join(', ')}`);
    scratch = await mkdtemp(join(tmpdir(), 'envscaler-consumer-'));
    const tarballs = join(scratch, 'tarballs');
    await ok('npx', [...PNPM, '-r', 'pack', '--pack-destination', tarballs], root);

    const dependencies: Record<string, string> = {};
    const overrides: Record<string, string> = {};
    for (const { dir, manifest } of packages) {
      const tarball = `${manifest.name.slice(1).replace('/', '-')}-${JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version}.tgz`;
      expect(existsSync(join(tarballs, tarball)), `${tarball} packed`).toBe(true);
      dependencies[manifest.name] = `file:./tarballs/${tarball}`;
      overrides[manifest.name] = dependencies[manifest.name]!;
      for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
        if (dep.startsWith('@envscaler/')) continue;
        overrides[dep] ??= `link:${realpathSync(join(dir, 'node_modules', dep))}`;
      }
    }
    await writeFile(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module', dependencies }, null, 2));
    await writeFile(
      join(scratch, 'pnpm-workspace.yaml'),
      [
        'overrides:',
        ...Object.entries(overrides).map(([name, spec]) => `  '${name}': '${spec}'`),
        'allowBuilds:',
        '  esbuild: true',
        '  isolated-vm: true',
        '  msgpackr-extract: false',
        '',
      ].join('\n'),
    );
    await ok('npx', [...PNPM, 'install', '--offline'], scratch);
    bin = join(scratch, 'node_modules', '.bin', 'envscaler');
    for (const file of ['library-snippet.mjs', 'replay-inputs.mjs']) await copyFile(join(here, file), join(scratch, file));
  });

  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('installed every package from its tarball, not from the workspace', () => {
    for (const { manifest } of publishablePackages()) {
      const installed = realpathSync(join(scratch, 'node_modules', manifest.name));
      expect(installed.startsWith(root), `${manifest.name} -> ${installed}`).toBe(false);
      expect(existsSync(join(installed, 'src')), `${manifest.name} ships no src/`).toBe(false);
    }
  });

  it('`envscaler demo` prints the same table as in the workspace; the README library snippet agrees', async () => {
    const outside = await ok(bin, ['demo', '--out', join(scratch, 'demo')], scratch);
    const inside = await ok(
      process.execPath,
      ['--no-node-snapshot', join(root, 'apps/cli/bin/envscaler.js'), 'demo', '--out', join(scratch, 'demo-ws')],
      root,
    );
    expect(outside).toContain('SCRIPTED');
    expect(demoTable(outside)).toEqual(demoTable(inside));

    const demoDir = join(scratch, 'node_modules', '@envscaler', 'cli', 'demo');
    const snippet = JSON.parse(
      await ok(process.execPath, ['--no-node-snapshot', 'library-snippet.mjs', demoDir, join(scratch, 'lib')], scratch),
    ) as { envs: [string, string][]; scenarios: string[]; episodes: number; meanReward: number; successRate: number };
    const row = (name: string) => demoTable(inside).find((line) => line.trim().startsWith(name))!.trim();
    expect(snippet.envs.filter(([, status]) => status === 'kept').map(([id]) => id)).toEqual(['public-library-loans']);
    expect(row('environments')).toContain('1 kept of 1 built (public-library-loans)');
    expect(row('scenarios public-library-loans')).toContain(`${snippet.scenarios.length} kept of 2`);
    expect(row('episodes')).toContain(`${snippet.episodes} (`);
    expect(row('mean reward')).toContain(snippet.meanReward.toFixed(3));
    expect(row('success rate')).toContain(snippet.successRate.toFixed(3));
  });

  it('`envscaler replay` of a τ²-retail task reaches the reference final database', async () => {
    const dir = join(scratch, 'replay-tau2');
    await mkdir(dir);
    const want = (await ok(process.execPath, ['replay-inputs.mjs', 'tau2', '2', dir], scratch)).trim();
    const pkg = join(scratch, 'node_modules', '@envscaler', 'env-tau2-retail');
    await ok(bin, ['replay', '--env', pkg, '--initial-state', join(pkg, 'data', 'db.json'), '--calls', join(dir, 'calls.json'), '--out', join(dir, 'final.json')], scratch);
    expect(want).toMatch(/^[0-9a-f]{16,}$/);
    const got = (await ok(process.execPath, ['replay-inputs.mjs', 'digest', 'tau2', join(dir, 'final.json')], scratch)).trim();
    expect(got).toBe(want);
  });

  it('`envscaler replay` of a BFCL entry reaches the expected public state', async () => {
    const dir = join(scratch, 'replay-bfcl');
    await mkdir(dir);
    const want = (await ok(process.execPath, ['replay-inputs.mjs', 'bfcl', 'multi_turn_base_0', dir], scratch)).trim();
    const pkg = join(scratch, 'node_modules', '@envscaler', 'env-bfcl-multi-turn');
    await ok(bin, ['replay', '--env', pkg, '--init-config', join(dir, 'config.json'), '--calls', join(dir, 'calls.json'), '--out', join(dir, 'final.json')], scratch);
    expect(want).toMatch(/^[0-9a-f]{16,}$/);
    const got = (await ok(process.execPath, ['replay-inputs.mjs', 'digest', 'bfcl', join(dir, 'final.json')], scratch)).trim();
    expect(got).toBe(want);
  });

  it('`envscaler bench bfcl --gold` passes the entries it runs, on the installed data', async () => {
    const out = join(scratch, 'bench');
    const stdout = await ok(bin, ['bench', 'bfcl', '--gold', '--entries', '0-5', '--out', out, '--quiet'], scratch);
    expect(stdout).toContain('6/6 passed, accuracy 100.0%');
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as { entries: number; passed: number };
    expect(summary).toMatchObject({ entries: 6, passed: 6 });
  });
});
