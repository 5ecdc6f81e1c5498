import { describe, expect, it } from 'vitest';
import { TaskDeduper, tokenize } from './dedup.js';

const base =
  "Hi, I'm Ada Osei (ada@example.org). I'm bringing back Dune today, and I'd like to borrow Neuromancer until 2026-12-15.";

describe('TaskDeduper', () => {
  it('flags a rephrasing of the same request about the same entities', () => {
    const d = new TaskDeduper();
    d.add('s1', base);
    const dup = d.findDuplicate(
      "Hello, I am Ada Osei (ada@example.org). I'm bringing back Dune today and would like to borrow Neuromancer until 2026-12-15.",
    );
    expect(dup?.id).toBe('s1');
    expect(dup!.similarity).toBeGreaterThan(0.95);
  });

  it('keeps the same request about another book or another user', () => {
    const d = new TaskDeduper();
    d.add('s1', base);
    expect(d.findDuplicate(base.replace('Neuromancer', 'The Left Hand of Darkness'))).toBeUndefined();
    expect(
      d.findDuplicate("I'm Bruno Lind (bruno@example.org). Please lend me Dune until 2026-12-20."),
    ).toBeUndefined();
  });

  it('weights ids, names and dates above ordinary words', () => {
    const weights = Object.fromEntries(
      tokenize('Please cancel order #W2443586 for Aarav today.').map((t) => [t.token, t.weight]),
    );
    expect(weights['#w2443586']).toBe(3);
    expect(weights.aarav).toBe(3);
    expect(weights.cancel).toBe(1);
    expect(weights.please).toBeUndefined();
  });
});
