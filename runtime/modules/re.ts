/**
 * Python's `re` module: patterns parsed with CPython's syntax and errors
 * (support/re/parser.ts) and run by a backtracking engine with sre's
 * semantics (support/re/engine.ts) over the string's code points, so match
 * positions are Python indices. Pattern and Match are in support/re.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { DeprecationWarning, FutureWarning, TypeError, ValueError } from '../builtins/exceptions.js';
import { warnCaller } from './support/warnings/fromRuntime.js';
import { getattr } from '../builtins/attributes.js';
import { BASE_VALUE, PyBoxed, PyBytes, PyTuple, isIntNumber, typeName } from '../builtins/values.js';
import { pyIndex } from '../builtins/numbers/index.js';
import { def } from '../builtins/calls.js';
import { format } from '../builtins/functions.js';
import { IntFlag } from './enum.js';
import { defineClass } from './support/stdlib/pyclass.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import { FLAG_TEMPLATE } from './support/re/ast.js';
import { Program, FULLMATCH, MATCH, SEARCH } from './support/re/engine.js';
import { parse } from './support/re/parser.js';
import { error, raisePython } from './support/re/errors.js';
import { Match as MatchClass, patternState } from './support/re/match.js';
import { Pattern as PatternClass, findall as findallImpl, finditer as finditerImpl, newPattern, once, split as splitImpl, substitute } from './support/re/pattern.js';
import { codesToText } from './support/re/subject.js';
import * as self from './re.js';

export const __name__ = 're';
loadedModules.$set('re', self);

const Q = 're';

export const Pattern = PatternClass;
export const Match = MatchClass;
export { error };
export { Scanner } from './support/re/scanner.js';

const FLAG_MEMBERS: [string, number][] = [
  ['NOFLAG', 0], ['ASCII', 256], ['IGNORECASE', 2], ['LOCALE', 4], ['UNICODE', 32], ['MULTILINE', 8], ['DOTALL', 16], ['VERBOSE', 64],
  ['TEMPLATE', 1], ['DEBUG', 128],
];

/** 3.11's global_enum repr: `re.IGNORECASE|re.MULTILINE`. */
const flagRepr = def(function __repr__(self: Record<string, unknown>): string {
  const name = self['_name_'];
  if (typeof name !== 'string') return `re.RegexFlag(${String(self['_value_'])})`;
  return name.split('|').map((n) => (/^\d+$/.test(n) ? `0x${Number(n).toString(16)}` : `re.${n}`)).join('|');
}, 'self', 'RegexFlag.__repr__', Q);

export const RegexFlag = defineClass(Q, 'RegexFlag', [IntFlag], {
  ...Object.fromEntries(FLAG_MEMBERS),
  __repr__: flagRepr,
  __str__: flagRepr,
  __format__: def(function __format__(self: Record<string, unknown>, spec: unknown): string {
    return spec === '' ? flagRepr(self) : format(self['_value_'], spec);
  }, 'self, format_spec', 'RegexFlag.__format__', Q),
});

const flag = (name: string): unknown => getattr(RegexFlag, name);
export const NOFLAG = flag('NOFLAG');
export const ASCII = flag('ASCII');
export const A = ASCII;
export const IGNORECASE = flag('IGNORECASE');
export const I = IGNORECASE;
export const LOCALE = flag('LOCALE');
export const L = LOCALE;
export const UNICODE = flag('UNICODE');
export const U = UNICODE;
export const MULTILINE = flag('MULTILINE');
export const M = MULTILINE;
export const DOTALL = flag('DOTALL');
export const S = DOTALL;
export const VERBOSE = flag('VERBOSE');
export const X = VERBOSE;
export const TEMPLATE = flag('TEMPLATE');
export const T = TEMPLATE;
export const DEBUG = flag('DEBUG');

function flagsValue(v: unknown): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number' && isIntNumber(v)) return v;
  if (typeof v === 'object' && typeof (v as Record<string, unknown>)['_value_'] === 'number') return (v as Record<string, number>)['_value_']!;
  const n = pyIndex(v);
  return Number(n);
}

const cache = new Map<string, object>();
/** The entries of `cache` for str patterns without flags, by their text. */
const plainCache = new Map<string, object>();
const MAXCACHE = 512;

function isPattern(v: unknown): boolean {
  try {
    patternState(v);
    return true;
  } catch {
    return false;
  }
}

