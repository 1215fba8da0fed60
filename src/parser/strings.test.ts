/**
 * concatenateStrings against CPython 3.11: each source holds one run of
 * string tokens; python3 (one process for the whole batch) tokenizes it,
 * parses it and reports the node it builds for the run (or its SyntaxError,
 * and the warnings). Replacement fields hold dotted names only, which the
 * fake host below parses with the position rule StringHost documents.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dump } from '../ast/dump.js';
import { parse } from './parser.js';
import { decodeSource } from './sourceDecoding.js';
import { Attribute, Dict, Load, Name } from '../ast/nodes.js';
import type { expr } from '../ast/nodes.js';
import { PyBytes, PyStrCodePoints } from '../ast/constants.js';
import { PySyntaxError } from '../diagnostics.js';
import { TokenKind } from './tokens.js';
import type { Token } from './tokens.js';
import { concatenateStrings } from './strings.js';
import type { StringHost } from './strings.js';

const ORACLE = String.raw`
import ast, io, json, re, sys, tokenize, warnings

def byte_col(lines, row, col):
    return len(lines[row - 1][:col].encode('utf-8'))

def to_json(node):
    if isinstance(node, ast.AST):
        out = {'nodeType': type(node).__name__}
        for f in node._fields:
            out[f] = to_json(getattr(node, f, None))
        for a in node._attributes:
            out[a] = getattr(node, a, None)
        return out
    if isinstance(node, list):
        return [to_json(x) for x in node]
    if isinstance(node, bytes):
        return {'$bytes': node.hex()}
    if isinstance(node, str) and re.search('[\ud800-\udbff][\udc00-\udfff]', node):
        return {'$str': [ord(c) for c in node]}
    return node

def run(src):
    lines = src.split('\n')
    toks = [t for t in tokenize.generate_tokens(io.StringIO(src).readline)
            if t.type not in (tokenize.NL, tokenize.COMMENT)]
    i = next(k for k, t in enumerate(toks) if t.type == tokenize.STRING)
    run_toks = []
    while toks[i].type == tokenize.STRING:
        run_toks.append(toks[i])
        i += 1
    def tok(t):
        return {'value': t.string, 'lineno': t.start[0], 'col_offset': byte_col(lines, *t.start),
                'end_lineno': t.end[0], 'end_col_offset': byte_col(lines, *t.end)}
    out = {'tokens': [tok(t) for t in run_toks], 'next': tok(toks[i])}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        try:
            tree = ast.parse(src)
        except SyntaxError as e:
            out['error'] = [e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]
            tree = None
    out['warnings'] = [[str(w.message), w.lineno] for w in caught]
    if tree is not None:
        first = out['tokens'][0]
        for node in ast.walk(tree):
            if isinstance(node, (ast.Constant, ast.JoinedStr)) and node.lineno == first['lineno'] and node.col_offset == first['col_offset']:
                out['node'] = to_json(node)
                break
    return out

def safe_run(src):
    try:
        return run(src)
    except Exception as e:
        return {'oracleError': repr(e)}

print(json.dumps([safe_run(s) for s in json.load(sys.stdin)]))
`;

interface OracleToken {
  value: string;
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

interface OracleResult {
  oracleError?: string;
  tokens: OracleToken[];
  next: OracleToken;
  error?: [string, number, number, number, number];
  warnings: [string, number][];
  node?: unknown;
}

function askCPython(sources: readonly string[]): OracleResult[] {
  const out = execFileSync('python3', ['-c', ORACLE], { input: JSON.stringify(sources), maxBuffer: 1 << 28 });
  return JSON.parse(out.toString('utf8')) as OracleResult[];
}

function token(t: OracleToken): Token {
  return { kind: TokenKind.STRING, ...t };
}

function utf8Width(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
}

/** 1-based character offset of UTF-8 column `byteCol` in `line`. */
function charOffset(line: string, byteCol: number): number {
  let bytes = 0;
  let i = 0;
  while (i < line.length && bytes < byteCol) bytes += utf8Width(line.charCodeAt(i++));
  return [...line.slice(0, i)].length + 1;
}

interface FieldCall {
  text: string;
  lineno: number;
  col: number;
}

