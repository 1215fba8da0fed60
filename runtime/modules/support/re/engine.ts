/**
 * A backtracking matcher for parsed patterns, with sre's semantics: the
 * subject is an array of code points (so positions are Python indices),
 * `^`/`$`/`\b` see the whole string up to endpos whatever pos is, a repeat
 * stops iterating once an iteration matched empty, and a search after an
 * empty match must not match empty at the same place again (3.7+ rules).
 *
 * Each node compiles to a closure `(i, k) => boolean` that matches at `i`
 * and calls the continuation `k` with each end it can reach, most preferred
 * first; captures are undone when a continuation fails.
 */
import { RecursionError } from '../../../builtins/exceptions.js';
import { translate, type Translation } from './translate.js';
import { MAXREPEAT, type Node, type SetItem } from './ast.js';
import { caseEqual, caseVariants, isDigit, isSpace, isWord, lower, asciiLower } from './unicode.js';
import type { Subject } from './subject.js';

type Cont = (i: number) => boolean;
type Matcher = (i: number, k: Cont) => boolean;
type Test = (c: number) => boolean;

/** The mutable state one match attempt reads: shared by the compiled closures of a pattern. */
interface Ctx {
  s: Int32Array;
  end: number;
  caps: number[];
}

export const MATCH = 0;
export const SEARCH = 1;
export const FULLMATCH = 2;

export class Program {
  private readonly ctx: Ctx;
  private root: Matcher;
  /** The matcher compiled for deep subjects (see explicitRepeat), once one overflowed the JS stack. */
  private deep: Matcher | null = null;
  private readonly node: Node;
  /** The pattern as a JS RegExp, when one means exactly the same (translate.ts). */
  private readonly js: Translation | null;
  /** A test the first character of every match passes, to skip hopeless start positions in a search. */
  private readonly first: Test | null;
  /** The pattern can only match at the string's start (`\A…`, `^…` without MULTILINE). */
  private readonly anchored: boolean;
  /** Length of a spans array: two slots a group (group 0 included), then lastindex. */
  private readonly size: number;

  constructor(
    node: Node,
    readonly groups: number,
  ) {
    this.ctx = { s: new Int32Array(0), end: 0, caps: [] };
    this.node = node;
    this.js = translate(node, groups);
    stackless = alwaysStackless;
    try {
      this.root = compile(node, this.ctx);
    } finally {
      stackless = false;
    }
    this.first = firstTest(node);
    this.anchored = isAnchored(node);
    this.size = 2 * (groups + 1) + 1;
  }

  /**
   * Matches in `s[pos:endpos]` (as MATCH at pos, SEARCH from pos, or
   * FULLMATCH): the spans of the groups (-1 when unset) then lastindex,
   * or null.
   */
  exec(subject: Subject, pos: number, endpos: number, mode: number, mustAdvance = false, allowJs = true): number[] | null {
    if (allowJs && !mustAdvance && this.js !== null && useTranslations) {
      const text = subject.plainText;
      if (text !== null) {
        const r = this.execJs(text, pos, endpos, mode);
        if (r !== undefined) return r;
      }
    }
    const s = subject.codes;
    const ctx = this.ctx;
    const savedS = ctx.s;
    const savedEnd = ctx.end;
    const savedCaps = ctx.caps;
    // A callback (a repl function) may run another match with this program: give each run its own state.
    ctx.s = s;
    ctx.end = endpos;
    const caps: number[] = [];
    for (let i = 0; i < this.size; i++) caps.push(-1);
    ctx.caps = caps;
    try {
      try {
        return this.run(pos, endpos, mode, mustAdvance);
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
      }
      // Too many iterations of a repeat for the JS stack: again, with repeats that keep their backtracking on the heap.
      if (this.deep === null) {
        stackless = true;
        try {
          this.deep = compile(this.node, ctx);
        } finally {
          stackless = false;
        }
      }
      const fast = this.root;
      this.root = this.deep;
      try {
        return this.run(pos, endpos, mode, mustAdvance);
      } finally {
        this.root = fast;
      }
    } catch (e) {
      if (e instanceof RangeError) throw new RecursionError('maximum recursion depth exceeded');
      throw e;
    } finally {
      ctx.s = savedS;
      ctx.end = savedEnd;
      ctx.caps = savedCaps;
    }
  }

