/**
 * Python's `colorsys`: conversions between RGB and YIQ, HLS and HSV. CPython
 * writes it in Python with generic arithmetic, so ints, floats, Fractions
 * and Decimals all go through (`rgb_to_hsv(255, 0, 0)` keeps the int 255
 * as its value); here every step is the runtime's own operator, in the
 * order CPython evaluates it, which gives the same float bits.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { add, mod, mul, sub, truediv } from '../builtins/operators.js';
import { eq, gt, le, lt } from '../builtins/equality.js';
import { int, max, min } from '../builtins/functions.js';
import { float } from '../builtins/values.js';
import { tupleOf } from '../builtins/iteration.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './colorsys.js';

export const __name__ = 'colorsys';
loadedModules.$set('colorsys', self);

export const __all__ = ['rgb_to_yiq', 'yiq_to_rgb', 'rgb_to_hls', 'hls_to_rgb', 'rgb_to_hsv', 'hsv_to_rgb'];

// Python's float literals: integral floats are boxes, 0.0 is -0 (values.ts).
const ZERO = float(0);
const ONE = float(1);
const TWO = float(2);
const FOUR = float(4);
const SIX = float(6);

export const ONE_THIRD = 1.0 / 3.0;
export const ONE_SIXTH = 1.0 / 6.0;
export const TWO_THIRD = 2.0 / 3.0;

export const rgb_to_yiq = pyFunction('r, g, b', 'rgb_to_yiq', 'colorsys', (r: unknown, g: unknown, b: unknown) => {
  const y = add(add(mul(0.3, r), mul(0.59, g)), mul(0.11, b));
  const i = sub(mul(0.74, sub(r, y)), mul(0.27, sub(b, y)));
  const q = add(mul(0.48, sub(r, y)), mul(0.41, sub(b, y)));
  return tupleOf(y, i, q);
});

/** Clamped to [0.0, 1.0], the float bounds replacing the value as CPython's assignments do. */
function clamp(v: unknown): unknown {
  return lt(v, ZERO) ? ZERO : v;
}

function clampHigh(v: unknown): unknown {
  return gt(v, ONE) ? ONE : v;
}

export const yiq_to_rgb = pyFunction('y, i, q', 'yiq_to_rgb', 'colorsys', (y: unknown, i: unknown, q: unknown) => {
  const r = add(add(y, mul(0.9468822170900693, i)), mul(0.6235565819861433, q));
  const g = sub(sub(y, mul(0.27478764629897834, i)), mul(0.6356910791873801, q));
  const b = add(sub(y, mul(1.1085450346420322, i)), mul(1.7090069284064666, q));
  // All three low bounds first, then the high ones, as CPython tests them.
  const [r0, g0, b0] = [clamp(r), clamp(g), clamp(b)];
  return tupleOf(clampHigh(r0), clampHigh(g0), clampHigh(b0));
});

/** The hue of rgb_to_hls and rgb_to_hsv, from the channels and their extremes. */
function hue(r: unknown, g: unknown, b: unknown, maxc: unknown, rangec: unknown): unknown {
  const rc = truediv(sub(maxc, r), rangec);
  const gc = truediv(sub(maxc, g), rangec);
  const bc = truediv(sub(maxc, b), rangec);
  let h: unknown;
  if (eq(r, maxc)) h = sub(bc, gc);
  else if (eq(g, maxc)) h = sub(add(TWO, rc), bc);
  else h = sub(add(FOUR, gc), rc);
  return mod(truediv(h, SIX), ONE);
}

export const rgb_to_hls = pyFunction('r, g, b', 'rgb_to_hls', 'colorsys', (r: unknown, g: unknown, b: unknown) => {
  const maxc = max(r, g, b);
  const minc = min(r, g, b);
  const sumc = add(maxc, minc);
  const rangec = sub(maxc, minc);
  const l = truediv(sumc, TWO);
  if (eq(minc, maxc)) return tupleOf(ZERO, l, ZERO);
  // The other branch is not 2.0 - sumc (gh-106498): minc is subtracted on its own.
  const s = le(l, 0.5) ? truediv(rangec, sumc) : truediv(rangec, sub(sub(TWO, maxc), minc));
  return tupleOf(hue(r, g, b, maxc, rangec), l, s);
});

function channel(m1: unknown, m2: unknown, h: unknown): unknown {
  const hue = mod(h, ONE);
  if (lt(hue, ONE_SIXTH)) return add(m1, mul(mul(sub(m2, m1), hue), SIX));
  if (lt(hue, 0.5)) return m2;
  if (lt(hue, TWO_THIRD)) return add(m1, mul(mul(sub(m2, m1), sub(TWO_THIRD, hue)), SIX));
  return m1;
}

export const hls_to_rgb = pyFunction('h, l, s', 'hls_to_rgb', 'colorsys', (h: unknown, l: unknown, s: unknown) => {
  if (eq(s, ZERO)) return tupleOf(l, l, l);
  const m2 = le(l, 0.5) ? mul(l, add(ONE, s)) : sub(add(l, s), mul(l, s));
  const m1 = sub(mul(TWO, l), m2);
  return tupleOf(channel(m1, m2, add(h, ONE_THIRD)), channel(m1, m2, h), channel(m1, m2, sub(h, ONE_THIRD)));
});

export const rgb_to_hsv = pyFunction('r, g, b', 'rgb_to_hsv', 'colorsys', (r: unknown, g: unknown, b: unknown) => {
  const maxc = max(r, g, b);
  const minc = min(r, g, b);
  const rangec = sub(maxc, minc);
  if (eq(minc, maxc)) return tupleOf(ZERO, ZERO, maxc);
  const s = truediv(rangec, maxc);
  return tupleOf(hue(r, g, b, maxc, rangec), s, maxc);
});

export const hsv_to_rgb = pyFunction('h, s, v', 'hsv_to_rgb', 'colorsys', (h: unknown, s: unknown, v: unknown) => {
  if (eq(s, ZERO)) return tupleOf(v, v, v);
  const i = int(mul(h, SIX));
  const f = sub(mul(h, SIX), i);
  const p = mul(v, sub(ONE, s));
  const q = mul(v, sub(ONE, mul(s, f)));
  const t = mul(v, sub(ONE, mul(s, sub(ONE, f))));
  const sextant = mod(i, 6);
  if (eq(sextant, 0)) return tupleOf(v, t, p);
  if (eq(sextant, 1)) return tupleOf(q, v, p);
  if (eq(sextant, 2)) return tupleOf(p, v, t);
  if (eq(sextant, 3)) return tupleOf(p, q, v);
  if (eq(sextant, 4)) return tupleOf(t, p, v);
  if (eq(sextant, 5)) return tupleOf(v, p, q);
  // CPython's function falls off its end (an int subclass whose % gives something else).
  return null;
});
