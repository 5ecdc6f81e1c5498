// A benchmark worker process: serves `episode` jobs whose handler plays a two-turn episode against an
// OpenAI-compatible endpoint (agent tool call, then final answer) and writes the trajectory artifact.
import { createFsArtifactStore, startWorker, type JobHandler } from '../src/index.js';

const [url, queueName, concurrency, baseURL, root] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const store = createFsArtifactStore({ root });

async function chat(
  messages: unknown[],
): Promise<{ role: string; content: string | null; tool_calls?: unknown[] }> {
  const response = await fetch(`${baseURL}/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: 'Bearer bench',
      'x-envscaler-stage': 'agent',
    },
    body: JSON.stringify({ model: 'mock-model', messages }),
  });
  if (!response.ok) throw new Error(`endpoint answered ${response.status}`);
  const body = (await response.json()) as {
    choices: { message: { role: string; content: string | null; tool_calls?: unknown[] } }[];
  };
  return body.choices[0]!.message;
}

const handler: JobHandler<{ scenario: string; trial: number }> = async (job) => {
  const messages: unknown[] = [{ role: 'user', content: `task ${job.payload.scenario}` }];
  const first = await chat(messages);
  messages.push(first, { role: 'tool', tool_call_id: 'call_0', content: '{"ok":true}' });
  messages.push(await chat(messages));
  await store.put(job.artifact!, JSON.stringify({ ...job.payload, messages }));
};

const worker = startWorker({
  url,
  queueName,
  concurrency: Number(concurrency),
  handlers: { episode: handler as JobHandler<never> },
});
await worker.ready;
process.stdout.write('ready\n');
process.on('SIGTERM', () => void worker.close().then(() => process.exit(0)));
