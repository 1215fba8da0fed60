/**
 * Python's `cmath` module, a port of CPython 3.11's cmathmodule.c: the same
 * formulas (with its guards against spurious overflow and its rescaling of
 * subnormals), the same special-value tables for infinite and nan parts,
 * and its errno rules turned into ValueError('math domain error') and
 * OverflowError('math range error'). The real functions underneath are the
 * math module's (support/math/real.ts), which match glibc nearly always.
 */
import { TypeError, ValueError } from '../builtins/exceptions.js';
import { PyComplex, PyFloat, PyTuple, typeName } from '../builtins/values.js';
import { lookupSpecial } from '../builtins/special.js';
import { noKeywords, type PyCallable } from '../builtins/calls.js';
import { domainError, floatResult, iscloseKeywords, rangeError, toDouble } from './support/math/args.js';
import * as real from './support/math/real.js';
import { vectorNorm } from './support/math/sums.js';
import * as sv from './support/cmath/special.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './cmath.js';

export const __name__ = 'cmath';
loadedModules.$set('cmath', self);

export const pi = Math.PI;
export const e = Math.E;
export const tau = 2 * Math.PI;
export const inf = Infinity;
export const nan = NaN;
export const infj = new PyComplex(0, Infinity);
export const nanj = new PyComplex(0, NaN);

type Real = number | PyFloat;
type C = [number, number];

const DBL_MIN = 2.2250738585072014e-308;
const CM_LARGE_DOUBLE = Number.MAX_VALUE / 4;
const CM_SQRT_LARGE_DOUBLE = Math.sqrt(CM_LARGE_DOUBLE);
const CM_LOG_LARGE_DOUBLE = real.log(CM_LARGE_DOUBLE);
const CM_SQRT_DBL_MIN = Math.sqrt(DBL_MIN);
const M_LN2 = 0.6931471805599453;
const M_LN10 = 2.302585092994046;
const TWO53 = 2 ** 53; // 2**CM_SCALE_UP
const TWO_M27 = 2 ** -27; // 2**CM_SCALE_DOWN

/** C's errno, which the functions set as cmathmodule.c's do: 0, EDOM or ERANGE. */
const OK = 0;
const EDOM = 1;
const ERANGE = 2;
let errno = OK;

const isInf = (x: number): boolean => x === Infinity || x === -Infinity;
const isfin = Number.isFinite;
const copysign = (x: number, y: number): number => (y < 0 || Object.is(y, -0) ? -Math.abs(x) : Math.abs(x));

/** C's hypot, correctly rounded, infinity beating nan. */
function hypot(x: number, y: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax === Infinity || ay === Infinity) return Infinity;
  return vectorNorm([ax, ay], Math.max(ax, ay), ax !== ax || ay !== ay);
}

/** A complex argument as PyArg_Parse's "D" reads it: complex, `__complex__`, then a real. */
function toComplex(v: unknown): C {
  if (v instanceof PyComplex) return [v.real, v.imag];
  if (typeof v === 'object' && v !== null) {
    const method = lookupSpecial(v, '__complex__');
    if (method !== undefined) {
      const c = method();
      if (!(c instanceof PyComplex)) throw new TypeError(`__complex__ returned non-complex (type ${typeName(c)})`);
      return [c.real, c.imag];
    }
  }
  return [toDouble(v), 0];
}

function sqrtC(re: number, im: number): C {
  if (!isfin(re) || !isfin(im)) return sv.lookup(sv.SQRT, re, im);
  if (re === 0 && im === 0) return [0, im];
  let ax = Math.abs(re);
  const ay = Math.abs(im);
  let s: number;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    ax *= TWO53;
    s = Math.sqrt(ax + hypot(ax, ay * TWO53)) * TWO_M27;
  } else {
    ax /= 8;
    s = 2 * Math.sqrt(ax + hypot(ax, ay / 8));
  }
  const d = ay / (2 * s);
  return re >= 0 ? [s, copysign(d, im)] : [d, copysign(s, im)];
}

