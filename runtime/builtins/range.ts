/** Python's range: a lazy arithmetic sequence, iterable without allocating its items. */
import { IndexError, OverflowError, TypeError, ValueError } from './exceptions.js';
import { PyFloat, PyTuple, isIntNumber } from './values.js';
import { pyIndex } from './numbers/index.js';
import { $eq, $hash, pyHash } from './equality.js';
import { adjustSlice, slice as sliceState } from './list.js';
import { repr } from './repr.js';
import { checkPositional, oneArg } from './arity.js';

/** iter(range(…)) within the safe integers: a counter (a JS generator costs several times more per step). */
export class RangeIterator implements IterableIterator<number> {
  constructor(
    private next_: number,
    private readonly stop: number,
    private readonly step: number,
  ) {}

  next(): IteratorResult<number> {
    const i = this.next_;
    if (this.step > 0 ? i < this.stop : i > this.stop) {
      this.next_ = i + this.step;
      return { value: i, done: false };
    }
    return { value: undefined, done: true };
  }

  lengthHint(): number {
    const { next_: i, stop, step } = this;
    if (step > 0) return i < stop ? Math.floor((stop - i - 1) / step) + 1 : 0;
    return i > stop ? Math.floor((i - stop - 1) / -step) + 1 : 0;
  }

  [Symbol.iterator](): this {
    return this;
  }
}

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

  /** bool(r), without computing a length len() would refuse. */
  get nonEmpty(): boolean {
    return this.step > 0 ? this.start < this.stop : this.start > this.stop;
  }

  [Symbol.iterator](): Iterator<number> {
    return new RangeIterator(this.start, this.stop, this.step);
  }

  /** The item at an index beyond the safe integers: out of range, as every such range is shorter. */
  bigItem(_index: bigint): number | bigint {
    throw new IndexError('range object index out of range');
  }

  item(index: number): number {
    const n = this.length;
    const i = index < 0 ? index + n : index;
    if (i < 0 || i >= n) throw new IndexError('range object index out of range');
    return this.start + i * this.step;
  }

  has(v: unknown): boolean {
    let n: number;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'boolean') n = v ? 1 : 0;
    else if (v instanceof PyFloat) n = v.value;
    else return false; // a bigint lies beyond every range's bounds; other types never equal an int
    if (!Number.isInteger(n)) return false;
    const { start, stop, step } = this;
    if (step > 0 ? n < start || n >= stop : n > start || n <= stop) return false;
    return (n - start) % step === 0;
  }

  /** `r[start:stop:step]`: another range, as CPython computes it. */
  slice(start: unknown, stop: unknown, step: unknown): PyRange {
    if (typeof start === 'bigint' || typeof stop === 'bigint' || typeof step === 'bigint') {
      return new PyBigRange(BigInt(this.start), BigInt(this.stop), BigInt(this.step)).slice(start, stop, step);
    }
    adjustSlice(this.length, start, stop, step);
    const { start: lo, stop: hi, step: st } = sliceState;
    return new PyRange(this.start + lo * this.step, this.start + hi * this.step, this.step * st);
  }

  /** Python's `range.index(value)`. */
  index(v: unknown): number {
    if (arguments.length !== 1) oneArg('range.index', arguments.length);
    // `+ 0`: the int 0, not -0 (the float 0.0, values.ts), when v is 0.0 or -0.0.
    if (this.has(v)) return (Number(v instanceof PyFloat ? v.value : v) - this.start) / this.step + 0;
    throw notInRange(v);
  }

  /** len(r) as a Python int. */
  pyLen(): number | bigint {
    return this.length;
  }

  /** Python's `range.count(value)`. */
  count(v: unknown): number {
    if (arguments.length !== 1) oneArg('range.count', arguments.length);
    return this.has(v) ? 1 : 0;
  }

  [$eq](other: unknown): boolean | undefined {
    if (!(other instanceof PyRange)) return undefined;
    if (other instanceof PyBigRange) return other[$eq](this);
    const n = this.length;
    if (n !== other.length) return false;
    if (n === 0) return true;
    if (this.start !== other.start) return false;
    return n === 1 || this.step === other.step;
  }

  /** CPython's: the hash of (len, start, step), with None for what the length makes irrelevant. */
  [$hash](): number | bigint {
    const n = this.length;
    return pyHash(PyTuple.of(n, n === 0 ? null : this.start, n <= 1 ? null : this.step));
  }

  __repr__(): string {
    return this.step === 1 ? `range(${this.start}, ${this.stop})` : `range(${this.start}, ${this.stop}, ${this.step})`;
  }
}

