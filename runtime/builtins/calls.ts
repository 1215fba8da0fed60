/**
 * Calling Python functions. A compiled function is a JS function whose JS
 * parameters are its positional parameters (then `...rest` for `*args`);
 * `$def` attaches its Python signature. A call with positional arguments
 * only is a direct JS call, checked by the function's own prologue
 * (`$checkArgs`); a call with keywords or `*`/`**` comes through `call`,
 * which binds the arguments by the signature with CPython's TypeErrors.
 *
 * Keyword-only parameters and `**kwargs` cannot follow a JS rest parameter,
 * so a function that has them takes `...rest` and its prologue asks
 * `$restArgs` for them: `call` passes the keywords it did not bind to a
 * positional parameter as a `Keywords` object after the positional values.
 */
import { TypeError } from './exceptions.js';
import { PyTuple, typeName } from './values.js';
import { PyDict } from './dict.js';

/** A compiled function's parameters, parsed once per distinct `$def` spec. */
export interface Signature {
  readonly name: string;
  readonly qualname: string;
  /** Positional parameters (positional-only first). */
  readonly names: readonly string[];
  /** How many leading parameters are positional-only. */
  readonly posonly: number;
  /** How many leading positional parameters have no default. */
  readonly required: number;
  readonly vararg: string | null;
  readonly kwonly: readonly string[];
  /** Keyword-only parameters without a default. */
  readonly kwonlyRequired: readonly boolean[];
  readonly kwarg: string | null;
  /** The defining module's `__name__`, for messages that name the function as `module.qualname()`. */
  readonly module: string | null;
  /**
   * What the compiler knows of the code past the parameters, for
   * `__code__` (src/transform/codeFacts.ts): `locals;freevars;cellvars;flags`,
   * names space-separated; '' when there is nothing to tell.
   */
  readonly facts: string;
}

export const SIGNATURE = Symbol('pyasync.signature');
/** On a compiled function with defaults: the values, for `__defaults__` and `__kwdefaults__`. */
export const DEFAULTS = Symbol('pyasync.defaults');
/** On a bound method: the function and the object it is bound to. */
export const BOUND = Symbol('pyasync.bound');
/** On a builtin type's method as the class holds it (`str.upper`): the type's name and the method's, for its repr. */
export const METHOD_OF = Symbol('pyasync.methodOf');
/**
 * On a builtin type's method bound to a value (`"x".upper`, `range(3).count`)
 * or to its type (a static method, `str.maketrans`): the object, the method's
 * name and the defining type's name (else the object's type's), for its repr,
 * `__name__`, `__qualname__` and `__self__` (None for a static method).
 */
export const BOUND_BUILTIN = Symbol('pyasync.boundBuiltin');

export interface BoundBuiltin {
  readonly self: unknown;
  readonly name: string;
  readonly type?: string;
  readonly isStatic?: boolean;
}
/** On a compiled function: the line of its `def` (of its first decorator), for `__code__.co_firstlineno`. */
export const FIRSTLINE = Symbol('pyasync.firstline');
/** On a compiled function with a docstring: its text, for `__doc__`. */
export const DOC = Symbol('pyasync.doc');
/** On a compiled function with annotations: their values by name (`return` last), for `__annotations__`. */
export const ANNOTATIONS = Symbol('pyasync.annotations');
/** On a compiled closure: a function giving its free variables' current values, in `co_freevars` order, for `__closure__`. */
export const CELLS = Symbol('pyasync.cells');

/** A Python callable as the runtime sees it: a JS function, maybe with a signature or a keyword entry. */
export interface PyCallable {
  (...args: unknown[]): unknown;
  [SIGNATURE]?: Signature;
  [BOUND]?: { readonly self: unknown; readonly func: unknown };
  [METHOD_OF]?: { readonly type: string; readonly name: string };
  [BOUND_BUILTIN]?: BoundBuiltin;
  [DEFAULTS]?: { readonly defaults: unknown[] | null; readonly kwdefaults: Record<string, unknown> | null };
  /** Builtins taking keywords: called with the positional arguments and the keywords. */
  $kw?: (args: unknown[], kwargs: Record<string, unknown>) => unknown;
  /** Builtins taking `*args` (print, max…): their keyword entry, which takes a call of any length (see PackedArgs). */
  $many?: (args: unknown[], kwargs: Record<string, unknown>) => unknown;
}

