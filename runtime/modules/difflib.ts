/**
 * Python's `difflib` (CPython 3.11's Lib/difflib.py): SequenceMatcher (junk
 * and autojunk heuristics, matching blocks, opcodes, ratios), Differ and
 * ndiff with '?' hint lines, unified_diff, context_diff, diff_bytes,
 * restore, get_close_matches and the Match namedtuple. The matching itself
 * runs over interned element ids (support/difflib/matcher.ts). HtmlDiff is
 * not provided.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { NotImplementedError, TypeError, UnicodeEncodeError, ValueError } from '../builtins/exceptions.js';
import { PyBytes, PyTuple, float, typeName } from '../builtins/values.js';
import { PySet } from '../builtins/set.js';
import { PyGenerator } from '../builtins/generators.js';
import { call } from '../builtins/calls.js';
import { iterate } from '../builtins/iteration.js';
import { repr, str } from '../builtins/repr.js';
import { truthy } from '../builtins/truth.js';
import { str_isspace } from '../builtins/str/predicates.js';
import { GenericAlias } from './types.js';
import { nlargest } from './heapq.js';
import { namedtuple } from './support/collections/namedtuple.js';
import { pyClass, pyClassMethod, pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import { Matcher, calculateRatio, elementsOf, groupOpcodes } from './support/difflib/matcher.js';
import * as self from './difflib.js';
import { newException } from './support/stdlib/pyclass.js';

export const __name__ = 'difflib';
loadedModules.$set('difflib', self);

const Q = 'difflib';

export const Match = call(namedtuple, ['Match', 'a b size'], { module: Q });

const makeMatch = (a: number, b: number, size: number): unknown => call(Match, [a, b, size], null);

type Code = PyTuple<string | number> & readonly [string, number, number, number, number];
const code = (tag: string, i1: number, i2: number, j1: number, j2: number): Code =>
  PyTuple.of<string | number>(tag, i1, i2, j1, j2) as Code;

const asInt = (v: unknown): number => Number(v);

/** A SequenceMatcher instance: Python attributes plus the JS matcher behind it. */
interface SM {
  isjunk: unknown;
  autojunk: unknown;
  a: unknown;
  b: unknown;
  bjunk: PySet;
  bpopular: PySet;
  matching_blocks: unknown[] | null;
  opcodes: Code[] | null;
}

const matchers = new WeakMap<object, Matcher>();

function matcherOf(sm: SM): Matcher {
  let m = matchers.get(sm);
  if (m === undefined) {
    const isjunk = sm.isjunk;
    const junk = isjunk === null || isjunk === undefined || !truthy(isjunk) ? null : (elt: unknown) => truthy(call(isjunk, [elt], null));
    m = new Matcher(junk, truthy(sm.autojunk));
    matchers.set(sm, m);
  }
  return m;
}

function setSeq1(sm: SM, a: unknown): void {
  if (a === sm.a) return;
  sm.a = a;
  sm.matching_blocks = sm.opcodes = null;
  matcherOf(sm).setSeq1(elementsOf(a));
}

function setSeq2(sm: SM, b: unknown): void {
  if (b === sm.b) return;
  sm.b = b;
  sm.matching_blocks = sm.opcodes = null;
  const m = matcherOf(sm);
  m.setSeq2(elementsOf(b));
  // The Python-visible junk sets hold b's elements (first occurrence of each).
  sm.bjunk = new PySet();
  sm.bpopular = new PySet();
  if (m.bjunk.size > 0 || m.bpopular.size > 0) {
    m.b.forEach((id, i) => {
      if (m.bjunk.has(id)) sm.bjunk.$add(m.bElts[i]);
      else if (m.bpopular.has(id)) sm.bpopular.$add(m.bElts[i]);
    });
  }
}

function matchingBlocks(sm: SM): unknown[] {
  if (sm.matching_blocks === null) sm.matching_blocks = matcherOf(sm).getMatchingBlocks().map(([a, b, k]) => makeMatch(a, b, k));
  return sm.matching_blocks;
}

