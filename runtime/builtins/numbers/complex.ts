/**
 * complex arithmetic (+ - * / **, unary, abs) as CPython's complexobject.c
 * computes it: an int or float operand is promoted to complex(x, 0) and the
 * full complex formula applies. The arith/pow functions reach here only on
 * their slow path, when an operand is not an int, bool or float.
 */
import { BASE_VALUE, PyBoxed, PyComplex, typeName } from '../values.js';
import { OverflowError, TypeError, ValueError, ZeroDivisionError } from '../exceptions.js';
import { NotImplemented, type NotImplementedType } from '../notImplemented.js';
import { K_NONE, kindOf, floatOf } from './core.js';
import { callSpecial, hasSpecial } from '../special.js';
import { crPow, sinCos, SIN_COS } from './fpow.js';
import * as real from '../../modules/support/math/real.js';
import { vectorNorm } from '../../modules/support/math/sums.js';

type Op = '+' | '-' | '*' | '/' | '**';

/** The complex value of a number or complex (reused: read it right away), or false. */
const Z = { re: 0, im: 0 };
function load(v: unknown): boolean {
  if (v instanceof PyComplex) {
    Z.re = v.real;
    Z.im = v.imag;
    return true;
  }
  const kind = kindOf(v);
  if (kind === K_NONE) return false;
  Z.re = floatOf(v, kind);
  Z.im = 0;
  return true;
}

/** `a <op> b` when one side is complex and the other a number; NotImplemented otherwise. */
export function complexBinary(op: Op, a: unknown, b: unknown): PyComplex | NotImplementedType {
  if (!(a instanceof PyComplex) && !(b instanceof PyComplex)) return NotImplemented;
  if (!load(a)) return NotImplemented;
  const ar = Z.re;
  const ai = Z.im;
  if (!load(b)) return NotImplemented;
  const br = Z.re;
  const bi = Z.im;
  switch (op) {
    case '+':
      return new PyComplex(ar + br, ai + bi);
    case '-':
      return new PyComplex(ar - br, ai - bi);
    case '*':
      return new PyComplex(ar * br - ai * bi, ar * bi + ai * br);
    case '/':
      return quotient(ar, ai, br, bi);
    case '**':
      return power(ar, ai, br, bi);
  }
}

/** Smith's algorithm, as CPython's _Py_c_quot. */
function quotient(ar: number, ai: number, br: number, bi: number): PyComplex {
  const absBr = Math.abs(br);
  const absBi = Math.abs(bi);
  if (absBr >= absBi) {
    if (absBr === 0) throw new ZeroDivisionError('complex division by zero');
    const ratio = bi / br;
    const denom = br + bi * ratio;
    return new PyComplex((ar + ai * ratio) / denom, (ai - ar * ratio) / denom);
  }
  if (absBi >= absBr) {
    const ratio = br / bi;
    const denom = br * ratio + bi;
    return new PyComplex((ar * ratio + ai) / denom, (ai * ratio - ar) / denom);
  }
  return new PyComplex(NaN, NaN); // a NaN in the divisor
}

function power(ar: number, ai: number, br: number, bi: number): PyComplex {
  let re: number;
  let im: number;
  // Small integral exponents multiply exactly, as CPython's c_powi.
  if (bi === 0 && br === Math.trunc(br) && Math.abs(br) <= 100) {
    [re, im] = powInt(ar, ai, br);
  } else if (br === 0 && bi === 0) {
    re = 1;
    im = 0;
  } else if (ar === 0 && ai === 0) {
    if (bi !== 0 || br < 0) throw new ZeroDivisionError('0.0 to a negative or complex power');
    re = 0;
    im = 0;
  } else {
    // libm-quality pieces (V8's Math functions are not correctly rounded, glibc's nearly always are).
    const vabs = hypot(ar, ai);
    let len = realPow(vabs, br);
    const at = real.atan2(ai, ar);
    let phase = at * br;
    if (bi !== 0) {
      len /= expOrInf(at * bi);
      phase += bi * (vabs === Infinity ? Infinity : real.log(vabs));
    }
    sinCos(phase);
    re = len * SIN_COS[0]!;
    im = len * SIN_COS[1]!;
  }
  // CPython's _Py_ADJUST_ERANGE2: an infinite part is an overflow, whatever the operands.
  if (re === Infinity || re === -Infinity || im === Infinity || im === -Infinity) throw new OverflowError('complex exponentiation');
  return new PyComplex(re, im);
}

function powInt(ar: number, ai: number, n: number): [number, number] {
  if (n > 0) return powUnsigned(ar, ai, n);
  const [pr, pi] = powUnsigned(ar, ai, -n);
  if (pr === 0 && pi === 0) throw new ZeroDivisionError('0.0 to a negative or complex power');
  const q = quotient(1, 0, pr, pi);
  return [q.real, q.imag];
}

function powUnsigned(ar: number, ai: number, n: number): [number, number] {
  let rr = 1;
  let ri = 0;
  let pr = ar;
  let pi = ai;
  for (let mask = 1; mask > 0 && n >= mask; mask *= 2) {
    if (Math.floor(n / mask) % 2 === 1) {
      const t = rr * pr - ri * pi;
      ri = rr * pi + ri * pr;
      rr = t;
    }
    const t = pr * pr - pi * pi;
    pi = 2 * pr * pi;
    pr = t;
  }
  return [rr, ri];
}