/** Classes (and callable instances) get a say in calls: set by classes.ts. */
export const callHooks: {
  /** Calls `f` when it is a Python class or instance; undefined when it is neither. */
  call?: (f: Function, args: unknown[], kwargs: Record<string, unknown> | null) => { value: unknown } | undefined;
} = {};

const signatures = new Map<string, Map<string, Map<string | null, Signature>>>();

function parseSignature(full: string, name: string, qualname: string, module: string | null): Signature {
  const cut = full.indexOf(';');
  const spec = cut < 0 ? full : full.slice(0, cut);
  const facts = cut < 0 ? '' : full.slice(cut + 1);
  const names: string[] = [];
  const kwonly: string[] = [];
  const kwonlyRequired: boolean[] = [];
  let posonly = 0;
  let required = -1;
  let vararg: string | null = null;
  let kwarg: string | null = null;
  let keywordOnly = false;
  for (const raw of spec.split(',')) {
    const p = raw.trim();
    if (p === '') continue;
    if (p === '/') posonly = names.length;
    else if (p.startsWith('**')) kwarg = p.slice(2);
    else if (p.startsWith('*')) {
      keywordOnly = true;
      if (p.length > 1) vararg = p.slice(1);
    } else if (keywordOnly) {
      kwonly.push(p.endsWith('=') ? p.slice(0, -1) : p);
      kwonlyRequired.push(!p.endsWith('='));
    } else {
      if (p.endsWith('=') && required < 0) required = names.length;
      names.push(p.endsWith('=') ? p.slice(0, -1) : p);
    }
  }
  if (required < 0) required = names.length;
  return { name, qualname, names, posonly, required, vararg, kwonly, kwonlyRequired, kwarg, module, facts };
}

/**
 * `def f(a, b=1, /, c, *args, d, e=2, **kw)`: attaches the signature,
 * written as Python writes parameters with `=` marking a default:
 * `"a, b=, /, c, *args, d, e=, **kw"`.
 */
export function def<F extends (...args: never[]) => unknown>(
  fn: F,
  spec: string,
  qualname: string,
  module: string | null = null,
  line = 0,
  defaults: unknown[] | null = null,
  kwdefaults: Record<string, unknown> | null = null,
  annotations: Record<string, unknown> | null = null,
): F {
  const sig = signatureFor(spec, qualname, module);
  (fn as unknown as PyCallable)[SIGNATURE] = sig;
  if (line !== 0) (fn as unknown as { [FIRSTLINE]: number })[FIRSTLINE] = line;
  if (defaults !== null || kwdefaults !== null) (fn as unknown as PyCallable)[DEFAULTS] = { defaults, kwdefaults };
  if (annotations !== null) (fn as unknown as { [ANNOTATIONS]: Record<string, unknown> })[ANNOTATIONS] = annotations;
  // A function compiled without a JS name (it refers to its own Python name) still shows it in JS stacks.
  if (fn.name === '') Object.defineProperty(fn, 'name', { value: sig.name });
  return fn;
}

/** `$cells($def(function f() {…}, …), () => [a, b])`: the closure's variables, read when `__closure__` is. */
export function cells<F extends Function>(fn: F, read: () => unknown[]): F {
  (fn as unknown as { [CELLS]: () => unknown[] })[CELLS] = read;
  return fn;
}

/** `$doc($def(function f() {…}, …), "text")`: a function's docstring, the first statement of its body. */
export function doc<F extends Function>(fn: F, text: string): F {
  (fn as unknown as { [DOC]: string })[DOC] = text;
  return fn;
}

function signatureFor(spec: string, qualname: string, module: string | null = null): Signature {
  // By spec, then qualname and module: the compiled code passes the same string constants at every run of a `def`,
  // whose hashes V8 keeps, where a key joined from them would be a new string to hash each time.
  let bySpec = signatures.get(spec);
  if (bySpec === undefined) signatures.set(spec, (bySpec = new Map()));
  let byName = bySpec.get(qualname);
  if (byName === undefined) bySpec.set(qualname, (byName = new Map()));
  let sig = byName.get(module);
  if (sig === undefined) {
    sig = parseSignature(spec, qualname.slice(qualname.lastIndexOf('.') + 1), qualname, module);
    byName.set(module, sig);
  }
  return sig;
}

