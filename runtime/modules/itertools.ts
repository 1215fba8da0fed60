/**
 * Python's `itertools`: lazy iterators with CPython's type names, reprs
 * (count and repeat show their state) and error messages.
 */
import { TypeError, ValueError } from '../builtins/exceptions.js';
import { PyComplex, PyFloat, PyTuple, isIntNumber, typeName } from '../builtins/values.js';
import { add } from '../builtins/operators.js';
import { truthy } from '../builtins/truth.js';
import { call, noKeywords } from '../builtins/calls.js';
import { repr } from '../builtins/repr.js';
import { iterate } from '../builtins/iteration.js';
import { eq } from '../builtins/equality.js';
import { userIndex } from '../builtins/numbers/index.js';
import { ItertoolsIterator, iteratorOf, iteratorType, withKeywords } from './support/itertools/base.js';
import { checkKeywords, type Kw } from './support/stdlib/pyclass.js';

export const __name__ = 'itertools';

type It = Iterator<unknown>;

function tuple(items: unknown[]): PyTuple {
  return PyTuple.fromArray(items);
}

function isNumber(v: unknown): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyFloat || v instanceof PyComplex;
}

/** A non-negative int argument (r, n, repeat). */
function intArg(v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v !== 'number' || !isIntNumber(v)) throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
  return v;
}

// ---------------------------------------------------------------------------
// Infinite iterators

class Count extends ItertoolsIterator {
  static readonly __name__ = 'count';
  protected readonly source: It = this;

  constructor(private current: unknown, private readonly step: unknown) {
    super();
  }

  override next(): IteratorResult<unknown> {
    const value = this.current;
    this.current = add(this.current, this.step);
    return { done: false, value };
  }

  override __repr__(): string {
    if (typeof this.step === 'number' && this.step === 1) return `count(${repr(this.current)})`;
    return `count(${repr(this.current)}, ${repr(this.step)})`;
  }
}

function makeCount(start: unknown = 0, step: unknown = 1): Count {
  if (!isNumber(start) || !isNumber(step)) throw new TypeError('a number is required');
  return new Count(start, step);
}

export const count = withKeywords(function count(start: unknown = 0, step: unknown = 1): Count {
  return makeCount(start, step);
}, (args, kw) => {
  checkKeywords(kw, ['start', 'step'], 'count');
  return makeCount(args[0] ?? kw['start'], args[1] ?? kw['step']);
});

const DONE: IteratorResult<unknown> = Object.freeze({ done: true, value: undefined });

/**
 * CPython's cycle_next, as a small iterator rather than a generator (a
 * resumption and a result object less per item): the first pass reads the
 * source and saves its items; an error from the source leaves it in place,
 * so the next call asks the source again.
 */
class Cycle extends ItertoolsIterator {
  static readonly __name__ = 'cycle';
  static readonly __qualname__ = 'cycle';
  protected readonly source: Iterator<unknown> = this;
  private readonly saved: unknown[] = [];
  private index = 0;

  constructor(private it: Iterator<unknown> | null) {
    super();
  }

  override next(): IteratorResult<unknown> {
    const it = this.it;
    if (it !== null) {
      const r = it.next();
      if (!r.done) {
        this.saved.push(r.value);
        return { done: false, value: r.value };
      }
      this.it = null;
    }
    const saved = this.saved;
    if (saved.length === 0) return DONE;
    const value = saved[this.index++];
    if (this.index >= saved.length) this.index = 0;
    return { done: false, value };
  }
}

export function cycle(iterable: unknown): ItertoolsIterator {
  return new Cycle(iteratorOf(iterable));
}

class Repeat extends ItertoolsIterator {
  static readonly __name__ = 'repeat';
  protected readonly source: It = this;

  constructor(private readonly object: unknown, private times: number | null) {
    super();
  }

