/**
 * sin and cos in double-double precision, and the inverse functions by a
 * Newton step from V8's estimate. The argument is reduced modulo pi/2:
 * Cody and Waite's subtraction of pi/2 in pieces below 2**19 or so, an exact
 * BigInt product with 2/pi above (Payne and Hanek's idea). The reduced
 * argument r is split as j/32 + d; sin and cos of j/32 come from a table
 * computed once, those of d from short series.
 */
import { LO, PI2_H, PI2_L, add, div, mul, mulD, twoProd, twoSum } from './dd.js';

/** sin and cos of the last argument, as double-doubles. */
export let S_H = 0;
export let S_L = 0;
export let C_H = 0;
export let C_L = 0;

// pi/2 in pieces of 33 bits (k * piece exact for |k| < 2**20), then the rest.
const P1 = 1.5707963267341256;
const P2 = 6.077100506303966e-11;
const P3 = 2.0222662487111665e-21;
const P4 = 8.4784276603689e-32;

const TABLE = 27;
const SIN_H = new Float64Array(TABLE);
const SIN_L = new Float64Array(TABLE);
const COS_H = new Float64Array(TABLE);
const COS_L = new Float64Array(TABLE);

/** sin and cos of a (|a| < 1) by their full series, for the table. */
function seriesSinCos(a: number): void {
  let sh = 0, sl = 0, ch = 0, cl = 0;
  // term = a**n / n!
  let th = 1, tl = 0;
  for (let n = 0; n < 40; n++) {
    if (n > 0) {
      th = mulD(th, tl, a);
      tl = LO;
      th = div(th, tl, n, 0);
      tl = LO;
    }
    const sign = (n >> 1) % 2 === 0 ? 1 : -1;
    if (n % 2 === 0) {
      ch = add(ch, cl, sign * th, sign * tl);
      cl = LO;
    } else {
      sh = add(sh, sl, sign * th, sign * tl);
      sl = LO;
    }
  }
  S_H = sh;
  S_L = sl;
  C_H = ch;
  C_L = cl;
}

for (let j = 0; j < TABLE; j++) {
  seriesSinCos(j / 32);
  SIN_H[j] = S_H;
  SIN_L[j] = S_L;
  COS_H[j] = C_H;
  COS_L[j] = C_L;
}

const SIXTH_H = -0.16666666666666666;
const SIXTH_L = -9.25185853854297e-18;
const C24_H = 0.041666666666666664;
const C24_L = 2.3129646346357427e-18;

/** sin and cos of rh + rl, |r| <= pi/4 + a little. */
function sinCosReduced(rh: number, rl: number): void {
  const j = Math.round(rh * 32);
  const a = j < 0 ? -j : j;
  const dh0 = rh - j / 32; // exact
  const dh = twoSum(dh0, rl);
  const dl = LO;
  const zh = twoProd(dh, dh);
  const zl = LO + 2 * dh * dl;
  const z = zh;
  // sin d = d + d z (-1/6 + z (1/120 - z/5040 + ...))
  const ps = 1 / 120 + z * (-1 / 5040 + z * (1 / 362880 - z / 39916800));
  let qh = add(SIXTH_H, SIXTH_L, z * ps, 0);
  let ql = LO;
  qh = mul(qh, ql, zh, zl);
  ql = LO;
  qh = mul(qh, ql, dh, dl);
  ql = LO;
  const sdh = add(dh, dl, qh, ql);
  const sdl = LO;
  // cos d = 1 - z/2 + z**2 (1/24 - z/720 + ...)
  const pc = -1 / 720 + z * (1 / 40320 - z / 3628800);
  qh = add(C24_H, C24_L, z * pc, 0);
  ql = LO;
  const z2h = mul(zh, zl, zh, zl);
  const z2l = LO;
  qh = mul(qh, ql, z2h, z2l);
  ql = LO;
  let cdh = add(1, 0, -0.5 * zh, -0.5 * zl);
  let cdl = LO;
  cdh = add(cdh, cdl, qh, ql);
  cdl = LO;
  if (a === 0) {
    S_H = sdh;
    S_L = sdl;
    C_H = cdh;
    C_L = cdl;
    return;
  }
  // sin(a + d), cos(a + d) with the table's sin a (signed as j), cos a
  const sah = j < 0 ? -SIN_H[a]! : SIN_H[a]!;
  const sal = j < 0 ? -SIN_L[a]! : SIN_L[a]!;
  const cah = COS_H[a]!;
  const cal = COS_L[a]!;
  let xh = mul(sah, sal, cdh, cdl);
  let xl = LO;
  let yh = mul(cah, cal, sdh, sdl);
  let yl = LO;
  S_H = add(xh, xl, yh, yl);
  S_L = LO;
  xh = mul(cah, cal, cdh, cdl);
  xl = LO;
  yh = mul(sah, sal, sdh, sdl);
  yl = LO;
  C_H = add(xh, xl, -yh, -yl);
  C_L = LO;
}

