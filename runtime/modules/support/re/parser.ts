/**
 * Python's regular expression syntax, parsed into ast.ts nodes with
 * CPython's error messages and positions (counted in code points, as Python
 * counts a str). Bytes patterns arrive as latin-1 text.
 */
import {
  FLAG_ASCII, FLAG_DEBUG, FLAG_DOTALL, FLAG_IGNORECASE, FLAG_LOCALE, FLAG_MULTILINE, FLAG_TEMPLATE, FLAG_UNICODE, FLAG_VERBOSE, MAXREPEAT,
  type Category, type Node, type ParsedPattern, type SetItem,
} from './ast.js';

/** A bad pattern: re.error(msg, pattern, pos), or OverflowError / ValueError for a few CPython raises so. */
export class PatternError {
  constructor(
    readonly msg: string,
    readonly pos: number | null,
    readonly kind: 'error' | 'overflow' | 'value' = 'error',
  ) {}
}

const FLAG_CHARS: Record<string, number> = {
  i: FLAG_IGNORECASE, L: FLAG_LOCALE, m: FLAG_MULTILINE, s: FLAG_DOTALL, x: FLAG_VERBOSE, a: FLAG_ASCII, t: FLAG_TEMPLATE, u: FLAG_UNICODE,
};
const TYPE_FLAGS = FLAG_ASCII | FLAG_LOCALE | FLAG_UNICODE;
const GLOBAL_FLAGS = FLAG_DEBUG | FLAG_TEMPLATE;
const MAXGROUPS = 1073741823;
const WHITESPACE = ' \t\n\r\v\f';
const SPECIAL = '.\\[{()*+?^$|';
const DIGITS = '0123456789';
const OCTDIGITS = '01234567';
const HEXDIGITS = '0123456789abcdefABCDEF';
const ASCIILETTERS = /^[a-zA-Z]$/;
const ESCAPES: Record<string, number> = { '\\a': 7, '\\b': 8, '\\f': 12, '\\n': 10, '\\r': 13, '\\t': 9, '\\v': 11, '\\\\': 92 };
const CATEGORY_ESCAPES = new Set(['\\d', '\\D', '\\s', '\\S', '\\w', '\\W']);
const IDENTIFIER = /^[\p{L}\p{Nl}_\u1885\u1886\u2118\u212e\u309b\u309c][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\u00b7\u0387\u1369-\u1371\u19da\u1885\u1886\u2118\u212e\u309b\u309c]*$/u;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name.normalize('NFKC'));
}

/** CPython's `%r` of a str, enough for group names and character names in messages. */
export function pyQuote(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch.codePointAt(0)! < 0x20 || ch.codePointAt(0) === 0x7f) out += '\\x' + ch.codePointAt(0)!.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}

/** The pattern as tokens: one character, or a backslash and the character after it. */
export class Tokenizer {
  readonly chars: string[];
  index = 0;
  next: string | null = null;

  /** A str pattern (bytes patterns have no \u, \U or \N escapes). */
  readonly isText: boolean;

  /** Where CPython's FutureWarnings about a set's meaning in future versions go (none: they are dropped). */
  readonly warn: (message: string) => void;

  constructor(pattern: string, isText = true, warn: (message: string) => void = () => {}) {
    this.isText = isText;
    this.warn = warn;
    this.chars = Array.from(pattern);
    this.advance();
  }

  private advance(): void {
    let index = this.index;
    if (index >= this.chars.length) {
      this.next = null;
      return;
    }
    let ch = this.chars[index]!;
    if (ch === '\\') {
      index++;
      if (index >= this.chars.length) throw new PatternError('bad escape (end of pattern)', this.chars.length - 1);
      ch += this.chars[index]!;
    }
    this.index = index + 1;
    this.next = ch;
  }

  match(ch: string): boolean {
    if (ch === this.next) {
      this.advance();
      return true;
    }
    return false;
  }

  get(): string | null {
    const t = this.next;
    this.advance();
    return t;
  }

  getwhile(n: number, charset: string): string {
    let out = '';
    for (let i = 0; i < n; i++) {
      const c = this.next;
      if (c === null || c.length !== 1 || !charset.includes(c)) break;
      out += c;
      this.advance();
    }
    return out;
  }

