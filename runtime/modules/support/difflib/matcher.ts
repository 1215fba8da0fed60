/**
 * The core of CPython 3.11's difflib.SequenceMatcher over element ids:
 * each element is interned to a small integer (equal Python values get the
 * same id), so the matching loops compare numbers. Strings are interned in
 * a JS Map; the first non-string element moves the table to a PyDict, which
 * hashes and compares with Python's rules (1 == 1.0 == True).
 */
import { PyDict } from '../../../builtins/dict.js';
import { iterate } from '../../../builtins/iteration.js';
import { PyStrBox, unbox } from '../../../builtins/values.js';

/** Interns elements of both sequences of one matcher into shared ids. */
export class Interner {
  private strings: Map<string, number> | null = new Map();
  private dict: PyDict<unknown, number> | null = null;
  private next = 0;

  id(elt: unknown): number {
    if (this.strings !== null) {
      if (typeof elt === 'string') {
        let id = this.strings.get(elt);
        if (id === undefined) this.strings.set(elt, (id = this.next++));
        return id;
      }
      // A non-str element: from now on all go through Python hashing/equality.
      const dict = new PyDict<unknown, number>();
      for (const [s, id] of this.strings) dict.$set(s, id);
      this.strings = null;
      this.dict = dict;
    }
    let id = this.dict!.$get(elt);
    if (id === undefined) this.dict!.$set(elt, (id = this.next++));
    return id;
  }
}

/** A sequence's elements as CPython indexes them: a str by code point, anything else by iteration. */
export function elementsOf(seq: unknown): unknown[] {
  const v = seq instanceof PyStrBox ? unbox(seq) : seq;
  if (typeof v === 'string') return Array.from(v);
  if (Array.isArray(v)) return v;
  return [...iterate(seq)];
}

export type Opcode = readonly [tag: string, i1: number, i2: number, j1: number, j2: number];
export type Block = [a: number, b: number, size: number];

const NOTHING: number[] = [];

export function calculateRatio(matches: number, length: number): number {
  return length ? (2.0 * matches) / length : 1.0;
}

/** SequenceMatcher's state and algorithms (Lib/difflib.py), with ids in place of elements. */
export class Matcher {
  readonly interner = new Interner();
  aElts: unknown[] = [];
  bElts: unknown[] = [];
  a: number[] = [];
  b: number[] = [];
  b2j = new Map<number, number[]>();
  bjunk = new Set<number>();
  bpopular = new Set<number>();
  fullbcount: Map<number, number> | null = null;
  matchingBlocks: Block[] | null = null;

  constructor(readonly isjunk: ((elt: unknown) => boolean) | null, readonly autojunk: boolean) {}

  setSeq1(elts: unknown[]): void {
    this.aElts = elts;
    this.a = elts.map((e) => this.interner.id(e));
    this.matchingBlocks = null;
  }

  setSeq2(elts: unknown[]): void {
    this.bElts = elts;
    this.b = elts.map((e) => this.interner.id(e));
    this.matchingBlocks = null;
    this.fullbcount = null;
    this.chainB();
  }

  private chainB(): void {
    const b = this.b;
    const b2j = (this.b2j = new Map());
    for (let i = 0; i < b.length; i++) {
      const indices = b2j.get(b[i]!);
      if (indices === undefined) b2j.set(b[i]!, [i]);
      else indices.push(i);
    }
    const junk = (this.bjunk = new Set());
    if (this.isjunk !== null) {
      // Each distinct element once, in order of first occurrence (dict order), as CPython calls isjunk.
      for (const [id, idxs] of b2j) if (this.isjunk(this.bElts[idxs[0]!])) junk.add(id);
      for (const id of junk) b2j.delete(id);
    }
    const popular = (this.bpopular = new Set());
    const n = b.length;
    if (this.autojunk && n >= 200) {
      const ntest = Math.floor(n / 100) + 1;
      for (const [id, idxs] of b2j) if (idxs.length > ntest) popular.add(id);
      for (const id of popular) b2j.delete(id);
    }
  }