function acosC(re: number, im: number): C {
  errno = OK;
  if (!isfin(re) || !isfin(im)) return sv.lookup(sv.ACOS, re, im);
  if (Math.abs(re) > CM_LARGE_DOUBLE || Math.abs(im) > CM_LARGE_DOUBLE) {
    return [real.atan2(Math.abs(im), re), -copysign(real.log(hypot(re / 2, im / 2)) + M_LN2 * 2, im)];
  }
  const [s1r, s1i] = sqrtC(1 - re, -im);
  const [s2r, s2i] = sqrtC(1 + re, im);
  return [2 * real.atan2(s1r, s2r), real.asinh(s2r * s1i - s2i * s1r)];
}

function acoshC(re: number, im: number): C {
  errno = OK;
  if (!isfin(re) || !isfin(im)) return sv.lookup(sv.ACOSH, re, im);
  if (Math.abs(re) > CM_LARGE_DOUBLE || Math.abs(im) > CM_LARGE_DOUBLE) {
    return [real.log(hypot(re / 2, im / 2)) + M_LN2 * 2, real.atan2(im, re)];
  }
  const [s1r, s1i] = sqrtC(re - 1, im);
  const [s2r, s2i] = sqrtC(re + 1, im);
  return [real.asinh(s1r * s2r + s1i * s2i), 2 * real.atan2(s1i, s2r)];
}

function asinhC(re: number, im: number): C {
  errno = OK;
  if (!isfin(re) || !isfin(im)) return sv.lookup(sv.ASINH, re, im);
  if (Math.abs(re) > CM_LARGE_DOUBLE || Math.abs(im) > CM_LARGE_DOUBLE) {
    const l = real.log(hypot(re / 2, im / 2)) + M_LN2 * 2;
    return [im >= 0 ? copysign(l, re) : -copysign(l, -re), real.atan2(im, Math.abs(re))];
  }
  const [s1r, s1i] = sqrtC(1 + im, -re);
  const [s2r, s2i] = sqrtC(1 - im, re);
  return [real.asinh(s1r * s2i - s2r * s1i), real.atan2(im, s1r * s2r - s1i * s2i)];
}

function asinC(re: number, im: number): C {
  const [sr, si] = asinhC(-im, re);
  return [si, -sr];
}

function atanhC(re: number, im: number): C {
  if (!isfin(re) || !isfin(im)) {
    errno = OK;
    return sv.lookup(sv.ATANH, re, im);
  }
  if (re < 0) {
    const [r, i] = atanhC(-re, -im);
    return [-r, -i];
  }
  const ay = Math.abs(im);
  if (re > CM_SQRT_LARGE_DOUBLE || ay > CM_SQRT_LARGE_DOUBLE) {
    const h = hypot(re / 2, im / 2);
    errno = OK;
    return [re / 4 / h / h, copysign(Math.PI / 2, im)];
  }
  if (re === 1 && ay < CM_SQRT_DBL_MIN) {
    if (ay === 0) {
      errno = EDOM;
      return [Infinity, im];
    }
    errno = OK;
    return [-real.log(Math.sqrt(ay) / Math.sqrt(hypot(ay, 2))), copysign(real.atan2(2, -ay) / 2, im)];
  }
  errno = OK;
  return [
    real.log1p((4 * re) / ((1 - re) * (1 - re) + ay * ay)) / 4,
    -real.atan2(-2 * im, (1 - re) * (1 + re) - ay * ay) / 2,
  ];
}

function atanC(re: number, im: number): C {
  const [sr, si] = atanhC(-im, re);
  return [si, -sr];
}

