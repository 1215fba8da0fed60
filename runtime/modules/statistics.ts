/**
 * Python's `statistics` for int and float data (CPython 3.11's
 * Lib/statistics.py): mean, variance, pvariance, stdev and pstdev computed
 * exactly with fractions as CPython does (support/statistics/exact.ts),
 * fmean and geometric_mean with fsum, harmonic_mean, the medians, mode,
 * multimode and quantiles; covariance, correlation, linear_regression
 * (support/statistics/bivariate.ts) and NormalDist
 * (support/statistics/normalDist.ts) with CPython's float operations;
 * Fraction data gives Fraction results as in CPython. Decimal data (there
 * is no decimal module) is not provided.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { TypeError, ValueError, ZeroDivisionError } from '../builtins/exceptions.js';
import { PyDict } from '../builtins/dict.js';
import { call } from '../builtins/calls.js';
import { truthy } from '../builtins/truth.js';
import { repr } from '../builtins/repr.js';
import { float as pyFloatBuiltin, len } from '../builtins/functions.js';
import { iterate, pyIter } from '../builtins/iteration.js';
import { sorted } from '../builtins/sort.js';
import { add, floordiv, lt, mul, sub, truediv } from '../builtins/operators.js';
import { float as pyFloat } from '../builtins/values.js';
import { defineClass, newException } from './support/stdlib/pyclass.js';
import { isinstance } from '../builtins/types.js';
import { Real } from './numbers.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import { Frac, convert, divide, exactSum, sqrtOfFrac, sumOfSquares, type NumType, type Total } from './support/statistics/exact.js';
import { exp, fsum, log } from './math.js';
import * as self from './statistics.js';
import { bivariateHooks } from './support/statistics/bivariate.js';
import { normalDistHooks } from './support/statistics/normalDist.js';

export const __name__ = 'statistics';
loadedModules.$set('statistics', self);

const Q = 'statistics';

export const StatisticsError = defineClass(Q, 'StatisticsError', [ValueError], {});

function statisticsError(message: string): unknown {
  return newException(StatisticsError, [message], null);
}
bivariateHooks.error = statisticsError;
normalDistHooks.error = statisticsError;

export { covariance, correlation, linear_regression, LinearRegression } from './support/statistics/bivariate.js';
export { NormalDist } from './support/statistics/normalDist.js';

export const mean = pyFunction('data', 'mean', Q, (data: unknown) => {
  const { T, total, count } = exactSum(iterate(data));
  if (count < 1) throw statisticsError('mean requires at least one data point');
  return convert(divide(total, count), T);
});

/** len(data), or null for an iterable without one (fmean then counts). */
function lengthOf(data: unknown): number | null {
  try {
    return Number(len(data));
  } catch (e) {
    if (e instanceof TypeError) return null;
    throw e;
  }
}

export const fmean = pyFunction('data, weights=', 'fmean', Q, (data: unknown, weights: unknown = null) => {
  let n = lengthOf(data);
  let items: Iterable<unknown> = iterate(data);
  if (n === null) {
    const all = [...items];
    n = all.length;
    items = all;
  }
  if (weights === null) {
    const total = fsum(items);
    if (!n) throw statisticsError('fmean requires at least one data point');
    return truediv(total, n);
  }
  let ws = weights;
  let numWeights = lengthOf(ws);
  if (numWeights === null) {
    ws = [...iterate(ws)];
    numWeights = (ws as unknown[]).length;
  }
  const xs = [...items];
  const wl = [...iterate(ws)];
  const products: unknown[] = [];
  for (let i = 0; i < Math.min(xs.length, wl.length); i++) products.push(mul(xs[i], wl[i]));
  const num = fsum(products);
  if (n !== numWeights) throw statisticsError('data and weights must be the same length');
  const den = fsum(wl);
  if (!truthy(den)) throw statisticsError('sum of weights must be non-zero');
  return truediv(num, den);
});

