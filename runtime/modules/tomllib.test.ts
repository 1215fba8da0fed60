/**
 * tomllib against python3's, differentially: every document of the corpus
 * is read by both, and the repr of the result, or the exception's type and
 * message (with its "(at line N, column M)"), must be the same. One python3
 * process answers the whole corpus. The corpus is split into documents
 * that are valid TOML and documents that are not, and python3 is also held
 * to that split, so a case cannot silently test the wrong thing.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import '../index.js';
import * as tomllib from './tomllib.js';
import { Decimal } from './decimal.js';
import { repr, str } from '../builtins/repr.js';
import { call } from '../builtins/calls.js';
import { BaseException } from '../builtins/exceptions.js';
import { PyDict } from '../builtins/dict.js';
import { PyTuple } from '../builtins/values.js';
import { float, int, str as pyStr } from '../builtins/functions.js';
import { pyFunction } from './support/pydef.js';

/** From the TOML 1.0 specification's examples and the corners of each rule. */
const VALID: string[] = [
  '',
  '  \n\t\n',
  '# only a comment',
  '# This is a full-line comment\nkey = "value"  # This is a comment at the end of a line\nanother = "# This is not a comment"',
  'key = "value"\nbare_key = "value"\nbare-key = "value"\n1234 = "value"\n-1 = 1\n_ = 2\n0x10 = 3',
  '"127.0.0.1" = "value"\n"character encoding" = "value"\n"ʎǝʞ" = "value"\n\'key2\' = "value"\n\'quoted "value"\' = "value"',
  '"" = "blank"',
  "'' = 'blank'",
  'name = "Orange"\nphysical.color = "orange"\nphysical.shape = "round"\nsite."google.com" = true',
  'fruit.name = "banana"\nfruit. color = "yellow"\nfruit . flavor = "banana"',
  'apple.type = "fruit"\norange.type = "fruit"\napple.skin = "thin"\norange.skin = "thick"',
  '3.14159 = "pi"',
  'a.\'b\'."c" = 1\na."b.c" = 2',
  'str = "I\'m a string. \\"You can quote me\\". Name\\tJos\\u00E9\\nLocation\\tSF."',
  'esc = "\\b\\t\\n\\f\\r\\"\\\\ \\u0000 \\U0001F600 \\u00e9 \\uFFFF"',
  'str1 = """\nRoses are red\nViolets are blue"""',
  'str2 = """\nThe quick brown \\\n\n\n  fox jumps over \\\n    the lazy dog."""',
  'str3 = """\\\n       The quick brown \\\n       fox jumps over \\\n       the lazy dog.\\\n       """',
  'a = """a\\   \n\n   b"""\nb = """x\\\t\n y"""\nc = """\\\n  \n  x"""',
  'str4 = """Here are two quotation marks: "". Simple enough."""\nstr5 = """Here are three quotation marks: ""\\"."""\nstr6 = """Here are fifteen quotation marks: ""\\"""\\"""\\"""\\"""\\"."""',
  'str7 = """"This," she said, "is just a pointless statement.""""',
  'a = """x""""\nb = """x"""""',
  'a = """"""\nb = \'\'\'\'\'\'\nc = """\n"""\nd = \'\'\'\n\'\'\'',
  "winpath  = 'C:\\Users\\nodejs\\templates'\nwinpath2 = '\\\\ServerX\\admin$\\system32\\'\nquoted   = 'Tom \"Dubs\" Preston-Werner'\nregex    = '<\\i\\c*\\s*>'",
  "regex2 = '''I [dw]on't need \\d{2} apples'''\nlines  = '''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n'''",
  "quot15 = '''Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"'''\napos15 = \"Here are fifteen apostrophes: '''''''''''''''\"\nstr = ''''That,' she said, 'is still pointless.''''",
  "a = '''x''''\nb = '''x'''''",
  'a = "x\ty"\nb = \'x\ty\'\nc = """x\ty"""\nd = \'\'\'x\ty\'\'\'',
  'a = "😀"\n"😀" = 1\nb = "\\U0001F600\\u00e9"\nc = \'ünï\'',
  'int1 = +99\nint2 = 42\nint3 = 0\nint4 = -17\nint5 = 1_000\nint6 = 5_349_221\nint7 = 53_49_221\nint8 = 1_2_3_4_5\nint9 = -0\nint10 = +0',
  'hex1 = 0xDEADBEEF\nhex2 = 0xdeadbeef\nhex3 = 0xdead_beef\noct1 = 0o01234567\noct2 = 0o755\nbin1 = 0b11010110\nbin2 = 0b0\nhex4 = 0x0',
  'a = 9223372036854775807\nb = -9223372036854775808\nc = 123456789012345678901234567890\nd = 0xFFFFFFFFFFFFFFFFFFFF\ne = 9007199254740993\nf = 999999999999999\ng = 9999999999999999\nh = -1_000_000_000_000_000_000',
  'flt1 = +1.0\nflt2 = 3.1415\nflt3 = -0.01\nflt4 = 5e+22\nflt5 = 1e06\nflt6 = -2E-2\nflt7 = 6.626e-34\nflt8 = 224_617.445_991_228',
  'z1 = 0.0\nz2 = -0.0\nz3 = +0.0\ne0 = 0e0\nbig = 1e400\ntiny = 1e-400\nf = 1_0.0_1e1_0\ng = 0.1\nh = 12345678901234567890.5',
  'sf1 = inf\nsf2 = +inf\nsf3 = -inf\nsf4 = nan\nsf5 = +nan\nsf6 = -nan',
  'bool1 = true\nbool2 = false',
  'odt1 = 1979-05-27T07:32:00Z\nodt2 = 1979-05-27T00:32:00-07:00\nodt3 = 1979-05-27T00:32:00.999999-07:00\nodt4 = 1979-05-27 07:32:00Z',
  'odt5 = 1979-05-27t07:32:00z\nodt6 = 1979-05-27T07:32:00+00:00\nodt7 = 1979-05-27T07:32:00-00:00\nodt8 = 2000-01-01T00:00:00+23:59\nodt9 = 2000-01-01T00:00:00-23:59\nodt10 = 1979-05-27T07:32:00+05:30',
  'ldt1 = 1979-05-27T07:32:00\nldt2 = 1979-05-27T00:32:00.999999\nldt3 = 1979-05-27T00:32:00.5\nldt4 = 1979-05-27T00:32:00.1234567891\nldt5 = 0001-01-01T00:00:00\nldt6 = 9999-12-31T23:59:59.999999',
  'ld1 = 1979-05-27\nlt1 = 07:32:00\nlt2 = 00:32:00.999999\nlt3 = 23:59:59.1\nlt4 = 00:00:00.000001',
  'a = 2024-02-29\nb = 2000-02-29T12:00:00\nc = 1979-05-27 \nd = [1979-05-27, 07:32:00, 1979-05-27T07:32:00Z]',
  'integers = [ 1, 2, 3 ]\ncolors = [ "red", "yellow", "green" ]\nnested_arrays_of_ints = [ [ 1, 2 ], [3, 4, 5] ]\nnested_mixed_array = [ [ 1, 2 ], ["a", "b", "c"] ]',
  'string_array = [ "all", \'strings\', """are the same""", \'\'\'type\'\'\' ]\nnumbers = [ 0.1, 0.2, 0.5, 1, 2, 5 ]\ncontributors = [\n  "Foo Bar <foo@example.com>",\n  { name = "Baz Qux", email = "bazqux@example.com", url = "https://example.com/bazqux" }\n]',
  'integers2 = [\n  1, 2, 3\n]\n\nintegers3 = [\n  1,\n  2, # this is ok\n]\nempty = [ ]\nempty2 = [\n# c\n]\nempty3 = []',
  'a = [ # c1\n  # c2\n  1 # c3\n  , # c4\n  2 # c5\n] # c6',
  '[table-1]\nkey1 = "some string"\nkey2 = 123\n\n[table-2]\nkey1 = "another string"\nkey2 = 456',
  '[dog."tater.man"]\ntype.name = "pug"',
  '[a.b.c]            # this is best practice\n[ d.e.f ]          # same as [d.e.f]\n[ g .  h  . i ]    # same as [g.h.i]\n[ j . "ʞ" . \'l\' ]  # same as [j."ʞ".\'l\']',
  '# [x] you\n# [x.y] don\'t\n# [x.y.z] need these\n[x.y.z.w] # for this to work\n\n[x] # defining a super-table afterward is ok',
  '[fruit]\napple.color = "red"\napple.taste.sweet = true\n\n[fruit.apple.texture]  # you can add sub-tables\nsmooth = true',
  '# Top-level table begins.\nname = "Fido"\nbreed = "pug"\n\n# Top-level table ends.\n[owner]\nname = "Regina Dogman"\nmember_since = 1999-08-04',
  'name = { first = "Tom", last = "Preston-Werner" }\npoint = { x = 1, y = 2 }\nanimal = { type.name = "pug" }\nempty = {}\nempty2 = {   }',
  'nested = { a = { b = { c = 1 } }, d = [1, {e = 2}], "q k" = \'v\' }\nx = {a.b = 1, a.c = 2, d = 3}',
  '[[products]]\nname = "Hammer"\nsku = 738594937\n\n[[products]]  # empty table within the array\n\n[[products]]\nname = "Nail"\nsku = 284758393\n\ncolor = "gray"',
  '[[fruits]]\nname = "apple"\n\n[fruits.physical]  # subtable\ncolor = "red"\nshape = "round"\n\n[[fruits.varieties]]  # nested array of tables\nname = "red delicious"\n\n[[fruits.varieties]]\nname = "granny smith"\n\n\n[[fruits]]\nname = "banana"\n\n[[fruits.varieties]]\nname = "plantain"',
  'points = [ { x = 1, y = 2, z = 3 },\n           { x = 7, y = 8, z = 9 },\n           { x = 2, y = 4, z = 8 } ]',
  '[[a]]\n[a.b]\nx = 1\n[[a]]\n[a.b]\nx = 2',
  '[[a]]\nb = []\n[[a]]\n[a.b.c]',
  '[a]\nb.c = 1\n[a.d]\ne = 1',
  '[a]\nb.c = 1\n[x]\n[a.b.d]',
  '[a.b]\nc = 1\n[a]\nd = 2',
  '[[ a ]]\nb = 1\n[[ a . c ]]\nd = 2',
  'a = 1\r\nb = """x\r\ny"""\r\n[t]\r\nc = 2\r\n',
  '\ta = 1 \t# tab\n\t[t]\t\n\tb = 2',
  'title = "TOML Example"\n\n[owner]\nname = "Tom Preston-Werner"\ndob = 1979-05-27T07:32:00-08:00\n\n[database]\nenabled = true\nports = [ 8000, 8001, 8002 ]\ndata = [ ["delta", "phi"], [3.14] ]\ntemp_targets = { cpu = 79.5, case = 72.0 }\n\n[servers]\n\n[servers.alpha]\nip = "10.0.0.1"\nrole = "frontend"\n\n[servers.beta]\nip = "10.0.0.2"\nrole = "backend"',
  'a = true',
  'a = 1979-05-27T07:32:00.1Z\nb = 1979-05-27 07:32:00.123+01:00\nc = 1979-05-27T07:32:00.999999999999',
  '[[a.b]]\n[a]\nc = 1',
  'a.b.c = 1\na.b.d = 2\n[a.b.e]',
  'a = { }\nb = {a=1}\nc = {a=[]}\nd = [1, [2, [3, [4]]]]\ne = -0.0e-0\nf = 1_000e1_0',
  'a."" = 1\n""."" = 2\n[""."x"]\nb = 3',
  '[[a]]\nb = 1\n[[a]]\nb = 2\n[a.c]\nd = 3',
  '"\ud800" = \'\udfff\'',
];

