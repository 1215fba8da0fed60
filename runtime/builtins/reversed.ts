/**
 * The builtin reversed(seq): lazy reverse iterators, named as CPython names
 * their types (`list_reverseiterator`, `range_iterator`, `reversed`…). A
 * list's walks the live list, as CPython's does: items appended after it
 * was made are not seen, items removed shorten the walk.
 */
import { PyBytes, PyTuple, typeName } from './values.js';
import { PyByteArray } from './bytearray.js';
import { TypeError } from './exceptions.js';
import { PyDict, DictView, dictReversed } from './dict.js';
import { PyBigRange, PyRange } from './range.js';
import { codePoints } from './str/core.js';
import { callSpecial, hasSpecial } from './special.js';
import { checkPositional } from './arity.js';
import { isPyFunction } from './calls.js';

abstract class ReverseIterator implements IterableIterator<unknown> {
  abstract next(): IteratorResult<unknown>;

  abstract lengthHint(): number;

  [Symbol.iterator](): this {
    return this;
  }
}

const DONE: IteratorResult<unknown> = { done: true, value: undefined };

/** reversed(list): reads the list at each step. */
export class ListReverseIterator extends ReverseIterator {
  private index: number;

  constructor(private list: readonly unknown[] | null) {
    super();
    this.index = list!.length - 1;
  }

  next(): IteratorResult<unknown> {
    const list = this.list;
    if (list === null) return DONE;
    const i = this.index;
    if (i >= 0 && i < list.length) {
      this.index = i - 1;
      return { done: false, value: list[i] };
    }
    this.list = null;
    return DONE;
  }

  /** The items left, or 0 once the list is shorter than where the walk stands. */
  lengthHint(): number {
    const n = this.index + 1;
    return this.list === null || this.list.length < n ? 0 : n;
  }
}

/** reversed(tuple), reversed(str) and reversed(x) for a user sequence: CPython's `reversed` type. */
export class SequenceReverseIterator extends ReverseIterator {
  constructor(
    private index: number,
    private readonly at: (i: number) => unknown,
    /** The sequence's current length, for a user sequence whose length can change. */
    private readonly size: (() => number) | null = null,
  ) {
    super();
  }

  next(): IteratorResult<unknown> {
    const i = this.index;
    if (i < 0) return DONE;
    this.index = i - 1;
    return { done: false, value: this.at(i) };
  }

  lengthHint(): number {
    const n = this.index + 1;
    if (n <= 0) return 0;
    return this.size !== null && this.size() < n ? 0 : n;
  }
}

/** reversed(range(...)): counts down without allocating. */
export class RangeReverseIterator extends ReverseIterator {
  private remaining: number;
  private current: number;
  private readonly step: number;

  constructor(r: PyRange) {
    super();
    this.remaining = r.length;
    this.step = r.step;
    this.current = r.start + (this.remaining - 1) * r.step;
  }

  next(): IteratorResult<unknown> {
    if (this.remaining <= 0) return DONE;
    this.remaining--;
    const value = this.current;
    this.current -= this.step;
    return { done: false, value };
  }

  lengthHint(): number {
    return Math.max(0, this.remaining);
  }
}

export function reversed(seq: unknown): IterableIterator<unknown> {
  if (arguments.length !== 1) checkPositional('reversed', arguments.length, 1, 1);
  if (Array.isArray(seq)) {
    const proto = Object.getPrototypeOf(seq) as Record<string, unknown>;
    if (proto === (PyTuple.prototype as unknown)) return new SequenceReverseIterator(seq.length - 1, (i) => seq[i]);
    if (proto === (Array.prototype as unknown)) return new ListReverseIterator(seq);
    // A subclass: its own __reversed__; a list's own; a tuple's (tuple has none) through its __len__ and __getitem__.
    if (!isPyFunction(proto['__reversed__']) && !(seq instanceof PyTuple)) return new ListReverseIterator(seq);
  } else if (seq instanceof PyDict && !isPyFunction((Object.getPrototypeOf(seq) as Record<string, unknown>)['__reversed__'])) {
    return dictReversed(seq);
  }
  if (typeof seq === 'string') {
    const points = codePoints(seq);
    return new SequenceReverseIterator(points.length - 1, (i) => String.fromCodePoint(points[i]!));
  }
  if (seq instanceof PyBigRange) return seq.reversedIterator() as IterableIterator<unknown>;
  if (seq instanceof PyRange) return new RangeReverseIterator(seq);
  if (seq instanceof DictView) return seq.reversed();
  if (hasSpecial(seq, '__reversed__')) return callSpecial(seq, '__reversed__') as IterableIterator<unknown>;
  if (hasSpecial(seq, '__len__') && hasSpecial(seq, '__getitem__')) {
    const n = callSpecial(seq, '__len__') as number;
    return new SequenceReverseIterator(n - 1, (i) => callSpecial(seq, '__getitem__', i), () => callSpecial(seq, '__len__') as number);
  }
  // bytes and bytearray have no __reversed__: CPython walks them as sequences.
  if (seq instanceof PyBytes) {
    const data = seq.bytes;
    return new SequenceReverseIterator(data.length - 1, (i) => data[i]);
  }
  if (seq instanceof PyByteArray) {
    const array = seq;
    return new SequenceReverseIterator(array.size - 1, (i) => array.view[i]);
  }
  throw new TypeError(`'${typeName(seq)}' object is not reversible`);
}
