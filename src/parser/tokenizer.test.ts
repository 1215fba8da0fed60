/**
 * The tokenizer against CPython 3.11. One python3 process answers each
 * batch: compile() outcomes for the error cases, and for valid sources the
 * positions of the AST nodes that are single tokens (names, numbers,
 * strings), which must coincide with our tokens.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenError, TokenKind } from './tokens.js';
import type { Token } from './tokens.js';
import { tokenize, tokenizerErrorOverridesParseError } from './tokenizer.js';
import { decodeSource } from './sourceDecoding.js';

const ORACLE = String.raw`
import ast, json, sys, warnings
warnings.simplefilter('ignore')

def error(src):
    try:
        compile(src, 'f.py', 'exec')
        return None
    except SyntaxError as e:
        return [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text]

def leaves(src):
    try:
        tree = ast.parse(src)
    except SyntaxError as e:
        return repr(e)
    inner = set()
    for n in ast.walk(tree):
        if isinstance(n, ast.JoinedStr):
            inner.update(id(m) for m in ast.walk(n) if m is not n)
    out = []
    for n in ast.walk(tree):
        if id(n) in inner:
            continue
        if isinstance(n, ast.Name):
            kind, value = 'NAME', n.id
        elif isinstance(n, ast.Constant) and type(n.value) in (int, float, complex):
            kind, value = 'NUMBER', None
        elif isinstance(n, ast.JoinedStr) or (isinstance(n, ast.Constant) and type(n.value) in (str, bytes)):
            kind, value = 'STRING', None
        else:
            continue
        out.append([kind, value, n.lineno, n.col_offset, n.end_lineno, n.end_col_offset])
    return out

req = json.load(sys.stdin)
if req['op'] == 'errors':
    print(json.dumps([error(s) for s in req['sources']]))
elif req['op'] == 'leaves':
    print(json.dumps([leaves(s) for s in req['sources']]))
else:
    import sysconfig
    print(json.dumps(sysconfig.get_paths()['stdlib']))
`;

function python<T>(op: string, sources: readonly string[] = []): T {
  const out = execFileSync('python3', ['-X', 'utf8', '-c', ORACLE], {
    input: JSON.stringify({ op, sources }),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return JSON.parse(out) as T;
}

type ErrorFields = [string, string, number | null, number | null, number | null, number | null, string | null];

function ourError(source: string): ErrorFields | null {
  const toks = tokenize(source, 'f.py');
  for (let i = 0; i < toks.length - 1; i++) expect(toks[i]!.kind).not.toBe(TokenKind.ERRORTOKEN);
  const last = toks[toks.length - 1]!;
  if (last.kind !== TokenKind.ERRORTOKEN) return null;
  const e = tokenError(last)!;
  return [e.kind, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text];
}

const KIND_NAMES: Record<number, string> = { 1: 'NAME', 2: 'NUMBER', 3: 'STRING' };

/** Checks that every AST leaf CPython reports is one of our tokens, at the same place. */
function checkLeaves(source: string, leaves: [string, string | null, number, number, number, number][] | string): void {
  if (typeof leaves === 'string') throw new Error(`CPython rejects ${JSON.stringify(source)}: ${leaves}`);
  const toks = tokenize(source, 'f.py');
  expect(toks[toks.length - 1]!.kind).toBe(TokenKind.ENDMARKER);
  const byPos = new Map<string, Token>();
  for (const t of toks) byPos.set(`${t.lineno}:${t.col_offset}:${t.end_lineno}:${t.end_col_offset}`, t);
  const starts = new Set(toks.map((t) => `${t.lineno}:${t.col_offset}`));
  const ends = new Set(toks.map((t) => `${t.end_lineno}:${t.end_col_offset}`));
  for (const [kind, value, l, c, el, ec] of leaves) {
    const t = byPos.get(`${l}:${c}:${el}:${ec}`);
    if (kind === 'STRING' && t === undefined) {
      // Implicitly concatenated strings: the node spans several tokens.
      expect(starts.has(`${l}:${c}`) && ends.has(`${el}:${ec}`), `${source}: string at ${l}:${c}-${el}:${ec}`).toBe(true);
      continue;
    }
    expect(t && KIND_NAMES[t.kind], `${source}: ${kind} ${value ?? ''} at ${l}:${c}-${el}:${ec}`).toBe(kind);
    if (value !== null) expect(t!.value).toBe(value);
  }
}

