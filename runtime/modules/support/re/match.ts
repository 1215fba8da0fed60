/**
 * re.Match (a Python class that, as CPython's, Python code cannot
 * instantiate; its state lives under a symbol), and the helpers Pattern's
 * methods share with it: argument checks, group values, templates.
 */
import { IndexError, TypeError } from '../../../builtins/exceptions.js';
import { PyProperty, PyStaticMethod, type PyClass } from '../../../builtins/classes.js';
import { PyDict } from '../../../builtins/dict.js';
import { repr } from '../../../builtins/repr.js';
import { PyBytes, PyTuple, isIntNumber, typeName } from '../../../builtins/values.js';
import { pyIndex } from '../../../builtins/numbers/index.js';
import { pyClass, pyFunction } from '../pydef.js';
import { Keywords, PackedArgs, checkArgs, def, restItems } from '../../../builtins/calls.js';
import { Program } from './engine.js';
import { Subject, codesToText } from './subject.js';
import { parseTemplate, type Template } from './template.js';
import { raisePython } from './errors.js';

const Q = 're';
const STATE = Symbol('pyasync.re');

export interface PatternState {
  /** The pattern as given (str or bytes). */
  readonly source: unknown;
  /** Its text (a bytes pattern as latin-1). */
  readonly text: string;
  readonly flags: number;
  readonly isBytes: boolean;
  readonly groups: number;
  readonly groupindex: ReadonlyMap<string, number>;
  readonly program: Program;
  readonly templates: Map<string, CompiledTemplate>;
}

export class MatchState {
  private spans: number[] | null;

  constructor(
    readonly pattern: object,
    readonly p: PatternState,
    readonly subject: Subject,
    spans: number[] | null,
    readonly pos: number,
    readonly endpos: number,
    /**
     * For a match a translated RegExp found without spans (Program.execQuick):
     * its result, whose group texts are the groups' values; null otherwise.
     */
    readonly quick: RegExpExecArray | null = null,
    /** MATCH, SEARCH or FULLMATCH: how the quick match was run, to run it again for its spans. */
    private readonly mode = 0,
  ) {
    this.spans = spans;
  }

  /** Group spans (start, end pairs; -1 when unset), then lastindex. */
  get caps(): number[] {
    return (this.spans ??= this.p.program.spans(this.subject, this.pos, this.endpos, this.mode));
  }

  /** Where group 0 starts. */
  get start(): number {
    return this.quick !== null ? this.quick.index : this.caps[0]!;
  }

  /** Where group 0 ends. */
  get end(): number {
    return this.quick !== null ? this.quick.index + this.quick[0]!.length : this.caps[1]!;
  }
}

export function patternState(self: unknown, method = 'match'): PatternState {
  const st = self !== null && typeof self === 'object' ? (self as Record<symbol, unknown>)[STATE] : undefined;
  if (st === undefined || !(st as PatternState).program) {
    throw new TypeError(`descriptor '${method}' for 're.Pattern' objects doesn't apply to a '${typeName(self)}' object`);
  }
  return st as PatternState;
}

function matchState(self: unknown, method = 'group'): MatchState {
  const st = self !== null && typeof self === 'object' ? (self as Record<symbol, unknown>)[STATE] : undefined;
  if (!(st instanceof MatchState)) {
    throw new TypeError(`descriptor '${method}' for 're.Match' objects doesn't apply to a '${typeName(self)}' object`);
  }
  return st;
}

export const noNew = (name: string) =>
  new PyStaticMethod(() => {
    throw new TypeError(`cannot create '${name}' instances`);
  });

/** An index argument (pos, endpos, count, maxsplit). */
export function intArg(v: unknown, dflt: number): number {
  if (v === undefined) return dflt;
  const n = pyIndex(v);
  if (typeof n === 'bigint') return n < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  return n;
}

/** CPython clamps pos and endpos into the string (no negative indexing). */
export function bounds(subject: Subject, pos: unknown, endpos: unknown): [number, number] {
  const n = subject.length;
  let p = intArg(pos, 0);
  let e = intArg(endpos, n);
  p = p < 0 ? 0 : p > n ? n : p;
  e = e < 0 ? 0 : e > n ? n : e;
  return [p, e];
}

export function checkSubjectType(p: PatternState, subject: Subject): void {
  if (p.isBytes && !subject.isBytes) throw new TypeError('cannot use a bytes pattern on a string-like object');
  if (!p.isBytes && subject.isBytes) throw new TypeError('cannot use a string pattern on a bytes-like object');
}

export function newMatch(pattern: object, p: PatternState, subject: Subject, caps: number[], pos: number, endpos: number): object {
  const m = Object.create(Match.prototype as object) as Record<symbol, MatchState>;
  // The spans array is the caller's to give: every exec returns a fresh one.
  m[STATE] = new MatchState(pattern, p, subject, caps, pos, endpos);
  return m;
}

