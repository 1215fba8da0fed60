/**
 * re.Pattern: a compiled pattern's methods. match/search/fullmatch run the
 * engine once; findall, finditer, sub and split walk the string with
 * CPython 3.7+'s rule for empty matches (one may follow a non-empty match,
 * but never another empty match at the same place).
 */
import { TypeError } from '../../../builtins/exceptions.js';
import { PyProperty, type PyClass } from '../../../builtins/classes.js';
import { call } from '../../../builtins/calls.js';
import { PyDict } from '../../../builtins/dict.js';
import { pyHash } from '../../../builtins/equality.js';
import { BASE_VALUE, PyBoxed, PyBytes, PyTuple, typeName } from '../../../builtins/values.js';
import { pyClass, pyFunction } from '../pydef.js';
import {
  FLAG_ASCII, FLAG_DEBUG, FLAG_DOTALL, FLAG_IGNORECASE, FLAG_LOCALE, FLAG_MULTILINE, FLAG_TEMPLATE, FLAG_UNICODE, FLAG_VERBOSE,
} from './ast.js';
import { FULLMATCH, MATCH, SEARCH } from './engine.js';
import {
  STATE, bounds, checkSubjectType, cutRepr, expandTemplate, intArg, newMatch, newQuickMatch, noNew, patternState, templateOf, type PatternState,
} from './match.js';
import { Subject } from './subject.js';

const Q = 're';

export function newPattern(state: PatternState): object {
  const obj = Object.create(Pattern.prototype as object) as Record<symbol, PatternState>;
  Object.defineProperty(obj, STATE, { value: state, enumerable: false });
  return obj;
}

/** CPython's flag names in Pattern.__repr__, in its order. */
const FLAG_NAMES: [number, string][] = [
  [FLAG_TEMPLATE, 're.TEMPLATE'], [FLAG_IGNORECASE, 're.IGNORECASE'], [FLAG_LOCALE, 're.LOCALE'], [FLAG_MULTILINE, 're.MULTILINE'],
  [FLAG_DOTALL, 're.DOTALL'], [FLAG_UNICODE, 're.UNICODE'], [FLAG_VERBOSE, 're.VERBOSE'], [FLAG_DEBUG, 're.DEBUG'], [FLAG_ASCII, 're.ASCII'],
];

function patternRepr(self: unknown): string {
  const p = patternState(self, '__repr__');
  let flags = p.flags;
  if (!p.isBytes && (flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII)) === FLAG_UNICODE) flags &= ~FLAG_UNICODE;
  const names: string[] = [];
  for (const [bit, name] of FLAG_NAMES) {
    if ((flags & bit) !== 0) {
      names.push(name);
      flags &= ~bit;
    }
  }
  if (flags !== 0) names.push(`0x${flags.toString(16)}`);
  const pat = cutRepr(p.source, 200);
  return names.length === 0 ? `re.compile(${pat})` : `re.compile(${pat}, ${names.join('|')})`;
}

interface Run {
  p: PatternState;
  subject: Subject;
  pos: number;
  endpos: number;
}

function start(self: unknown, method: string, string: unknown, pos?: unknown, endpos?: unknown): Run {
  const p = patternState(self, method);
  const subject = Subject.of(string);
  checkSubjectType(p, subject);
  const [a, b] = bounds(subject, pos, endpos);
  return { p, subject, pos: a, endpos: b };
}

export function once(self: unknown, method: string, mode: number, string: unknown, pos?: unknown, endpos?: unknown): object | null {
  if (pos === undefined && endpos === undefined) {
    // The common call, without start()'s allocations.
    const p = patternState(self, method);
    const subject = Subject.of(string);
    checkSubjectType(p, subject);
    const end = subject.length;
    const found = p.program.execQuick(subject, 0, end, mode);
    if (found !== undefined) return found === null ? null : newQuickMatch(self as object, p, subject, found, 0, end, mode);
    const caps = p.program.exec(subject, 0, end, mode);
    return caps === null ? null : newMatch(self as object, p, subject, caps, 0, end);
  }
  const r = start(self, method, string, pos, endpos);
  const found = r.p.program.execQuick(r.subject, r.pos, r.endpos, mode);
  if (found !== undefined) return found === null ? null : newQuickMatch(self as object, r.p, r.subject, found, r.pos, r.endpos, mode);
  const caps = r.p.program.exec(r.subject, r.pos, r.endpos, mode);
  return caps === null ? null : newMatch(self as object, r.p, r.subject, caps, r.pos, r.endpos);
}