/** exp, cosh and sinh share the treatment of an infinite real part with a finite nonzero imaginary part. */
function coshC(re: number, im: number): C {
  if (!isfin(re) || !isfin(im)) {
    let r: C;
    if (isInf(re) && isfin(im) && im !== 0) {
      r = re > 0 ? [copysign(Infinity, real.cos(im)), copysign(Infinity, real.sin(im))] : [copysign(Infinity, real.cos(im)), -copysign(Infinity, real.sin(im))];
    } else {
      r = sv.lookup(sv.COSH, re, im);
    }
    errno = isInf(im) && re === re ? EDOM : OK;
    return r;
  }
  let r: C;
  if (Math.abs(re) > CM_LOG_LARGE_DOUBLE) {
    const xm1 = re - copysign(1, re);
    r = [real.cos(im) * real.cosh(xm1) * Math.E, real.sin(im) * real.sinh(xm1) * Math.E];
  } else {
    r = [real.cos(im) * real.cosh(re), real.sin(im) * real.sinh(re)];
  }
  errno = isInf(r[0]) || isInf(r[1]) ? ERANGE : OK;
  return r;
}

function sinhC(re: number, im: number): C {
  if (!isfin(re) || !isfin(im)) {
    let r: C;
    if (isInf(re) && isfin(im) && im !== 0) {
      r = re > 0 ? [copysign(Infinity, real.cos(im)), copysign(Infinity, real.sin(im))] : [-copysign(Infinity, real.cos(im)), copysign(Infinity, real.sin(im))];
    } else {
      r = sv.lookup(sv.SINH, re, im);
    }
    errno = isInf(im) && re === re ? EDOM : OK;
    return r;
  }
  let r: C;
  if (Math.abs(re) > CM_LOG_LARGE_DOUBLE) {
    const xm1 = re - copysign(1, re);
    r = [real.cos(im) * real.sinh(xm1) * Math.E, real.sin(im) * real.cosh(xm1) * Math.E];
  } else {
    r = [real.cos(im) * real.sinh(re), real.sin(im) * real.cosh(re)];
  }
  errno = isInf(r[0]) || isInf(r[1]) ? ERANGE : OK;
  return r;
}

function tanhC(re: number, im: number): C {
  if (!isfin(re) || !isfin(im)) {
    let r: C;
    if (isInf(re) && isfin(im) && im !== 0) {
      r = [re > 0 ? 1 : -1, copysign(0, 2 * real.sin(im) * real.cos(im))];
    } else {
      r = sv.lookup(sv.TANH, re, im);
    }
    errno = isInf(im) && isfin(re) ? EDOM : OK;
    return r;
  }
  errno = OK;
  if (Math.abs(re) > CM_LOG_LARGE_DOUBLE) {
    return [copysign(1, re), 4 * real.sin(im) * real.cos(im) * real.exp(-2 * Math.abs(re))];
  }
  const tx = real.tanh(re);
  const ty = real.tan(im);
  const cx = 1 / real.cosh(re);
  const txty = tx * ty;
  const denom = 1 + txty * txty;
  return [(tx * (1 + ty * ty)) / denom, ((ty / denom) * cx) * cx];
}

function expC(re: number, im: number): C {
  if (!isfin(re) || !isfin(im)) {
    let r: C;
    if (isInf(re) && isfin(im) && im !== 0) {
      r = re > 0 ? [copysign(Infinity, real.cos(im)), copysign(Infinity, real.sin(im))] : [copysign(0, real.cos(im)), copysign(0, real.sin(im))];
    } else {
      r = sv.lookup(sv.EXP, re, im);
    }
    errno = isInf(im) && (isfin(re) || re === Infinity) ? EDOM : OK;
    return r;
  }
  let r: C;
  if (re > CM_LOG_LARGE_DOUBLE) {
    const l = real.exp(re - 1);
    r = [l * real.cos(im) * Math.E, l * real.sin(im) * Math.E];
  } else {
    const l = real.exp(re);
    r = [l * real.cos(im), l * real.sin(im)];
  }
  errno = isInf(r[0]) || isInf(r[1]) ? ERANGE : OK;
  return r;
}

