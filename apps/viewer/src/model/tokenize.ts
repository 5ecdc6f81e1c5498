// A small TypeScript tokenizer for highlighting env.ts and check sources. It only has to colour text,
// not parse it: keywords, types (capitalised identifiers), strings, numbers, comments, punctuation.

export type TokenKind = 'keyword' | 'type' | 'string' | 'number' | 'comment' | 'punct' | 'ident' | 'space';

export interface Token {
  kind: TokenKind;
  text: string;
}

const keywords = new Set(
  (
    'abstract as async await boolean break case catch class const continue declare default delete do else ' +
    'enum export extends false finally for from function get if implements import in instanceof interface ' +
    'keyof let new null number object of private protected public readonly return set static string super ' +
    'switch this throw true try type typeof undefined unknown void while yield never any satisfies'
  ).split(' '),
);

const rules: Array<[TokenKind, RegExp]> = [
  ['space', /\s+/y],
  ['comment', /\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/y],
  ['string', /'(?:[^'\\\n]|\\.)*'?|"(?:[^"\\\n]|\\.)*"?|`(?:[^`\\]|\\[\s\S])*`?/y],
  ['number', /(?:0[xXbBoO][0-9a-fA-F_]+|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?)n?/y],
  ['ident', /[A-Za-z_$][\w$]*/y],
  ['punct', /=>|\?\?|\?\.|===|!==|[{}()[\];,.<>:?!=+\-*/%&|^~@#]/y],
];

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  outer: while (pos < source.length) {
    for (const [kind, re] of rules) {
      re.lastIndex = pos;
      const m = re.exec(source);
      if (m && m[0].length > 0) {
        const text = m[0];
        let k: TokenKind = kind;
        if (kind === 'ident') k = keywords.has(text) ? 'keyword' : /^[A-Z]/.test(text) ? 'type' : 'ident';
        const last = tokens[tokens.length - 1];
        if (last && last.kind === k && (k === 'space' || k === 'punct')) last.text += text;
        else tokens.push({ kind: k, text });
        pos += text.length;
        continue outer;
      }
    }
    // Anything else (unicode symbols, stray characters) passes through as punctuation.
    tokens.push({ kind: 'punct', text: source[pos] ?? '' });
    pos += 1;
  }
  return tokens;
}
