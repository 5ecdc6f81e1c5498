import { describe, expect, it } from 'vitest';
import { referentialProblems } from './integrity.js';
import { LIBRARY_STATE } from './test/library-env.js';
import { tau2RetailSubset } from './test/tau2-subset.js';

const tau2 = tau2RetailSubset();

describe('referentialProblems', () => {
  it('accepts consistent states', () => {
    expect(referentialProblems(LIBRARY_STATE)).toEqual([]);
    expect(referentialProblems(tau2)).toEqual([]);
  });

  it('finds dangling references, id/key mismatches and missing listed ids', () => {
    const state = structuredClone(tau2);
    state.orders['#W2443586'].user_id = 'ghost_1';
    state.orders['#W2443586'].items[0].product_id = '0000000000';
    state.users.aarav_nguyen_7344.orders.push('#W0000000');
    state.products['1656367028'].product_id = '42';
    expect(referentialProblems(state)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/user_id refers to users 'ghost_1'/),
        expect.stringMatching(/product_id refers to products '0000000000'/),
        expect.stringMatching(/orders lists orders '#W0000000'/),
        expect.stringMatching(/product_id is '42' but the entry is stored under key '1656367028'/),
      ]),
    );
  });

  it('ignores states it does not understand', () => {
    expect(referentialProblems({ counter: 3, log: ['a'] })).toEqual([]);
    expect(referentialProblems([1, 2])).toEqual([]);
  });
});
