/**
 * x ** y for doubles, rounded to nearest from a double-double computation.
 *
 * Why not Math.pow: V8's pow is off by an ulp for about 8% of arguments,
 * whereas glibc's (which CPython calls) is correctly rounded in all but
 * about 0.1% of them, so printed results would differ from CPython's. Here
 * log and exp are evaluated with about 95 bits, which makes the rounding
 * correct except in cases too close to a tie to matter.
 *
 * Double-double values (hi, lo with |lo| <= ulp(hi) / 2) live in a register
 * file R and the helpers take register indices: V8 boxes a double passed to
 * a call that is not inlined, and these run in a loop of a dozen calls.
 */
import { pow2 } from './core.js';

const R = /*#__PURE__*/ new Float64Array(24);
// Register pairs (even indices); A_IN holds exp's argument.
const T = 0;
const X = 2;
const V = 4;
const C = 6;
const P = 8;
const Q = 10;
const S = 12;
const A_IN = 16;

const SPLITTER = 134217729; // 2 ** 27 + 1, Veltkamp's splitting constant

/** R[o..o+1] = R[a..a+1] * R[b..b+1] */
function mul(a: number, b: number, o: number): void {
  const ah = R[a]!;
  const al = R[a + 1]!;
  const bh = R[b]!;
  const bl = R[b + 1]!;
  const p = ah * bh;
  let t = SPLITTER * ah;
  const ahh = t - (t - ah);
  const ahl = ah - ahh;
  t = SPLITTER * bh;
  const bhh = t - (t - bh);
  const bhl = bh - bhh;
  const e = ahh * bhh - p + ahh * bhl + ahl * bhh + ahl * bhl + (ah * bl + al * bh);
  const s = p + e;
  R[o] = s;
  R[o + 1] = e - (s - p);
}

/** R[o..o+1] = R[a..a+1] + R[b..b+1] */
function add(a: number, b: number, o: number): void {
  const ah = R[a]!;
  const bh = R[b]!;
  const s = ah + bh;
  const bb = s - ah;
  const e = ah - (s - bb) + (bh - bb) + R[a + 1]! + R[b + 1]!;
  const h = s + e;
  R[o] = h;
  R[o + 1] = e - (h - s);
}

/** R[o..o+1] = R[a..a+1] / R[b..b+1] (o may be b; Q and S are clobbered). */
function div(a: number, b: number, o: number): void {
  const bh = R[b]!;
  // Three quotient digits, each from the remainder the previous ones leave.
  const q1 = R[a]! / bh;
  R[Q] = q1;
  R[Q + 1] = 0;
  mul(b, Q, Q);
  R[Q] = -R[Q]!;
  R[Q + 1] = -R[Q + 1]!;
  add(a, Q, S);
  const q2 = R[S]! / bh;
  R[Q] = q2;
  R[Q + 1] = 0;
  mul(b, Q, Q);
  R[Q] = -R[Q]!;
  R[Q + 1] = -R[Q + 1]!;
  add(S, Q, Q);
  const q3 = R[Q]! / bh;
  const s = q1 + q2;
  R[o] = s;
  R[o + 1] = q2 - (s - q1);
  R[Q] = q3;
  R[Q + 1] = 0;
  add(o, Q, o);
}

// ln 2 in three pieces; the first two have 42 bits so that k * piece is exact.
const LN2_1 = 0.6931471805598903;
const LN2_2 = 5.49792301870721e-14;
const LN2_3 = 1.1612227229362532e-26;
// ln 2 / 32 likewise, with 36-bit pieces (k goes up to 2 ** 16 there).
const LN2_32_1 = 0.021660849392446835;
const LN2_32_2 = 5.1456092446457696e-14;
const LN2_32_3 = 9.568252300058288e-26;
const THIRD_H = 0.3333333333333333;
const THIRD_L = 1.850371707708594e-17;
const SIXTH_H = 0.16666666666666666;
const SIXTH_L = 9.25185853854297e-18;
const TWENTYFOURTH_H = 0.041666666666666664;
const TWENTYFOURTH_L = 2.3129646346357427e-18;