function compileImpl(pattern: unknown, flagsArg: unknown): object {
  if (pattern !== null && typeof pattern === 'object' && isPattern(pattern)) {
    if (flagsValue(flagsArg) !== 0) throw new ValueError('cannot process flags argument with a compiled pattern');
    return pattern;
  }
  let text: string;
  let isBytes: boolean;
  if (pattern instanceof PyBoxed) pattern = pattern[BASE_VALUE];
  if (typeof pattern === 'string') {
    text = pattern;
    isBytes = false;
  } else if (pattern instanceof PyBytes) {
    text = codesToText(pattern.bytes);
    isBytes = true;
  } else {
    throw new TypeError('first argument must be string or compiled pattern');
  }
  const flags = flagsValue(flagsArg);
  // The usual call, a str pattern without flags: found by its text, with no key to build.
  const plain = !isBytes && flags === 0;
  if (plain) {
    const hit = plainCache.get(text);
    if (hit !== undefined) return hit;
  }
  const key = `${isBytes ? 'b' : 's'}${flags}:${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  // CPython's warning points into re itself (stacklevel 1): hidden by the default filters.
  if ((flags & FLAG_TEMPLATE) !== 0) {
    warnCaller("The re.TEMPLATE/re.T flag is deprecated as it is an undocumented flag without an obvious purpose. Don't use it.",
      DeprecationWarning, 1);
  }
  let parsed;
  try {
    parsed = parse(text, flags, !isBytes, futureWarning);
  } catch (e) {
    raisePython(e, pattern);
  }
  const obj = newPattern({
    source: pattern,
    text,
    flags: parsed.flags,
    isBytes,
    groups: parsed.groups,
    groupindex: parsed.groupindex,
    program: new Program(parsed.root, parsed.groups),
    templates: new Map(),
  });
  if (cache.size >= MAXCACHE) {
    // The oldest goes, as CPython 3.11's _cache drops its first key.
    const oldest = cache.keys().next().value as string;
    cache.delete(oldest);
    if (oldest.startsWith('s0:')) plainCache.delete(oldest.slice(3));
  }
  cache.set(key, obj);
  if (plain) plainCache.set(text, obj);
  return obj;
}


/** CPython's FutureWarnings of the parser, pointing at the code that called re's function (`stacklevel=nested + 6`). */
function futureWarning(message: string): void {
  warnCaller(message, FutureWarning, 2);
}

export const compile = pyFunction('pattern, flags=', 'compile', Q, (pattern: unknown, flags?: unknown) => compileImpl(pattern, flags));

export const match = pyFunction('pattern, string, flags=', 'match', Q, (pattern: unknown, string: unknown, flags?: unknown) =>
  once(compileImpl(pattern, flags), 'match', MATCH, string));

export const search = pyFunction('pattern, string, flags=', 'search', Q, (pattern: unknown, string: unknown, flags?: unknown) =>
  once(compileImpl(pattern, flags), 'search', SEARCH, string));

export const fullmatch = pyFunction('pattern, string, flags=', 'fullmatch', Q, (pattern: unknown, string: unknown, flags?: unknown) =>
  once(compileImpl(pattern, flags), 'fullmatch', FULLMATCH, string));

export const findall = pyFunction('pattern, string, flags=', 'findall', Q, (pattern: unknown, string: unknown, flags?: unknown) =>
  findallImpl(compileImpl(pattern, flags), string));

export const finditer = pyFunction('pattern, string, flags=', 'finditer', Q, (pattern: unknown, string: unknown, flags?: unknown) =>
  finditerImpl(compileImpl(pattern, flags), string));

export const sub = pyFunction('pattern, repl, string, count=, flags=', 'sub', Q,
  (pattern: unknown, repl: unknown, string: unknown, count?: unknown, flags?: unknown) =>
    substitute(compileImpl(pattern, flags), 'sub', repl, string, count)[0]);

export const subn = pyFunction('pattern, repl, string, count=, flags=', 'subn', Q,
  (pattern: unknown, repl: unknown, string: unknown, count?: unknown, flags?: unknown) =>
    PyTuple.fromArray(substitute(compileImpl(pattern, flags), 'subn', repl, string, count)));

export const split = pyFunction('pattern, string, maxsplit=, flags=', 'split', Q,
  (pattern: unknown, string: unknown, maxsplit?: unknown, flags?: unknown) =>
    splitImpl(compileImpl(pattern, flags), string, maxsplit));

export const template = pyFunction('pattern, flags=', 'template', Q, (pattern: unknown, flags?: unknown) => {
  warnCaller('The re.template() function is deprecated as it is an undocumented function without an obvious purpose. Use re.compile() instead.',
    DeprecationWarning, 1);
  return compileImpl(pattern, flagsValue(flags) | FLAG_TEMPLATE);
});

export const purge = pyFunction('', 'purge', Q, () => {
  cache.clear();
  plainCache.clear();
  return null;
});

const SPECIAL = new Set(Array.from('()[]{}?*+-|^$\\.&~# \t\n\r\v\f', (c) => c.charCodeAt(0)));

export const escape = pyFunction('pattern', 'escape', Q, (pattern: unknown) => {
  if (typeof pattern === 'string') {
    let out = '';
    for (const ch of pattern) out += SPECIAL.has(ch.charCodeAt(0)) ? '\\' + ch : ch;
    return out;
  }
  if (pattern instanceof PyBytes) {
    const out: number[] = [];
    for (const b of pattern.bytes) {
      if (SPECIAL.has(b)) out.push(92);
      out.push(b);
    }
    return new PyBytes(Uint8Array.from(out));
  }
  throw new TypeError(`expected str or bytes-like object, got '${typeName(pattern)}'`);
});
