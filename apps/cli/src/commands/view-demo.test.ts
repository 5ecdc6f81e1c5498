import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseJsonLines,
  parseScenario,
  parseTrajectory,
  type Scenario,
  type Trajectory,
} from '@envscaler/core';
import { withCassette } from '@envscaler/llm';
import { runDemo } from '../demo/run-demo.js';
import { createProgressReporter } from '../progress.js';
import { demoDir } from './demo.js';
import { startView, type ViewerServer } from './view.js';

// The viewer against the real output of `envscaler demo` (scripted cassette): click from an environment to
// a scenario to a trajectory and check that what the page shows is what the artifacts say.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = path.join(new URL('../../../../test-output/viewer-demo', import.meta.url).pathname);

let out: string;
let viewer: ViewerServer;
let browser: Browser;
let scenarios: Scenario[];
let trajectories: Trajectory[];

beforeAll(async () => {
  if (!existsSync(chromiumPath))
    throw new Error(`chromium not found at ${chromiumPath}; install it (apt-get install chromium)`);
  out = await mkdtemp(path.join(tmpdir(), 'envscaler-view-demo-'));
  await runDemo({
    tasksPath: path.join(demoDir, 'tasks.jsonl'),
    out,
    model: withCassette({ dir: path.join(demoDir, 'cassette'), mode: 'replay', modelName: 'scripted' }),
    concurrency: 1,
    progress: createProgressReporter({ mode: 'quiet' }),
  });
  scenarios = parseJsonLines({
    text: await readFile(path.join(out, 'scenarios/public-library-loans.jsonl'), 'utf8'),
    parse: parseScenario,
  });
  trajectories = parseJsonLines({
    text: await readFile(path.join(out, 'rollouts/demo/trajectories.jsonl'), 'utf8'),
    parse: parseTrajectory,
  });
  viewer = await startView({ outDir: out, port: 0 });
  browser = await chromium.launch({
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
  await mkdir(screenshots, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await viewer?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

describe('the viewer on the demo output', () => {
  it('walks environment → scenario → trajectory and shows the artifacts', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await page.goto(`${viewer.url}#/envs`);
    const env = page.locator('[data-env-id="public-library-loans"]');
    await env.waitFor();
    await expect(env.textContent()).resolves.toContain('Public library loans');
    await env.click();
    await page.getByRole('heading', { name: /LibraryLoans/ }).waitFor();
    await page.getByRole('link', { name: 'tools' }).click();
    await page.locator('[data-tool]').first().waitFor();
    await expect(
      page.locator('[data-tool]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tool'))),
    ).resolves.toEqual(['getBook', 'searchBooks', 'lendBook', 'returnBook', 'listMemberLoans']);
    await page.screenshot({ path: path.join(screenshots, 'environment.png'), fullPage: true });

    await page.getByRole('link', { name: `scenarios (${scenarios.length})` }).click();
    await page.getByRole('heading', { name: 'Scenarios' }).waitFor();
    const first = scenarios[0]!;
    await page.locator(`a[data-scenario-id="${first.id}"]`).click();
    await page.locator(`div.scenario[data-scenario-id="${first.id}"]`).waitFor();
    await expect(page.locator('pre.task').textContent()).resolves.toBe(first.task);
    await expect(page.locator('ol.checklist > li').count()).resolves.toBe(first.checklist.length);
    await expect(page.locator('[data-gate="solvability"]').textContent()).resolves.toContain('pass');
    await page.screenshot({ path: path.join(screenshots, 'scenario.png'), fullPage: true });

    await page.locator('.runs-for-scenario a', { hasText: 'demo' }).click();
    await page.getByRole('heading', { name: 'Trajectories' }).waitFor();
    await page.locator('.vrow').first().waitFor();
    const mine = trajectories.filter((t) => t.scenarioId === first.id);
    await expect(page.locator('.vrow').count()).resolves.toBe(mine.length);
    const shown = mine[0]!;
    await page.locator(`[data-trajectory-id="${shown.id}"]`).click();
    await page.getByRole('heading', { name: shown.id }).waitFor();
    await expect(page.locator('.conversation > li').count()).resolves.toBe(shown.messages.length);
    const passed = shown.reward!.checks.filter((c) => c.passed).length;
    await expect(page.locator('table.checks [data-passed="true"]').count()).resolves.toBe(passed);
    await expect(page.locator('table.checks [data-passed="false"]').count()).resolves.toBe(
      shown.reward!.checks.length - passed,
    );
    await page.screenshot({ path: path.join(screenshots, 'trajectory.png'), fullPage: true });
    await page.close();
  }, 120_000);
});
