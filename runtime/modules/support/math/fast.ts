/**
 * Fast paths for math's correctly rounded functions (Ziv's strategy). Each
 * function here computes its value as an unevaluated sum hi + lo together
 * with a bound E on the error |f - (hi + lo)| of that sum against the value
 * f the double-double code (explog.ts, trig.ts) approximates, and answers
 * hi only when every real within E of hi + lo rounds to hi. The
 * double-double code is accurate to about 2**-100 relative and rounds its
 * sum once, so its result rounds a value inside that interval too: it is
 * hi, bit for bit. Otherwise these functions answer NaN and the caller runs
 * the double-double code. The bounds below are derived in the comments
 * beside each kernel; they are a few times larger than the errors they
 * cover, and each includes the double-double code's own error.
 *
 * Results are left in module variables (JS has no multiple return values)
 * and read right after the call, as dd.ts does.
 */
import { LN2_H, LN2_L, LO, mulD } from './dd.js';
import * as el from './explog.js';
import * as trig from './trig.js';

const SPLIT = 134217729; // 2**27 + 1 (Veltkamp)

/**
 * hi when every real within e of hi + lo rounds to hi, else NaN; needs
 * |lo| <= ulp(hi)/2, hi a normal double (or zero-free and not near
 * overflow: a failed test there costs only the slow path). Rounding is
 * monotonic, so it suffices that both ends of the interval round to hi;
 * fl(lo + e) may round below lo + e by 2**-53 |lo + e| <= 2**-101 |hi| when
 * the test can pass at all (|lo|, e <= 2**-52 |hi|), which the margin in
 * every caller's e covers (each adds at least 2**-95 |hi|).
 */
function decide(hi: number, lo: number, e: number): number {
  return hi + (lo + e) === hi && hi + (lo - e) === hi ? hi : NaN;
}

// ---------------------------------------------------------------- exp

/** 2**(i/128) as double-doubles, the high part also split for exact products. */
const EXP_TH = new Float64Array(128);
const EXP_TL = new Float64Array(128);
const EXP_THH = new Float64Array(128);
const EXP_THL = new Float64Array(128);
/** 2**m for m in [-1022, 1023], at m + 1022. */
const POW2 = new Float64Array(2046);
// ln(2)/128 in three pieces: k * L1 is exact for |k| < 2**18 (35 bits).
const INV_L = 184.6649652337873; // 128 / ln 2
let L1 = 0;
let L2 = 0;
let expReady = false;

function initExp(): void {
  for (let i = 0; i < 128; i++) {
    // (i/128) ln 2 as a double-double, exactly enough (i/128 has 7 bits)
    const ah = mulD(LN2_H, LN2_L, i / 128);
    el.exp(ah, LO);
    const s = 2 ** el.K;
    const h = el.H * s;
    EXP_TH[i] = h;
    EXP_TL[i] = el.L * s;
    const t = SPLIT * h;
    EXP_THH[i] = t - (t - h);
    EXP_THL[i] = h - EXP_THH[i]!;
  }
  let p = 2 ** -1022;
  for (let m = 0; m < 2046; m++, p *= 2) POW2[m] = p;
  const l = LN2_H / 128;
  L1 = Math.round(l * 2 ** 42) / 2 ** 42;
  L2 = l - L1 + LN2_L / 128; // l - L1 is exact (Sterbenz)
  expReady = true;
}

/** exp's result: e**x = 2**EXP_M * (EXP_HI + EXP_LO), EXP_HI in [0.99, 1.42). */
let EXP_HI = 0;
let EXP_LO = 0;
let EXP_M = 0;

/**
 * e**(xh + xl) for |xh| <= 746, |xl| <= 2**-40, into EXP_HI, EXP_LO, EXP_M,
 * with relative error below 2**-66 (EXP_REL allows 2**-64).
 *
 * x = k ln2/128 + r: k ln2/128 = (m + i/128) ln 2 with i = k mod 128, and
 * r = x - k (L1 + L2) to within k * 2**-96 < 2**-78 (L1 + L2 is ln 2/128 to
 * 2**-96; both subtractions exact by twoSum), |r| <= 2**-8.4.
 * e**r = 1 + r + q with q = r**2/2 + ... + r**6/720 (+ xl's share): the
 * Taylor remainder is below r**7/5040 * 1.01 < 2**-71; q is below 2**-17.8
 * and computed with a relative error under 5 * 2**-53, so within 2**-69.5.
 * The result T (1 + r + q), T = 2**(i/128) to 2**-104 from the table, is
 * T + T rh (exact product) + [T q + Tl (r + q) + the products' errors],
 * the bracket (below 2**-17) summed in doubles within 2**-68.
 */