/** `range(stop)`, `range(start, stop[, step])`. */
export function range(a: unknown, b?: unknown, c?: unknown): PyRange {
  if (arguments.length === 0 || arguments.length > 3) checkPositional('range', arguments.length, 1, 3);
  const start = b === undefined ? 0 : index(a);
  const stop = b === undefined ? index(a) : index(b);
  const step = c === undefined ? 1 : index(c);
  if (step === 0 || step === 0n) throw new ValueError('range() arg 3 must not be zero');
  if (typeof start === 'number' && typeof stop === 'number' && typeof step === 'number' && Math.abs(start) < EXACT && Math.abs(stop) < EXACT && Math.abs(step) < EXACT) {
    return new PyRange(start, stop, step);
  }
  return makeRange(BigInt(start), BigInt(stop), BigInt(step));
}

function index(v: unknown): number | bigint {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && isIntNumber(v)) return v;
  return pyIndex(v);
}

const SSIZE_MAX = 2n ** 63n - 1n;
const LONG_MAX = SSIZE_MAX;
const LONG_MIN = -(2n ** 63n);

function inLong(v: bigint): boolean {
  return v >= LONG_MIN && v <= LONG_MAX;
}

/**
 * iter() and reversed() of a range beyond the safe integers, counting in
 * bigints. CPython names it `longrange_iterator` only when C longs cannot
 * hold the walk (`long`); otherwise it is a `range_iterator` there too.
 */
export class LongRangeIterator implements IterableIterator<number | bigint> {
  private index = 0n;

  constructor(
    private readonly start: bigint,
    private readonly step: bigint,
    private readonly len: bigint,
    readonly long: boolean,
  ) {}

  next(): IteratorResult<number | bigint> {
    const i = this.index;
    if (i >= this.len) return { value: undefined, done: true };
    this.index = i + 1n;
    return { value: normal(this.start + i * this.step), done: false };
  }

  lengthHint(): number | bigint {
    return normal(this.len - this.index);
  }

  [Symbol.iterator](): this {
    return this;
  }
}

