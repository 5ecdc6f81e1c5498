import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvscalerError, type EnvironmentPackage } from '@envscaler/core';
import { viewerDistDir } from '@envscaler/viewer/server';
import { runCli } from '../index.js';
import { startView } from './view.js';

const env: EnvironmentPackage = {
  schemaVersion: 1,
  id: 'counter',
  className: 'Counter',
  topic: 'A counter',
  summary: 'Counts.',
  introduction: 'Count things.',
  rules: [],
  stateSchema: { type: 'object' },
  tools: [{ name: 'increment', description: 'Add one.', kind: 'mutation', parameters: { type: 'object' } }],
  source: 'export class Counter {}\n',
  initialization: 'state',
  provenance: { createdAt: '2026-11-26T10:00:00.000Z' },
};

let root: string;
// turbo builds the viewer before these tests (test dependsOn ^build); in CI a missing build must fail, not skip.
const built = existsSync(path.join(viewerDistDir, 'index.html')) || Boolean(process.env.CI);

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'cli-view-'));
  await mkdir(path.join(root, 'out/envs/counter'), { recursive: true });
  await writeFile(path.join(root, 'out/envs/counter/env.json'), JSON.stringify(env));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('envscaler view', () => {
  it('is registered with its options', async () => {
    let help = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      help += chunk;
      return true;
    }) as typeof process.stdout.write;
    try {
      await runCli({ argv: ['view', '--help'] });
    } finally {
      process.stdout.write = write;
    }
    expect(help).toContain('<out-dir>');
    expect(help).toContain('--port');
    expect(help).toContain('--open');
  });

  it('refuses a missing out dir and a bad port as user mistakes (exit 2)', async () => {
    const stderr = process.stderr.write.bind(process.stderr);
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(await runCli({ argv: ['view', path.join(root, 'nope'), '--port', '0'] })).toBe(2);
      expect(await runCli({ argv: ['view', path.join(root, 'out'), '--port', 'http'] })).toBe(2);
    } finally {
      process.stderr.write = stderr;
    }
  });

  it.runIf(built)('serves the built viewer and the API for the out dir on loopback', async () => {
    const server = await startView({ outDir: path.join(root, 'out'), port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(server.url);
      expect(await page.text()).toContain('<div id="app">');
      const envs = (await (await fetch(new URL('api/envs', server.url))).json()) as {
        items: { id: string; topic: string }[];
      };
      expect(envs.items).toEqual([
        expect.objectContaining({ id: 'counter', topic: 'A counter', toolCount: 1 }),
      ]);
    } finally {
      await server.close();
    }
  });

  it.runIf(built)('reports a taken port as a user mistake', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const error = await startView({ outDir: path.join(root, 'out'), port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EnvscalerError);
      expect((error as EnvscalerError).code).toBe('INVALID_INPUT');
    } finally {
      blocker.close();
    }
  });
});

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const bin = fileURLToPath(new URL('../../bin/envscaler.js', import.meta.url));

// The real command end to end: the bin (from source), the printed URL, the page in Debian's chromium, Ctrl-C.
// Skips only when chromium is missing outside CI.
describe.skipIf(!existsSync(chromiumPath) && !process.env.CI)('envscaler view in chromium', () => {
  it.runIf(built)(
    'serves a page that lists the environments, and stops on SIGINT',
    async () => {
      const child = spawn(process.execPath, [bin, 'view', path.join(root, 'out'), '--port', '0'], {
        env: { ...process.env, ENVSCALER_FROM_SOURCE: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 25_000);
          child.stdout.on('data', () => {
            const match = /envscaler viewer on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
            if (match?.[1]) {
              clearTimeout(timer);
              resolve(match[1]);
            }
          });
        });
        const browser = await chromium.launch({
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        });
        try {
          const page = await browser.newPage();
          await page.goto(`${url}#/envs`);
          await page.locator('[data-env-id="counter"]').waitFor();
          expect(await page.locator('[data-env-id="counter"]').textContent()).toContain('A counter');
        } finally {
          await browser.close();
        }
      } finally {
        child.kill('SIGINT');
      }
      expect(await exited).toBe(0);
    },
    60_000,
  );
});
