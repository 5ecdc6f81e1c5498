import { describe, expect, it } from 'vitest';
import { EnvscalerError, extractJson, type ChatRequest } from '@envscaler/core';
import { methodBody } from './code.js';
import { createSyntheticChatModel } from './index.js';
import { decide } from './random.js';
import { recognise } from './recognise.js';
import { referenceCall } from './reference.js';
import { checkSource, conditionsFor, parseSteps, planTask, renderStep, writeTask } from './scenario.js';
import { generateState } from './state.js';
import { classNameForTopic, worldFor } from './world.js';

// Unit tests of the generators; the end-to-end tests through the real pipeline are in
// apps/cli/src/synthetic-pipeline.test.ts (the pipeline packages depend on this one).

const judgePrompt = (task: string): ChatRequest => ({
  stage: 'topic-judge',
  messages: [
    { role: 'system', content: 'You help build simulated, stateful tool environments.' },
    {
      role: 'user',
      content: `Decide whether this user task needs a STATEFUL tool environment: a world.\n\nTask: ${JSON.stringify(task)}`,
    },
  ],
});

describe('synthetic worlds', () => {
  it('are a pure function of seed and class name, and differ between topics and seeds', () => {
    const a = worldFor({ seed: 1, className: 'GroomingAppointmentDesk' });
    expect(worldFor({ seed: 1, className: 'GroomingAppointmentDesk' })).toBe(a);
    const b = worldFor({ seed: 1, className: 'FreightConsignmentRecords' });
    const c = worldFor({ seed: 2, className: 'GroomingAppointmentDesk' });
    const code = (w: typeof a) => w.operations.map((op) => methodBody({ world: w, op })).join('\n');
    expect(new Set([code(a), code(b), code(c)]).size).toBe(3);
    expect(a.entities.map((e) => e.name)).toContain('Appointment'); // the topic's own noun
  });

  it('stay within what skelbuilder accepts: 2-4 entities, 4-8 operations with a mutation, ids first', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const world = worldFor({ seed, className: classNameForTopic(`Topic number ${seed} rental desk`) });
      expect(world.entities.length).toBeGreaterThanOrEqual(2);
      expect(world.entities.length).toBeLessThanOrEqual(4);
      expect(world.operations.length).toBeGreaterThanOrEqual(4);
      expect(world.operations.length).toBeLessThanOrEqual(8);
      expect(world.operations.some((op) => op.kind !== 'get' && op.kind !== 'list')).toBe(true);
      expect(new Set(world.operations.map((op) => op.name)).size).toBe(world.operations.length);
      for (const e of world.entities) expect(e.fields[0]).toMatchObject({ name: 'id', kind: 'string' });
      expect(world.summary).toContain(`The ${world.className} system simulates`);
    }
  });

  it('generate states keyed by id whose references exist', () => {
    const world = worldFor({ seed: 5, className: 'HarbourDepotRecords' });
    const state = generateState({ world, seed: 5, variation: 'v', perCollection: [3, 5] });
    for (const e of world.entities) {
      const records = state[e.collection]!;
      expect(Object.keys(records).length).toBeGreaterThanOrEqual(3);
      for (const [key, record] of Object.entries(records)) {
        expect(record.id).toBe(key);
        if (e.parent) {
          const parent = world.entities.find((p) => p.name === e.parent)!;
          expect(
            state[parent.collection]![
              record[`${parent.name[0]!.toLowerCase()}${parent.name.slice(1)}Id`] as string
            ],
          ).toBeDefined();
        }
      }
    }
  });
});