/**
 * Calls `each` with the successive matches of a search from pos (their
 * spans, then lastindex) until it returns false or no match is left.
 */
function scan(r: Run, each: (caps: number[]) => boolean): void {
  let pos = r.pos;
  let mustAdvance = false;
  const program = r.p.program;
  const subject = r.subject;
  while (pos <= r.endpos) {
    const caps = program.exec(subject, pos, r.endpos, SEARCH, mustAdvance);
    if (caps === null) return;
    // Read before `each`, which may run this pattern again (a repl function).
    mustAdvance = caps[0] === caps[1];
    pos = caps[1]!;
    if (!each(caps)) return;
  }
}

function groupOrEmpty(r: Run, caps: number[], n: number): unknown {
  const a = caps[2 * n]!;
  const b = caps[2 * n + 1]!;
  return a < 0 || b < 0 ? r.subject.empty() : r.subject.slice(a, b);
}

function groupOrNone(r: Run, caps: number[], n: number): unknown {
  const a = caps[2 * n]!;
  const b = caps[2 * n + 1]!;
  return a < 0 || b < 0 ? null : r.subject.slice(a, b);
}

export function findall(self: unknown, string: unknown, pos?: unknown, endpos?: unknown): unknown[] {
  const r = start(self, 'findall', string, pos, endpos);
  const groups = r.p.groups;
  const out: unknown[] = [];
  scan(r, (caps) => {
    if (groups === 0) out.push(r.subject.slice(caps[0]!, caps[1]!));
    else if (groups === 1) out.push(groupOrEmpty(r, caps, 1));
    else {
      const items: unknown[] = [];
      for (let n = 1; n <= groups; n++) items.push(groupOrEmpty(r, caps, n));
      out.push(PyTuple.fromArray(items));
    }
    return true;
  });
  return out;
}

/** What finditer returns (CPython's callable_iterator over a scanner). */
export class MatchIterator implements IterableIterator<unknown> {
  static readonly __name__ = 'callable_iterator';
  private pos: number;
  private mustAdvance = false;
  private done = false;

  constructor(
    private readonly pattern: object,
    private readonly r: Run,
  ) {
    this.pos = r.pos;
  }

  next(): IteratorResult<unknown> {
    const r = this.r;
    if (this.done || this.pos > r.endpos) return { value: undefined, done: true };
    const caps = r.p.program.exec(r.subject, this.pos, r.endpos, SEARCH, this.mustAdvance);
    if (caps === null) {
      this.done = true;
      return { value: undefined, done: true };
    }
    this.mustAdvance = caps[0] === caps[1];
    this.pos = caps[1]!;
    return { value: newMatch(this.pattern, r.p, r.subject, caps, r.pos, r.endpos), done: false };
  }

  [Symbol.iterator](): this {
    return this;
  }
}

export function finditer(self: unknown, string: unknown, pos?: unknown, endpos?: unknown): MatchIterator {
  return new MatchIterator(self as object, start(self, 'finditer', string, pos, endpos));
}

/** sub and subn: the new string and the number of replacements. */
export function substitute(self: unknown, method: string, repl: unknown, string: unknown, count: unknown): [unknown, number] {
  // A str or bytes subclass's instance as the replacement is its value.
  if (repl instanceof PyBoxed) repl = repl[BASE_VALUE];
  const r = start(self, method, string);
  const limit = intArg(count, 0);
  const isBytes = r.p.isBytes;
  const pieces: unknown[] = [];
  let literal: string | null = null;
  let template: ReturnType<typeof templateOf> | null = null;
  const isFunction = typeof repl === 'function';
  if (!isFunction) {
    if (typeof repl === 'string' && !isBytes && !repl.includes('\\')) literal = repl;
    else template = templateOf(r.p, repl);
  }
  let n = 0;
  let last = 0;
  if (limit >= 0) {
    scan(r, (caps) => {
      const b = caps[0]!;
      const e = caps[1]!;
      if (last < b) pieces.push(r.subject.slice(last, b));
      if (literal !== null) {
        if (literal !== '') pieces.push(literal);
      } else if (template !== null) {
        pieces.push(template.literal ?? expandTemplate(r.subject, caps, template));
      } else {
        const item = call(repl, [newMatch(self as object, r.p, r.subject, caps, r.pos, r.endpos)], null);
        if (item !== null && item !== undefined) pieces.push(item);
      }
      n++;
      last = e;
      return limit === 0 || n < limit;
    });
  }
  if (last < r.subject.length) pieces.push(r.subject.slice(last, r.subject.length));
  return [join(pieces, isBytes), n];
}

