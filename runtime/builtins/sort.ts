/**
 * list.sort() and sorted(): a stable sort that only ever asks Python's `<`.
 *
 * The algorithm is CPython 3.11's timsort step for step, so the sequence of
 * `<` calls is CPython's: which TypeError a mixed list raises, what a
 * failing sort leaves behind, and where NaNs or an inconsistent __lt__ put
 * the items all come out the same.
 *
 * Lists of plain JS numbers or of strings take native paths: equal numbers
 * (or strings) are indistinguishable, so stability cannot be observed there.
 */
import { TypeError, ValueError } from './exceptions.js';
import { lt, seqCompare, strCompare } from './equality.js';
import { iterItems } from './list.js';
import { PyTuple, isIntNumber, typeName } from './values.js';
import { asFunction } from './invoke.js';

type Less = (a: unknown, b: unknown) => boolean;

/** The `<` sorting uses: equality.ts's lt unless the operators module plugs in its own. */
export const sortHooks: { lt: Less } = { lt };

/** sorted(iterable, key=None, reverse=False). */
export function sorted(iterable: unknown, key?: unknown, reverse?: unknown): unknown[] {
  const items = Array.from(iterItems(iterable));
  list_sort(items, key, reverse);
  return items;
}

/** list.sort(key=None, reverse=False). */
export function list_sort(l: unknown[], key?: unknown, reverse?: unknown): null {
  const descending = reverse === undefined ? false : reverseFlag(reverse);
  const n = l.length;
  // While sorting, the list looks empty to the key function and to comparisons, as in CPython.
  const values = Array.prototype.slice.call(l) as unknown[];
  l.length = 0;
  let keys: unknown[] | null = null;
  if (key !== null && key !== undefined) {
    keys = new Array<unknown>(n);
    const keyOf = asFunction(key);
    try {
      for (let i = 0; i < n; i++) keys[i] = keyOf(values[i]);
    } catch (e) {
      restore(l, values);
      throw e;
    }
  }
  let failure: unknown = null;
  let failed = false;
  if (n > 1) {
    // Reversing before and after a stable sort keeps equal items in their order.
    if (descending) {
      values.reverse();
      keys?.reverse();
    }
    try {
      sortArrays(keys ?? values, keys === null ? null : values);
    } catch (e) {
      // The items stay as far as the sort got, as in CPython.
      failed = true;
      failure = e;
    }
    if (descending) values.reverse();
  }
  const modified = l.length !== 0;
  restore(l, values);
  if (failed) throw failure;
  if (modified) throw new ValueError('list modified during sort');
  return null;
}

function restore(l: unknown[], values: readonly unknown[]): void {
  l.length = values.length;
  for (let i = 0; i < values.length; i++) l[i] = values[i];
}

/** reverse= takes an int or bool, as CPython's argument clinic does. */
function reverseFlag(reverse: unknown): boolean {
  if (typeof reverse === 'boolean') return reverse;
  if (typeof reverse === 'number' && isIntNumber(reverse)) return reverse !== 0;
  if (typeof reverse === 'bigint') return reverse !== 0n;
  throw new TypeError(`'${typeName(reverse)}' object cannot be interpreted as an integer`);
}

/** Sorts keys ascending, stably, moving values (when given) with them. */
function sortArrays(keys: unknown[], values: unknown[] | null): void {
  const n = keys.length;
  if (values === null && sortNative(keys)) return;
  let less = sortHooks.lt;
  if (less === lt) {
    if (allNumbers(keys)) less = numberLess;
    else if (allStrings(keys)) less = stringLess;
    else if (allTuples(keys)) less = numberFirst(keys) ? numberFirstTupleLess : tupleLess;
  }
  timsort(keys, values, n, less);
}

const numberLess: Less = (a, b) => (a as number) < (b as number);
const stringLess: Less = (a, b) => strCompare(a as string, b as string) < 0;

/** Exact tuples: lt would go straight to their lexicographic comparison. */
const tupleLess: Less = (a, b) => seqCompare('<', a as PyTuple, b as PyTuple);