  getuntil(terminator: string, name: string): string {
    let out = '';
    for (;;) {
      const c = this.next;
      this.advance();
      if (c === null) {
        if (out === '') throw this.error(`missing ${name}`);
        throw this.error(`missing ${terminator}, unterminated name`, len(out));
      }
      if (c === terminator) {
        if (out === '') throw this.error(`missing ${name}`, 1);
        break;
      }
      out += c;
    }
    return out;
  }

  tell(): number {
    return this.index - (this.next === null ? 0 : len(this.next));
  }

  seek(index: number): void {
    this.index = index;
    this.advance();
  }

  error(msg: string, offset = 0): PatternError {
    return new PatternError(msg, this.tell() - offset);
  }

  checkGroupName(name: string, offset: number): void {
    if (!isIdentifier(name)) throw this.error(`bad character in group name ${pyQuote(name)}`, len(name) + offset);
  }
}

/** Length in code points. */
export function len(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      const d = s.charCodeAt(i + 1);
      n++;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

function cp(s: string): number {
  return s.codePointAt(0)!;
}

type Width = [number, number];
const INF = Number.POSITIVE_INFINITY;

class State {
  flags: number;
  groupdict = new Map<string, number>();
  groupwidths: (Width | null)[] = [null];
  lookbehindgroups: number | null = null;
  grouprefpos = new Map<number, number>();

  constructor(flags: number, readonly isText: boolean) {
    this.flags = flags;
  }

  get groups(): number {
    return this.groupwidths.length;
  }

  opengroup(name: string | null): number {
    const gid = this.groups;
    this.groupwidths.push(null);
    if (this.groups > MAXGROUPS) throw new PatternError('too many groups', null);
    if (name !== null) {
      const old = this.groupdict.get(name);
      if (old !== undefined) throw new PatternError(`redefinition of group name ${pyQuote(name)} as group ${gid}; was group ${old}`, null);
      this.groupdict.set(name, gid);
    }
    return gid;
  }

  checkgroup(gid: number): boolean {
    return gid < this.groups && this.groupwidths[gid] !== null;
  }

  checklookbehindgroup(gid: number, source: Tokenizer): void {
    if (this.lookbehindgroups !== null) {
      if (!this.checkgroup(gid)) throw source.error('cannot refer to an open group');
      if (gid >= this.lookbehindgroups) throw source.error('cannot refer to group defined in the same lookbehind subpattern');
    }
  }
}

/** Scoped flags: those added and removed by the enclosing `(?flags:…)` groups. */
interface Scope {
  add: number;
  del: number;
}

function effective(state: State, scope: Scope): number {
  return (state.flags | scope.add) & ~scope.del;
}

/** The (min, max) width of a node, as CPython computes it for look-behind checks. */
export function widthOf(node: Node, groupwidths: readonly (Width | null)[]): Width {
  switch (node.t) {
    case 'char':
    case 'set':
    case 'any':
      return [1, 1];
    case 'seq': {
      let lo = 0;
      let hi = 0;
      for (const item of node.items) {
        const [l, h] = widthOf(item, groupwidths);
        lo += l;
        hi += h;
      }
      return [lo, hi];
    }
    case 'alt': {
      let lo = INF;
      let hi = 0;
      for (const a of node.alts) {
        const [l, h] = widthOf(a, groupwidths);
        lo = Math.min(lo, l);
        hi = Math.max(hi, h);
      }
      return [lo, hi];
    }
    case 'group':
    case 'atomic':
      return widthOf(node.body, groupwidths);
    case 'repeat': {
      const [l, h] = widthOf(node.body, groupwidths);
      return [l * node.min, node.max === MAXREPEAT && h ? INF : h * node.max];
    }
    case 'backref':
      return groupwidths[node.n] ?? [0, 0];
    case 'cond': {
      let [lo, hi] = widthOf(node.yes, groupwidths);
      if (node.no !== null) {
        const [l, h] = widthOf(node.no, groupwidths);
        lo = Math.min(lo, l);
        hi = Math.max(hi, h);
      } else lo = 0;
      return [lo, hi];
    }
    default:
      return [0, 0];
  }
}

function seq(items: Node[]): Node {
  return items.length === 1 ? items[0]! : { t: 'seq', items };
}

function classEscape(source: Tokenizer, escape: string): SetItem {
  const code = ESCAPES[escape];
  if (code !== undefined) return { kind: 'char', c: code };
  if (CATEGORY_ESCAPES.has(escape)) return { kind: 'category', cat: escape[1] as Category };
  const c = escape.slice(1);
  const lit = numericEscape(source, escape, c, true);
  if (lit !== null) return { kind: 'char', c: lit };
  throw source.error(`bad escape ${escape}`, len(escape));
}

/** \x, \u, \U, \N and octal escapes, shared by sets and the pattern body; null when `escape` is none of them. */
function numericEscape(source: Tokenizer, escape: string, c: string, inClass: boolean): number | null {
  if (c === 'x') {
    escape += source.getwhile(2, HEXDIGITS);
    if (escape.length !== 4) throw source.error(`incomplete escape ${escape}`, escape.length);
    return parseInt(escape.slice(2), 16);
  }
  if (c === 'u' && source.isText) {
    escape += source.getwhile(4, HEXDIGITS);
    if (escape.length !== 6) throw source.error(`incomplete escape ${escape}`, escape.length);
    return parseInt(escape.slice(2), 16);
  }
  if (c === 'U' && source.isText) {
    escape += source.getwhile(8, HEXDIGITS);
    if (escape.length !== 10) throw source.error(`incomplete escape ${escape}`, escape.length);
    const v = parseInt(escape.slice(2), 16);
    if (v > 0x10ffff) throw source.error(`bad escape ${escape}`, escape.length);
    return v;
  }
  if (c === 'N' && source.isText) {
    if (!source.match('{')) throw source.error('missing {');
    const name = source.getuntil('}', 'character name');
    // No Unicode name table in the runtime: every name is unknown (README, Differences).
    throw source.error(`undefined character name ${pyQuote(name)}`, len(name) + 4);
  }
  if (inClass && OCTDIGITS.includes(c)) {
    escape += source.getwhile(2, OCTDIGITS);
    const v = parseInt(escape.slice(1), 8);
    if (v > 0o377) throw source.error(`octal escape value ${escape} outside of range 0-0o377`, escape.length);
    return v;
  }
  if (inClass && DIGITS.includes(c)) throw source.error(`bad escape ${escape}`, escape.length);
  if (escape.length === 2) {
    if (ASCIILETTERS.test(c)) throw source.error(`bad escape ${escape}`, escape.length);
    if (!inClass) return null;
    return cp(c);
  }
  return null;
}


function escapeNode(source: Tokenizer, escape: string, state: State, flags: number): Node {
  const ic = (flags & FLAG_IGNORECASE) !== 0;
  const ascii = (flags & FLAG_ASCII) !== 0 || !state.isText;
  const multiline = (flags & FLAG_MULTILINE) !== 0;
  switch (escape) {
    case '\\A': return { t: 'at', kind: 'beginString', multiline, ascii };
    case '\\Z': return { t: 'at', kind: 'endString', multiline, ascii };
    case '\\b': return { t: 'at', kind: 'boundary', multiline, ascii };
    case '\\B': return { t: 'at', kind: 'nonBoundary', multiline, ascii };
  }
  if (CATEGORY_ESCAPES.has(escape)) return { t: 'set', negate: false, items: [{ kind: 'category', cat: escape[1] as Category }], ic, ascii };
  const code = ESCAPES[escape];
  if (code !== undefined) return { t: 'char', c: code, ic, ascii };
  const c = escape.slice(1);
  if (c === '0') {
    escape += source.getwhile(2, OCTDIGITS);
    return { t: 'char', c: parseInt(escape.slice(1), 8), ic, ascii };
  }
  if (DIGITS.includes(c)) {
    if (source.next !== null && DIGITS.includes(source.next)) {
      escape += source.get()!;
      if (OCTDIGITS.includes(escape[1]!) && OCTDIGITS.includes(escape[2]!) && source.next !== null && OCTDIGITS.includes(source.next)) {
        escape += source.get()!;
        const v = parseInt(escape.slice(1), 8);
        if (v > 0o377) throw source.error(`octal escape value ${escape} outside of range 0-0o377`, escape.length);
        return { t: 'char', c: v, ic, ascii };
      }
    }
    const group = parseInt(escape.slice(1), 10);
    if (group < state.groups) {
      if (!state.checkgroup(group)) throw source.error('cannot refer to an open group', escape.length);
      state.checklookbehindgroup(group, source);
      return { t: 'backref', n: group, ic, ascii };
    }
    throw source.error(`invalid group reference ${group}`, escape.length - 1);
  }
  const lit = numericEscape(source, escape, c, false);
  if (lit !== null) return { t: 'char', c: lit, ic, ascii };
  if (escape.length === 2) return { t: 'char', c: cp(c), ic, ascii };
  throw source.error(`bad escape ${escape}`, len(escape));
}

function parseSub(source: Tokenizer, state: State, verbose: boolean, nested: number, scope: Scope): Node {
  const items: Node[] = [];
  for (;;) {
    items.push(parseSeq(source, state, verbose, nested + 1, nested === 0 && items.length === 0, scope));
    if (!source.match('|')) break;
    if (nested === 0) verbose = (state.flags & FLAG_VERBOSE) !== 0;
  }
  return items.length === 1 ? items[0]! : { t: 'alt', alts: items };
}

function parseSeq(source: Tokenizer, state: State, verbose: boolean, nested: number, first: boolean, scope: Scope): Node {
  const out: Node[] = [];
  for (;;) {
    const thisTok = source.next;
    if (thisTok === null || thisTok === '|' || thisTok === ')') break;
    source.get();
    if (verbose) {
      if (WHITESPACE.includes(thisTok)) continue;
      if (thisTok === '#') {
        for (;;) {
          const t = source.get();
          if (t === null || t === '\n') break;
        }
        continue;
      }
    }
    const flags = effective(state, scope);
    const ic = (flags & FLAG_IGNORECASE) !== 0;
    const ascii = (flags & FLAG_ASCII) !== 0 || !state.isText;
    if (thisTok[0] === '\\') {
      out.push(escapeNode(source, thisTok, state, flags));
    } else if (!SPECIAL.includes(thisTok)) {
      out.push({ t: 'char', c: cp(thisTok), ic, ascii });
    } else if (thisTok === '[') {
      out.push(parseSet(source, ic, ascii));
    } else if ('*+?{'.includes(thisTok)) {
      const here = source.tell();
      let min: number;
      let max: number;
      if (thisTok === '?') [min, max] = [0, 1];
      else if (thisTok === '*') [min, max] = [0, MAXREPEAT];
      else if (thisTok === '+') [min, max] = [1, MAXREPEAT];
      else {
        if (source.next === '}') {
          out.push({ t: 'char', c: cp(thisTok), ic, ascii });
          continue;
        }
        [min, max] = [0, MAXREPEAT];
        let lo = '';
        let hi = '';
        while (source.next !== null && DIGITS.includes(source.next)) lo += source.get()!;
        if (source.match(',')) {
          while (source.next !== null && DIGITS.includes(source.next)) hi += source.get()!;
        } else hi = lo;
        if (!source.match('}')) {
          out.push({ t: 'char', c: cp(thisTok), ic, ascii });
          source.seek(here);
          continue;
        }
        if (lo !== '') {
          min = Number(lo);
          if (min >= MAXREPEAT) throw new PatternError('the repetition number is too large', null, 'overflow');
        }
        if (hi !== '') {
          max = Number(hi);
          if (max >= MAXREPEAT) throw new PatternError('the repetition number is too large', null, 'overflow');
          if (max < min) throw source.error('min repeat greater than max repeat', source.tell() - here);
        }
      }
      const item = out.length > 0 ? out[out.length - 1]! : null;
      if (item === null || item.t === 'at') throw source.error('nothing to repeat', source.tell() - here + len(thisTok));
      if (item.t === 'repeat') {
        throw source.error('multiple repeat', source.tell() - here + len(thisTok));
      }
      const kind = source.match('?') ? 'lazy' : source.match('+') ? 'possessive' : 'greedy';
      out[out.length - 1] = { t: 'repeat', min, max, kind, body: item };
    } else if (thisTok === '.') {
      out.push({ t: 'any', dotall: (flags & FLAG_DOTALL) !== 0 });
    } else if (thisTok === '(') {
      const node = parseGroup(source, state, verbose, nested, first && out.length === 0, scope);
      if (node === 'global') {
        verbose = (state.flags & FLAG_VERBOSE) !== 0;
        continue;
      }
      if (node !== null) out.push(node);
    } else if (thisTok === '^') {
      out.push({ t: 'at', kind: 'begin', multiline: (flags & FLAG_MULTILINE) !== 0, ascii });
    } else if (thisTok === '$') {
      out.push({ t: 'at', kind: 'end', multiline: (flags & FLAG_MULTILINE) !== 0, ascii });
    }
  }
  return seq(out);
}

const SET_OPERATIONS: Record<string, string> = { '-': 'difference', '&': 'intersection', '~': 'symmetric difference', '|': 'union' };

function parseSet(source: Tokenizer, ic: boolean, ascii: boolean): Node {
  const here = source.tell() - 1;
  const items: SetItem[] = [];
  if (source.next === '[') source.warn(`Possible nested set at position ${source.tell()}`);
  const negate = source.match('^');
  for (;;) {
    const thisTok = source.get();
    if (thisTok === null) throw source.error('unterminated character set', source.tell() - here);
    if (thisTok === ']' && items.length > 0) break;
    if (items.length > 0 && thisTok in SET_OPERATIONS && source.next === thisTok) {
      source.warn(`Possible set ${SET_OPERATIONS[thisTok]!} at position ${source.tell() - 1}`);
    }
    // A leading ']' is a literal (items is still empty).
    let code1: SetItem = thisTok[0] === '\\' ? classEscape(source, thisTok) : { kind: 'char', c: cp(thisTok) };
    if (source.match('-')) {
      const that = source.get();
      if (that === null) throw source.error('unterminated character set', source.tell() - here);
      if (that === ']') {
        items.push(code1, { kind: 'char', c: 45 });
        break;
      }
      if (that === '-') source.warn(`Possible set difference at position ${source.tell() - 2}`);
      const code2: SetItem = that[0] === '\\' ? classEscape(source, that) : { kind: 'char', c: cp(that) };
      if (code1.kind !== 'char' || code2.kind !== 'char' || code2.c < code1.c) {
        throw source.error(`bad character range ${thisTok}-${that}`, len(thisTok) + 1 + len(that));
      }
      code1 = { kind: 'range', lo: code1.c, hi: code2.c };
    }
    items.push(code1);
  }
  if (items.length === 1 && items[0]!.kind === 'char' && !negate) return { t: 'char', c: items[0]!.c, ic, ascii };
  return { t: 'set', negate, items, ic, ascii };
}

/** A `(…)` construct after its `(`: a node, null for a comment, 'global' for global flags. */
function parseGroup(source: Tokenizer, state: State, verbose: boolean, nested: number, first: boolean, scope: Scope): Node | null | 'global' {
  const start = source.tell() - 1;
  let capture = true;
  let atomic = false;
  let name: string | null = null;
  let inner = scope;
  let subVerbose = verbose;
  if (source.match('?')) {
    const ch = source.get();
    if (ch === null) throw source.error('unexpected end of pattern');
    if (ch === 'P') {
      if (source.match('<')) {
        name = source.getuntil('>', 'group name');
        source.checkGroupName(name, 1);
      } else if (source.match('=')) {
        const ref = source.getuntil(')', 'group name');
        source.checkGroupName(ref, 1);
        const gid = state.groupdict.get(ref);
        if (gid === undefined) throw source.error(`unknown group name ${pyQuote(ref)}`, len(ref) + 1);
        if (!state.checkgroup(gid)) throw source.error('cannot refer to an open group', len(ref) + 1);
        state.checklookbehindgroup(gid, source);
        const flags = effective(state, scope);
        return { t: 'backref', n: gid, ic: (flags & FLAG_IGNORECASE) !== 0, ascii: (flags & FLAG_ASCII) !== 0 || !state.isText };
      } else {
        const c = source.get();
        if (c === null) throw source.error('unexpected end of pattern');
        throw source.error(`unknown extension ?P${c}`, len(c) + 2);
      }
    } else if (ch === ':') {
      capture = false;
    } else if (ch === '#') {
      for (;;) {
        if (source.next === null) throw source.error('missing ), unterminated comment', source.tell() - start);
        if (source.get() === ')') break;
      }
      return null;
    } else if (ch === '=' || ch === '!' || ch === '<') {
      let kind = ch;
      let behind = false;
      let outerLookbehind: number | null = null;
      if (ch === '<') {
        const c = source.get();
        if (c === null) throw source.error('unexpected end of pattern');
        if (c !== '=' && c !== '!') throw source.error(`unknown extension ?<${c}`, len(c) + 2);
        kind = c;
        behind = true;
        outerLookbehind = state.lookbehindgroups;
        if (outerLookbehind === null) state.lookbehindgroups = state.groups;
      }
      const body = parseSub(source, state, verbose, nested + 1, scope);
      if (behind && outerLookbehind === null) state.lookbehindgroups = null;
      if (!source.match(')')) throw source.error('missing ), unterminated subpattern', source.tell() - start);
      let width = 0;
      if (behind) {
        const [lo, hi] = widthOf(body, state.groupwidths);
        if (lo !== hi) throw new PatternError('look-behind requires fixed-width pattern', null);
        width = lo;
      }
      return { t: 'look', behind, negate: kind === '!', body, width };
    } else if (ch === '(') {
      const condname = source.getuntil(')', 'group name');
      let condgroup: number;
      if (isIdentifier(condname)) {
        source.checkGroupName(condname, 1);
        const g = state.groupdict.get(condname);
        if (g === undefined) throw source.error(`unknown group name ${pyQuote(condname)}`, len(condname) + 1);
        condgroup = g;
      } else {
        if (!/^\s*[+]?[0-9_]+\s*$/.test(condname) || /^_|_$|__/.test(condname.trim().replace(/^\+/, ''))) {
          throw source.error(`bad character in group name ${pyQuote(condname)}`, len(condname) + 1);
        }
        condgroup = Number(condname.trim().replace(/_/g, ''));
        if (condgroup === 0) throw source.error('bad group number', len(condname) + 1);
        if (condgroup >= MAXGROUPS) throw source.error(`invalid group reference ${condgroup}`, len(condname) + 1);
        if (!state.grouprefpos.has(condgroup)) state.grouprefpos.set(condgroup, source.tell() - len(condname) - 1);
      }
      state.checklookbehindgroup(condgroup, source);
      const yes = parseSeq(source, state, verbose, nested + 1, false, scope);
      let no: Node | null = null;
      if (source.match('|')) {
        no = parseSeq(source, state, verbose, nested + 1, false, scope);
        if (source.next === '|') throw source.error('conditional backref with more than two branches');
      }
      if (!source.match(')')) throw source.error('missing ), unterminated subpattern', source.tell() - start);
      return { t: 'cond', n: condgroup, yes, no };
    } else if (ch === '>') {
      capture = false;
      atomic = true;
    } else if (ch in FLAG_CHARS || ch === '-') {
      const flags = parseFlags(source, state, ch);
      if (flags === null) {
        if (!first) throw source.error('global flags not at the start of the expression', source.tell() - start);
        return 'global';
      }
      const [add, del] = flags;
      inner = { add: (scope.add | add) & ~del, del: (scope.del | del) & ~add };
      capture = false;
      subVerbose = (verbose || (add & FLAG_VERBOSE) !== 0) && (del & FLAG_VERBOSE) === 0;
    } else {
      throw source.error(`unknown extension ?${ch}`, len(ch) + 1);
    }
  }
  let group = -1;
  if (capture) {
    try {
      group = state.opengroup(name);
    } catch (e) {
      if (e instanceof PatternError && name !== null) throw source.error(e.msg, len(name) + 1);
      throw e;
    }
  }
  const body = parseSub(source, state, subVerbose, nested + 1, inner);
  if (!source.match(')')) throw source.error('missing ), unterminated subpattern', source.tell() - start);
  if (group >= 0) {
    state.groupwidths[group] = widthOf(body, state.groupwidths);
    return { t: 'group', n: group, body };
  }
  if (atomic) return { t: 'atomic', body };
  // A non-capturing group is wrapped, so that `(?:a*)*` is not a "multiple repeat".
  return { t: 'seq', items: [body] };
}

function parseFlags(source: Tokenizer, state: State, first: string): [number, number] | null {
  let ch: string | null = first;
  let add = 0;
  let del = 0;
  if (ch !== '-') {
    for (;;) {
      const flag: number = FLAG_CHARS[ch]!;
      if (state.isText) {
        if (ch === 'L') throw source.error("bad inline flags: cannot use 'L' flag with a str pattern");
      } else if (ch === 'u') throw source.error("bad inline flags: cannot use 'u' flag with a bytes pattern");
      add |= flag;
      if ((flag & TYPE_FLAGS) !== 0 && (add & TYPE_FLAGS) !== flag) throw source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
      ch = source.get();
      if (ch === null) throw source.error('missing -, : or )');
      if (ch === ')' || ch === '-' || ch === ':') break;
      if (!(ch in FLAG_CHARS)) throw source.error(/^\p{L}$/u.test(ch) ? 'unknown flag' : 'missing -, : or )', len(ch));
    }
  }
  if (ch === ')') {
    state.flags |= add;
    return null;
  }
  if ((add & GLOBAL_FLAGS) !== 0) throw source.error('bad inline flags: cannot turn on global flag', 1);
  if (ch === '-') {
    ch = source.get();
    if (ch === null) throw source.error('missing flag');
    if (!(ch in FLAG_CHARS)) throw source.error(/^\p{L}$/u.test(ch) ? 'unknown flag' : 'missing flag', len(ch));
    for (;;) {
      const flag: number = FLAG_CHARS[ch]!;
      if ((flag & TYPE_FLAGS) !== 0) throw source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
      del |= flag;
      ch = source.get();
      if (ch === null) throw source.error('missing :');
      if (ch === ':') break;
      if (!(ch in FLAG_CHARS)) throw source.error(/^\p{L}$/u.test(ch) ? 'unknown flag' : 'missing :', len(ch));
    }
  }
  if ((del & GLOBAL_FLAGS) !== 0) throw source.error('bad inline flags: cannot turn off global flag', 1);
  if ((add & del) !== 0) throw source.error('bad inline flags: flag turned on and off', 1);
  return [add, del];
}

/** Parses `pattern` (text, or a bytes pattern decoded as latin-1) compiled with `flags`. */
export function parse(pattern: string, flags: number, isText: boolean, warn?: (message: string) => void): ParsedPattern {
  const source = new Tokenizer(pattern, isText, warn);
  const state = new State(flags, isText);
  const root = parseSub(source, state, (flags & FLAG_VERBOSE) !== 0, 0, { add: 0, del: 0 });
  let final = state.flags;
  if (isText) {
    if ((final & FLAG_LOCALE) !== 0) throw new PatternError('cannot use LOCALE flag with a str pattern', null, 'value');
    if ((final & FLAG_ASCII) === 0) final |= FLAG_UNICODE;
    else if ((final & FLAG_UNICODE) !== 0) throw new PatternError('ASCII and UNICODE flags are incompatible', null, 'value');
  } else {
    if ((final & FLAG_UNICODE) !== 0) throw new PatternError('cannot use UNICODE flag with a bytes pattern', null, 'value');
    if ((final & FLAG_LOCALE) !== 0 && (final & FLAG_ASCII) !== 0) throw new PatternError('ASCII and LOCALE flags are incompatible', null, 'value');
  }
  if (source.next !== null) throw source.error('unbalanced parenthesis');
  for (const [g, pos] of state.grouprefpos) {
    if (g >= state.groups) throw new PatternError(`invalid group reference ${g}`, pos);
  }
  return { root, flags: final, groups: state.groups - 1, groupindex: state.groupdict };
}