// 2 ** (j / 32) for j = 0..31 as double-doubles (computed with 80-digit decimals).
const EXP2_H = [
  1.0, 1.0218971486541166, 1.0442737824274138, 1.0671404006768237, 1.0905077326652577, 1.1143867425958924,
  1.1387886347566916, 1.1637248587775775, 1.189207115002721, 1.215247359980469, 1.241857812073484,
  1.2690509571917332, 1.2968395546510096, 1.3252366431597413, 1.3542555469368927, 1.383909881963832,
  1.4142135623730951, 1.4451808069770467, 1.4768261459394993, 1.5091644275934228, 1.5422108254079407,
  1.5759808451078865, 1.6104903319492543, 1.645755478153965, 1.681792830507429, 1.718619298122478,
  1.7562521603732995, 1.7947090750031072, 1.8340080864093424, 1.8741676341103, 1.9152065613971474,
  1.9571441241754002,
];
const EXP2_L = [
  0.0, 5.109225028973444e-17, 8.551889705537965e-17, -7.899853966841582e-17, -3.046782079812471e-17,
  1.0410278456845571e-16, 8.912812676025408e-17, 3.8292048369240935e-17, 3.982015231465646e-17,
  -7.712630692681488e-17, 4.658027591836937e-17, 2.667932131342186e-18, 2.5382502794888315e-17,
  -2.8587312100388614e-17, 7.70094837980299e-17, -6.770511658794786e-17, -9.667293313452913e-17,
  -3.0237581349939873e-17, -3.483994556892796e-17, -1.016455327754295e-16, 7.949834809697621e-17,
  -1.0136916471278304e-17, 2.4707192569797888e-17, -1.0125679913674773e-16, 8.199010020581497e-17,
  -1.851380418263111e-17, 2.960140695448873e-17, 1.8227458427912087e-17, 3.283107224245627e-17,
  -6.122763413004143e-17, -1.0619946056195963e-16, 8.960767791036668e-17,
];

/**
 * e ** R[A_IN..A_IN+1] = R[T..T+1] * 2 ** k: leaves the mantissa part (in
 * [0.98, 2.03)) in R[T], R[T+1] and returns k. |R[A_IN]| <= 750.
 */
function expParts(): number {
  const ah = R[A_IN]!;
  const al = R[A_IN + 1]!;
  // a = k ln2/32 + r with |r| <= ln2/64; e**a = 2**(k >> 5) * 2**((k & 31)/32) * e**r.
  const k = Math.round(ah * 46.16624130844683);
  const t = ah - k * LN2_32_1; // exact: k * LN2_32_1 is exact and close to ah
  const u = -k * LN2_32_2; // exact
  const s = t + u;
  const bb = s - t;
  let e = t - (s - bb) + (u - bb);
  e += al - k * LN2_32_3;
  const r = s + e;
  R[X] = r;
  R[X + 1] = e - (r - s);
  // expm1(r) by Taylor to r**12/12!: terms from r**5 on in doubles (below 2**-32 relative).
  R[V] = 1 / 120 + r * (1 / 720 + r * (1 / 5040 + r * (1 / 40320 + r * (1 / 362880 + r * (1 / 3628800 + r * (1 / 39916800 + r / 479001600))))));
  R[V + 1] = 0;
  mul(X, V, V);
  R[C] = TWENTYFOURTH_H;
  R[C + 1] = TWENTYFOURTH_L;
  add(V, C, V);
  mul(X, V, V);
  R[C] = SIXTH_H;
  R[C + 1] = SIXTH_L;
  add(V, C, V);
  mul(X, V, V);
  R[C] = 0.5;
  R[C + 1] = 0;
  add(V, C, V);
  mul(X, V, V);
  R[C] = 1;
  add(V, C, V);
  mul(X, V, V);
  // 2**(j/32) * (1 + m) = T + T * m
  const j = k & 31;
  R[C] = EXP2_H[j]!;
  R[C + 1] = EXP2_L[j]!;
  mul(C, V, V);
  add(C, V, T);
  return k >> 5;
}

/** (hi + lo) * 2 ** k rounded once to a double, subnormal results included. */
function scaleRound(hi: number, lo: number, k: number): number {
  if (k >= -1021) {
    if (k <= 1023) return hi * pow2(k);
    return hi * pow2(1023) * pow2(k - 1023);
  }
  // Subnormal: round hi + lo on the grid of 2 ** -1074 directly.
  const shift = k + 1074;
  if (shift < -2) return 0;
  const u = hi * pow2(shift);
  const ul = lo * pow2(shift);
  let n = Math.floor(u);
  let frac = u - n + ul;
  if (frac < 0) {
    n -= 1;
    frac += 1;
  }
  if (frac > 0.5 || (frac === 0.5 && n % 2 === 1)) n += 1;
  return n * pow2(-1074);
}

