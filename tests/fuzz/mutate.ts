/**
 * Fuzz inputs: excerpts of real Python files with a few random edits (the
 * kind of damage an editor buffer shows while typing), plus deeply nested
 * constructs that test the parser's recursion and progress guards.
 */
import { Prng } from '../support/prng.js';

export interface FuzzInput {
  /** Where it came from and what was done, for the report. */
  label: string;
  source: string;
}

/** Single characters worth inserting: delimiters, quotes, whitespace, odd Unicode. */
const CHARS = [
  '(', ')', '[', ']', '{', '}', "'", '"', '`', ':', ';', ',', '.', '@', '=', '+', '-', '*', '/', '%', '<', '>',
  '!', '~', '^', '&', '|', '\\', '#', '\n', '\t', ' ', '\f', '\r', '\0', '$', '?', '0', '_', 'x', 'j', 'e',
  'é', '€', '\u00a0', '\u200b', '😀', '\u2028', '\ufeff',
];

/** Tokens worth inserting or substituting: keywords, soft keywords, operators, odd literals. */
const TOKENS = [
  'async', 'await', 'lambda', 'yield', 'yield from', 'match', 'case', 'if', 'else', 'elif', 'for', 'in', 'not',
  'is', 'and', 'or', 'def', 'class', 'return', 'with', 'as', 'from', 'import', 'try', 'except', 'except*',
  'finally', 'raise', 'global', 'nonlocal', 'del', 'pass', 'break', 'continue', 'while', 'assert', 'None', 'True',
  'False', '_', 'type', 'print', '*', '**', '/', '//', ':=', '->', '...', '@', '=', '==', ':', ',', '.', ';', '(',
  ')', '[', ']', '{', '}', "f'{x}'", "f'{'", "f'{x!r:>{w}}'", 'f"{a=}"', "'''", '"""', '"', "'", 'b"x"',
  'rb"\\d"', "u'x'", '0x', '1_0', '1e5j', '0777', '0b2', '1__0', '.5', '\\', '#', '\n', 'lambda:', 'await x',
  '*args', '**kw', 'x,', '(x)', '[]', '{}', '()', '\t', '    ', 'é', '\\\n',
];