/*
 * Tuples whose first items are all numbers (not NaN: ints and floats held
 * as JS numbers): two of them differ at their first items exactly when
 * those are not ===, and `<` of the items then decides, as the
 * lexicographic comparison would after asking `==` of them.
 */
const numberFirstTupleLess: Less = (a, b) => {
  const x = (a as PyTuple)[0] as number;
  const y = (b as PyTuple)[0] as number;
  return x !== y ? x < y : seqCompare('<', a as PyTuple, b as PyTuple);
};

function numberFirst(a: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const t = a[i] as PyTuple;
    if (t.length === 0) return false;
    const x = t[0];
    if (typeof x !== 'number' || x !== x) return false;
  }
  return true;
}

function allTuples(a: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (!(x instanceof PyTuple) || Object.getPrototypeOf(x) !== PyTuple.prototype) return false;
  }
  return true;
}

function allNumbers(a: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (typeof a[i] !== 'number') return false;
  return true;
}

function allStrings(a: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (typeof a[i] !== 'string') return false;
  return true;
}

const SURROGATE_OR_ABOVE = /[\ud800-\uffff]/;

/** Sorts plain numbers (no NaN) or strings (no surrogates or U+E000 up) natively; false when not applicable. */
function sortNative(a: unknown[]): boolean {
  if (sortHooks.lt !== lt) return false;
  const first = a[0];
  if (typeof first === 'number') {
    const f = new Float64Array(a.length);
    // The int 0 is +0 and the float 0.0 is -0 (values.ts): equal, so they keep their order, but a typed array puts -0 first.
    let zeros = 0;
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      if (typeof x !== 'number' || x !== x) return false;
      if (x === 0) zeros |= Object.is(x, -0) ? 1 : 2;
      f[i] = x;
    }
    if (zeros === 3) return false;
    f.sort();
    for (let i = 0; i < a.length; i++) a[i] = f[i];
    return true;
  }
  if (typeof first === 'string') {
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      // JS orders UTF-16 code units; Python orders code points. They agree below U+D800.
      if (typeof x !== 'string' || SURROGATE_OR_ABOVE.test(x)) return false;
    }
    (a as string[]).sort();
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// The general sort: CPython 3.11's timsort — count_run, binarysort, the
// powersort merge order, merge_lo/merge_hi with galloping — so that it asks
// `<` the same questions in the same order.

const MIN_GALLOP = 7;

interface MergeState {
  keys: unknown[];
  values: unknown[] | null;
  less: Less;
  minGallop: number;
  /** Pending runs: start, length and powersort power. */
  base: number[];
  len: number[];
  power: number[];
}