/**
 * A host for tests: errors are located as CPython's parser does (at the
 * token after the run when `token` is null); field texts may only hold
 * blanks, newlines and one dotted name.
 */
class FakeHost implements StringHost {
  readonly filename = '<test>';
  readonly calls: FieldCall[] = [];
  readonly warnings: [string, number][] = [];
  private readonly lines: string[];

  constructor(source: string, private readonly next: Token) {
    this.lines = source.split('\n');
  }

  syntaxError(msg: string, token: Token | null): PySyntaxError {
    const t = token ?? this.next;
    const line = this.lines[t.lineno - 1]!;
    const endLine = this.lines[t.end_lineno - 1]!;
    return new PySyntaxError('SyntaxError', msg, this.filename, t.lineno, charOffset(line, t.col_offset), line, t.end_lineno, charOffset(endLine, t.end_col_offset));
  }

  warn(message: string, token: Token): void {
    this.warnings.push([message, token.lineno]);
  }

  parseFStringExpression(text: string, startLineno: number, startColOffset: number): expr {
    this.calls.push({ text, lineno: startLineno, col: startColOffset });
    // Positions inside `(` + text + `)`, shifted as the StringHost contract says.
    const wrapped = `(${text})`;
    let line = 0;
    let col = 1;
    const at = (): [number, number] => [startLineno + line, line === 0 ? startColOffset + col : col];
    const word = /[\p{L}_][\p{L}\p{N}_]*/uy;
    const advance = (from: number, to: number): void => {
      for (let k = from; k < to; k++) col += utf8Width(wrapped.charCodeAt(k));
    };
    let node: expr | null = null;
    let start: [number, number] = [0, 0];
    let i = 1;
    while (i < wrapped.length - 1) {
      const c = wrapped[i]!;
      word.lastIndex = c === '.' ? i + 1 : i;
      const match = node === null || c === '.' ? word.exec(wrapped) : null;
      if (c === '\n') {
        line++;
        col = 0;
        i++;
      } else if (c === ' ' || c === '\t' || c === '\f') {
        col++;
        i++;
      } else if (c === '{' && wrapped[i + 1] === '}' && node === null) {
        start = at();
        advance(i, i + 2);
        i += 2;
        node = Dict([], [], start[0], start[1], ...at());
      } else if (match && node === null) {
        start = at();
        advance(i, word.lastIndex);
        i = word.lastIndex;
        node = Name(match[0].normalize('NFKC'), Load, start[0], start[1], ...at());
      } else if (match && node !== null) {
        advance(i, word.lastIndex);
        i = word.lastIndex;
        node = Attribute(node, match[0].normalize('NFKC'), Load, start[0], start[1], ...at());
      } else {
        throw new Error(`fake host cannot parse ${JSON.stringify(text)}`);
      }
    }
    if (node === null) throw new Error(`fake host cannot parse ${JSON.stringify(text)}`);
    return node;
  }
}

/** Our nodes in the JSON shape the oracle prints. */
function toJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof PyBytes) return { $bytes: Buffer.from(value.bytes).toString('hex') };
  if (value instanceof PyStrCodePoints) return { $str: value.codePoints };
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
    return out;
  }
  return value;
}

interface Outcome {
  node?: unknown;
  error?: [string, number, number, number, number];
  warnings: [string, number][];
}

function ours(source: string, result: OracleResult): Outcome {
  const host = new FakeHost(source, token(result.next));
  try {
    const node = concatenateStrings(result.tokens.map(token), host);
    return { node: toJson(node), warnings: host.warnings };
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    return { error: [e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset], warnings: host.warnings };
  }
}

function expected(result: OracleResult): Outcome {
  const out: Outcome = { warnings: result.warnings };
  if (result.error) out.error = result.error;
  else out.node = result.node;
  return out;
}

/** Checks each source against CPython, all in one python3 run. */
function compareAll(sources: readonly string[]): void {
  const results = askCPython(sources);
  for (let i = 0; i < sources.length; i++) {
    expect(results[i]!.oracleError, sources[i]).toBeUndefined();
    expect({ source: sources[i], ...ours(sources[i]!, results[i]!) }).toEqual({ source: sources[i], ...expected(results[i]!) });
  }
}