function join(pieces: unknown[], isBytes: boolean): unknown {
  if (!isBytes) {
    let out = '';
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i];
      if (typeof p !== 'string') throw new TypeError(`sequence item ${i}: expected str instance, ${typeName(p)} found`);
      out += p;
    }
    return out;
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (!(p instanceof PyBytes)) throw new TypeError(`sequence item ${i}: expected a bytes-like object, ${typeName(p)} found`);
    parts.push(p.bytes);
    size += p.bytes.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return new PyBytes(out);
}

export function split(self: unknown, string: unknown, maxsplit: unknown): unknown[] {
  const r = start(self, 'split', string);
  const limit = intArg(maxsplit, 0);
  const out: unknown[] = [];
  let n = 0;
  let last = 0;
  if (limit >= 0) {
    scan(r, (caps) => {
      out.push(r.subject.slice(last, caps[0]!));
      for (let g = 1; g <= r.p.groups; g++) out.push(groupOrNone(r, caps, g));
      n++;
      last = caps[1]!;
      return limit === 0 || n < limit;
    });
  }
  out.push(r.subject.slice(last, r.subject.length));
  return out;
}

type Impl = (...args: never[]) => unknown;
const pm = <F extends Impl>(spec: string, name: string, f: F): F => pyFunction(spec, `Pattern.${name}`, Q, f);

export const Pattern: PyClass = pyClass('Pattern', Q, [], {
  __new__: noNew('re.Pattern'),
  // `re.Pattern[str]` in annotations: the class itself, as the runtime's generic classes give.
  __class_getitem__: pyFunction('cls, item, /', 'Pattern.__class_getitem__', Q, (cls: unknown) => cls),
  match: pm('self, string, pos=, endpos=', 'match', (self: unknown, s: unknown, pos?: unknown, endpos?: unknown) =>
    once(self, 'match', MATCH, s, pos, endpos)),
  search: pm('self, string, pos=, endpos=', 'search', (self: unknown, s: unknown, pos?: unknown, endpos?: unknown) =>
    once(self, 'search', SEARCH, s, pos, endpos)),
  fullmatch: pm('self, string, pos=, endpos=', 'fullmatch', (self: unknown, s: unknown, pos?: unknown, endpos?: unknown) =>
    once(self, 'fullmatch', FULLMATCH, s, pos, endpos)),
  findall: pm('self, string, pos=, endpos=', 'findall', findall),
  finditer: pm('self, string, pos=, endpos=', 'finditer', finditer),
  sub: pm('self, repl, string, count=', 'sub', (self: unknown, repl: unknown, s: unknown, count?: unknown) =>
    substitute(self, 'sub', repl, s, count)[0]),
  subn: pm('self, repl, string, count=', 'subn', (self: unknown, repl: unknown, s: unknown, count?: unknown) =>
    PyTuple.fromArray(substitute(self, 'subn', repl, s, count))),
  split: pm('self, string, maxsplit=', 'split', split),
  __repr__: pm('self, /', '__repr__', patternRepr),
  __eq__: pm('self, other, /', '__eq__', (self: unknown, other: unknown) => {
    const a = patternState(self, '__eq__');
    const st = other !== null && typeof other === 'object' ? ((other as Record<symbol, unknown>)[STATE] as PatternState | undefined) : undefined;
    if (st === undefined || !st.program) return false;
    return a === st || (a.flags === st.flags && a.isBytes === st.isBytes && a.text === st.text);
  }),
  __hash__: pm('self, /', '__hash__', (self: unknown) => {
    const p = patternState(self, '__hash__');
    return pyHash(PyTuple.fromArray([p.text, p.flags, p.isBytes]));
  }),
  __copy__: pm('self, /', '__copy__', (self: unknown) => self),
  __deepcopy__: pm('self, memo, /', '__deepcopy__', (self: unknown) => self),
  pattern: new PyProperty((self: unknown) => patternState(self, 'pattern').source),
  flags: new PyProperty((self: unknown) => patternState(self, 'flags').flags),
  groups: new PyProperty((self: unknown) => patternState(self, 'groups').groups),
  groupindex: new PyProperty((self: unknown) => {
    const d = new PyDict<string, number>();
    for (const [k, v] of patternState(self, 'groupindex').groupindex) d.$set(k, v);
    return d;
  }),
});