  override next(): IteratorResult<unknown> {
    if (this.times === null) return { done: false, value: this.object };
    if (this.times <= 0) return { done: true, value: undefined };
    this.times--;
    return { done: false, value: this.object };
  }

  override __repr__(): string {
    return this.times === null ? `repeat(${repr(this.object)})` : `repeat(${repr(this.object)}, ${this.times})`;
  }

  __length_hint__(): number {
    if (this.times === null) throw new TypeError('len() of unsized object');
    return this.times;
  }
}

function makeRepeat(args: unknown[], kw: Kw): Repeat {
  checkKeywords(kw, ['object', 'times'], 'repeat');
  const object = args.length > 0 ? args[0] : kw['object'];
  if (object === undefined) throw new TypeError("repeat() missing required argument 'object' (pos 1)");
  const times = args.length > 1 ? args[1] : kw['times'];
  return new Repeat(object, times === undefined || times === null ? null : Math.max(0, intArg(times)));
}

export const repeat = withKeywords(function repeat(...args: unknown[]): Repeat {
  return makeRepeat(args, {});
}, (args, kw) => makeRepeat(args, kw));

// ---------------------------------------------------------------------------
// Iterators terminating on the shortest input

const Accumulate = iteratorType('accumulate');
function makeAccumulate(iterable: unknown, func: unknown, initial: unknown): ItertoolsIterator {
  if (iterable === undefined) throw new TypeError("accumulate() missing required argument 'iterable' (pos 1)");
  const it = iteratorOf(iterable);
  const fn = func === null || func === undefined ? add : (a: unknown, b: unknown) => call(func, [a, b], null);
  return new Accumulate((function* () {
    let total: unknown;
    let started = false;
    if (initial !== null && initial !== undefined) {
      total = initial;
      started = true;
      yield total;
    }
    for (let r = it.next(); !r.done; r = it.next()) {
      total = started ? fn(total, r.value) : r.value;
      started = true;
      yield total;
    }
  })());
}

export const accumulate = withKeywords(function accumulate(iterable?: unknown, func: unknown = null): ItertoolsIterator {
  return makeAccumulate(iterable, func, null);
}, (args, kw) => {
  checkKeywords(kw, ['iterable', 'func', 'initial'], 'accumulate');
  return makeAccumulate(args[0] ?? kw['iterable'], args[1] ?? kw['func'], kw['initial']);
});

const Chain = iteratorType('chain');
function chainOver(iterables: It): ItertoolsIterator {
  return new Chain((function* () {
    for (let r = iterables.next(); !r.done; r = iterables.next()) yield* iterate(r.value);
  })());
}

export const chain = Object.assign(noKeywords(function chain(...iterables: unknown[]): ItertoolsIterator {
  return chainOver(iterables[Symbol.iterator]());
}, 'chain'), {
  __name__: 'chain',
  from_iterable(iterable: unknown): ItertoolsIterator {
    return chainOver(iteratorOf(iterable));
  },
});

const Compress = iteratorType('compress');
function makeCompress(data: unknown, selectors: unknown): ItertoolsIterator {
  if (data === undefined) throw new TypeError("compress() missing required argument 'data' (pos 1)");
  if (selectors === undefined) throw new TypeError("compress() missing required argument 'selectors' (pos 2)");
  const d = iteratorOf(data);
  const s = iteratorOf(selectors);
  return new Compress((function* () {
    for (;;) {
      const a = d.next();
      if (a.done) return;
      const b = s.next();
      if (b.done) return;
      if (truthy(b.value)) yield a.value;
    }
  })());
}

export const compress = withKeywords(function compress(data?: unknown, selectors?: unknown): ItertoolsIterator {
  return makeCompress(data, selectors);
}, (args, kw) => {
  checkKeywords(kw, ['data', 'selectors'], 'compress');
  return makeCompress(args[0] ?? kw['data'], args[1] ?? kw['selectors']);
});