/** A match found by Program.execQuick (its group spans are found when first read). */
export function newQuickMatch(pattern: object, p: PatternState, subject: Subject, found: RegExpExecArray, pos: number, endpos: number, mode: number): object {
  const m = Object.create(Match.prototype as object) as Record<symbol, MatchState>;
  m[STATE] = new MatchState(pattern, p, subject, null, pos, endpos, found, mode);
  return m;
}


/** The group number `g` names (an int or a group name), as Match methods take it. */
function groupIndex(m: MatchState, g: unknown): number {
  // An int (an integral float is a PyFloat, or -0 for 0.0: values.ts).
  if (typeof g === 'number' && isIntNumber(g)) {
    if (g >= 0 && g <= m.p.groups) return g;
    throw new IndexError('no such group');
  }
  if (typeof g === 'string') {
    const n = m.p.groupindex.get(g);
    if (n !== undefined) return n;
  } else if (typeof g === 'number' || typeof g === 'boolean' || typeof g === 'bigint' || (typeof g === 'object' && g !== null && !(g instanceof PyBytes))) {
    let n: number | bigint;
    try {
      n = pyIndex(g);
    } catch {
      throw new IndexError('no such group');
    }
    if (typeof n === 'number' && n >= 0 && !Object.is(n, -0) && n <= m.p.groups) return n;
  }
  throw new IndexError('no such group');
}

export function groupValue(m: MatchState, n: number, dflt: unknown): unknown {
  const quick = m.quick;
  if (quick !== null) {
    // The RegExp ran on the subject's text (or its prefix up to endpos): its group texts are the slices.
    const text = quick[n];
    return text === undefined ? dflt : text;
  }
  const a = m.caps[2 * n]!;
  const b = m.caps[2 * n + 1]!;
  if (a < 0 || b < 0) return dflt;
  return m.subject.slice(a, b);
}

/** The group spans as CPython's regs: a tuple of (start, end) pairs. */
function spanOf(m: MatchState, n: number): PyTuple {
  return PyTuple.of(m.caps[2 * n]!, m.caps[2 * n + 1]!);
}

/** A parsed replacement template, and whether it was given as bytes. */
export interface CompiledTemplate {
  readonly parts: Template;
  readonly isBytes: boolean;
  /** Its value when it has no group references (then it is used as it is). */
  readonly literal: unknown;
}

/** A replacement template, parsed once per pattern (sub() with the same template reuses it). */
export function templateOf(p: PatternState, template: unknown): CompiledTemplate {
  let text: string;
  let isBytes: boolean;
  if (typeof template === 'string') {
    text = template;
    isBytes = false;
  } else if (template instanceof PyBytes) {
    text = codesToText(template.bytes);
    isBytes = true;
  } else {
    throw new TypeError(`decoding to str: need a bytes-like object, ${typeName(template)} found`);
  }
  const key = (isBytes ? 'b' : 's') + text;
  let t = p.templates.get(key);
  if (t === undefined) {
    let parts: Template;
    try {
      parts = parseTemplate(text, p.groups, p.groupindex);
    } catch (e) {
      raisePython(e, template);
    }
    const literal = parts.every((x) => typeof x === 'string') ? textResult(isBytes, parts.join('')) : null;
    t = { parts, isBytes, literal };
    if (p.templates.size > 100) p.templates.clear();
    p.templates.set(key, t);
  }
  return t;
}

/**
 * A template expanded for a match's spans `caps` (unset groups as empty),
 * as a value of the subject's type; CPython's join error when the
 * template's literal text is of the other type.
 */
export function expandTemplate(subject: Subject, caps: number[], t: CompiledTemplate): unknown {
  let out = '';
  t.parts.forEach((piece, index) => {
    if (typeof piece === 'string') {
      if (t.isBytes !== subject.isBytes) {
        throw new TypeError(subject.isBytes
          ? `sequence item ${index}: expected a bytes-like object, str found`
          : `sequence item ${index}: expected str instance, bytes found`);
      }
      out += piece;
    } else {
      const a = caps[2 * piece]!;
      const b = caps[2 * piece + 1]!;
      if (a >= 0 && b >= 0) out += subject.isBytes ? codesToText(subject.codes.subarray(a, b)) : (subject.slice(a, b) as string);
    }
  });
  return textResult(subject.isBytes, out);
}

/** `%.Nr`: CPython cuts the repr at N characters. */
export function cutRepr(v: unknown, n: number): string {
  const r = repr(v);
  const chars = Array.from(r);
  return chars.length > n ? chars.slice(0, n).join('') : r;
}

export function textResult(isBytes: boolean, text: string): unknown {
  if (!isBytes) return text;
  const b = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) b[i] = text.charCodeAt(i);
  return new PyBytes(b);
}

function groups(m: MatchState, args: readonly unknown[]): unknown {
  if (args.length === 0) return groupValue(m, 0, null);
  if (args.length === 1) return groupValue(m, groupIndex(m, args[0]), null);
  return PyTuple.fromArray(args.map((g) => groupValue(m, groupIndex(m, g), null)));
}

