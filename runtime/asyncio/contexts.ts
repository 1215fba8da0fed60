/**
 * The contexts of `contextvars` (PEP 567), as asyncio uses them: each Task
 * runs in its own Context (a copy of its creator's, or `create_task`'s
 * `context=`), and each callback a loop schedules runs in the Context
 * current when it was scheduled. The current Context is the one
 * `Context.run` entered, else that of the Task in flight, else the
 * program's own. Until a program makes its first ContextVar there is
 * nothing to keep apart, so Tasks and callbacks made before then take no
 * copy (and run in the program's Context). The classes of `contextvars`
 * (ContextVar, Token, Context) are here, which runtime/modules/contextvars.ts
 * exports.
 */
import { LookupError, RuntimeError, TypeError, ValueError } from '../builtins/exceptions.js';
import { call } from '../builtins/calls.js';
import { repr } from '../builtins/repr.js';
import { PyTuple } from '../builtins/values.js';
import { objectId } from '../builtins/classes/identity.js';
import { CLASS, defineHidden } from '../builtins/classes/model.js';
import { takeKeywords } from './keywords.js';

export function address(v: object): string {
  return `0x${objectId(v).toString(16).padStart(12, '0')}`;
}

function checkKey(key: unknown): ContextVarImpl {
  if (!(key instanceof ContextVarImpl)) throw new TypeError(`a ContextVar key was expected, got ${repr(key)}`);
  return key;
}

/** contextvars.Context: a mapping of ContextVars to values, which `run` makes current for a call. */
export class ContextImpl {
  static readonly __name__ = 'Context';
  static readonly __module__ = '_contextvars';
  /** Whether Context.run is running in it now (it cannot be entered twice). */
  $entered = false;
  constructor(readonly $vars: Map<ContextVarImpl, unknown> = new Map()) {}

  run(fn: unknown, ...args: unknown[]): unknown {
    const kw = takeKeywords(args);
    return runInContext(this, () => call(fn, args, kw));
  }

  copy(): ContextImpl {
    return new ContextImpl(new Map(this.$vars));
  }

  get(key: unknown, dflt: unknown = null): unknown {
    const k = checkKey(key);
    return this.$vars.has(k) ? this.$vars.get(k) : dflt;
  }

  __getitem__(key: unknown): unknown {
    const k = checkKey(key);
    if (!this.$vars.has(k)) throw new LookupError(k);
    return this.$vars.get(k);
  }

  __contains__(key: unknown): boolean {
    return this.$vars.has(checkKey(key));
  }

  __len__(): number {
    return this.$vars.size;
  }

  __iter__(): Iterator<unknown> {
    return this.$vars.keys();
  }

  keys(): unknown[] {
    return [...this.$vars.keys()];
  }

  values(): unknown[] {
    return [...this.$vars.values()];
  }

  items(): PyTuple[] {
    return [...this.$vars].map(([k, v]) => PyTuple.fromArray([k, v]));
  }

  __repr__(): string {
    return `<_contextvars.Context object at ${address(this)}>`;
  }
}

// Its instances find their dunders (`ctx[var]`, `var in ctx`, `len(ctx)`) on their prototype, as a Python class's do.
defineHidden(ContextImpl.prototype, CLASS, ContextImpl);

let inUse = false;
let root: ContextImpl | null = null;
/** The Context `Context.run` entered, innermost; null outside any. */
let entered: ContextImpl | null = null;

/** The Context of the Task in flight, if any (set by tasks.ts, which this module cannot import). */
export const contextHooks: { inFlight: () => ContextImpl | null } = { inFlight: () => null };

export function currentContext(): ContextImpl {
  return entered ?? contextHooks.inFlight() ?? (root ??= new ContextImpl());
}

export function copyContext(): ContextImpl {
  return new ContextImpl(new Map(currentContext().$vars));
}

/** What a Task or a scheduled callback keeps: a copy of the current Context, once contexts are in use. */
export function capturedContext(): ContextImpl | null {
  return inUse ? copyContext() : null;
}

/** `context.run(fn)`: fn with `context` current. */
export function runInContext<T>(context: ContextImpl, fn: () => T): T {
  if (context.$entered) throw new RuntimeError(`cannot enter context: ${repr(context)} is already entered`);
  const outer = entered;
  context.$entered = true;
  entered = context;
  try {
    return fn();
  } finally {
    entered = outer;
    context.$entered = false;
  }
}

/** A Token's `old_value` when the variable had no value: `Token.MISSING`. */
class TokenMissing {
  static readonly __name__ = 'Token.MISSING';
  __repr__(): string {
    return '<Token.MISSING>';
  }
}
const MISSING = new TokenMissing();

const NO_DEFAULT = Symbol('no default');

export class ContextVarImpl {
  static readonly __name__ = 'ContextVar';
  static readonly __module__ = '_contextvars';
  readonly name: string;
  readonly $default: unknown;

  constructor(...args: unknown[]) {
    const kw = takeKeywords(args);
    const name = args[0] ?? kw?.['name'];
    if (typeof name !== 'string') throw new TypeError('context variable name must be a str');
    this.name = name;
    this.$default = kw !== null && Object.hasOwn(kw, 'default') ? kw['default'] : args.length > 1 ? args[1] : NO_DEFAULT;
    inUse = true;
  }

  get(...args: unknown[]): unknown {
    const vars = currentContext().$vars;
    if (vars.has(this)) return vars.get(this);
    if (args.length > 0) return args[0];
    if (this.$default !== NO_DEFAULT) return this.$default;
    throw new LookupError(this);
  }

  set(value: unknown): TokenImpl {
    const context = currentContext();
    const old = context.$vars.has(this) ? context.$vars.get(this) : MISSING;
    context.$vars.set(this, value);
    return new TokenImpl(context, this, old);
  }

  reset(token: unknown): null {
    if (!(token instanceof TokenImpl)) throw new TypeError(`expected an instance of Token, got ${repr(token)}`);
    if (token.$used) throw new RuntimeError(`${repr(token)} has already been used once`);
    if (token.var !== this) throw new ValueError(`${repr(token)} was created by a different ContextVar`);
    const context = currentContext();
    if (token.$context !== context) throw new ValueError(`${repr(token)} was created in a different Context`);
    token.$used = true;
    if (token.old_value === MISSING) context.$vars.delete(this);
    else context.$vars.set(this, token.old_value);
    return null;
  }

  __repr__(): string {
    const dflt = this.$default === NO_DEFAULT ? '' : ` default=${repr(this.$default)}`;
    return `<ContextVar name=${repr(this.name)}${dflt} at ${address(this)}>`;
  }
}

export class TokenImpl {
  static readonly __name__ = 'Token';
  static readonly __module__ = '_contextvars';
  $used = false;
  /** `token.var` (a parameter cannot be named `var`). */
  readonly var: ContextVarImpl;

  constructor(
    readonly $context: ContextImpl,
    variable: ContextVarImpl,
    readonly old_value: unknown,
  ) {
    this.var = variable;
  }

  __repr__(): string {
    return `<Token${this.$used ? ' used' : ''} var=${repr(this.var)} at ${address(this)}>`;
  }
}

// A class attribute: the runtime finds a JS class's attributes on its prototype.
Object.defineProperty(TokenImpl.prototype, 'MISSING', { value: MISSING, enumerable: false });