function opcodes(sm: SM): Code[] {
  if (sm.opcodes === null) {
    matchingBlocks(sm);
    sm.opcodes = matcherOf(sm).getOpcodes().map(([t, i1, i2, j1, j2]) => code(t, i1, i2, j1, j2));
  }
  return sm.opcodes;
}

const method = <F extends (...args: never[]) => unknown>(spec: string, name: string, impl: F): F =>
  pyFunction(spec, `SequenceMatcher.${name}`, Q, impl);

export const SequenceMatcher = pyClass('SequenceMatcher', Q, [], {
  __init__: method('self, isjunk=, a=, b=, autojunk=', '__init__', (sm: SM, isjunk: unknown = null, a: unknown = '', b: unknown = '', autojunk: unknown = true) => {
    sm.isjunk = isjunk;
    sm.a = sm.b = null;
    sm.autojunk = autojunk;
    matchers.delete(sm);
    setSeq2(sm, b);
    setSeq1(sm, a);
    return null;
  }),
  set_seqs: method('self, a, b', 'set_seqs', (sm: SM, a: unknown, b: unknown) => {
    setSeq1(sm, a);
    setSeq2(sm, b);
    return null;
  }),
  set_seq1: method('self, a', 'set_seq1', (sm: SM, a: unknown) => (setSeq1(sm, a), null)),
  set_seq2: method('self, b', 'set_seq2', (sm: SM, b: unknown) => (setSeq2(sm, b), null)),
  find_longest_match: method('self, alo=, ahi=, blo=, bhi=', 'find_longest_match',
    (sm: SM, alo: unknown = 0, ahi: unknown = null, blo: unknown = 0, bhi: unknown = null) => {
      const m = matcherOf(sm);
      const [i, j, k] = m.findLongestMatch(asInt(alo), ahi === null ? m.a.length : asInt(ahi), asInt(blo), bhi === null ? m.b.length : asInt(bhi));
      return makeMatch(i, j, k);
    }),
  get_matching_blocks: method('self', 'get_matching_blocks', (sm: SM) => matchingBlocks(sm)),
  get_opcodes: method('self', 'get_opcodes', (sm: SM) => opcodes(sm)),
  get_grouped_opcodes: method('self, n=', 'get_grouped_opcodes', (sm: SM, n: unknown = 3) => {
    const groups = groupOpcodes(opcodes(sm), asInt(n), code);
    return new PyGenerator(groups, 'SequenceMatcher.get_grouped_opcodes');
  }),
  ratio: method('self', 'ratio', (sm: SM) => {
    let matches = 0;
    for (const blk of matchingBlocks(sm)) matches += (blk as number[])[2]!;
    const m = matcherOf(sm);
    return float(calculateRatio(matches, m.a.length + m.b.length));
  }),
  quick_ratio: method('self', 'quick_ratio', (sm: SM) => float(matcherOf(sm).quickRatio())),
  real_quick_ratio: method('self', 'real_quick_ratio', (sm: SM) => float(matcherOf(sm).realQuickRatio())),
  __class_getitem__: pyClassMethod(GenericAlias),
});

/** A fresh SequenceMatcher(isjunk, a, b) through the Python class (so subclass-free fast paths stay simple). */
const newMatcher = (isjunk: unknown, a: unknown, b: unknown): SM => call(SequenceMatcher, [isjunk, a, b], null) as SM;

