import { describe, expect, it } from 'vitest';
import {
  formatAcebenchCall,
  parsePythonJson,
  pythonFloatRepr,
  pythonRepr,
  pythonStrRepr,
} from '../src/python.js';
import { acebenchMilestoneShare, acebenchProcess, pythonEqual, pythonRound3 } from '../src/score.js';

describe('call log (EnvScaler format_like_call_process)', () => {
  it('writes top-level strings in bare single quotes and the rest as Python str()', () => {
    expect(
      formatAcebenchCall(
        'add_food_delivery_order',
        '{"username": "Eve", "merchant_name": "Domino\'s", "items": [{"product": "Super Supreme", "quantity": 1}]}',
      ),
    ).toBe(
      "[add_food_delivery_order(username='Eve', merchant_name='Domino's', items=[{'product': 'Super Supreme', 'quantity': 1}])]",
    );
    expect(formatAcebenchCall('turn_on_wifi', '')).toBe('[turn_on_wifi()]');
    expect(formatAcebenchCall('turn_on_wifi', '{}')).toBe('[turn_on_wifi()]');
    expect(
      formatAcebenchCall('f', '{"a": 1.0, "b": 2, "c": true, "d": null, "e": 1e-5, "f": ["it\'s", "x\\ny"]}'),
    ).toBe(`[f(a=1.0, b=2, c=True, d=None, e=1e-05, f=["it's", 'x\\ny'])]`);
    expect(formatAcebenchCall('f', { message_id: 4 })).toBe('[f(message_id=4)]');
  });

  it('parses JSON as json.loads: ints keep their digits, floats are floats, a repeated key keeps its first place', () => {
    expect(pythonRepr(parsePythonJson('{"a": 1, "b": 2, "a": 3.50}'))).toBe("{'a': 3.5, 'b': 2}");
    expect(pythonRepr(parsePythonJson('12345678901234567890123'))).toBe('12345678901234567890123');
    expect(pythonRepr(parsePythonJson('-0'))).toBe('0');
    expect(() => parsePythonJson('{"a": }')).toThrow();
  });

  it('repr of str and float as CPython', () => {
    expect(pythonStrRepr('a"b')).toBe(`'a"b'`);
    expect(pythonStrRepr(`a'b"c`)).toBe(`'a\\'b"c'`);
    expect(pythonStrRepr('tab\tbell\u0007 nbsp\u00a0 é 中')).toBe("'tab\\tbell\\x07 nbsp\\xa0 é 中'");
    expect(pythonFloatRepr(198)).toBe('198.0');
    expect(pythonFloatRepr(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(pythonFloatRepr(1e16)).toBe('1e+16');
  });
});

describe('process accuracy', () => {
  it('is the in-order subsequence share, exact after trimming', () => {
    const stones = ['[a()]', '[b(x=1)]', '[c()] '];
    expect(acebenchProcess(stones, [' [a()]', '[x()]', '[b(x=1)]', '[c()]'])).toBe(1);
    expect(acebenchMilestoneShare(stones, ['[a()]', '[b(x=1)]', '[b(x=2)]'])).toMatchObject({
      matched: [0, 1],
      share: 2 / 3,
      rounded: 0.667,
    });
    expect(acebenchProcess(stones, ['[b(x=2)]'])).toBe(0);
  });

  it('a milestone that is not found uses up the rest of the calls (the reference scans on for it)', () => {
    const stones = ['[a()]', '[b(x=1)]', '[c()]'];
    expect(acebenchMilestoneShare(stones, ['[b(x=1)]', '[a()]', '[c()]'])).toMatchObject({
      matched: [1],
      share: 1 / 3,
    });
    expect(acebenchMilestoneShare(stones, ['[a()]', '[c()]'])).toMatchObject({ matched: [0], share: 1 / 3 });
  });

  it('takes the best alternative at 3 decimals; one list stays unrounded', () => {
    const calls = ['[a()]', '[b()]', '[e()]'];
    expect(
      acebenchProcess(
        [
          ['[a()]', '[b()]', '[c()]'],
          ['[a()]', '[d()]'],
        ],
        calls,
      ),
    ).toBe(0.667);
    expect(acebenchProcess(['[a()]', '[b()]', '[c()]'], calls)).toBe(2 / 3);
  });

  it("rounds like Python's round(x, 3)", () => {
    expect(pythonRound3(1 / 16)).toBe(0.062);
    expect(pythonRound3(3 / 16)).toBe(0.188);
    expect(pythonRound3(1 / 6)).toBe(0.167);
    expect(pythonRound3(1 / 8)).toBe(0.125);
  });

  it("compares like Python's ==", () => {
    expect(pythonEqual(1, 1.0)).toBe(true);
    expect(pythonEqual(true, 1)).toBe(true);
    expect(pythonEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(pythonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(pythonEqual('1', 1)).toBe(false);
    expect(pythonEqual(null, false)).toBe(false);
  });
});
