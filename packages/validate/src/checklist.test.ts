import { afterAll, describe, expect, it } from 'vitest';
import { InvalidArtifactError } from '@envscaler/core';
import { createCheckRunner } from '@envscaler/runtime';
import { evaluateChecklist } from './checklist.js';
import { libraryScenario, libraryState } from '../test-fixtures/library/index.js';

const runner = createCheckRunner();
afterAll(() => runner.dispose());

describe('evaluateChecklist', () => {
  it('scores the fraction of checks passed, with per-check results', async () => {
    const scenario = libraryScenario();
    const untouched = await evaluateChecklist({ scenario, finalState: libraryState(), runner });
    expect(untouched).toEqual({
      score: 0,
      success: false,
      checks: [
        { id: 'dune-lent-to-bob', passed: false },
        { id: 'emma-returned', passed: false },
      ],
    });
    const half = libraryState();
    half.loans.L1!.returned = true;
    half.books.b2!.available = true;
    const partial = await evaluateChecklist({ scenario, finalState: half, runner });
    expect(partial.score).toBe(0.5);
    expect(partial.success).toBe(false);
    const done = structuredClone(half);
    done.loans.L2 = { id: 'L2', bookId: 'b1', memberId: 'm2', returned: false };
    done.books.b1!.available = false;
    const full = await evaluateChecklist({ scenario, finalState: done, runner });
    expect(full).toMatchObject({ score: 1, success: true });
  });

  it('reports a throwing check as failed with its error', async () => {
    const scenario = libraryScenario({
      checklist: [{ id: 'boom', description: '', source: '(final: any) => final.nope.deeper === 1' }],
    });
    const reward = await evaluateChecklist({ scenario, finalState: libraryState(), runner });
    expect(reward.score).toBe(0);
    expect(reward.checks[0]!.error).toMatch(/undefined/);
  });

  it('rejects an empty checklist as an invalid scenario', async () => {
    const scenario = libraryScenario({ checklist: [] });
    await expect(evaluateChecklist({ scenario, finalState: {}, runner })).rejects.toBeInstanceOf(InvalidArtifactError);
  });
});