export const get_close_matches = pyFunction('word, possibilities, n=, cutoff=', 'get_close_matches', Q,
  (word: unknown, possibilities: unknown, n: unknown = 3, cutoff: unknown = 0.6) => {
    if (!(Number(n) > 0)) throw new ValueError(`n must be > 0: ${repr(n)}`);
    const c = Number(cutoff);
    if (!(c >= 0.0 && c <= 1.0)) throw new ValueError(`cutoff must be in [0.0, 1.0]: ${repr(cutoff)}`);
    const result: PyTuple[] = [];
    const sm = newMatcher(null, '', '');
    setSeq2(sm, word);
    const m = matcherOf(sm);
    for (const x of iterate(possibilities)) {
      setSeq1(sm, x);
      if (m.realQuickRatio() >= c && m.quickRatio() >= c) {
        const r = m.ratio();
        if (r >= c) result.push(PyTuple.of(float(r), x));
      }
    }
    const best = nlargest(n, result) as PyTuple[];
    return best.map((t) => t[1]);
  });

function keepOriginalWs(s: string, tags: string): string {
  const chars = Array.from(s);
  const tagChars = Array.from(tags);
  const n = Math.min(chars.length, tagChars.length);
  let out = '';
  for (let i = 0; i < n; i++) out += tagChars[i] === ' ' && str_isspace(chars[i]!) ? chars[i] : tagChars[i];
  return out;
}

const rstrip = (s: string): string => s.replace(/[\s\x1c-\x1f\x85]+$/u, '');

interface DifferState {
  linejunk: unknown;
  charjunk: unknown;
}

function* dump(tag: string, x: unknown[], lo: number, hi: number): Generator<string, void, undefined> {
  for (let i = lo; i < hi; i++) yield `${tag} ${str(x[i])}`;
}

function* plainReplace(a: unknown[], alo: number, ahi: number, b: unknown[], blo: number, bhi: number): Generator<string, void, undefined> {
  if (bhi - blo < ahi - alo) {
    yield* dump('+', b, blo, bhi);
    yield* dump('-', a, alo, ahi);
  } else {
    yield* dump('-', a, alo, ahi);
    yield* dump('+', b, blo, bhi);
  }
}

function* fancyReplace(d: DifferState, a: unknown[], alo: number, ahi: number, b: unknown[], blo: number, bhi: number): Generator<string, void, undefined> {
  let bestRatio = 0.74;
  const cutoff = 0.75;
  const cruncher = newMatcher(d.charjunk, '', '');
  const m = matcherOf(cruncher);
  let eqi = -1;
  let eqj = -1;
  let bestI = -1;
  let bestJ = -1;
  for (let j = blo; j < bhi; j++) {
    const bj = b[j];
    setSeq2(cruncher, bj);
    for (let i = alo; i < ahi; i++) {
      const ai = a[i];
      if (ai === bj) {
        if (eqi < 0) {
          eqi = i;
          eqj = j;
        }
        continue;
      }
      setSeq1(cruncher, ai);
      // The cheap upper bounds first, as CPython does; ratio() caches its matching blocks.
      if (m.realQuickRatio() > bestRatio && m.quickRatio() > bestRatio) {
        const r = m.ratio();
        if (r > bestRatio) {
          bestRatio = r;
          bestI = i;
          bestJ = j;
        }
      }
    }
  }
  if (bestRatio < cutoff) {
    if (eqi < 0) {
      yield* plainReplace(a, alo, ahi, b, blo, bhi);
      return;
    }
    bestI = eqi;
    bestJ = eqj;
    bestRatio = 1.0;
  } else {
    eqi = -1;
  }
  yield* fancyHelper(d, a, alo, bestI, b, blo, bestJ);
  const aelt = a[bestI];
  const belt = b[bestJ];
  if (eqi < 0) {
    let atags = '';
    let btags = '';
    setSeq1(cruncher, aelt);
    setSeq2(cruncher, belt);
    for (const [tag, ai1, ai2, bj1, bj2] of opcodes(cruncher)) {
      const la = ai2 - ai1;
      const lb = bj2 - bj1;
      if (tag === 'replace') {
        atags += '^'.repeat(la);
        btags += '^'.repeat(lb);
      } else if (tag === 'delete') {
        atags += '-'.repeat(la);
      } else if (tag === 'insert') {
        btags += '+'.repeat(lb);
      } else {
        atags += ' '.repeat(la);
        btags += ' '.repeat(lb);
      }
    }
    yield* qformat(str(aelt), str(belt), atags, btags);
  } else {
    yield '  ' + str(aelt);
  }
  yield* fancyHelper(d, a, bestI + 1, ahi, b, bestJ + 1, bhi);
}

