/**
 * `unicodedata` against CPython 3.11 on every code point, for the module's
 * functions (Unicode 14.0.0) and for `ucd_3_2_0`'s methods: one python3
 * process dumps, for each database, each property (run-length coded),
 * every name, numeric value, decomposition and the normalizations that
 * change a character, and answers for the multi-character strings and name
 * probes sent to it; ours must give the same everywhere.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PyFloat, floatValue, isFloat } from '../builtins/values.js';
import { Prng } from '../../tests/support/prng.js';
import { KeyError } from '../builtins/exceptions.js';
import * as ud from './unicodedata.js';
import { ALIASES, NAMED_SEQUENCES } from './support/unicodedata/names.js';
import { quickCheckYes, type Form } from './support/unicodedata/normalization.js';

const ORACLE = String.raw`
import itertools, json, sys, unicodedata as u
inp = json.load(sys.stdin)
MAX = 0x110000
chars = [chr(cp) for cp in range(MAX)]
def rle(values):
    return [[k, len(list(g))] for k, g in itertools.groupby(values)]
def dump(u, quick):
    out = {}
    for prop in ['category', 'bidirectional', 'combining', 'east_asian_width', 'mirrored']:
        out[prop] = rle(map(getattr(u, prop), chars))
    out['decomposition'] = [[cp, d] for cp, d in enumerate(map(u.decomposition, chars)) if d]
    out['name'] = [[cp, n] for cp, n in enumerate(u.name(c, None) for c in chars) if n is not None]
    out['numeric'] = [[cp, u.decimal(c, None), u.digit(c, None), u.numeric(c, None)] for cp, c in enumerate(chars)
                      if u.numeric(c, None) is not None or u.digit(c, None) is not None]
    forms = ['NFC', 'NFD', 'NFKC', 'NFKD']
    out['normalize'] = {f: [[cp, r] for cp, r in enumerate(u.normalize(f, c) for c in chars) if r != chars[cp]] for f in forms}
    if quick:
        out['quick'] = {f: rle(u.normalize(f, c) is c for c in chars) for f in forms}
    out['strings'] = [[[u.normalize(f, s), u.is_normalized(f, s)] for f in forms] for s in inp['strings']]
    def lookup(name):
        try:
            return {'value': u.lookup(name)}
        except KeyError as e:
            return {'KeyError': e.args[0]}
    out['lookup'] = [lookup(n) for n in inp['names']]
    return out
out = {'14.0.0': dump(u, True), '3.2.0': dump(u.ucd_3_2_0, False)}
sys.stdout.write(json.dumps(out))
`;

const FORMS: Form[] = ['NFC', 'NFD', 'NFKC', 'NFKD'];
const MAX = 0x110000;

/** Characters that make normalization interesting: decomposable, combining, composing, Hangul jamo and syllables. */
function interestingChars(): string[] {
  const out: string[] = [];
  for (let cp = 0; cp < 0x30000; cp++) {
    const c = String.fromCodePoint(cp);
    if ((cp >= 0xd800 && cp <= 0xdfff) || ud.category(c) === 'Cn') continue;
    if (ud.decomposition(c) !== '' || ud.combining(c) !== 0 || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0xac00 && cp <= 0xac60)) out.push(c);
  }
  return out;
}