  /**
   * For match/search/fullmatch: the translated RegExp's result without
   * group spans, when the pattern has a translation, the subject's UTF-16
   * indices are its code point indices and V8 did not give up; its groups'
   * texts are the match's, and `spans` gives their spans when asked. Else
   * undefined (run `exec`).
   */
  execQuick(subject: Subject, pos: number, endpos: number, mode: number): RegExpExecArray | null | undefined {
    const js = this.js;
    if (js === null || !useTranslations) return undefined;
    const text = subject.plainText;
    if (text === null) return undefined;
    if (pos > endpos) return null;
    const quick = js.quick;
    const re = mode === SEARCH ? quick.search : mode === MATCH ? quick.sticky : quick.full;
    re.lastIndex = pos;
    try {
      return re.exec(endpos < text.length ? text.slice(0, endpos) : text);
    } catch {
      return undefined;
    }
  }

  /** The spans (as `exec` gives them) of the match `execQuick` found with these arguments: the same match, run again with spans. */
  spans(subject: Subject, pos: number, endpos: number, mode: number): number[] {
    return this.exec(subject, pos, endpos, mode)!;
  }

  /**
   * The translated RegExp's answer for a subject whose UTF-16 indices are
   * its code point indices; undefined when V8 gave up (then the engine runs).
   */
  private execJs(text: string, pos: number, endpos: number, mode: number): number[] | null | undefined {
    const js = this.js!;
    if (pos > endpos) return null;
    const re = mode === SEARCH ? js.search : mode === MATCH ? js.sticky : js.full;
    const subject = endpos < text.length ? text.slice(0, endpos) : text;
    re.lastIndex = pos;
    let m: RegExpExecArray | null;
    try {
      m = re.exec(subject);
    } catch {
      return undefined;
    }
    if (m === null) return null;
    if (this.groups === 0) return [m.index, m.index + m[0].length, -1];
    const indices = m.indices!;
    const caps: number[] = [];
    for (let g = 0; g <= this.groups; g++) {
      const span = indices[g];
      if (span === undefined) caps.push(-1, -1);
      else caps.push(span[0], span[1]);
    }
    let last = -1;
    for (const g of js.closeOrder) if (caps[2 * g]! >= 0) last = g;
    caps.push(last);
    return caps;
  }

  private run(pos: number, endpos: number, mode: number, mustAdvance: boolean): number[] | null {
    const ctx = this.ctx;
    const caps = ctx.caps;
    let matchEnd = -1;
    let start = pos;
    const accept: Cont =
      mode === FULLMATCH
        ? (j) => j === endpos && ((matchEnd = j), true)
        : mustAdvance
          ? (j) => (j === pos && start === pos ? false : ((matchEnd = j), true))
          : (j) => ((matchEnd = j), true);
    if (pos > endpos) return null;
    const last = mode === SEARCH ? (this.anchored ? Math.min(pos, endpos) : endpos) : pos;
    const first = this.first;
    const s = ctx.s;
    for (start = pos; start <= last; start++) {
      if (first !== null && mode === SEARCH) {
        while (start < endpos && !first(s[start]!)) start++;
        if (start >= endpos) break;
      }
      caps.fill(-1);
      if (this.root(start, accept)) {
        caps[0] = start;
        caps[1] = matchEnd;
        return caps;
      }
    }
    return null;
  }
}


/** Set while compiling the stack-safe matcher of a program (compile time only). */
let stackless = false;
let alwaysStackless = false;

let useTranslations = true;

/** For tests: whether matches may use the translated RegExps (off, the engine's own matcher is checked). */
export function useRegExpTranslations(on: boolean): void {
  useTranslations = on;
}

/** For tests: programs made from now on use only the stack-safe matcher (so that it can be checked against CPython). */
export function useStacklessRepeats(on: boolean): void {
  alwaysStackless = on;
}

/** Copies the spans saved in `from` back into `caps`. */
function restore(caps: number[], from: readonly number[]): void {
  for (let i = 0; i < from.length; i++) caps[i] = from[i]!;
}

function setTest(items: readonly SetItem[], ascii: boolean): Test {
  const tests: Test[] = [];
  const chars = new Set<number>();
  for (const item of items) {
    if (item.kind === 'char') chars.add(item.c);
    else if (item.kind === 'range') {
      const { lo, hi } = item;
      tests.push((c) => c >= lo && c <= hi);
    } else tests.push(categoryTest(item.cat, ascii));
  }
  if (tests.length === 0) return (c) => chars.has(c);
  if (chars.size === 0 && tests.length === 1) return tests[0]!;
  return (c) => {
    if (chars.has(c)) return true;
    for (const t of tests) if (t(c)) return true;
    return false;
  };
}