describe('synthetic tasks and checks', () => {
  const world = worldFor({ seed: 3, className: 'BakeryWholesaleTracking' });
  const state = generateState({ world, seed: 3, variation: 'v', perCollection: [4, 6] });

  it('parse back the steps they were written from, and their checks hold after the steps, not before', () => {
    const { steps, broken } = planTask({ world, seed: 3, state, focus: '', unsolvable: false });
    expect(broken).toBe(false);
    expect(steps.length).toBeGreaterThanOrEqual(2);
    const { task } = writeTask({ world, seed: 3, steps });
    expect(parseSteps(world, task).map((s) => [s.op.name, s.args])).toEqual(
      steps.map((s) => [s.op.name, s.args]),
    );
    expect(renderStep(world, steps[0]!)).toBe(task.split('. ')[1]! + '.');
    const after = structuredClone(state);
    for (const s of steps)
      expect(referenceCall({ world, operation: s.op.name, state: after, args: s.args }).ok).toBe(true);
    for (const description of conditionsFor(world, steps)) {
      // the generated check, evaluated as the runtime would
      const check = new Function(`return ${checkSource(description)!}`)() as (
        f: unknown,
        i: unknown,
      ) => boolean;
      expect(check(state, state)).toBe(false);
      expect(check(after, state)).toBe(true);
      const trivial = new Function(`return ${checkSource(description, 'trivial')!}`)() as (
        f: unknown,
        i: unknown,
      ) => boolean;
      expect(trivial(state, state)).toBe(true);
      expect(checkSource(description, 'typeError')).toMatch(/final\.[a-zA-Z]+List\b/);
    }
  });

  it('make the last step of an unsolvable task break a rule', () => {
    const { steps, broken } = planTask({ world, seed: 3, state, focus: '', unsolvable: true });
    expect(broken).toBe(true);
    const sim = structuredClone(state);
    const outcomes = steps.map(
      (s) => referenceCall({ world, operation: s.op.name, state: sim, args: s.args }).ok,
    );
    expect(outcomes).toEqual([...outcomes.slice(0, -1).map(() => true), false]);
  });
});

describe('createSyntheticChatModel', () => {
  it('answers the stateful judge from the task and counts calls per stage', async () => {
    const model = createSyntheticChatModel({ seed: 9 });
    const yes = await model.complete(judgePrompt('Cancel order 1182 and restock the items.'));
    const no = await model.complete(judgePrompt('What is 17.5 percent of 2,340?'));
    expect(extractJson(yes.message.content!)).toMatchObject({ stateful: true });
    expect(extractJson(no.message.content!)).toMatchObject({ stateful: false });
    expect(model.stats()).toMatchObject({ calls: 2, byStage: { 'topic-judge': 2 } });
  });

  it('sends malformed JSON first when told to, and a valid answer on the re-ask', async () => {
    const model = createSyntheticChatModel({ faults: { malformedJsonRate: 1 } });
    const first = await model.complete(judgePrompt('Cancel order 1182.'));
    expect(() => extractJson(first.message.content!)).toThrow();
    const request = judgePrompt('Cancel order 1182.');
    request.messages.push(
      { role: 'assistant', content: first.message.content },
      {
        role: 'user',
        content: 'Your reply could not be used:\n- bad\nReply again with only the corrected JSON, no prose.',
      },
    );
    expect(extractJson((await model.complete(request)).message.content!)).toMatchObject({ stateful: true });
    expect(model.stats().faults.malformedJson).toHaveLength(1);
  });

  it('refuses prompts of no known stage, naming the start of the prompt', () => {
    const request = { messages: [{ role: 'user' as const, content: 'Write me a poem about autumn.' }] };
    expect(() => recognise(request)).toThrow(EnvscalerError);
    expect(() => recognise(request)).toThrow(
      /synthetic model: unrecognised prompt \(first 200 chars: "Write me a poem about autumn\."/,
    );
  });

  it('rejects bad options with INVALID_INPUT naming the option', () => {
    const bad = (options: Parameters<typeof createSyntheticChatModel>[0], pattern: RegExp) => {
      try {
        createSyntheticChatModel(options);
        throw new Error('expected a throw');
      } catch (error) {
        expect((error as EnvscalerError).code).toBe('INVALID_INPUT');
        expect((error as Error).message).toMatch(pattern);
      }
    };
    bad({ seed: 1.5 }, /seed must be an integer/);
    bad({ faults: { typeErrorRate: 2 } }, /faults\.typeErrorRate must be a number from 0 to 1, got 2/);
    bad({ faults: { typoRate: 0.1 } as never }, /unknown fault 'typoRate'/);
    bad({ latencyMs: -1 }, /latencyMs must be 0 or more/);
  });

  it('decides each fault once per item, at about the given rate', () => {
    const hits = Array.from({ length: 2000 }, (_, i) => decide(0.25, 1, 'kind', `item-${i}`)).filter(
      Boolean,
    ).length;
    expect(hits).toBeGreaterThan(420);
    expect(hits).toBeLessThan(580);
    expect(decide(0.25, 1, 'kind', 'item-7')).toBe(decide(0.25, 1, 'kind', 'item-7'));
    expect(decide(0, 1, 'x')).toBe(false);
    expect(decide(1, 1, 'x')).toBe(true);
  });
});
