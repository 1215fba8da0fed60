/**
 * Unicode normalization (UAX #15) on CPython 3.11's database (Unicode
 * 14.0.0), rather than JS's String.prototype.normalize: that follows the
 * engine's own Unicode version (Node's ICU is newer; browsers differ), which
 * decomposes and reorders characters assigned after 14.0 that CPython leaves
 * alone. Results are checked against python3 on every code point.
 */
import { codePoints, fromCodePoints, isAscii } from '../../../builtins/str/core.js';
import { allDecompositions, combining, decomposition, isCompositionExcluded, quickCheckFails, type Decomposition } from './database.js';

export type Form = 'NFC' | 'NFD' | 'NFKC' | 'NFKD';

/** What decomposition reads of a database version: `ucd_3_2_0` has its own. */
export interface DecompositionData {
  /** A character that replaces `cp` before it is decomposed (3.2.0's NormalizationCorrections), or -1. */
  correction(cp: number): number;
  decomposition(cp: number): Decomposition | undefined;
}

const CURRENT: DecompositionData = { correction: () => -1, decomposition };

const S_BASE = 0xac00;
const L_BASE = 0x1100;
const V_BASE = 0x1161;
const T_BASE = 0x11a7;
const L_COUNT = 19;
const V_COUNT = 21;
const T_COUNT = 28;
const N_COUNT = V_COUNT * T_COUNT;
const S_COUNT = L_COUNT * N_COUNT;

function decompose(cp: number, compat: boolean, out: number[], data: DecompositionData): void {
  const s = cp - S_BASE;
  if (s >= 0 && s < S_COUNT) {
    out.push(L_BASE + Math.floor(s / N_COUNT), V_BASE + Math.floor((s % N_COUNT) / T_COUNT));
    if (s % T_COUNT !== 0) out.push(T_BASE + (s % T_COUNT));
    return;
  }
  const replacement = data.correction(cp);
  if (replacement >= 0) {
    decompose(replacement, compat, out, data);
    return;
  }
  const d = data.decomposition(cp);
  if (d !== undefined && (compat || d.tag === 0)) {
    for (const c of d.cps) decompose(c, compat, out, data);
    return;
  }
  out.push(cp);
}

/**
 * Full decomposition, then the canonical ordering of each run of
 * non-starters (a stable sort by class, the current classes whatever the
 * version, as CPython).
 */
function decomposed(s: string, compat: boolean, data: DecompositionData): number[] {
  const out: number[] = [];
  for (const cp of codePoints(s)) decompose(cp, compat, out, data);
  for (let i = 1; i < out.length; i++) {
    const c = out[i]!;
    const ccc = combining.get(c);
    if (ccc === 0) continue;
    let j = i;
    while (j > 0) {
      const before = combining.get(out[j - 1]!);
      if (before <= ccc) break;
      out[j] = out[j - 1]!;
      j--;
    }
    out[j] = c;
  }
  return out;
}

let pairs: Map<number, number> | null = null;

/** Primary composites by (first, second): canonical pair decompositions NFC recomposes. */
function loadPairs(): Map<number, number> {
  const map = new Map<number, number>();
  for (const [cp, d] of allDecompositions()) {
    if (d.tag === 0 && d.cps.length === 2 && !isCompositionExcluded(cp)) map.set(d.cps[0]! * 0x110000 + d.cps[1]!, cp);
  }
  return map;
}

function composePair(first: number, second: number): number {
  const l = first - L_BASE;
  if (l >= 0 && l < L_COUNT) {
    const v = second - V_BASE;
    return v >= 0 && v < V_COUNT ? S_BASE + (l * V_COUNT + v) * T_COUNT : -1;
  }
  const s = first - S_BASE;
  if (s >= 0 && s < S_COUNT && s % T_COUNT === 0) {
    const t = second - T_BASE;
    return t > 0 && t < T_COUNT ? first + t : -1;
  }
  pairs ??= loadPairs();
  return pairs.get(first * 0x110000 + second) ?? -1;
}

/** Canonical composition of a decomposed, canonically ordered sequence. */
function composed(cps: number[]): number[] {
  if (cps.length === 0) return cps;
  const out: number[] = [cps[0]!];
  let starter = 0;
  // 256 while no starter has been seen: nothing composes with a leading non-starter.
  let lastClass = combining.get(cps[0]!) === 0 ? 0 : 256;
  for (let i = 1; i < cps.length; i++) {
    const c = cps[i]!;
    const ccc = combining.get(c);
    // Not blocked: adjacent to the starter, or every character between has a lower class.
    if (lastClass === 0 || (lastClass !== 256 && lastClass < ccc)) {
      const composite = composePair(out[starter]!, c);
      if (composite >= 0) {
        out[starter] = composite;
        continue;
      }
    }
    if (ccc === 0) {
      starter = out.length;
      lastClass = 0;
    } else {
      lastClass = ccc;
    }
    out.push(c);
  }
  return out;
}

/**
 * CPython's quick check answering YES only: every character may stay as it
 * is in the form, and the combining classes are in canonical order. Then
 * `normalize` gives back the very argument.
 */
export function quickCheckYes(form: Form, s: string): boolean {
  if (isAscii(s)) return true;
  const fails = quickCheckFails[form];
  let previous = 0;
  for (const cp of codePoints(s)) {
    const ccc = combining.get(cp);
    if (ccc !== 0 && previous > ccc) return false;
    previous = ccc;
    if (fails.get(cp)) return false;
  }
  return true;
}

/** The normalization of `s` (the quick check left aside); composition is the current one whatever the version, as CPython's. */
export function normalized(form: Form, s: string, data: DecompositionData = CURRENT): string {
  const compat = form === 'NFKC' || form === 'NFKD';
  const cps = decomposed(s, compat, data);
  return fromCodePoints(form === 'NFC' || form === 'NFKC' ? composed(cps) : cps);
}