const PLAIN = [
  `x = 'abc'`,
  `x = "abc"`,
  `x = ''`,
  `x = """"""`,
  `x = '''a'b''c'''`,
  `x = """a\nb\n"""`,
  `x = 'é€𝄞'`,
  `x = u'abc'`,
  `x = U'abc'`,
  `x = u'a' 'b'`,
  `x = 'a' u'b'`,
  `x = r'\\n\\x'`,
  `x = R'\\\\'`,
  `x = 'a' 'b' "c"`,
  `x = ('a'\n     'b'\n  'c')`,
  `x = ('a'  # comment\n  'b')`,
  `x = 'a\\\nb'`,
  `x = 'a\\\n'`,
  `x = b'abc'`,
  `x = B'abc' b"d"`,
  `x = br'\\x' Rb'\\n'`,
  `x = b''`,
  `x = b'\\x00\\xff\\xFf'`,
  `y = 1; x = 'a' 'b'; z = 2`,
  `if 1:\n    x = 'a'`,
  `x = '''a\r\nb\r\n'''`,
];

const ESCAPES = [
  `x = '\\\\ \\' \\" \\a \\b \\f \\n \\r \\t \\v'`,
  `x = '\\0 \\1 \\12 \\123 \\1234 \\8 \\9'`,
  `x = '\\777 \\400 \\377'`,
  `x = '\\x41\\x4a\\x4A \\u20ac\\U0001D11E\\U0010FFFF'`,
  `x = '\\d \\w \\[ \\{'`,
  `x = '\\é'`,
  `x = 'é\\é\\\\é'`,
  `x = '\\N{DIGIT ONE}\\N{latin small letter a}\\N{BYTE ORDER MARK}'`,
  `x = '\\N{CJK UNIFIED IDEOGRAPH-4E00}\\N{HANGUL SYLLABLE GAG}'`,
  `x = '\\ud800\\udfff'`,
  `x = b'\\\\ \\' \\" \\a \\b \\f \\n \\r \\t \\v \\0 \\777 \\x7f'`,
  `x = b'\\d \\u1234 \\N{DIGIT ONE}'`,
  `x = b'\\400 \\w'`,
  `x = '\\8' '\\9'`,
  `x = '\\777' '\\d' b''`,
];

const ERRORS = [
  `x = '\\xZ' + 1`,
  `x = '\\x4' + 1`,
  `x = '\\x4Z' + 1`,
  `x = 'é\\xZ' + 1`,
  `x = '\\é\\xZ' + 1`,
  `x = '𝄞\\x' + 1`,
  `x = '\\u12' + 1`,
  `x = '\\U0011FFFF' + 1`,
  `x = '\\U0011FFF' + 1`,
  `x = '\\N{foo}' + 1`,
  `x = '\\N{}' + 1`,
  `x = '\\N{' + 1`,
  `x = '\\N' + 1`,
  `x = '\\Nx' + 1`,
  `x = '\\N{é}' + 1`,
  `x = '\\N{cjk unified ideograph-4e00}' + 1`,
  `x = 'a' '\\xZ' if 1 else 2`,
  `x = ('\\xZ'\n  'abc')`,
  `x = ('\\xZ'\n  'abc'\n)`,
  `x = '\\xZ'`,
  `x = b'\\xZ' + 1`,
  `x = b'a\\x4' + 1`,
  `x = b'é' + 1`,
  `x = b'a' b'\\xé' + 1`,
  `x = 'a' b'b' + 1`,
  `x = b'a' 'b' + 1`,
  `x = b'a' f'b' + 1`,
  `x = 'a' rb'b' + 1`,
];