/** The quadrant of the last reduction, and the reduced argument. */
let Q = 0;
let RH = 0;
let RL = 0;

/** x = Q pi/2 + (RH + RL), |RH| <= pi/4 (about). */
function reduce(x: number): void {
  const ax = Math.abs(x);
  if (ax <= 0.7853981633974483) {
    Q = 0;
    RH = x;
    RL = 0;
    return;
  }
  if (ax < 500000) {
    const k = Math.round(x * 0.6366197723675814);
    const t = x - k * P1;
    let h = twoSum(t, -k * P2);
    let l = LO;
    h = add(h, l, -k * P3, 0);
    l = LO;
    const p = twoProd(k, P4);
    RH = add(h, l, -p, -LO);
    RL = LO;
    Q = k & 3;
    return;
  }
  reduceBig(ax);
  if (x < 0) {
    RH = -RH;
    RL = -RL;
    Q = (4 - Q) & 3;
  }
}

/** sin x and cos x into (S_H, S_L), (C_H, C_L), for finite x. */
export function sinCos(x: number): void {
  reduce(x);
  sinCosReduced(RH, RL);
  switch (Q) {
    case 1: {
      const h = S_H, l = S_L;
      S_H = C_H;
      S_L = C_L;
      C_H = -h;
      C_L = -l;
      break;
    }
    case 2:
      S_H = -S_H;
      S_L = -S_L;
      C_H = -C_H;
      C_L = -C_L;
      break;
    case 3: {
      const h = S_H, l = S_L;
      S_H = -C_H;
      S_L = -C_L;
      C_H = h;
      C_L = l;
      break;
    }
  }
}

/** sin and cos of a double-double argument with |h| <= pi/2 (about), into S and C. */
export function sinCosDD(h: number, l: number): void {
  if (h > 0.7853981633974483) {
    // pi/2 - a: sin = cos(a'), cos = sin(a')
    const rh = add(PI2_H, PI2_L, -h, -l);
    sinCosReduced(rh, LO);
    const sh = S_H, sl = S_L;
    S_H = C_H;
    S_L = C_L;
    C_H = sh;
    C_L = sl;
  } else if (h < -0.7853981633974483) {
    const rh = add(PI2_H, PI2_L, h, l);
    sinCosReduced(rh, LO);
    const sh = S_H, sl = S_L;
    S_H = -C_H;
    S_L = -C_L;
    C_H = sh;
    C_L = sl;
  } else {
    sinCosReduced(h, l);
  }
}

export function sin(x: number): number {
  if (Math.abs(x) < 1.4901161193847656e-8) return x;
  sinCos(x);
  return S_H + S_L;
}

export function cos(x: number): number {
  if (Math.abs(x) < 7.450580596923828e-9) return 1;
  sinCos(x);
  return C_H + C_L;
}

export function tan(x: number): number {
  if (Math.abs(x) < 1.4901161193847656e-8) return x;
  sinCos(x);
  return div(S_H, S_L, C_H, C_L) + LO;
}

/** atan x, by a Newton step: atan x = t + atan((x cos t - sin t) / (cos t + x sin t)). */
export function atan(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax < 1.4901161193847656e-8) return x;
  if (ax > 9007199254740992) {
    // pi/2 - 1/x, with 1/x below half an ulp of pi/2 beyond 2**53... still exact in double-double
    const h = add(PI2_H, PI2_L, -1 / ax, 0) + LO;
    return x < 0 ? -h : h;
  }
  const t = Math.atan(x);
  sinCos(t);
  let nh = mulD(C_H, C_L, x);
  let nl = LO;
  nh = add(nh, nl, -S_H, -S_L);
  nl = LO;
  let dh = mulD(S_H, S_L, x);
  let dl = LO;
  dh = add(dh, dl, C_H, C_L);
  dl = LO;
  const delta = div(nh, nl, dh, dl) + LO;
  return t + delta;
}