function twoArgs(name: string, args: unknown[]): void {
  if (args.length !== 2) throw new TypeError(`${name} expected 2 arguments, got ${args.length}`);
}

const DropWhile = iteratorType('dropwhile');
export function dropwhile(...args: unknown[]): ItertoolsIterator {
  twoArgs('dropwhile', args);
  const [pred, iterable] = args;
  const it = iteratorOf(iterable);
  return new DropWhile((function* () {
    let dropping = true;
    for (let r = it.next(); !r.done; r = it.next()) {
      if (dropping && truthy(call(pred, [r.value], null))) continue;
      dropping = false;
      yield r.value;
    }
  })());
}

const TakeWhile = iteratorType('takewhile');
export function takewhile(...args: unknown[]): ItertoolsIterator {
  twoArgs('takewhile', args);
  const [pred, iterable] = args;
  const it = iteratorOf(iterable);
  return new TakeWhile((function* () {
    for (let r = it.next(); !r.done; r = it.next()) {
      if (!truthy(call(pred, [r.value], null))) return;
      yield r.value;
    }
  })());
}

const FilterFalse = iteratorType('filterfalse');
export function filterfalse(...args: unknown[]): ItertoolsIterator {
  twoArgs('filterfalse', args);
  const [pred, iterable] = args;
  const it = iteratorOf(iterable);
  return new FilterFalse((function* () {
    for (let r = it.next(); !r.done; r = it.next()) {
      const keep = pred === null ? truthy(r.value) : truthy(call(pred, [r.value], null));
      if (!keep) yield r.value;
    }
  })());
}

const StarMap = iteratorType('starmap');
export function starmap(...args: unknown[]): ItertoolsIterator {
  twoArgs('starmap', args);
  const [fn, iterable] = args;
  const it = iteratorOf(iterable);
  return new StarMap((function* () {
    for (let r = it.next(); !r.done; r = it.next()) yield call(fn, [...iterate(r.value)], null);
  })());
}

// groupby: the groups share the underlying iterator; moving to the next key ends the current group.
const Grouper = iteratorType('_grouper');
const GroupBy = iteratorType('groupby');
function makeGroupBy(iterable: unknown, key: unknown): ItertoolsIterator {
  const it = iteratorOf(iterable);
  const keyOf = key === null || key === undefined ? (v: unknown) => v : (v: unknown) => call(key, [v], null);
  let current: { value: unknown; key: unknown } | null = null;
  let exhausted = false;
  let generation = 0;
  const now = (): { value: unknown; key: unknown } | null => current;
  const advance = (): boolean => {
    const r = it.next();
    if (r.done) {
      exhausted = true;
      current = null;
      return false;
    }
    current = { value: r.value, key: keyOf(r.value) };
    return true;
  };
  return new GroupBy((function* () {
    let lastKey: { key: unknown } | null = null;
    for (;;) {
      if (current === null && !exhausted && !advance()) return;
      if (exhausted) return;
      // Skip what is left of the previous group.
      while (lastKey !== null && eq(current!.key, lastKey.key)) {
        if (!advance()) return;
      }
      const groupKey = current!.key;
      lastKey = { key: groupKey };
      const mine = ++generation;
      const group = new Grouper((function* () {
        for (let cur = now(); mine === generation && cur !== null && eq(cur.key, groupKey); cur = now()) {
          yield cur.value;
          if (!advance()) return;
        }
      })());
      yield tuple([groupKey, group]);
    }
  })());
}

export const groupby = withKeywords(function groupby(iterable: unknown, key: unknown = null): ItertoolsIterator {
  return makeGroupBy(iterable, key);
}, (args, kw) => {
  checkKeywords(kw, ['iterable', 'key'], 'groupby');
  return makeGroupBy(args[0] ?? kw['iterable'], args[1] ?? kw['key']);
});

/**
 * CPython's islice_next, as a small iterator: it skips to the next index it
 * yields, and once past the last one it has still read the source up to
 * stop. The source is dropped when it ends or fails.
 */