  findLongestMatch(alo: number, ahi: number, blo: number, bhi: number): Block {
    const { a, b, b2j, bjunk } = this;
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const newj2len = new Map<number, number>();
      for (const j of b2j.get(a[i]!) ?? NOTHING) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        newj2len.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = newj2len;
    }
    // Extend with non-junk equal elements, then with junk ones, on both sides (CPython's four loops).
    while (besti > alo && bestj > blo && !bjunk.has(b[bestj - 1]!) && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && !bjunk.has(b[bestj + bestsize]!) && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
    while (besti > alo && bestj > blo && bjunk.has(b[bestj - 1]!) && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && bjunk.has(b[bestj + bestsize]!) && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
    return [besti, bestj, bestsize];
  }

  getMatchingBlocks(): Block[] {
    if (this.matchingBlocks !== null) return this.matchingBlocks;
    const la = this.a.length;
    const lb = this.b.length;
    const queue: [number, number, number, number][] = [[0, la, 0, lb]];
    const blocks: Block[] = [];
    while (queue.length > 0) {
      const [alo, ahi, blo, bhi] = queue.pop()!;
      const x = this.findLongestMatch(alo, ahi, blo, bhi);
      const [i, j, k] = x;
      if (k) {
        blocks.push(x);
        if (alo < i && blo < j) queue.push([alo, i, blo, j]);
        if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
      }
    }
    blocks.sort((p, q) => p[0] - q[0] || p[1] - q[1] || p[2] - q[2]);
    let i1 = 0;
    let j1 = 0;
    let k1 = 0;
    const nonAdjacent: Block[] = [];
    for (const [i2, j2, k2] of blocks) {
      if (i1 + k1 === i2 && j1 + k1 === j2) {
        k1 += k2;
      } else {
        if (k1) nonAdjacent.push([i1, j1, k1]);
        i1 = i2;
        j1 = j2;
        k1 = k2;
      }
    }
    if (k1) nonAdjacent.push([i1, j1, k1]);
    nonAdjacent.push([la, lb, 0]);
    this.matchingBlocks = nonAdjacent;
    return nonAdjacent;
  }

  getOpcodes(): Opcode[] {
    let i = 0;
    let j = 0;
    const answer: Opcode[] = [];
    for (const [ai, bj, size] of this.getMatchingBlocks()) {
      let tag = '';
      if (i < ai && j < bj) tag = 'replace';
      else if (i < ai) tag = 'delete';
      else if (j < bj) tag = 'insert';
      if (tag) answer.push([tag, i, ai, j, bj]);
      i = ai + size;
      j = bj + size;
      if (size) answer.push(['equal', ai, i, bj, j]);
    }
    return answer;
  }

  ratio(): number {
    let matches = 0;
    for (const [, , size] of this.getMatchingBlocks()) matches += size;
    return calculateRatio(matches, this.a.length + this.b.length);
  }

  quickRatio(): number {
    let full = this.fullbcount;
    if (full === null) {
      full = this.fullbcount = new Map();
      for (const elt of this.b) full.set(elt, (full.get(elt) ?? 0) + 1);
    }
    const avail = new Map<number, number>();
    let matches = 0;
    for (const elt of this.a) {
      const numb = avail.get(elt) ?? full.get(elt) ?? 0;
      avail.set(elt, numb - 1);
      if (numb > 0) matches++;
    }
    return calculateRatio(matches, this.a.length + this.b.length);
  }

  realQuickRatio(): number {
    const la = this.a.length;
    const lb = this.b.length;
    return calculateRatio(Math.min(la, lb), la + lb);
  }
}

/**
 * get_grouped_opcodes over an opcode list (tuples built by `make`). Like
 * CPython, it replaces the first and last entries of `codes` in place, so a
 * matcher's cached get_opcodes() list shows the trimmed ends afterwards.
 */
export function* groupOpcodes<T extends readonly [string, number, number, number, number]>(
  codes: T[], n: number, make: (tag: string, i1: number, i2: number, j1: number, j2: number) => T,
): Generator<T[], void, undefined> {
  if (codes.length === 0) codes = [make('equal', 0, 1, 0, 1)];
  if (codes[0]![0] === 'equal') {
    const [tag, i1, i2, j1, j2] = codes[0]!;
    codes[0] = make(tag, Math.max(i1, i2 - n), i2, Math.max(j1, j2 - n), j2);
  }
  const last = codes.length - 1;
  if (codes[last]![0] === 'equal') {
    const [tag, i1, i2, j1, j2] = codes[last]!;
    codes[last] = make(tag, i1, Math.min(i2, i1 + n), j1, Math.min(j2, j1 + n));
  }
  const nn = n + n;
  let group: T[] = [];
  for (const code of [...codes]) {
    let [tag, i1, i2, j1, j2] = code;
    if (tag === 'equal' && i2 - i1 > nn) {
      group.push(make(tag, i1, Math.min(i2, i1 + n), j1, Math.min(j2, j1 + n)));
      yield group;
      group = [];
      i1 = Math.max(i1, i2 - n);
      j1 = Math.max(j1, j2 - n);
    }
    group.push(i1 === code[1] && j1 === code[3] ? code : make(tag, i1, i2, j1, j2));
  }
  if (group.length > 0 && !(group.length === 1 && group[0]![0] === 'equal')) yield group;
}