function logC(re: number, im: number): C {
  errno = OK;
  if (!isfin(re) || !isfin(im)) return sv.lookup(sv.LOG, re, im);
  const ax = Math.abs(re);
  const ay = Math.abs(im);
  let r: number;
  if (ax > CM_LARGE_DOUBLE || ay > CM_LARGE_DOUBLE) {
    r = real.log(hypot(ax / 2, ay / 2)) + M_LN2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0 || ay > 0) {
      r = real.log(hypot(ax * TWO53, ay * TWO53)) - 53 * M_LN2;
    } else {
      errno = EDOM;
      return [-Infinity, real.atan2(im, re)];
    }
  } else {
    const h = hypot(ax, ay);
    if (h >= 0.71 && h <= 1.73) {
      const am = ax > ay ? ax : ay;
      const an = ax > ay ? ay : ax;
      r = real.log1p((am - 1) * (am + 1) + an * an) / 2;
    } else {
      r = real.log(h);
    }
  }
  return [r, real.atan2(im, re)];
}

function log10C(re: number, im: number): C {
  const [r, i] = logC(re, im);
  return [r / M_LN10, i / M_LN10];
}

function cosC(re: number, im: number): C {
  return coshC(-im, re);
}

function sinC(re: number, im: number): C {
  const [sr, si] = sinhC(-im, re);
  return [si, -sr];
}

function tanC(re: number, im: number): C {
  const [sr, si] = tanhC(-im, re);
  return [si, -sr];
}

/** _Py_c_quot (Smith's algorithm), with its EDOM on a zero divisor. */
function quot(ar: number, ai: number, br: number, bi: number): C {
  const absBr = Math.abs(br);
  const absBi = Math.abs(bi);
  if (absBr >= absBi) {
    if (absBr === 0) {
      errno = EDOM;
      return [0, 0];
    }
    const ratio = bi / br;
    const denom = br + bi * ratio;
    return [(ar + ai * ratio) / denom, (ai - ar * ratio) / denom];
  }
  if (absBi >= absBr) {
    const ratio = br / bi;
    const denom = br * ratio + bi;
    return [(ar * ratio + ai) / denom, (ai * ratio - ar) / denom];
  }
  return [NaN, NaN];
}

function checked([re, im]: C): PyComplex {
  if (errno === EDOM) throw domainError();
  if (errno === ERANGE) throw rangeError();
  return new PyComplex(re, im);
}


function oneArgument(name: string, given: number): TypeError {
  return new TypeError(`cmath.${name}() takes exactly one argument (${given} given)`);
}

/** A function of one complex returning a complex, errno checked as the clinic's Py_complex_protected. */
function unary(name: string, f: (re: number, im: number) => C): (z: unknown) => PyComplex {
  const fn = {
    [name](z: unknown): PyComplex {
      if (arguments.length !== 1) throw oneArgument(name, arguments.length);
      const [re, im] = toComplex(z);
      errno = OK;
      return checked(f(re, im));
    },
  }[name]!;
  return noKeywords(fn, `cmath.${name}`);
}

export const sqrt = unary('sqrt', (re, im) => {
  errno = OK;
  return sqrtC(re, im);
});
export const exp = unary('exp', expC);
export const log10 = unary('log10', log10C);
export const acos = unary('acos', acosC);
export const asin = unary('asin', asinC);
export const atan = unary('atan', atanC);
export const acosh = unary('acosh', acoshC);
export const asinh = unary('asinh', asinhC);
export const atanh = unary('atanh', atanhC);
export const cos = unary('cos', cosC);
export const sin = unary('sin', sinC);
export const tan = unary('tan', tanC);
export const cosh = unary('cosh', coshC);
export const sinh = unary('sinh', sinhC);
export const tanh = unary('tanh', tanhC);

/** log(z[, base]): errno is whatever the last step left, as in cmath_log_impl. */
export const log = noKeywords(function log(z: unknown, base?: unknown): PyComplex {
  if (arguments.length < 1) throw new TypeError(`log expected at least 1 argument, got ${arguments.length}`);
  if (arguments.length > 2) throw new TypeError(`log expected at most 2 arguments, got ${arguments.length}`);
  const [re, im] = toComplex(z);
  let r = logC(re, im);
  if (arguments.length === 2) {
    const [bre, bim] = toComplex(base);
    const b = logC(bre, bim);
    r = quot(r[0], r[1], b[0], b[1]);
  }
  return checked(r);
}, 'cmath.log');

