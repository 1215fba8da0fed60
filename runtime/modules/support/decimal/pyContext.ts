/**
 * decimal's Context class, the signal exception classes and the current
 * context (kept in a context variable, as CPython's is, so that asyncio
 * Tasks each see their own after a setcontext or localcontext).
 */
import { PyProperty } from '../../../builtins/classes.js';
import { PyDict } from '../../../builtins/dict.js';
import { ArithmeticError, TypeError, ValueError, ZeroDivisionError } from '../../../builtins/exceptions.js';
import { truthy } from '../../../builtins/truth.js';
import { isinstance } from '../../../builtins/types.js';
import { iterate } from '../../../builtins/iteration.js';
import { TYPE_NAME, isIntNumber } from '../../../builtins/values.js';
import { ContextVarImpl } from '../../../asyncio/contexts.js';
import { defineClass, newInstance, newException } from '../stdlib/pyclass.js';
import { pyFunction } from '../pydef.js';
import { CONDITIONS, CONVERSION_SYNTAX, type Ctx, DIVISION_IMPOSSIBLE, DIVISION_UNDEFINED, INVALID_ANY, INVALID_CONTEXT, INVALID_OPERATION, ROUNDINGS, type Rounding, SIGNALS } from './signals.js';

export const Q = 'decimal';

export const MAX_PREC = 999999999999999999n;
export const MAX_EMAX = 999999999999999999n;
export const MIN_EMIN = -999999999999999999n;
export const MIN_ETINY = -1999999999999999997n;

export const DecimalException = defineClass(Q, 'DecimalException', [ArithmeticError], {});
export const Clamped = defineClass(Q, 'Clamped', [DecimalException], {});
export const InvalidOperation = defineClass(Q, 'InvalidOperation', [DecimalException], {});
export const ConversionSyntax = defineClass(Q, 'ConversionSyntax', [InvalidOperation], {});
export const DivisionByZero = defineClass(Q, 'DivisionByZero', [DecimalException, ZeroDivisionError], {});
export const DivisionImpossible = defineClass(Q, 'DivisionImpossible', [InvalidOperation], {});
export const DivisionUndefined = defineClass(Q, 'DivisionUndefined', [InvalidOperation, ZeroDivisionError], {});
export const Inexact = defineClass(Q, 'Inexact', [DecimalException], {});
export const InvalidContext = defineClass(Q, 'InvalidContext', [InvalidOperation], {});
export const Rounded = defineClass(Q, 'Rounded', [DecimalException], {});
export const Subnormal = defineClass(Q, 'Subnormal', [DecimalException], {});
export const Overflow = defineClass(Q, 'Overflow', [Inexact, Rounded], {});
export const Underflow = defineClass(Q, 'Underflow', [Inexact, Rounded, Subnormal], {});
export const FloatOperation = defineClass(Q, 'FloatOperation', [DecimalException, TypeError], {});

const CLASSES: Record<string, unknown> = {
  InvalidOperation, ConversionSyntax, DivisionImpossible, DivisionUndefined, InvalidContext,
  FloatOperation, DivisionByZero, Overflow, Underflow, Subnormal, Inexact, Rounded, Clamped,
};
const signalClasses = SIGNALS.map((s) => CLASSES[s.name]);

// The order in which CPython's Context repr lists flags and traps: libmpdec's bit order, where
// InvalidOperation stands at the place of the first of its conditions that occurred.
const REPR_ORDER: readonly [string, number][] = [
  ['Clamped', 0], ['InvalidOperation', CONVERSION_SYNTAX], ['DivisionByZero', 0], ['InvalidOperation', DIVISION_IMPOSSIBLE],
  ['InvalidOperation', DIVISION_UNDEFINED], ['Inexact', 0], ['InvalidOperation', INVALID_CONTEXT], ['InvalidOperation', INVALID_OPERATION],
  ['FloatOperation', 0], ['Overflow', 0], ['Rounded', 0], ['Subnormal', 0], ['Underflow', 0],
];

/** A Python Context: the arithmetic settings plus the flags and traps dicts keyed by signal class. */
export interface PyCtx {
  $c: Ctx;
  /** The InvalidOperation conditions that set the flag (for the repr's order); 0 when set by hand. */
  $invalid: number;
  $capitals: number;
  flags: PyDict;
  traps: PyDict;
}

function signalDict(on: readonly unknown[]): PyDict {
  const d = new PyDict();
  for (const cls of signalClasses) d.$set(cls, on.includes(cls));
  return d;
}

/** flags= / traps= of the constructor: a list of signals or a dict of them. */
function signalsFrom(v: unknown): unknown[] {
  if (v instanceof PyDict) {
    const on: unknown[] = [];
    for (const k of v) if (truthy(v.$get(k))) on.push(k);
    return on;
  }
  return [...iterate(v)];
}

