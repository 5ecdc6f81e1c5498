// Runs inside the scratch project: everything comes from the installed environment packages.
//   node replay-inputs.mjs tau2 <taskId> <dir>    writes <dir>/calls.json, prints the expected final digest
//   node replay-inputs.mjs bfcl <entryId> <dir>   writes <dir>/config.json and <dir>/calls.json, same
//   node replay-inputs.mjs digest tau2|bfcl <file> prints the digest of a state file
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as bfcl from '@envscaler/env-bfcl-multi-turn';
import * as tau2 from '@envscaler/env-tau2-retail';

const [what, id, target] = process.argv.slice(2);
if (what === 'digest') {
  const state = JSON.parse(readFileSync(target, 'utf8'));
  console.log(id === 'tau2' ? tau2.canonicalDigest(state) : bfcl.stateDigest(state));
} else if (what === 'tau2') {
  const data = await tau2.readTau2Data();
  const task = data.tasks.find((t) => t.id === id);
  writeFileSync(join(target, 'calls.json'), JSON.stringify(task.evaluation_criteria.actions));
  console.log(data.expectedTrain.tasks[id].final_digest);
} else if (what === 'bfcl') {
  const data = await bfcl.readBfclData();
  const entry = data.entries.find((e) => e.id === id);
  const parameterOrder = bfcl.parameterOrderFromDocs([...data.docsByClass.values()].flat());
  const calls = data.groundTruth
    .get(id)
    .flat()
    .map((source) => {
      const { name, args } = bfcl.parsePythonCall(source, { parameterOrder });
      return { name, arguments: args };
    });
  writeFileSync(
    join(target, 'config.json'),
    JSON.stringify({ involved_classes: entry.involved_classes, initial_config: entry.initial_config }),
  );
  writeFileSync(join(target, 'calls.json'), JSON.stringify(calls));
  console.log(data.expectedTrain.get(id).turns.at(-1).state_digest);
} else {
  throw new Error(`unknown command ${what}`);
}