class ISlice extends ItertoolsIterator {
  static readonly __name__ = 'islice';
  static readonly __qualname__ = 'islice';
  protected readonly source: Iterator<unknown> = this;
  private cnt = 0;

  /** stop is -1 for none. */
  constructor(private it: Iterator<unknown> | null, private nextIndex: number, private readonly stop: number, private readonly step: number) {
    super();
  }

  override next(): IteratorResult<unknown> {
    const it = this.it;
    if (it === null) return DONE;
    const stop = this.stop;
    try {
      while (this.cnt < this.nextIndex) {
        if (it.next().done) return this.empty();
        this.cnt++;
      }
      if (stop !== -1 && this.cnt >= stop) return this.empty();
      const r = it.next();
      if (r.done) return this.empty();
      this.cnt++;
      const old = this.nextIndex;
      this.nextIndex += this.step;
      if (this.nextIndex < old || (stop !== -1 && this.nextIndex > stop)) this.nextIndex = stop;
      return { done: false, value: r.value };
    } catch (e) {
      this.it = null;
      throw e;
    }
  }

  private empty(): IteratorResult<unknown> {
    this.it = null;
    return DONE;
  }
}

const STOP_MESSAGE = 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.';
const INDICES_MESSAGE = 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.';
const SSIZE_MAX = 2n ** 63n - 1n;

/** CPython's PyNumber_AsSsize_t with -1 for a failure (not an int, or past sys.maxsize either way), which islice reads as an error. */
function asSsize(v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return isIntNumber(v) ? v : -1;
  if (typeof v === 'bigint') {
    if (v > SSIZE_MAX || v < -SSIZE_MAX - 1n) return -1;
    // Past 2**53 no iterator gets that far: a bound that large is as good as none.
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
  }
  // An int subclass's instance, or an object with __index__.
  const i = userIndex(v);
  return i === undefined ? -1 : asSsize(i);
}

export function islice(...args: unknown[]): ItertoolsIterator {
  if (args.length < 2) throw new TypeError(`islice expected at least 2 arguments, got ${args.length}`);
  if (args.length > 4) throw new TypeError(`islice expected at most 4 arguments, got ${args.length}`);
  const it = iteratorOf(args[0]);
  // CPython's order of checks: a bad stop first, then the range of both bounds, then the step.
  let start = 0;
  let stop = -1;
  let step = 1;
  const stopArg = args.length === 2 ? args[1] : args[2];
  if (args.length > 2 && args[1] !== null) start = asSsize(args[1]);
  if (stopArg !== null) {
    stop = asSsize(stopArg);
    if (stop === -1) throw new ValueError(STOP_MESSAGE);
  }
  if (start < 0 || stop < -1) throw new ValueError(INDICES_MESSAGE);
  if (args.length === 4) {
    const s = args[3];
    if (s !== null) {
      if (typeof s !== 'number' || !isIntNumber(s) || s <= 0) throw new ValueError('Step for islice() must be a positive integer or None.');
      step = s;
    }
  }
  return new ISlice(it, start, stop, step);
}

/** What the iterators of one tee() share: the source, and the items some of them have yet to read. */
interface TeeShared {
  readonly it: Iterator<unknown>;
  readonly buffer: unknown[];
  /** The source index of buffer[0]. */
  offset: number;
  done: boolean;
  readonly readers: Set<TeeObject>;
}

/** One of tee()'s iterators; `__copy__` gives another at the same place, sharing the buffer, as CPython's _tee does. */
class TeeObject extends ItertoolsIterator {
  static readonly __name__ = '_tee';
  static readonly __qualname__ = '_tee';
  protected readonly source: Iterator<unknown> = this;

  constructor(private readonly shared: TeeShared, private pos: number) {
    super();
    shared.readers.add(this);
  }

