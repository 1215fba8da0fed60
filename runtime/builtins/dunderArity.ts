/**
 * The argument checks of a builtin type's special methods called by name
 * (`[].__len__(1)`, `(5).__add__()`), in CPython's words. Most are slot
 * wrappers (`expected 1 argument, got 0`, `wrapper __add__() takes no
 * keyword arguments`; the sequence-repeat, setter and power slots print a
 * stray leading space); a few are real methods named by their type
 * (`dict.__getitem__() takes exactly one argument`). The operators never
 * come here: only explicit calls through the attribute layer do, and only
 * when the count is wrong.
 */
import { TypeError } from './exceptions.js';
import { checkPositional, noArgs, noKeywordsError, oneArg } from './arity.js';

type DunderCheck =
  | { readonly kind: 'slot'; readonly min: number; readonly max: number; readonly lead: string }
  | { readonly kind: 'noargs' | 'o'; readonly owner: string | null }
  | { readonly kind: 'positional'; readonly max: number; readonly owner: string | null }
  | { readonly kind: 'any' };

const slot = (min: number, max: number, lead = ''): DunderCheck => ({ kind: 'slot', min, max, lead });
const UNARY = slot(0, 0);
const BINARY = slot(1, 1);
const REPEAT = slot(1, 1, ' ');
const SETTER = slot(2, 2, ' ');
const TERNARY = slot(1, 2, ' ');

const SLOTS: Record<string, DunderCheck> = {};
for (const name of ['len', 'iter', 'next', 'hash', 'bool', 'repr', 'str', 'neg', 'pos', 'abs', 'invert', 'int', 'float', 'index']) {
  SLOTS[`__${name}__`] = UNARY;
}
for (const name of [
  'add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'divmod', 'and', 'or', 'xor', 'lshift', 'rshift', 'matmul',
]) {
  SLOTS[`__${name}__`] = BINARY;
  SLOTS[`__r${name}__`] = BINARY;
  SLOTS[`__i${name}__`] = BINARY;
}
for (const name of ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'contains', 'getitem', 'delitem', 'getattribute', 'delattr']) SLOTS[`__${name}__`] = BINARY;
SLOTS['__setitem__'] = SETTER;
SLOTS['__setattr__'] = SETTER;
SLOTS['__pow__'] = TERNARY;
SLOTS['__rpow__'] = TERNARY;
// object.__init__ of a type whose __new__ does the work accepts anything; list's and dict's check their own.
SLOTS['__init__'] = { kind: 'any' };

/** The types whose `*` is a sequence's repeat (sq_repeat), not a number slot. */
const SEQUENCES = new Set(['list', 'tuple', 'str', 'bytes', 'bytearray']);

/** The special methods that are real methods, by type (the ones not listed are object's). */
const METHODS: Record<string, Record<string, DunderCheck>> = {
  list: { __getitem__: { kind: 'o', owner: 'list' }, __reversed__: { kind: 'noargs', owner: 'list' }, __sizeof__: { kind: 'noargs', owner: 'list' } },
  dict: {
    __getitem__: { kind: 'o', owner: 'dict' }, __contains__: { kind: 'o', owner: 'dict' }, __reversed__: { kind: 'noargs', owner: 'dict' },
    __sizeof__: { kind: 'noargs', owner: 'dict' },
  },
  set: { __contains__: { kind: 'o', owner: 'set' }, __sizeof__: { kind: 'noargs', owner: 'set' } },
  frozenset: { __contains__: { kind: 'o', owner: 'frozenset' }, __sizeof__: { kind: 'noargs', owner: 'frozenset' } },
  str: { __format__: { kind: 'o', owner: 'str' }, __sizeof__: { kind: 'noargs', owner: 'str' }, __getnewargs__: { kind: 'noargs', owner: 'str' } },
  int: {
    __format__: { kind: 'o', owner: 'int' }, __sizeof__: { kind: 'noargs', owner: 'int' }, __round__: { kind: 'positional', max: 1, owner: 'int' },
    __getnewargs__: { kind: 'noargs', owner: 'int' },
  },
  float: {
    __format__: { kind: 'o', owner: 'float' }, __round__: { kind: 'positional', max: 1, owner: 'float' }, __getnewargs__: { kind: 'noargs', owner: 'float' },
  },
  complex: { __format__: { kind: 'o', owner: 'complex' }, __getnewargs__: { kind: 'noargs', owner: 'complex' } },
  bytes: { __sizeof__: { kind: 'noargs', owner: 'bytes' }, __getnewargs__: { kind: 'noargs', owner: 'bytes' } },
  tuple: { __getnewargs__: { kind: 'noargs', owner: 'tuple' } },
  bytearray: { __sizeof__: { kind: 'noargs', owner: 'bytearray' } },
  range: { __reversed__: { kind: 'noargs', owner: 'range' } },
};

/** object's own methods, which every builtin type without one of its own shows. */
const OBJECT_METHODS: Record<string, DunderCheck> = {
  __format__: { kind: 'o', owner: 'object' }, __sizeof__: { kind: 'noargs', owner: 'object' }, __dir__: { kind: 'noargs', owner: 'object' },
  __reduce__: { kind: 'noargs', owner: 'object' }, __reduce_ex__: { kind: 'o', owner: 'object' }, __getstate__: { kind: 'noargs', owner: 'object' },
};

function checkOf(type: string, name: string): DunderCheck | undefined {
  const own = METHODS[type]?.[name] ?? OBJECT_METHODS[name];
  if (own !== undefined) return own;
  if ((name === '__mul__' || name === '__rmul__' || name === '__imul__') && SEQUENCES.has(type)) return REPEAT;
  return SLOTS[name];
}

function isDunder(name: string): boolean {
  return name.length > 4 && name.charCodeAt(0) === 95 && name.charCodeAt(1) === 95;
}

/**
 * A builtin type's special method `name` called with `given` positional
 * arguments: CPython's complaint if the count is wrong. `type` is the name
 * of the type that defines it (bool's are int's).
 */
export function checkDunderCall(type: string, name: string, given: number): void {
  if (!isDunder(name)) return;
  const check = checkOf(type, name);
  if (check === undefined) return;
  switch (check.kind) {
    case 'slot':
      if (given < check.min || given > check.max) {
        if (check.min === check.max) throw new TypeError(`${check.lead}expected ${check.min} argument${check.min === 1 ? '' : 's'}, got ${given}`);
        checkPositional('', given, check.min, check.max);
      }
      return;
    case 'noargs':
      noArgs(`${check.owner}.${name}`, given);
      return;
    case 'o':
      oneArg(`${check.owner}.${name}`, given);
      return;
    case 'positional':
      checkPositional(name, given, 0, check.max);
      return;
  }
}

/** A builtin type's special method `name` called with keywords: CPython's refusal, or null where it takes them. */
export function dunderKeywordsError(type: string, name: string): TypeError | null {
  if (!isDunder(name)) return null;
  const check = checkOf(type, name);
  if (check === undefined || check.kind === 'any') return null;
  if (check.kind === 'slot') return new TypeError(`wrapper ${name}() takes no keyword arguments`);
  return noKeywordsError(`${check.owner}.${name}`);
}