/** Leaves log(m) in R[T], R[T+1], for m in [0.7, 1.42]. */
function logMantissa(m: number): void {
  const f = m - 1; // exact in this range
  if (f > -0.000244140625 && f < 0.000244140625) {
    // log1p series: f - f**2/2 + f**3/3 - ...; terms from f**4 on in doubles.
    R[V] = -0.25 + f * (0.2 + f * (-1 / 6 + f * (1 / 7 + f * (-0.125 + f * (1 / 9)))));
    R[V + 1] = 0;
    R[X] = f;
    R[X + 1] = 0;
    mul(X, V, V);
    R[C] = THIRD_H;
    R[C + 1] = THIRD_L;
    add(V, C, V);
    mul(X, V, V);
    R[C] = -0.5;
    R[C + 1] = 0;
    add(V, C, V);
    mul(X, V, V);
    mul(X, V, V);
    add(X, V, T);
    return;
  }
  // One Newton step from Math.log: log m = L0 + log(m * e**-L0) = L0 + d - d**2/2.
  const l0 = Math.log(m);
  R[A_IN] = -l0;
  R[A_IN + 1] = 0;
  const k = expParts();
  const scale = pow2(k);
  R[T] *= scale;
  R[T + 1] *= scale;
  R[X] = m;
  R[X + 1] = 0;
  mul(T, X, T);
  const d = R[T]! - 1 + R[T + 1]!; // tiny; the subtraction is exact
  const corr = d - d * d * 0.5;
  const h = l0 + corr;
  R[T] = h;
  R[T + 1] = corr - (h - l0);
}

const view = /*#__PURE__*/ new DataView(new ArrayBuffer(8));

/** The binary exponent of a normal double. */
function exponentOf(x: number): number {
  view.setFloat64(0, x);
  return ((view.getUint32(0) >>> 20) & 0x7ff) - 1023;
}

/**
 * x ** y for finite x > 0, x != 1, finite y != 0. Returns Infinity on
 * overflow (the caller raises) and 0 on underflow.
 */
export function crPow(x: number, y: number): number {
  if (y === 2) return x * x;
  if (y === 1) return x;
  if (y === -1) return 1 / x;
  if (y === 0.5) return Math.sqrt(x);
  const y2 = 2 * y;
  if (y2 <= 9 && y2 >= -9 && (y2 & 1) === 1 && y2 === (y2 | 0) && x > 1e-30 && x < 1e30) return halfIntegerPow(x, y);
  // x = m * 2 ** k with m in [sqrt(1/2), sqrt(2)).
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2 ** 54: bring subnormals into the normal range
    k = -54;
  }
  const e = exponentOf(x);
  let m = x * pow2(-e);
  k += e;
  if (m > 1.4142135623730951) {
    m *= 0.5;
    k += 1;
  }
  if (Number.isInteger(y) && y >= -64 && y <= 64) return intPow(m, k, y);
  logMantissa(m);
  if (k !== 0) {
    // log x = k ln 2 + log m, one exact piece of k ln 2 at a time
    R[C] = k * LN2_1;
    R[C + 1] = 0;
    add(T, C, T);
    R[C] = k * LN2_2;
    add(T, C, T);
    R[C] = k * LN2_3;
    add(T, C, T);
  }
  // Rough magnitude first: the exact product below needs it in range.
  const approx = y * R[T]!;
  if (approx > 710) return Infinity;
  if (approx < -746) return 0;
  // y * log x, into exp's argument
  R[X] = y;
  R[X + 1] = 0;
  mul(X, T, A_IN);
  const sh = R[A_IN]!;
  if (sh > 709.8) return Infinity;
  if (sh < -745.2) return 0;
  const ek = expParts();
  return scaleRound(R[T]!, R[T + 1]!, ek);
}

/** m ** n * 2 ** (k * n) by squaring in double-double, |n| <= 64. */
function intPow(m: number, k: number, n: number): number {
  let count = n < 0 ? -n : n;
  R[X] = m;
  R[X + 1] = 0;
  R[P] = 1;
  R[P + 1] = 0;
  for (;;) {
    if (count & 1) mul(P, X, P);
    count >>>= 1;
    if (count === 0) break;
    mul(X, X, X);
  }
  if (n < 0) {
    R[C] = 1;
    R[C + 1] = 0;
    div(C, P, P);
  }
  // Renormalise the mantissa into [1, 2) so that the scaling stays exact.
  const e = exponentOf(R[P]!);
  const unit = pow2(-e);
  const scale = k * n + e;
  if (scale > 1024) return Infinity;
  if (scale < -1080) return 0;
  return scaleRound(R[P]! * unit, R[P + 1]! * unit, scale);
}

