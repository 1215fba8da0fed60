/**
 * TestCase's assert methods with CPython 3.11's failure messages
 * (unittest/case.py): the type-specific equality checks behind
 * assertEqual (list, tuple, dict, set, str diffs through difflib and
 * pprint), comparisons, membership, identity, regexes and almost-equality.
 * Each is a Python method (self first), so subclasses override and call
 * them as in CPython.
 */
import { callMethod, getattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { AttributeError, DeprecationWarning, TypeError } from '../../../builtins/exceptions.js';
import { warnCaller } from '../warnings/fromRuntime.js';
import { repr, str } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { len } from '../../../builtins/functions.js';
import { isinstance, type } from '../../../builtins/types.js';
import { eqTest, neTest, ltTest, leTest, gtTest, geTest, in_, sub } from '../../../builtins/operators.js';
import { getitem } from '../../../builtins/items.js';
import { iterate } from '../../../builtins/iteration.js';
import { dict, list, tuple, set, frozenset, str as strType, abs, round } from '../../../index.js';
import { str_splitlines } from '../../../builtins/str/split.js';
import * as difflib from '../../difflib.js';
import * as pprint from '../../pprint.js';
import * as re from '../../re.js';
import { pyFunction } from '../pydef.js';
import { commonShortenRepr, countDifferences, safeRepr } from './util.js';

const Q = 'unittest.case';
type Obj = Record<string, unknown>;

const DIFF_THRESHOLD = 2 ** 16;

export function method<F extends (...args: never[]) => unknown>(spec: string, name: string, fn: F): F {
  return pyFunction(spec, `TestCase.${name}`, Q, fn);
}

/** self.fail(msg): raises self.failureException(msg). */
export function fail(self: unknown, msg: unknown): never {
  callMethod(self, 'fail', msg);
  throw new TypeError('fail() returned');
}

/** The message a failure carries: the standard one, the caller's, or both joined by " : " (longMessage). */
export function formatMessage(self: unknown, msg: unknown, standardMsg: string): unknown {
  if (!truthy(getattr(self, 'longMessage'))) return msg === undefined || msg === null || !truthy(msg) ? standardMsg : msg;
  if (msg === undefined || msg === null) return standardMsg;
  try {
    return `${standardMsg} : ${str(msg)}`;
  } catch {
    return `${safeRepr(standardMsg)} : ${safeRepr(msg)}`;
  }
}

function truncateMessage(self: unknown, message: string, diff: string): string {
  const maxDiff = getattr(self, 'maxDiff');
  const size = Array.from(diff).length;
  if (maxDiff === null || size <= Number(maxDiff)) return message + diff;
  return message + `\nDiff is ${size} characters long. Set self.maxDiff to None to see it.`;
}

const fails = (self: unknown, msg: unknown, standardMsg: string): never => fail(self, formatMessage(self, msg, standardMsg));

const lines = (s: unknown): string[] => str_splitlines(s as string);
const ndiff = (a: string[], b: string[]): string[] => Array.from(iterate(call(difflib.ndiff, [a, b], null))) as string[];
const pformat = (v: unknown): string => call(pprint.pformat, [v], null) as string;

function baseAssertEqual(self: unknown, first: unknown, second: unknown, msg: unknown): void {
  if (!eqTest(first, second)) {
    const [a, b] = commonShortenRepr(first, second);
    fails(self, msg, `${a} != ${b}`);
  }
}

/** assertEqual's type-specific check: by the exact shared type of both values, as CPython's _type_equality_funcs. */
function equalityMethod(first: unknown, second: unknown): string | null {
  const t = type(first);
  if (t !== type(second)) return null;
  if (t === dict) return 'assertDictEqual';
  if (t === list) return 'assertListEqual';
  if (t === tuple) return 'assertTupleEqual';
  if (t === set || t === frozenset) return 'assertSetEqual';
  if (t === strType) return 'assertMultiLineEqual';
  return null;
}

function sequenceEqual(self: unknown, seq1: unknown, seq2: unknown, msg: unknown, seqType: unknown): void {
  let typeName = 'sequence';
  if (seqType !== null && seqType !== undefined) {
    typeName = str(getattr(seqType, '__name__'));
    if (!isinstance(seq1, seqType)) fail(self, `First sequence is not a ${typeName}: ${safeRepr(seq1)}`);
    if (!isinstance(seq2, seqType)) fail(self, `Second sequence is not a ${typeName}: ${safeRepr(seq2)}`);
  }
  let differing: string | null = null;
  let len1 = 0;
  let len2 = 0;
  try {
    len1 = Number(len(seq1));
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    differing = `First ${typeName} has no length.    Non-sequence?`;
  }
  if (differing === null) {
    try {
      len2 = Number(len(seq2));
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      differing = `Second ${typeName} has no length.    Non-sequence?`;
    }
  }
  if (differing === null) {
    if (eqTest(seq1, seq2)) return;
    const [a, b] = commonShortenRepr(seq1, seq2);
    differing = `${typeName[0]!.toUpperCase()}${typeName.slice(1)}s differ: ${a} != ${b}\n`;
    let found = false;
    for (let i = 0; i < Math.min(len1, len2); i++) {
      const item1 = getitem(seq1, i);
      const item2 = getitem(seq2, i);
      if (neTest(item1, item2)) {
        const [x, y] = commonShortenRepr(item1, item2);
        differing += `\nFirst differing element ${i}:\n${x}\n${y}\n`;
        found = true;
        break;
      }
    }
    if (!found && len1 === len2 && (seqType === null || seqType === undefined) && type(seq1) !== type(seq2)) return;
    if (len1 > len2) {
      differing += `\nFirst ${typeName} contains ${len1 - len2} additional elements.\n`;
      differing += `First extra element ${len2}:\n${safeRepr(getitem(seq1, len2))}\n`;
    } else if (len1 < len2) {
      differing += `\nSecond ${typeName} contains ${len2 - len1} additional elements.\n`;
      differing += `First extra element ${len1}:\n${safeRepr(getitem(seq2, len1))}\n`;
    }
  }
  const diff = '\n' + ndiff(lines(pformat(seq1)), lines(pformat(seq2))).join('\n');
  fails(self, msg, truncateMessage(self, differing, diff));
}

function compare(test: (a: unknown, b: unknown) => boolean, words: string) {
  return (self: unknown, a: unknown, b: unknown, msg: unknown = null): null => {
    if (!test(a, b)) fails(self, msg, `${safeRepr(a)} ${words} ${safeRepr(b)}`);
    return null;
  };
}

function regexOf(r: unknown): unknown {
  return typeof r === 'string' ? call(re.compile, [r], null) : r;
}

function almostEqual(self: unknown, first: unknown, second: unknown, places: unknown, msg: unknown, delta: unknown, negate: boolean): null {
  const same = eqTest(first, second);
  if (same && !negate) return null;
  if (delta !== null && delta !== undefined && places !== null && places !== undefined) throw new TypeError('specify delta or places not both');
  const diff = abs(sub(first, second));
  const op = negate ? '==' : '!=';
  if (delta !== null && delta !== undefined) {
    if (!negate && leTest(diff, delta)) return null;
    if (negate && !same && gtTest(diff, delta)) return null;
    return fails(self, msg, `${safeRepr(first)} ${op} ${safeRepr(second)} within ${safeRepr(delta)} delta (${safeRepr(diff)} difference)`);
  }
  const p = places === null || places === undefined ? 7 : places;
  const zero = eqTest(round(diff, p), 0);
  if (!negate && zero) return null;
  if (negate && !same && !zero) return null;
  const tail = negate ? '' : ` (${safeRepr(diff)} difference)`;
  return fails(self, msg, `${safeRepr(first)} ${op} ${safeRepr(second)} within ${repr(p)} places${tail}`);
}

export const assertMethods: Record<string, unknown> = {
  fail: method('self, msg=', 'fail', (self: Obj, msg: unknown = null) => {
    throw call(getattr(self, 'failureException'), [msg], null);
  }),
  _formatMessage: method('self, msg, standardMsg', '_formatMessage', (self: Obj, msg: unknown, standardMsg: unknown) =>
    formatMessage(self, msg, str(standardMsg))),
  _truncateMessage: method('self, message, diff', '_truncateMessage', (self: Obj, message: unknown, diff: unknown) =>
    truncateMessage(self, str(message), str(diff))),
  assertTrue: method('self, expr, msg=', 'assertTrue', (self: Obj, expr: unknown, msg: unknown = null) => {
    if (!truthy(expr)) fails(self, msg, `${safeRepr(expr)} is not true`);
    return null;
  }),
  assertFalse: method('self, expr, msg=', 'assertFalse', (self: Obj, expr: unknown, msg: unknown = null) => {
    if (truthy(expr)) fails(self, msg, `${safeRepr(expr)} is not false`);
    return null;
  }),
  assertEqual: method('self, first, second, msg=', 'assertEqual', (self: Obj, first: unknown, second: unknown, msg: unknown = null) => {
    const name = equalityMethod(first, second);
    if (name === null) baseAssertEqual(self, first, second, msg);
    else callMethod(self, name, first, second, msg);
    return null;
  }),
  assertNotEqual: method('self, first, second, msg=', 'assertNotEqual', (self: Obj, first: unknown, second: unknown, msg: unknown = null) => {
    if (!neTest(first, second)) fails(self, msg, `${safeRepr(first)} == ${safeRepr(second)}`);
    return null;
  }),
  assertIs: method('self, expr1, expr2, msg=', 'assertIs', (self: Obj, a: unknown, b: unknown, msg: unknown = null) => {
    if (a !== b) fails(self, msg, `${safeRepr(a)} is not ${safeRepr(b)}`);
    return null;
  }),
  assertIsNot: method('self, expr1, expr2, msg=', 'assertIsNot', (self: Obj, a: unknown, b: unknown, msg: unknown = null) => {
    if (a === b) fails(self, msg, `unexpectedly identical: ${safeRepr(a)}`);
    return null;
  }),
  assertIsNone: method('self, obj, msg=', 'assertIsNone', (self: Obj, obj: unknown, msg: unknown = null) => {
    if (obj !== null) fails(self, msg, `${safeRepr(obj)} is not None`);
    return null;
  }),
  assertIsNotNone: method('self, obj, msg=', 'assertIsNotNone', (self: Obj, obj: unknown, msg: unknown = null) => {
    if (obj === null) fails(self, msg, 'unexpectedly None');
    return null;
  }),
  assertIn: method('self, member, container, msg=', 'assertIn', (self: Obj, member: unknown, container: unknown, msg: unknown = null) => {
    if (!in_(member, container)) fails(self, msg, `${safeRepr(member)} not found in ${safeRepr(container)}`);
    return null;
  }),
  assertNotIn: method('self, member, container, msg=', 'assertNotIn', (self: Obj, member: unknown, container: unknown, msg: unknown = null) => {
    if (in_(member, container)) fails(self, msg, `${safeRepr(member)} unexpectedly found in ${safeRepr(container)}`);
    return null;
  }),
  assertIsInstance: method('self, obj, cls, msg=', 'assertIsInstance', (self: Obj, obj: unknown, cls: unknown, msg: unknown = null) => {
    if (!isinstance(obj, cls)) fails(self, msg, `${safeRepr(obj)} is not an instance of ${repr(cls)}`);
    return null;
  }),
  assertNotIsInstance: method('self, obj, cls, msg=', 'assertNotIsInstance', (self: Obj, obj: unknown, cls: unknown, msg: unknown = null) => {
    if (isinstance(obj, cls)) fails(self, msg, `${safeRepr(obj)} is an instance of ${repr(cls)}`);
    return null;
  }),
  assertGreater: method('self, a, b, msg=', 'assertGreater', compare(gtTest, 'not greater than')),
  assertGreaterEqual: method('self, a, b, msg=', 'assertGreaterEqual', compare(geTest, 'not greater than or equal to')),
  assertLess: method('self, a, b, msg=', 'assertLess', compare(ltTest, 'not less than')),
  assertLessEqual: method('self, a, b, msg=', 'assertLessEqual', compare(leTest, 'not less than or equal to')),
  assertAlmostEqual: method('self, first, second, places=, msg=, delta=', 'assertAlmostEqual',
    (self: Obj, first: unknown, second: unknown, places: unknown = null, msg: unknown = null, delta: unknown = null) =>
      almostEqual(self, first, second, places, msg, delta, false)),
  assertNotAlmostEqual: method('self, first, second, places=, msg=, delta=', 'assertNotAlmostEqual',
    (self: Obj, first: unknown, second: unknown, places: unknown = null, msg: unknown = null, delta: unknown = null) =>
      almostEqual(self, first, second, places, msg, delta, true)),
  assertRegex: method('self, text, expected_regex, msg=', 'assertRegex', (self: Obj, text: unknown, expected: unknown, msg: unknown = null) => {
    const rx = regexOf(expected);
    if (callMethod(rx, 'search', text) === null) {
      fails(self, msg, `Regex didn't match: ${repr(getattr(rx, 'pattern'))} not found in ${repr(text)}`);
    }
    return null;
  }),
  assertNotRegex: method('self, text, unexpected_regex, msg=', 'assertNotRegex', (self: Obj, text: unknown, unexpected: unknown, msg: unknown = null) => {
    const rx = regexOf(unexpected);
    const match = callMethod(rx, 'search', text);
    if (match !== null) {
      fails(self, msg, `Regex matched: ${repr(callMethod(match, 'group'))} matches ${repr(getattr(rx, 'pattern'))} in ${repr(text)}`);
    }
    return null;
  }),
  assertSequenceEqual: method('self, seq1, seq2, msg=, seq_type=', 'assertSequenceEqual',
    (self: Obj, seq1: unknown, seq2: unknown, msg: unknown = null, seqType: unknown = null) => {
      sequenceEqual(self, seq1, seq2, msg, seqType);
      return null;
    }),
  assertListEqual: method('self, list1, list2, msg=', 'assertListEqual', (self: Obj, a: unknown, b: unknown, msg: unknown = null) => {
    sequenceEqual(self, a, b, msg, list);
    return null;
  }),
  assertTupleEqual: method('self, tuple1, tuple2, msg=', 'assertTupleEqual', (self: Obj, a: unknown, b: unknown, msg: unknown = null) => {
    sequenceEqual(self, a, b, msg, tuple);
    return null;
  }),
  assertSetEqual: method('self, set1, set2, msg=', 'assertSetEqual', (self: Obj, set1: unknown, set2: unknown, msg: unknown = null) => {
    const difference = (a: unknown, b: unknown, which: string): unknown[] => {
      try {
        return Array.from(iterate(callMethod(a, 'difference', b)));
      } catch (e) {
        if (e instanceof TypeError) fail(self, `invalid type when attempting set difference: ${str(e)}`);
        if (e instanceof AttributeError) {
          fail(self, `${which} argument does not support set difference: ${str(e)}`);
        }
        throw e;
      }
    };
    const d1 = difference(set1, set2, 'first');
    const d2 = difference(set2, set1, 'second');
    if (d1.length === 0 && d2.length === 0) return null;
    const out: string[] = [];
    if (d1.length > 0) out.push('Items in the first set but not the second:', ...d1.map((x) => repr(x)));
    if (d2.length > 0) out.push('Items in the second set but not the first:', ...d2.map((x) => repr(x)));
    return fails(self, msg, out.join('\n'));
  }),
  assertDictEqual: method('self, d1, d2, msg=', 'assertDictEqual', (self: Obj, d1: unknown, d2: unknown, msg: unknown = null) => {
    callMethod(self, 'assertIsInstance', d1, dict, 'First argument is not a dictionary');
    callMethod(self, 'assertIsInstance', d2, dict, 'Second argument is not a dictionary');
    if (neTest(d1, d2)) {
      const [a, b] = commonShortenRepr(d1, d2);
      const diff = '\n' + ndiff(lines(pformat(d1)), lines(pformat(d2))).join('\n');
      fails(self, msg, truncateMessage(self, `${a} != ${b}`, diff));
    }
    return null;
  }),
  assertDictContainsSubset: method('self, subset, dictionary, msg=', 'assertDictContainsSubset',
    (self: Obj, subset: unknown, dictionary: unknown, msg: unknown = null) => {
      // CPython's default stacklevel: the warning is placed in case.py itself, a library frame.
      warnCaller('assertDictContainsSubset is deprecated', DeprecationWarning, 1);
      const missing: unknown[] = [];
      const mismatched: string[] = [];
      for (const item of iterate(callMethod(subset, 'items'))) {
        const [key, value] = Array.from(iterate(item));
        if (!in_(key, dictionary)) missing.push(key);
        else if (neTest(value, getitem(dictionary, key))) {
          mismatched.push(`${safeRepr(key)}, expected: ${safeRepr(value)}, actual: ${safeRepr(getitem(dictionary, key))}`);
        }
      }
      if (missing.length === 0 && mismatched.length === 0) return null;
      let standardMsg = '';
      if (missing.length > 0) standardMsg = `Missing: ${missing.map((m) => safeRepr(m)).join(',')}`;
      if (mismatched.length > 0) {
        if (standardMsg !== '') standardMsg += '; ';
        standardMsg += `Mismatched values: ${mismatched.join(',')}`;
      }
      return fails(self, msg, standardMsg);
    }),
  assertCountEqual: method('self, first, second, msg=', 'assertCountEqual', (self: Obj, first: unknown, second: unknown, msg: unknown = null) => {
    const differences = countDifferences(Array.from(iterate(first)), Array.from(iterate(second)));
    if (differences.length === 0) return null;
    const diffMsg = differences.map(([a, b, e]) => `First has ${a}, Second has ${b}:  ${repr(e)}`).join('\n');
    return fails(self, msg, truncateMessage(self, 'Element counts were not equal:\n', diffMsg));
  }),
  assertMultiLineEqual: method('self, first, second, msg=', 'assertMultiLineEqual', (self: Obj, first: unknown, second: unknown, msg: unknown = null) => {
    callMethod(self, 'assertIsInstance', first, strType, 'First argument is not a string');
    callMethod(self, 'assertIsInstance', second, strType, 'Second argument is not a string');
    if (first === second) return null;
    const a = first as string;
    const b = second as string;
    if (Number(len(a)) > DIFF_THRESHOLD || Number(len(b)) > DIFF_THRESHOLD) baseAssertEqual(self, a, b, msg);
    let la = str_splitlines(a, true);
    let lb = str_splitlines(b, true);
    if (la.length === 1 && a.replace(/^[\r\n]+|[\r\n]+$/g, '') === a) {
      la = [a + '\n'];
      lb = [b + '\n'];
    }
    const [ra, rb] = commonShortenRepr(a, b);
    const diff = '\n' + ndiff(la, lb).join('');
    return fails(self, msg, truncateMessage(self, `${ra} != ${rb}`, diff));
  }),
};
