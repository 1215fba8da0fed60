/**
 * exp and log in double-double precision, the kernels of math's exp, expm1,
 * exp2, log, log1p, log2, log10 and the hyperbolic functions. Results are
 * double-doubles (about 106 bits): rounding them once gives the correctly
 * rounded double except in cases astronomically close to a tie.
 */
import { LO, add, div, mul, mulD, twoProd, twoSum } from './dd.js';

// ln 2 in three pieces: k * LN2_1 is exact for |k| < 2**14 (39 significant bits).
const LN2_1 = 0.6931471805582987;
const LN2_2 = 1.6465949582897082e-12;
const LN2_3 = -1.0077949135905144e-28;

/** 1/k! as double-doubles, k = 0..4, for expm1's series. */
const INV_FACT_H: number[] = [];
const INV_FACT_L: number[] = [];
{
  let f = 1;
  for (let k = 0; k <= 4; k++) {
    if (k > 0) f *= k;
    INV_FACT_H.push(div(1, 0, f, 0));
    INV_FACT_L.push(LO);
  }
}
const C5 = 1 / 120;
const C6 = 1 / 720;
const C7 = 1 / 5040;
const C8 = 1 / 40320;
const C9 = 1 / 362880;

/** Results of the kernels: a double-double and, for exp, a power of two. */
export let H = 0;
export let L = 0;
export let K = 0;
/** expm1 of the reduced argument, left by `exp` (exp = 2**K * (1 + EM1)). */
export let EM1_H = 0;
export let EM1_L = 0;

/**
 * e**(xh + xl) = 2**K * (H + L), for |xh| <= 746. The argument is reduced
 * by multiples of ln 2, then by 2**-10; expm1 of what remains comes from its
 * series, and ten doublings (1 + e)**2 - 1 = e * (2 + e) undo the scaling.
 */
export function exp(xh: number, xl: number): void {
  const k = Math.round(xh * 1.4426950408889634);
  // r = x - k ln 2, exactly to about 140 bits
  let rh = xh - k * LN2_1;
  const ph = twoProd(k, LN2_2);
  const pl = LO + k * LN2_3;
  rh = add(rh, xl, -ph, -pl);
  let rl = LO;
  rh *= 0.0009765625;
  rl *= 0.0009765625;
  // expm1(s) = s + s**2/2 + ... + s**9/9!, the tail from s**5 on in doubles
  const tail = C5 + rh * (C6 + rh * (C7 + rh * (C8 + rh * C9)));
  let qh = tail;
  let ql = 0;
  for (let j = 4; j >= 1; j--) {
    qh = mul(qh, ql, rh, rl);
    ql = LO;
    qh = add(qh, ql, INV_FACT_H[j]!, INV_FACT_L[j]!);
    ql = LO;
  }
  let eh = mul(qh, ql, rh, rl);
  let el = LO;
  for (let j = 0; j < 10; j++) {
    const th = add(eh, el, 2, 0);
    const tl = LO;
    eh = mul(eh, el, th, tl);
    el = LO;
  }
  EM1_H = eh;
  EM1_L = el;
  H = add(1, 0, eh, el);
  L = LO;
  K = k;
}

// 1/(2j + 1) for the atanh series of log near 1, j = 1..5.
const ODD_H: number[] = [1];
const ODD_L: number[] = [0];
for (let j = 1; j <= 5; j++) {
  ODD_H.push(div(1, 0, 2 * j + 1, 0));
  ODD_L.push(LO);
}

const view = new DataView(new ArrayBuffer(8));

/**
 * log(xh + xl) into (H, L), for xh > 0 finite. x = 2**j * m with m near 1;
 * log m from the series of 2 atanh(f / (2 + f)) when m is within 1/16 of 1,
 * else by a Newton step on the double estimate: log m = y + log(m e**-y).
 */
export function log(xh: number, xl: number): void {
  let j = 0;
  if (xh < 2.2250738585072014e-308) {
    xh *= 18014398509481984; // 2**54
    xl *= 18014398509481984;
    j = -54;
  }
  view.setFloat64(0, xh);
  let e = ((view.getUint32(0) >>> 20) & 0x7ff) - 1023;
  // m in [sqrt(1/2), sqrt(2))
  view.setUint32(0, (view.getUint32(0) & 0x800fffff) | (1023 << 20));
  let mh = view.getFloat64(0);
  let scale = 2 ** -e;
  if (mh > 1.4142135623730951) {
    mh *= 0.5;
    e += 1;
    scale *= 0.5;
  }
  const ml = xl * scale;
  j += e;
  let lh: number;
  let ll: number;
  const fh = mh - 1; // exact
  if (fh > -0.0625 && fh < 0.0625) {
    // s = f / (2 + f); log m = 2 (s + s**3/3 + s**5/5 + ...)
    const dh = add(2, 0, fh, ml);
    const dl = LO;
    const sh = div(fh, ml, dh, dl);
    const sl = LO;
    const zh = mul(sh, sl, sh, sl);
    const zl = LO;
    const tail = 1 / 13 + zh * (1 / 15 + zh * (1 / 17 + zh * (1 / 19 + zh * (1 / 21 + zh / 23))));
    let qh = mulD(zh, zl, tail);
    let ql = LO;
    for (let i = 5; i >= 0; i--) {
      qh = add(qh, ql, ODD_H[i]!, ODD_L[i]!);
      ql = LO;
      if (i > 0) {
        qh = mul(qh, ql, zh, zl);
        ql = LO;
      }
    }
    lh = mul(qh, ql, 2 * sh, 2 * sl);
    ll = LO;
  } else {
    const y = Math.log(mh + ml);
    exp(-y, 0);
    // t = m e**-y - 1, tiny: log m = y + t - t**2/2
    const k = 2 ** K;
    let th = mul(mh, ml, H * k, L * k);
    let tl = LO;
    th = add(th, tl, -1, 0);
    tl = LO;
    const t = th + tl;
    lh = twoSum(y, t - 0.5 * t * t);
    ll = LO;
  }
  if (j !== 0) {
    const ph = twoProd(j, LN2_2);
    const pl = LO + j * LN2_3;
    const qh = add(j * LN2_1, 0, ph, pl);
    lh = add(qh, LO, lh, ll);
    ll = LO;
  }
  H = lh;
  L = ll;
}
