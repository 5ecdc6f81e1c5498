// The README's "Use it as a library" snippet, with the model swapped for the demo cassette (scripted,
// offline). Run from a project that has the @envscaler packages installed; prints the summary as JSON.
//   node --no-node-snapshot library-snippet.mjs <demo-dir> <out-dir>
import { join } from 'node:path';
import { withCassette } from '@envscaler/llm';
import { loadEnvironment } from '@envscaler/runtime';
import { generateScenarios } from '@envscaler/scengen';
import { buildEnvironments, loadTaskCorpus } from '@envscaler/skelbuilder';
import { runRollouts } from '@envscaler/validate';

const [demo, out] = process.argv.slice(2);
const model = withCassette({ dir: join(demo, 'cassette'), mode: 'replay', modelName: 'scripted' });
// Scripted answers are consumed in order, so the build runs one topic at a time.
const build = await buildEnvironments({
  tasks: await loadTaskCorpus({ path: join(demo, 'tasks.jsonl') }),
  model,
  out,
  concurrency: 1,
  testerSteps: 12,
});
const envs = await Promise.all(
  build.envs.filter((e) => e.status === 'kept').map((e) => loadEnvironment({ dir: join(out, 'envs', e.envId) })),
);
const scenarios = [];
for (const env of envs)
  scenarios.push(...(await generateScenarios({ env, count: 2, model, out, concurrency: 1 })).scenarios);
const { summary } = await runRollouts({
  envs,
  scenarios,
  agent: model,
  trials: 2,
  concurrency: 4,
  out: join(out, 'rollouts', 'r1'),
  mode: 'non_conversational',
});
for (const env of envs) env.dispose();
console.log(
  JSON.stringify({
    envs: build.envs.map((e) => [e.envId, e.status]),
    scenarios: scenarios.map((s) => s.id),
    episodes: summary.episodes,
    meanReward: summary.meanReward,
    successRate: summary.successRate,
  }),
);
