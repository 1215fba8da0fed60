import { describe, expect, test } from 'vitest';
import { argTypeName, checkArgCount, checkPositional, noArgs, oneArg, unpackKeywords, type ClinicSignature } from './arity.js';
import { checkDunderCall, dunderKeywordsError } from './dunderArity.js';

/** The message of what `f` throws. */
function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return '(nothing thrown)';
}

const POW: ClinicSignature = { name: 'pow', params: ['base', 'exp', 'mod'], posonly: 0, minpos: 2, maxpos: 3 };
const SUM: ClinicSignature = { name: 'sum', params: ['iterable', 'start'], posonly: 1, minpos: 1, maxpos: 2 };
const TO_BYTES: ClinicSignature = { name: 'to_bytes', params: ['length', 'byteorder', 'signed'], posonly: 0, minpos: 0, maxpos: 2 };
const SORT: ClinicSignature = { name: 'sort', params: ['key', 'reverse'], posonly: 0, minpos: 0, maxpos: 0 };

// The expected texts are CPython 3.11's for the same calls.
describe("Argument Clinic's _PyArg_UnpackKeywords", () => {
  test('binds positional and keyword arguments in parameter order', () => {
    expect(unpackKeywords(POW, [2], { mod: 5, exp: 3 })).toEqual([2, 3, 5]);
    expect(unpackKeywords(TO_BYTES, [], { signed: true })).toEqual([undefined, undefined, true]);
  });

  test('complains in its order: too many, too many positional, too few, missing, twice, unknown', () => {
    expect(thrown(() => unpackKeywords(POW, [1, 2, 3], { mod: 4 }))).toBe('pow() takes at most 3 arguments (4 given)');
    expect(thrown(() => unpackKeywords(TO_BYTES, [], { a: 1, b: 2, c: 3, d: 4 }))).toBe('to_bytes() takes at most 3 keyword arguments (4 given)');
    expect(thrown(() => unpackKeywords(TO_BYTES, [1, 'big', true], null))).toBe('to_bytes() takes at most 2 positional arguments (3 given)');
    expect(thrown(() => unpackKeywords(SORT, [1], null))).toBe('sort() takes no positional arguments');
    expect(thrown(() => unpackKeywords(SUM, [], { x: 1 }))).toBe('sum() takes at least 1 positional argument (0 given)');
    expect(thrown(() => unpackKeywords(POW, [], { x: 1 }))).toBe("pow() missing required argument 'base' (pos 1)");
    expect(thrown(() => unpackKeywords(POW, [null], { x: 1 }))).toBe("pow() missing required argument 'exp' (pos 2)");
    expect(thrown(() => unpackKeywords(POW, [1, 2], { base: 3 }))).toBe("argument for pow() given by name ('base') and position (1)");
    expect(thrown(() => unpackKeywords(POW, [1, 2], { x: 3 }))).toBe("'x' is an invalid keyword argument for pow()");
    // A positional-only parameter's name is no keyword.
    expect(thrown(() => unpackKeywords(SUM, [[]], { iterable: 1 }))).toBe("'iterable' is an invalid keyword argument for sum()");
  });
});

describe('the other calling conventions', () => {
  test('METH_NOARGS, METH_O, positional-only clinic, PyArg_ParseTuple', () => {
    expect(thrown(() => noArgs('int.bit_length', 1))).toBe('int.bit_length() takes no arguments (1 given)');
    expect(thrown(() => oneArg('set.add', 2))).toBe('set.add() takes exactly one argument (2 given)');
    expect(thrown(() => checkPositional('center', 0, 1, 2))).toBe('center expected at least 1 argument, got 0');
    expect(thrown(() => checkPositional('setattr', 2, 3, 3))).toBe('setattr expected 3 arguments, got 2');
    expect(thrown(() => checkArgCount('find', 6, 1, 3))).toBe('find() takes at most 3 arguments (6 given)');
  });

  test('a bad argument of None is named None', () => {
    expect(argTypeName(null)).toBe('None');
    expect(argTypeName(1)).toBe('int');
  });
});

describe('special methods called by name', () => {
  test("slot wrappers' counts (the repeat, setter and power slots print a leading space) and real methods'", () => {
    expect(thrown(() => checkDunderCall('int', '__add__', 0))).toBe('expected 1 argument, got 0');
    expect(thrown(() => checkDunderCall('list', '__len__', 1))).toBe('expected 0 arguments, got 1');
    expect(thrown(() => checkDunderCall('list', '__mul__', 2))).toBe(' expected 1 argument, got 2');
    expect(thrown(() => checkDunderCall('int', '__mul__', 2))).toBe('expected 1 argument, got 2');
    expect(thrown(() => checkDunderCall('list', '__setitem__', 1))).toBe(' expected 2 arguments, got 1');
    expect(thrown(() => checkDunderCall('int', '__pow__', 0))).toBe(' expected at least 1 argument, got 0');
    expect(thrown(() => checkDunderCall('dict', '__getitem__', 0))).toBe('dict.__getitem__() takes exactly one argument (0 given)');
    expect(thrown(() => checkDunderCall('tuple', '__getitem__', 0))).toBe('expected 1 argument, got 0');
    expect(thrown(() => checkDunderCall('bytes', '__format__', 2))).toBe('object.__format__() takes exactly one argument (2 given)');
    expect(thrown(() => checkDunderCall('int', '__round__', 2))).toBe('__round__ expected at most 1 argument, got 2');
    expect(thrown(() => checkDunderCall('str', '__init__', 5))).toBe('(nothing thrown)');
  });

  test('keywords', () => {
    expect(dunderKeywordsError('list', '__len__')?.message).toBe('wrapper __len__() takes no keyword arguments');
    expect(dunderKeywordsError('range', '__reversed__')?.message).toBe('range.__reversed__() takes no keyword arguments');
    expect(dunderKeywordsError('int', '__init__')).toBeNull();
  });
});
