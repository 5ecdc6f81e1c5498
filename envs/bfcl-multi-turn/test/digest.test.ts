import { describe, expect, it } from 'vitest';
import { canonicalJson, pythonFloatRepr, roundHalfEven, stateDigest } from '../src/digest.js';

// Expected texts and hashes computed with Python: json.dumps(canon(S), sort_keys=True, separators=(',', ':'),
// ensure_ascii=False) and hashlib.sha256.
describe('state digest', () => {
  it('canonicalises like the reference: floats, sorted keys, dropped nulls, raw non-ASCII', () => {
    const first = { b: 3, a: [1, 2.5, true, null], c: null, é: 'ünï\n"q"' };
    expect(canonicalJson(first)).toBe('{"a":[1.0,2.5,true,null],"b":3.0,"é":"ünï\\n\\"q\\""}');
    expect(stateDigest(first)).toBe('49be254645c829864895281e499f8b8f9e9aa03a8ec6da78c2bebafb5c31d8cb');

    const second = {
      x: 9876543210123456,
      y: 0.1 + 0.2,
      z: 1.23456,
      w: 2.00005,
      v: -0.00004,
      u: 1e16,
      t: 0.00012345,
      s: 12345.678951,
    };
    expect(canonicalJson(second)).toBe(
      '{"s":12345.679,"t":0.0001,"u":1e+16,"v":-0.0,"w":2.0,"x":9876543210123456.0,"y":0.3,"z":1.2346}',
    );
    expect(stateDigest(second)).toBe('200cb23a0ede7951cf6a41e6c8eda7e227b91473efae1d29afb17c69a9b1ea39');
  });

  it('rounds on the exact binary value, ties to even', () => {
    expect(roundHalfEven(2.675, 2)).toBe(2.67); // 2.67499999...
    expect(roundHalfEven(0.125, 2)).toBe(0.12); // exact tie
    expect(roundHalfEven(0.375, 2)).toBe(0.38);
    expect(roundHalfEven(-1.00005, 4)).toBe(-1.0001);
    expect(roundHalfEven(123, 4)).toBe(123);
  });

  it('writes numbers the way Python writes floats', () => {
    expect(pythonFloatRepr(3)).toBe('3.0');
    expect(pythonFloatRepr(0.1)).toBe('0.1');
    expect(pythonFloatRepr(1e-5)).toBe('1e-05');
    expect(pythonFloatRepr(0.0001)).toBe('0.0001');
    expect(pythonFloatRepr(1.2345678901234568e18)).toBe('1.2345678901234568e+18');
    expect(pythonFloatRepr(-2.5e-7)).toBe('-2.5e-07');
  });
});
