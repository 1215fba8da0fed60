/**
 * Every code point's properties and case mappings against python3, and the
 * tables of unicodeData.ts against the generator below (run it to
 * regenerate them: it prints the tables as JSON).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import * as data from './unicodeData.js';
import { isCaseIgnorableCp, isCasedCp, isTitleCp } from './chars.js';
import { str_capitalize, str_casefold, str_lower, str_swapcase, str_title, str_upper } from './case.js';
import {
  str_isalnum,
  str_isalpha,
  str_isdecimal,
  str_isdigit,
  str_isidentifier,
  str_islower,
  str_isnumeric,
  str_isprintable,
  str_isspace,
  str_istitle,
  str_isupper,
} from './predicates.js';

/** Generates unicodeData.ts's tables from CPython's own data. */
const GENERATOR = String.raw`
import unicodedata
def b36(n):
    s = '-' if n < 0 else ''
    n = abs(n); d = '0123456789abcdefghijklmnopqrstuvwxyz'; o = ''
    while True:
        o = d[n % 36] + o; n //= 36
        if n == 0: break
    return s + o
def ranges(pred):
    r = []; start = None
    for c in range(0x110000):
        p = pred(chr(c))
        if p and start is None: start = c
        if not p and start is not None: r.append((start, c - 1)); start = None
    if start is not None: r.append((start, 0x10ffff))
    return r
def enc_ranges(r):
    out = []; nxt = 0
    for a, b in r: out.append(b36(a - nxt) + ' ' + b36(b - a)); nxt = b + 1
    return ' '.join(out)
def enc_map(pairs):
    out = []; nxt = 0; i = 0
    while i < len(pairs):
        c, m = pairs[i]
        if len(m) == 1:
            d = ord(m) - c; j = i
            while j + 1 < len(pairs) and pairs[j+1][0] == pairs[j][0] + 1 and len(pairs[j+1][1]) == 1 and ord(pairs[j+1][1]) - pairs[j+1][0] == d: j += 1
            out.append(b36(c - nxt) + '.' + b36(j - i) + '.' + b36(d)); nxt = pairs[j][0] + 1; i = j + 1
        else:
            out.append(b36(c - nxt) + ':' + ','.join(b36(ord(x)) for x in m)); nxt = c + 1; i += 1
    return ' '.join(out)
T = {
    'NON_PRINTABLE': enc_ranges(ranges(lambda c: not c.isprintable())),
    'DIGIT_NOT_DECIMAL': enc_ranges(ranges(lambda c: c.isdigit() and not c.isdecimal())),
    'NUMERIC_NOT_N': enc_ranges(ranges(lambda c: c.isnumeric() and not unicodedata.category(c).startswith('N'))),
    'TITLE_MAP': enc_map([(c, chr(c).title()) for c in range(0x110000) if chr(c).title() != chr(c).upper()]),
    'FOLD_MAP': enc_map([(c, chr(c).casefold()) for c in range(0x110000) if chr(c).casefold() != chr(c).lower()]),
}
`;

/** Per code point answers: ranges of each predicate, and the mappings that change a character. */
const DUMP = String.raw`
import unicodedata
def ranges(pred):
    r = []; start = None
    for c in range(0x110000):
        p = pred(chr(c))
        if p and start is None: start = c
        if not p and start is not None: r.append((start, c - 1)); start = None
    if start is not None: r.append((start, 0x10ffff))
    return r
P = {
    'isprintable': ranges(str.isprintable), 'isalpha': ranges(str.isalpha), 'isdecimal': ranges(str.isdecimal),
    'isdigit': ranges(str.isdigit), 'isnumeric': ranges(str.isnumeric), 'isalnum': ranges(str.isalnum),
    'isspace': ranges(str.isspace), 'isupper': ranges(str.isupper), 'islower': ranges(str.islower),
    'istitle': ranges(str.istitle), 'isidentifier': ranges(str.isidentifier),
    'continues': ranges(lambda c: ('a' + c).isidentifier()),
    'Lt': ranges(lambda c: unicodedata.category(c) == 'Lt'),
    # Cased: a following letter is not title-cased. Case-ignorable: skipped when looking for a cased letter before a final sigma.
    'cased': ranges(lambda c: (c + 'a').title()[-1] == 'a'),
    'ignorable': ranges(lambda c: ('A' + c + '\u03a3').lower()[-1] == '\u03c2' and ('1' + c + '\u03a3').lower()[-1] != '\u03c2'),
}
M = {}
for name in ['upper', 'lower', 'title', 'casefold', 'capitalize', 'swapcase']:
    f = getattr(str, name)
    M[name] = [[c, f(chr(c))] for c in range(0x110000) if f(chr(c)) != chr(c)]
`;