export const geometric_mean = pyFunction('data', 'geometric_mean', Q, (data: unknown) => {
  try {
    return exp(call(fmean, [[...iterate(data)].map((x) => log(x))], null));
  } catch (e) {
    if (e instanceof ValueError) throw statisticsError('geometric mean requires a non-empty dataset containing positive numbers');
    throw e;
  }
});

const HARMONIC_NEGATIVE = 'harmonic mean does not support negative values';

function failNeg(values: unknown[]): unknown[] {
  for (const x of values) if (truthy(lt(x, 0))) throw statisticsError(HARMONIC_NEGATIVE);
  return values;
}

export const harmonic_mean = pyFunction('data, weights=', 'harmonic_mean', Q, (dataArg: unknown, weightsArg: unknown = null) => {
  const data = [...iterate(dataArg)];
  const n = data.length;
  if (n < 1) throw statisticsError('harmonic_mean requires at least one data point');
  if (n === 1 && weightsArg === null) {
    const x = data[0];
    if (isinstance(x, Real)) {
      if (truthy(lt(x, 0))) throw statisticsError(HARMONIC_NEGATIVE);
      return x;
    }
    throw new TypeError('unsupported type');
  }
  let weights: unknown[];
  let sumWeights: Total;
  if (weightsArg === null) {
    weights = new Array<unknown>(n).fill(1);
    sumWeights = Frac.of(BigInt(n));
  } else {
    weights = [...iterate(weightsArg)];
    if (weights.length !== n) throw statisticsError('Number of weights does not match data size');
    sumWeights = exactSum(failNeg(weights)).total;
  }
  let result: { T: NumType; total: Total };
  try {
    const checked = failNeg(data);
    result = exactSum(weights.map((w, i) => (truthy(w) ? truediv(w, checked[i]) : 0)));
  } catch (e) {
    if (e instanceof ZeroDivisionError) return 0;
    throw e;
  }
  const { T, total } = result;
  const positive = typeof total === 'number' ? total > 0 : total.n > 0n;
  if (!positive) throw statisticsError('Weighted sum must be positive');
  // sum_weights / total: exact, unless a non-finite float took part.
  if (typeof total === 'number' || typeof sumWeights === 'number') return convert(asNumber(sumWeights) / asNumber(total), T);
  return convert(sumWeights.div(total), T);
});

function asNumber(t: Total): number {
  return typeof t === 'number' ? t : t.toFloat();
}

function sortedData(data: unknown): unknown[] {
  return sorted(data);
}

export const median = pyFunction('data', 'median', Q, (data: unknown) => {
  const d = sortedData(data);
  const n = d.length;
  if (n === 0) throw statisticsError('no median for empty data');
  if (n % 2 === 1) return d[(n - 1) / 2];
  const i = n / 2;
  return truediv(add(d[i - 1], d[i]), 2);
});

export const median_low = pyFunction('data', 'median_low', Q, (data: unknown) => {
  const d = sortedData(data);
  const n = d.length;
  if (n === 0) throw statisticsError('no median for empty data');
  return n % 2 === 1 ? d[(n - 1) / 2] : d[n / 2 - 1];
});

export const median_high = pyFunction('data', 'median_high', Q, (data: unknown) => {
  const d = sortedData(data);
  const n = d.length;
  if (n === 0) throw statisticsError('no median for empty data');
  return d[Math.floor(n / 2)];
});

export const median_grouped = pyFunction('data, interval=', 'median_grouped', Q, (data: unknown, intervalArg: unknown = pyFloat(1)) => {
  const d = sortedData(data);
  const n = d.length;
  if (!n) throw statisticsError('no median for empty data');
  const x = d[Math.floor(n / 2)];
  // bisect_left and bisect_right for x.
  let i = 0;
  while (i < n && truthy(lt(d[i], x))) i++;
  let j = i;
  while (j < n && !truthy(lt(x, d[j]))) j++;
  let interval: number;
  let xf: number;
  try {
    interval = Number(call(pyFloatBuiltin, [intervalArg], null));
    xf = Number(call(pyFloatBuiltin, [x], null));
  } catch (e) {
    if (e instanceof ValueError) throw new TypeError('Value cannot be converted to a float');
    throw e;
  }
  const L = xf - interval / 2.0;
  return pyFloat(L + (interval * (n / 2 - i)) / (j - i));
});