/**
 * Match.group, a METH_VARARGS builtin: positional arguments only (`**kw`
 * in the signature so that `call` hands keywords over, to be refused as
 * CPython does). `m.group()` and `m.group(g)` take no rest array or tuple.
 */
const group = def(
  function group(self?: unknown, g?: unknown): unknown {
    const n = arguments.length;
    if (n === 2 && !(g instanceof Keywords) && !(g instanceof PackedArgs)) {
      const m = matchState(self, 'group');
      return groupValue(m, groupIndex(m, g), null);
    }
    if (self === undefined || self instanceof Keywords) checkArgs(0, group);
    const args = Array.prototype.slice.call(arguments, 1) as unknown[];
    const last = args[args.length - 1];
    if (last instanceof Keywords) {
      for (const key in last.values) if (Object.hasOwn(last.values, key)) throw new TypeError('Match.group() takes no keyword arguments');
      args.pop();
    }
    return groups(matchState(self, 'group'), restItems(args));
  },
  'self, /, *args, **kw',
  'Match.group',
  Q,
);

type Impl = (...args: never[]) => unknown;
const mm = <F extends Impl>(spec: string, name: string, f: F): F => pyFunction(spec, `Match.${name}`, Q, f);

export const Match: PyClass = pyClass('Match', Q, [], {
  __new__: noNew('re.Match'),
  // `re.Match[str]` in annotations: the class itself, as the runtime's generic classes give.
  __class_getitem__: pyFunction('cls, item, /', 'Match.__class_getitem__', Q, (cls: unknown) => cls),
  group,
  __getitem__: mm('self, key, /', '__getitem__', (self: unknown, g: unknown) => {
    const m = matchState(self, '__getitem__');
    return groupValue(m, groupIndex(m, g), null);
  }),
  groups: mm('self, default=', 'groups', (self: unknown, dflt?: unknown) => {
    const m = matchState(self, 'groups');
    const out: unknown[] = [];
    for (let n = 1; n <= m.p.groups; n++) out.push(groupValue(m, n, dflt ?? null));
    return PyTuple.fromArray(out);
  }),
  groupdict: mm('self, default=', 'groupdict', (self: unknown, dflt?: unknown) => {
    const m = matchState(self, 'groupdict');
    const d = new PyDict<string, unknown>();
    for (const [name, n] of m.p.groupindex) d.$set(name, groupValue(m, n, dflt ?? null));
    return d;
  }),
  start: mm('self, group=, /', 'start', (self: unknown, g?: unknown) => {
    const m = matchState(self, 'start');
    return g === undefined ? m.start : m.caps[2 * groupIndex(m, g)]!;
  }),
  end: mm('self, group=, /', 'end', (self: unknown, g?: unknown) => {
    const m = matchState(self, 'end');
    return g === undefined ? m.end : m.caps[2 * groupIndex(m, g) + 1]!;
  }),
  span: mm('self, group=, /', 'span', (self: unknown, g?: unknown) => {
    const m = matchState(self, 'span');
    return g === undefined ? PyTuple.of(m.start, m.end) : spanOf(m, groupIndex(m, g));
  }),
  expand: mm('self, template', 'expand', (self: unknown, template: unknown) => {
    const m = matchState(self, 'expand');
    return expandTemplate(m.subject, m.caps, templateOf(m.p, template));
  }),
  __repr__: mm('self, /', '__repr__', (self: unknown) => {
    const m = matchState(self, '__repr__');
    return `<re.Match object; span=(${m.start}, ${m.end}), match=${cutRepr(groupValue(m, 0, null), 50)}>`;
  }),
  __copy__: mm('self, /', '__copy__', (self: unknown) => self),
  __deepcopy__: mm('self, memo, /', '__deepcopy__', (self: unknown) => self),
  lastindex: new PyProperty((self: unknown) => {
    const m = matchState(self, 'lastindex');
    const n = m.caps[m.caps.length - 1]!;
    return n > 0 ? n : null;
  }),
  lastgroup: new PyProperty((self: unknown) => {
    const m = matchState(self, 'lastgroup');
    const n = m.caps[m.caps.length - 1]!;
    if (n <= 0) return null;
    for (const [name, g] of m.p.groupindex) if (g === n) return name;
    return null;
  }),
  re: new PyProperty((self: unknown) => matchState(self, 're').pattern),
  string: new PyProperty((self: unknown) => matchState(self, 'string').subject.value),
  pos: new PyProperty((self: unknown) => matchState(self, 'pos').pos),
  endpos: new PyProperty((self: unknown) => matchState(self, 'endpos').endpos),
  regs: new PyProperty((self: unknown) => {
    const m = matchState(self, 'regs');
    const out: PyTuple[] = [];
    for (let n = 0; n <= m.p.groups; n++) out.push(spanOf(m, n));
    return PyTuple.fromArray(out);
  }),
});

export { STATE };