function normal(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/**
 * A range whose bounds reach beyond what doubles hold exactly: the same
 * operations in bigint arithmetic. `start`/`stop`/`step` read as Python ints
 * (a number when safe, else a bigint).
 */
export class PyBigRange extends PyRange {
  constructor(
    readonly bigStart: bigint,
    readonly bigStop: bigint,
    readonly bigStep: bigint,
  ) {
    super(0, 0, 1);
    for (const [key, value] of [['start', bigStart], ['stop', bigStop], ['step', bigStep]] as const) {
      Object.defineProperty(this, key, { value: normal(value), enumerable: true });
    }
  }

  override get nonEmpty(): boolean {
    return this.bigStep > 0n ? this.bigStart < this.bigStop : this.bigStart > this.bigStop;
  }

  get bigLength(): bigint {
    const { bigStart: start, bigStop: stop, bigStep: step } = this;
    if (step > 0n) return start < stop ? (stop - start - 1n) / step + 1n : 0n;
    return start > stop ? (start - stop - 1n) / -step + 1n : 0n;
  }

  /** len(): CPython's limit is C's ssize_t. */
  override pyLen(): number | bigint {
    const n = this.bigLength;
    if (n > SSIZE_MAX) throw new OverflowError('Python int too large to convert to C ssize_t');
    return normal(n);
  }

  override get length(): number {
    const n = this.bigLength;
    if (n > SSIZE_MAX) throw new OverflowError('Python int too large to convert to C ssize_t');
    return Number(n);
  }

  override [Symbol.iterator](): Iterator<number> {
    const { bigStart: start, bigStop: stop, bigStep: step } = this;
    const n = this.bigLength;
    // CPython's range_iter: the C long counter when the bounds, the length and the last step fit in one.
    const fits = inLong(start) && inLong(stop) && inLong(step) && n <= LONG_MAX
      && (n === 0n || (step > 0n ? stop <= LONG_MAX - (step - 1n) : stop >= LONG_MIN + (-1n - step)));
    return new LongRangeIterator(start, step, n, !fits) as Iterator<number>;
  }

  /** reversed(r), with CPython's range_reverse choice of iterator type. */
  reversedIterator(): LongRangeIterator {
    const { bigStart: start, bigStop: stop, bigStep: step } = this;
    const n = this.bigLength;
    const fits = inLong(start) && inLong(stop) && inLong(step) && step !== LONG_MIN
      && (step > 0n ? start >= LONG_MIN + step : start <= LONG_MAX + step) && n <= LONG_MAX;
    return new LongRangeIterator(start + (n - 1n) * step, -step, n, !fits);
  }

  override bigItem(index: bigint): number | bigint {
    const n = this.bigLength;
    const i = index < 0n ? index + n : index;
    if (i < 0n || i >= n) throw new IndexError('range object index out of range');
    return normal(this.bigStart + i * this.bigStep);
  }

  override item(index: number): number {
    const n = this.bigLength;
    let i = BigInt(index);
    if (i < 0n) i += n;
    if (i < 0n || i >= n) throw new IndexError('range object index out of range');
    return normal(this.bigStart + i * this.bigStep) as number;
  }

  override has(v: unknown): boolean {
    let n: bigint;
    if (typeof v === 'bigint') n = v;
    else if (typeof v === 'boolean') n = v ? 1n : 0n;
    else {
      const x = typeof v === 'number' ? v : v instanceof PyFloat ? v.value : NaN;
      if (!Number.isInteger(x)) return false;
      n = BigInt(x);
    }
    const { bigStart: start, bigStop: stop, bigStep: step } = this;
    if (step > 0n ? n < start || n >= stop : n > start || n <= stop) return false;
    return (n - start) % step === 0n;
  }

  override index(v: unknown): number {
    if (arguments.length !== 1 || !this.has(v)) return (super.index as (...a: unknown[]) => number)(...arguments);
    const n = typeof v === 'bigint' ? v : BigInt(typeof v === 'boolean' ? Number(v) : v instanceof PyFloat ? v.value : (v as number));
    return normal((n - this.bigStart) / this.bigStep) as number;
  }

  override slice(start: unknown, stop: unknown, step: unknown): PyRange {
    const len = this.bigLength;
    const st = step === null || step === undefined ? 1n : bigIndex(step);
    if (st === 0n) throw new ValueError('slice step cannot be zero');
    const clamp = (v: unknown, dflt: bigint): bigint => {
      if (v === null || v === undefined) return dflt;
      let x = bigIndex(v);
      if (x < 0n) {
        x += len;
        if (x < 0n) x = st < 0n ? -1n : 0n;
      } else if (x >= len) x = st < 0n ? len - 1n : len;
      return x;
    };
    const lo = clamp(start, st < 0n ? len - 1n : 0n);
    const hi = clamp(stop, st < 0n ? -1n : len);
    return makeRange(this.bigStart + lo * this.bigStep, this.bigStart + hi * this.bigStep, this.bigStep * st);
  }

  override [$eq](other: unknown): boolean | undefined {
    if (!(other instanceof PyRange)) return undefined;
    const a = bigParts(this);
    const b = bigParts(other);
    if (a.length !== b.length) return false;
    if (a.length === 0n) return true;
    if (a.start !== b.start) return false;
    return a.length === 1n || a.step === b.step;
  }

  override [$hash](): number | bigint {
    const n = this.bigLength;
    return pyHash(PyTuple.of(normal(n), n === 0n ? null : this.start, n <= 1n ? null : this.step));
  }

  override __repr__(): string {
    const { bigStart: a, bigStop: b, bigStep: c } = this;
    return c === 1n ? `range(${a}, ${b})` : `range(${a}, ${b}, ${c})`;
  }
}

/** CPython's ValueError: ints are looked up arithmetically, other values by a search of the items. */
function notInRange(v: unknown): ValueError {
  if (typeof v === 'number' && isIntNumber(v)) return new ValueError(`${v} is not in range`);
  if (typeof v === 'bigint' || typeof v === 'boolean') return new ValueError(`${repr(v)} is not in range`);
  return new ValueError('sequence.index(x): x not in sequence');
}

function bigParts(r: PyRange): { start: bigint; step: bigint; length: bigint } {
  if (r instanceof PyBigRange) return { start: r.bigStart, step: r.bigStep, length: r.bigLength };
  return { start: BigInt(r.start), step: BigInt(r.step), length: BigInt(r.length) };
}

function bigIndex(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number' && isIntNumber(v)) return BigInt(v);
  throw new TypeError('slice indices must be integers or None or have an __index__ method');
}

/** Bounds this far from zero keep their arithmetic exact in doubles (differences and products included). */
const EXACT = 2 ** 51;

function makeRange(start: bigint, stop: bigint, step: bigint): PyRange {
  const fits = (x: bigint): boolean => x > -BigInt(EXACT) && x < BigInt(EXACT);
  if (fits(start) && fits(stop) && fits(step)) return new PyRange(Number(start), Number(stop), Number(step));
  return new PyBigRange(start, stop, step);
}

/**
 * A bound of `for x in range(…)` compiled to a counted loop: the int value
 * as a JS number (CPython's TypeError for a non-int). A start beyond the
 * safe integers cannot be counted exactly in doubles; a stop beyond them is
 * never reached.
 */
export function rangeBound(v: unknown, isStart = false): number {
  const n = pyIndex(v);
  if (typeof n === 'number') return n;
  if (isStart) throw new OverflowError('pyasync: a for loop over range() cannot start beyond 2**53');
  return n > 0n ? Infinity : -Infinity;
}