export function complexNeg(c: PyComplex): PyComplex {
  return new PyComplex(-c.real, -c.imag);
}

/** C's hypot, correctly rounded (glibc's can be one ulp off, rarely: then abs() differs from CPython's), infinity beating nan. */
function hypot(x: number, y: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax === Infinity || ay === Infinity) return Infinity;
  return vectorNorm([ax, ay], Math.max(ax, ay), ax !== ax || ay !== ay);
}

function realPow(x: number, y: number): number {
  if (Number.isFinite(x) && x > 0 && x !== 1 && Number.isFinite(y) && y !== 0) return crPow(x, y);
  return Math.pow(x, y);
}

function expOrInf(x: number): number {
  if (x > 709.782712893384) return Infinity;
  return real.exp(x);
}

export function complexAbs(c: PyComplex): number {
  const r = hypot(c.real, c.imag);
  if (r === Infinity && Number.isFinite(c.real) && Number.isFinite(c.imag)) throw new OverflowError('absolute value too large');
  return r;
}

/** complex(real=0, imag=0), and complex(str). */
export function makeComplex(real?: unknown, imag?: unknown): PyComplex {
  // An int, float or str subclass's instance is read as its value.
  if (real instanceof PyBoxed) real = real[BASE_VALUE];
  if (imag instanceof PyBoxed) imag = imag[BASE_VALUE];
  if (typeof real === 'string') {
    if (imag !== undefined) throw new TypeError("complex() can't take second arg if first is a string");
    return parseComplex(real);
  }
  let re = 0;
  let im = 0;
  // Whether the first argument gave an imaginary part (a complex, or a `__complex__`): CPython adds
  // the second argument's value to it only then, so `complex(1, -0.0)` keeps its negative zero.
  let realIsComplex = false;
  if (real !== undefined) {
    if (real instanceof PyComplex) {
      re = real.real;
      im = real.imag;
      realIsComplex = true;
    } else {
      const kind = kindOf(real);
      if (kind === K_NONE) {
        const c = ownComplex(real, 'first argument must be a string or a number');
        re = c.real;
        im = c.imag;
        realIsComplex = hasSpecial(real, '__complex__');
      } else {
        re = floatOf(real, kind);
      }
    }
  }
  if (imag !== undefined) {
    let ci: number;
    if (imag instanceof PyComplex) {
      re -= imag.imag;
      ci = imag.real;
    } else {
      const kind = kindOf(imag);
      if (typeof imag === 'string') throw new TypeError("complex() second arg can't be a string");
      ci = kind === K_NONE ? asFloat(imag, 'second argument must be a number') : floatOf(imag, kind);
    }
    im = realIsComplex ? im + ci : ci;
  }
  return new PyComplex(re, im);
}

/** complex(x) of an object: its `__complex__`, else its `__float__` or `__index__`, as CPython asks them. */
function ownComplex(x: unknown, what: string): PyComplex {
  if (hasSpecial(x, '__complex__')) {
    const c = callSpecial(x, '__complex__');
    if (!(c instanceof PyComplex)) throw new TypeError(`__complex__ returned non-complex (type ${typeName(c)})`);
    return c;
  }
  return new PyComplex(asFloat(x, what), 0);
}

/** float(x) through `__float__` or `__index__`, for complex()'s arguments. */
function asFloat(x: unknown, what: string): number {
  for (const name of ['__float__', '__index__']) {
    if (!hasSpecial(x, name)) continue;
    const v = callSpecial(x, name);
    const kind = kindOf(v);
    if (kind === K_NONE) throw new TypeError(`${name} returned non-${name === '__float__' ? 'float' : 'int'} (type ${typeName(v)})`);
    return floatOf(v, kind);
  }
  throw new TypeError(`complex() ${what}, not '${typeName(x)}'`);
}

const NUMBER = String.raw`(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|\d(?:_?\d)*\.|inf(?:inity)?|nan)`;
const REAL = new RegExp(String.raw`^[+-]?${NUMBER}$`, 'i');
const IMAG = new RegExp(String.raw`^([+-]?${NUMBER}?)j$`, 'i');
const BOTH = new RegExp(String.raw`^([+-]?${NUMBER})([+-]${NUMBER}?)j$`, 'i');

function parseComplex(text: string): PyComplex {
  let s = text.trim();
  if (s.startsWith('(') && s.endsWith(')')) s = s.slice(1, -1).trim();
  const part = (p: string): number => {
    if (p === '' || p === '+') return 1;
    if (p === '-') return -1;
    return Number(p.replace(/_/g, '').replace(/inf(inity)?/i, 'Infinity').replace(/nan/i, 'NaN'));
  };
  if (REAL.test(s)) return new PyComplex(part(s), 0);
  let m = IMAG.exec(s);
  if (m !== null) return new PyComplex(0, part(m[1]!));
  m = BOTH.exec(s);
  if (m !== null) return new PyComplex(part(m[1]!), part(m[2]!));
  throw new ValueError('complex() arg is a malformed string');
}