export const phase = noKeywords(function phase(z: unknown): Real {
  if (arguments.length !== 1) throw oneArgument('phase', arguments.length);
  const [re, im] = toComplex(z);
  return floatResult(real.atan2(im, re));
}, 'cmath.phase');

export const polar = noKeywords(function polar(z: unknown): PyTuple {
  if (arguments.length !== 1) throw oneArgument('polar', arguments.length);
  const [re, im] = toComplex(z);
  const phi = real.atan2(im, re);
  const r = hypot(re, im);
  // _Py_c_abs: an infinite modulus of finite parts is an overflow.
  if (r === Infinity && isfin(re) && isfin(im)) throw rangeError();
  return PyTuple.of(floatResult(r), floatResult(phi));
}, 'cmath.polar');

export const rect = noKeywords(function rect(r: unknown, phi: unknown): PyComplex {
  if (arguments.length !== 2) throw new TypeError(`rect expected 2 arguments, got ${arguments.length}`);
  const rv = toDouble(r);
  const p = toDouble(phi);
  let z: C;
  if (!isfin(rv) || !isfin(p)) {
    if (isInf(rv) && isfin(p) && p !== 0) {
      z = rv > 0 ? [copysign(Infinity, real.cos(p)), copysign(Infinity, real.sin(p))] : [-copysign(Infinity, real.cos(p)), -copysign(Infinity, real.sin(p))];
    } else {
      z = sv.lookup(sv.RECT, rv, p);
    }
    errno = rv !== 0 && rv === rv && isInf(p) ? EDOM : OK;
  } else if (p === 0) {
    z = [rv, rv * p];
    errno = OK;
  } else {
    z = [rv * real.cos(p), rv * real.sin(p)];
    errno = OK;
  }
  return checked(z);
}, 'cmath.rect');

export const isfinite = noKeywords(function isfinite(z: unknown): boolean {
  if (arguments.length !== 1) throw oneArgument('isfinite', arguments.length);
  const [re, im] = toComplex(z);
  return isfin(re) && isfin(im);
}, 'cmath.isfinite');

export const isnan = noKeywords(function isnan(z: unknown): boolean {
  if (arguments.length !== 1) throw oneArgument('isnan', arguments.length);
  const [re, im] = toComplex(z);
  return re !== re || im !== im;
}, 'cmath.isnan');

export const isinf = noKeywords(function isinf(z: unknown): boolean {
  if (arguments.length !== 1) throw oneArgument('isinf', arguments.length);
  const [re, im] = toComplex(z);
  return isInf(re) || isInf(im);
}, 'cmath.isinf');

/** isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) */
export function isclose(a: unknown, b: unknown): boolean {
  if (arguments.length !== 2) {
    if (arguments.length < 2) throw new TypeError(`isclose() missing required argument '${arguments.length === 0 ? 'a' : 'b'}' (pos ${arguments.length + 1})`);
    throw new TypeError(`isclose() takes exactly 2 positional arguments (${arguments.length} given)`);
  }
  return closeTo(toComplex(a), toComplex(b), 1e-9, 0);
}
(isclose as unknown as PyCallable).$kw = (args: unknown[], kwargs: Record<string, unknown>): boolean => {
  const { a, b, rel, abs } = iscloseKeywords(args, kwargs);
  return closeTo(toComplex(a), toComplex(b), rel, abs);
};

function closeTo(a: C, b: C, rel: number, abs: number): boolean {
  if (rel < 0 || abs < 0) throw new ValueError('tolerances must be non-negative');
  if (a[0] === b[0] && a[1] === b[1]) return true;
  if (isInf(a[0]) || isInf(a[1]) || isInf(b[0]) || isInf(b[1])) return false;
  const diff = hypot(a[0] - b[0], a[1] - b[1]);
  return diff <= rel * hypot(b[0], b[1]) || diff <= rel * hypot(a[0], a[1]) || diff <= abs;
}