/** Fixed cases, then random strings of interesting characters mixed with ASCII letters. */
function multiCharacterStrings(): string[] {
  const fixed = [
    '', 'abc', 'A\u0300', 'a\u0301\u0327', 'a\u0327\u0301', 'e\u0302\u0323', 'e\u0323\u0302', '\u1100\u1161\u11a8', '\uac00\u11a8',
    '\u1100\uac00', '\u1100\u1161\u0301\u11a8', '\u0344', '\u0f73\u0f75', '\u0958\u093c', 'A\u030a\u0301', '\u212b\u0301',
    '\u0301a', '\u0301\u0300', 'Q\u0323\u0307\u0300', '\ufb01\u0301', '\u1e9b\u0323', 'x\u0301', '\u00e0\u0316', '\u0061\u0315\u0300\u05ae\u0300\u0062',
    '\ud800', '\ud800\u0301', '\u{1d15e}\u{1d165}', '\u{110a5}\u{110ba}', '\u{11099}\u{110ba}', '\u05b8\u05b9\u05b1\u0591\u05c3\u05b0\u05ac\u059f',
    '\u0b47\u0300\u0b3e', '\u1025\u102e', '\u{1e2ad}a\u0301', '\u{16ff0}\u0301', '\u0d4a\u0d3e', '\u0dd9\u0dcf\u0dca', 'Ǆ\u030c', '\uac00\u11a8',
  ];
  const pool = interestingChars();
  const random = new Prng(0x1eaf);
  const strings = [...fixed];
  for (let i = 0; i < 4000; i++) {
    let s = '';
    const n = random.range(1, 7);
    for (let j = 0; j < n; j++) s += random.chance(0.2) ? random.pick(['a', 'e', 'A', 'E']) : random.pick(pool);
    strings.push(s);
  }
  return strings;
}

function nameProbes(): string[] {
  const aliases = ALIASES.split('|').map((a) => a.slice(0, a.indexOf('=')));
  const sequences = NAMED_SEQUENCES.split('|').map((a) => a.slice(0, a.indexOf('=')));
  return [
    ...aliases, ...aliases.map((n) => n.toLowerCase()), ...sequences, ...sequences.map((n) => n.toLowerCase()),
    'latin small letter a', 'LATIN SMALL LETTER A ', 'LATIN  SMALL LETTER A', 'CJK UNIFIED IDEOGRAPH-4E00', 'CJK UNIFIED IDEOGRAPH-04E00',
    'cjk unified ideograph-4E00', 'CJK UNIFIED IDEOGRAPH-4e00', 'CJK UNIFIED IDEOGRAPH-3134B', 'CJK COMPATIBILITY IDEOGRAPH-F900',
    'cjk compatibility ideograph-f900', 'CJK COMPATIBILITY IDEOGRAPH-0F900', 'CJK COMPATIBILITY IDEOGRAPH-FA6E', 'NUSHU CHARACTER-1B170',
    'nushu character-1b2fb', 'NUSHU CHARACTER-1B2FC', 'KHITAN SMALL SCRIPT CHARACTER-18CD5', 'KHITAN SMALL SCRIPT CHARACTER-18CD6',
    'TANGUT IDEOGRAPH-17000', 'HANGUL SYLLABLE GAG', 'hangul syllable GAG', 'HANGUL SYLLABLE gag', 'HANGUL SYLLABLE YI', 'HANGUL SYLLABLE ',
    'é', 'LATIN SMALL LETTER É', '', 'DIGIT ONE\0', 'A\0B', 'NULL', 'BOM', 'bom', 'GRINNING FACE', 'grinning face', 'x'.repeat(256),
  ];
}

/** Expands [value, count] runs into one value per code point. */
function expand<V>(runs: [V, number][]): V[] {
  const out: V[] = [];
  for (const [v, n] of runs) for (let i = 0; i < n; i++) out.push(v);
  return out;
}

/** The value or the KeyError's message, as the oracle writes them. */
function outcome(f: () => unknown): unknown {
  try {
    return { value: f() };
  } catch (e) {
    if (e instanceof KeyError) return { KeyError: e.args[0] };
    throw e;
  }
}

interface Dump {
  category: [string, number][];
  bidirectional: [string, number][];
  combining: [number, number][];
  east_asian_width: [string, number][];
  mirrored: [number, number][];
  decomposition: [number, string][];
  name: [number, string][];
  numeric: [number, number | null, number | null, number | null][];
  normalize: Record<Form, [number, string][]>;
  quick?: Record<Form, [boolean, number][]>;
  strings: [string, boolean][][];
  lookup: unknown[];
}

type Functions = Pick<
  typeof ud,
  'category' | 'bidirectional' | 'combining' | 'east_asian_width' | 'mirrored' | 'decomposition' | 'name' | 'decimal' | 'digit' |
  'numeric' | 'lookup' | 'normalize' | 'is_normalized'
>;

