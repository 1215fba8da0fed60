/**
 * math's functions of real numbers, on JS doubles, with CPython's special
 * values and errors: a nan result from a non-nan argument is a domain
 * error, an infinite result from a finite one a range error (exp, cosh…)
 * or a domain error (log(0), atanh(1)…).
 */
import { LO, LN2_H, LN2_L, PI2_H, PI_H, add, div, mul, twoProd } from './dd.js';
import * as el from './explog.js';
import * as trig from './trig.js';
import * as fast from './fast.js';
import { domainError, rangeError } from './args.js';
import { crPow } from '../../../builtins/numbers/fpow.js';

/** 2**k * x, exact when representable (k within a few thousand). */
function scale(x: number, k: number): number {
  if (k > 1000) return x * 2 ** 1000 * 2 ** (k - 1000);
  if (k < -1000) return x * 2 ** -1000 * 2 ** (k + 1000);
  return x * 2 ** k;
}

const EXP_MAX = 709.782712893384;
const EXP_MIN = -745.1332191019412;

export function exp(x: number): number {
  if (!(x <= EXP_MAX)) {
    if (x !== x) return x;
    if (x === Infinity) return x;
    throw rangeError();
  }
  if (x < EXP_MIN) return 0;
  if (Math.abs(x) < 1.1102230246251565e-16) return 1 + x;
  const y = fast.exp(x);
  if (y === y) return y;
  return expDD(x);
}

/** exp of x in [EXP_MIN, EXP_MAX] by the double-double kernel. */
export function expDD(x: number): number {
  el.exp(x, 0);
  const r = scale(el.H + el.L, el.K);
  if (r === Infinity) throw rangeError();
  return r;
}

export function exp2(x: number): number {
  if (!(x <= 1024)) {
    if (x !== x || x === Infinity) return x;
    throw rangeError();
  }
  if (x < -1075) return 0;
  const k = Math.round(x);
  const f = x - k; // exact
  if (f === 0) return scale(1, k);
  const y = fast.exp2(k, f);
  if (y === y) return y;
  return exp2DD(k, f);
}

/** 2**(k + f), 0 < |f| <= 1/2, by the double-double kernel. */
export function exp2DD(k: number, f: number): number {
  // 2**f = e**(f ln 2)
  const ph = twoProd(f, LN2_H);
  el.exp(ph, LO + f * LN2_L);
  const r = scale(el.H + el.L, el.K + k);
  if (r === Infinity) throw rangeError();
  return r;
}

export function expm1(x: number): number {
  if (!(x <= EXP_MAX)) {
    if (x !== x || x === Infinity) return x;
    throw rangeError();
  }
  if (x < -38) return -1;
  if (Math.abs(x) < 5.551115123125783e-17) return x;
  const y = fast.expm1(x);
  if (y === y) return y;
  return expm1DD(x);
}

/** expm1 x for -38 <= x <= EXP_MAX, |x| >= 2**-54, by the double-double kernel. */
export function expm1DD(x: number): number {
  el.exp(x, 0);
  if (el.K === 0) return el.EM1_H + el.EM1_L;
  const s = 2 ** el.K;
  const r = add(el.H * s, el.L * s, -1, 0) + LO;
  if (r === Infinity) throw rangeError();
  return r;
}

/** log for x > 0 finite, as a double-double in el.H, el.L. */
function logDD(x: number): void {
  el.log(x, 0);
}

export function log(x: number): number {
  if (!(x > 0)) {
    if (x !== x) return x;
    throw domainError();
  }
  if (x === Infinity) return x;
  if (x === 1) return 0;
  const y = fast.log(x);
  if (y === y) return y;
  return logSlow(x);
}

/** log x for x > 0 finite, x != 1, by the double-double kernel. */
export function logSlow(x: number): number {
  logDD(x);
  return el.H + el.L;
}

export function log2(x: number): number {
  if (!(x > 0)) {
    if (x !== x) return x;
    throw domainError();
  }
  if (x === Infinity) return x;
  const y = fast.log2(x);
  if (y === y) return y;
  return log2DD(x);
}

