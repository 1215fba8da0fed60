/**
 * random.Random's methods, as CPython 3.11's random.py defines them on top
 * of the Mersenne Twister: the same draws in the same order (randrange
 * through getrandbits-based rejection sampling, sample's pool-or-set
 * choice, choices' bisection), so seeded programs print CPython's values.
 */
import { DeprecationWarning, IndexError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { warnCaller } from '../warnings/fromRuntime.js';
import { getClassAttr, mroOf, pyClassOf } from '../../../builtins/classes.js';
import { callMethod } from '../../../builtins/attributes.js';
import { PyBytes, PyFloat, PyTuple, float, isInt, typeName } from '../../../builtins/values.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyAnySet } from '../../../builtins/set.js';
import { PyRange, range } from '../../../builtins/range.js';
import { len } from '../../../builtins/functions.js';
import { getitem, setitem } from '../../../builtins/items.js';
import { add, mul, sub, truediv } from '../../../builtins/operators.js';
import { eq, le, lt } from '../../../builtins/equality.js';
import { pyHash } from '../../../builtins/equality.js';
import { iterate } from '../../../builtins/iteration.js';
import { int as toInt } from '../../../builtins/numbers/convert.js';
import { bitLength, boxFloat, intFromBigInt, type PyInt } from '../../../builtins/numbers/core.js';
import { encodeStr } from '../../../builtins/str/codecs.js';
import { PyByteArray } from '../../../builtins/bytearray.js';
import { isDeque } from '../collections/deque.js';
import { toIndex } from '../math/args.js';
import * as real from '../math/real.js';
import { MersenneTwister } from './mt.js';
import { sha512 } from './sha512.js';

const STATE = Symbol('pyasync.random');

interface State {
  mt: MersenneTwister;
  gaussNext: number | null;
}

export function stateOf(self: unknown): State {
  const obj = self as Record<symbol, State | undefined>;
  let s = obj[STATE];
  if (s === undefined) {
    s = { mt: new MersenneTwister(), gaussNext: null };
    s.mt.seedInt(BigInt(Date.now()));
    Object.defineProperty(obj, STATE, { value: s, enumerable: false, writable: true });
  }
  return s;
}

/** What a subclass of Random overrides, as random.py's methods see it through `self.random` and `self._randbelow`. */
interface Overrides {
  /** The class (or a base below Random) defines random(). */
  random: boolean;
  /** How _randbelow draws: Random's own, through self.getrandbits, through self.random, or a _randbelow of the class's. */
  below: 'native' | 'getrandbits' | 'random' | 'own';
  /** The class defines getrandbits(). */
  getrandbits: boolean;
}

const NATIVE: Overrides = { random: false, below: 'native', getrandbits: false };
const overridesCache = new WeakMap<object, Overrides>();

/** Random.__init_subclass__'s choice of _randbelow, and which of random/getrandbits a Python subclass replaces. */
function overridesOf(self: unknown): Overrides {
  const cls = pyClassOf(self);
  if (cls === undefined || randomClass === null || cls === randomClass) return NATIVE;
  let o = overridesCache.get(cls);
  if (o !== undefined) return o;
  o = { random: false, below: 'native', getrandbits: false };
  let belowFound = false;
  for (const c of mroOf(cls)) {
    if (c === randomClass) break;
    const own = getClassAttr(c, '__dict__') as PyDict<unknown, unknown>;
    if (own.has('random')) o.random = true;
    if (own.has('getrandbits')) o.getrandbits = true;
    if (!belowFound) {
      if (own.has('_randbelow')) o.below = 'own';
      else if (own.has('getrandbits')) o.below = 'getrandbits';
      else if (own.has('random')) o.below = 'random';
      belowFound = o.below !== 'native';
    }
  }
  overridesCache.set(cls, o);
  return o;
}

/** The Random class (random.ts registers it): its instances draw from the Mersenne Twister directly. */
let randomClass: object | null = null;
export function setRandomClass(cls: object): void {
  randomClass = cls;
}

/** What random.py's methods call `random()`: the generator's, or a subclass's random method. */
function drawsOf(self: unknown): { random(): number } {
  if (!overridesOf(self).random) return stateOf(self).mt;
  return { random: () => toFloat(callMethod(self, 'random')) };
}

/** getrandbits(k) as the methods call it: a subclass's own, or the generator's. */
function bitsOf(self: unknown, k: number): PyInt {
  if (overridesOf(self).getrandbits) return callMethod(self, 'getrandbits', k) as PyInt;
  const bits = stateOf(self).mt.bits(k);
  return typeof bits === 'bigint' ? intFromBigInt(bits) : bits;
}

function bytesToBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function entropy(): bigint {
  const words = new Uint32Array(20);
  const crypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(words);
  else for (let i = 0; i < words.length; i++) words[i] = Math.floor(Math.random() * 4294967296);
  let n = 0n;
  for (const w of words) n = (n << 32n) | BigInt(w);
  return n;
}

/** Random.seed(a=None, version=2). */
export function seed(self: unknown, a: unknown = null, version: unknown = 2): null {
  const s = stateOf(self);
  s.gaussNext = null;
  let n: bigint;
  if (a === null || a === undefined) n = entropy();
  else if (typeof a === 'boolean') n = a ? 1n : 0n;
  else if (isInt(a)) n = BigInt(a);
  // Other hashables seed from hash(a) read as an unsigned 64-bit number, as CPython's C code does.
  else if (typeof a === 'number' || a instanceof PyFloat) n = BigInt.asUintN(64, BigInt(pyHash(a)));
  else if (version === 1 && (typeof a === 'string' || a instanceof PyBytes)) {
    // random.py's version 1 hash of a str (or of bytes read as latin-1).
    const codes = typeof a === 'string' ? Array.from(a, (c) => c.codePointAt(0)!) : [...a.bytes];
    let x = codes.length > 0 ? BigInt(codes[0]!) << 7n : 0n;
    for (const c of codes) x = ((1000003n * x) ^ BigInt(c)) & 0xffffffffffffffffn;
    n = x ^ BigInt(codes.length);
  } else if (typeof a === 'string' || a instanceof PyBytes || a instanceof PyByteArray) {
    const bytes = typeof a === 'string' ? encodeStr(a, 'utf-8', 'strict') : a instanceof PyBytes ? a.bytes : Uint8Array.from(iterate(a) as Iterable<number>);
    if (version === 2) {
      const joined = new Uint8Array(bytes.length + 64);
      joined.set(bytes);
      joined.set(sha512(bytes), bytes.length);
      n = bytesToBigInt(joined);
    } else {
      n = bytesToBigInt(bytes);
    }
  } else {
    throw new TypeError('The only supported seed types are: None,\nint, float, str, bytes, and bytearray.');
  }
  s.mt.seedInt(n < 0n ? -n : n);
  return null;
}

/** A random int in [0, n), n > 0: rejection sampling on n.bit_length() bits, as CPython. */
export function randbelow(self: unknown, n: PyInt): PyInt {
  const below = overridesOf(self).below;
  if (below === 'own') return callMethod(self, '_randbelow', n) as PyInt;
  if (below === 'getrandbits') return randbelowWithBits(self, n);
  if (below === 'random') return randbelowWithRandom(self, n);
  const mt = stateOf(self).mt;
  if (typeof n === 'number') {
    const k = n < 4294967296 ? 32 - Math.clz32(n) : n.toString(2).length;
    let r = mt.bits(k) as number;
    while (r >= n) r = mt.bits(k) as number;
    return r;
  }
  const k = bitLength(n);
  let r = BigInt(mt.bits(k));
  while (r >= n) r = BigInt(mt.bits(k));
  return intFromBigInt(r);
}

/** _randbelow_with_getrandbits, through the subclass's getrandbits. */
function randbelowWithBits(self: unknown, n: PyInt): PyInt {
  const k = typeof n === 'number' ? (n === 0 ? 0 : Math.floor(Math.log2(n)) + 1) : bitLength(n);
  let r = bitsOf(self, k);
  while (big(r) >= big(n)) r = bitsOf(self, k);
  return r;
}

/** _randbelow_without_getrandbits: scaled random() draws, rejecting those past the largest multiple of n below 2**53. */
function randbelowWithRandom(self: unknown, n: PyInt): PyInt {
  const random = drawsOf(self);
  const maxsize = 2 ** 53;
  if (big(n) >= BigInt(maxsize)) return intFromBigInt(BigInt(Math.floor(random.random() * Number(n))));
  const m = Number(n);
  const rem = maxsize % m;
  const limit = (maxsize - rem) / maxsize;
  let r = random.random();
  while (r >= limit) r = random.random();
  return Math.floor(r * maxsize) % m;
}

export function getrandbits(self: unknown, k: unknown): PyInt {
  const n = toIndex(k);
  if (n < 0) throw new ValueError('number of bits must be non-negative');
  const bits = stateOf(self).mt.bits(Number(n));
  return typeof bits === 'bigint' ? intFromBigInt(bits) : bits;
}

/**
 * An integer argument of randrange: an int, or what int() makes of it
 * (deprecated: CPython's DeprecationWarning, at `stacklevel`), else
 * CPython's errors.
 */
function rangeArg(v: unknown, what: string, stacklevel: number): PyInt {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isInt(v)) return v;
  try {
    return toIndex(v);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
  }
  const i = toInt(v);
  if (!eq(i, v)) {
    warnCaller('randrange() will raise TypeError in the future', DeprecationWarning, stacklevel);
    throw new ValueError(`non-integer ${what} for randrange()`);
  }
  warnCaller('non-integer arguments to randrange() have been deprecated since Python 3.10 and will be removed in a subsequent version',
    DeprecationWarning, stacklevel);
  return i;
}