  override next(): IteratorResult<unknown> {
    const s = this.shared;
    const i = this.pos - s.offset;
    if (i >= s.buffer.length) {
      if (s.done) return { done: true, value: undefined };
      const r = s.it.next();
      if (r.done) {
        s.done = true;
        return { done: true, value: undefined };
      }
      s.buffer.push(r.value);
    }
    const value = s.buffer[i];
    this.pos++;
    // The reader that was furthest behind moved on: drop what every reader has read.
    if (i === 0) {
      let min = Infinity;
      for (const r of s.readers) min = Math.min(min, r.pos);
      if (min > s.offset) {
        s.buffer.splice(0, min - s.offset);
        s.offset = min;
      }
    }
    return { done: false, value };
  }

  __copy__(): TeeObject {
    return new TeeObject(this.shared, this.pos);
  }
}

export function tee(iterable: unknown, n: unknown = 2): PyTuple {
  const count = intArg(n);
  if (count < 0) throw new ValueError('n must be >= 0');
  const it = iteratorOf(iterable);
  if (count === 0) return tuple([]);
  // A tee iterator is copied rather than wrapped: the first result is the iterator itself.
  const first = it instanceof TeeObject ? it : new TeeObject({ it, buffer: [], offset: 0, done: false, readers: new Set() }, 0);
  const out: TeeObject[] = [first];
  for (let k = 1; k < count; k++) out.push(first.__copy__());
  return tuple(out);
}

const ZipLongest = iteratorType('zip_longest');
function makeZipLongest(iterables: unknown[], fillvalue: unknown): ItertoolsIterator {
  const its = iterables.map(iteratorOf);
  return new ZipLongest((function* () {
    if (its.length === 0) return;
    const active = its.map(() => true);
    let remaining = its.length;
    for (;;) {
      const items: unknown[] = [];
      for (let i = 0; i < its.length; i++) {
        if (!active[i]) {
          items.push(fillvalue);
          continue;
        }
        const r = its[i]!.next();
        if (r.done) {
          active[i] = false;
          remaining--;
          if (remaining === 0) return;
          items.push(fillvalue);
        } else {
          items.push(r.value);
        }
      }
      yield tuple(items);
    }
  })());
}

export const zip_longest = withKeywords(function zip_longest(...iterables: unknown[]): ItertoolsIterator {
  return makeZipLongest(iterables, null);
}, (args, kw) => {
  for (const key of Object.keys(kw)) if (key !== 'fillvalue') throw new TypeError('zip_longest() got an unexpected keyword argument');
  return makeZipLongest(args, kw['fillvalue'] ?? null);
});

const Pairwise = iteratorType('pairwise');
export function pairwise(iterable: unknown): ItertoolsIterator {
  const it = iteratorOf(iterable);
  return new Pairwise((function* () {
    let prev = it.next();
    if (prev.done) return;
    for (let r = it.next(); !r.done; r = it.next()) {
      yield tuple([prev.value, r.value]);
      prev = r;
    }
  })());
}

// ---------------------------------------------------------------------------
// Combinatoric iterators

const Product = iteratorType('product');
function makeProduct(iterables: unknown[], repeatCount: number): ItertoolsIterator {
  if (repeatCount < 0) throw new ValueError('repeat argument cannot be negative');
  const base = iterables.map((x) => [...iterate(x)]);
  const pools: unknown[][] = [];
  for (let i = 0; i < repeatCount; i++) pools.push(...base);
  return new Product((function* () {
    if (pools.some((p) => p.length === 0)) return;
    const idx = pools.map(() => 0);
    for (;;) {
      yield tuple(idx.map((j, i) => pools[i]![j]));
      let i = pools.length - 1;
      while (i >= 0 && ++idx[i]! === pools[i]!.length) idx[i--] = 0;
      if (i < 0) return;
    }
  })());
}

