import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseJsonLines, parseScenario, parseTrajectory } from '@envscaler/core';
import { runCli } from './index.js';

// docs/tutorial-new-topic.md promises that its `bash` blocks run as written; this runs exactly them.
const tutorial = new URL('../../../docs/tutorial-new-topic.md', import.meta.url);
const example = fileURLToPath(new URL('../../../examples/tutorial-bike-workshop', import.meta.url));
const prefix = 'pnpm envscaler ';

/** The `pnpm envscaler …` commands of the markdown's bash blocks, as argv lists. */
function tutorialCommands(markdown: string): string[][] {
  const blocks = [...markdown.matchAll(/^```bash\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  const lines = blocks.flatMap((b) => b.replace(/\\\n/g, ' ').split('\n')).filter((l) => l.trim());
  return lines.map((line) => {
    // Plain words only, so splitting on spaces is exactly what a shell would do.
    if (!line.startsWith(prefix) || /["'$`*#;&|<>]/.test(line))
      throw new Error(`not a plain command: ${line}`);
    return line.slice(prefix.length).trim().split(/\s+/);
  });
}

let dir: string;
const cwd = process.cwd();
const saved = { ...process.env };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'envscaler-tutorial-'));
  await mkdir(join(dir, 'examples'));
  await symlink(example, join(dir, 'examples', 'tutorial-bike-workshop'));
  process.chdir(dir); // the commands use paths relative to the repository root
  for (const name of ['OPENAI_BASE_URL', 'OPENAI_API_KEY', 'ENVSCALER_MODEL']) delete process.env[name];
});

afterAll(async () => {
  process.chdir(cwd);
  process.env = saved;
  await rm(dir, { recursive: true, force: true });
});

const out = 'runs/bike-workshop';
const readJson = async (path: string) => JSON.parse(await readFile(join(dir, path), 'utf8'));
const readLines = async <T>(path: string, parse: (v: unknown) => T) =>
  parseJsonLines({ text: await readFile(join(dir, path), 'utf8'), parse });

/** What each command of the tutorial must leave behind. */
const artifacts: Record<string, () => Promise<void>> = {
  build: async () => {
    const report = await readJson(`${out}/report.json`);
    expect(report.envs.map((e: { envId: string; status: string }) => [e.envId, e.status])).toEqual([
      ['community-bike-repair-workshop', 'kept'],
    ]);
    const quality = await readJson(`${out}/envs/community-bike-repair-workshop/quality.json`);
    expect(quality.counts).toEqual({ pass: 7, warning: 0, fail: 0 });
  },
  scenarios: async () => {
    const scenarios = await readLines(`${out}/scenarios/community-bike-repair-workshop.jsonl`, parseScenario);
    expect(scenarios.map((s) => s.gates?.solvability?.passed)).toEqual([true, true]);
  },
  rollout: async () => {
    const episodes = await readLines(`${out}/rollouts/r1/trajectories.jsonl`, parseTrajectory);
    expect(episodes.map((t) => t.reward?.score).sort()).toEqual([0, 0, 1, 1]);
    expect((await readJson(`${out}/rollouts/r1/summary.json`)).meanReward).toBe(0.5);
  },
  eval: async () => {
    const { summary, mismatches } = await readJson(`${out}/rollouts/r1/eval.json`);
    expect(summary.episodes).toBe(4);
    expect(mismatches).toEqual([]);
  },
};

describe('docs/tutorial-new-topic.md', () => {
  it('runs build → scenarios → rollout → eval offline from the hand-written cassette', async () => {
    const commands = tutorialCommands(await readFile(tutorial, 'utf8'));
    expect(commands.map((argv) => argv[0])).toEqual(['build', 'scenarios', 'rollout', 'eval']);
    for (const argv of commands) {
      const output: string[] = [];
      const capture = (chunk: unknown) => (output.push(String(chunk)), true);
      vi.spyOn(process.stdout, 'write').mockImplementation(capture);
      vi.spyOn(process.stderr, 'write').mockImplementation(capture);
      let code: number;
      try {
        code = await runCli({ argv });
      } finally {
        vi.restoreAllMocks();
      }
      expect(code, `envscaler ${argv.join(' ')}\n${output.join('')}`).toBe(0);
      await artifacts[argv[0]!]!();
    }
  }, 180_000);
});
