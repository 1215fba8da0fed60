/**
 * statistics' functions of two inputs, CPython 3.11's: covariance,
 * correlation and linear_regression, with the same fsum-based sums in the
 * same order, so the float results are CPython's bit for bit.
 */
import { ZeroDivisionError } from '../../../builtins/exceptions.js';
import { call } from '../../../builtins/calls.js';
import { len } from '../../../builtins/functions.js';
import { iterate } from '../../../builtins/iteration.js';
import { mul, sub, truediv } from '../../../builtins/operators.js';
import { PyTuple, float as pyFloat } from '../../../builtins/values.js';
import { truthy } from '../../../builtins/truth.js';
import { fsum, sqrt } from '../../math.js';
import { namedtuple } from '../collections/namedtuple.js';
import { pyFunction } from '../pydef.js';

const Q = 'statistics';

/** What statistics.ts raises its errors with (StatisticsError is defined there). */
export const bivariateHooks: { error?: (message: string) => unknown } = {};

function fail(message: string): never {
  throw bivariateHooks.error!(message);
}

/** `n = len(x)`, the same for y, at least two. */
function pairCount(x: unknown, y: unknown, what: string): number {
  const n = Number(len(x));
  if (Number(len(y)) !== n) fail(`${what} requires that both inputs have same number of data points`);
  if (n < 2) fail(`${what} requires at least two data points`);
  return n;
}

/** `fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))`. */
function sumOfProducts(xs: unknown[], xbar: unknown, ys: unknown[], ybar: unknown): unknown {
  const terms: unknown[] = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) terms.push(mul(sub(xs[i], xbar), sub(ys[i], ybar)));
  return fsum(terms);
}

/** `fsum((d := xi - xbar) * d for xi in x)`. */
function sumOfSquares(xs: unknown[], xbar: unknown): unknown {
  return fsum(xs.map((xi) => {
    const d = sub(xi, xbar);
    return mul(d, d);
  }));
}

/** A ZeroDivisionError from `compute` is the StatisticsError `message` (raised while handling it, as CPython's). */
function dividing(compute: () => unknown, message: string): unknown {
  try {
    return compute();
  } catch (e) {
    if (e instanceof ZeroDivisionError) fail(message);
    throw e;
  }
}

export const covariance = pyFunction('x, y, /', 'covariance', Q, (x: unknown, y: unknown) => {
  const n = pairCount(x, y, 'covariance');
  const xs = [...iterate(x)];
  const ys = [...iterate(y)];
  const xbar = truediv(fsum(xs), n);
  const ybar = truediv(fsum(ys), n);
  return truediv(sumOfProducts(xs, xbar, ys, ybar), n - 1);
});

export const correlation = pyFunction('x, y, /', 'correlation', Q, (x: unknown, y: unknown) => {
  const n = pairCount(x, y, 'correlation');
  const xs = [...iterate(x)];
  const ys = [...iterate(y)];
  const xbar = truediv(fsum(xs), n);
  const ybar = truediv(fsum(ys), n);
  const sxy = sumOfProducts(xs, xbar, ys, ybar);
  const sxx = sumOfSquares(xs, xbar);
  const syy = sumOfSquares(ys, ybar);
  return dividing(() => truediv(sxy, sqrt(mul(sxx, syy))), 'at least one of the inputs is constant');
});

export const LinearRegression = call(namedtuple, ['LinearRegression', PyTuple.fromArray(['slope', 'intercept'])], { module: Q });

export const linear_regression = pyFunction('x, y, /, *, proportional=', 'linear_regression', Q, (x: unknown, y: unknown, proportional: unknown = false) => {
  const n = pairCount(x, y, 'linear regression');
  const xs = [...iterate(x)];
  const ys = [...iterate(y)];
  const isProportional = truthy(proportional ?? false);
  let sxy: unknown;
  let sxx: unknown;
  let xbar: unknown = null;
  let ybar: unknown = null;
  if (isProportional) {
    const products: unknown[] = [];
    for (let i = 0; i < Math.min(xs.length, ys.length); i++) products.push(mul(xs[i], ys[i]));
    sxy = fsum(products);
    sxx = fsum(xs.map((xi) => mul(xi, xi)));
  } else {
    xbar = truediv(fsum(xs), n);
    ybar = truediv(fsum(ys), n);
    sxy = sumOfProducts(xs, xbar, ys, ybar);
    sxx = sumOfSquares(xs, xbar);
  }
  const slope = dividing(() => truediv(sxy, sxx), 'x is constant');
  const intercept = isProportional ? pyFloat(0) : sub(ybar, mul(slope, xbar));
  return call(LinearRegression, [], { slope, intercept });
});