// Sources whose CPython error comes from the tokenizer (or which are valid
// and must tokenize without error).
const ERROR_CASES: string[] = [
  // numbers
  'x = 1abc\n', 'x = 1_\n', 'x = 1__0\n', 'x = 1_2_3_\n', 'x = 0x\n', 'x = 0xg\n', 'x = 0x_\n', 'x = 0x1__2\n',
  'x = 0o8\n', 'x = 0o18\n', 'x = 0o\n', 'x = 0o8_1\n', 'x = 0o7_7_\n', 'x = 0b2\n', 'x = 0b12\n', 'x = 0b\n',
  'x = 0b1012\n', 'x = 012\n', 'x = 0_12 + 1\n', 'x = 0_8\n', 'x = 00_8\n', 'x = 09\n', 'é = 0012\n',
  'x = 0_\n', 'x = 0__1\n', 'x = 1jx\n', 'x = 1e\n', 'x = 1e+\n', 'x = 1e_5\n', 'x = 1e5_\n', 'x = 1.5_\n',
  'x = 1.e5x\n', 'x = .5_\n', 'x = 1andy\n', 'x = 1elsex\n', 'x = 1€\n',
  // numbers followed by keywords are accepted (3.11 only warns)
  'x = 1if 1 else 2\n', 'x = 1not in y\n', 'x = [0x1for x in y]\n', 'x = 1in y\n', 'x = 1or 2\n', 'x = 1is 2\n',
  'x = 0b1and 2\n', 'x = 1jif 1 else 2\n', 'x = 0o7if 1 else 2\n', 'x = 1_000.000_1e1_0\n', 'x = 09.5\n',
  'x = 09j\n', 'x = 0e1\n', 'x = 00\n', 'x = 0_0\n', 'x = 1e5j\n', 'x = 1.5e-3J\n', 'x = 0008.5\n',
  // identifiers and invalid characters
  'a€b = 1\n', 'a = €\n', 'a = \u00a0\n', 'y = € + é€', 'é€ = 1\n', '\u0661 = 1\n', 'x\u00b7 = 1\n',
  'a\u200b = 1\n', 'x = \u2028\n', '\u{1F600} = 1\n', 'é = \u{1F600}\n', 'x = \u0001\n', '\x7f = 1\n',
  'x = \x1b\n', 'x = \x0b\n', 'x = \u00ad\n', 'x = \u3000\n', 'x\u3000= 1\n', 'x = \ufeff\n',
  'ﬁ = 1\n', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 = 1\n',
  // strings
  'x = "abc\n', 'x = """abc\n\ny\n', 's = "ab\\\ncd\n', 'é = "éé\n', "x = 'a' 'b\n", "x = '\\\n", "x = '\\",
  'x = "abc', "x = '''abc", "x = '''\n", 'x = """\n\n', "x = f'abc\n", "x = rb'\\'\n", 'x = \u{1F600}"\n',
  "x = '''abc\r\ndef\r\n", "x = 'abc\r\n", "x = 'a\rb'\n",
  // brackets
  'x = )\n', 'x = (]\n', 'x = (\n]\n', 'x = }\n', 'x = (1, 2}\n', 'x = [1, 2)\n', 'x = {1: 2]\n',
  'foo(\n  a,\n  b\n]\n', 'x = 1\n)\n', 'x = (é,é]\n', 'x = (1,\n', 'x = (1,', 'x = 1 # c\ny = (\n',
  'x = (\n\n', 'f(\n\n', 'if x:\n  pass\n  y = (\n', 'éé = (\n\n', 'x = (1,\r\n',
  'x = ' + '('.repeat(199) + ')'.repeat(199) + '\n', 'x = ' + '('.repeat(200) + ')'.repeat(200) + '\n',
  'x = ' + '('.repeat(201) + ')'.repeat(201) + '\n', 'x = ' + '['.repeat(250) + '\n',
  // continuation lines
  'x = a \\ b\n', 'x = a \\', 'x = (a \\', 'x = 1 if\\\n', 'x = 1 +\\\n', 'é = 1 +\\\n', 'ééé = a \\ b\n',
  'x = a \\ b\r\n', '\\', '\\\n', 'x = 1\n\\', ' \\ x\n', 'x = (\\\n', 'if x:\n    y\n\\\n',
  'if x:\n   \\\n  y\n', '  \\\nx\n', 'if x:\n  y\n \\\n  z\n',
  // indentation
  'if x:\n    y\n  z\n', 'if 1:\n  pass\n z\n', 'if x:\n\tif y:\n        z\n\n', 'if x:\n\ty\n        z\n',
  'if x:\n        y\n\tz\n', 'if x:\n    \ty\n\tz\n', 'if x:\n\t y\n\t\tz\n', 'if x:\n  \f  y\n', '\fx = 1\n',
  'if x:\n\f    y\n  z\n', 'if x:\r\n    y\r\n  z\r\n', 'if x:\r    y\r  z\r', 'if x:\n    y\n  é\n',
  nested(98), nested(99), nested(100),
  // null bytes
  "x = '\0'\n", 'a\0',
];

