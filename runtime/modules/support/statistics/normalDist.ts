/**
 * statistics.NormalDist, CPython 3.11's: the same float operations in the
 * same order (the inverse CDF is Wichura's AS241, as `_statistics` computes
 * it in C), so results are CPython's wherever math's functions agree
 * (erf may differ in the last bit, see README).
 */
import { TypeError } from '../../../builtins/exceptions.js';
import { call } from '../../../builtins/calls.js';
import { PyClassMethod, PyProperty, isinstance, type PyClass } from '../../../builtins/classes.js';
import { callMethod, getattr, setattr } from '../../../builtins/attributes.js';
import { float as pyFloatBuiltin, hash } from '../../../builtins/functions.js';
import { range } from '../../../builtins/range.js';
import { iterate } from '../../../builtins/iteration.js';
import { add, ge, le, lt, mul, neg, sub, truediv } from '../../../builtins/operators.js';
import { eq } from '../../../builtins/equality.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { repr } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { PyFloat, PyTuple, float as pyFloat } from '../../../builtins/values.js';
import { type } from '../../../builtins/types.js';
import { erf, exp, fabs, hypot, log, sqrt, tau } from '../../math.js';
import * as random from '../../random.js';
import { pyClass, pyFunction } from '../pydef.js';
import { Frac, divide, exactSum, sqrtOfFrac, sumOfSquares } from './exact.js';

const Q = 'statistics';
type Obj = Record<string, unknown>;

/** What statistics.ts raises its errors with (StatisticsError is defined there). */
export const normalDistHooks: { error?: (message: string) => unknown } = {};

function fail(message: string): never {
  throw normalDistHooks.error!(message);
}

const F = (v: number): unknown => pyFloat(v);
const SQRT2 = sqrt(F(2));

/** `float(v)` as a double. */
function toDouble(v: unknown): number {
  return floatValue(call(pyFloatBuiltin, [v], null));
}

function mu(d: unknown): unknown {
  return getattr(d, '_mu');
}

function sigma(d: unknown): unknown {
  return getattr(d, '_sigma');
}

/** CPython's `_normal_dist_inv_cdf(p, mu, sigma)` (Wichura's AS241), on doubles. */
function invCdf(p: number, m: number, s: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    const num = (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r + 6.7265770927008700853e+4) * r
      + 4.5921953931549871457e+4) * r + 1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r
      + 1.3314166789178437745e+2) * r + 3.3871328727963666080e+0) * q;
    const den = ((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r + 3.9307895800092710610e+4) * r
      + 2.1213794301586595867e+4) * r + 5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r
      + 4.2313330701600911252e+1) * r + 1.0;
    return m + (num / den) * s;
  }
  let r = q <= 0.0 ? p : 1.0 - p;
  r = Math.sqrt(-floatValue(log(F(r))));
  let n: number;
  let d: number;
  if (r <= 5.0) {
    r = r - 1.6;
    n = ((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r + 2.41780725177450611770e-1) * r
      + 1.27045825245236838258e+0) * r + 3.64784832476320460504e+0) * r + 5.76949722146069140550e+0) * r
      + 4.63033784615654529590e+0) * r + 1.42343711074968357734e+0;
    d = ((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r + 1.51986665636164571966e-2) * r
      + 1.48103976427480074590e-1) * r + 6.89767334985100004550e-1) * r + 1.67638483018380384940e+0) * r
      + 2.05319162663775882187e+0) * r + 1.0;
  } else {
    r = r - 5.0;
    n = ((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.24266094738807843860e-3) * r
      + 2.65321895265761230930e-2) * r + 2.96560571828504891230e-1) * r + 1.78482653991729133580e+0) * r
      + 5.46378491116411436990e+0) * r + 6.65790464350110377720e+0;
    d = ((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r + 1.84631831751005468180e-5) * r
      + 7.86869131145613259100e-4) * r + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
      + 5.99832206555887937690e-1) * r + 1.0;
  }
  let x = n / d;
  if (q < 0.0) x = -x;
  return m + x * s;
}

