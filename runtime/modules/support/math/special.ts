/**
 * erf, erfc, gamma and lgamma in double-double precision: erf by its Taylor
 * series near 0, erfc by its continued fraction further out, log-gamma by
 * Stirling's series above 30 (shifted there by the recurrence, and
 * reflected for arguments below 1/2). CPython computes these with its own
 * approximations (a few ulps off at worst); these are nearly always
 * correctly rounded, so a result may differ from CPython's in its last bit.
 */
import { LO, PI_H, PI_L, add, div, mul, mulD, twoProd, twoSum } from './dd.js';
import * as el from './explog.js';
import { S_H, S_L, sinCosDD } from './trig.js';
import { domainError, rangeError } from './args.js';

// 2/sqrt(pi), 1/sqrt(pi), log(2 pi)/2 and log(pi) as double-doubles.
const TWO_RSQRTPI_H = 1.1283791670955126;
const TWO_RSQRTPI_L = 1.533545961316588e-17;
const HALF_LOG_2PI_H = 0.9189385332046728;
const HALF_LOG_2PI_L = -3.8782941580672414e-17;

let RH = 0;
let RL = 0;

/** erf x by 2/sqrt(pi) sum (-1)**n x**(2n+1) / (n! (2n+1)), for |x| <= 2.5. */
function erfSeries(x: number): void {
  const x2 = -x * x;
  const x2l = -LO_of_square(x);
  let th = x; // x**(2n+1) (-1)**n / n!
  let tl = 0;
  let sh = x;
  let sl = 0;
  for (let n = 1; n < 120; n++) {
    th = mul(th, tl, x2, x2l);
    tl = LO;
    th = div(th, tl, n, 0);
    tl = LO;
    const qh = div(th, tl, 2 * n + 1, 0);
    const ql = LO;
    sh = add(sh, sl, qh, ql);
    sl = LO;
    if (Math.abs(qh) < Math.abs(sh) * 1e-34) break;
  }
  RH = mul(sh, sl, TWO_RSQRTPI_H, TWO_RSQRTPI_L);
  RL = LO;
}

function LO_of_square(x: number): number {
  twoProd(x, x);
  return LO;
}

/** erfc x for x >= 2.5: e**-x**2 / (sqrt(pi) (x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))). */
function erfcFraction(x: number): void {
  let th = x;
  let tl = 0;
  for (let n = Math.ceil(420 / x) + 10; n >= 1; n--) {
    const qh = div(n / 2, 0, th, tl);
    th = add(x, 0, qh, LO);
    tl = LO;
  }
  const x2h = twoProd(x, x);
  el.exp(-x2h, -LO);
  const s = 2 ** el.K;
  // e**-x**2 * (2/sqrt(pi)) / 2 / t
  let h = mul(el.H * s, el.L * s, TWO_RSQRTPI_H * 0.5, TWO_RSQRTPI_L * 0.5);
  h = div(h, LO, th, tl);
  RH = h;
  RL = LO;
}

export function erf(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax === Infinity) return x > 0 ? 1 : -1;
  if (ax < 1e-300) return x * TWO_RSQRTPI_H;
  let r: number;
  if (ax <= 2.5) {
    erfSeries(ax);
    r = RH + RL;
  } else if (ax > 6) {
    r = 1;
  } else {
    erfcFraction(ax);
    r = add(1, 0, -RH, -RL) + LO;
  }
  return x < 0 ? -r : r;
}

export function erfc(x: number): number {
  if (x !== x) return x;
  if (x === Infinity) return 0;
  if (x === -Infinity) return 2;
  const ax = Math.abs(x);
  if (ax <= 2.5) {
    erfSeries(x);
    return add(1, 0, -RH, -RL) + LO;
  }
  if (x > 27.3) return 0;
  if (x < -6) return 2;
  erfcFraction(ax);
  if (x > 0) return RH + RL;
  return add(2, 0, -RH, -RL) + LO;
}

// Stirling's series: B_2k / (2k (2k-1)) as numerator/denominator, k = 1..13.
const STIRLING: [number, number][] = [
  [1, 12], [-1, 360], [1, 1260], [-1, 1680], [5, 66 * 90], [-691, 2730 * 132], [7, 6 * 182],
  [-3617, 510 * 240], [43867, 798 * 306], [-174611, 330 * 380], [854513, 138 * 462], [-236364091, 2730 * 552],
  [8553103, 6 * 650],
];
const STIRLING_H = STIRLING.map(([n, d]) => div(n, 0, d, 0));
const STIRLING_L = STIRLING.map(([n, d]) => (div(n, 0, d, 0), LO));

