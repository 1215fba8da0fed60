/**
 * The iterators `iter()` gives for lists, tuples, strs and bytes: CPython's
 * list_iterator, tuple_iterator, str_ascii_iterator / str_iterator and
 * bytes_iterator. Compiled `for` loops never make them (they walk lists and
 * tuples by index and strs with JS's own iterator); these are the objects
 * Python code holds, so they carry an index `__length_hint__` can read and
 * get their Python types in iteratorTypes.ts. Each keeps CPython's rule
 * that an iterator once exhausted stays exhausted, even if its sequence
 * grows afterwards.
 */
import { strLen } from './str/core.js';

const DONE: IteratorResult<never> = { done: true, value: undefined as never };

/**
 * Walks an array-like by index, reading its length at each step (a list may
 * grow or shrink meanwhile, as CPython's iterator sees it). Not a Python
 * type itself: each sequence's iterator below is its own class, so that
 * iteratorTypes.ts tells them apart with `instanceof`.
 */
class IndexIterator<T> implements IterableIterator<T> {
  private index = 0;

  constructor(private seq: ArrayLike<T> | null) {}

  next(): IteratorResult<T> {
    const seq = this.seq;
    if (seq !== null) {
      const i = this.index;
      if (i < seq.length) {
        this.index = i + 1;
        return { done: false, value: seq[i]! };
      }
      this.seq = null;
    }
    return DONE;
  }

  lengthHint(): number {
    return this.seq === null ? 0 : Math.max(0, this.seq.length - this.index);
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** iter(list). */
export class ListIterator extends IndexIterator<unknown> {}

/** iter(tuple). */
export class TupleIterator extends IndexIterator<unknown> {}

/**
 * iter(str): one code point at a time (a surrogate pair is one character).
 * CPython's type depends on whether the str is ASCII; iteratorTypes.ts asks
 * `text` when the type is wanted, so making one costs no scan of the str.
 */
export class StrIterator implements IterableIterator<string> {
  private index = 0;

  constructor(readonly text: string) {}

  next(): IteratorResult<string> {
    const s = this.text;
    const i = this.index;
    if (i >= s.length) return DONE;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        this.index = i + 2;
        return { done: false, value: s.slice(i, i + 2) };
      }
    }
    this.index = i + 1;
    return { done: false, value: s[i]! };
  }

  /** The characters left: code points, not UTF-16 units, as len() counts them. */
  lengthHint(): number {
    return strLen(this.index === 0 ? this.text : this.text.slice(this.index));
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** iter(bytes): the byte values as ints. */
export class BytesIterator extends IndexIterator<number> {}
