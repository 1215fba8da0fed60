/**
 * The re module against python3's, differentially: every pattern of the
 * corpus is compiled with its flags and run on every subject (search,
 * match, fullmatch spans with lastindex, findall, sub with a template,
 * split), and bad patterns must raise CPython's error at CPython's
 * position. One python3 process answers all the cases (as reprs).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import '../index.js';
import * as re from './re.js';
import { repr } from '../builtins/repr.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { BaseException } from '../builtins/exceptions.js';
import { useRegExpTranslations, useStacklessRepeats } from './support/re/engine.js';

type Fn = (...args: unknown[]) => unknown;
const R = re as unknown as Record<string, Fn>;

const I = 2;
const M = 8;
const S = 16;
const X = 64;
const A = 256;

/** [pattern, flags]; each runs on every subject. */
const PATTERNS: [string, number][] = [
  ['a', 0], ['abc', 0], ['a|b|c', 0], ['a*', 0], ['a+', 0], ['a?', 0], ['a*?', 0], ['a+?', 0], ['a??', 0], ['a{2}', 0], ['a{2,}', 0],
  ['a{,2}', 0], ['a{1,2}', 0], ['a{1,2}?', 0], ['a{2,3}b', 0], ['x{', 0], ['x{1', 0], ['x{a}', 0], ['{', 0], ['a{}', 0], ['.', 0], ['.', S], ['.+', 0],
  ['.+', S], ['.*$', 0], ['.*$', M], ['^', 0], ['^', M], ['$', 0], ['$', M], ['^.*$', M], ['^$', M], ['\\A', 0], ['\\Z', 0], ['\\A\\w+', M],
  ['\\w+\\Z', 0], ['\\w+$', 0], ['\\b', 0], ['\\B', 0], ['\\b\\w+\\b', 0], ['\\B\\w\\B', 0], ['\\d+', 0], ['\\D+', 0], ['\\w+', 0], ['\\W+', 0],
  ['\\s+', 0], ['\\S+', 0], ['\\d+', A], ['\\w+', A], ['\\s', A], ['\\b\\w', A], ['[abc]', 0], ['[^abc]', 0], ['[a-c]+', 0], ['[^a-c]+', 0],
  ['[]a]', 0], ['[^]a]', 0], ['[a-]', 0], ['[-a]', 0], ['[\\d\\s]+', 0], ['[^\\W\\d]+', 0], ['[\\w-]+', 0], ['[.]', 0], ['[\\]]', 0],
  ['[\\\\]', 0], ['[\\n]', 0], ['[\\x41-\\x43]', 0], ['\\x41', 0], ['\\u00e9', 0], ['\\U0001F600', 0], ['\\101', 0], ['\\0', 0], ['\\n', 0],
  ['\\t', 0], ['\\.', 0], ['\\-', 0], ['(a)', 0], ['(a)(b)?', 0], ['(a)|(b)', 0], ['(a|b)*', 0], ['(a|b)+c', 0], ['(a*)*', 0], ['(a*)+', 0],
  ['(a?)*', 0], ['(a|)*', 0], ['(|a)*', 0], ['(a*?)*', 0], ['(?:a|b)*', 0], ['((a)b)', 0], ['((a)|b)+', 0], ['(a)(?:b)(c)', 0],
  ['(?P<x>a)(?P<y>b)?', 0], ['(?P<w>\\w)(?P=w)', 0], ['(\\w)\\1', 0], ['(\\w)(\\w)\\2\\1', 0], ['(a)|\\1', 0], ['(?P<q>[\'"]).*?(?P=q)', 0],
  ['(?i)abc', 0], ['abc', I], ['[a-z]+', I], ['[^a-z]+', I], ['(?i)[k]', 0], ['(?i)\u00e9', 0], ['(?i)s', 0], ['(?i)\u017f', 0], ['(?i)k', 0],
  ['\u212a', I], ['(?i)\u0131', 0], ['(?i)i', 0], ['(?i)\u03c3', 0], ['(?i)\u00df', 0], ['(?i:a)b', 0], ['a(?i:b)c', 0], ['(?-i:a)b', I],
  ['(?i)(\\w)\\1', 0], ['(?a)\\w+', 0], ['(?a:\\w)\\w', 0], ['(?s).', 0], ['(?m)^\\w', 0], ['(?s:.)..', 0], ['(?x) a b c # comment', 0],
  ['a b c', X], ['a\\ b', X], ['[ ]a', X], ['a#x\nb', X], ['(?x: a b ) c', 0], ['a(?#comment)b', 0], ['(?=a)', 0], ['(?=a)\\w', 0],
  ['\\w(?=\\d)', 0], ['\\w(?!\\d)', 0], ['(?<=a)b', 0], ['(?<!a)b', 0], ['(?<=\\d{2})\\w', 0], ['(?<=ab|cd)\\w', 0], ['(?<=(a))b', 0],
  ['(?<!^)x', 0], ['(a)(?<=\\1)', 0], ['(?=(a+))a*b\\1', 0], ['(?!(a)b)\\w', 0], ['(a)?(?(1)b|c)', 0], ['(?P<a>x)?(?(a)y|z)', 0],
  ['(a)?(?(1)b)', 0], ['(?>a+)b', 0], ['(?>a+)a', 0], ['(?>a|ab)c', 0], ['a++', 0], ['a++a', 0], ['a*+b', 0], ['a?+a', 0], ['(ab)++', 0],
  ['a{1,2}+a', 0], ['x*', 0], ['x*|a', 0], ['\\b|a', 0], ['', 0], ['(?:)', 0], ['()', 0], ['(a)|()', 0], ['a|', 0], ['|a', 0],
  ['[\u00e0-\u00ff]+', 0], ['\ud83d\ude00', 0], ['.\ud83d\ude00.', 0], ['[\ud83d\ude00-\ud83d\ude4f]', 0], ['(?i)\u00c0', 0],
  ['\\d+(?:\\.\\d+)?', 0], ['[+-]?\\d+', 0], ['(\\d+)-(\\d+)', 0], ['(?P<key>\\w+)=(?P<val>\\w*)', 0], ['<(\\w+)>.*?</\\1>', 0],
  ['^\\s*(\\w+)\\s*$', M], ['\\n', M], ['$\\n', 0], ['a$', 0], ['a\\Z', 0], ['b$', M], ['\\s*$', 0], ['(?m)\\s*$', 0], ['(a+)+b', 0],
  ['(?:a+|b+)*c', 0], ['(a|ab)(c|bcd)(d*)', 0], ['(a+)(b+)?(c)', 0], ['(?:(a)|b)*', 0], ['(?:(a)|(b))+', 0], ['(a)*', 0], ['(a)*?b', 0],
  ['[\\s\\S]', 0], ['[^\\s\\S]', 0], ['\\W\\b\\w', 0], ['(?i)[^k]', 0], ['(?i)[\u00e0-\u00e5]', 0], ['[\\d]', A], ['(?u)\\w', 0],
  ['\\1', 0], ['(a', 0], ['a)', 0], ['*a', 0], ['a**', 0], ['a*+*', 0], ['(?<x)', 0], ['\\q', 0], ['[a', 0], ['[z-a]', 0], ['(?P<1>a)', 0],
  ['(?P<a>x)(?P<a>y)', 0], ['(?P=zz)', 0], ['(?Px)', 0], ['a(?i)b', 0], ['(?z)', 0], ['(?<=a+)b', 0], ['(a)(?<=\\1+)', 0], ['x{2,1}', 0],
  ['(?(2)a|b)', 0], ['(?(a)b)', 0], ['(?#xx', 0], ['\\', 0], ['[\\A]', 0], ['\\x4', 0], ['\\u12', 0], ['(a)\\2', 0], ['(?i', 0], ['(?-', 0],
  ['(?i-i:a)', 0], ['(?-a:b)', 0], ['(?P<>a)', 0], ['(?P<a', 0], ['\\8', 0], ['[\\8]', 0], ['\\777', 0], ['(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10', 0],
  ['(?(1)a|b|c)', 0], ['(?<', 0], ['(?', 0], ['(?P', 0], ['^*', 0], ['\\b+', 0], ['(?=a)*', 0], ['(?:a*)*', 0], ['(?i:(?-i:a)A)', 0],
  ['(?x)[a b]', 0], ['(?x)a{2 }', 0], ['(?x)\\ ', 0], ['(?(0)a)', 0], ['(a)(?(1)(?<=a)b)', 0],
];

