/**
 * Random call sequences run through the reference Python classes (fixtures/reference-sequences.json, made by
 * fixtures/generate_reference_sequences.py): every call's result, every logged call string and the final
 * compared state must agree; and ACEBench's scores of random call logs against every task's answer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ToolResult } from '@envscaler/core';
import { AceBench } from '../env.js';
import { readAcebenchData } from '../src/data.js';
import { formatAcebenchCall } from '../src/python.js';
import { callAcebenchTool } from '../src/replay.js';
import { acebenchScore, type AcebenchClassState } from '../src/score.js';

interface Fixture {
  sequences: {
    involved_classes: string[];
    initial_config: Record<string, unknown>;
    calls: {
      name: string;
      arguments: string;
      log: string;
      result: { ok: unknown } | { error: string } | { missing: true };
    }[];
    final_state: Record<string, Record<string, unknown>>;
  }[];
  scores: {
    id: string;
    predicted: AcebenchClassState[];
    log: string[];
    end_to_end: number;
    process: number;
  }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/reference-sequences.json', import.meta.url), 'utf8'),
) as Fixture;

function outcome(result: ToolResult): unknown {
  if (result.ok) return { ok: result.data };
  if (result.error.code === 'UNKNOWN_TOOL') return { missing: true };
  return { error: result.error.message };
}

describe('reference call sequences', () => {
  it('has the fixture', () => {
    expect(fixture.sequences.length).toBeGreaterThanOrEqual(200);
  });

  it.each(fixture.sequences.map((s, i) => [i, s] as const))(
    'sequence %i agrees call by call',
    (_, sequence) => {
      const env = new AceBench(
        AceBench.fromConfig({
          involved_classes: sequence.involved_classes,
          initial_config: sequence.initial_config,
        }),
      );
      sequence.calls.forEach((call, i) => {
        const args = JSON.parse(call.arguments) as Record<string, unknown>;
        expect(formatAcebenchCall(call.name, call.arguments), `log of call ${i}`).toBe(call.log);
        expect(
          outcome(callAcebenchTool(env, call.name, args)),
          `call ${i} ${call.name} ${call.arguments}`,
        ).toEqual(call.result);
      });
      expect(AceBench.publicState(env.state)).toEqual(sequence.final_state);
    },
  );
});

describe("ACEBench's scores of random call logs", async () => {
  const data = await readAcebenchData();
  const byId = new Map(data.tasks.map((t) => [t.id, t]));
  it('covers every task', () => {
    expect(new Set(fixture.scores.map((s) => s.id)).size).toBe(50);
  });
  it.each(fixture.scores.map((s, i) => [i, s.id, s] as const))('case %i (%s)', (_, id, score) => {
    const task = byId.get(id)!;
    const got = acebenchScore({
      predicted: score.predicted,
      groundTruth: task.ground_truth,
      milestones: task.mile_stone,
      calls: score.log,
    });
    expect(got.endToEnd).toBe(score.end_to_end);
    expect(got.process).toBe(score.process);
  });
});