export function signatureOf(f: unknown): Signature | undefined {
  return typeof f === 'function' ? (f as PyCallable)[SIGNATURE] : undefined;
}

/** Whether `f` is a compiled Python function (it binds `self` as its first argument when found on a class). */
export function isPyFunction(f: unknown): boolean {
  return typeof f === 'function' && (f as PyCallable)[SIGNATURE] !== undefined;
}

/** A callee that is not a name: itself when it is callable, else CPython's TypeError. */
export function callee(f: unknown): (...args: unknown[]) => unknown {
  if (typeof f === 'function') return f as (...args: unknown[]) => unknown;
  return (...args: unknown[]) => call(f, args, null);
}

/** The keywords `call` passes to a function with keyword-only parameters or `**kwargs`. */
export class Keywords {
  constructor(readonly values: Record<string, unknown>) {}
}

/**
 * The engine passes each argument of a JS call on its stack, which
 * overflows at around 100,000 of them; CPython passes `f(*range(200000))`
 * as one tuple. So `call` hands a function with `*args` the surplus of a
 * call with more than MANY_ARGUMENTS as one PackedArgs, which the function's
 * prologue (`$tupleFrom`, `$restArgs`) unpacks with `restItems`.
 */
export class PackedArgs {
  constructor(readonly items: readonly unknown[]) {}
}

export const MANY_ARGUMENTS = 10_000;

/** A rest parameter's values: the packed surplus of a large call, else the array itself. */
export function restItems(rest: readonly unknown[]): readonly unknown[] {
  return rest.length === 1 && rest[0] instanceof PackedArgs ? rest[0].items : rest;
}

/** `callee(...bound)` for a bound argument list too long for the stack. */
function callPacked(callee: PyCallable, sig: Signature, bound: unknown[]): unknown {
  const n = sig.names.length;
  if (sig.vararg === null) throw tooMany(sig, bound.length, 0);
  const last = bound[bound.length - 1];
  const keywords = last instanceof Keywords ? [last] : [];
  return callee(...bound.slice(0, n), new PackedArgs(bound.slice(n, bound.length - keywords.length)), ...keywords);
}

/**
 * Whether `f(...args)` is what `call(f, args, null)` does for a few
 * positional arguments: a function with a signature and no keyword-only
 * or `**` parameter. Compiled `mod.f(a)` calls a module's function
 * directly when it is (attributeHelpers.ts, `$mcall$`).
 */
export function plainCallable(f: unknown): boolean {
  if (typeof f !== 'function') return false;
  if ((f as { [PLAIN_CALL]?: true })[PLAIN_CALL] === true) return true;
  const sig = (f as PyCallable)[SIGNATURE];
  return sig !== undefined && sig.kwonly.length === 0 && sig.kwarg === null;
}

/** On a runtime function (no class) that takes positional arguments only (`noKeywords`): `call` calls it as it is. */
const PLAIN_CALL = Symbol('pyasync.plainCall');

