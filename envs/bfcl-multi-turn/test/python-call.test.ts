import { describe, expect, it } from 'vitest';
import { parameterOrderFromDocs, parsePythonCall, PythonCallSyntaxError } from '../src/python-call.js';

const parameterOrder = parameterOrderFromDocs([
  { name: 'sort', parameters: { properties: { file_name: {} } } },
  { name: 'mv', parameters: { properties: { source: {}, destination: {} } } },
  { name: 'mean', parameters: { properties: { numbers: {} } } },
]);

describe('parsePythonCall', () => {
  it('parses keyword arguments', () => {
    expect(parsePythonCall("mv(source='a.txt', destination='temp')")).toEqual({
      name: 'mv',
      args: { source: 'a.txt', destination: 'temp' },
    });
    expect(parsePythonCall("post_tweet(content='x', tags = ['#a'],mentions=[])")).toEqual({
      name: 'post_tweet',
      args: { content: 'x', tags: ['#a'], mentions: [] },
    });
    expect(parsePythonCall('pwd()')).toEqual({ name: 'pwd', args: {} });
    expect(parsePythonCall('  ls( a = True , )  ')).toEqual({ name: 'ls', args: { a: true } });
  });

  it('maps positional arguments by the function doc parameter order', () => {
    expect(parsePythonCall("sort('final_report.pdf')", { parameterOrder })).toEqual({
      name: 'sort',
      args: { file_name: 'final_report.pdf' },
    });
    expect(parsePythonCall("mv('a', destination='b')", { parameterOrder }).args).toEqual({
      source: 'a',
      destination: 'b',
    });
    expect(parsePythonCall('mean([227.16,2.552,227.11, 227.09])', { parameterOrder }).args).toEqual({
      numbers: [227.16, 2.552, 227.11, 227.09],
    });
  });

  it('parses numbers, booleans and None', () => {
    expect(
      parsePythonCall(
        'f(a=1, b=-2.5, c=1e3, d=.5, e=5., f=1_000, g=0x1F, h=True, i=False, j=None, k=+3, l=0)',
      ).args,
    ).toEqual({
      a: 1,
      b: -2.5,
      c: 1000,
      d: 0.5,
      e: 5,
      f: 1000,
      g: 31,
      h: true,
      i: false,
      j: null,
      k: 3,
      l: 0,
    });
  });

  it('parses nested lists, dicts, tuples and sets', () => {
    expect(
      parsePythonCall(
        "edit_ticket(ticket_id=2, updates={'status': 'Closed', 'priority': 3, 'x': [1, {'y': None}]})",
      ).args,
    ).toEqual({
      ticket_id: 2,
      updates: { status: 'Closed', priority: 3, x: [1, { y: null }] },
    });
    expect(parsePythonCall("f(t=(1, 'a'), one=(1,), paren=(2), empty=(), s={'a', 'b'}, d={})").args).toEqual({
      t: [1, 'a'],
      one: [1],
      paren: 2,
      empty: [],
      s: ['a', 'b'],
      d: {},
    });
  });

  it('decodes Python string escapes and literal forms', () => {
    expect(
      parsePythonCall("f(a='line1\\nline2', b='it\\'s', c=\"say \\\"hi\\\"\", d='tab\\there')").args,
    ).toEqual({
      a: 'line1\nline2',
      b: "it's",
      c: 'say "hi"',
      d: 'tab\there',
    });
    expect(
      parsePythonCall("f(a='\\x41\\u00e9\\U0001F600\\101', b='back\\\\slash', c='keep\\d', d=\"it's\")").args,
    ).toEqual({
      a: 'Aé😀A',
      b: 'back\\slash',
      c: 'keep\\d',
      d: "it's",
    });
    expect(parsePythonCall("f(a=r'raw\\n', b='con' 'cat' \"ed\", c='''tri'ple''', d=u'uni')").args).toEqual({
      a: 'raw\\n',
      b: 'concated',
      c: "tri'ple",
      d: 'uni',
    });
    expect(parsePythonCall("echo(content='a, b) c=d', file_name='x(1).txt')").args).toEqual({
      content: 'a, b) c=d',
      file_name: 'x(1).txt',
    });
  });

  it('keeps keys such as __proto__ as own properties', () => {
    const order = new Map([['g', ['__proto__', 'constructor']]]);
    const dict = parsePythonCall("f(d={'__proto__': 1, 'constructor': 2})").args.d as object;
    expect(Object.getPrototypeOf(dict)).toBe(Object.prototype);
    expect(Object.entries(dict)).toEqual([
      ['__proto__', 1],
      ['constructor', 2],
    ]);
    const { args } = parsePythonCall('g([1], constructor=2)', { parameterOrder: order });
    expect(Object.getPrototypeOf(args)).toBe(Object.prototype);
    expect(Object.entries(args)).toEqual([
      ['__proto__', [1]],
      ['constructor', 2],
    ]);
    expect(Object.entries(parsePythonCall('f(__proto__=1)').args)).toEqual([['__proto__', 1]]);
  });

  it('decodes escapes between runs of plain text', () => {
    expect(parsePythonCall("f(a=r'it\\'s\\n', b='\\1012', c='x\\\ny', d='a\\x41b\\qc' \"d\")").args).toEqual({
      a: "it\\'s\\n",
      b: 'A2',
      c: 'xy',
      d: 'aAb\\qcd',
    });
  });

  it('parses the items after the first of tuples and sets', () => {
    expect(parsePythonCall('f(a=(1, 2,), b={1, 2,}, c=[(1, 2) ,{3}])').args).toEqual({
      a: [1, 2],
      b: [1, 2],
      c: [[1, 2], [3]],
    });
  });

  it('parses prefixed integers and zeros', () => {
    expect(parsePythonCall('f(a=00, b=0_0, c=01.5, d=0o17, e=0b101, f=0X1_f)').args).toEqual({
      a: 0,
      b: 0,
      c: 1.5,
      d: 15,
      e: 5,
      f: 31,
    });
  });

  it('rejects malformed input with the position of the problem', () => {
    const failure = (source: string, options = {}) => {
      try {
        parsePythonCall(source, options);
      } catch (error) {
        expect(error).toBeInstanceOf(PythonCallSyntaxError);
        return {
          message: (error as PythonCallSyntaxError).message,
          position: (error as PythonCallSyntaxError).position,
        };
      }
      throw new Error(`parsed: ${source}`);
    };
    expect(failure("cd(folder='doc")).toMatchObject({ position: 10 });
    expect(failure("cd(folder='doc'")).toMatchObject({ position: 15 });
    expect(failure("cd(folder='doc') x")).toMatchObject({ position: 17 });
    expect(failure('cd(folder=os.getcwd())')).toMatchObject({ position: 10 });
    expect(failure("cd(folder='a' 'b' c)").message).toContain("Expected ',' or ')'");
    expect(failure("mv(source='a', 'b')").message).toContain('Positional argument follows keyword argument');
    expect(failure("cd(folder='a', folder='b')").message).toContain("'folder' repeated");
    expect(failure("sort('a')").message).toContain("No parameter order known for 'sort'");
    expect(failure("sort('a', 'b')", { parameterOrder })).toMatchObject({ position: 10 });
    expect(failure('(1)').message).toContain('Expected a function name');
    expect(failure('f(a=[1, 2)').message).toContain("Expected ',' or ']'");
    expect(failure("f(a=b'x')").message).toContain('Bytes literals');
    expect(failure("f(a='\\x4')").message).toContain('Truncated \\x escape');
    expect(failure('f(a=012)').message).toContain('Leading zeros');
    expect(failure("f(a='x' + 'y')").message).toContain("Expected ',' or ')'");
    expect(failure("f(a='x\ny')").message).toContain('newline');
    // [source, position, part of the message]
    const positioned: [string, number, string][] = [
      ['f(a=12abc)', 6, 'Malformed'],
      ['f(a=1e-)', 5, 'Malformed'],
      ['f(a=0x)', 5, 'Malformed'],
      ["f(a='\\U00110000')", 5, 'Illegal'],
      ["f(a='\\u00e')", 5, 'Truncated'],
      ["f(a='''x'' )", 4, 'Unterminated'],
      ["f(a='x\\", 4, 'Unterminated'],
      ["f(a=rb'x')", 4, 'Bytes'],
      ['f(a=(1 2))', 7, "Expected ',' or ')'"],
      ['f(a={1 2})', 7, "Expected ',' or '}'"],
    ];
    for (const [source, position, text] of positioned) {
      expect(failure(source), source).toMatchObject({ position, message: expect.stringContaining(text) });
    }
  });
});
