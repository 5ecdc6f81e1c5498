// A pipeline composed from the libraries: corpus → environments → scenarios → rollouts → summary.
// Offline it answers from the demo's recorded cassette; with OPENAI_BASE_URL (and ENVSCALER_MODEL) set
// it calls your endpoint and records answers under <out>/.cache/llm so a re-run resumes for free.
//
//   pnpm --filter @envscaler/examples library-pipeline [out-dir]
import { join } from 'node:path';
import type { ChatModel } from '@envscaler/core';
import { createOpenAIChatModel, resolveModelConfig, withCassette } from '@envscaler/llm';
import { loadEnvironment } from '@envscaler/runtime';
import { generateScenarios } from '@envscaler/scengen';
import { buildEnvironments, loadTaskCorpus } from '@envscaler/skelbuilder';
import { formatSummaryTable, runRollouts } from '@envscaler/validate';

const out = process.argv[2] ?? '.envscaler-out/library-pipeline';
const demo = new URL('../apps/cli/demo/', import.meta.url).pathname;

function chooseModel(): ChatModel {
  if (!process.env.OPENAI_BASE_URL && !process.env.OPENAI_API_KEY) {
    console.log('No endpoint configured: answering from the demo cassette (scripted responses).');
    return withCassette({ dir: join(demo, 'cassette'), mode: 'replay', modelName: 'scripted' });
  }
  const config = resolveModelConfig({ env: process.env });
  return withCassette({ model: createOpenAIChatModel(config), dir: join(out, '.cache/llm') });
}

const model = chooseModel();

// 1. Environments from a task corpus (scripted answers need concurrency 1 to be used in order).
const build = await buildEnvironments({
  tasks: await loadTaskCorpus({ path: join(demo, 'tasks.jsonl') }),
  model,
  out,
  concurrency: 1,
  testerSteps: 12,
});
const kept = build.envs.filter((e) => e.status === 'kept');
console.log(`environments: ${kept.length} kept of ${build.envs.length} built`);

// 2. Scenarios per environment, and 3. rollouts over all of them.
const envs = await Promise.all(kept.map((e) => loadEnvironment({ dir: join(out, 'envs', e.envId) })));
try {
  const scenarios = [];
  for (const env of envs) {
    const { scenarios: made, report } = await generateScenarios({ env, count: 2, model, out, concurrency: 1 });
    console.log(`${env.id}: ${report.kept} scenarios kept of ${report.candidates} candidates`);
    scenarios.push(...made);
  }
  const { summary } = await runRollouts({
    envs,
    scenarios,
    agent: model,
    trials: 2,
    concurrency: 4,
    out: join(out, 'rollouts', 'demo'),
    mode: 'non_conversational',
  });
  console.log(formatSummaryTable(summary));
} finally {
  for (const env of envs) env.dispose();
}