function expCore(xh: number, xl: number): void {
  const k = Math.round(xh * INV_L);
  const a = -k * L1;
  let s = xh + a;
  let bb = s - xh;
  const e1 = xh - (s - bb) + (a - bb);
  const b = -k * L2;
  const rh = s + b;
  bb = rh - s;
  const rl = s - (rh - bb) + (b - bb) + e1 + xl;
  const q = rh * rh * (0.5 + rh * (0.16666666666666666 + rh * (0.041666666666666664 + rh * (0.008333333333333333 + rh * 0.001388888888888889)))) + rl * (1 + rh);
  const i = k & 127;
  const th = EXP_TH[i]!;
  const tl = EXP_TL[i]!;
  // th * rh exactly: p + pe
  const p = th * rh;
  const t = SPLIT * rh;
  const rhh = t - (t - rh);
  const rhl = rh - rhh;
  const thh = EXP_THH[i]!;
  const thl = EXP_THL[i]!;
  const pe = thh * rhh - p + thh * rhl + thl * rhh + thl * rhl;
  const rest = pe + tl + th * q + tl * (rh + q);
  // th >= 1 > |p|: Fast2Sum
  s = th + p;
  const v = p - (s - th) + rest;
  const hi = s + v;
  EXP_HI = hi;
  EXP_LO = v - (hi - s);
  EXP_M = (k - i) / 128;
}

const EXP_REL = 2 ** -64;

/** e**x for 2**-54 <= |x| <= 709.78, or NaN. */
export function exp(x: number): number {
  if (!expReady) initExp();
  expCore(x, 0);
  const m = EXP_M;
  if (m < -1021 || m > 1022) return NaN; // subnormal or overflowing results round twice in the slow path
  const y = decide(EXP_HI, EXP_LO, EXP_HI * EXP_REL);
  return y * POW2[m + 1022]!;
}

/** 2**(k + f) for an integer k and 0 < |f| <= 1/2, or NaN. */
export function exp2(k: number, f: number): number {
  if (!expReady) initExp();
  // f ln 2 as the slow path forms it: f * LN2_H exactly plus f * LN2_L
  const ph = f * LN2_H;
  let t = SPLIT * f;
  const fh = t - (t - f);
  const fl = f - fh;
  t = SPLIT * LN2_H;
  const lh = t - (t - LN2_H);
  const ll = LN2_H - lh;
  const pl = fh * lh - ph + fh * ll + fl * lh + fl * ll + f * LN2_L;
  expCore(ph, pl);
  const m = EXP_M + k;
  if (m < -1021 || m > 1022) return NaN;
  const y = decide(EXP_HI, EXP_LO, EXP_HI * EXP_REL);
  return y * POW2[m + 1022]!;
}

/**
 * e**x - 1 for 2**-54 <= |x|, -38 <= x <= 709.78, or NaN. Where the
 * reduction would leave k = 0 (|x| < 2**-8.5) it is x + q, q = x**2/2 +
 * ... + x**6/720 formed within 3 * 2**-53 |q| < 2**-52 x**2, the series'
 * remainder below |x|**7/4096. Elsewhere it is
 * (2**m hi - 1) + 2**m lo, the first difference exact (twoSum), so the
 * error is exp's, 2**-64 e**x, plus 2**-106 e**x for the last sum.
 */
export function expm1(x: number): number {
  const ax = x < 0 ? -x : x;
  if (ax < 0.0026) {
    // q's relative error is 3 * 2**-53 (x*x, the add to 0.5, the product)
    const q = x * x * (0.5 + x * (0.16666666666666666 + x * (0.041666666666666664 + x * (0.008333333333333333 + x * 0.001388888888888889))));
    const hi = x + q;
    const lo = q - (hi - x);
    const x3 = ax * ax * ax;
    return decide(hi, lo, ax * (ax * 2 ** -52 + x3 * x3 * 2 ** -12 + 2 ** -95));
  }
  if (!expReady) initExp();
  expCore(x, 0);
  const m = EXP_M;
  if (m > 1022) return NaN;
  const sc = POW2[m + 1022]!;
  const h = EXP_HI * sc;
  const a = h - 1;
  const bb = a - h;
  const ae = h - (a - bb) + (-1 - bb);
  const v = ae + EXP_LO * sc;
  const hi = a + v;
  const lo = v - (hi - a);
  return decide(hi, lo, h * (2 ** -64 + 2 ** -100) + (hi < 0 ? -hi : hi) * 2 ** -95);
}