function big(v: PyInt): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

function intAdd(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a + b)) return a + b;
  return intFromBigInt(big(a) + big(b));
}

function intSub(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a - b)) return a - b;
  return intFromBigInt(big(a) - big(b));
}

function positive(v: PyInt): boolean {
  return typeof v === 'number' ? v > 0 : v > 0n;
}

function floorDiv(a: PyInt, b: PyInt): PyInt {
  const x = big(a);
  const y = big(b);
  let q = x / y;
  if ((x % y !== 0n) && ((x < 0n) !== (y < 0n))) q -= 1n;
  return intFromBigInt(q);
}

/**
 * randrange(start, stop=None, step=1). Its warnings point at its caller
 * (`stacklevel` 2, CPython's); randint's call gives 1, for CPython's
 * warning then points into random.py, which the default filters hide.
 */
export function randrange(self: unknown, start: unknown, stop: unknown = null, step: unknown = 1, stacklevel = 2): PyInt {
  const istart = rangeArg(start, 'arg 1', stacklevel);
  if (stop === null || stop === undefined) {
    // CPython's `step is not _ONE`: only the int 1 itself, given or defaulted, goes without a stop.
    if (step !== 1) throw new TypeError('Missing a non-None stop argument');
    if (positive(istart)) return randbelow(self, istart);
    throw new ValueError('empty range for randrange()');
  }
  const istop = rangeArg(stop, 'stop', stacklevel);
  const width = intSub(istop, istart);
  const istep = rangeArg(step, 'step', stacklevel);
  if (istep === 1) {
    if (positive(width)) return intAdd(istart, randbelow(self, width));
    throw new ValueError(`empty range for randrange() (${istart}, ${istop}, ${width})`);
  }
  let n: PyInt;
  if (positive(istep)) n = floorDiv(intSub(intAdd(width, istep), 1), istep);
  else if (istep === 0 || istep === 0n) throw new ValueError('zero step for randrange()');
  else n = floorDiv(intAdd(intAdd(width, istep), 1), istep);
  if (!positive(n)) throw new ValueError('empty range for randrange()');
  return intAdd(istart, intFromBigInt(big(istep) * big(randbelow(self, n))));
}

