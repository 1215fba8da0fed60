/**
 * BaseExceptionGroup and ExceptionGroup (PEP 654). Python's ExceptionGroup
 * derives from both BaseExceptionGroup and Exception; JS classes have one
 * base, so ExceptionGroup extends Exception (so `except Exception` catches
 * it) and BaseExceptionGroup's `instanceof` also accepts ExceptionGroup and
 * its subclasses. Both classes share the group behaviour below.
 */
import { PY_BASES } from './classes.js';
import { callableClass } from './callableClass.js';
import { BUILTIN_STR, BaseException, Exception, TypeError, ValueError, isExceptionClass } from './exceptions.js';
import { PyTuple, typeName } from './values.js';
import { PyDict } from './dict.js';
import { PyRange } from './range.js';
import { PyBytes } from './values.js';
import { hasSpecial } from './special.js';
import { callMethod } from './attributes.js';
import { truthy } from './truth.js';
import { toPython } from './errors.js';
import { tracebackHooks } from './tracebackObjects.js';
import { registerExceptionField, registerPythonAttribute } from './classes/exceptionAttributes.js';

/** What both group classes are, as the rest of the runtime sees them. */
export interface ExceptionGroupLike extends BaseException {
  readonly message: string;
  readonly exceptions: PyTuple<BaseException>;
  derive(excs: unknown): BaseException;
}

const NATIVE_HAS_INSTANCE = Function.prototype[Symbol.hasInstance];

