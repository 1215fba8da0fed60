/**
 * `\N{...}` name lookup against CPython 3.11: every character name of its
 * Unicode database (computed ones included), and probes for case, aliases,
 * named sequences and near misses, each resolved by CPython's own `\N{}`.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lookupUnicodeName } from './unicodeNames.js';

const ORACLE = String.raw`
import json, sys, unicodedata
names = []
for cp in range(0x110000):
    name = unicodedata.name(chr(cp), None)
    if name is not None:
        names.append([name, cp])
probes = {}
for probe in json.load(sys.stdin):
    try:
        value = eval('"\\N{%s}"' % probe)
        probes[probe] = ord(value)
    except SyntaxError:
        probes[probe] = -1
print(json.dumps({'names': names, 'probes': probes}))
`;

const PROBES = [
  'latin small letter a', 'Latin Small Letter A', 'LATIN SMALL LETTER A ', ' LATIN SMALL LETTER A', 'LATIN  SMALL LETTER A',
  'BYTE ORDER MARK', 'byte order mark', 'BOM', 'ZWNBSP', 'NULL', 'null', 'NUL', 'LINE FEED', 'LF', 'EM', 'END OF MEDIUM',
  'LATIN CAPITAL LETTER GHA', 'latin capital letter gha', 'LATIN CAPITAL LETTER OI',
  'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE', 'KEYCAP NUMBER SIGN',
  'ARABIC SMALL HIGH LIGATURE ALEF WITH YEH BARREE', 'SUNDANESE LETTER ARCHAIC I',
  'CJK UNIFIED IDEOGRAPH-4E00', 'CJK UNIFIED IDEOGRAPH-04E00', 'CJK UNIFIED IDEOGRAPH-4e00', 'cjk unified ideograph-4E00',
  'CJK UNIFIED IDEOGRAPH-4E0', 'CJK UNIFIED IDEOGRAPH-004E00', 'CJK UNIFIED IDEOGRAPH-3400', 'CJK UNIFIED IDEOGRAPH-33FF',
  'CJK UNIFIED IDEOGRAPH-2B738', 'CJK UNIFIED IDEOGRAPH-2B739', 'CJK UNIFIED IDEOGRAPH-3134A', 'CJK UNIFIED IDEOGRAPH-3134B',
  'CJK UNIFIED IDEOGRAPH-323AF', 'CJK UNIFIED IDEOGRAPH-F900', 'CJK COMPATIBILITY IDEOGRAPH-F900',
  'cjk compatibility ideograph-f900', 'TANGUT IDEOGRAPH-17000', 'KHITAN SMALL SCRIPT CHARACTER-18B00',
  'NUSHU CHARACTER-1B170', 'HANGUL SYLLABLE GA', 'HANGUL SYLLABLE GAG', 'HANGUL SYLLABLE GAGG', 'HANGUL SYLLABLE A',
  'HANGUL SYLLABLE HIH', 'HANGUL SYLLABLE ', 'HANGUL SYLLABLE', 'HANGUL SYLLABLE gag', 'hangul syllable GAG',
  'Hangul Syllable GA', 'HANGUL SYLLABLE GX', 'HANGUL SYLLABLE GAGGG', 'HANGUL SYLLABLE YI', 'HANGUL SYLLABLE YIH',
  'HANGUL CHOSEONG KIYEOK', 'é', 'LATIN SMALL LETTER É', '', 'DIGIT ONE\0',
];

describe('lookupUnicodeName', () => {
  const { names, probes } = JSON.parse(
    execFileSync('python3', ['-c', ORACLE], { input: JSON.stringify(PROBES), maxBuffer: 1 << 28 }).toString('utf8'),
  ) as { names: [string, number][]; probes: Record<string, number> };

  it('finds every name of CPython 3.11 database (Unicode 14.0.0)', () => {
    expect(names.length).toBeGreaterThan(130000);
    const wrong = names.filter(([name, cp]) => lookupUnicodeName(name) !== cp);
    expect(wrong).toEqual([]);
  });

  it('matches stored names in any case, computed names in upper case only', () => {
    const wrong = names.filter(([name, cp]) => {
      const computed = name.startsWith('CJK UNIFIED IDEOGRAPH-') || name.startsWith('HANGUL SYLLABLE ');
      return lookupUnicodeName(name.toLowerCase()) !== (computed ? -1 : cp);
    });
    expect(wrong).toEqual([]);
  });

  it('resolves aliases and refuses named sequences and near misses as CPython', () => {
    const ours = Object.fromEntries(PROBES.map((p) => [p, lookupUnicodeName(p)]));
    expect(ours).toEqual(probes);
  });
});