function categoryTest(cat: string, ascii: boolean): Test {
  switch (cat) {
    case 'd': return (c) => isDigit(c, ascii);
    case 'D': return (c) => !isDigit(c, ascii);
    case 'w': return (c) => isWord(c, ascii);
    case 'W': return (c) => !isWord(c, ascii);
    case 's': return (c) => isSpace(c, ascii);
    default: return (c) => !isSpace(c, ascii);
  }
}

/** The character test of a one-character node, or null for other nodes. */
function charTest(node: Node): Test | null {
  switch (node.t) {
    case 'char': {
      const want = node.c;
      if (!node.ic) return (c) => c === want;
      const ascii = node.ascii;
      if (ascii) {
        const lw = asciiLower(want);
        return (c) => c === want || asciiLower(c) === lw;
      }
      return (c) => c === want || caseEqual(c, want, false);
    }
    case 'set': {
      const base = setTest(node.items, node.ascii);
      const negate = node.negate;
      if (!node.ic) return negate ? (c) => !base(c) : base;
      const ascii = node.ascii;
      const inSet: Test = (c) => {
        if (base(c)) return true;
        for (const v of caseVariants(c, ascii)) if (base(v)) return true;
        return false;
      };
      return negate ? (c) => !inSet(c) : inSet;
    }
    case 'any':
      return node.dotall ? () => true : (c) => c !== 10;
    default:
      return null;
  }
}

function firstTest(node: Node): Test | null {
  switch (node.t) {
    case 'char':
    case 'set':
      return charTest(node);
    case 'seq':
      // Assertions consume nothing: the first character is the next item's.
      for (const item of node.items) {
        if (item.t === 'at' || item.t === 'look') continue;
        return firstTest(item);
      }
      return null;
    case 'group':
    case 'atomic':
      return firstTest(node.body);
    case 'repeat':
      return node.min > 0 ? firstTest(node.body) : null;
    default:
      return null;
  }
}

function isAnchored(node: Node): boolean {
  switch (node.t) {
    case 'at':
      return node.kind === 'beginString' || (node.kind === 'begin' && !node.multiline);
    case 'seq':
      return node.items.length > 0 && isAnchored(node.items[0]!);
    case 'group':
    case 'atomic':
      return isAnchored(node.body);
    case 'alt':
      return node.alts.every(isAnchored);
    default:
      return false;
  }
}

/**
 * `follow`, when not null, is a test the character right after this node
 * must pass for the rest of the pattern to match (what comes next must
 * consume one): a repeat gives back characters only where it passes.
 */
function compile(node: Node, ctx: Ctx, follow: Test | null = null): Matcher {
  const test = charTest(node);
  if (test !== null) return (i, k) => i < ctx.end && test(ctx.s[i]!) && k(i + 1);
  switch (node.t) {
    case 'seq':
      return compileSeq(node.items, ctx, follow);
    case 'alt': {
      const alts = node.alts.map((a) => compile(a, ctx, follow));
      return (i, k) => {
        for (const a of alts) if (a(i, k)) return true;
        return false;
      };
    }
    case 'group': {
      const body = compile(node.body, ctx, follow);
      const n = node.n;
      const a = 2 * n;
      const b = a + 1;
      return (i, k) =>
        body(i, (j) => {
          const caps = ctx.caps;
          // The last slot is lastindex: the group closed last.
          const last = caps.length - 1;
          const ps = caps[a]!;
          const pe = caps[b]!;
          const pl = caps[last]!;
          caps[a] = i;
          caps[b] = j;
          caps[last] = n;
          if (k(j)) return true;
          caps[a] = ps;
          caps[b] = pe;
          caps[last] = pl;
          return false;
        });
    }
    case 'repeat':
      return compileRepeat(node.min, node.max, node.kind, node.body, ctx, follow);
    case 'at':
      return compileAt(node, ctx);
    case 'backref':
      return compileBackref(node.n, node.ic, node.ascii, ctx);
    case 'look':
      return compileLook(node.body, node.behind ? node.width : 0, node.negate, ctx);
    case 'atomic':
      return atomic(compile(node.body, ctx), ctx);
    case 'cond': {
      const yes = compile(node.yes, ctx, follow);
      const no = node.no === null ? (i: number, k: Cont) => k(i) : compile(node.no, ctx, follow);
      const a = 2 * node.n;
      return (i, k) => (ctx.caps[a + 1]! >= 0 ? yes(i, k) : no(i, k));
    }
    default:
      throw new Error(`re: unexpected node ${node.t}`);
  }
}

