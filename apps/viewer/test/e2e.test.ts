// End to end: the built SPA in Debian's chromium (driven by playwright-core) against the viewer server on
// fixture run directories. Skips only when chromium is absent outside CI; in CI a missing browser fails.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startViewerServer, type ViewerServer } from '../server/index.js';
import {
  libraryEnv,
  libraryQuality,
  parkingEnv,
  runSummary,
  scenario,
  scenario2,
  trajectory,
  writeFixtureRun,
} from './fixture-run.js';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const shotsDir = path.resolve(pkgDir, '../../test-output/viewer');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);
const skip = !haveChromium && !process.env.CI;
if (skip)
  console.warn(
    `skipping the viewer's chromium tests: no chromium at ${chromiumPath} (install: sudo apt-get install chromium, or set CHROMIUM_PATH)`,
  );

let root: string;
let distDir: string;
let browser: Browser;
let server: ViewerServer;
let bigServer: ViewerServer;
const pageErrors: string[] = [];

/** Many envs and trajectories, to check that lists stay virtualised and pages load on demand. */
async function writeLargeRun(outDir: string, envs: number, trajectories: number): Promise<void> {
  await Promise.all(
    Array.from({ length: envs }, async (_, i) => {
      const id = `env-${String(i).padStart(4, '0')}`;
      const dir = path.join(outDir, 'envs', id);
      await mkdir(dir, { recursive: true });
      await writeFile(
        path.join(dir, 'env.json'),
        JSON.stringify({ ...parkingEnv, id, topic: `Topic number ${i}` }),
      );
    }),
  );
  const lines = Array.from({ length: trajectories }, (_, i) =>
    JSON.stringify({
      ...trajectory,
      id: `big-${i}`,
      trial: i,
      reward: { ...trajectory.reward, score: (i % 11) / 10, success: i % 11 === 10 },
    }),
  );
  await mkdir(path.join(outDir, 'rollouts/big'), { recursive: true });
  await writeFile(path.join(outDir, 'rollouts/big/trajectories.jsonl'), `${lines.join('\n')}\n`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

async function open(hash: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(`${server.url}${hash}`);
  return page;
}

describe.skipIf(skip)('viewer in chromium', () => {
  beforeAll(async () => {
    if (!haveChromium)
      throw new Error(`chromium not found at ${chromiumPath}; CI must install it (apt-get install chromium)`);
    root = await mkdtemp(path.join(tmpdir(), 'viewer-e2e-'));
    distDir = path.join(root, 'dist');
    // Build the SPA fresh into a temp dir, so the test never runs against a stale dist/.
    await build({
      root: pkgDir,
      configFile: path.join(pkgDir, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: distDir, emptyOutDir: true },
    });
    await writeFixtureRun(path.join(root, 'out'));
    await writeLargeRun(path.join(root, 'big'), 300, 28_800);
    await mkdir(shotsDir, { recursive: true });
    server = await startViewerServer({ outDir: path.join(root, 'out'), distDir });
    bigServer = await startViewerServer({ outDir: path.join(root, 'big'), distDir });
    // launch() gives every browser a fresh temporary profile (its own --user-data-dir).
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await bigServer?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('shows the run summary: funnel, usage per stage and rollout charts', async () => {
    const page = await open('#/summary');
    await page.getByRole('heading', { name: 'Run summary' }).waitFor();
    const funnel = page.getByRole('img', { name: 'pipeline funnel' });
    await expect(funnel.locator('[data-step="tasks"]').textContent()).resolves.toContain('40');
    await expect(funnel.locator('[data-step="kept"]').textContent()).resolves.toContain('1');
    await expect(page.locator('table.usage').textContent()).resolves.toContain('logic-method');
    await expect(page.locator('table.usage').textContent()).resolves.toContain('scenario-checks');
    await expect(funnel.locator('[data-step="scenariosKept"]').textContent()).resolves.toContain('2');
    const passK = page.getByRole('img', { name: 'pass^k' });
    await expect(passK.locator('[data-k="1"]').textContent()).resolves.toContain(
      runSummary.passHatK[0]?.value.toFixed(2),
    );
    await expect(page.getByRole('img', { name: 'reward distribution run1' }).isVisible()).resolves.toBe(true);
    await shot(page, 'summary');
    await page.close();
  });

  it('walks environment → scenario → trajectory and shows what the artifacts say', async () => {
    const page = await open('#/summary');
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Environments' }).click();
    await page.getByRole('heading', { name: 'Environments' }).waitFor();
    const rows = page.locator('.vrow');
    await page.locator('[data-env-id="library-loans"]').waitFor();
    await expect(rows.count()).resolves.toBe(4);
    const lib = page.locator('[data-env-id="library-loans"]');
    await expect(lib.textContent()).resolves.toContain(libraryEnv.topic);
    await expect(lib.textContent()).resolves.toContain('75%');
    await expect(page.locator('[data-env-id="parking-permits"]').textContent()).resolves.toContain('dropped');
    await expect(page.locator('[data-env-id="broken-env"]').textContent()).resolves.toContain('invalid');
    await page.getByLabel('sort').selectOption('quality');
    await expect(page.locator('[data-env-id]').first().getAttribute('data-env-id')).resolves.toBe(
      'library-loans',
    );
    await page.getByLabel('kept or dropped').selectOption('dropped');
    await page.locator('[data-env-id="library-loans"]').waitFor({ state: 'detached' });
    await expect(
      page.locator('[data-env-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-env-id'))),
    ).resolves.toEqual(['parking-permits', 'ghost-town']);
    await page.getByLabel('kept or dropped').selectOption('all');
    await page.getByLabel('sort').selectOption('id');
    await shot(page, 'environments');

    await lib.click();
    await page.getByRole('heading', { name: /LibraryLoans/ }).waitFor();
    expect(page.url()).toContain('#/envs/library-loans');
    await expect(page.locator('ol.rules li').allTextContents()).resolves.toEqual(libraryEnv.rules);

    await page.getByRole('link', { name: 'source' }).click();
    const code = page.getByLabel('environment source');
    await expect(code.textContent()).resolves.toContain(
      'lendBook(args: { memberId: string; bookId: string })',
    );
    await expect(code.locator('.tok-keyword').first().textContent()).resolves.toBe('export');
    await shot(page, 'environment-source');

    await page.getByRole('link', { name: 'tools' }).click();
    await page.locator('[data-tool]').first().waitFor();
    await expect(
      page.locator('[data-tool]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tool'))),
    ).resolves.toEqual(['getBook', 'lendBook']);
    await expect(page.locator('[data-tool="lendBook"]').textContent()).resolves.toMatch(
      /mutation.*memberId: string/,
    );

    await page.getByRole('link', { name: 'quality' }).click();
    await page.locator('table.quality tbody tr').first().waitFor();
    const steps = page.locator('table.quality tbody tr');
    await expect(steps.count()).resolves.toBe(libraryQuality.steps.length);
    await expect(steps.nth(2).textContent()).resolves.toContain('warning');
    await expect(steps.nth(2).textContent()).resolves.toContain('UNAVAILABLE');
    await shot(page, 'environment-quality');

    await page.getByRole('link', { name: 'scenarios (3)' }).click();
    await page.getByRole('heading', { name: 'Scenarios' }).waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('scenarios/library-loans.jsonl:3');
    await expect(page.locator('pre.task').textContent()).resolves.toBe(scenario.task);
    await page.locator(`a[data-scenario-id="${scenario2.id}"]`).click();
    await page.locator(`div.scenario[data-scenario-id="${scenario2.id}"]`).waitFor();
    await expect(page.locator('pre.task').textContent()).resolves.toBe(scenario2.task);
    await page.locator(`a[data-scenario-id="${scenario.id}"]`).click();
    await page.locator(`div.scenario[data-scenario-id="${scenario.id}"]`).waitFor();
    await expect(page.locator('ol.checklist > li').count()).resolves.toBe(scenario.checklist.length);
    await expect(page.locator('[data-gate="solvability"]').textContent()).resolves.toContain('pass');
    // The initial state tree: open "books", then "B1".
    await page.getByRole('button', { name: /books/ }).click();
    await page.getByRole('button', { name: /B1/ }).click();
    await expect(page.locator('.tree-children').first().textContent()).resolves.toContain('"Dune"');
    await shot(page, 'scenario');

    await page.locator('.runs-for-scenario a', { hasText: 'run1' }).click();
    await page.getByRole('heading', { name: 'Trajectories' }).waitFor();
    await page.locator('.vrow').first().waitFor();
    await expect(page.locator('.vrow').count()).resolves.toBe(2);
    await page.locator(`[data-trajectory-id="${trajectory.id}"]`).click();
    await page.getByRole('heading', { name: trajectory.id }).waitFor();
    await expect(page.locator('.conversation > li').count()).resolves.toBe(trajectory.messages.length);
    await expect(page.locator('[data-tool-call="lendBook"]').textContent()).resolves.toContain(
      '"memberId": "M1"',
    );
    await expect(page.locator('.msg-tool').textContent()).resolves.toContain('L-1');
    await expect(page.locator('table.checks [data-passed="true"]').count()).resolves.toBe(2);
    const diff = await page
      .locator('[data-diff-path]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-diff-path')));
    expect(diff).toEqual(['$.books.B1.onLoan', '$.loans["L-1"]']);
    await shot(page, 'trajectory');
    await page.getByRole('link', { name: 'next →' }).click();
    await page.getByRole('heading', { name: 'run1-library-loans-s1-t1' }).waitFor();
    await expect(page.locator('table.checks [data-passed="false"]').count()).resolves.toBe(2);
    await page.close();
  });

  it('lists runs and shows invalid trajectories and environments as errors, not crashes', async () => {
    const page = await open('#/runs');
    await expect(page.locator('[data-run-id="run1"]').textContent()).resolves.toMatch(/run1\s*3/);
    await page.getByRole('link', { name: 'run1' }).click();
    await expect(page.locator('.vrow').nth(2).textContent()).resolves.toContain('invalid');
    await page.getByLabel('result').selectOption('failed');
    await page.waitForURL(/status=failed/);
    await page.getByText('1 trajectory', { exact: true }).waitFor();
    await expect(page.locator('.vrow').count()).resolves.toBe(1);
    await page.getByLabel('result').selectOption('all');
    await page.getByText('3 trajectories').waitFor();
    await shot(page, 'trajectories');
    await page.goto(`${server.url}#/runs/run1/2`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'rollouts/run1/trajectories.jsonl:3',
    );
    await page.goto(`${server.url}#/envs/ghost-town`);
    await expect(page.locator('dl.outcome').textContent()).resolves.toMatch(/dropped at\s*logic-typecheck/);
    await page.goto(`${server.url}#/envs/parking-permits?tab=source`);
    await expect(page.getByLabel('environment source').textContent()).resolves.toContain(
      'class ParkingPermits',
    );
    await page.goto(`${server.url}#/envs/broken-env`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('envs/broken-env/env.json');
    await page.goto(`${server.url}#/envs/does-not-exist`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('no environment');
    await page.close();
  });

  it('stays virtualised with 300 environments and 28,800 trajectories, fetching pages as it scrolls', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const api: string[] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.pathname.startsWith('/api/')) api.push(`${url.pathname}${url.search}`);
    });
    await page.goto(`${bigServer.url}#/envs`);
    await page.getByText('300 environments').waitFor();
    expect(await page.locator('.vrow').count()).toBeLessThan(60);
    await page.locator('.vlist').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.locator('[data-env-id="env-0299"]').waitFor();
    // the first page and the last one, not the whole list
    expect(api.filter((u) => u.startsWith('/api/envs'))).toEqual(['/api/envs?offset=0&limit=200', '/api/envs?offset=200&limit=200']);
    await page.getByLabel('filter environments').fill('Topic number 29');
    await page.getByText('11 shown').waitFor();
    await expect(page.getByLabel('filter environments').inputValue()).resolves.toBe('Topic number 29');

    await page.goto(`${bigServer.url}#/runs/big`);
    await page.getByText('28800 trajectories').waitFor();
    expect(await page.locator('.vrow').count()).toBeLessThan(60);
    await page.locator('.vlist').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.locator('[data-trajectory-id="big-28799"]').waitFor();
    await page.locator('.vlist').evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
    await page.locator('[data-trajectory-id="big-14400"]').waitFor();
    expect(await page.locator('.vrow').count()).toBeLessThan(60);
    const pages = api.filter((u) => u.startsWith('/api/runs/big/trajectories'));
    expect(pages.length).toBeLessThanOrEqual(5);
    await page.close();
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