const INVALID: string[] = [
  'a = 1\na = 2',
  '[a]\n[a]',
  '[a]\nb = 1\n[a.b]',
  '[a.b]\n[a]\nb.c=1',
  'a.b = 1\n[a]',
  '[a]\nb.c = 1\n[a.b]',
  'a = {}\n[a]',
  'a = {}\na.b = 1',
  'a = {b = 1}\n[a.c]',
  'a = {b = 1}\n[a.c.d]',
  'a = []\n[[a]]',
  'a = [{}]\n[[a]]',
  'a = []\na.b = 1',
  'a = 1\n[[a]]',
  'a = 1\n[a]',
  'a = 1\n[a.b]',
  '[[a]]\n[a]',
  '[a]\n[[a]]',
  '[a.b]\n[[a]]',
  'a.b = 1\na = 2',
  'a = 2\na.b = 1',
  'a.b = 1\na.b = 2',
  'a.b.c = 1\na.b = 2',
  '[a]\nb = 1\n[a]\nc = 2',
  '[x]\na.b = 1\n[y]\n[x]',
  '[x]\na.b = 1\n[y]\n[x.a]',
  '[x]\na.b = 1\n[y]\n[x.a.b]',
  '[[a]]\nb.c = 1\n[a.b]',
  'a = {b = 1, b = 2}',
  'a = {b.c = 1, b = 2}',
  'a = {b = 1, b.c = 2}',
  'a = {x = {y = 1}, x.z = 2}',
  'a = {x = [1], x.z = 2}',
  'a = {x = [1], x = 2}',
  'a = {b = 1,}',
  'a = {b = 1\n}',
  'a = {\nb = 1}',
  'a = {b = 1 c = 2}',
  'a = {b = 1',
  'a = {',
  'a = [1 2]',
  'a = [1,2',
  'a = [',
  'a = [,]',
  'a = [1,,2]',
  'a = "abc',
  'a = "ab\nc"',
  'a = "\\q"',
  'a = "\\u12"',
  'a = "\\u12G4"',
  'a = "\\uD800"',
  'a = "\\U00110000"',
  'a = "\\UFFFFFFFF"',
  'a = "\\x41"',
  'a = "\\',
  'a = "\\ "',
  'a = "\\\n"',
  'a = "a\x00b"',
  'a = "\x7f"',
  'a = """abc',
  'a = """a\\ b"""',
  'a = """a\\  ',
  'a = """a\x01"""',
  'a = """\\u00"""',
  "a = 'abc",
  "a = 'abc\nb = 'x'",
  "a = '''abc",
  "a = '''a\x00'''",
  "a = 'a\rb'",
  'a = "a\rb"',
  "a = '''x''''''",
  'a = """x""""""',
  'x',
  '= 1',
  'a =',
  'a',
  'a b = 1',
  '"a\nb" = 1',
  "'a\nb' = 1",
  'a.=1',
  '.a = 1',
  'a..b = 1',
  'a = 1 b = 2',
  'a = 1 # \x00',
  'a = 1\r',
  'a = 1\rb=2',
  '# c\x7f',
  'a = 1\n\x00',
  '{a = 1}',
  ']',
  '!',
  '"""c""" = 3',
  '[a',
  '[a]]',
  '[[a]',
  '[[a] ]',
  '[]',
  '[[]]',
  '[a\n]',
  '[a] b = 1',
  '[a.]',
  '[a]\n[a.b.]',
  '[ [ a ] ]\nb = 1',
  'a = 0x',
  'a = 1__2',
  'a = 1.',
  'a = +0x1',
  'a = 01',
  'a = 00',
  'a = 1_',
  'a = _1',
  'a = 1e',
  'a = 1e_1',
  'a = 1.e1',
  'a = .5',
  'a = 0b2',
  'a = 0o8',
  'a = 0xG',
  'a = 1.5.6',
  'a = 1e5e5',
  'a = --1',
  'a = infinity',
  'a = +-inf',
  'a = Inf',
  'a = NaN',
  'a = 0X1',
  'a = -0b1',
  'a = 0_1',
  'a = 2021-02-30',
  'a=0000-01-01',
  'a = 2023-02-29',
  'a = 1979-05-27 07:32',
  'a = 24:00:00',
  'a = 1979-13-01',
  'a = 1979-05-32',
  'a = 1979-05-27T07:32:60',
  'a = 1979-05-27T07:32:00+24:00',
  'a = 1979-05-27T07:32:00+05',
  'a = 07:32',
  'a = 7:32:00',
  'a = 1979-5-27',
  'a = 1979-05-27T07:32:00.',
  'a = 1979-05-27T',
  'a = 2021-02-30T25:00:00',
  'a = [2021-02-30]',
  'a = 2021-02-30T07:32:00Z',
  'a = tru',
  'a = True',
  'a = falsey',
  'a = "x" "y"',
  'a = }',
  'a = ]',
  '"😀" = 1\n"😀😀" = x',
  'a = "😀\x01"',
  '[😀]',
  'a = 1\n\n\n  b = 2\n  b = 3',
  '[a."b.c"]\n[a."b.c"]',
  '["it\'s"]\n["it\'s"]',
  'a = {b = {c = 1}}\na.b.d = 2',
  'a.b = {c = 1}\na.b.d = 2',
  '[a]\nb = {c = 1}\n[a.b.d]',
  'a = [{b = 1}]\n[a.c]',
  'a = {b.c = 1, b.d.e = 2, b.d = 3}',
  '[a]\n[[a.b]]\n[[a.b]]\n[a.b.c]\n[a.b.c]',
  '[a.b.c]\n[a.b]\n[a]\n[a.b]',
  'a = 1e+',
  'a = 1e+5_',
  'a = 0.1e',
  'a = 99.',
  'a = 2000-01-01T00:00:00Z1',
  'a = 2000-01-01T00:00:00+01:0',
  'a = [1]\n[[a.b]]',
  'a.b = [1]\n[[a.b]]',
  '[[a]]\n[a.b]\n[[a.b]]',
  'a = "\\U0001F600',
  '"\ud800" = 1\n"\ud800" = 2',
  'a = "\\😀"',
  '😀 = 1',
  'a = 😀',
  '"😀" = 1 x',
  'x = "😀" # 😀 \x01',
];