/** log2 x for x > 0 finite by the double-double kernel. */
export function log2DD(x: number): number {
  logDD(x);
  return div(el.H, el.L, LN2_H, LN2_L) + LO;
}

/** glibc's log10 is not correctly rounded; V8's (fdlibm's) agrees with it far more often. */
export function log10(x: number): number {
  if (!(x > 0)) {
    if (x !== x) return x;
    throw domainError();
  }
  return Math.log10(x);
}

/** Like glibc's, V8's log1p comes from fdlibm: they agree where a correctly rounded one would not. */
export function log1p(x: number): number {
  if (!(x > -1)) {
    if (x !== x) return x;
    throw domainError();
  }
  return Math.log1p(x);
}

export function sqrt(x: number): number {
  if (x < 0) throw domainError();
  return Math.sqrt(x);
}

export function cbrt(x: number): number {
  if (x === 0 || x !== x || x === Infinity || x === -Infinity) return x;
  // One Newton step from V8's estimate, with y**3 exact in double-double.
  const y = Math.cbrt(x);
  const y2h = twoProd(y, y);
  const y3h = mul(y2h, LO, y, 0);
  const y3l = LO;
  const rh = add(x, 0, -y3h, -y3l);
  return y + rh / (3 * y * y);
}

/** math.pow: float_pow's special cases, with math's errors. */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x === 1) return 1;
  if (x !== x || y !== y) return x !== x ? x : y;
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (y === Infinity || y === -Infinity) {
      const ax = Math.abs(x);
      if (ax === 1) return 1;
      return (y > 0) === (ax > 1) ? Infinity : 0;
    }
    // x infinite, y finite non-zero
    const odd = isOddInteger(y);
    if (y > 0) return odd ? x : Infinity;
    return odd ? (x < 0 ? -0 : 0) : 0;
  }
  if (x === 0) {
    if (y < 0) throw domainError();
    return isOddInteger(y) ? x : 0;
  }
  let negate = false;
  if (x < 0) {
    if (!Number.isInteger(y)) throw domainError();
    x = -x;
    negate = isOddInteger(y);
  }
  if (x === 1) return negate ? -1 : 1;
  const r = crPow(x, y);
  if (r === Infinity) throw rangeError();
  return negate ? -r : r;
}

function isOddInteger(y: number): boolean {
  return Number.isInteger(y) && Math.abs(y) < 9007199254740992 && Math.abs(y % 2) === 1;
}

function checkTrig(x: number): void {
  if (x === Infinity || x === -Infinity) throw domainError();
}

export function sin(x: number): number {
  if (x !== x) return x;
  checkTrig(x);
  if (Math.abs(x) < 1.4901161193847656e-8) return x;
  const y = fast.sin(x);
  if (y === y) return y;
  return trig.sin(x);
}

export function cos(x: number): number {
  if (x !== x) return x;
  checkTrig(x);
  if (Math.abs(x) < 7.450580596923828e-9) return 1;
  const y = fast.cos(x);
  if (y === y) return y;
  return trig.cos(x);
}

export function tan(x: number): number {
  if (x !== x) return x;
  checkTrig(x);
  if (Math.abs(x) < 1.4901161193847656e-8) return x;
  const y = fast.tan(x);
  if (y === y) return y;
  return trig.tan(x);
}

export function atan(x: number): number {
  const ax = Math.abs(x);
  if (ax >= 1.4901161193847656e-8 && ax <= 9007199254740992) {
    const y = fast.atan(x);
    if (y === y) return y;
  }
  return trig.atan(x);
}

export function asin(x: number): number {
  if (x !== x) return x;
  if (x > 1 || x < -1) throw domainError();
  if (x === 1 || x === -1) return x * PI2_H;
  if (Math.abs(x) >= 1.4901161193847656e-8) {
    const y = fast.asin(x);
    if (y === y) return y;
  }
  return trig.asin(x);
}