export function randint(self: unknown, a: unknown, b: unknown): PyInt {
  return randrange(self, a, add(b, 1), 1, 1);
}

function length(seq: unknown): PyInt {
  return len(seq) as PyInt;
}

export function choice(self: unknown, seq: unknown): unknown {
  const n = length(seq);
  if (n === 0) throw new IndexError('Cannot choose from an empty sequence');
  return getitem(seq, randbelow(self, n));
}

export function shuffle(self: unknown, x: unknown): null {
  const n = Number(length(x));
  for (let i = n - 1; i > 0; i--) {
    const j = randbelow(self, i + 1);
    const a = getitem(x, i);
    const b = getitem(x, j);
    setitem(x, i, b);
    setitem(x, j, a);
  }
  return null;
}

function isSequence(v: unknown): boolean {
  if (typeof v === 'string' || Array.isArray(v) || v instanceof PyRange || v instanceof PyBytes || v instanceof PyByteArray) return true;
  if (v instanceof PyDict || v instanceof PyAnySet) return false;
  return isDeque(v);
}

function accumulate(values: unknown): unknown[] {
  const out: unknown[] = [];
  let total: unknown = undefined;
  for (const v of iterate(values)) {
    total = total === undefined ? v : add(total, v);
    out.push(total);
  }
  return out;
}