/** atan2(y, x) for finite, non-zero y and x (the caller handles the rest as C99 does). */
export function atan2(y: number, x: number): number {
  const t = Math.atan2(y, x);
  // Scale by a power of two so that the products below neither overflow nor underflow.
  const m = Math.max(Math.abs(x), Math.abs(y));
  const e = Math.floor(Math.log2(m));
  const s = 2 ** -Math.max(-1000, Math.min(1000, e));
  const ys = y * s;
  const xs = x * s;
  sinCos(t);
  // delta = atan((y cos t - x sin t) / (x cos t + y sin t))
  let nh = mulD(C_H, C_L, ys);
  let nl = LO;
  let ph = mulD(S_H, S_L, xs);
  let pl = LO;
  nh = add(nh, nl, -ph, -pl);
  nl = LO;
  let dh = mulD(C_H, C_L, xs);
  let dl = LO;
  ph = mulD(S_H, S_L, ys);
  pl = LO;
  dh = add(dh, dl, ph, pl);
  dl = LO;
  const delta = div(nh, nl, dh, dl) + LO;
  return t + delta;
}

/** asin x for |x| < 1: t + (x - sin t) / cos t. */
export function asin(x: number): number {
  if (Math.abs(x) < 1.4901161193847656e-8) return x;
  const t = Math.asin(x);
  sinCos(t);
  const nh = add(x, 0, -S_H, -S_L);
  const delta = div(nh, LO, C_H, C_L) + LO;
  return t + delta;
}

/** acos x for |x| < 1: t + (cos t - x) / sin t. */
export function acos(x: number): number {
  const t = Math.acos(x);
  sinCos(t);
  const nh = add(C_H, C_L, -x, 0);
  const delta = div(nh, LO, S_H, S_L) + LO;
  return t + delta;
}

// The bits of 2/pi, for arguments too large for Cody and Waite's reduction.
const PRECISION = 1600n;
let twoOverPi: bigint | null = null;

/** floor(2**PRECISION * 2/pi), from pi by Machin's formula in BigInt fixed point. */
function twoOverPiBits(): bigint {
  if (twoOverPi !== null) return twoOverPi;
  const scale = PRECISION + 64n;
  const one = 1n << scale;
  const arctanInv = (n: bigint): bigint => {
    let sum = 0n;
    let term = one / n;
    const n2 = n * n;
    for (let k = 1n; term !== 0n; k += 2n) {
      sum += ((k - 1n) / 2n) % 2n === 0n ? term / k : -(term / k);
      term /= n2;
    }
    return sum;
  };
  const pi = 4n * (4n * arctanInv(5n) - arctanInv(239n));
  twoOverPi = (1n << (PRECISION + 1n + scale)) / pi;
  return twoOverPi;
}

const bitsView = new DataView(new ArrayBuffer(8));

/** Reduction of a large positive x: exact product of its mantissa with the bits of 2/pi. */
function reduceBig(x: number): void {
  bitsView.setFloat64(0, x);
  const hi = bitsView.getUint32(0);
  const lo = bitsView.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo) | (1n << 52n);
  const e = BigInt(biased - 1075); // x = mant * 2**e
  const prod = mant * twoOverPiBits();
  const shift = PRECISION - e; // x * 2/pi = prod / 2**shift
  let q = prod >> shift;
  const frac = prod - (q << shift);
  // The top 128 bits of the fraction, as a double-double in [0, 1)
  const top = frac >> (shift - 128n);
  let fh = Number(top >> 75n) * 2 ** -53;
  let fl = Number(top & ((1n << 75n) - 1n)) * 2 ** -128;
  fh = twoSum(fh, fl);
  fl = LO;
  if (fh >= 0.5) {
    fh = add(fh, fl, -1, 0);
    fl = LO;
    q += 1n;
  }
  RH = mul(fh, fl, PI2_H, PI2_L);
  RL = LO;
  Q = Number(q & 3n);
}