// ---------------------------------------------------------------- log

/**
 * For m in [1 + i/128, 1 + (i+1)/128): c = 1/(1 + (i + 1/2)/128) rounded
 * to 26 bits (so m c is exact in two pieces), and -log c as a double-double.
 */
const LOG_C = new Float64Array(128);
const LOG_LH = new Float64Array(128);
const LOG_LL = new Float64Array(128);
// ln 2 with 42 bits (e * LN2_A exact for |e| < 2**11) plus the rest.
let LN2_A = 0;
let LN2_B = 0;
let logReady = false;

function initLog(): void {
  for (let i = 0; i < 128; i++) {
    const c = Math.round(2 ** 26 / (1 + (i + 0.5) / 128)) / 2 ** 26;
    LOG_C[i] = c;
    el.log(c, 0);
    LOG_LH[i] = -el.H;
    LOG_LL[i] = -el.L;
  }
  LN2_A = Math.round(LN2_H * 2 ** 43) / 2 ** 43;
  LN2_B = LN2_H - LN2_A + LN2_L;
  logReady = true;
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
/** Index of the high (sign and exponent) word of F64 in U32. */
const HW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** log's result as hi + lo with error bound LOG_E. */
let LOG_HI = 0;
let LOG_LO = 0;
let LOG_E = 0;

/**
 * log x for a normal x > 0, x != 1, into LOG_HI, LOG_LO, LOG_E.
 *
 * Near 1 (|x - 1| < 2**-7): r = x - 1 is exact (Sterbenz) and log x =
 * r + w, w = -r**2/2 + r**3 (1/3 - r/4 + ... + r**6/9): the Taylor
 * remainder is below |r|**10/10 * 1.01 < 2**-66.3 |r|, fl(r*r) is within
 * 2**-53 r**2 and the rest of w within 3 * 2**-53 |r|**3, and summing w
 * within 2**-53 |w|: E = |r| (2**-52 |r| + 2**-65) covers them with
 * margin, and exceeds 2**-95 |log x|.
 *
 * Elsewhere x = 2**e m, m in [1, 2) and in the i-th of 128 slices, so
 * log x = e ln 2 - log c + log(1 + r) with r = m c - 1 computed exactly as
 * a double-double (m split in two 26-bit halves, c of 26 bits, m_hi c - 1
 * exact by Sterbenz, the sum by twoSum), |r| <= 2**-8 + 2**-26. The series
 * to r**8/8 leaves under 2**-75; w = log(1+r) - rh (below 2**-16.9) is
 * formed within 3 * 2**-53 |w|; the leading terms e LN2_A, -log c and rh
 * are added exactly (twoSum), the small ones (errors of those sums, the
 * tables' lows, e LN2_B, w) in doubles within 3 * 2**-53 (|w| + 2**-60).
 * The tables are good to 2**-100 |log c| and LN2 to 2**-100. |log x| >=
 * 2**-7.1 here, so E = 2**-50 |w| + 2**-74 + 2**-95 |hi| covers all this.
 */
function logCore(x: number): void {
  if (x > 0.9921875 && x < 1.0078125) {
    const r = x - 1;
    const z = r * r;
    const w = -0.5 * z + z * r * (0.3333333333333333 + r * (-0.25 + r * (0.2 + r * (-0.16666666666666666 + r * (0.14285714285714285 + r * (-0.125 + r * 0.1111111111111111))))));
    const hi = r + w;
    LOG_HI = hi;
    LOG_LO = w - (hi - r);
    const ar = r < 0 ? -r : r;
    LOG_E = ar * (ar * 2 ** -52 + 2 ** -65);
    return;
  }
  F64[0] = x;
  const hw = U32[HW]!;
  const e = (hw >>> 20) - 1023;
  const i = (hw >>> 13) & 127;
  U32[HW] = (hw & 0xfffff) | 0x3ff00000;
  const m = F64[0]!;
  const c = LOG_C[i]!;
  const t = SPLIT * m;
  const mh = t - (t - m);
  const ml = m - mh;
  const a = mh * c - 1;
  const b = ml * c;
  const rh = a + b;
  let bb = rh - a;
  const rl = a - (rh - bb) + (b - bb);
  const w = rh * rh * (-0.5 + rh * (0.3333333333333333 + rh * (-0.25 + rh * (0.2 + rh * (-0.16666666666666666 + rh * (0.14285714285714285 + rh * -0.125)))))) + rl * (1 - rh);
  // e ln 2 - log c + rh, exactly
  const u = e * LN2_A;
  const lc = LOG_LH[i]!;
  let s = u + lc;
  bb = s - u;
  const e1 = u - (s - bb) + (lc - bb);
  const s2 = s + rh;
  bb = s2 - s;
  const e2 = s - (s2 - bb) + (rh - bb);
  const v = e * LN2_B + LOG_LL[i]! + e1 + e2 + w;
  s = s2 + v;
  LOG_HI = s;
  LOG_LO = v - (s - s2);
  LOG_E = (w < 0 ? -w : w) * 2 ** -50 + 2 ** -74 + (s < 0 ? -s : s) * 2 ** -95;
}

/** log x for a normal x > 0, x != 1, or NaN. */
export function log(x: number): number {
  if (!logReady) initLog();
  if (x < 2.2250738585072014e-308) return NaN;
  logCore(x);
  return decide(LOG_HI, LOG_LO, LOG_E);
}

const INV_LN2_H = 1.4426950408889634;
const INV_LN2_L = 2.0355273740931033e-17;

/**
 * log2 x for a normal x > 0, or NaN: (hi + lo) / ln 2 with 1/ln 2 to
 * 2**-107; the exact product of hi and its high part, the rest (below
 * 2**-51 |y|) within 2**-104 |y|, and log's own bound scaled by 1/ln 2.
 */
export function log2(x: number): number {
  if (!logReady) initLog();
  if (x < 2.2250738585072014e-308) return NaN;
  if (x === 1) return 0;
  logCore(x);
  const h = LOG_HI;
  const p = h * INV_LN2_H;
  let t = SPLIT * h;
  const hh = t - (t - h);
  const hl = h - hh;
  t = SPLIT * INV_LN2_H;
  const ih = t - (t - INV_LN2_H);
  const il = INV_LN2_H - ih;
  const v = hh * ih - p + hh * il + hl * ih + hl * il + (h * INV_LN2_L + LOG_LO * INV_LN2_H);
  const hi = p + v;
  const lo = v - (hi - p);
  return decide(hi, lo, LOG_E * 1.45 + (hi < 0 ? -hi : hi) * 2 ** -95);
}

// ---------------------------------------------------------------- sin, cos

/** sin and cos of j/64, j = 0..51, as double-doubles (high parts split). */
const SC_N = 52;
const TS_H = new Float64Array(SC_N);
const TS_L = new Float64Array(SC_N);
const TC_H = new Float64Array(SC_N);
const TC_L = new Float64Array(SC_N);
const TS_HH = new Float64Array(SC_N);
const TS_HL = new Float64Array(SC_N);
const TC_HH = new Float64Array(SC_N);
const TC_HL = new Float64Array(SC_N);
let sinCosReady = false;

function initSinCos(): void {
  for (let j = 0; j < SC_N; j++) {
    trig.sinCos(j / 64);
    TS_H[j] = trig.S_H;
    TS_L[j] = trig.S_L;
    TC_H[j] = trig.C_H;
    TC_L[j] = trig.C_L;
    let t = SPLIT * trig.S_H;
    TS_HH[j] = t - (t - trig.S_H);
    TS_HL[j] = trig.S_H - TS_HH[j]!;
    t = SPLIT * trig.C_H;
    TC_HH[j] = t - (t - trig.C_H);
    TC_HL[j] = trig.C_H - TC_HH[j]!;
  }
  sinCosReady = true;
}

// pi/2 in 33-bit pieces, as trig.ts reduces (k * piece exact for |k| < 2**20).
const P1 = 1.5707963267341256;
const P2 = 6.077100506303966e-11;
const P3 = 2.0222662487111665e-21;
const P4 = 8.4784276603689e-32;

/** sin x = SH + SL, cos x = CH + CL, each within SC_REL relative. */
export let SH = 0;
export let SL = 0;
export let CH = 0;
export let CL = 0;
const SC_REL = 2 ** -62;

/**
 * sin and cos of x, |x| < 2**19, into SH, SL, CH, CL; false where the
 * reduced argument is below 2**-30 (its relative error could exceed
 * 2**-71 there) or x is out of range.
 *
 * Reduction (|x| > pi/4): x - k P1 is exact (Sterbenz), - k P2 by twoSum,
 * k P3 (below 2**-49.7) and k P4 added to the low part within 2**-101; the
 * pieces miss pi/2 by 2**-152. So r = rh + rl within 2**-100.9, relative
 * 2**-70.9 for |r| >= 2**-30; sin and cos have relative condition numbers
 * below pi/2 in r on [-pi/4, pi/4], adding under 2**-70.
 *
 * Kernel: r = a + d, a = j/64, |d| <= 2**-7 (dh = rh - a exact). With
 * z = fl(dh**2): s3 = sin dh - dh (series to d**9, remainder < 2**-80 |d|)
 * within 6 * 2**-53 |s3|, cm = cos dh - 1 (series to d**8, remainder <
 * 2**-90) within 4 * 2**-53 |cm|, |cm| <= 2**-15; rl enters linearly
 * (its square is below 2**-98). For j = 0 sin r = dh + (s3 + rl (1 + cm)),
 * cos r = 1 + (cm - rl dh): relative errors under 2**-64.
 * For j != 0, sin(a + d) = Sa + Ca dh + [Sa cm + Ca (s3 + rl) + Sl + Cl dh]
 * with Ca dh exact (split products): the bracket sums to at most
 * 2**-13.9 |sin r| (|sin r| >= |Sa|/2 as |d| <= a/2), formed within
 * 10 * 2**-53 of its terms, so under 2**-63.5 |sin r|; likewise cos r,
 * whose bracket is below 2**-14.4 |cos r|. The tables are good to 2**-104.
 * SC_REL = 2**-62 covers these with margin.
 */
export function sinCosFast(x: number): boolean {
  let rh: number;
  let rl: number;
  let q = 0;
  const ax = x < 0 ? -x : x;
  if (ax <= 0.7853981633974483) {
    rh = x;
    rl = 0;
  } else if (ax < 524288) {
    const k = Math.round(x * 0.6366197723675814);
    const t = x - k * P1;
    const b = -k * P2;
    const h = t + b;
    const bb = h - t;
    const l = t - (h - bb) + (b - bb) - k * P3 - k * P4;
    rh = h + l;
    rl = l - (rh - h);
    if (rh < 9.313225746154785e-10 && rh > -9.313225746154785e-10) return false;
    q = k & 3;
  } else {
    return false;
  }
  if (!sinCosReady) initSinCos();
  const jj = Math.round(rh * 64);
  const dh = rh - jj / 64;
  const z = dh * dh;
  const s3 = dh * z * (-0.16666666666666666 + z * (0.008333333333333333 + z * (-0.0001984126984126984 + z * 2.7557319223985893e-6)));
  const cm = z * (-0.5 + z * (0.041666666666666664 + z * (-0.001388888888888889 + z * 2.48015873015873e-5)));
  let sh: number, sl: number, ch: number, cl: number;
  if (jj === 0) {
    const sv = s3 + rl * (1 + cm);
    sh = dh + sv;
    sl = sv - (sh - dh);
    const cv = cm - rl * dh;
    ch = 1 + cv;
    cl = cv - (ch - 1);
  } else {
    const j = jj < 0 ? -jj : jj;
    const neg = jj < 0;
    const sah = neg ? -TS_H[j]! : TS_H[j]!;
    const sal = neg ? -TS_L[j]! : TS_L[j]!;
    const sahh = neg ? -TS_HH[j]! : TS_HH[j]!;
    const sahl = neg ? -TS_HL[j]! : TS_HL[j]!;
    const cah = TC_H[j]!;
    const cal = TC_L[j]!;
    const t = SPLIT * dh;
    const dhh = t - (t - dh);
    const dhl = dh - dhh;
    const sd = s3 + rl;
    // sin: sah + cah dh + rest
    let p = cah * dh;
    let pe = TC_HH[j]! * dhh - p + TC_HH[j]! * dhl + TC_HL[j]! * dhh + TC_HL[j]! * dhl;
    let v = pe + sal + sah * (cm - rl * dh) + cah * sd + cal * dh;
    let s = sah + p; // |sah| >= |p|: Fast2Sum
    v += p - (s - sah);
    sh = s + v;
    sl = v - (sh - s);
    // cos: cah - sah dh + rest
    p = -(sah * dh);
    pe = -(sahh * dhh + p + sahh * dhl + sahl * dhh + sahl * dhl);
    v = pe + cal + cah * (cm - rl * dh) - sah * sd - sal * dh;
    s = cah + p;
    v += p - (s - cah);
    ch = s + v;
    cl = v - (ch - s);
  }
  switch (q) {
    case 0:
      SH = sh; SL = sl; CH = ch; CL = cl;
      break;
    case 1:
      SH = ch; SL = cl; CH = -sh; CL = -sl;
      break;
    case 2:
      SH = -sh; SL = -sl; CH = -ch; CL = -cl;
      break;
    default:
      SH = -ch; SL = -cl; CH = sh; CL = sl;
  }
  return true;
}

/** Relative bound for sin and cos results: SC_REL plus the slow path's 2**-95. */
const SC_E = SC_REL + 2 ** -95;

/** sin x, |x| >= 2**-26 finite, or NaN. */
export function sin(x: number): number {
  if (!sinCosFast(x)) return NaN;
  return decide(SH, SL, (SH < 0 ? -SH : SH) * SC_E);
}

/** cos x, |x| >= 2**-27 finite, or NaN. */
export function cos(x: number): number {
  if (!sinCosFast(x)) return NaN;
  return decide(CH, CL, (CH < 0 ? -CH : CH) * SC_E);
}

/**
 * tan x as sin/cos (or -cos/sin in odd quadrants... already swapped by the
 * reduction): relative errors of numerator and denominator add (2**-61),
 * the quotient's low part is formed within 2**-104 of it.
 */
export function tan(x: number): number {
  if (!sinCosFast(x)) return NaN;
  const q = SH / CH;
  const p = q * CH;
  let t = SPLIT * q;
  const qh = t - (t - q);
  const ql = q - qh;
  t = SPLIT * CH;
  const chh = t - (t - CH);
  const chl = CH - chh;
  const pe = qh * chh - p + qh * chl + ql * chh + ql * chl;
  const r = (SH - p - pe + SL - q * CL) / CH;
  const hi = q + r;
  const lo = r - (hi - q);
  return decide(hi, lo, (hi < 0 ? -hi : hi) * (2 * SC_REL + 2 ** -94));
}

// ---------------------------------------------------------------- inverse functions

/*
 * The slow path computes asin, acos, atan and atan2 as t + delta, t being
 * V8's estimate and delta a first-order correction from sin t and cos t in
 * double-double (trig.ts), rounded to a double and then added to t. The
 * value it approximates (to 2**-95 relative, the rounding of delta
 * included, since |delta| <= 2**-45 |t| is checked) is t + delta with the
 * exact sin t, cos t; these functions evaluate the same formula with
 * sinCosFast's values (relative error SC_REL each), so only those errors,
 * propagated through the formula, enter E. t + delta is split exactly
 * (Fast2Sum, |delta| < |t|).
 */

/** asin x for 2**-26 <= |x| < 1, or NaN: delta = (x - sin t) / cos t. */
export function asin(x: number): number {
  const t = Math.asin(x);
  if (!sinCosFast(t)) return NaN;
  // x - SH exact when |delta| is small (Sterbenz); checked below
  const n = x - SH - SL;
  const d = n / CH;
  const at = t < 0 ? -t : t;
  const ad = d < 0 ? -d : d;
  if (!(ad <= at * 2 ** -45)) return NaN;
  const hi = t + d;
  const lo = d - (hi - t);
  // |sin t| SC_REL / cos t from sin t, then the rounding of n and of the quotient
  const e = ((x < 0 ? -x : x) * (SC_REL * 1.01)) / CH + ad * 2 ** -51 + at * 2 ** -95;
  return decide(hi, lo, e);
}

/** acos x for |x| < 1, or NaN: delta = (cos t - x) / sin t. */
export function acos(x: number): number {
  const t = Math.acos(x);
  if (!sinCosFast(t)) return NaN;
  const a = -x;
  const s = CH + a;
  const bb = s - CH;
  const n = s + (CH - (s - bb) + (a - bb) + CL);
  const d = n / SH;
  const ad = d < 0 ? -d : d;
  if (!(ad <= t * 2 ** -45)) return NaN;
  const hi = t + d;
  const lo = d - (hi - t);
  const e = ((CH < 0 ? -CH : CH) * (SC_REL * 1.01)) / SH + ad * 2 ** -51 + t * 2 ** -95;
  return decide(hi, lo, e);
}

/**
 * atan x for 2**-26 <= |x| <= 2**53, or NaN:
 * delta = (x cos t - sin t) / (cos t + x sin t), the numerator from the
 * exact product x * CH (x CH - SH then exact by Sterbenz, |delta| being
 * small), its error SC_REL (|x cos t| + |sin t|) plus the low terms'
 * roundings (2**-104 of it); the denominator (no cancellation) within
 * 2**-52.
 */
export function atan(x: number): number {
  const t = Math.atan(x);
  if (!sinCosFast(t)) return NaN;
  const p = x * CH;
  let u = SPLIT * x;
  const xh = u - (u - x);
  const xl = x - xh;
  u = SPLIT * CH;
  const ch = u - (u - CH);
  const cl = CH - ch;
  const pe = xh * ch - p + xh * cl + xl * ch + xl * cl;
  const n = p - SH + (pe + x * CL - SL);
  const den = CH + x * SH;
  const d = n / den;
  const at = t < 0 ? -t : t;
  const ad = d < 0 ? -d : d;
  if (!(ad <= at * 2 ** -45) || !(den > 0)) return NaN;
  const hi = t + d;
  const lo = d - (hi - t);
  const ap = p < 0 ? -p : p;
  const as = SH < 0 ? -SH : SH;
  const e = ((ap + as) * (SC_REL * 1.01)) / den + ad * 2 ** -50 + at * 2 ** -95;
  return decide(hi, lo, e);
}

/**
 * atan2(y, x) for 2**-300 <= |x|, |y| <= 2**300, or NaN: the slow path
 * scales x and y by one power of two, which changes neither delta (the
 * formula is homogeneous) nor, in this range, any rounding's relative size.
 * delta = (y cos t - x sin t) / (x cos t + y sin t), both products of the
 * numerator exact (split), their difference exact (Sterbenz).
 */
export function atan2(y: number, x: number): number {
  const ax = x < 0 ? -x : x;
  const ay = y < 0 ? -y : y;
  if (!(ax >= 4.909093465297727e-91 && ax <= 2.037035976334486e90 && ay >= 4.909093465297727e-91 && ay <= 2.037035976334486e90)) return NaN;
  const t = Math.atan2(y, x);
  if (!sinCosFast(t)) return NaN;
  let u = SPLIT * y;
  const yh = u - (u - y);
  const yl = y - yh;
  u = SPLIT * x;
  const xh = u - (u - x);
  const xl = x - xh;
  u = SPLIT * CH;
  const ch = u - (u - CH);
  const cl = CH - ch;
  u = SPLIT * SH;
  const sh = u - (u - SH);
  const sl = SH - sh;
  const p1 = y * CH;
  const e1 = yh * ch - p1 + yh * cl + yl * ch + yl * cl;
  const p2 = x * SH;
  const e2 = xh * sh - p2 + xh * sl + xl * sh + xl * sl;
  const n = p1 - p2 + (e1 - e2 + y * CL - x * SL);
  const den = x * CH + y * SH;
  const d = n / den;
  const at = t < 0 ? -t : t;
  const ad = d < 0 ? -d : d;
  if (!(ad <= at * 2 ** -45) || !(den > 0)) return NaN;
  const hi = t + d;
  const lo = d - (hi - t);
  const a1 = p1 < 0 ? -p1 : p1;
  const a2 = p2 < 0 ? -p2 : p2;
  const e = ((a1 + a2) * (SC_REL * 1.01)) / den + ad * 2 ** -50 + at * 2 ** -95;
  return decide(hi, lo, e);
}