const SUBJECTS = [
  '', 'a', 'aa', 'aaa', 'ab', 'abc', 'aab', 'ABC', 'aAbBcC', 'ba', 'a1b22c333', '12.5 -7 +3', 'x-y_z', 'hello world', 'foo\nbar\n',
  'a\n', '\n', 'line1\nline2', ' \t spaced \n', 'K k \u212a', '\u017f s S', '\u0131 i I \u0130', '\u00e9\u00c9 caf\u00e9', '\u00df SS \u1e9e',
  '\u03c3\u03c2\u03a3', 'x\ud83d\ude00y\ud83d\ude01', '\u0661\u0662 \u00b2', 'a\u00a0b\u2003c\x1cd', 'key=val k2= k3=v3', '<b>x</b><i>y</i>',
  "say 'hi' \"x\"", 'abcd', 'xyz', 'aaaab', 'aaaac', 'abababab', 'acbd', 'abcbcd', 'ay', 'z', 'xy', 'yx',
];

const PY_SCRIPT = String.raw`
import json, re, sys, warnings
warnings.simplefilter('ignore')
cases = json.load(sys.stdin)
out = []
for p, f, subjects in cases:
    try:
        c = re.compile(p, f)
    except re.error as e:
        out.append([repr(['error', e.msg, e.pos])])
        continue
    except Exception as e:
        out.append([repr([type(e).__name__, str(e)])])
        continue
    res = [repr([c.groups, sorted(c.groupindex.items())])]
    for s in subjects:
        r = []
        for mode in (c.search, c.match, c.fullmatch):
            m = mode(s)
            r.append(None if m is None else [m.regs, m.lastindex, m.lastgroup])
        r.append(c.findall(s))
        r.append(c.sub(r'<\g<0>>', s))
        r.append(c.subn('-', s, 2))
        r.append(c.split(s))
        r.append(c.split(s, 1))
        m = c.search(s, 1, 3)
        r.append(None if m is None else m.regs)
        res.append(repr(r))
    out.append(res)
print(json.dumps(out))
`;