/** `f(*args, **kwargs)` and calls with keywords. `kwargs` is null when there are none. */
export function call(f: unknown, args: unknown[], kwargs: Record<string, unknown> | null): unknown {
  if (typeof f !== 'function') {
    const hooked = f !== null && typeof f === 'object' ? callHooks.call?.(f as unknown as Function, args, kwargs) : undefined;
    if (hooked !== undefined) return hooked.value;
    throw new TypeError(`'${typeName(f)}' object is not callable`);
  }
  const callee = f as PyCallable;
  const sig = callee[SIGNATURE];
  if (sig !== undefined) {
    if (kwargs === null && sig.kwonly.length === 0 && sig.kwarg === null) {
      return args.length > MANY_ARGUMENTS ? callPacked(callee, sig, args) : callee(...args);
    }
    // No keywords for a `**kw` function given every named parameter: what bind() makes, without its work.
    if (kwargs === null && sig.kwonly.length === 0 && args.length >= sig.names.length && (sig.vararg !== null || args.length === sig.names.length)
      && args.length < MANY_ARGUMENTS) {
      return callee(...args, new Keywords({}));
    }
    const bound = bind(sig, args, kwargs ?? {});
    return bound.length > MANY_ARGUMENTS ? callPacked(callee, sig, bound) : callee(...bound);
  }
  const bound = callee[BOUND];
  if (bound !== undefined) return call(bound.func, [bound.self, ...args], kwargs);
  const hooked = callHooks.call?.(callee, args, kwargs);
  if (hooked !== undefined) return hooked.value;
  if (args.length > MANY_ARGUMENTS && callee.$many) return callee.$many(args, kwargs ?? {});
  // A runtime class taking keywords (itertools.count(step=2)) has a keyword entry.
  if (kwargs !== null && callee.$kw) return callee.$kw(args, kwargs);
  if (isClass(f)) return new (f as new (...a: unknown[]) => unknown)(...args);
  if (kwargs === null) return callee(...args);
  if (callee.$kw) return callee.$kw(args, kwargs);
  // A JS function gets the keywords as a trailing plain object.
  return callee(...args, kwargs);
}

/**
 * Marks a runtime function whose prologue binds positional arguments alone
 * exactly as `call` binds them (pydef's pyFunction, whose keyword-only and
 * `**` parameters get their defaults when no Keywords come): compiled
 * `mod.f(a)` may then call it directly (plainCallable).
 */
export function positionalCallable<F extends (...args: never[]) => unknown>(fn: F): F {
  (fn as unknown as { [PLAIN_CALL]: true })[PLAIN_CALL] = true;
  return fn;
}

/** `name() takes no keyword arguments` for a C builtin given some; `f(x, **{})` gives none. */
export function noKeywords<F extends (...args: never[]) => unknown>(fn: F, name: string): F {
  (fn as unknown as PyCallable).$kw = (args: unknown[], kwargs: Record<string, unknown>) => {
    for (const _ in kwargs) throw new TypeError(`${name}() takes no keyword arguments`);
    return (fn as unknown as PyCallable)(...args);
  };
  if (!isClass(fn)) (fn as unknown as { [PLAIN_CALL]: true })[PLAIN_CALL] = true;
  return fn;
}

/** JS classes (the runtime's exceptions) are called with `new`. */
function isClass(f: Function): boolean {
  return Object.getOwnPropertyDescriptor(f, 'prototype')?.writable === false;
}

/** The JS arguments for a call of a function with signature `sig`. */
function bind(sig: Signature, args: unknown[], kwargs: Record<string, unknown>): unknown[] {
  const n = sig.names.length;
  if (args.length > n && sig.vararg === null) throw tooMany(sig, args.length, Object.keys(kwargs).filter((k) => sig.kwonly.includes(k)).length);
  // Every call with keywords comes here: nothing is allocated beyond the bound arguments unless an error needs it.
  const bound: unknown[] = args.slice(0, n);
  while (bound.length < n) bound.push(undefined);
  let positionalOnly: string[] | null = null;
  let rest: Record<string, unknown> | null = null;
  for (const key of Object.keys(kwargs)) {
    const i = sig.names.indexOf(key);
    if (i < 0 || i < sig.posonly) {
      if (sig.kwarg === null && !sig.kwonly.includes(key)) {
        if (i >= 0) {
          (positionalOnly ??= []).push(key);
          continue;
        }
        throw new TypeError(`${sig.qualname}() got an unexpected keyword argument '${key}'`);
      }
      (rest ??= {})[key] = kwargs[key];
      continue;
    }
    if (i < args.length) throw new TypeError(`${sig.qualname}() got multiple values for argument '${key}'`);
    bound[i] = kwargs[key];
  }
  if (positionalOnly !== null) {
    throw new TypeError(`${sig.qualname}() got some positional-only arguments passed as keyword arguments: '${positionalOnly.join(', ')}'`);
  }
  for (let i = 0; i < sig.required; i++) {
    if (bound[i] === undefined) throw missingArguments(sig, sig.names.slice(0, sig.required).filter((_, k) => bound[k] === undefined), 'positional');
  }
  for (let i = n; i < args.length; i++) bound.push(args[i]);
  if (sig.kwonly.length > 0 || sig.kwarg !== null) bound.push(new Keywords(rest ?? {}));
  return bound;
}

