import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChatRequest } from '@envscaler/core';
import { buildEnvironments, EnvTypeChecker, type BuildReport } from '../src/index.js';
import { createScriptedChatModel, libraryScriptedEnvs } from '../src/testing.js';
import { inventory, parking } from './fixtures.js';

const packageDir = new URL('..', import.meta.url).pathname;
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const firstAsk = (c: ChatRequest) =>
  c.messages.length === 2 ? `${c.stage}\u0000${c.messages[1]!.content}` : undefined;

describe('abort and resume', () => {
  it('stops cleanly on abort, keeps finished work, and a re-run never asks the same prompt twice', async () => {
    const out = await mkdtemp(join(packageDir, '.tmp-abort-'));
    dirs.push(out);
    const envs = [libraryScriptedEnvs()[0]!, parking, inventory];
    const tasks = envs.map((e) => e.task);
    const checker = new EnvTypeChecker();
    const controller = new AbortController();
    const first = createScriptedChatModel({ envs });
    await expect(
      buildEnvironments({
        tasks,
        model: first,
        out,
        concurrency: 1,
        testerSteps: 8,
        checker,
        signal: controller.signal,
        onProgress: (e) => {
          if (e.stage === 'logic' && e.done === 1) controller.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    const partial = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as BuildReport;
    expect(partial.aborted).toBe(true);
    expect(partial.funnel.map((f) => f.stage)).toEqual([
      'topic-judge',
      'topic-infer',
      'topic-score',
      'topic-dedup',
    ]);
    expect(first.calls.some((c) => c.stage === 'quality-tester')).toBe(false);

    const second = createScriptedChatModel({ envs });
    const report = await buildEnvironments({
      tasks,
      model: second,
      out,
      concurrency: 2,
      testerSteps: 8,
      checker,
    });
    expect(report.aborted).toBe(false);
    expect(report.envs.map((e) => [e.envId, e.status])).toEqual([
      ['multi-storey-car-park', 'dropped'],
      ['public-library-loans', 'kept'],
      ['warehouse-stock-levels', 'dropped'],
    ]);
    const asked = new Set(first.calls.map(firstAsk).filter(Boolean));
    const repeated = second.calls.map(firstAsk).filter((k) => k !== undefined && asked.has(k));
    expect(repeated).toEqual([]);
    expect(second.calls.filter((c) => c.stage.startsWith('topic-'))).toHaveLength(0);
  }, 120_000);

  it('builds environments concurrently up to the limit', async () => {
    const out = await mkdtemp(join(packageDir, '.tmp-conc-'));
    dirs.push(out);
    const envs = [libraryScriptedEnvs()[0]!, parking, inventory];
    const base = createScriptedChatModel({ envs });
    let inFlight = 0;
    let maxEntitiesInFlight = 0;
    const model = {
      complete: async (request: ChatRequest) => {
        const entities = request.stage === 'logic-entities';
        if (entities) maxEntitiesInFlight = Math.max(maxEntitiesInFlight, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, entities ? 50 : 0));
        if (entities) inFlight--;
        return base.complete(request);
      },
    };
    await buildEnvironments({
      tasks: envs.map((e) => e.task),
      model,
      out,
      concurrency: 2,
      testerSteps: 4,
      runtime: undefined,
    });
    expect(maxEntitiesInFlight).toBe(2);
  }, 120_000);
});