/** CPython's minimum run length: n itself below 64, else between 32 and 64. */
function minRun(n: number): number {
  let r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

function swapRange(a: unknown[], lo: number, hi: number): void {
  for (let i = lo, j = hi - 1; i < j; i++, j--) {
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

function timsort(keys: unknown[], values: unknown[] | null, n: number, less: Less): void {
  const ms: MergeState = { keys, values, less, minGallop: MIN_GALLOP, base: [], len: [], power: [] };
  const min = minRun(n);
  let lo = 0;
  while (lo < n) {
    let len = countRun(keys, values, lo, n, less);
    if (len < min) {
      const force = Math.min(min, n - lo);
      binarySort(keys, values, lo, lo + force, lo + len, less);
      len = force;
    }
    foundNewRun(ms, len, n);
    ms.base.push(lo);
    ms.len.push(len);
    ms.power.push(0);
    lo += len;
  }
  while (ms.len.length > 1) {
    let i = ms.len.length - 2;
    if (i > 0 && ms.len[i - 1]! < ms.len[i + 1]!) i--;
    mergeAt(ms, i);
  }
}

/**
 * The run starting at lo: ascending (a[i+1] >= a[i]) or strictly descending,
 * which is reversed in place. Returns its length.
 */
function countRun(keys: unknown[], values: unknown[] | null, lo: number, hi: number, less: Less): number {
  if (lo + 1 === hi) return 1;
  let i = lo + 2;
  if (less(keys[lo + 1], keys[lo])) {
    while (i < hi && less(keys[i], keys[i - 1])) i++;
    swapRange(keys, lo, i);
    if (values !== null) swapRange(values, lo, i);
  } else {
    while (i < hi && !less(keys[i], keys[i - 1])) i++;
  }
  return i - lo;
}

/** Extends the sorted prefix [lo, start) to [lo, hi) by binary insertion (stable: after equals). */
function binarySort(keys: unknown[], values: unknown[] | null, lo: number, hi: number, start: number, less: Less): void {
  for (; start < hi; start++) {
    const pivot = keys[start];
    let l = lo;
    let r = start;
    do {
      const p = l + ((r - l) >> 1);
      if (less(pivot, keys[p])) r = p;
      else l = p + 1;
    } while (l < r);
    for (let j = start; j > l; j--) keys[j] = keys[j - 1];
    keys[l] = pivot;
    if (values !== null) {
      const v = values[start];
      for (let j = start; j > l; j--) values[j] = values[j - 1];
      values[l] = v;
    }
  }
}

/** Powersort: the depth, in the ideal merge tree, of the boundary between the top run and the new one. */
function powerLoop(s1: number, n1: number, n2: number, n: number): number {
  let result = 0;
  let a = 2 * s1 + n1; // twice the midpoints, to stay in integers
  let b = a + n1 + n2;
  for (;;) {
    result++;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) {
      break;
    }
    a *= 2;
    b *= 2;
  }
  return result;
}

/** Before a new run of length n2 is pushed: merges the pending runs deeper than its boundary. */
function foundNewRun(ms: MergeState, n2: number, n: number): void {
  const count = ms.len.length;
  if (count === 0) return;
  const power = powerLoop(ms.base[count - 1]!, ms.len[count - 1]!, n2, n);
  while (ms.len.length > 1 && ms.power[ms.len.length - 2]! > power) mergeAt(ms, ms.len.length - 2);
  ms.power[ms.len.length - 1] = power;
}

/** Where key goes in the sorted a[base, base+n): before any equal items. Starts looking at hint. */
function gallopLeft(less: Less, key: unknown, a: unknown[], base: number, n: number, hint: number): number {
  let lastofs = 0;
  let ofs = 1;
  if (less(a[base + hint], key)) {
    // a[hint] < key: gallop right until a[hint+lastofs] < key <= a[hint+ofs]
    const maxofs = n - hint;
    while (ofs < maxofs && less(a[base + hint + ofs], key)) {
      lastofs = ofs;
      ofs = ofs * 2 + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  } else {
    // key <= a[hint]: gallop left until a[hint-ofs] < key <= a[hint-lastofs]
    const maxofs = hint + 1;
    while (ofs < maxofs && !less(a[base + hint - ofs], key)) {
      lastofs = ofs;
      ofs = ofs * 2 + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    const k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  }
  // a[lastofs] < key <= a[ofs]: binary search in between
  lastofs++;
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1);
    if (less(a[base + m], key)) lastofs = m + 1;
    else ofs = m;
  }
  return ofs;
}

/** Where key goes in the sorted a[base, base+n): after any equal items. Starts looking at hint. */
function gallopRight(less: Less, key: unknown, a: unknown[], base: number, n: number, hint: number): number {
  let lastofs = 0;
  let ofs = 1;
  if (less(key, a[base + hint])) {
    // key < a[hint]: gallop left until a[hint-ofs] <= key < a[hint-lastofs]
    const maxofs = hint + 1;
    while (ofs < maxofs && less(key, a[base + hint - ofs])) {
      lastofs = ofs;
      ofs = ofs * 2 + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    const k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  } else {
    // a[hint] <= key: gallop right until a[hint+lastofs] <= key < a[hint+ofs]
    const maxofs = n - hint;
    while (ofs < maxofs && !less(key, a[base + hint + ofs])) {
      lastofs = ofs;
      ofs = ofs * 2 + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  // a[lastofs] <= key < a[ofs]: binary search in between
  lastofs++;
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1);
    if (less(key, a[base + m])) ofs = m;
    else lastofs = m + 1;
  }
  return ofs;
}

/** Merges pending runs i and i+1 (which then count as one run at i). */
function mergeAt(ms: MergeState, i: number): void {
  const { keys, less } = ms;
  let baseA = ms.base[i]!;
  let na = ms.len[i]!;
  const baseB = ms.base[i + 1]!;
  let nb = ms.len[i + 1]!;
  ms.len[i] = na + nb;
  ms.base.splice(i + 1, 1);
  ms.len.splice(i + 1, 1);
  ms.power.splice(i + 1, 1);
  // Items of A below B's first are already in place, and so are items of B above A's last.
  const k = gallopRight(less, keys[baseB], keys, baseA, na, 0);
  baseA += k;
  na -= k;
  if (na === 0) return;
  nb = gallopLeft(less, keys[baseA + na - 1], keys, baseB, nb, nb - 1);
  if (nb <= 0) return;
  if (na <= nb) mergeLo(ms, baseA, na, baseB, nb);
  else mergeHi(ms, baseA, na, baseB, nb);
}

/**
 * Merges the adjacent runs A (na items at baseA, the shorter) and B, left to
 * right, with A copied aside. When `<` raises, what is left of A is copied
 * back, so the list still holds every item.
 */
function mergeLo(ms: MergeState, baseA: number, na: number, baseB: number, nb: number): void {
  const { keys, values, less } = ms;
  const tk = keys.slice(baseA, baseA + na);
  const tv = values === null ? null : values.slice(baseA, baseA + na);
  let dest = baseA;
  let pa = 0;
  let pb = baseB;
  let copyB = false;
  try {
    main: {
      // B's first item is known to go first (mergeAt galloped past smaller A items).
      keys[dest] = keys[pb];
      if (values !== null) values[dest] = values[pb];
      dest++;
      pb++;
      if (--nb === 0) break main;
      if (na === 1) {
        copyB = true;
        break main;
      }
      let minGallop = ms.minGallop;
      for (;;) {
        let acount = 0;
        let bcount = 0;
        // One item at a time, until one run wins minGallop times in a row.
        for (;;) {
          if (less(keys[pb], tk[pa])) {
            keys[dest] = keys[pb];
            if (values !== null) values[dest] = values[pb];
            dest++;
            pb++;
            bcount++;
            acount = 0;
            if (--nb === 0) break main;
            if (bcount >= minGallop) break;
          } else {
            keys[dest] = tk[pa];
            if (values !== null) values[dest] = tv![pa];
            dest++;
            pa++;
            acount++;
            bcount = 0;
            if (--na === 1) {
              copyB = true;
              break main;
            }
            if (acount >= minGallop) break;
          }
        }
        // Galloping: copy whole stretches while one run keeps winning.
        minGallop++;
        do {
          if (minGallop > 1) minGallop--;
          ms.minGallop = minGallop;
          let k = gallopRight(less, keys[pb], tk, pa, na, 0);
          acount = k;
          if (k > 0) {
            for (let j = 0; j < k; j++) {
              keys[dest + j] = tk[pa + j];
              if (values !== null) values[dest + j] = tv![pa + j];
            }
            dest += k;
            pa += k;
            na -= k;
            if (na === 1) {
              copyB = true;
              break main;
            }
            if (na === 0) break main; // only with an inconsistent `<`
          }
          keys[dest] = keys[pb];
          if (values !== null) values[dest] = values[pb];
          dest++;
          pb++;
          if (--nb === 0) break main;
          k = gallopLeft(less, tk[pa], keys, pb, nb, 0);
          bcount = k;
          if (k > 0) {
            for (let j = 0; j < k; j++) {
              keys[dest + j] = keys[pb + j];
              if (values !== null) values[dest + j] = values[pb + j];
            }
            dest += k;
            pb += k;
            nb -= k;
            if (nb === 0) break main;
          }
          keys[dest] = tk[pa];
          if (values !== null) values[dest] = tv![pa];
          dest++;
          pa++;
          if (--na === 1) {
            copyB = true;
            break main;
          }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        minGallop++; // leaving galloping mode costs
        ms.minGallop = minGallop;
      }
    }
  } finally {
    if (copyB) {
      // The rest of B, then A's last item, which belongs at the very end.
      for (let j = 0; j < nb; j++) {
        keys[dest + j] = keys[pb + j];
        if (values !== null) values[dest + j] = values[pb + j];
      }
      keys[dest + nb] = tk[pa];
      if (values !== null) values[dest + nb] = tv![pa];
    } else {
      for (let j = 0; j < na; j++) {
        keys[dest + j] = tk[pa + j];
        if (values !== null) values[dest + j] = tv![pa + j];
      }
    }
  }
}

/** The mirror of mergeLo: B (the shorter) is copied aside and the merge runs right to left. */
function mergeHi(ms: MergeState, baseA: number, na: number, baseB: number, nb: number): void {
  const { keys, values, less } = ms;
  const tk = keys.slice(baseB, baseB + nb);
  const tv = values === null ? null : values.slice(baseB, baseB + nb);
  let dest = baseB + nb - 1;
  let pa = baseA + na - 1;
  let pb = nb - 1;
  let copyA = false;
  try {
    main: {
      // A's last item is known to go last.
      keys[dest] = keys[pa];
      if (values !== null) values[dest] = values[pa];
      dest--;
      pa--;
      if (--na === 0) break main;
      if (nb === 1) {
        copyA = true;
        break main;
      }
      let minGallop = ms.minGallop;
      for (;;) {
        let acount = 0;
        let bcount = 0;
        for (;;) {
          if (less(tk[pb], keys[pa])) {
            keys[dest] = keys[pa];
            if (values !== null) values[dest] = values[pa];
            dest--;
            pa--;
            acount++;
            bcount = 0;
            if (--na === 0) break main;
            if (acount >= minGallop) break;
          } else {
            keys[dest] = tk[pb];
            if (values !== null) values[dest] = tv![pb];
            dest--;
            pb--;
            bcount++;
            acount = 0;
            if (--nb === 1) {
              copyA = true;
              break main;
            }
            if (bcount >= minGallop) break;
          }
        }
        minGallop++;
        do {
          if (minGallop > 1) minGallop--;
          ms.minGallop = minGallop;
          let k = na - gallopRight(less, tk[pb], keys, baseA, na, na - 1);
          acount = k;
          if (k > 0) {
            dest -= k;
            pa -= k;
            for (let j = k; j >= 1; j--) {
              keys[dest + j] = keys[pa + j];
              if (values !== null) values[dest + j] = values[pa + j];
            }
            na -= k;
            if (na === 0) break main;
          }
          keys[dest] = tk[pb];
          if (values !== null) values[dest] = tv![pb];
          dest--;
          pb--;
          if (--nb === 1) {
            copyA = true;
            break main;
          }
          k = nb - gallopLeft(less, keys[pa], tk, 0, nb, nb - 1);
          bcount = k;
          if (k > 0) {
            dest -= k;
            pb -= k;
            for (let j = 1; j <= k; j++) {
              keys[dest + j] = tk[pb + j];
              if (values !== null) values[dest + j] = tv![pb + j];
            }
            nb -= k;
            if (nb === 1) {
              copyA = true;
              break main;
            }
            if (nb === 0) break main; // only with an inconsistent `<`
          }
          keys[dest] = keys[pa];
          if (values !== null) values[dest] = values[pa];
          dest--;
          pa--;
          if (--na === 0) break main;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        minGallop++;
        ms.minGallop = minGallop;
      }
    }
  } finally {
    if (copyA) {
      // The rest of A moves up, then B's first item goes in front of it.
      for (let j = 0; j < na; j++) {
        keys[dest - j] = keys[pa - j];
        if (values !== null) values[dest - j] = values[pa - j];
      }
      keys[dest - na] = tk[pb];
      if (values !== null) values[dest - na] = tv![pb];
    } else {
      for (let j = 0; j < nb; j++) {
        keys[dest - nb + 1 + j] = tk[j];
        if (values !== null) values[dest - nb + 1 + j] = tv![j];
      }
    }
  }
}
