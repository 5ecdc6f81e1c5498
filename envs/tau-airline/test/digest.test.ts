import { describe, expect, it } from 'vitest';
import { canonicalDigest, canonicalJson, compareCodePoints } from '../src/digest.js';

describe('canonical JSON and digest', () => {
  it('sorts keys, keeps nulls and non-ASCII text, writes numbers in shortest form', () => {
    const value = { b: 17, a: null, c: [1.5, null, true, 'x'], é: 'ü "q"', d: { z: -0, y: 0.1 + 0.2 } };
    expect(canonicalJson(value)).toBe(
      '{"a":null,"b":17,"c":[1.5,null,true,"x"],"d":{"y":0.30000000000000004,"z":0},"é":"ü \\"q\\""}',
    );
  });

  it('orders keys by code point, as Python does', () => {
    expect(['\u{1F600}', '\uFFFF', 'a', 'B'].sort(compareCodePoints)).toEqual([
      'B',
      'a',
      '\uFFFF',
      '\u{1F600}',
    ]);
  });

  it('is sha256 of the canonical text', () => {
    // sha256 of the UTF-8 text '{"a":1}'
    expect(canonicalDigest({ a: 1 })).toBe(
      '015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862',
    );
    expect(canonicalDigest({ b: [1, 2], a: 'x' })).toBe(canonicalDigest({ a: 'x', b: [1, 2] }));
  });
});