function python(program: string, output: string): unknown {
  const r = spawnSync('python3', ['-X', 'utf8', '-c', `${program}\nimport json, sys\nsys.stdout.write(json.dumps(${output}))`], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const expected = python(`${GENERATOR}\n${DUMP}`, '[T, P, M]') as [
  Record<string, string>,
  Record<string, [number, number][]>,
  Record<string, [number, string][]>,
];
const [tables, props, maps] = expected;

function toBits(r: [number, number][]): Uint8Array {
  const bits = new Uint8Array(0x110000);
  for (const [a, b] of r) bits.fill(1, a, b + 1);
  return bits;
}

/** Code points where `ours` disagrees with Python's ranges (hex, at most 20). */
function disagreements(ranges: [number, number][], ours: (c: number) => boolean): string[] {
  const bits = toBits(ranges);
  const bad: string[] = [];
  for (let c = 0; c < 0x110000 && bad.length < 20; c++) {
    if (ours(c) !== (bits[c] === 1)) bad.push(`U+${c.toString(16)} python ${bits[c] === 1}`);
  }
  return bad;
}

describe('unicodeData.ts', () => {
  it('holds the tables the generator makes from python3', () => {
    for (const [name, value] of Object.entries(tables)) {
      expect((data as Record<string, string>)[name], name).toBe(value);
    }
  });
});

describe('character properties for every code point', () => {
  const ch = (c: number): string => String.fromCodePoint(c);
  const cases: [string, (c: number) => boolean][] = [
    ['isprintable', (c) => str_isprintable(ch(c))],
    ['isalpha', (c) => str_isalpha(ch(c))],
    ['isdecimal', (c) => str_isdecimal(ch(c))],
    ['isdigit', (c) => str_isdigit(ch(c))],
    ['isnumeric', (c) => str_isnumeric(ch(c))],
    ['isalnum', (c) => str_isalnum(ch(c))],
    ['isspace', (c) => str_isspace(ch(c))],
    ['isupper', (c) => str_isupper(ch(c))],
    ['islower', (c) => str_islower(ch(c))],
    ['istitle', (c) => str_istitle(ch(c))],
    ['isidentifier', (c) => str_isidentifier(ch(c))],
    ['continues', (c) => str_isidentifier('a' + ch(c))],
    ['Lt', isTitleCp],
    ['cased', isCasedCp],
    ['ignorable', isCaseIgnorableCp],
  ];
  for (const [name, f] of cases) {
    it(name, () => {
      expect(disagreements(props[name]!, f)).toEqual([]);
    });
  }
});

describe('case mappings for every code point', () => {
  const fns: Record<string, (s: string) => string> = {
    upper: str_upper,
    lower: str_lower,
    title: str_title,
    casefold: str_casefold,
    capitalize: str_capitalize,
    swapcase: str_swapcase,
  };
  for (const [name, f] of Object.entries(fns)) {
    it(name, () => {
      const want = new Map(maps[name]!);
      const bad: string[] = [];
      for (let c = 0; c < 0x110000 && bad.length < 20; c++) {
        const s = String.fromCodePoint(c);
        const expectedOut = want.get(c) ?? s;
        const got = f(s);
        if (got !== expectedOut) bad.push(`U+${c.toString(16)}: python ${JSON.stringify(expectedOut)}, ours ${JSON.stringify(got)}`);
      }
      expect(bad).toEqual([]);
    });
  }
});