// pi/2 in four pieces: three of 24 bits (k * piece exact for k < 2**29), then the rest.
const PIO2_1 = 1.570796251296997;
const PIO2_2 = 7.549789415861596e-8;
const PIO2_3 = 5.390302529957765e-15;
const PIO2_4 = 3.2820035428735005e-22;

/** cos(x) and sin(x) as left by `sinCos`. */
export const SIN_COS = /*#__PURE__*/ new Float64Array(2);

/** Loads a double-double constant into register pair o. */
function load(o: number, hi: number, lo: number): void {
  R[o] = hi;
  R[o + 1] = lo;
}

/**
 * cos(x) into SIN_COS[0] and sin(x) into SIN_COS[1], rounded from
 * double-double evaluations: glibc's are (nearly always) correctly rounded
 * and V8's are not, which shows in complex powers. Arguments beyond 2**28
 * (rare: their powers over- or underflow) fall back to Math.
 */
export function sinCos(x: number): void {
  if (!(Math.abs(x) < 268435456)) {
    SIN_COS[0] = Math.cos(x);
    SIN_COS[1] = Math.sin(x);
    return;
  }
  // r = x - k pi/2, |r| <= pi/4
  const k = Math.round(x * 0.6366197723675814);
  const t = x - k * PIO2_1; // exact
  const u = -k * PIO2_2; // exact
  const s = t + u;
  const bb = s - t;
  R[X] = s;
  R[X + 1] = t - (s - bb) + (u - bb);
  load(C, -k * PIO2_3, -k * PIO2_4);
  add(X, C, X);
  mul(X, X, P); // z = r**2
  const z = R[P]!;
  // sin r = r (1 - z/3! + z**2/5! - z**3/7! + z**4 T), the tail T in doubles.
  R[V] = 1 / 362880 + z * (-1 / 39916800 + z * (1 / 6227020800 + z * (-1 / 1307674368000 + z * (1 / 355687428096000 + z * (-1 / 121645100408832000 + z * (1 / 51090942171709440000 + z * (-1 / 25852016738884976640000 + z / 15511210043330985984000000)))))));
  R[V + 1] = 0;
  mul(P, V, V);
  load(C, -0.0001984126984126984, -1.7209558293420705e-22);
  add(V, C, V);
  mul(P, V, V);
  load(C, 0.008333333333333333, 1.1564823173178714e-19);
  add(V, C, V);
  mul(P, V, V);
  load(C, -0.16666666666666666, -9.25185853854297e-18);
  add(V, C, V);
  mul(P, V, V);
  load(C, 1, 0);
  add(V, C, V);
  mul(X, V, Q); // sin r in Q
  const sinR = R[Q]!;
  // cos r = 1 - z/2 + z**2/4! - z**3/6! + z**4 U
  R[V] = 1 / 40320 + z * (-1 / 3628800 + z * (1 / 479001600 + z * (-1 / 87178291200 + z * (1 / 20922789888000 + z * (-1 / 6402373705728000 + z * (1 / 2432902008176640000 + z * (-1 / 1124000727777607680000 + z / 620448401733239439360000)))))));
  R[V + 1] = 0;
  mul(P, V, V);
  load(C, -0.001388888888888889, 5.300543954373577e-20);
  add(V, C, V);
  mul(P, V, V);
  load(C, 0.041666666666666664, 2.3129646346357427e-18);
  add(V, C, V);
  mul(P, V, V);
  load(C, -0.5, 0);
  add(V, C, V);
  mul(P, V, V);
  load(C, 1, 0);
  add(V, C, V);
  const cosR = R[V]!;
  switch (k & 3) {
    case 0:
      SIN_COS[0] = cosR;
      SIN_COS[1] = sinR;
      break;
    case 1:
      SIN_COS[0] = -sinR;
      SIN_COS[1] = cosR;
      break;
    case 2:
      SIN_COS[0] = -cosR;
      SIN_COS[1] = -sinR;
      break;
    default:
      SIN_COS[0] = sinR;
      SIN_COS[1] = -cosR;
  }
}