function nested(depth: number): string {
  let s = '';
  for (let i = 0; i < depth; i++) s += ' '.repeat(i) + 'if x:\n';
  return s + ' '.repeat(depth) + 'pass\n';
}

const VALID_SOURCES: string[] = [
  'x = 1\n',
  'x',
  '',
  '\n\n# comment only\n',
  'def f(a, *b, c=1, **d) -> int:\n    return a @ b\n',
  'if x:\n    y = 1\nelif z:\n\tpass\nelse:\n  w\n',
  'x = (1,\n     2,\n  3)\n[a,\n b] = c\n',
  "s = 'a' \"b\" '''c\nd''' \"\"\"e\"\"\"\n",
  "t = rb'x' Br'y' bR'z' RB'w' b'h'\nu = f'{a}' F'b' fr'{c}' Rf'{d}' rF'e' u'f' U'g' R'i'\nv = rb'''\n'''\n",
  'x = 0 + 0x1F + 0o17 + 0b101 + 1_000 + 0_0 + 00 + 1.5 + .5 + 5. + 1e10 + 1E-3 + 1.5j + 2J + 0xdead_beef\n',
  'x = 1_0.0_1e+1_0j\n',
  'a += 1; b -= 2; c *= 3; d /= 4; e //= 5; f %= 6; g **= 7; h >>= 8; i <<= 9; j &= 1; k |= 2; l ^= 3; m @= n\n',
  'x = a if b else c\ny = lambda: ...\nz = x[1:2, ::3]\n(w := 5)\nv = a != b <= c >= d < e > f == g\n',
  'x = ~a ** -b // c % d << e >> f & g | h ^ i\n',
  'é = 1\nnaïve = é + 2\nΣ = [naïve for ß in ()]\n',
  'ﬁ = 1\nprint(fi)\n𝔘 = 2\n',
  "x = 'é' + \"😀\" + '''\n😀é\n'''\ny = é\n",
  'x = 1 \\\n    + 2\nif a and \\\n   b:\n    pass\n',
  'x = 1\r\ny = 2\r\nif x:\r\n    z = 3\r\n',
  'x = 1\ry = 2\rif x:\r    z = 3\r',
  "s = '''a\r\nb\r\n'''\nt = é\n",
  'if x:\n\tif y:\n\t\tz = 1\n\t\tw = 2\n',
  'if x:\n\tif y:\n\t    z\n\telse:\n\t\tv\n',
  '\f\nif x:\n\f    y\n',
  'class C:\n    def f(self):\n        pass\n\n\n    x = 1\n# end\n',
  'if x:\n  pass\n# comment at col 0\n  # comment at col 2\n  y\n',
  'x = [\n    1,  # one\n    2,\n]\n',
  'match x:\n    case [1, _]:\n        pass\n',
  'async def f():\n    await g()\n    async for a in b: pass\n',
  'x = 1if y else 2\nz = [0x1for a in b]\nw = 1jif c else d\n',
  'x = f"{a!r:>{w}} {b=}" f\'{c}\'\n',
  'x = 1 # \u00e9\u00e9 comment\ny = "\u00e9"  # \u{1F600}\n',
];

describe('tokenize: errors CPython raises from its tokenizer', () => {
  const expected = python<(ErrorFields | null)[]>('errors', ERROR_CASES);
  ERROR_CASES.forEach((src, i) => {
    const want = expected[i]!;
    // Parse errors that are not the tokenizer's (e.g. "invalid syntax"
    // after a number that ends before a keyword) are the parser's job.
    const fromTokenizer =
      want === null ||
      !(/^invalid syntax|^unexpected indent|^expected an indented block/.test(want[1]) || want[1].startsWith('f-string'));
    it(JSON.stringify(src).slice(0, 80), () => {
      const ours = ourError(src);
      if (src.includes('\0')) {
        // CPython gives this error no location; we use zeros.
        expect(want?.slice(0, 2)).toEqual(['SyntaxError', 'source code string cannot contain null bytes']);
        expect(ours?.slice(0, 2)).toEqual(want?.slice(0, 2));
        return;
      }
      if (fromTokenizer) expect(ours).toEqual(want);
      else expect(ours).toBeNull();
    });
  });
});