const strings = multiCharacterStrings();
const names = nameProbes();
const oracle = JSON.parse(
  execFileSync('python3', ['-c', ORACLE], { input: JSON.stringify({ strings, names }), maxBuffer: 1 << 30 }).toString('utf8'),
) as Record<'14.0.0' | '3.2.0', Dump>;
const chars = Array.from({ length: MAX }, (_, cp) => String.fromCodePoint(cp));

describe.each([
  ['14.0.0', ud as Functions],
  ['3.2.0', ud.ucd_3_2_0 as unknown as Functions],
] as const)('unicodedata %s against CPython 3.11', (version, f) => {
  const expected = oracle[version];

  it.each(['category', 'bidirectional', 'combining', 'east_asian_width', 'mirrored'] as const)('%s of every code point', (prop) => {
    const want = expand<unknown>(expected[prop]);
    const get = (c: string): unknown => f[prop](c);
    const wrong: string[] = [];
    for (let cp = 0; cp < MAX; cp++) {
      const got = get(chars[cp]!);
      if (got !== want[cp] && wrong.push(`U+${cp.toString(16)}: ${String(got)} != ${String(want[cp])}`) > 20) break;
    }
    expect(wrong).toEqual([]);
  });

  it('decomposition of every code point', () => {
    const want = new Map(expected.decomposition);
    const wrong = chars.filter((c, cp) => f.decomposition(c) !== (want.get(cp) ?? '')).slice(0, 20);
    expect(wrong).toEqual([]);
  });

  it('name of every code point, and lookup of every name', () => {
    const want = new Map(expected.name);
    expect(want.size).toBeGreaterThan(version === '3.2.0' ? 90000 : 130000);
    const wrong = chars.filter((c, cp) => f.name(c, null) !== (want.get(cp) ?? null)).slice(0, 20);
    expect(wrong).toEqual([]);
    const unfound = expected.name.filter(([cp, n]) => f.lookup(n) !== chars[cp]).slice(0, 20);
    expect(unfound).toEqual([]);
  });

  it('lookup of aliases, named sequences, other cases and near misses', () => {
    const ours = names.map((n) => outcome(() => f.lookup(n)));
    expect(ours).toEqual(expected.lookup);
  });

  it('decimal, digit and numeric of every code point', () => {
    const want = new Map(expected.numeric.map(([cp, ...values]) => [cp, values]));
    const wrong: unknown[] = [];
    for (let cp = 0; cp < MAX && wrong.length < 20; cp++) {
      const c = chars[cp]!;
      const numeric = f.numeric(c, null);
      const isFloatValue = numeric === null || isFloat(numeric);
      const got = [f.decimal(c, null), f.digit(c, null), numeric === null || !isFloatValue ? numeric : floatValue(numeric as number | PyFloat)];
      // CPython's numeric is always a float: an integral value must be one too (0.0 as -0, others boxed).
      if (got.some((v, i) => v !== (want.get(cp) ?? [null, null, null])[i]) || !isFloatValue) wrong.push([cp, got, want.get(cp)]);
    }
    expect(wrong).toEqual([]);
  });

  it.each(FORMS)('normalize(%s) of every code point, and the quick check', (form) => {
    const want = new Map(expected.normalize[form]);
    const quick = expected.quick === undefined ? null : expand(expected.quick[form]);
    const wrong: unknown[] = [];
    for (let cp = 0; cp < MAX && wrong.length < 20; cp++) {
      const c = chars[cp]!;
      const got = f.normalize(form, c);
      // CPython hands back the argument itself exactly when its quick check says yes (3.2.0 has none).
      if (got !== (want.get(cp) ?? c) || (quick !== null && quickCheckYes(form, c) !== quick[cp])) {
        wrong.push([cp.toString(16), got, want.get(cp), quick?.[cp]]);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('normalize and is_normalized of multi-character strings', () => {
    const ours = strings.map((s) => FORMS.map((form) => [f.normalize(form, s), f.is_normalized(form, s)]));
    const wrong = strings.map((s, i) => [s, ours[i], expected.strings[i]]).filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b));
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});