const FSTRINGS = [
  `x = f'abc'`,
  `x = f''`,
  `x = f'' ''`,
  `x = f'{a}'`,
  `x = f'{a!r}'`,
  `x = f'{a!s} {b!a}'`,
  `x = f'{a}{a}'`,
  `x = f'{b}{a}{a}'`,
  `x = f'{ a }'`,
  `x = f'x{a.b .c}y'`,
  `x = f'{a:x}'`,
  `x = f'{a:}'`,
  `x = f'{a:{b}}'`,
  `x = f'{a:>{b}.{c}f}'`,
  `x = f'{a:{b}x{c}y}'`,
  `x = f'{a=}'`,
  `x = f'{a = }'`,
  `x = f'{a=!s}'`,
  `x = f'{a=:>10}'`,
  `x = f'{a=:}'`,
  `x = f'{a = !s:>10}'`,
  `x = f'{a:{b=}}'`,
  `x = f'{{}}'`,
  `x = f'{{a}}'`,
  `x = f'a{{b' 'c' f'd}}'`,
  `x = f'a' 'b' f'c{d}e' 'f'`,
  `x = 'a' f'{b}' u'c'`,
  `x = u'a' f'{x:{y}b}'`,
  `x = u'' f'{x}'`,
  `x = f'é{a}€{b}𝄞{c}'`,
  `x = rf'é{a}'`,
  `x = fR'\\{a}\\d'`,
  `x = f'\\n{a}\\t\\x41'`,
  `x = f'\\{a}'`,
  `x = f'\\N{DIGIT ONE}{a}\\N{LEFT CURLY BRACKET}'`,
  `x = f'{a}\\d{b}\\w'`,
  `x = f'{a!r:{b}}'`,
  `x = f'{a!r:x}'`,
  `x = f'{a:{{}}}'.format`,
  `x = f"{a:'}"`,
  `x = f'{a}' f'{a}'`,
  `x = (f'{a}'\n     f'{b}')`,
  `x = f"""\n{a}"""`,
  `x = f"""{\na}"""`,
  `x = f"""{  \n  a}"""`,
  `x = f"""b{  a\n  }"""`,
  `x = f"""\n  b{  a\n  }"""`,
  `x = (1,\n  f"""\n  b{  a\n  }""")`,
  `x = f"""{a:{\nb}}"""`,
  `x = f"""\n{a:{b}}"""`,
  `x = f"""\n{a:{\nb}}"""`,
  `x = f"""é\n é{a}\n{b}"""`,
  `x = f"""{a\n}{b}"""`,
  `x = f"""{a\n.b}"""`,
  `x = f'a\\\n{b}'`,
  `x = f'{a}\\\n{b}'`,
  `x = (f"""a\n{b}"""\n  f"""{c}\n""")`,
  `x = ('a\\n' f"{b}"\n  f"""\n{c}""")`,
  `x = f'{a:{b:{{}}}}'`,
  `x = f'''{a\r\n}\r\n{b}'''`,
  `x = f"""\r\n{a}"""`,
];

/** Escaped surrogate halves, which Python keeps as two code points even when they meet. */
const SURROGATES = [
  `x = '\\ud800\\udc02'`,
  `x = '\\U0000d834\\U0000dd20'`,
  `x = '\\ud800' '\\udc00'`,
  `x = u'\\ud800' "\\udc00" 'a'`,
  `x = 'a\\ud800' '\\udc00\\ud801' '\\udc01b'`,
  `x = '\\udc00\\ud800' 'x\\udc00'`,
  `x = '\\ud800𐀂\\udc00' '𐀂'`,
  `x = '\\ud800\\U00010002\\udc00'`,
  `x = '𐀂' '\\udc00'`,
  `x = '\\ud800' '𐀂'`,
  `x = '\\ud800' r'\\udc00'`,
  `x = '\\ud800\\N{DIGIT ONE}\\udc00'`,
  `x = f'\\ud800\\udc00{a}'`,
  `x = f'\\ud800' f'\\udc00{a}\\ud801' '\\udc01'`,
  `x = f'{a=}\\ud800\\udc00'`,
  `x = f'\\ud800{a=}\\udc00'`,
  `x = f'{a:\\ud800\\udc00}'`,
  `x = f'{a:\\ud800{b}\\udc00}'`,
  `x = f'\\ud800{{\\udc00'`,
  `x = f'\\ud800}}\\udc00' '\\ud800'`,
  `x = f'\\ud800' '\\udc00' f'{a}'`,
  `x = '\\ud800' f'{a}' '\\udc00'`,
  `x = rf'\\ud800' f'\\udc00'`,
];