function intSetting(v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && isIntNumber(v)) return v;
  if (typeof v === 'bigint') return Number(v);
  throw new TypeError('an integer is required');
}

function checkRange(v: unknown, lo: number, hi: number, message: string): number {
  const n = intSetting(v);
  if (n < lo || n > hi) throw new ValueError(message);
  return n;
}

const MAX = 999999999999999999;

const setters: Record<string, (ctx: PyCtx, v: unknown) => void> = {
  prec: (ctx, v) => { ctx.$c.prec = checkRange(v, 1, MAX, 'valid range for prec is [1, MAX_PREC]'); },
  Emin: (ctx, v) => { ctx.$c.emin = checkRange(v, -MAX, 0, 'valid range for Emin is [MIN_EMIN, 0]'); },
  Emax: (ctx, v) => { ctx.$c.emax = checkRange(v, 0, MAX, 'valid range for Emax is [0, MAX_EMAX]'); },
  capitals: (ctx, v) => { ctx.$capitals = checkRange(v, 0, 1, 'valid values for capitals are 0 or 1'); },
  clamp: (ctx, v) => { ctx.$c.clamp = checkRange(v, 0, 1, 'valid values for clamp are 0 or 1'); },
  rounding: (ctx, v) => {
    if (typeof v !== 'string' || !(ROUNDINGS as readonly string[]).includes(v)) {
      throw new TypeError('valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]');
    }
    ctx.$c.rounding = v as Rounding;
  },
};

const getters: Record<string, (ctx: PyCtx) => unknown> = {
  prec: (ctx) => ctx.$c.prec,
  Emin: (ctx) => ctx.$c.emin,
  Emax: (ctx) => ctx.$c.emax,
  capitals: (ctx) => ctx.$capitals,
  clamp: (ctx) => ctx.$c.clamp,
  rounding: (ctx) => ctx.$c.rounding,
};

const PARAMS = ['prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps'] as const;

/** Makes a context from settings (undefined: DefaultContext's, or the built-in defaults while it is being made). */
export function makeContext(cls: unknown, settings: Partial<Record<(typeof PARAMS)[number], unknown>>): PyCtx {
  const ctx = newInstance(cls) as unknown as PyCtx;
  const base = defaultContext as PyCtx | undefined;
  ctx.$c = base ? { ...base.$c, status: 0 } : { prec: 28, rounding: 'ROUND_HALF_EVEN', emin: -999999, emax: 999999, clamp: 0, status: 0 };
  ctx.$capitals = base ? base.$capitals : 1;
  ctx.$invalid = 0;
  for (const name of ['prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp'] as const) {
    const v = settings[name];
    if (v !== undefined && v !== null) setters[name]!(ctx, v);
  }
  const traps = settings.traps;
  ctx.traps = signalDict(traps !== undefined && traps !== null ? signalsFrom(traps)
    : base ? signalsFrom(base.traps) : [InvalidOperation, DivisionByZero, Overflow]);
  const flags = settings.flags;
  ctx.flags = signalDict(flags !== undefined && flags !== null ? signalsFrom(flags) : []);
  return ctx;
}

function listed(d: PyDict, invalid: number): string {
  const names: string[] = [];
  for (const [name, bit] of REPR_ORDER) {
    if (bit !== 0 && (invalid === 0 ? bit !== CONVERSION_SYNTAX : (invalid & bit) === 0)) continue;
    if (names.includes(name) || !truthy(d.$get(CLASSES[name]))) continue;
    names.push(name);
  }
  return names.join(', ');
}

function contextRepr(ctx: PyCtx): string {
  const c = ctx.$c;
  return `Context(prec=${c.prec}, rounding=${c.rounding}, Emin=${c.emin}, Emax=${c.emax}, capitals=${ctx.$capitals}, clamp=${c.clamp}, flags=[${listed(ctx.flags, ctx.$invalid)}], traps=[${listed(ctx.traps, 0)}])`;
}

/**
 * Records an operation's conditions in the context's flags and raises the
 * first trapped signal, its message listing the trapped conditions as
 * CPython's does (`[<class 'decimal.DivisionByZero'>]`).
 */
export function signal(ctx: PyCtx, status: number): void {
  if (status === 0) return;
  ctx.$invalid |= status & INVALID_ANY;
  let raised: unknown = null;
  const trapped: unknown[] = [];
  SIGNALS.forEach((s, i) => {
    if ((status & s.mask) === 0) return;
    const cls = signalClasses[i];
    ctx.flags.$set(cls, true);
    if (raised === null && truthy(ctx.traps.$get(cls))) raised = cls;
  });
  if (raised === null) return;
  for (const cond of CONDITIONS) {
    if ((status & cond.bit) === 0) continue;
    const sig = SIGNALS.findIndex((s) => (s.mask & cond.bit) !== 0);
    if (truthy(ctx.traps.$get(signalClasses[sig]))) trapped.push(CLASSES[cond.name]);
  }
  throw newException(raised, [trapped], null);
}