function ours(p: string, f: number, subjects: string[]): string[] {
  let c: unknown;
  try {
    c = R['compile']!(p, f);
  } catch (e) {
    if (e instanceof (re.error as unknown as Function)) {
      const err = e as unknown as Record<string, unknown>;
      return [repr(['error', err['msg'], err['pos']])];
    }
    if (e instanceof BaseException) return [repr([(e.constructor as unknown as { __name__: string }).__name__, String(e.args[0])])];
    throw e;
  }
  const index = getattr(c, 'groupindex');
  const items = [...(callMethod(index, 'items') as Iterable<unknown>)].sort((x, y) =>
    String((x as unknown[])[0]) < String((y as unknown[])[0]) ? -1 : 1);
  const res: string[] = [repr([getattr(c, 'groups'), items])];
  for (const s of subjects) {
    const r: unknown[] = [];
    for (const mode of ['search', 'match', 'fullmatch']) {
      const m = callMethod(c, mode, s);
      r.push(m === null ? null : [getattr(m, 'regs'), getattr(m, 'lastindex'), getattr(m, 'lastgroup')]);
    }
    r.push(callMethod(c, 'findall', s));
    r.push(callMethod(c, 'sub', '<\\g<0>>', s));
    r.push(callMethod(c, 'subn', '-', s, 2));
    r.push(callMethod(c, 'split', s));
    r.push(callMethod(c, 'split', s, 1));
    const m = callMethod(c, 'search', s, 1, 3);
    r.push(m === null ? null : getattr(m, 'regs'));
    res.push(repr(r));
  }
  return res;
}