describe('tokenize: token positions of valid code', () => {
  const leaves = python<[string, string | null, number, number, number, number][][]>('leaves', VALID_SOURCES);
  VALID_SOURCES.forEach((src, i) => {
    it(JSON.stringify(src).slice(0, 80), () => checkLeaves(src, leaves[i]!));
  });

  it('produces the token stream the parser expects', () => {
    const toks = tokenize('if x:  # c\n    y = (1,\n  2)\n\nz\n', 'f.py');
    const brief = toks.map((t) => [t.kind, t.value, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset]);
    expect(brief).toEqual([
      [TokenKind.NAME, 'if', 1, 0, 1, 2],
      [TokenKind.NAME, 'x', 1, 3, 1, 4],
      [TokenKind.OP, ':', 1, 4, 1, 5],
      // After a comment NEWLINE starts at the '#' (CPython's tok->start).
      [TokenKind.NEWLINE, '', 1, 7, 1, 10],
      // INDENT/DEDENT/ENDMARKER carry the cursor column (see tokenizer.ts).
      [TokenKind.INDENT, '', 2, 4, 2, 4],
      [TokenKind.NAME, 'y', 2, 4, 2, 5],
      [TokenKind.OP, '=', 2, 6, 2, 7],
      [TokenKind.OP, '(', 2, 8, 2, 9],
      [TokenKind.NUMBER, '1', 2, 9, 2, 10],
      [TokenKind.OP, ',', 2, 10, 2, 11],
      [TokenKind.NUMBER, '2', 3, 2, 3, 3],
      [TokenKind.OP, ')', 3, 3, 3, 4],
      [TokenKind.NEWLINE, '', 3, 4, 3, 4],
      [TokenKind.DEDENT, '', 5, 0, 5, 0],
      [TokenKind.NAME, 'z', 5, 0, 5, 1],
      [TokenKind.NEWLINE, '', 5, 1, 5, 1],
      [TokenKind.ENDMARKER, '', 5, 2, 5, 2],
    ]);
  });

  it('normalises non-ASCII names with NFKC and keeps string text as written', () => {
    const toks = tokenize("ﬁ = 'ﬁ'\r\nx = '''a\r\nb'''\n", 'f.py');
    expect(toks[0]!.value).toBe('fi');
    expect(toks[2]!.value).toBe("'ﬁ'");
    // CPython reads CR LF as LF, inside strings too.
    expect(toks.find((t) => t.value.startsWith("'''"))!.value).toBe("'''a\nb'''");
  });

  it('reads each name as written when names repeat and the table of spellings grows', () => {
    // Names sharing prefixes and lengths (hash neighbours), each several times, past the table's first sizes.
    const names = Array.from({ length: 700 }, (_, i) => `n${i}${'_'.repeat(i % 3)}`);
    const source = [...names, ...names.slice().reverse(), ...names].map((n) => `${n} = ${n}\n`).join('');
    const values = tokenize(source, 'f.py').filter((t) => t.kind === TokenKind.NAME).map((t) => t.value);
    expect(values).toEqual([...names, ...names.slice().reverse(), ...names].flatMap((n) => [n, n]));
  });

  it('treats a BOM in a str source as CPython does: an invalid character (decodeSource drops a file\'s BOM)', () => {
    // ast.parse('\ufeffx = 1') raises "invalid non-printable character U+FEFF" at 1:1.
    const toks = tokenize('\ufeffx = 1', 'f.py');
    expect(tokenError(toks[0]!)).toMatchObject({ msg: 'invalid non-printable character U+FEFF', lineno: 1, offset: 1 });
  });

  it('counts byte columns after astral and escaped characters', () => {
    const toks = tokenize('\u{1F600}é = x # \udcf6\n', 'f.py');
    // Not valid identifiers: the tokenizer reports the first bad character.
    expect(toks[0]!.kind).toBe(TokenKind.ERRORTOKEN);
    const ok = tokenize("s = '\u{1F600}\udcf6é' + x\n", 'f.py');
    // The lone surrogate stands for one undecodable byte.
    expect(ok.find((t) => t.value === 'x')!.col_offset).toBe(4 + 1 + 4 + 1 + 2 + 1 + 3);
  });
});