const PY_SCRIPT = `
import json, sys, tomllib
def outcome(f):
    try:
        return repr(f())
    except Exception as e:
        return f"{type(e).__name__}: {e}"
docs = json.loads(sys.stdin.read())
print(json.dumps([outcome(lambda: tomllib.loads(d)) for d in docs]))
`;

function python(script: string, input: unknown): string[] {
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as string[];
}

function outcome(f: () => unknown): string {
  try {
    return repr(f());
  } catch (e) {
    if (!(e instanceof BaseException)) throw e;
    return `${(e.constructor as unknown as { __name__: string }).__name__}: ${str(e)}`;
  }
}

const loads = tomllib.loads as unknown;

describe('tomllib.loads', () => {
  const docs = [...VALID, ...INVALID];
  const expected = python(PY_SCRIPT, docs);

  it('reads what python3 reads, and fails where and as it fails', () => {
    const got = docs.map((d) => outcome(() => call(loads, [d], null)));
    const differing = docs.map((doc, i) => ({ doc, got: got[i], expected: expected[i] })).filter((c) => c.got !== c.expected);
    expect(differing).toEqual([]);
  });

  it('has valid and invalid documents where python3 says so', () => {
    const failed = expected.map((r) => /^\w+: /.test(r));
    expect(VALID.filter((_, i) => failed[i])).toEqual([]);
    expect(INVALID.filter((_, i) => !failed[VALID.length + i])).toEqual([]);
  });

  it('applies parse_float and checks its result as CPython does', () => {
    const doc = 'a = 1.5\nb = [2.5, inf, -nan, +inf]\nc = 1_0.0_1\nd = 1e3\ne = 3\nf = {g = -0.0}';
    const makers = ['float', 'Decimal', 'str', 'lambda s: [s]', 'lambda s: {}', 'lambda s: (s,)', 'int', 'None'];
    const script = `
import json, sys, tomllib
from decimal import Decimal
def outcome(f):
    try:
        return repr(f())
    except Exception as e:
        return f"{type(e).__name__}: {e}"
print(json.dumps([outcome(lambda: tomllib.loads(${JSON.stringify(doc)}, parse_float=eval(m))) for m in json.loads(sys.stdin.read())]))
`;
    const ours: Record<string, unknown> = {
      float,
      Decimal,
      str: pyStr,
      'lambda s: [s]': pyFunction('s', '<lambda>', '__main__', (s: unknown) => [s]),
      'lambda s: {}': pyFunction('s', '<lambda>', '__main__', () => new PyDict()),
      'lambda s: (s,)': pyFunction('s', '<lambda>', '__main__', (s: unknown) => PyTuple.of(s)),
      int,
      None: null,
    };
    const got = makers.map((m) => outcome(() => call(loads, [doc], { parse_float: ours[m] })));
    expect(got).toEqual(python(script, makers));
  });

  it('gives a long decimal integer through int(), whose digit limit applies', () => {
    const docs = [`a = ${'7'.repeat(4300)}`, `a = -${'1'.repeat(4301)}`, `a = 0x${'f'.repeat(5000)}`];
    const summary = `
import json, sys, tomllib
out = []
for d in json.loads(sys.stdin.read()):
    try:
        v = tomllib.loads(d)["a"]
        out.append(f"{v % 1000003} {v.bit_length()}")
    except Exception as e:
        out.append(f"{type(e).__name__}: {e}")
print(json.dumps(out))
`;
    const got = docs.map((d) => {
      try {
        const v = BigInt((call(loads, [d], null) as PyDict<string, unknown>).$get('a') as bigint);
        const r = ((v % 1000003n) + 1000003n) % 1000003n;
        return `${r} ${(v < 0n ? -v : v).toString(2).length}`;
      } catch (e) {
        if (!(e instanceof BaseException)) throw e;
        return `${(e.constructor as unknown as { __name__: string }).__name__}: ${str(e)}`;
      }
    });
    expect(got).toEqual(python(summary, docs));
  });
});