/** bisect_right(a, x, 0, hi). */
function bisectRight(a: readonly unknown[], x: unknown, hi: number): number {
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lt(x, a[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function sample(self: unknown, population: unknown, k: unknown, counts: unknown = null): unknown[] {
  if (!isSequence(population)) throw new TypeError('Population must be a sequence.  For dicts or sets, use sorted(d).');
  const n = Number(length(population));
  if (counts !== null && counts !== undefined) {
    const cum = accumulate(counts);
    if (cum.length !== n) throw new ValueError('The number of counts does not match the population');
    const total = cum.pop();
    if (!isInt(total)) throw new TypeError('Counts must be integers');
    if (le(total, 0)) throw new ValueError('Total of counts must be greater than zero');
    const selections = sample(self, range(total), k);
    return selections.map((s) => getitem(population, bisectRight(cum, s, cum.length)));
  }
  const kk = toIndex(k);
  if (typeof kk === 'bigint' || kk < 0 || kk > n) throw new ValueError('Sample larger than population or is negative');
  const result = new Array<unknown>(kk);
  let setsize = 21;
  if (kk > 5) setsize += 4 ** Math.ceil(real.log(kk * 3) / real.log(4));
  if (n <= setsize) {
    const pool = [...iterate(population)];
    for (let i = 0; i < kk; i++) {
      const j = randbelow(self, n - i) as number;
      result[i] = pool[j];
      pool[j] = pool[n - i - 1];
    }
  } else {
    const selected = new Set<number>();
    for (let i = 0; i < kk; i++) {
      let j = randbelow(self, n) as number;
      while (selected.has(j)) j = randbelow(self, n) as number;
      selected.add(j);
      result[i] = getitem(population, j);
    }
  }
  return result;
}

export function choices(self: unknown, population: unknown, weights: unknown = null, cumWeights: unknown = null, k: unknown = 1): unknown[] {
  const mt = drawsOf(self);
  const n = Number(length(population));
  const count = Number(toIndex(k));
  const out: unknown[] = [];
  if (cumWeights === null || cumWeights === undefined) {
    if (weights === null || weights === undefined) {
      for (let i = 0; i < count; i++) out.push(getitem(population, Math.floor(mt.random() * n)));
      return out;
    }
    cumWeights = accumulate(weights);
  } else if (weights !== null && weights !== undefined) {
    throw new TypeError('Cannot specify both weights and cumulative weights');
  }
  const cum = [...iterate(cumWeights)];
  if (cum.length !== n) throw new ValueError('The number of weights does not match the population');
  const exactTotal = toFloat(add(cum[cum.length - 1], float(0)));
  if (exactTotal <= 0) throw new ValueError('Total of weights must be greater than zero');
  if (!Number.isFinite(exactTotal)) throw new ValueError('Total of weights must be finite');
  const hi = n - 1;
  for (let i = 0; i < count; i++) out.push(getitem(population, bisectRight(cum, mt.random() * exactTotal, hi)));
  return out;
}

function toFloat(v: unknown): number {
  if (typeof v === 'number') return v + 0; // `+ 0`: 0.0 is -0 (values.ts)
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new TypeError(`must be real number, not ${typeName(v)}`);
}

export function uniform(self: unknown, a: unknown, b: unknown): unknown {
  return add(a, mul(sub(b, a), boxFloat(drawsOf(self).random())));
}

export function gauss(self: unknown, mu: unknown = 0, sigma: unknown = 1): unknown {
  const s = stateOf(self);
  const draws = drawsOf(self);
  let z = s.gaussNext;
  s.gaussNext = null;
  if (z === null) {
    const x2pi = draws.random() * (2 * Math.PI);
    const g2rad = real.sqrt(-2 * real.log(1 - draws.random()));
    z = real.cos(x2pi) * g2rad;
    s.gaussNext = real.sin(x2pi) * g2rad;
  }
  return add(mu, mul(boxFloat(z), sigma));
}

const NV_MAGICCONST = (4 * real.exp(-0.5)) / real.sqrt(2);

export function normalvariate(self: unknown, mu: unknown = 0, sigma: unknown = 1): unknown {
  const mt = drawsOf(self);
  let z: number;
  for (;;) {
    const u1 = mt.random();
    const u2 = 1 - mt.random();
    z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
    const zz = (z * z) / 4;
    if (zz <= -real.log(u2)) break;
  }
  return add(mu, mul(boxFloat(z), sigma));
}

export function lognormvariate(self: unknown, mu: unknown, sigma: unknown): unknown {
  return boxFloat(real.exp(toFloat(normalvariate(self, mu, sigma))));
}

export function expovariate(self: unknown, lambd: unknown): unknown {
  return truediv(boxFloat(-real.log(1 - drawsOf(self).random())), lambd);
}

export function triangular(self: unknown, low: unknown = 0, high: unknown = 1, mode: unknown = null): unknown {
  let u = drawsOf(self).random();
  let c: number;
  const lo = toFloat(low);
  const hi = toFloat(high);
  if (mode === null || mode === undefined) c = 0.5;
  else {
    if (hi - lo === 0) return low;
    c = (toFloat(mode) - lo) / (hi - lo);
  }
  let a = low;
  let b = high;
  if (u > c) {
    u = 1 - u;
    c = 1 - c;
    [a, b] = [b, a];
  }
  return add(a, mul(sub(b, a), boxFloat(real.sqrt(u * c))));
}

export function paretovariate(self: unknown, alpha: unknown): unknown {
  const u = 1 - drawsOf(self).random();
  return boxFloat(real.pow(u, -1 / toFloat(alpha)));
}

export function weibullvariate(self: unknown, alpha: unknown, beta: unknown): unknown {
  const u = 1 - drawsOf(self).random();
  return mul(alpha, boxFloat(real.pow(-real.log(u), 1 / toFloat(beta))));
}

export function randbytes(self: unknown, n: unknown): PyBytes {
  const count = Number(toIndex(n));
  if (count < 0) throw new ValueError('number of bits must be non-negative');
  const bits = big(bitsOf(self, count * 8));
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) out[i] = Number((bits >> BigInt(8 * i)) & 0xffn);
  return new PyBytes(out);
}

export function getstate(self: unknown): PyTuple {
  const s = stateOf(self);
  const words: unknown[] = [...s.mt.mt];
  words.push(s.mt.index);
  return PyTuple.of<unknown>(3, PyTuple.fromArray(words), s.gaussNext === null ? null : s.gaussNext);
}

export function setstate(self: unknown, state: unknown): null {
  const s = stateOf(self);
  const parts = [...iterate(state)];
  if (parts[0] !== 3) throw new ValueError(`state with version ${String(parts[0])} passed to Random.setstate() of version 3`);
  const words = [...iterate(parts[1])];
  if (words.length !== 625) throw new ValueError('state vector is the wrong size');
  for (let i = 0; i < 624; i++) s.mt.mt[i] = Number(words[i]);
  s.mt.index = Number(words[624]);
  s.gaussNext = parts[2] === null || parts[2] === undefined ? null : toFloat(parts[2]);
  return null;
}

export function random(self: unknown): number | PyFloat {
  const x = stateOf(self).mt.random();
  return float(x);
}

const TWOPI = 2 * Math.PI;
const LOG4 = real.log(4);
const SG_MAGICCONST = 1 + real.log(4.5);

/** Python's float %: the result has the divisor's sign. */
function floatMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && (r < 0) !== (b < 0) ? r + b : r;
}

export function vonmisesvariate(self: unknown, mu: unknown, kappa: unknown): unknown {
  const mt = drawsOf(self);
  const k = toFloat(kappa);
  if (k <= 1e-6) return boxFloat(TWOPI * mt.random());
  const s = 0.5 / k;
  const r = s + real.sqrt(1 + s * s);
  let z: number;
  for (;;) {
    const u1 = mt.random();
    z = real.cos(Math.PI * u1);
    const d = z / (r + z);
    const u2 = mt.random();
    if (u2 < 1 - d * d || u2 <= (1 - d) * real.exp(d)) break;
  }
  const q = 1 / r;
  const f = (q + z) / (1 + q * z);
  const u3 = mt.random();
  const m = toFloat(mu);
  return boxFloat(u3 > 0.5 ? floatMod(m + real.acos(f), TWOPI) : floatMod(m - real.acos(f), TWOPI));
}

/** gammavariate as a JS number (betavariate uses it too). */
function gamma(self: unknown, alpha: unknown, beta: unknown): number {
  const a = toFloat(alpha);
  const b = toFloat(beta);
  if (a <= 0 || b <= 0) throw new ValueError('gammavariate: alpha and beta must be > 0.0');
  const mt = drawsOf(self);
  if (a > 1) {
    // R.C.H. Cheng's method, as random.py.
    const ainv = real.sqrt(2 * a - 1);
    const bbb = a - LOG4;
    const ccc = a + ainv;
    for (;;) {
      const u1 = mt.random();
      if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
      const u2 = 1 - mt.random();
      const v = real.log(u1 / (1 - u1)) / ainv;
      const x = a * real.exp(v);
      const z = u1 * u1 * u2;
      const r = bbb + ccc * v - x;
      if (r + SG_MAGICCONST - 4.5 * z >= 0 || r >= real.log(z)) return x * b;
    }
  }
  if (a === 1) return -real.log(1 - mt.random()) * b;
  // 0 < alpha < 1: algorithm GS of Kennedy & Gentle, as random.py.
  let x: number;
  for (;;) {
    const u = mt.random();
    const bb = (Math.E + a) / Math.E;
    const p = bb * u;
    x = p <= 1 ? real.pow(p, 1 / a) : -real.log((bb - p) / a);
    const u1 = mt.random();
    if (p > 1) {
      if (u1 <= real.pow(x, a - 1)) break;
    } else if (u1 <= real.exp(-x)) break;
  }
  return x * b;
}

export function gammavariate(self: unknown, alpha: unknown, beta: unknown): unknown {
  return boxFloat(gamma(self, alpha, beta));
}

export function betavariate(self: unknown, alpha: unknown, beta: unknown): unknown {
  const y = gamma(self, alpha, 1);
  return boxFloat(y !== 0 ? y / (y + gamma(self, beta, 1)) : 0);
}