/** Runs an arithmetic step with the context's settings and signals its conditions. */
export function run<T>(ctx: PyCtx, op: (c: Ctx) => T): T {
  const c = ctx.$c;
  c.status = 0;
  const result = op(c);
  const status = c.status;
  c.status = 0;
  signal(ctx, status);
  return result;
}


const contextMembers: Record<string, unknown> = {
  __slots__: [],
  __new__: pyFunction('cls, *args, **kwargs', 'Context.__new__', Q, (cls: unknown) => makeContext(cls, {})),
  __init__: pyFunction('self, prec=, rounding=, Emin=, Emax=, capitals=, clamp=, flags=, traps=', 'Context.__init__', Q,
    (self: PyCtx, ...values: unknown[]) => {
      const settings: Record<string, unknown> = {};
      PARAMS.forEach((p, i) => { settings[p] = values[i]; });
      const fresh = makeContext(Object.getPrototypeOf(self).constructor, settings);
      self.$c = fresh.$c;
      self.$capitals = fresh.$capitals;
      self.$invalid = 0;
      self.flags = fresh.flags;
      self.traps = fresh.traps;
      return null;
    }),
  __repr__: pyFunction('self', 'Context.__repr__', Q, contextRepr),
  Etiny: pyFunction('self', 'Context.Etiny', Q, (self: PyCtx) => self.$c.emin - self.$c.prec + 1),
  Etop: pyFunction('self', 'Context.Etop', Q, (self: PyCtx) => self.$c.emax - self.$c.prec + 1),
  clear_flags: pyFunction('self', 'Context.clear_flags', Q, (self: PyCtx) => {
    for (const cls of signalClasses) self.flags.$set(cls, false);
    self.$invalid = 0;
    return null;
  }),
  clear_traps: pyFunction('self', 'Context.clear_traps', Q, (self: PyCtx) => {
    for (const cls of signalClasses) self.traps.$set(cls, false);
    return null;
  }),
  copy: pyFunction('self', 'Context.copy', Q, copyContext),
  __copy__: pyFunction('self', 'Context.__copy__', Q, copyContext),
};
for (const name of Object.keys(getters)) {
  contextMembers[name] = new PyProperty(
    pyFunction('self', `Context.${name}`, Q, getters[name]!),
    pyFunction('self, value', `Context.${name}`, Q, (self: PyCtx, v: unknown) => { setters[name]!(self, v); return null; }),
  );
}

export const Context = defineClass(Q, 'Context', [], contextMembers);
Object.defineProperty(Context, TYPE_NAME, { value: 'decimal.Context' });

export function copyContext(ctx: PyCtx): PyCtx {
  const copy = newInstance(Context) as unknown as PyCtx;
  copy.$c = { ...ctx.$c, status: 0 };
  copy.$capitals = ctx.$capitals;
  copy.$invalid = ctx.$invalid;
  copy.flags = signalDict(signalsFrom(ctx.flags));
  copy.traps = signalDict(signalsFrom(ctx.traps));
  return copy;
}

let defaultContext: PyCtx | undefined;
export const DefaultContext = makeContext(Context, {});
defaultContext = DefaultContext;
export const BasicContext = makeContext(Context, { prec: 9, rounding: 'ROUND_HALF_UP', traps: [Clamped, InvalidOperation, DivisionByZero, Overflow, Underflow] });
export const ExtendedContext = makeContext(Context, { prec: 9, rounding: 'ROUND_HALF_EVEN', traps: [] });

const current = new ContextVarImpl('decimal_context');

export function getcontext(): PyCtx {
  let ctx = current.get(null) as PyCtx | null;
  if (ctx === null) {
    ctx = copyContext(DefaultContext);
    current.set(ctx);
  }
  return ctx;
}

export function setcontext(ctx: unknown): void {
  if (!isinstance(ctx, Context)) throw new TypeError('argument must be a context');
  // CPython installs a copy when handed one of the three template contexts.
  const c = ctx as PyCtx;
  current.set(c === DefaultContext || c === BasicContext || c === ExtendedContext ? copyContext(c) : c);
}

/** The context a method's `context=None` argument names. */
export function contextArg(v: unknown): PyCtx {
  if (v === undefined || v === null) return getcontext();
  if (!isinstance(v, Context)) throw new TypeError('optional argument must be a context');
  return v as PyCtx;
}
