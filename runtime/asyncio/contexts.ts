/**
 * The contexts of `contextvars` (PEP 567), as asyncio uses them: each Task
 * runs in its own Context (a copy of its creator's, or `create_task`'s
 * `context=`), and each callback a loop schedules runs in the Context
 * current when it was scheduled. The current Context is the one
 * `Context.run` entered, else that of the Task in flight, else the
 * program's own. Until a program makes its first ContextVar there is
 * nothing to keep apart, so Tasks and callbacks made before then take no
 * copy (and run in the program's Context).
 */
import { LookupError, RuntimeError, TypeError } from '../builtins/exceptions.js';
import { call } from '../builtins/calls.js';
import { repr } from '../builtins/repr.js';
import { PyTuple } from '../builtins/values.js';
import { objectId } from '../builtins/classes/identity.js';
import { CLASS, defineHidden } from '../builtins/classes/model.js';
import { takeKeywords } from './keywords.js';

export function address(v: object): string {
  return `0x${objectId(v).toString(16).padStart(12, '0')}`;
}

/** The keys of a Context: contextvars' ContextVar (checked by class name, which this module cannot import). */
function checkKey(key: unknown): object {
  if (key === null || typeof key !== 'object' || (key.constructor as { __name__?: string } | undefined)?.__name__ !== 'ContextVar') {
    throw new TypeError(`a ContextVar key was expected, got ${repr(key)}`);
  }
  return key;
}

/** contextvars.Context: a mapping of ContextVars to values, which `run` makes current for a call. */
export class ContextImpl {
  static readonly __name__ = 'Context';
  static readonly __module__ = '_contextvars';
  /** Whether Context.run is running in it now (it cannot be entered twice). */
  $entered = false;
  constructor(readonly $vars: Map<object, unknown> = new Map()) {}

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

/** Called when the first ContextVar is made. */
export function useContexts(): void {
  inUse = true;
}

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
