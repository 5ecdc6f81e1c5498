import { describe, expect, it } from 'vitest';
import { MockChatModel } from '@envscaler/testing';
import { StageCache } from './cache.js';
import { inferTopics, judgeTasks, scoreTopics } from './topics.js';

const tasks = [
  { id: 't1', task: 'Book a table for two at 8pm.' },
  { id: 't2', task: 'What is 2 + 2?' },
];

describe('topic mining stages on their own', () => {
  it('judges tasks, re-asking after malformed JSON and dropping a task whose answers never parse', async () => {
    const model = new MockChatModel({
      script: {
        'topic-judge': (request) => {
          const text = request.messages[1]!.content ?? '';
          if (text.includes('2 + 2')) return 'I think this is simply arithmetic, so stateful: false.';
          if (request.messages.length === 2)
            return '```json\n{"stateful": true, "reason": "reservations persist",}\n```';
          return 'Sorry about that:\n{"stateful": true, "reason": "Reservations are stored and can clash."}';
        },
      },
    });
    const events: unknown[] = [];
    const result = await judgeTasks({ tasks, model, concurrency: 1, onProgress: (e) => events.push(e) });
    expect(result.kept.map((t) => t.id)).toEqual(['t1']);
    expect(result.dropped).toEqual([
      {
        stage: 'topic-judge',
        id: 't2',
        reason: expect.stringMatching(
          /^no usable answer: stage 'topic-judge' gave no valid JSON after 3 attempts/,
        ),
      },
    ]);
    expect(model.callsFor('topic-judge')).toHaveLength(5);
    expect(events.at(-1)).toEqual({ stage: 'topic-judge', done: 2, total: 2, dropped: 1 });
  });

  it('infers and scores topics, caching answers by prompt', async () => {
    const model = new MockChatModel({
      script: {
        'topic-infer': () => ({
          json: { topic: 'Restaurant reservations', description: 'Tables, time slots and bookings.' },
        }),
        'topic-score': [{ json: { usefulness: 8, modelability: 6, reason: 'Fine.' } }],
      },
    });
    const cache = new StageCache();
    const inferred = await inferTopics({ tasks: [tasks[0]!], model, cache });
    expect(inferred.kept).toEqual([
      {
        id: 't1',
        topic: 'Restaurant reservations',
        description: 'Tables, time slots and bookings.',
        taskIds: ['t1'],
        tasks: [tasks[0]!.task],
      },
    ]);
    const again = await inferTopics({ tasks: [tasks[0]!], model, cache });
    expect(again.kept).toEqual(inferred.kept);
    expect(model.callsFor('topic-infer')).toHaveLength(1);
    const scored = await scoreTopics({ topics: inferred.kept, model, minScore: 6 });
    expect(scored.kept[0]).toMatchObject({ usefulness: 8, modelability: 6 });
  });
});