// ---------------------------------------------------------------------------
// x ** y for y = ±(n + 1/2) (nbody's `d ** -1.5`), much cheaper than the
// general log/exp path: a candidate c within a few ulps (from sqrt, or V8's
// pow), then one correction from the exact identity c**2 = x ** (2y) with
// the powers in double-double, and a single rounding. Inline arithmetic, no
// calls: this runs in hot loops. Relative error before rounding ~2 ** -100.

/**
 * halfIntegerPow(x, -1.5), the common case (`d ** -1.5`), with its loop
 * unrolled: the same operations in the same order, so the same result bit
 * for bit (fpow.test.ts compares them), in about two thirds of the time.
 * Left a call: small enough for TurboFan to inline (under 460 bytes of
 * bytecode), it would take the inlining budget of the loop calling it
 * (nbody's ran slower so).
 */
function powMinusThreeHalves(x: number): number {
  let t = SPLITTER * x;
  const xh = t - (t - x);
  const xl = x - xh;
  // k = 1 (h = x, l = 0; the loop's `+ l * x` adds a zero to a sum that is
  // never -0): x ** 2 = h + l
  let p = x * x;
  let e = xh * xh - p + xh * xl + xl * xh + xl * xl;
  let h = p + e;
  let l = e - (h - p);
  // k = 2: x ** 3 = h + l
  p = h * x;
  t = SPLITTER * h;
  const hh = t - (t - h);
  const hl = h - hh;
  e = hh * xh - p + hh * xl + hl * xh + hl * xl + l * x;
  h = p + e;
  l = e - (h - p);
  const c = 1 / (x * Math.sqrt(x));
  t = SPLITTER * c;
  const ch = t - (t - c);
  const cl = c - ch;
  const c2 = c * c;
  const c2e = ch * ch - c2 + 2 * ch * cl + cl * cl;
  t = SPLITTER * c2;
  const ah = t - (t - c2);
  const al = c2 - ah;
  t = SPLITTER * h;
  const bh = t - (t - h);
  const bl = h - bh;
  p = c2 * h;
  e = ah * bh - p + ah * bl + al * bh + al * bl;
  const rho = 1 - p - (e + c2 * l + c2e * h);
  return c + c * rho * (0.5 + 0.375 * rho);
}

/** x ** y for |2y| odd, <= 9, and 1e-30 < x < 1e30 (so that x ** (2y) stays normal). */
export function halfIntegerPow(x: number, y: number): number {
  return y === -1.5 ? powMinusThreeHalves(x) : halfIntegerPowLoop(x, y);
}

/** halfIntegerPow for any of its exponents: x ** |2y| by repeated multiplication. Exported for the tests. */
export function halfIntegerPowLoop(x: number, y: number): number {
  const m = y < 0 ? -2 * y : 2 * y;
  // x ** m = h + l
  let t = SPLITTER * x;
  const xh = t - (t - x);
  const xl = x - xh;
  let h = x;
  let l = 0;
  for (let k = 1; k < m; k++) {
    const p = h * x;
    t = SPLITTER * h;
    const hh = t - (t - h);
    const hl = h - hh;
    const e = hh * xh - p + hh * xl + hl * xh + hl * xl + l * x;
    h = p + e;
    l = e - (h - p);
  }
  const c = y === -1.5 ? 1 / (x * Math.sqrt(x)) : y === 1.5 ? x * Math.sqrt(x) : Math.pow(x, y);
  // c * c = c2 + c2e exactly
  t = SPLITTER * c;
  const ch = t - (t - c);
  const cl = c - ch;
  const c2 = c * c;
  const c2e = ch * ch - c2 + 2 * ch * cl + cl * cl;
  if (y < 0) {
    // rho = 1 - c**2 x**m; x ** y = c (1 - rho) ** -1/2 = c (1 + rho/2 + 3 rho**2/8 + ...)
    t = SPLITTER * c2;
    const ah = t - (t - c2);
    const al = c2 - ah;
    t = SPLITTER * h;
    const bh = t - (t - h);
    const bl = h - bh;
    const p = c2 * h;
    const e = ah * bh - p + ah * bl + al * bh + al * bl;
    const rho = 1 - p - (e + c2 * l + c2e * h);
    return c + c * rho * (0.5 + 0.375 * rho);
  }
  // s = x**m / c**2 - 1; x ** y = c (1 + s) ** 1/2 = c (1 + s/2 - s**2/8 + ...)
  const s = (h - c2 + (l - c2e)) / c2;
  return c + c * s * (0.5 - 0.125 * s);
}