function* fancyHelper(d: DifferState, a: unknown[], alo: number, ahi: number, b: unknown[], blo: number, bhi: number): Generator<string, void, undefined> {
  if (alo < ahi) {
    if (blo < bhi) yield* fancyReplace(d, a, alo, ahi, b, blo, bhi);
    else yield* dump('-', a, alo, ahi);
  } else if (blo < bhi) {
    yield* dump('+', b, blo, bhi);
  }
}

function* qformat(aline: string, bline: string, atags: string, btags: string): Generator<string, void, undefined> {
  atags = rstrip(keepOriginalWs(aline, atags));
  btags = rstrip(keepOriginalWs(bline, btags));
  yield '- ' + aline;
  if (atags) yield `? ${atags}\n`;
  yield '+ ' + bline;
  if (btags) yield `? ${btags}\n`;
}

function* compare(d: DifferState, aSeq: unknown, bSeq: unknown): Generator<string, void, undefined> {
  const cruncher = newMatcher(d.linejunk, aSeq, bSeq);
  const a = matcherOf(cruncher).aElts;
  const b = matcherOf(cruncher).bElts;
  for (const [tag, alo, ahi, blo, bhi] of opcodes(cruncher)) {
    if (tag === 'replace') yield* fancyReplace(d, a, alo, ahi, b, blo, bhi);
    else if (tag === 'delete') yield* dump('-', a, alo, ahi);
    else if (tag === 'insert') yield* dump('+', b, blo, bhi);
    else yield* dump(' ', a, alo, ahi);
  }
}

export const Differ = pyClass('Differ', Q, [], {
  __init__: pyFunction('self, linejunk=, charjunk=', 'Differ.__init__', Q, (d: DifferState, linejunk: unknown = null, charjunk: unknown = null) => {
    d.linejunk = linejunk;
    d.charjunk = charjunk;
    return null;
  }),
  compare: pyFunction('self, a, b', 'Differ.compare', Q, (d: DifferState, a: unknown, b: unknown) =>
    new PyGenerator(compare(d, a, b), 'Differ.compare')),
});

