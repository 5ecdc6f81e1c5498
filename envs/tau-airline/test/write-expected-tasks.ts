/**
 * Writes fixtures/expected-tasks.json: for every task, the digest of the world after replaying its
 * gold actions with this port, which actions fail, and the digest of the untouched world.
 *
 *   npx tsx envs/tau-airline/test/write-expected-tasks.ts
 *
 * τ-bench publishes no expected states; these are this port's (cross-checked against the reference
 * tools by fixtures/reference-sequences.json, whose gold digests they must equal).
 */
import { writeFile } from 'node:fs/promises';
import { readTauAirlineData, tauAirlineExpectedTasksFile } from '../src/data.js';
import { CANONICALIZATION, canonicalDigest } from '../src/digest.js';
import { replayInProcess } from '../src/replay.js';
import type { State } from '../env.js';

const data = await readTauAirlineData();
const tasks: Record<string, { final_digest: string; n_actions: number; failing_actions: number[] }> = {};
for (const task of data.tasks) {
  const calls = task.actions.map((action) => ({ name: action.name, arguments: action.kwargs }));
  const { state, failing } = replayInProcess(JSON.parse(data.dbText) as State, calls);
  tasks[task.id] = {
    final_digest: canonicalDigest(state),
    n_actions: calls.length,
    failing_actions: failing,
  };
}
const expected = {
  canonicalization: CANONICALIZATION,
  computed_by:
    'this port (envs/tau-airline, test/write-expected-tasks.ts): gold actions of each task replayed in order on a fresh world, failures recorded and the replay continued; τ-bench publishes no expected states',
  initial_digest: canonicalDigest(JSON.parse(data.dbText)),
  tasks,
};
await writeFile(tauAirlineExpectedTasksFile, `${JSON.stringify(expected, null, 1)}\n`);
console.log(`${Object.keys(tasks).length} tasks → ${tauAirlineExpectedTasksFile}`);