/** A Python float's value. */
function floatValue(v: unknown): number {
  return typeof v === 'number' ? v + 0 : (v as PyFloat).value; // `+ 0`: 0.0 is -0 (values.ts)
}

function make(m: unknown, s: unknown): unknown {
  return call(NormalDist, [m, s], null);
}

function method(name: string, spec: string, fn: (...args: never[]) => unknown): unknown {
  return pyFunction(spec, `NormalDist.${name}`, Q, fn);
}

function prop(name: string, fn: (self: Obj) => unknown): PyProperty {
  return new PyProperty(method(name, 'self', fn));
}

/** `_mean_stdev(data)`: the mean and sample standard deviation as floats, in CPython's one pass. */
function meanStdev(data: unknown): [unknown, unknown] {
  const items = [...iterate(data)];
  const { ssd, count } = sumOfSquares(items);
  if (count < 2) fail('stdev requires at least two data points');
  if (typeof ssd === 'number') {
    // Non-finite data: CPython's `float(xbar) / float(ss)` with xbar the (non-finite) sum itself.
    return [F(ssd), F(ssd / ssd)];
  }
  const { total } = exactSum(items);
  const xbar = divide(total, count) as Frac;
  return [F(xbar.toFloat()), sqrtOfFrac(divide(ssd, count - 1))];
}

const add2 = method('__add__', 'x1, x2', (x1: Obj, x2: unknown) =>
  (isinstance(x2, NormalDist) ? make(add(mu(x1), mu(x2)), hypot(sigma(x1), sigma(x2))) : make(add(mu(x1), x2), sigma(x1))));
const mul2 = method('__mul__', 'x1, x2', (x1: Obj, x2: unknown) => make(mul(mu(x1), x2), mul(sigma(x1), fabs(x2))));

