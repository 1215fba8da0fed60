/**
 * Double-double arithmetic: a value is an unevaluated sum hi + lo of two
 * doubles with |lo| <= ulp(hi)/2, about 106 bits. The math module computes
 * exp, log, sin… this way and rounds once at the end, which gives the
 * correctly rounded double nearly always — what glibc (and so CPython)
 * returns for most of these functions, where V8's Math functions are often
 * an ulp off.
 *
 * JS has no multiple return values: each operation returns the high part
 * and leaves the low part in `LO`, read right after the call.
 */

/** The low part of the last result. */
export let LO = 0;

const SPLITTER = 134217729; // 2**27 + 1 (Veltkamp)

/** a + b exactly: returns the sum, error in LO. */
export function twoSum(a: number, b: number): number {
  const s = a + b;
  const bb = s - a;
  LO = a - (s - bb) + (b - bb);
  return s;
}

/** a * b exactly (|a|, |b| below 2**996): returns the product, error in LO. */
export function twoProd(a: number, b: number): number {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  LO = ah * bh - p + ah * bl + al * bh + al * bl;
  return p;
}

/** (ah, al) + (bh, bl). */
export function add(ah: number, al: number, bh: number, bl: number): number {
  let s = ah + bh;
  let bb = s - ah;
  let e = ah - (s - bb) + (bh - bb);
  const t = al + bl;
  bb = t - al;
  const f = al - (t - bb) + (bl - bb);
  e += t;
  let h = s + e;
  e = e - (h - s);
  s = h;
  e += f;
  h = s + e;
  LO = e - (h - s);
  return h;
}

/** (ah, al) * (bh, bl). */
export function mul(ah: number, al: number, bh: number, bl: number): number {
  const p = ah * bh;
  let t = SPLITTER * ah;
  const ahh = t - (t - ah);
  const ahl = ah - ahh;
  t = SPLITTER * bh;
  const bhh = t - (t - bh);
  const bhl = bh - bhh;
  const e = ahh * bhh - p + ahh * bhl + ahl * bhh + ahl * bhl + (ah * bl + al * bh);
  const h = p + e;
  LO = e - (h - p);
  return h;
}

/** (ah, al) * b for a double b. */
export function mulD(ah: number, al: number, b: number): number {
  const p = ah * b;
  let t = SPLITTER * ah;
  const ahh = t - (t - ah);
  const ahl = ah - ahh;
  t = SPLITTER * b;
  const bhh = t - (t - b);
  const bhl = b - bhh;
  const e = ahh * bhh - p + ahh * bhl + ahl * bhh + ahl * bhl + al * b;
  const h = p + e;
  LO = e - (h - p);
  return h;
}

/** (ah, al) / (bh, bl). */
export function div(ah: number, al: number, bh: number, bl: number): number {
  const q1 = ah / bh;
  // r = a - q1 * b
  let ph = mulD(bh, bl, q1);
  let pl = LO;
  let rh = add(ah, al, -ph, -pl);
  let rl = LO;
  const q2 = rh / bh;
  ph = mulD(bh, bl, q2);
  pl = LO;
  rh = add(rh, rl, -ph, -pl);
  rl = LO;
  const q3 = rh / bh;
  const h = twoSum(q1, q2);
  return add(h, LO, q3, 0);
}

/** sqrt(ah + al), for ah > 0. */
export function sqrt(ah: number, al: number): number {
  const q = Math.sqrt(ah);
  const sh = twoProd(q, q);
  const sl = LO;
  const rh = add(ah, al, -sh, -sl);
  const c = rh / (2 * q);
  const h = q + c;
  LO = c - (h - q);
  return h;
}

/** The double nearest to hi + lo (the correctly rounded result). */
export function round(hi: number, lo: number): number {
  return hi + lo;
}

// Constants as double-doubles (hi, lo).
export const LN2_H = 0.6931471805599453;
export const LN2_L = 2.3190468138462996e-17;
export const LN10_H = 2.302585092994046;
export const LN10_L = -2.1707562233822494e-16;
export const PI_H = 3.141592653589793;
export const PI_L = 1.2246467991473532e-16;
export const PI2_H = 1.5707963267948966;
export const PI2_L = 6.123233995736766e-17;
export const PI4_H = 0.7853981633974483;
export const PI4_L = 3.061616997868383e-17;
