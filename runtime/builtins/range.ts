/** Python's range: a lazy arithmetic sequence, iterable without allocating its items. */
import { IndexError, TypeError, ValueError } from './exceptions.js';
import { isInt, typeName } from './values.js';

export class PyRange implements Iterable<number> {
  static readonly __name__ = 'range';

  constructor(
    readonly start: number,
    readonly stop: number,
    readonly step: number,
  ) {}

  get length(): number {
    const { start, stop, step } = this;
    if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }

  *[Symbol.iterator](): Iterator<number> {
    const { start, stop, step } = this;
    if (step > 0) for (let i = start; i < stop; i += step) yield i;
    else for (let i = start; i > stop; i += step) yield i;
  }

  item(index: number): number {
    const n = this.length;
    const i = index < 0 ? index + n : index;
    if (i < 0 || i >= n) throw new IndexError('range object index out of range');
    return this.start + i * this.step;
  }

  has(v: unknown): boolean {
    if (typeof v !== 'number' || !Number.isInteger(v)) return false;
    const { start, stop, step } = this;
    if (step > 0 ? v < start || v >= stop : v > start || v <= stop) return false;
    return (v - start) % step === 0;
  }

  __repr__(): string {
    return this.step === 1 ? `range(${this.start}, ${this.stop})` : `range(${this.start}, ${this.stop}, ${this.step})`;
  }
}

/** `range(stop)`, `range(start, stop[, step])`. */
export function range(a: unknown, b?: unknown, c?: unknown): PyRange {
  const start = b === undefined ? 0 : index(a);
  const stop = b === undefined ? index(a) : index(b);
  const step = c === undefined ? 1 : index(c);
  if (step === 0) throw new ValueError('range() arg 3 must not be zero');
  return new PyRange(start, stop, step);
}

function index(v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (isInt(v)) throw new globalThis.RangeError('pyasync: range() bounds beyond 2**53 are not supported');
  throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}