/** log Gamma(x) for x >= 30 into (RH, RL). */
function stirling(xh: number, xl: number): void {
  el.log(xh, xl);
  const lh = el.H;
  const ll = el.L;
  // (x - 1/2) log x - x + log(2 pi)/2
  const mh = add(xh, xl, -0.5, 0);
  let h = mul(mh, LO, lh, ll);
  let l = LO;
  h = add(h, l, -xh, -xl);
  l = LO;
  h = add(h, l, HALF_LOG_2PI_H, HALF_LOG_2PI_L);
  l = LO;
  // + sum c_k / x**(2k-1)
  const zh = div(1, 0, xh, xl);
  const zl = LO;
  const wh = mul(zh, zl, zh, zl);
  const wl = LO;
  let sh = STIRLING_H[STIRLING.length - 1]!;
  let sl = STIRLING_L[STIRLING.length - 1]!;
  for (let k = STIRLING.length - 2; k >= 0; k--) {
    sh = mul(sh, sl, wh, wl);
    sl = LO;
    sh = add(sh, sl, STIRLING_H[k]!, STIRLING_L[k]!);
    sl = LO;
  }
  sh = mul(sh, sl, zh, zl);
  sl = LO;
  RH = add(h, l, sh, LO);
  RL = LO;
}

/**
 * log |Gamma(x)| for x > 0 into (RH, RL): Stirling at x + n >= 30, less
 * log(x (x+1) ... (x+n-1)).
 */
function logGammaPositive(xh: number, xl: number): void {
  if (xh >= 30) {
    stirling(xh, xl);
    return;
  }
  let ph = xh;
  let pl = xl;
  let yh = xh;
  let yl = xl;
  for (;;) {
    yh = add(yh, yl, 1, 0);
    yl = LO;
    if (yh >= 30) break;
    ph = mul(ph, pl, yh, yl);
    pl = LO;
  }
  stirling(yh, yl);
  const gh = RH;
  const gl = RL;
  el.log(Math.abs(ph), ph < 0 ? -pl : pl);
  RH = add(gh, gl, -el.H, -el.L);
  RL = LO;
}

/** sin(pi x) as a double-double in (S_H, S_L), exact argument reduction. */
function sinPi(x: number): void {
  let r = x - 2 * Math.round(x / 2); // exact, in [-1, 1]
  if (r > 0.5) r = 1 - r;
  else if (r < -0.5) r = -1 - r;
  const h = mulD(PI_H, PI_L, r);
  sinCosDD(h, LO);
}

function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

export function gamma(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === -Infinity || isNonPositiveInteger(x)) throw domainError();
  if (Number.isInteger(x) && x <= 23) {
    let p = 1;
    for (let i = 2; i < x; i++) p *= i;
    return p;
  }
  if (x > 171.61447887182297) throw rangeError();
  if (Math.abs(x) < 1e-17) {
    // Gamma(x) = 1/x - Euler's gamma + O(x): 1/x to within a rounding.
    const r = 1 / x;
    if (r === Infinity || r === -Infinity) throw rangeError();
    return r;
  }
  if (x >= 0.5) {
    logGammaPositive(x, 0);
    el.exp(RH, RL);
    const r = (el.H + el.L) * 2 ** el.K;
    if (r === Infinity) throw rangeError();
    return r;
  }
  // Gamma(x) = pi / (sin(pi x) Gamma(1 - x))
  const one = twoSum(1, -x);
  const onel = LO;
  logGammaPositive(one, onel);
  sinPi(x);
  const sh = S_H;
  const sl = S_L;
  if (RH > 709) return sh < 0 ? -0 : 0;
  el.exp(RH, RL);
  // pi / (sin(pi x) e**G) with e**G = 2**K (H + L): divide first, scale last.
  let dh = mul(el.H, el.L, sh, sl);
  dh = div(PI_H, PI_L, dh, LO);
  const r = ((dh + LO) * 2 ** -Math.ceil(el.K / 2)) * 2 ** -Math.floor(el.K / 2);
  if (r === Infinity || r === -Infinity) throw rangeError();
  return r;
}

export function lgamma(x: number): number {
  if (x !== x) return x;
  if (x === Infinity || x === -Infinity) return Infinity;
  if (isNonPositiveInteger(x)) throw domainError();
  if (x === 1 || x === 2) return 0;
  if (x > 2.5563527716234394e305) throw rangeError();
  if (Math.abs(x) < 1e-17) {
    el.log(Math.abs(x), 0);
    return -(el.H + el.L);
  }
  if (x >= 0.5) {
    logGammaPositive(x, 0);
    return RH + RL;
  }
  // log |Gamma(x)| = log(pi / |sin(pi x)|) - log Gamma(1 - x)
  const one = twoSum(1, -x);
  const onel = LO;
  logGammaPositive(one, onel);
  const gh = RH;
  const gl = RL;
  sinPi(x);
  const q = div(PI_H, PI_L, Math.abs(S_H), S_H < 0 ? -S_L : S_L);
  el.log(q, LO);
  return add(el.H, el.L, -gh, -gl) + LO;
}