describe('re against CPython', () => {
  it('matches, finds, substitutes and splits as CPython, and rejects bad patterns with its errors', () => {
    const cases: [string, number, string[]][] = PATTERNS.map(([p, f]) => [p, f, SUBJECTS]);
    const run = spawnSync('python3', ['-c', PY_SCRIPT], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(run.status, run.stderr).toBe(0);
    const expected = JSON.parse(run.stdout) as string[][];
    const mismatches: string[] = [];
    let checked = 0;
    // Once as programs run (translated to RegExps where exact), once on the engine alone.
    for (const translated of [true, false]) {
    useRegExpTranslations(translated);
    cases.forEach(([p, f, subjects], i) => {
      let got: string[];
      try {
        got = ours(p, f, subjects);
      } catch (e) {
        got = [`threw ${String(e)}`];
      }
      const want = expected[i]!;
      checked += want.length;
      for (let k = 0; k < Math.max(want.length, got.length); k++) {
        if (got[k] !== want[k]) {
          const subject = k > 0 ? ` on ${JSON.stringify(subjects[k - 1])}` : '';
          mismatches.push(`${translated ? '' : '(engine) '}${JSON.stringify(p)} flags=${f}${subject}\n  python: ${want[k]}\n  ours:   ${got[k]}`);
          break;
        }
      }
    });
    }
    useRegExpTranslations(true);
    if (process.env['RE_DIFF_REPORT']) console.log(`re differential: ${checked} results, ${2 * cases.length - mismatches.length}/${2 * cases.length} pattern runs agree`);
    expect(mismatches.length, mismatches.slice(0, 10).join('\n')).toBe(0);
  });
});

/** CPython's own table of regex cases (test/re_tests.py), when the installation ships its test package: inputs only, answers from python3. */
const TABLE_SCRIPT = String.raw`
import json, re, sys, warnings
warnings.simplefilter('ignore')
try:
    from test import re_tests
except ImportError:
    print('[]'); sys.exit(0)
out = []
for t in re_tests.tests:
    p, s = t[0], t[1]
    if not isinstance(p, str) or not isinstance(s, str):
        continue
    try:
        c = re.compile(p)
    except re.error as e:
        out.append([p, s, repr(['error', e.msg, e.pos])]); continue
    except Exception as e:
        out.append([p, s, repr([type(e).__name__, str(e)])]); continue
    m = c.search(s)
    out.append([p, s, repr([None if m is None else [m.regs, m.lastindex], c.findall(s), c.split(s), c.sub('-', s)])])
print(json.dumps(out))
`;

function oursTable(p: string, s: string): string {
  let c: unknown;
  try {
    c = R['compile']!(p);
  } catch (e) {
    if (e instanceof (re.error as unknown as Function)) {
      const err = e as unknown as Record<string, unknown>;
      return repr(['error', err['msg'], err['pos']]);
    }
    if (e instanceof BaseException) return repr([(e.constructor as unknown as { __name__: string }).__name__, String(e.args[0])]);
    throw e;
  }
  const m = callMethod(c, 'search', s);
  return repr([
    m === null ? null : [getattr(m, 'regs'), getattr(m, 'lastindex')],
    callMethod(c, 'findall', s), callMethod(c, 'split', s), callMethod(c, 'sub', '-', s),
  ]);
}

describe('re on CPython\'s re_tests table', () => {
  it('agrees with python3 on every str case', () => {
    const run = spawnSync('python3', ['-c', TABLE_SCRIPT], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.status, run.stderr).toBe(0);
    const table = JSON.parse(run.stdout) as [string, string, string][];
    const mismatches: string[] = [];
    for (const [p, s, want] of table) {
      let got: string;
      try {
        got = oursTable(p, s);
      } catch (e) {
        got = `threw ${String(e)}`;
      }
      if (got !== want) mismatches.push(`${JSON.stringify(p)} on ${JSON.stringify(s)}\n  python: ${want}\n  ours:   ${got}`);
    }
    if (process.env['RE_DIFF_REPORT']) console.log(`re_tests table: ${table.length - mismatches.length}/${table.length} cases agree`);
    expect(mismatches.length, mismatches.slice(0, 10).join('\n')).toBe(0);
  });
});

/** A small deterministic generator (the same patterns on every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random patterns over a small alphabet, built from the constructs the engine supports. */
function randomPattern(next: () => number, depth = 0): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const atom = (): string => {
    const r = next();
    if (depth < 3 && r < 0.25) {
      const inner = randomPattern(next, depth + 1);
      return pick(['(', '(?:', '(?>', '(?=', '(?!', '(?i:', '(?P<n' + depth + '>']) + inner + ')';
    }
    // References are rarer: most would name a group the pattern lacks.
    if (next() < 0.06) return pick(['\\1', '(?(1)a|b)', '(?(1)c)', '(?P=n0)']);
    return pick([
      'a', 'b', 'c', '.', '[ab]', '[^a]', '\\w', '\\W', '\\s', '\\d', 'A', '\\b', '\\B', '^', '$', '\\Z', '(?<=a)', '(?<!b)', 'x',
      '[a-c]', '(?<=\\w\\s)',
    ]);
  };
  const quant = (): string => pick(['', '', '', '*', '+', '?', '*?', '+?', '??', '{2}', '{1,2}', '{,2}?', '*+', '++', '?+']);
  let out = '';
  const n = 1 + Math.floor(next() * 4);
  for (let k = 0; k < n; k++) {
    let a = atom();
    // Assertions cannot be repeated.
    if (!/^(\\[bBZ]|\^|\$|\(\?<[=!].*)$/.test(a)) a += quant();
    out += a;
  }
  if (next() < 0.2) out += '|' + randomPattern(next, depth + 1);
  return out;
}

describe('re on random patterns', () => {
  it('agrees with python3 on a deterministic sample, also with the stack-safe repeats deep subjects use', () => {
    const next = rng(Number(process.env['RE_RANDOM_SEED'] ?? 20240511));
    const subjects = ['', 'a', 'ab', 'aab', 'abc', 'ba ab', 'A a\nb', 'x1 y22', 'cabbage', 'aaa bbb', 'b\n', 'Ab'];
    const cases: [string, number, string[]][] = [];
    const count = Number(process.env['RE_RANDOM_COUNT'] ?? 250);
    for (let k = 0; k < count; k++) cases.push([randomPattern(next), next() < 0.2 ? I : next() < 0.2 ? M : 0, subjects]);
    const run = spawnSync('python3', ['-c', PY_SCRIPT], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(run.status, run.stderr).toBe(0);
    const expected = JSON.parse(run.stdout) as string[][];
    const mismatches: string[] = [];
    const compare = (label: string): void => {
      cases.forEach(([p, f, subs], i) => {
        let got: string[];
        try {
          got = ours(p, f, subs);
        } catch (e) {
          got = [`threw ${String(e)}`];
        }
        const want = expected[i]!;
        for (let k = 0; k < Math.max(want.length, got.length); k++) {
          if (got[k] !== want[k]) {
            mismatches.push(`${label}${JSON.stringify(p)} flags=${f}${k > 0 ? ` on ${JSON.stringify(subs[k - 1])}` : ''}\n  python: ${want[k]}\n  ours:   ${got[k]}`);
            break;
          }
        }
      });
    };
    compare('');
    R['purge']!();
    useStacklessRepeats(true);
    useRegExpTranslations(false);
    try {
      compare('(stack-safe engine) ');
    } finally {
      useStacklessRepeats(false);
      useRegExpTranslations(true);
      R['purge']!();
    }
    const errors = expected.filter((r) => r[0]!.startsWith("['error'")).length;
    if (process.env['RE_DIFF_REPORT']) console.log(`random patterns: ${2 * cases.length - mismatches.length}/${2 * cases.length} runs agree (${errors} are bad patterns)`);
    expect(mismatches.length, mismatches.slice(0, 10).join('\n')).toBe(0);
  });
});