/** Counter(iter(data)): the counts, in first-seen order. */
function counts(data: unknown): PyDict<unknown, number> {
  const c = new PyDict<unknown, number>();
  for (const x of iterate(pyIter(data))) c.$set(x, (c.$get(x) ?? 0) + 1);
  return c;
}

export const mode = pyFunction('data', 'mode', Q, (data: unknown) => {
  const c = counts(data);
  let best: unknown;
  let bestCount = 0;
  for (const x of c) {
    const k = c.$get(x)!;
    if (k > bestCount) {
      best = x;
      bestCount = k;
    }
  }
  if (bestCount === 0) throw statisticsError('no mode for empty data');
  return best;
});

export const multimode = pyFunction('data', 'multimode', Q, (data: unknown) => {
  const c = counts(data);
  let max = 0;
  for (const x of c) max = Math.max(max, c.$get(x)!);
  return [...c].filter((x) => c.$get(x) === max);
});

export const quantiles = pyFunction('data, *, n=, method=', 'quantiles', Q, (data: unknown, nArg: unknown = 4, method: unknown = 'exclusive') => {
  const n = Number(nArg);
  if (n < 1) throw statisticsError('n must be at least 1');
  const d = sortedData(data);
  const ld = d.length;
  if (ld < 2) throw statisticsError('must have at least two data points');
  const result: unknown[] = [];
  if (method === 'inclusive') {
    const m = ld - 1;
    for (let i = 1; i < n; i++) {
      const j = Math.floor((i * m) / n);
      const delta = (i * m) % n;
      result.push(truediv(add(mul(d[j], n - delta), mul(d[j + 1], delta)), n));
    }
    return result;
  }
  if (method === 'exclusive') {
    const m = ld + 1;
    for (let i = 1; i < n; i++) {
      let j = Number(floordiv(i * m, n));
      j = j < 1 ? 1 : j > ld - 1 ? ld - 1 : j;
      const delta = i * m - j * n;
      result.push(truediv(add(mul(d[j - 1], n - delta), mul(d[j], delta)), n));
    }
    return result;
  }
  throw new ValueError(`Unknown method: ${repr(method)}`);
});

/** `_ss(data, c)`: with a given centre, the squared deviations (computed as Python computes them) summed exactly. */
function squares(data: unknown, c: unknown): { T: NumType; ssd: Total; count: number } {
  if (c === null) return sumOfSquares(iterate(data));
  const { T, total, count } = exactSum([...iterate(data)].map((x) => {
    const dev = sub(x, c);
    return mul(dev, dev);
  }));
  return { T, ssd: total, count };
}

export const variance = pyFunction('data, xbar=', 'variance', Q, (data: unknown, xbar: unknown = null) => {
  const { T, ssd, count } = squares(data, xbar);
  if (count < 2) throw statisticsError('variance requires at least two data points');
  return convert(divide(ssd, count - 1), T);
});

export const pvariance = pyFunction('data, mu=', 'pvariance', Q, (data: unknown, mu: unknown = null) => {
  const { T, ssd, count } = squares(data, mu);
  if (count < 1) throw statisticsError('pvariance requires at least one data point');
  return convert(divide(ssd, count), T);
});

export const stdev = pyFunction('data, xbar=', 'stdev', Q, (data: unknown, xbar: unknown = null) => {
  const { ssd, count } = squares(data, xbar);
  if (count < 2) throw statisticsError('stdev requires at least two data points');
  return sqrtOfFrac(divide(ssd, count - 1));
});

export const pstdev = pyFunction('data, mu=', 'pstdev', Q, (data: unknown, mu: unknown = null) => {
  const { ssd, count } = squares(data, mu);
  if (count < 1) throw statisticsError('pstdev requires at least one data point');
  return sqrtOfFrac(divide(ssd, count));
});
