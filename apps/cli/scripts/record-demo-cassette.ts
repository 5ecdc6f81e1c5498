// Re-records the offline demo's cassette (demo/cassette/*.json) from the scripted demo model.
// Run after changing a prompt: pnpm --filter @envscaler/cli demo:record
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withCassette } from '@envscaler/llm';
import { demoDir } from '../src/commands/demo.js';
import { createDemoScriptedModel } from '../src/demo/demo-script.js';
import { formatDemoTable, runDemo } from '../src/demo/run-demo.js';
import { createProgressReporter } from '../src/progress.js';

const cassette = join(demoDir, 'cassette');
await rm(cassette, { recursive: true, force: true });
const out = await mkdtemp(join(tmpdir(), 'envscaler-demo-record-'));
const model = withCassette({
  model: createDemoScriptedModel(),
  dir: cassette,
  mode: 'record',
  modelName: 'scripted',
});
try {
  const result = await runDemo({
    tasksPath: join(demoDir, 'tasks.jsonl'),
    out,
    model,
    concurrency: 1,
    progress: createProgressReporter({ mode: 'plain' }),
  });
  console.log(formatDemoTable({ result, out, scripted: true }));
  console.log(`recorded ${model.stats.recorded} answers into ${cassette}`);
} finally {
  await rm(out, { recursive: true, force: true });
}