export const BaseExceptionGroup = callableClass(class BaseExceptionGroup extends BaseException implements ExceptionGroupLike {
  /** Python's `isinstance(x, BaseExceptionGroup)`: ExceptionGroup is a subclass too. */
  static [Symbol.hasInstance](v: unknown): boolean {
    if (NATIVE_HAS_INSTANCE.call(this, v)) return true;
    return this.prototype === BaseExceptionGroup.prototype && v instanceof ExceptionGroup;
  }

  declare readonly exceptions: PyTuple<BaseException>;
  readonly #message: string = '';

  constructor(...args: unknown[]) {
    super(...args);
    const [message, excs] = groupArguments(new.target, args);
    // BaseExceptionGroup(msg, excs) of Exceptions only is an ExceptionGroup (not for subclasses).
    if (new.target === BaseExceptionGroup && excs.every((e) => e instanceof Exception)) {
      return new ExceptionGroup(...args) as unknown as BaseExceptionGroup;
    }
    this.#message = message;
    Object.defineProperty(this, 'exceptions', { value: excs, enumerable: true });
  }

  override get message(): string {
    return this.#message;
  }

  override set message(_: string) {
    // Read-only in Python; Error's constructor does not assign it without arguments.
  }

  override [BUILTIN_STR](): string {
    return groupStr(this);
  }

  override __str__(): string {
    return groupStr(this);
  }

  derive(excs: unknown): BaseException {
    return new BaseExceptionGroup(this.#message, excs);
  }

  split(...args: unknown[]): PyTuple {
    return split(this, args);
  }

  subgroup(...args: unknown[]): BaseException | null {
    return subgroup(this, args);
  }
});
export type BaseExceptionGroup = InstanceType<typeof BaseExceptionGroup>;
registerExceptionField(BaseExceptionGroup, 'exceptions');
registerPythonAttribute(BaseExceptionGroup, 'message');

export const ExceptionGroup = callableClass(class ExceptionGroup extends Exception implements ExceptionGroupLike {
  declare readonly exceptions: PyTuple<BaseException>;
  readonly #message: string = '';

  constructor(...args: unknown[]) {
    super(...args);
    const [message, excs] = groupArguments(new.target, args);
    this.#message = message;
    Object.defineProperty(this, 'exceptions', { value: excs, enumerable: true });
  }

  override get message(): string {
    return this.#message;
  }

  override set message(_: string) {
    // As BaseExceptionGroup's.
  }

  override [BUILTIN_STR](): string {
    return groupStr(this);
  }

  override __str__(): string {
    return groupStr(this);
  }

  derive(excs: unknown): BaseException {
    return new BaseExceptionGroup(this.#message, excs);
  }

  split(...args: unknown[]): PyTuple {
    return split(this, args);
  }

  subgroup(...args: unknown[]): BaseException | null {
    return subgroup(this, args);
  }
});
export type ExceptionGroup = InstanceType<typeof ExceptionGroup>;
// Python's bases, which one JS base cannot express (for __mro__ and issubclass).
Object.defineProperty(ExceptionGroup, PY_BASES, { value: [BaseExceptionGroup, Exception] });

export function isExceptionGroup(v: unknown): v is ExceptionGroupLike {
  return v instanceof BaseExceptionGroup;
}

tracebackHooks.groupMembers = (e) => (isExceptionGroup(e) ? e.exceptions : []);

/** The checks of BaseExceptionGroup.__new__: the message and the exceptions as a tuple. */
function groupArguments(cls: Function, args: unknown[]): [string, PyTuple<BaseException>] {
  if (args.length !== 2) throw new TypeError(`BaseExceptionGroup.__new__() takes exactly 2 arguments (${args.length} given)`);
  const [message, seq] = args;
  if (typeof message !== 'string') throw new TypeError(`BaseExceptionGroup.__new__() argument 1 must be str, not ${message === null || message === undefined ? 'None' : typeName(message)}`);
  if (!isSequence(seq)) throw new TypeError('second argument (exceptions) must be a sequence');
  const items = Array.isArray(seq) ? seq : [...(seq as Iterable<unknown>)];
  if (items.length === 0) throw new ValueError('second argument (exceptions) must be a non-empty sequence');
  const excs = new PyTuple<BaseException>();
  items.forEach((e, i) => {
    if (!(e instanceof BaseException)) throw new ValueError(`Item ${i} of second argument (exceptions) is not an exception`);
    excs.push(e);
  });
  if (cls.prototype instanceof Exception || cls.prototype === ExceptionGroup.prototype) {
    if (!excs.every((e) => e instanceof Exception)) {
      throw new TypeError(cls.prototype === ExceptionGroup.prototype ? 'Cannot nest BaseExceptions in an ExceptionGroup' : `Cannot nest BaseExceptions in '${groupName(cls)}'`);
    }
  }
  return [message, excs];
}

/** PySequence_Check: anything with `__getitem__` but a dict. */
function isSequence(v: unknown): boolean {
  if (Array.isArray(v) || typeof v === 'string' || v instanceof PyRange || v instanceof PyBytes) return true;
  if (v instanceof PyDict) return false;
  return hasSpecial(v, '__getitem__') && typeof (v as Iterable<unknown>)[Symbol.iterator] === 'function';
}

function groupName(cls: Function): string {
  const named = cls as { __name__?: unknown };
  return typeof named.__name__ === 'string' ? named.__name__ : cls.name;
}

function groupStr(g: ExceptionGroupLike): string {
  const n = g.exceptions.length;
  return `${g.message} (${n} sub-exception${n === 1 ? '' : 's'})`;
}

// ---------------------------------------------------------------------------
// split and subgroup

type Matcher = (e: BaseException) => boolean;


/** split/subgroup's condition: an exception type, a tuple of them, or a predicate function. */
function matcher(method: string, args: unknown[]): Matcher {
  if (args.length !== 1) throw new TypeError(`${method} expected 1 argument, got ${args.length}`);
  const cond = args[0];
  if (isExceptionClass(cond)) return (e) => e instanceof cond;
  if (cond instanceof PyTuple && cond.every(isExceptionClass)) {
    return (e) => cond.some((c) => e instanceof (c as new () => BaseException));
  }
  if (typeof cond === 'function' && !isClassLike(cond)) return (e) => truthy((cond as (e: unknown) => unknown)(e));
  throw new TypeError('expected a function, exception type or tuple of exception types');
}

function isClassLike(f: Function): boolean {
  return Object.getOwnPropertyDescriptor(f, 'prototype')?.writable === false;
}

interface Parts {
  match: BaseException | null;
  rest: BaseException | null;
}

/**
 * The leaves of `exc` that satisfy `matches`, and the others, each in a
 * copy of the group structure (made by `derive`); a group that matches as
 * a whole is kept as it is.
 */
function splitRecursive(exc: BaseException, matches: Matcher, wantRest: boolean): Parts {
  if (matches(exc)) return { match: exc, rest: null };
  if (!isExceptionGroup(exc)) return { match: null, rest: wantRest ? exc : null };
  const matched: BaseException[] = [];
  const rest: BaseException[] = [];
  for (const e of exc.exceptions) {
    const parts = splitRecursive(e, matches, wantRest);
    if (parts.match !== null) matched.push(parts.match);
    if (parts.rest !== null) rest.push(parts.rest);
  }
  return {
    match: matched.length > 0 ? derived(exc, matched) : null,
    rest: wantRest && rest.length > 0 ? derived(exc, rest) : null,
  };
}

/** `eg.derive(excs)` with eg's cause, context, traceback and notes. */
function derived(eg: ExceptionGroupLike, excs: BaseException[]): BaseException {
  const made = callMethod(eg, 'derive', excs);
  if (!isExceptionGroup(made)) throw new TypeError('derive must return an instance of BaseExceptionGroup');
  made.__cause__ = eg.__cause__;
  made.__context__ = eg.__context__;
  // Setting __cause__ in Python also sets __suppress_context__.
  made.__suppress_context__ = true;
  const from = eg as unknown as Record<string, unknown>;
  const to = made as unknown as Record<string, unknown>;
  if ('__traceback__' in eg) to['__traceback__'] = from['__traceback__'];
  if (eg.__notes__ !== undefined) to['__notes__'] = Array.isArray(eg.__notes__) ? [...eg.__notes__] : eg.__notes__;
  return made;
}

function split(eg: ExceptionGroupLike, args: unknown[]): PyTuple {
  const parts = splitRecursive(eg, matcher('split', args), true);
  return PyTuple.of(parts.match, parts.rest);
}

function subgroup(eg: ExceptionGroupLike, args: unknown[]): BaseException | null {
  return splitRecursive(eg, matcher('subgroup', args), false).match;
}

// ---------------------------------------------------------------------------
// except*

/** The leaves (non-group exceptions) of an exception, in order. */
function leaves(e: BaseException, into: Set<BaseException>): Set<BaseException> {
  if (isExceptionGroup(e)) for (const sub of e.exceptions) leaves(sub, into);
  else into.add(e);
  return into;
}

/**
 * What a `try … except*` statement is handling: the exception the body
 * raised, what no handler has matched yet, and what the handlers raised.
 * Compiled code creates one in the `catch`, asks `match(T)` for each
 * handler, reports what a handler raised with `raised(e)`, and ends with
 * `reraise()`, which throws what is left, combined as CPython combines it.
 */
export class ExceptStar {
  /** What no handler has matched yet. */
  private rest: unknown;
  /** The groups handed to handlers (with their tracebacks then): raising one again (bare `raise`) re-raises its part of the original. */
  private readonly matches = new Map<BaseException, unknown>();
  /** The group the running (or last) handler handles. */
  private current: BaseException | null = null;
  /** What handlers raised or re-raised, in handler order. */
  private readonly outcomes: BaseException[] = [];

  private readonly original: unknown;

  constructor(error: unknown) {
    this.original = toPython(error);
    this.rest = this.original;
  }

  /** The part of the exception `except* type` handles (null when none), which leaves the rest for later handlers. */
  match(type: unknown): BaseException | null {
    try {
      checkExceptStarType(type);
    } catch (e) {
      // Raised while handling the last match (or, before any, the exception itself).
      const handled = this.current ?? this.original;
      if (e instanceof BaseException && handled instanceof BaseException) e.__context__ = handled;
      throw e;
    }
    const rest = this.rest;
    if (!(rest instanceof BaseException)) return null;
    let match: BaseException | null;
    if (matchesType(rest, type)) {
      match = isExceptionGroup(rest) ? rest : new BaseExceptionGroup('', PyTuple.of(rest));
      this.rest = null;
    } else if (isExceptionGroup(rest)) {
      const parts = callMethod(rest, 'split', type) as PyTuple;
      match = parts[0] as BaseException | null;
      if (match !== null) this.rest = parts[1];
    } else {
      match = null;
    }
    if (match !== null) {
      this.matches.set(match, tracebackOf(match));
      this.current = match;
    }
    return match;
  }

  /** A handler raised `error` (while handling the current match). */
  raised(error: unknown): void {
    const e = toPython(error);
    if (!(e instanceof BaseException)) throw error;
    const handled = this.current!;
    if (e !== handled && e.__context__ === null) e.__context__ = handled;
    this.outcomes.push(e);
  }

  /**
   * Whether a handler's exception is one of the matches raised again as it
   * was (a bare `raise`), as CPython tells by its unchanged traceback.
   * `raise e` gives it a new traceback once the runtime keeps tracebacks;
   * until then it also counts as re-raised.
   */
  private isReraise(e: BaseException): boolean {
    return this.matches.has(e) && this.matches.get(e) === tracebackOf(e);
  }

  /** Throws what the statement lets escape, if anything. */
  reraise(): void {
    const result = this.result();
    if (result !== null) throw result;
  }

  private result(): unknown {
    const original = this.original;
    if (!(original instanceof BaseException)) return original;
    const rest = this.rest as BaseException | null;
    if (!isExceptionGroup(original)) {
      // A naked exception: at most one handler ran.
      return this.outcomes[0] ?? rest;
    }
    // What was raised again (bare `raise`, or no handler) keeps the original's
    // structure; exceptions raised anew are grouped with it.
    const fresh: BaseException[] = [];
    const again = new Set<BaseException>();
    for (const e of this.outcomes) {
      if (this.isReraise(e)) leaves(e, again);
      else fresh.push(e);
    }
    if (rest !== null) leaves(rest, again);
    const kept = again.size > 0 ? splitRecursive(original, (e) => again.has(e), false).match : null;
    if (fresh.length === 0) return kept;
    if (kept !== null) fresh.push(kept);
    return fresh.length === 1 ? fresh[0]! : new BaseExceptionGroup('', fresh);
  }
}

export function exceptStar(error: unknown): ExceptStar {
  return new ExceptStar(error);
}

function tracebackOf(e: BaseException): unknown {
  return (e as unknown as { __traceback__?: unknown }).__traceback__;
}

function matchesType(exc: BaseException, type: unknown): boolean {
  if (type instanceof PyTuple) return type.some((t) => exc instanceof (t as new () => BaseException));
  return exc instanceof (type as new () => BaseException);
}

function isGroupClass(t: unknown): boolean {
  const proto = (t as Function).prototype as object | undefined;
  return proto === BaseExceptionGroup.prototype || proto === ExceptionGroup.prototype || proto instanceof BaseExceptionGroup;
}

function checkExceptStarType(type: unknown): void {
  const types = type instanceof PyTuple ? type : [type];
  if (!types.every(isExceptionClass)) throw new TypeError('catching classes that do not inherit from BaseException is not allowed');
  if (types.some(isGroupClass)) {
    throw new TypeError('catching ExceptionGroup with except* is not allowed. Use except instead.');
  }
}