/** The follow test of the items from `from` on, then of what comes after them (`outer`). */
function followOf(items: readonly Node[], from: number, outer: Test | null): Test | null {
  for (let t = from; t < items.length; t++) {
    const item = items[t]!;
    if (item.t === 'at' || item.t === 'look') continue;
    return firstTest(item);
  }
  return outer;
}

function compileSeq(items: readonly Node[], ctx: Ctx, follow: Test | null): Matcher {
  // Runs of one-character nodes test in a loop, without a continuation per character.
  const parts: Matcher[] = [];
  let run: Test[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const tests = run;
    const n = tests.length;
    run = [];
    parts.push((i, k) => {
      if (i + n > ctx.end) return false;
      const s = ctx.s;
      for (let t = 0; t < n; t++) if (!tests[t]!(s[i + t]!)) return false;
      return k(i + n);
    });
  };
  items.forEach((item, index) => {
    const t = charTest(item);
    if (t !== null) run.push(t);
    else {
      flush();
      parts.push(compile(item, ctx, followOf(items, index + 1, follow)));
    }
  });
  flush();
  if (parts.length === 0) return (i, k) => k(i);
  if (parts.length === 1) return parts[0]!;
  return parts.reduceRight((next: Matcher, head: Matcher): Matcher => (i, k) => head(i, (j) => next(j, k)));
}

function atomic(body: Matcher, ctx: Ctx): Matcher {
  return (i, k) => {
    const before = ctx.caps.slice();
    let end = -1;
    if (!body(i, (j) => ((end = j), true))) return false;
    if (k(end)) return true;
    restore(ctx.caps, before);
    return false;
  };
}

function compileRepeat(min: number, max: number, kind: 'greedy' | 'lazy' | 'possessive', bodyNode: Node, ctx: Ctx, follow: Test | null): Matcher {
  const test = charTest(bodyNode);
  if (test !== null && follow !== null && kind !== 'possessive') {
    // Only the lengths after which the next character can start the rest are worth a try.
    if (kind === 'lazy') {
      return (i, k) => {
        const s = ctx.s;
        const end = ctx.end;
        let n = 0;
        while (n < min) {
          if (i + n >= end || !test(s[i + n]!)) return false;
          n++;
        }
        for (;;) {
          const j = i + n;
          if (j < end && follow(s[j]!) && k(j)) return true;
          if (n >= max || j >= end || !test(s[j]!)) return false;
          n++;
        }
      };
    }
    return (i, k) => {
      const s = ctx.s;
      const end = ctx.end;
      const limit = Math.min(end, max === MAXREPEAT ? end : i + max);
      let j = i;
      while (j < limit && test(s[j]!)) j++;
      if (j - i < min) return false;
      for (; j >= i + min; j--) if (j < end && follow(s[j]!) && k(j)) return true;
      return false;
    };
  }
  if (test !== null) {
    // One character per iteration: count how far it can go, then try the continuation at each length.
    if (kind === 'lazy') {
      return (i, k) => {
        const s = ctx.s;
        const end = ctx.end;
        let n = 0;
        while (n < min) {
          if (i + n >= end || !test(s[i + n]!)) return false;
          n++;
        }
        for (;;) {
          if (k(i + n)) return true;
          if (n >= max || i + n >= end || !test(s[i + n]!)) return false;
          n++;
        }
      };
    }
    const possessive = kind === 'possessive';
    return (i, k) => {
      const s = ctx.s;
      const limit = Math.min(ctx.end, max === MAXREPEAT ? ctx.end : i + max);
      let j = i;
      while (j < limit && test(s[j]!)) j++;
      if (j - i < min) return false;
      if (possessive) return k(j);
      for (; j >= i + min; j--) if (k(j)) return true;
      return false;
    };
  }
  const body = compile(bodyNode, ctx);
  if (kind === 'possessive') return atomic(compileRepeat(min, max, 'greedy', bodyNode, ctx, null), ctx);
  const greedy = kind === 'greedy';
  if (deterministic(bodyNode)) return iterativeRepeat(body, min, max, greedy, ctx);
  if (stackless) return explicitRepeat(body, min, max, greedy, ctx);
  // `last` is where the previous optional iteration (one past min) started: one that matched empty ends the loop.
  const loop = (i: number, count: number, last: number, k: Cont): boolean => {
    if (count < min) return body(i, (j) => loop(j, count + 1, last, k));
    if (greedy) {
      if (count < max && i !== last && body(i, (j) => loop(j, count + 1, i, k))) return true;
      return k(i);
    }
    if (k(i)) return true;
    return count < max && i !== last && body(i, (j) => loop(j, count + 1, i, k));
  };
  return (i, k) => loop(i, 0, -1, k);
}