export const product = withKeywords(function product(...iterables: unknown[]): ItertoolsIterator {
  return makeProduct(iterables, 1);
}, (args, kw) => {
  checkKeywords(kw, ['repeat'], 'product');
  return makeProduct(args, kw['repeat'] === undefined ? 1 : intArg(kw['repeat']));
});

function rArg(r: unknown, n: number): number {
  if (r === null || r === undefined) return n;
  const k = intArg(r);
  if (k < 0) throw new ValueError('r must be non-negative');
  return k;
}

const Permutations = iteratorType('permutations');
function makePermutations(iterable: unknown, r: unknown): ItertoolsIterator {
  const pool = [...iterate(iterable)];
  const n = pool.length;
  const k = rArg(r, n);
  return new Permutations((function* () {
    if (k > n) return;
    const indices = pool.map((_, i) => i);
    const cycles = Array.from({ length: k }, (_, i) => n - i);
    yield tuple(indices.slice(0, k).map((i) => pool[i]));
    if (n === 0) return;
    outer: for (;;) {
      for (let i = k - 1; i >= 0; i--) {
        cycles[i]!--;
        if (cycles[i] === 0) {
          const moved = indices.splice(i, 1)[0]!;
          indices.push(moved);
          cycles[i] = n - i;
        } else {
          const j = cycles[i]!;
          [indices[i], indices[n - j]] = [indices[n - j]!, indices[i]!];
          yield tuple(indices.slice(0, k).map((x) => pool[x]));
          continue outer;
        }
      }
      return;
    }
  })());
}

export const permutations = withKeywords(function permutations(iterable: unknown, r: unknown = null): ItertoolsIterator {
  return makePermutations(iterable, r);
}, (args, kw) => {
  checkKeywords(kw, ['iterable', 'r'], 'permutations');
  return makePermutations(args[0] ?? kw['iterable'], args[1] ?? kw['r']);
});

const Combinations = iteratorType('combinations');
function makeCombinations(iterable: unknown, r: unknown, replacement: boolean): ItertoolsIterator {
  if (r === undefined) throw new TypeError(`${replacement ? 'combinations_with_replacement' : 'combinations'}() missing required argument 'r' (pos 2)`);
  const pool = [...iterate(iterable)];
  const n = pool.length;
  const k = rArg(r, n);
  const Type = replacement ? CombinationsWithReplacement : Combinations;
  return new Type((function* () {
    if (replacement ? n === 0 && k > 0 : k > n) return;
    const indices = replacement ? new Array<number>(k).fill(0) : Array.from({ length: k }, (_, i) => i);
    yield tuple(indices.map((i) => pool[i]));
    for (;;) {
      let i = k - 1;
      if (replacement) {
        while (i >= 0 && indices[i] === n - 1) i--;
        if (i < 0) return;
        const v = indices[i]! + 1;
        for (let j = i; j < k; j++) indices[j] = v;
      } else {
        while (i >= 0 && indices[i] === i + n - k) i--;
        if (i < 0) return;
        indices[i]!++;
        for (let j = i + 1; j < k; j++) indices[j] = indices[j - 1]! + 1;
      }
      yield tuple(indices.map((x) => pool[x]));
    }
  })());
}

export const combinations = withKeywords(function combinations(iterable: unknown, r?: unknown): ItertoolsIterator {
  return makeCombinations(iterable, r, false);
}, (args, kw) => {
  checkKeywords(kw, ['iterable', 'r'], 'combinations');
  return makeCombinations(args[0] ?? kw['iterable'], args[1] ?? kw['r'], false);
});

const CombinationsWithReplacement = iteratorType('combinations_with_replacement');
export const combinations_with_replacement = withKeywords(function combinations_with_replacement(iterable: unknown, r?: unknown): ItertoolsIterator {
  return makeCombinations(iterable, r, true);
}, (args, kw) => {
  checkKeywords(kw, ['iterable', 'r'], 'combinations_with_replacement');
  return makeCombinations(args[0] ?? kw['iterable'], args[1] ?? kw['r'], true);
});