const LINE_JUNK = /^[ \t\n\r\f\v\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*(?:#[ \t\n\r\f\v\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*)?\n?$/u;

export const IS_LINE_JUNK = pyFunction('line, pat=', 'IS_LINE_JUNK', Q, (line: unknown, pat: unknown = null) => {
  if (pat !== null) return call(pat, [line], null) !== null;
  return LINE_JUNK.test(str(line));
});

export const IS_CHARACTER_JUNK = pyFunction('ch, ws=', 'IS_CHARACTER_JUNK', Q, (ch: unknown, ws: unknown = ' \t') => {
  if (typeof ch !== 'string' || typeof ws !== 'string') throw new TypeError(`'in <string>' requires string as left operand, not ${typeName(ch)}`);
  return ws.includes(ch);
});

export const ndiff = pyFunction('a, b, linejunk=, charjunk=', 'ndiff', Q, (a: unknown, b: unknown, linejunk: unknown = null, charjunk: unknown = IS_CHARACTER_JUNK) =>
  new PyGenerator(compare({ linejunk, charjunk }, a, b), 'Differ.compare'));

export const restore = pyFunction('delta, which', 'restore', Q, (delta: unknown, which: unknown) => {
  // A generator: like CPython's, it checks `which` only when first resumed.
  function* lines(): Generator<string, void, undefined> {
    const w = Number(which);
    if (w !== 1 && w !== 2) throw new ValueError(`unknown delta choice (must be 1 or 2): ${repr(which)}`);
    const tag = w === 1 ? '- ' : '+ ';
    for (const line of iterate(delta)) {
      const s = str(line);
      const head = Array.from(s.slice(0, 2)).slice(0, 2).join('');
      if (head === '  ' || head === tag) yield s.slice(2);
    }
  }
  return new PyGenerator(lines(), 'restore');
});

function checkTypes(a: unknown[], b: unknown[], args: unknown[]): void {
  if (a.length > 0 && typeof a[0] !== 'string') throw new TypeError(`lines to compare must be str, not ${typeName(a[0])} (${repr(a[0])})`);
  if (b.length > 0 && typeof b[0] !== 'string') throw new TypeError(`lines to compare must be str, not ${typeName(b[0])} (${repr(b[0])})`);
  for (const arg of args) if (typeof arg !== 'string') throw new TypeError(`all arguments must be str, not: ${repr(arg)}`);
}

function formatRangeUnified(start: number, stop: number): string {
  let beginning = start + 1;
  const length = stop - start;
  if (length === 1) return `${beginning}`;
  if (!length) beginning -= 1;
  return `${beginning},${length}`;
}

function formatRangeContext(start: number, stop: number): string {
  let beginning = start + 1;
  const length = stop - start;
  if (!length) beginning -= 1;
  if (length <= 1) return `${beginning}`;
  return `${beginning},${beginning + length - 1}`;
}

interface DiffArgs {
  a: unknown[];
  b: unknown[];
  groups: Generator<Code[], void, undefined>;
}

/** What unified_diff and context_diff share: the type checks, then the grouped opcodes of a line matcher. */
function diffArgs(aSeq: unknown, bSeq: unknown, strs: unknown[], n: unknown): DiffArgs {
  const aList = elementsOf(aSeq);
  const bList = elementsOf(bSeq);
  checkTypes(aList, bList, strs);
  const sm = newMatcher(null, aSeq, bSeq);
  return { a: aList, b: bList, groups: groupOpcodes(opcodes(sm), asInt(n), code) };
}

export const unified_diff = pyFunction('a, b, fromfile=, tofile=, fromfiledate=, tofiledate=, n=, lineterm=', 'unified_diff', Q,
  (a: unknown, b: unknown, fromfile: unknown = '', tofile: unknown = '', fromfiledate: unknown = '', tofiledate: unknown = '', n: unknown = 3, lineterm: unknown = '\n') => {
    function* lines(): Generator<string, void, undefined> {
      const args = diffArgs(a, b, [fromfile, tofile, fromfiledate, tofiledate, lineterm], n);
      let started = false;
      for (const group of args.groups) {
        if (!started) {
          started = true;
          const fromdate = fromfiledate ? `\t${fromfiledate as string}` : '';
          const todate = tofiledate ? `\t${tofiledate as string}` : '';
          yield `--- ${fromfile as string}${fromdate}${lineterm as string}`;
          yield `+++ ${tofile as string}${todate}${lineterm as string}`;
        }
        const first = group[0]!;
        const last = group[group.length - 1]!;
        yield `@@ -${formatRangeUnified(first[1], last[2])} +${formatRangeUnified(first[3], last[4])} @@${lineterm as string}`;
        for (const [tag, i1, i2, j1, j2] of group) {
          if (tag === 'equal') {
            for (const line of args.a.slice(i1, i2)) yield ' ' + (line as string);
            continue;
          }
          if (tag === 'replace' || tag === 'delete') for (const line of args.a.slice(i1, i2)) yield '-' + (line as string);
          if (tag === 'replace' || tag === 'insert') for (const line of args.b.slice(j1, j2)) yield '+' + (line as string);
        }
      }
    }
    return new PyGenerator(lines(), 'unified_diff');
  });

const CONTEXT_PREFIX: Record<string, string> = { insert: '+ ', delete: '- ', replace: '! ', equal: '  ' };

export const context_diff = pyFunction('a, b, fromfile=, tofile=, fromfiledate=, tofiledate=, n=, lineterm=', 'context_diff', Q,
  (a: unknown, b: unknown, fromfile: unknown = '', tofile: unknown = '', fromfiledate: unknown = '', tofiledate: unknown = '', n: unknown = 3, lineterm: unknown = '\n') => {
    function* lines(): Generator<string, void, undefined> {
      const args = diffArgs(a, b, [fromfile, tofile, fromfiledate, tofiledate, lineterm], n);
      const term = lineterm as string;
      let started = false;
      for (const group of args.groups) {
        if (!started) {
          started = true;
          const fromdate = fromfiledate ? `\t${fromfiledate as string}` : '';
          const todate = tofiledate ? `\t${tofiledate as string}` : '';
          yield `*** ${fromfile as string}${fromdate}${term}`;
          yield `--- ${tofile as string}${todate}${term}`;
        }
        const first = group[0]!;
        const last = group[group.length - 1]!;
        yield '***************' + term;
        yield `*** ${formatRangeContext(first[1], last[2])} ****${term}`;
        if (group.some(([tag]) => tag === 'replace' || tag === 'delete')) {
          for (const [tag, i1, i2] of group) if (tag !== 'insert') for (const line of args.a.slice(i1, i2)) yield CONTEXT_PREFIX[tag]! + (line as string);
        }
        yield `--- ${formatRangeContext(first[3], last[4])} ----${term}`;
        if (group.some(([tag]) => tag === 'replace' || tag === 'insert')) {
          for (const [tag, , , j1, j2] of group) if (tag !== 'delete') for (const line of args.b.slice(j1, j2)) yield CONTEXT_PREFIX[tag]! + (line as string);
        }
      }
    }
    return new PyGenerator(lines(), 'context_diff');
  });

/** bytes → str as `s.decode('ascii', 'surrogateescape')`: bytes ≥ 0x80 become lone surrogates U+DC80–U+DCFF. */
function decodeEscape(s: unknown): string {
  if (!(s instanceof PyBytes)) throw new TypeError(`all arguments must be bytes, not ${typeName(s)} (${repr(s)})`);
  let out = '';
  for (const byte of s.bytes) out += String.fromCharCode(byte < 0x80 ? byte : 0xdc00 + byte);
  return out;
}

function encodeEscape(s: string): PyBytes {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes[i] = c;
    else if (c >= 0xdc80 && c <= 0xdcff) bytes[i] = c - 0xdc00;
    else throw newException(UnicodeEncodeError, ['ascii', s, i, i + 1, 'ordinal not in range(128)'], null) as Error;
  }
  return new PyBytes(bytes);
}

export const diff_bytes = pyFunction('dfunc, a, b, fromfile=, tofile=, fromfiledate=, tofiledate=, n=, lineterm=', 'diff_bytes', Q,
  (dfunc: unknown, a: unknown, b: unknown, fromfile: unknown = undefined, tofile: unknown = undefined, fromfiledate: unknown = undefined,
    tofiledate: unknown = undefined, n: unknown = 3, lineterm: unknown = undefined) => {
    const empty = new PyBytes(new Uint8Array(0));
    function* lines(): Generator<PyBytes, void, undefined> {
      const aStr = [...iterate(a)].map(decodeEscape);
      const bStr = [...iterate(b)].map(decodeEscape);
      const rest = [fromfile ?? empty, tofile ?? empty, fromfiledate ?? empty, tofiledate ?? empty].map(decodeEscape);
      const term = decodeEscape(lineterm ?? new PyBytes(new Uint8Array([10])));
      for (const line of iterate(call(dfunc, [aStr, bStr, ...rest, n, term], null))) yield encodeEscape(str(line));
    }
    return new PyGenerator(lines(), 'diff_bytes');
  });

export const HtmlDiff = pyClass('HtmlDiff', Q, [], {
  __init__: pyFunction('self, *args', 'HtmlDiff.__init__', Q, () => {
    throw new NotImplementedError('difflib.HtmlDiff is not supported by pyasync (use unified_diff, context_diff or ndiff)');
  }),
});