/**
 * A repeat whose body matches in at most one way at a position: its
 * iterations run in a loop (their ends, and the captures after each, kept
 * on the heap), so that long subjects do not exhaust the JS stack. The
 * order of attempts is the recursive loop's.
 */
function iterativeRepeat(body: Matcher, min: number, max: number, greedy: boolean, ctx: Ctx): Matcher {
  return (i, k) => {
    const ends: number[] = [i];
    const snapshots: number[][] = [ctx.caps.slice()];
    let end = -1;
    const found: Cont = (j) => ((end = j), true);
    let pos = i;
    let last = -1;
    // One more iteration from `pos` (false when the body fails or the loop must stop).
    const step = (count: number): boolean => {
      if (count >= max || (count >= min && pos === last)) return false;
      if (!body(pos, found)) return false;
      if (count >= min) last = pos;
      pos = end;
      ends.push(pos);
      snapshots.push(ctx.caps.slice());
      return true;
    };
    let count = 0;
    while (count < min) {
      if (!step(count)) {
        restore(ctx.caps, snapshots[0]!);
        return false;
      }
      count++;
    }
    if (greedy) {
      while (step(count)) count++;
      for (let c = count; c >= min; c--) {
        restore(ctx.caps, snapshots[c]!);
        if (k(ends[c]!)) return true;
      }
      restore(ctx.caps, snapshots[0]!);
      return false;
    }
    for (;;) {
      restore(ctx.caps, snapshots[count]!);
      if (k(ends[count]!)) return true;
      if (!step(count)) break;
      count++;
    }
    restore(ctx.caps, snapshots[0]!);
    return false;
  };
}

/** One iteration level of explicitRepeat. */
interface Level {
  pos: number;
  count: number;
  /** Where the previous optional iteration started. */
  last: number;
  /** The spans when the level was entered. */
  caps: number[];
  /** The body's ends at pos, most preferred first, with the spans after each; null until computed. */
  ends: number[] | null;
  snaps: number[][];
  next: number;
}

/**
 * A repeat of any body, with its backtracking on the heap: each level
 * lists every way the body matches at its position (in order), and levels
 * are explored depth first, as the recursive loop explores them. Listing
 * all the ways up front costs more than the recursive loop, which stops at
 * the first that works: this serves only subjects too long for the stack.
 */
function explicitRepeat(body: Matcher, min: number, max: number, greedy: boolean, ctx: Ctx): Matcher {
  return (i, k) => {
    const base = ctx.caps.slice();
    const stack: Level[] = [{ pos: i, count: 0, last: -1, caps: base, ends: null, snaps: [], next: 0 }];
    while (stack.length > 0) {
      const level = stack[stack.length - 1]!;
      if (level.ends === null) {
        if (!greedy && level.count >= min) {
          restore(ctx.caps, level.caps);
          if (k(level.pos)) return true;
        }
        const ends: number[] = [];
        const snaps: number[][] = [];
        if (level.count < min || (level.count < max && level.pos !== level.last)) {
          restore(ctx.caps, level.caps);
          body(level.pos, (j) => {
            ends.push(j);
            snaps.push(ctx.caps.slice());
            return false;
          });
        }
        level.ends = ends;
        level.snaps = snaps;
      }
      if (level.next < level.ends.length) {
        const n = level.next++;
        const last = level.count < min ? level.last : level.pos;
        stack.push({ pos: level.ends[n]!, count: level.count + 1, last, caps: level.snaps[n]!, ends: null, snaps: [], next: 0 });
        continue;
      }
      stack.pop();
      if (greedy && level.count >= min) {
        restore(ctx.caps, level.caps);
        if (k(level.pos)) return true;
      }
    }
    restore(ctx.caps, base);
    return false;
  };
}

