/**
 * Conformance through the runtime, the code path `envscaler replay --init-config` uses (`replayCalls` with
 * a config): every BFCL entry replays without a crash and the train entries reach the expected final
 * state digest; the harness's own turn-by-turn gold replay (`replayBfclGold`, sessions) matches every
 * per-turn digest of expected-train.json. τ²-retail: all 114 tasks replay through sandboxed sessions
 * (the train ones to the expected digests; runtime's conformance test covers the train half too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvironment, replayCalls, type LoadedEnvironment } from '@envscaler/runtime';
import { replayBfclGold } from './bfcl-entry.js';
import { bfclEnvHelpers, readBfclData, type BfclData, type BfclEnvHelpers } from './bfcl-data.js';
import { bfclEnvironmentDir } from '@envscaler/env-bfcl-multi-turn';
import { tau2EnvironmentDir } from '@envscaler/env-tau2-retail';
import { tau2GoldDigest } from './tau2-episode.js';
import { tau2Digest, loadTau2Environment, readTau2Data, type Tau2Data } from './tau2-data.js';

const bfclEnv = bfclEnvironmentDir;
const tau2Env = tau2EnvironmentDir;

describe('BFCL: every entry through runtime replayCalls with a config', () => {
  let data: BfclData;
  let helpers: BfclEnvHelpers;
  let parameterOrder: Map<string, string[]>;
  let env: LoadedEnvironment;
  beforeAll(async () => {
    data = await readBfclData();
    helpers = bfclEnvHelpers;
    parameterOrder = helpers.parameterOrderFromDocs([...data.docsByClass.values()].flat());
    env = await loadEnvironment({ dir: bfclEnv });
  }, 120_000);
  afterAll(() => env?.dispose());

  it('all 200 entries replay (all calls at once); train final public states have the expected digests', async () => {
    expect(data.entries).toHaveLength(200);
    expect(env.initialization).toBe('config');
    const mismatches: string[] = [];
    const failedCalls: string[] = [];
    let calls = 0;
    for (const entry of data.entries) {
      const turns = data.groundTruth.get(entry.id)!;
      const flat = turns.flat().map((source) => {
        const { name, args } = helpers.parsePythonCall(source, { parameterOrder });
        return { name, arguments: args };
      });
      calls += flat.length;
      // The same file contents `envscaler replay --init-config <file> --calls <file>` reads.
      const config = JSON.parse(
        JSON.stringify({ involved_classes: entry.involved_classes, initial_config: entry.initial_config }),
      );
      const result = await replayCalls({ env, config, calls: JSON.parse(JSON.stringify(flat)) });
      result.results.forEach((r, i) => {
        if (!r.ok) failedCalls.push(`${entry.id}: ${flat[i]!.name} ${r.error.code}`);
      });
      const want = data.expectedTrain.get(entry.id);
      if (want) {
        const got = helpers.stateDigest(result.publicState);
        if (got !== want.turns.at(-1)!.state_digest) mismatches.push(entry.id);
      }
    }
    expect(calls).toBe(1161);
    expect(data.expectedTrain.size).toBe(100);
    expect(mismatches).toEqual([]);
    expect(failedCalls).toEqual(['multi_turn_base_121: make_transaction UNKNOWN_TOOL']);
  }, 600_000);

  it('turn by turn through sessions (the harness gold replay): every per-turn digest of the train entries', async () => {
    const mismatches: string[] = [];
    for (const entry of data.entries) {
      const want = data.expectedTrain.get(entry.id);
      if (!want) continue;
      const gold = await replayBfclGold({
        env,
        entry,
        groundTruth: data.groundTruth.get(entry.id)!,
        helpers,
        parameterOrder,
      });
      if (helpers.stateDigest(JSON.parse(gold.initialPublicStateJson)) !== want.initial_state_digest)
        mismatches.push(`${entry.id} initial`);
      expect(gold.turns).toHaveLength(want.turns.length);
      gold.turns.forEach((turn, t) => {
        const errors = turn.calls.flatMap((c, i) => (c.result.ok ? [] : [i]));
        if (helpers.stateDigest(JSON.parse(turn.publicStateJson)) !== want.turns[t]!.state_digest)
          mismatches.push(`${entry.id} turn ${t}`);
        if (JSON.stringify(errors) !== JSON.stringify(want.turns[t]!.errors))
          mismatches.push(`${entry.id} turn ${t} errors ${JSON.stringify(errors)}`);
      });
    }
    expect(mismatches).toEqual([]);
  }, 600_000);
});

describe('τ²-retail: gold replay of all 114 tasks through sandboxed sessions', () => {
  let data: Tau2Data;
  let env: LoadedEnvironment;
  let digest: (db: unknown) => string;
  beforeAll(async () => {
    data = await readTau2Data();
    digest = tau2Digest;
    env = await loadTau2Environment({ envDir: tau2Env });
  }, 120_000);
  afterAll(() => env?.dispose());

  it('replays every task without a crash; train tasks reach the expected final digests and failing actions', async () => {
    expect(data.tasks).toHaveLength(114);
    const expected = data.expectedTrain!;
    const mismatches: string[] = [];
    for (const task of data.tasks) {
      const gold = await tau2GoldDigest({ env, db: data.db, task, digest });
      expect(gold.digest).toMatch(/^[0-9a-f]{64}$/);
      const want = expected.tasks[task.id];
      if (!want) continue;
      if (gold.digest !== want.final_digest) mismatches.push(`task ${task.id} digest`);
      if (JSON.stringify(gold.failing) !== JSON.stringify(want.failing_actions))
        mismatches.push(`task ${task.id} failing ${JSON.stringify(gold.failing)}`);
    }
    expect(Object.keys(expected.tasks)).toHaveLength(74);
    expect(mismatches).toEqual([]);
    expect(digest(data.db)).toBe(expected.initial_digest);
  }, 600_000);
});