const FSTRING_ERRORS = [
  `x = f'{' + 1`,
  `x = f'}' + 1`,
  `x = f'{a' + 1`,
  `x = f'{a!' + 1`,
  `x = f'{a!}' + 1`,
  `x = f'{a!r' + 1`,
  `x = f'{a!rr}' + 1`,
  `x = f'{a!x}' + 1`,
  `x = f'{a:' + 1`,
  `x = f'{a:{b}' + 1`,
  `x = f'{a=' + 1`,
  `x = f'{}' + 1`,
  `x = f'{ }' + 1`,
  `x = f'{\\n}' + 1`,
  `x = f'{a#}' + 1`,
  `x = f'{a)}' + 1`,
  `x = f'{a]}' + 1`,
  `x = f'{a(}' + 1`,
  `x = f'{a(]}' + 1`,
  `x = f'{a[}' + 1`,
  `x = f'{(a}' + 1`,
  `x = f"{'a}" + 1`,
  `x = f"{'''a}" + 1`,
  `x = f'{a:{b:{c}}}' + 1`,
  `x = f'{${'('.repeat(201)}a}' + 1`,
  `x = f'{a}}' + 1`,
  `x = f'{{}' + 1`,
  `x = f'{a!r=}' + 1`,
  `x = f'{a!r :x}' + 1`,
  `x = f'{a:{b!x}}' + 1`,
  `x = f'{!r}' + 1`,
  `x = f'{=}' + 1`,
  `x = f'{:}' + 1`,
  `x = f'{ !r}' + 1`,
  `x = f'{ :x}' + 1`,
  `x = f'{ = }' + 1`,
  `x = f'{a:{}}' + 1`,
  `x = f'{a:{ }}' + 1`,
  `x = f'{a:{b}}}' + 1`,
  `x = f'{a!r:' + 1`,
  `x = f'{a:}}' + 1`,
  `x = f"""{\n!r}""" + 1`,
  `x = f'{ }' '\\xZ' + 1`,
  `x = '\\xZ' f'{ }' + 1`,
  `x = 'a' f'{ }' b'' + 1`,
  `x = b'' f'{ }' + 1`,
  `x = f'{a}\\xZ' + 1`,
  `x = f'é{a}é\\xZ' + 1`,
  `x = f'\\N{DIGIT ONE' + 1`,
  `x = f'\\N' + 1`,
  `x = f'\\N{x' + 1`,
  `x = f'\\Nab{a}' + 1`,
  `x = f'{a:\\xZ}' + 1`,
  `x = f'{a:{b}\\N{foo}}' + 1`,
];

/** A small deterministic PRNG (mulberry32), so that failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random valid f-string runs: prefixes, quotes, text, escapes, fields, specs, `=`, line breaks. */
function randomRuns(count: number, seed: number): string[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const names = ['a', 'bb', 'é', 'x.y', 'ab.cd.e', '𝐱'];
  const sources: string[] = [];
  for (let n = 0; n < count; n++) {
    const tokens: string[] = [];
    const runLength = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < runLength; k++) {
      const triple = rnd() < 0.5;
      const quote = pick(["'", '"']);
      const raw = rnd() < 0.2;
      const isF = rnd() < 0.8;
      const prefix = (raw ? pick(['r', 'R']) : '') + (isF ? pick(['f', 'F']) : !raw && rnd() < 0.2 ? 'u' : '');
      const blank = (): string => pick(['', '', ' ', '  ', ...(triple ? ['\n', ' \n  '] : [])]);
      const text = (inSpec: boolean): string => {
        let out = '';
        const len = Math.floor(rnd() * 4);
        for (let i = 0; i < len; i++) {
          out += pick(['a', 'é', '€', '𝄞', ' ', '.', ...(inSpec ? ['>', '10'] : isF ? ['{{', '}}'] : ['{', '}']),
            ...(raw ? [] : ['\\n', '\\x41', '\\N{DIGIT ONE}', '\\\\', '\\ud800', '\\udc00']), ...(triple ? ['\n'] : [])]);
        }
        return out;
      };
      const field = (depth: number): string => {
        let out = '{' + blank() + pick(names) + blank();
        if (rnd() < 0.2) out += '=' + pick(['', ' ']);
        if (rnd() < 0.3) out += '!' + pick(['r', 's', 'a']);
        if (rnd() < 0.3) {
          out += ':' + text(true);
          if (depth === 0 && rnd() < 0.6) out += field(1) + text(true);
        }
        return out + '}';
      };
      let body = '';
      const parts = Math.floor(rnd() * 4);
      for (let i = 0; i < parts; i++) body += text(false) + (isF ? field(0) : '');
      body += text(false);
      const q = triple ? quote.repeat(3) : quote;
      if (body.endsWith(quote) || body.endsWith('\\')) body += ' ';
      tokens.push(prefix + q + body + q);
    }
    const lead = pick(['x = ', 'x = (', 'éé = (', 'x = [1,\n  ']);
    const sep = lead.endsWith('(') || lead.endsWith(' ') === false ? pick([' ', '\n   ']) : ' ';
    const close = lead.endsWith('(') ? ')' : lead.endsWith('  ') ? ']' : '';
    sources.push(lead + tokens.join(lead === 'x = ' ? ' ' : sep) + close);
  }
  return sources;
}