export function acos(x: number): number {
  if (x !== x) return x;
  if (x > 1 || x < -1) throw domainError();
  if (x === 1) return 0;
  if (x === -1) return PI_H;
  const y = fast.acos(x);
  if (y === y) return y;
  return trig.acos(x);
}

/** atan2 with C99's special cases (CPython's m_atan2). */
export function atan2(y: number, x: number): number {
  if (x !== x || y !== y) return NaN;
  if (y === Infinity || y === -Infinity) {
    if (x === Infinity) return y > 0 ? 0.7853981633974483 : -0.7853981633974483;
    if (x === -Infinity) return y > 0 ? 2.356194490192345 : -2.356194490192345;
    return y > 0 ? PI2_H : -PI2_H;
  }
  if (x === Infinity || x === -Infinity || y === 0) {
    const negativeY = y < 0 || Object.is(y, -0);
    if (x > 0 || Object.is(x, 0)) return negativeY ? -0 : 0;
    return negativeY ? -PI_H : PI_H;
  }
  if (x === 0) return y > 0 ? PI2_H : -PI2_H;
  const r = fast.atan2(y, x);
  if (r === r) return r;
  return trig.atan2(y, x);
}

/** e**x * 2**-1 as a double, for sinh and cosh near overflow. */
function halfExp(ax: number): number {
  el.exp(ax, 0);
  const r = scale(el.H + el.L, el.K - 1);
  if (r === Infinity) throw rangeError();
  return r;
}

/**
 * sinh and cosh below 22 follow fdlibm's e_sinh.c and e_cosh.c, as glibc
 * does (V8's expm1 is fdlibm's, as glibc's is): over 10,000 random
 * arguments they give CPython's result all but a dozen times, where a
 * double-double evaluation rounded once missed it about one time in five.
 */
export function sinh(x: number): number {
  if (x !== x || x === Infinity || x === -Infinity) return x;
  const ax = Math.abs(x);
  if (ax < 3.725290298461914e-9) return x;
  let r: number;
  if (ax < 22) {
    const t = Math.expm1(ax);
    r = ax < 1 ? 0.5 * (2 * t - (t * t) / (t + 1)) : 0.5 * (t + t / (t + 1));
  } else {
    if (ax > 710.5) throw rangeError();
    r = halfExp(ax);
  }
  return x < 0 ? -r : r;
}

export function cosh(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax === Infinity) return ax;
  if (ax < 22) {
    HI.setFloat64(0, ax);
    if (HI.getUint32(0) < 0x3fd62e43) {
      // |x| below ln(2)/2
      const t = expm1(ax);
      const w = 1 + t;
      if (ax < 2 ** -55) return w;
      return 1 + (t * t) / (w + w);
    }
    const t = exp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ax > 710.5) throw rangeError();
  return halfExp(ax);
}

// glibc's tanh, asinh, acosh and atanh are fdlibm's algorithms, as V8's are: using V8's
// matches CPython's results far more often than a correctly rounded result would.

export function tanh(x: number): number {
  return Math.tanh(x);
}

/**
 * fdlibm's asinh (glibc's too) over this module's log and log1p: V8's own
 * follows the same steps over its less accurate log, so it can end one ulp
 * from glibc's (asinh(2.29128784747792)).
 */
export function asinh(x: number): number {
  const ax = Math.abs(x);
  if (ax === Infinity || ax !== ax || ax < 3.725290298461914e-9) return x;
  HI.setFloat64(0, ax);
  const ix = HI.getUint32(0);
  let w: number;
  if (ix > 0x41b00000) w = log(ax) + 0.6931471805599453;
  else if (ix > 0x40000000) w = log(2 * ax + 1 / (Math.sqrt(x * x + 1) + ax));
  else {
    const t = x * x;
    w = log1p(ax + t / (1 + Math.sqrt(1 + t)));
  }
  return x < 0 ? -w : w;
}
const HI = new DataView(new ArrayBuffer(8));

export function acosh(x: number): number {
  if (x < 1) throw domainError();
  return Math.acosh(x);
}

export function atanh(x: number): number {
  if (x >= 1 || x <= -1) throw domainError();
  return Math.atanh(x);
}
