import { describe, expect, it } from 'vitest';
import {
  canonicalDigest,
  canonicalJson,
  compareCodePoints,
  pythonFloatRepr,
  pythonRound2,
} from '../src/digest.js';

// [x, repr(round(x, 2)), repr(x)] as printed by CPython 3.12.
const PYTHON: [number, string, string][] = [
  [0, '0.0', '0.0'],
  [-0, '-0.0', '-0.0'],
  [17, '17.0', '17.0'],
  [5.25, '5.25', '5.25'],
  [0.125, '0.12', '0.125'],
  [0.375, '0.38', '0.375'],
  [2.675, '2.67', '2.675'],
  [1.005, '1.0', '1.005'],
  [-0.125, '-0.12', '-0.125'],
  [-2.675, '-2.67', '-2.675'],
  [0.005, '0.01', '0.005'],
  [0.015, '0.01', '0.015'],
  [0.025, '0.03', '0.025'],
  [1e16, '1e+16', '1e+16'],
  [1.5e16, '1.5e+16', '1.5e+16'],
  [123456789012345.67, '123456789012345.67', '123456789012345.67'],
  [1e15, '1000000000000000.0', '1000000000000000.0'],
  [0.0001, '0.0', '0.0001'],
  [0.00001, '0.0', '1e-05'],
  [1.5e-5, '0.0', '1.5e-05'],
  [-0.001, '-0.0', '-0.001'],
  [1e22, '1e+22', '1e+22'],
  [1e300, '1e+300', '1e+300'],
  [2.5, '2.5', '2.5'],
  [1234.5678, '1234.57', '1234.5678'],
  [4503599627370495.5, '4503599627370495.5', '4503599627370495.5'],
  [9007199254740992, '9007199254740992.0', '9007199254740992.0'],
  [0.1 + 0.2, '0.3', '0.30000000000000004'],
  [100 / 3, '33.33', '33.333333333333336'],
  [8276.23, '8276.23', '8276.23'],
  [1e-7, '0.0', '1e-07'],
  [5e-324, '0.0', '5e-324'],
];

describe('Python number formatting', () => {
  it.each(PYTHON)('%d: round(x, 2) and repr agree with CPython', (x, rounded, repr) => {
    expect(pythonFloatRepr(pythonRound2(x))).toBe(rounded);
    expect(pythonFloatRepr(x)).toBe(repr);
  });
});

describe('canonical JSON', () => {
  it('drops null-valued keys, writes numbers as rounded floats, sorts keys, keeps non-ASCII', () => {
    const value = { b: 17, a: null, c: [1.005, null, true, 'x'], é: 'ü "q"', d: { z: 2.675, y: false } };
    expect(canonicalJson(value)).toBe(
      '{"b":17.0,"c":[1.0,null,true,"x"],"d":{"y":false,"z":2.67},"é":"ü \\"q\\""}',
    );
  });

  it('sorts keys by code point, as Python does', () => {
    const keys = ['\u{1F600}', '\uFFFF', 'a', 'B'];
    expect([...keys].sort(compareCodePoints)).toEqual(['B', 'a', '\uFFFF', '\u{1F600}']);
    expect(canonicalJson({ '\u{1F600}': 1, '\uFFFF': 2 })).toBe('{"\uFFFF":2.0,"\u{1F600}":1.0}');
  });

  it('hashes the canonical text with sha256', () => {
    // sha256 of the UTF-8 text '{"a":1.0}'
    expect(canonicalDigest({ a: 1 })).toBe(
      'c29a44abc114a1d75486434c013102c9e736f526b4fd19658d9492b7b224de6d',
    );
  });
});