function tooMany(sig: Signature, given: number, kwonlyGiven: number): TypeError {
  const n = sig.names.length;
  const takes = sig.required === n ? `${n}` : `from ${sig.required} to ${n}`;
  const plural = sig.required === n && n === 1 ? '' : 's';
  const kw = kwonlyGiven > 0 ? ` positional argument${given === 1 ? '' : 's'} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven === 1 ? '' : 's'})` : '';
  return new TypeError(`${sig.qualname}() takes ${takes} positional argument${plural} but ${given}${kw} ${given === 1 ? 'was' : 'were'} given`);
}

function missingArguments(sig: Signature, missing: string[], kind: string): TypeError {
  const s = missing.length === 1 ? '' : 's';
  return new TypeError(`${sig.qualname}() missing ${missing.length} required ${kind} argument${s}: ${listNames(missing)}`);
}

/**
 * The prologue of a compiled function found too many positional arguments
 * or a missing required one in a direct call: CPython's TypeError. The
 * function is given itself when its code can name it (its signature is on
 * it), else its `$def` spec and qualname.
 */
export function checkArgs(count: number, self: Function): never;
export function checkArgs(count: number, spec: string, qualname: string): never;
export function checkArgs(count: number, spec: string | Function, qualname?: string): never {
  const sig = signatureFrom(spec, qualname);
  const n = sig.names.length;
  if (count > n && sig.vararg === null) throw tooMany(sig, count, 0);
  const missing = sig.names.slice(count, sig.required);
  throw missingArguments(sig, missing, 'positional');
}

/** A prologue's signature: on the function itself, or parsed from the spec. */
function signatureFrom(spec: string | Function, qualname: string | undefined): Signature {
  return typeof spec === 'function' ? (spec as PyCallable)[SIGNATURE]! : signatureFor(spec, qualname!);
}

/**
 * The prologue of a function with keyword-only parameters or `**kwargs`:
 * from the JS rest array, `[*args tuple?, ...keyword-only values, kwargs dict?]`
 * (the parts the signature has, in that order). Missing keyword-only values
 * are undefined, for the JS defaults to fill in. The signature comes as
 * for `checkArgs`.
 */
export function restArgs(rest: unknown[], self: Function): unknown[];
export function restArgs(rest: unknown[], spec: string, qualname: string): unknown[];
export function restArgs(rest: unknown[], spec: string | Function, qualname?: string): unknown[] {
  const sig = signatureFrom(spec, qualname);
  const last = rest[rest.length - 1];
  const keywords = last instanceof Keywords ? last.values : null;
  const positional = restItems(keywords === null ? rest : rest.slice(0, -1));
  if (sig.vararg === null && positional.length > 0) {
    throw tooMany(sig, sig.names.length + positional.length, keywords ? Object.keys(keywords).filter((k) => sig.kwonly.includes(k)).length : 0);
  }
  const out: unknown[] = [];
  if (sig.vararg !== null) out.push(PyTuple.fromArray(positional));
  let missing: string[] | null = null;
  for (let i = 0; i < sig.kwonly.length; i++) {
    const name = sig.kwonly[i]!;
    const value = keywords !== null && Object.hasOwn(keywords, name) ? keywords[name] : undefined;
    if (value === undefined && sig.kwonlyRequired[i]) (missing ??= []).push(name);
    out.push(value);
  }
  if (missing !== null) throw missingArguments(sig, missing, 'keyword-only');
  if (sig.kwarg !== null) {
    const dict = new PyDict();
    if (keywords !== null) for (const key of Object.keys(keywords)) if (sig.kwonly.length === 0 || !sig.kwonly.includes(key)) dict.$set(key, keywords[key]);
    out.push(dict);
  }
  return out;
}

/** CPython's list of names: 'a', 'a' and 'b', 'a', 'b', and 'c'. */
function listNames(names: string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length === 1) return quoted[0]!;
  if (quoted.length === 2) return `${quoted[0]!} and ${quoted[1]!}`;
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]!}`;
}