export const NormalDist: PyClass = pyClass('NormalDist', Q, [], {
  __slots__: PyTuple.fromArray(['_mu', '_sigma']),
  __init__: method('__init__', 'self, mu=, sigma=', (self: Obj, m: unknown = F(0), s: unknown = F(1)) => {
    if (truthy(lt(s, F(0)))) fail('sigma must be non-negative');
    setattr(self, '_mu', call(pyFloatBuiltin, [m], null));
    setattr(self, '_sigma', call(pyFloatBuiltin, [s], null));
    return null;
  }),
  from_samples: new PyClassMethod(method('from_samples', 'cls, data', (cls: unknown, data: unknown) => call(cls, meanStdev(data), null))),
  samples: method('samples', 'self, n, *, seed=', (self: Obj, n: unknown, seed: unknown = null) => {
    const gauss = seed === null || seed === undefined ? random.gauss : getattr(call(random.Random, [seed], null), 'gauss');
    const m = mu(self);
    const s = sigma(self);
    return [...iterate(call(range, [n], null))].map(() => call(gauss, [m, s], null));
  }),
  pdf: method('pdf', 'self, x', (self: Obj, x: unknown) => {
    const variance = mul(sigma(self), sigma(self));
    if (!truthy(variance)) fail('pdf() not defined when sigma is zero');
    const diff = sub(x, mu(self));
    return truediv(exp(truediv(mul(diff, diff), mul(F(-2), variance))), sqrt(mul(tau, variance)));
  }),
  cdf: method('cdf', 'self, x', (self: Obj, x: unknown) => {
    if (!truthy(sigma(self))) fail('cdf() not defined when sigma is zero');
    return mul(F(0.5), add(F(1), erf(truediv(sub(x, mu(self)), mul(sigma(self), SQRT2)))));
  }),
  inv_cdf: method('inv_cdf', 'self, p', (self: Obj, p: unknown) => {
    if (truthy(le(p, F(0))) || truthy(ge(p, F(1)))) fail('p must be in the range 0.0 < p < 1.0');
    if (truthy(le(sigma(self), F(0)))) fail('cdf() not defined when sigma at or below zero');
    return F(invCdf(toDouble(p), toDouble(mu(self)), toDouble(sigma(self))));
  }),
  quantiles: method('quantiles', 'self, n=', (self: Obj, n: unknown = 4) =>
    [...iterate(call(range, [1, n], null))].map((i) => callMethod(self, 'inv_cdf', truediv(i, n)))),
  overlap: method('overlap', 'self, other', (self: Obj, other: unknown) => {
    if (!isinstance(other, NormalDist)) throw new TypeError('Expected another NormalDist instance');
    let X: unknown = self;
    let Y: unknown = other;
    if (truthy(lt(PyTuple.fromArray([sigma(Y), mu(Y)]), PyTuple.fromArray([sigma(X), mu(X)])))) [X, Y] = [Y, X];
    const xVar = getattr(X, 'variance');
    const yVar = getattr(Y, 'variance');
    if (!truthy(xVar) || !truthy(yVar)) fail('overlap() not defined when sigma is zero');
    const dv = sub(yVar, xVar);
    const dm = fabs(sub(mu(Y), mu(X)));
    if (!truthy(dv)) return sub(F(1), erf(truediv(dm, mul(mul(F(2), sigma(X)), SQRT2))));
    const a = sub(mul(mu(X), yVar), mul(mu(Y), xVar));
    const b = mul(mul(sigma(X), sigma(Y)), sqrt(add(mul(dm, dm), mul(dv, log(truediv(yVar, xVar))))));
    const x1 = truediv(add(a, b), dv);
    const x2 = truediv(sub(a, b), dv);
    const cdf = (d: unknown, x: unknown): unknown => callMethod(d, 'cdf', x);
    return sub(F(1), add(fabs(sub(cdf(Y, x1), cdf(X, x1))), fabs(sub(cdf(Y, x2), cdf(X, x2)))));
  }),
  zscore: method('zscore', 'self, x', (self: Obj, x: unknown) => {
    if (!truthy(sigma(self))) fail('zscore() not defined when sigma is zero');
    return truediv(sub(x, mu(self)), sigma(self));
  }),
  mean: prop('mean', mu),
  median: prop('median', mu),
  mode: prop('mode', mu),
  stdev: prop('stdev', sigma),
  variance: prop('variance', (self: Obj) => mul(sigma(self), sigma(self))),
  __add__: add2,
  __sub__: method('__sub__', 'x1, x2', (x1: Obj, x2: unknown) =>
    (isinstance(x2, NormalDist) ? make(sub(mu(x1), mu(x2)), hypot(sigma(x1), sigma(x2))) : make(sub(mu(x1), x2), sigma(x1)))),
  __mul__: mul2,
  __truediv__: method('__truediv__', 'x1, x2', (x1: Obj, x2: unknown) => make(truediv(mu(x1), x2), truediv(sigma(x1), fabs(x2)))),
  __pos__: method('__pos__', 'x1', (x1: Obj) => make(mu(x1), sigma(x1))),
  __neg__: method('__neg__', 'x1', (x1: Obj) => make(neg(mu(x1)), sigma(x1))),
  __radd__: add2,
  __rsub__: method('__rsub__', 'x1, x2', (x1: Obj, x2: unknown) => neg(sub(x1, x2))),
  __rmul__: mul2,
  __eq__: method('__eq__', 'x1, x2', (x1: Obj, x2: unknown) => {
    if (!isinstance(x2, NormalDist)) return NotImplemented;
    return eq(mu(x1), mu(x2)) && eq(sigma(x1), sigma(x2));
  }),
  __hash__: method('__hash__', 'self', (self: Obj) => hash(PyTuple.fromArray([mu(self), sigma(self)]))),
  __repr__: method('__repr__', 'self', (self: Obj) =>
    `${String(getattr(type(self), '__name__'))}(mu=${repr(mu(self))}, sigma=${repr(sigma(self))})`),
  __getstate__: method('__getstate__', 'self', (self: Obj) => PyTuple.fromArray([mu(self), sigma(self)])),
  __setstate__: method('__setstate__', 'self, state', (self: Obj, state: unknown) => {
    const [m, s] = [...iterate(state)];
    setattr(self, '_mu', m);
    setattr(self, '_sigma', s);
    return null;
  }),
});