/** Identifiers, numbers, quote runs, multi-character operators, single characters. */
const TOKEN_RE =
  /[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*|\d[\w.]*|'''|"""|\*\*=?|\/\/=?|>>=?|<<=?|->|:=|[-+*/%&|^@=<>!]=|\.\.\.|\S/gu;

interface Span {
  start: number;
  end: number;
}

function tokens(source: string): Span[] {
  const spans: Span[] = [];
  for (const m of source.matchAll(TOKEN_RE)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10 && i + 1 < source.length) starts.push(i + 1);
  return starts;
}

type Mutator = (source: string, rng: Prng) => string;

const at = (s: string, i: number, text: string): string => s.slice(0, i) + text + s.slice(i);
const pos = (s: string, rng: Prng): number => rng.int(s.length + 1);

const MUTATORS: Record<string, Mutator> = {
  deleteChar: (s, rng) => {
    const i = rng.int(Math.max(1, s.length));
    return s.slice(0, i) + s.slice(i + 1);
  },
  duplicateChar: (s, rng) => {
    const i = rng.int(Math.max(1, s.length));
    return at(s, i, s.charAt(i));
  },
  swapChars: (s, rng) => {
    if (s.length < 2) return s;
    const i = rng.int(s.length - 1);
    return s.slice(0, i) + s.charAt(i + 1) + s.charAt(i) + s.slice(i + 2);
  },
  insertChar: (s, rng) => at(s, pos(s, rng), rng.pick(CHARS)),
  deleteToken: (s, rng) => {
    const t = tokens(s);
    if (t.length === 0) return s;
    const { start, end } = rng.pick(t);
    return s.slice(0, start) + s.slice(end);
  },
  duplicateToken: (s, rng) => {
    const t = tokens(s);
    if (t.length === 0) return s;
    const { start, end } = rng.pick(t);
    return at(s, end, ' ' + s.slice(start, end));
  },
  swapTokens: (s, rng) => {
    const t = tokens(s);
    if (t.length < 2) return s;
    let a = rng.pick(t);
    let b = rng.chance(0.5) ? rng.pick(t) : (t[Math.min(t.indexOf(a) + 1, t.length - 1)] ?? a);
    if (a.start > b.start) [a, b] = [b, a];
    if (a === b) return s;
    return s.slice(0, a.start) + s.slice(b.start, b.end) + s.slice(a.end, b.start) + s.slice(a.start, a.end) + s.slice(b.end);
  },
  replaceToken: (s, rng) => {
    const t = tokens(s);
    if (t.length === 0) return s;
    const { start, end } = rng.pick(t);
    return s.slice(0, start) + rng.pick(TOKENS) + s.slice(end);
  },
  insertToken: (s, rng) => {
    const t = tokens(s);
    const i = t.length === 0 ? 0 : rng.pick(t).start;
    return at(s, i, rng.pick(TOKENS) + ' ');
  },
  truncate: (s, rng) => s.slice(0, pos(s, rng)),
  insertBracket: (s, rng) => at(s, pos(s, rng), rng.pick(['(', ')', '[', ']', '{', '}'])),
  insertQuote: (s, rng) => at(s, pos(s, rng), rng.pick(["'", '"', "'''", '"""', "f'", 'f"', "rb'", "f'{", 'f"{x!'])),
  prefixString: (s, rng) => {
    const quotes = [...s.matchAll(/['"]/g)];
    if (quotes.length === 0) return s;
    return at(s, rng.pick(quotes).index, rng.pick(['f', 'b', 'r', 'rf', 'u', 'br', 'F']));
  },
  changeIndent: (s, rng) => {
    const i = rng.pick(lineStarts(s));
    const indent = /^[ \t]*/.exec(s.slice(i))![0].length;
    if (indent > 0 && rng.chance(0.5)) return s.slice(0, i) + s.slice(i + rng.range(1, indent));
    return at(s, i, rng.pick([' ', '  ', '    ', '\t', ' \t', '\f']));
  },
  duplicateLine: (s, rng) => {
    const starts = lineStarts(s);
    const k = rng.int(starts.length);
    const end = starts[k + 1] ?? s.length;
    const line = s.slice(starts[k]!, end);
    return at(s, end, line.endsWith('\n') ? line : '\n' + line);
  },
  deleteLine: (s, rng) => {
    const starts = lineStarts(s);
    const k = rng.int(starts.length);
    return s.slice(0, starts[k]!) + s.slice(starts[k + 1] ?? s.length);
  },
  insertNewline: (s, rng) => at(s, pos(s, rng), rng.pick(['\n', '\\\n', '\r\n', '\r', '\n\n'])),
};

const MUTATOR_NAMES = Object.keys(MUTATORS);

/** A window of whole lines starting at a top-level statement, when there is one. */
function excerpt(source: string, rng: Prng): string {
  const lines = source.split('\n');
  const starts: number[] = [];
  lines.forEach((line, i) => {
    if (/^[A-Za-z_@]/.test(line)) starts.push(i);
  });
  const first = starts.length > 0 ? rng.pick(starts) : 0;
  const count = rng.range(1, 40);
  return lines.slice(first, first + count).join('\n') + (rng.chance(0.9) ? '\n' : '');
}

function mutationCount(rng: Prng): number {
  const r = rng.next();
  if (r < 0.03) return 0;
  if (r < 0.5) return 1;
  if (r < 0.75) return 2;
  if (r < 0.9) return 3;
  return rng.range(4, 8);
}

/**
 * `count` inputs from the corpus, the same for the same seed and corpus.
 * Each input is a stdlib excerpt with zero to eight random edits.
 */
export function generateInputs(corpus: readonly { name: string; source: string }[], seed: number, count: number): FuzzInput[] {
  const rng = new Prng(seed);
  const inputs: FuzzInput[] = [];
  for (let n = 0; n < count; n++) {
    const file = rng.pick(corpus);
    let source = excerpt(file.source, rng);
    const applied: string[] = [];
    for (let k = mutationCount(rng); k > 0; k--) {
      const name = rng.pick(MUTATOR_NAMES);
      source = MUTATORS[name]!(source, rng);
      applied.push(name);
    }
    inputs.push({ label: `${file.name} #${n} [${applied.join(', ') || 'unchanged'}]`, source: wellFormed(source) });
  }
  return inputs;
}

/** Edits can split a surrogate pair, and CPython cannot even encode such a str. */
function wellFormed(source: string): string {
  return source.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Deep nesting and long chains: each must end in an AST or a SyntaxError, quickly. */
export function deepInputs(n = 10_000): FuzzInput[] {
  const deep: Record<string, string> = {
    parens: '('.repeat(n) + ')'.repeat(n),
    'parens-unclosed': '('.repeat(n),
    brackets: '['.repeat(n) + ']'.repeat(n),
    braces: '{'.repeat(n) + '}'.repeat(n),
    'dict-values': 'x = ' + '{1:'.repeat(n) + '1' + '}'.repeat(n),
    'unary-minus': '-'.repeat(n) + '1',
    'unary-invert': '~'.repeat(n) + '1',
    not: 'not '.repeat(n) + 'x',
    lambda: 'lambda: '.repeat(n) + '0',
    await: 'await '.repeat(n) + 'x',
    'async-def-await': 'async def f():\n    return ' + 'await '.repeat(n) + 'x\n',
    starred: '*'.repeat(n) + 'a',
    power: Array(n).fill('2').join('**'),
    sum: Array(n).fill('1').join('+'),
    compare: Array(n).fill('x').join(' < '),
    and: Array(n).fill('x').join(' and '),
    'if-else': Array(n).fill('1').join(' if x else '),
    attributes: 'a' + '.b'.repeat(n),
    subscripts: 'a' + '[0]'.repeat(n),
    calls: 'f' + '()'.repeat(n),
    tuple: Array(n).fill('1').join(','),
    walrus: '(x := '.repeat(n) + '1' + ')'.repeat(n),
    'fstring-open': "f'{".repeat(n),
    'fstring-nested': 'f"{' + "f'{".repeat(n) + 'x' + "}'".repeat(n) + '}"',
    'fstring-format-spec': "f'{x:{" + 'y:{'.repeat(n) + '}'.repeat(n) + "}}'",
    strings: Array(n).fill("'a'").join(' '),
    decorators: '@d\n'.repeat(n) + 'def f(): pass\n',
    elif: 'if x: pass\n' + 'elif x: pass\n'.repeat(n),
    indentation: Array.from({ length: 200 }, (_, i) => ' '.repeat(i) + 'if x:\n').join('') + ' '.repeat(200) + 'pass\n',
    'nested-defs': Array.from({ length: 200 }, (_, i) => ' '.repeat(i) + 'def f():\n').join('') + ' '.repeat(200) + 'pass\n',
    'lambda-args': 'lambda ' + Array.from({ length: n }, (_, i) => `a${i}`).join(',') + ': 0',
    'call-args': 'f(' + Array(n).fill('x').join(',') + ')',
    'long-line': 'x = ' + 'a'.repeat(n * 10) + '\n',
    'backslash-continuations': 'x = 1' + ' \\\n+ 1'.repeat(n) + '\n',
    'blank-lines': '\n'.repeat(n) + 'x = (\n',
    'comment-lines': '# c\n'.repeat(n) + 'x\n',
    'match-nested': 'match x:\n    case ' + '['.repeat(n) + ']'.repeat(n) + ': pass\n',
    'pattern-or': 'match x:\n    case ' + Array(n).fill('1').join(' | ') + ': pass\n',
    'unterminated-triple': '"""' + 'x\n'.repeat(n),
    'semicolons': 'x = 1;'.repeat(n) + '\n',
  };
  return Object.entries(deep).map(([name, source]) => ({ label: `deep ${name} (n=${n})`, source }));
}