describe('concatenateStrings', () => {
  it('builds plain str and bytes constants as CPython', () => compareAll(PLAIN));
  it('decodes escapes and warns about invalid ones as CPython', () => compareAll(ESCAPES));
  it('reports decoding and mixing errors as CPython', () => compareAll(ERRORS));
  it('builds f-strings, with every position, as CPython', () => compareAll(FSTRINGS));
  it('reports f-string errors as CPython', () => compareAll(FSTRING_ERRORS));
  it('keeps escaped surrogate halves apart, across tokens and f-string parts, as CPython', () => compareAll(SURROGATES));
  it('places everything as CPython in random f-string runs', () => compareAll(randomRuns(600, 20240611)));
});

// `ast.dump(ast.parse(...), include_attributes=True)` for each source (or file
// of the stdlib, read as bytes), in one python3 run.
const DUMP_ORACLE = String.raw`
import ast, json, os, sys, sysconfig
lib = sysconfig.get_paths()['stdlib']
out = []
for item in json.load(sys.stdin):
    if 'file' in item:
        path = os.path.join(lib, item['file'])
        with open(path, 'rb') as f:
            out.append({'path': path, 'dump': ast.dump(ast.parse(f.read()), include_attributes=True)})
    else:
        out.append({'dump': ast.dump(ast.parse(item['source']), include_attributes=True)})
print(json.dumps(out))
`;

/** The stdlib files whose only difference was escaped surrogate halves that meet. */
const SURROGATE_FILES = [
  'test/test_unicode.py', 'test/test_codecs.py', 'test/test_codeccallbacks.py', 'test/test_json/test_scanstring.py',
  'test/test_sqlite3/test_userfunctions.py', 'test/test_capi/test_unicode.py',
];

describe('parse + dump of escaped surrogate halves', () => {
  it('prints what CPython prints, for snippets and for the stdlib files that have them', () => {
    const sources = [
      ...SURROGATES.map((s) => s + '\n'),
      "'\\ud800\\udc02'\n",
      "x = ['\\udbff\\udfff', \"\\ud834\\U0000dd20'\", b'\\ud800\\udc00']\n",
      "match x:\n    case '\\ud800\\udc00' | '\\ud800' '\\udc00':\n        pass\n",
      "def f():\n    '''\\ud800\\udc00 doc'''\n",
      "x = {'\\ud800\\udc00': f'{y!r:\\ud800\\udc00}'}\n",
    ];
    const items = [...sources.map((source) => ({ source })), ...SURROGATE_FILES.map((file) => ({ file }))];
    const answers = JSON.parse(
      execFileSync('python3', ['-c', DUMP_ORACLE], { input: JSON.stringify(items), maxBuffer: 1 << 28 }).toString('utf8'),
    ) as { path?: string; dump: string }[];
    const withSplitPairs: string[] = [];
    answers.forEach((answer, i) => {
      const path = answer.path;
      const source = path === undefined ? sources[i]! : decodeSource(readFileSync(path), path);
      const ours = dump(parse(source, { filename: path ?? '<unknown>' }), { includeAttributes: true });
      if (/\\ud[89ab][0-9a-f]{2}\\ud[c-f]/.test(answer.dump)) withSplitPairs.push(path ?? sources[i]!);
      // Not toBe: a failing diff of a whole test file is unreadable.
      expect(ours === answer.dump, path ?? sources[i]).toBe(true);
    });
    expect(withSplitPairs.length).toBeGreaterThan(20);
    expect(withSplitPairs.filter((p) => p.startsWith('/')).length).toBe(SURROGATE_FILES.length);
  });
});