/** Whether `node` can match in at most one way at a given position (so a loop over it needs no backtracking into it). */
function deterministic(node: Node): boolean {
  switch (node.t) {
    case 'char':
    case 'set':
    case 'any':
    case 'at':
    case 'backref':
    case 'look':
    case 'atomic':
      return true;
    case 'seq':
      return node.items.every(deterministic);
    case 'group':
      return deterministic(node.body);
    case 'repeat':
      return node.kind === 'possessive' || (node.min === node.max && deterministic(node.body));
    case 'cond':
      return deterministic(node.yes) && (node.no === null || deterministic(node.no));
    case 'alt': {
      if (!node.alts.every(deterministic)) return false;
      const heads = node.alts.map(leadingChar);
      // Alternatives are exclusive when each starts with a different required character, or all but one do and it rejects them.
      for (let a = 0; a < heads.length; a++) {
        for (let b = a + 1; b < heads.length; b++) if (!exclusive(heads[a]!, heads[b]!)) return false;
      }
      return true;
    }
  }
}

/** The first node every match of `node` starts with a character of: a one-character node, or null. */
function leadingChar(node: Node): Node | null {
  switch (node.t) {
    case 'char':
    case 'set':
    case 'any':
      return node;
    case 'seq':
      return node.items.length > 0 ? leadingChar(node.items[0]!) : null;
    case 'group':
    case 'atomic':
      return leadingChar(node.body);
    case 'repeat':
      return node.min > 0 ? leadingChar(node.body) : null;
    default:
      return null;
  }
}

function exclusive(a: Node | null, b: Node | null): boolean {
  if (a === null || b === null) return false;
  if (a.t === 'char' && b.t === 'char') return !charTest(a)!(b.c) && !charTest(b)!(a.c);
  if (a.t === 'char') return !charTest(b)!(a.c) && !a.ic;
  if (b.t === 'char') return !charTest(a)!(b.c) && !b.ic;
  return false;
}

function compileAt(node: Extract<Node, { t: 'at' }>, ctx: Ctx): Matcher {
  const ascii = node.ascii;
  switch (node.kind) {
    case 'beginString':
      return (i, k) => i === 0 && k(i);
    case 'endString':
      return (i, k) => i === ctx.end && k(i);
    case 'begin':
      return node.multiline ? (i, k) => (i === 0 || ctx.s[i - 1] === 10) && k(i) : (i, k) => i === 0 && k(i);
    case 'end':
      return node.multiline
        ? (i, k) => (i === ctx.end || ctx.s[i] === 10) && k(i)
        : (i, k) => (i === ctx.end || (i === ctx.end - 1 && ctx.s[i] === 10)) && k(i);
    case 'boundary':
    case 'nonBoundary': {
      const want = node.kind === 'boundary';
      return (i, k) => {
        if (ctx.end === 0) return false;
        const before = i > 0 && isWord(ctx.s[i - 1]!, ascii);
        const after = i < ctx.end && isWord(ctx.s[i]!, ascii);
        return (before !== after) === want && k(i);
      };
    }
  }
}

function compileBackref(n: number, ic: boolean, ascii: boolean, ctx: Ctx): Matcher {
  const a = 2 * n;
  return (i, k) => {
    const caps = ctx.caps;
    const gs = caps[a]!;
    const ge = caps[a + 1]!;
    if (gs < 0 || ge < 0) return false;
    const len = ge - gs;
    if (i + len > ctx.end) return false;
    const s = ctx.s;
    for (let t = 0; t < len; t++) {
      const x = s[gs + t]!;
      const y = s[i + t]!;
      // sre compares a backreference by lowercase alone (no extra case equivalences).
      if (x !== y && !(ic && (ascii ? asciiLower(x) === asciiLower(y) : lower(x) === lower(y)))) return false;
    }
    return k(i + len);
  };
}

function compileLook(bodyNode: Node, width: number, negate: boolean, ctx: Ctx): Matcher {
  const body = compile(bodyNode, ctx);
  const behind = width > 0;
  return (i, k) => {
    const from = i - width;
    if (from < 0) return negate && k(i);
    const before = ctx.caps.slice();
    const found = body(from, behind ? (j) => j === i : () => true);
    if (negate) {
      restore(ctx.caps, before);
      return !found && k(i);
    }
    if (!found) return false;
    if (k(i)) return true;
    restore(ctx.caps, before);
    return false;
  };
}
