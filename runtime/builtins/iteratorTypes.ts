/**
 * The Python types of the builtins' iterator objects: `list_iterator`,
 * `dict_keyiterator`, `range_iterator`, `zip`… as CPython names them. The
 * iterators themselves are the runtime's JS classes (their `next()` is what
 * compiled loops and the runtime call); each is given a type object here,
 * made as the other builtin types are (registerBuiltinClass: `__name__`,
 * an MRO, methods that check their `self`), which its prototype names as
 * its `constructor`, so `type(it)`, `repr(it)` and `isinstance` see it.
 * The type's methods `__iter__`, `__next__` and, where CPython has it,
 * `__length_hint__` are copied onto the JS prototype, so an instance finds
 * them as any object finds its class's methods.
 *
 * One JS class serves several types where only a field tells them apart
 * (a dict iterator's kind, whether a str is ASCII): its `constructor` is a
 * getter answering by that field, so no iterator carries a field for it.
 */
import { TypeError } from './exceptions.js';
import { nextResult, CallableIterator, SequenceIterator } from './iteration.js';
import { BytesIterator, ListIterator, StrIterator, TupleIterator } from './sequenceIterators.js';
import { ByteArrayIterator } from './bytearray.js';
import { DictIterator, DictReverseIterator } from './dict.js';
import { SetIterator } from './set.js';
import { LongRangeIterator, RangeIterator } from './range.js';
import { ListReverseIterator, RangeReverseIterator, SequenceReverseIterator } from './reversed.js';
import { Enumerate, Filter, PyMap, Zip } from './iterators.js';
import { MemoryIterator } from './memoryview/view.js';
import { isAscii } from './str/core.js';
import { registerBuiltinClass } from './classes.js';
import { defineHidden, infoOf, type PyClass } from './classes/model.js';
import { builtinInstanceTests } from './classes/creation.js';

interface Stepper {
  next(): IteratorResult<unknown>;
  lengthHint?(): unknown;
}

type Method = (self: never, ...args: never[]) => unknown;

const ITERATOR_METHODS: Record<string, Method> = {
  __iter__: (self: object) => self,
  __next__: (self: Stepper) => nextResult(self.next()),
};

const HINTED_METHODS: Record<string, Method> = {
  ...ITERATOR_METHODS,
  __length_hint__: (self: Stepper) => self.lengthHint!(),
};

type JsClass = { prototype: object };

/**
 * Registers `fn` (a new type function unless the builtin already is one,
 * as `zip`) as the iterator type `name`, whose instances pass `test`.
 */
function iteratorType(name: string, hinted: boolean, test: (v: unknown) => boolean, fn?: Function): PyClass {
  const type = fn ?? function (): never {
    throw new TypeError(`cannot create '${name}' instances`);
  };
  registerBuiltinClass(type, name, null, null, hinted ? HINTED_METHODS : ITERATOR_METHODS);
  builtinInstanceTests.set(type, test);
  return type as unknown as PyClass;
}

/** The type's methods on the JS class's prototype, and the type as its `constructor` (or a getter choosing one). */
function adopt(cls: JsClass, type: PyClass, choose?: (it: never) => PyClass): void {
  for (const [key, method] of infoOf(type).dict) defineHidden(cls.prototype, key, method);
  if (choose === undefined) defineHidden(cls.prototype, 'constructor', type);
  else Object.defineProperty(cls.prototype, 'constructor', { get(this: never) { return choose(this); }, configurable: true, enumerable: false });
}

/** A type whose instances are exactly those of one JS class. */
function simple(cls: JsClass, name: string, hinted: boolean, fn?: Function): PyClass {
  const type = iteratorType(name, hinted, (v) => v instanceof (cls as unknown as Function), fn);
  adopt(cls, type);
  return type;
}

/** `zip`, `map`, `filter`, `enumerate` and `reversed` are builtins that are also their iterators' types. */
export interface LazyBuiltins {
  readonly zip: Function;
  readonly map: Function;
  readonly filter: Function;
  readonly enumerate: Function;
  readonly reversed: Function;
}

export function registerIteratorTypes(builtins: LazyBuiltins): void {
  simple(Zip, 'zip', false, builtins.zip);
  simple(PyMap, 'map', false, builtins.map);
  simple(Filter, 'filter', false, builtins.filter);
  simple(Enumerate, 'enumerate', false, builtins.enumerate);
  simple(SequenceReverseIterator, 'reversed', true, builtins.reversed);

  simple(ListIterator, 'list_iterator', true);
  simple(ListReverseIterator, 'list_reverseiterator', true);
  simple(TupleIterator, 'tuple_iterator', true);
  simple(BytesIterator, 'bytes_iterator', true);
  simple(ByteArrayIterator, 'bytearray_iterator', true);
  simple(SetIterator, 'set_iterator', true);
  simple(CallableIterator, 'callable_iterator', false);
  simple(SequenceIterator, 'iterator', true);
  simple(MemoryIterator, 'memory_iterator', false);

  const rangeIterator = iteratorType('range_iterator', true, (v) => v instanceof RangeIterator || v instanceof RangeReverseIterator
    || (v instanceof LongRangeIterator && !v.long));
  adopt(RangeIterator, rangeIterator);
  adopt(RangeReverseIterator, rangeIterator);
  const longRangeIterator = iteratorType('longrange_iterator', true, (v) => v instanceof LongRangeIterator && v.long);
  adopt(LongRangeIterator, longRangeIterator, (it: LongRangeIterator) => (it.long ? longRangeIterator : rangeIterator));

  const asciiIterator = iteratorType('str_ascii_iterator', true, (v) => v instanceof StrIterator && isAscii(v.text));
  const strIterator = iteratorType('str_iterator', true, (v) => v instanceof StrIterator && !isAscii(v.text));
  adopt(StrIterator, asciiIterator, (it: StrIterator) => (isAscii(it.text) ? asciiIterator : strIterator));

  const kinds = ['key', 'value', 'item'] as const;
  const forward = kinds.map((k, kind) => iteratorType(`dict_${k}iterator`, true, (v) => v instanceof DictIterator && v.kind === kind));
  adopt(DictIterator, forward[0]!, (it: DictIterator<unknown>) => forward[it.kind]!);
  const backward = kinds.map((k, kind) => iteratorType(`dict_reverse${k}iterator`, true, (v) => v instanceof DictReverseIterator && v.kind === kind));
  adopt(DictReverseIterator, backward[0]!, (it: DictReverseIterator<unknown>) => backward[it.kind]!);
}