describe('tokenize: where CPython reports parse errors on layout tokens', () => {
  // Each source fails in CPython's parser on the token given by its kind
  // (first occurrence): its location must follow from our token.
  const cases: [string, TokenKind][] = [
    ['x = 1 +\n', TokenKind.NEWLINE],
    ['x = 1 +', TokenKind.NEWLINE],
    ['x = 1 +   ', TokenKind.NEWLINE],
    ['x = 1 + # c\n', TokenKind.NEWLINE],
    ['x = 1 +  # c', TokenKind.NEWLINE],
    ['x = 1 +\r\n', TokenKind.NEWLINE],
    ['x\n  y\n', TokenKind.INDENT],
    ['x\n    # c\n  y\n', TokenKind.INDENT],
    ['  x\n', TokenKind.INDENT],
    ['  \\\nx\n', TokenKind.INDENT],
    ['if x:\n', TokenKind.ENDMARKER],
    ['if x:', TokenKind.ENDMARKER],
    ['if x:\n\n\n', TokenKind.ENDMARKER],
    ['if x:\n  # c\n', TokenKind.ENDMARKER],
    ['if x:\r\n', TokenKind.ENDMARKER],
  ];
  const expected = python<(ErrorFields | null)[]>(
    'errors',
    cases.map(([s]) => s),
  );
  cases.forEach(([src, kind], i) => {
    it(JSON.stringify(src), () => {
      const want = expected[i]!;
      expect(want).not.toBeNull();
      const tok = tokenize(src, 'f.py').find((t) => t.kind === kind)!;
      expect(tok.lineno).toBe(want[2]);
      if (kind === TokenKind.NEWLINE) {
        expect([tok.col_offset + 1, tok.end_col_offset + 1]).toEqual([want[3], want[5]]);
      } else {
        // CPython's column -1 tokens: the offset is the cursor column as is.
        expect(tok.col_offset).toBe(want[3]);
        expect(want[5]).toBe(-1);
      }
    });
  });
});

describe('tokenizerErrorOverridesParseError', () => {
  const errorToken = (src: string): Token => tokenize(src, 'f.py').at(-1)!;
  it('keeps errors CPython raises eagerly, defers the ones it reports by code', () => {
    expect(tokenizerErrorOverridesParseError(errorToken('x = 1abc\n'), 1)).toBe(true);
    expect(tokenizerErrorOverridesParseError(errorToken('if x:\n    y\n  z\n'), 1)).toBe(false);
    expect(tokenizerErrorOverridesParseError(errorToken('x = a \\ b\n'), 1)).toBe(false);
    expect(tokenizerErrorOverridesParseError(errorToken('x = (\n\n'), 1)).toBe(false);
    expect(tokenizerErrorOverridesParseError(errorToken('x = (\n\n'), 2)).toBe(true);
    expect(tokenizerErrorOverridesParseError(errorToken('x = 1\n'), 2)).toBe(false);
  });
});

describe('tokenize: the standard library', () => {
  const root = python<string>('stdlib');
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'site-packages' && e.name !== '__pycache__') walk(p);
      } else if (e.name.endsWith('.py')) files.push(p);
    }
  };
  walk(root);
  // Files CPython rejects: bad encodings (decodeSource throws), and these
  // two whose error comes from the tokenizer.
  const tokenizerRejects = ['badsyntax_3131.py', 'py2_test_grammar.py'];
  const decodeRejects = ['bad_coding.py', 'bad_coding2.py'];

  it('tokenizes every file, failing only where CPython does', () => {
    expect(files.length).toBeGreaterThan(1500);
    const failed: string[] = [];
    for (const f of files) {
      const base = f.slice(f.lastIndexOf('/') + 1);
      let text: string;
      try {
        text = decodeSource(readFileSync(f), f);
      } catch {
        failed.push(base);
        continue;
      }
      const toks = tokenize(text, f);
      if (toks.at(-1)!.kind !== TokenKind.ENDMARKER) failed.push(base);
    }
    expect(failed.sort()).toEqual([...tokenizerRejects, ...decodeRejects].sort());
  });

  it('puts names, numbers and strings where CPython does (every 25th file)', () => {
    const sample = files.filter(
      (f, i) => i % 25 === 0 && !/bad_coding|badsyntax|lib2to3\/tests\/data/.test(f),
    );
    const texts = sample.map((f) => decodeSource(readFileSync(f), f));
    const leaves = python<[string, string | null, number, number, number, number][][]>('leaves', texts);
    texts.forEach((t, i) => checkLeaves(t, leaves[i]!));
  });
});
