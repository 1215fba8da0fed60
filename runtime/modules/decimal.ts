/**
 * Python's `decimal` (CPython 3.11's C decimal, which follows the General
 * Decimal Arithmetic spec): Decimal on BigInt coefficients, Context with
 * flags and traps, the signals and their exception classes, the current
 * context (getcontext, setcontext, localcontext). The arithmetic lives in
 * support/decimal/. Not provided: the logical_* operations, rotate and
 * shift.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './decimal.js';
import { call } from '../builtins/calls.js';
import { setattr } from '../builtins/attributes.js';
import { TypeError } from '../builtins/exceptions.js';
import { PyTuple } from '../builtins/values.js';
import { namedtuple } from './support/collections/namedtuple.js';
import { pyFunction } from './support/pydef.js';
import { defineClass, newInstance } from './support/stdlib/pyclass.js';
import { $register as register } from './collections.abc.js';
import { Number as NumberAbc } from './numbers.js';
import { divmod as decDivmod, fma as decFma } from './support/decimal/arith.js';
import { binaryOps, unaryOps } from './support/decimal/operations.js';
import {
  BasicContext, Clamped, Context, ConversionSyntax, DecimalException, DefaultContext, DivisionByZero, DivisionImpossible,
  DivisionUndefined, ExtendedContext, FloatOperation, Inexact, InvalidContext, InvalidOperation, MAX_EMAX, MAX_PREC, MIN_EMIN,
  MIN_ETINY, Overflow, Q, Rounded, Subnormal, Underflow, copyContext, getcontext as currentContext, makeContext, run,
  setcontext as installContext, type PyCtx,
} from './support/decimal/pyContext.js';
import {
  Decimal, asTuple, convertArg, createDecimal, decimalTupleHolder, fromFloatArg, numberClass, powerModulo, sameQuantum, wrap,
  type PyDec,
} from './support/decimal/pyDecimal.js';
import { toText } from './support/decimal/text.js';
import { quantize, toIntegral } from './support/decimal/exponent.js';
import { isinstance } from '../builtins/types.js';

export const __name__ = 'decimal';
export const __version__ = '1.70';
export const __libmpdec_version__ = '2.5.1';
loadedModules.$set('decimal', self);

export {
  BasicContext, Clamped, Context, ConversionSyntax, Decimal, DecimalException, DefaultContext, DivisionByZero, DivisionImpossible,
  DivisionUndefined, ExtendedContext, FloatOperation, Inexact, InvalidContext, InvalidOperation, MAX_EMAX, MAX_PREC, MIN_EMIN,
  MIN_ETINY, Overflow, Rounded, Subnormal, Underflow,
};

export {
  ROUND_05UP, ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP,
} from './support/decimal/signals.js';

export const HAVE_THREADS = true;
export const HAVE_CONTEXTVAR = true;

export const DecimalTuple = call(namedtuple, ['DecimalTuple', 'sign digits exponent'], { module: Q });
decimalTupleHolder.cls = DecimalTuple;

register(NumberAbc, Decimal);

export const getcontext = pyFunction('', 'getcontext', Q, () => currentContext());
export const setcontext = pyFunction('context, /', 'setcontext', Q, (context: unknown) => {
  installContext(context);
  return null;
});

const LOCAL_KEYWORDS = ['prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps'];

interface LocalContext {
  $ctx: PyCtx;
  $saved: PyCtx | null;
}

const LocalContextManager = defineClass(Q, 'ContextManager', [], {
  __enter__: pyFunction('self', 'ContextManager.__enter__', Q, (m: LocalContext) => {
    m.$saved = currentContext();
    installContext(m.$ctx);
    return m.$ctx;
  }),
  __exit__: pyFunction('self, *args', 'ContextManager.__exit__', Q, (m: LocalContext) => {
    installContext(m.$saved);
    return null;
  }),
});

export const localcontext = pyFunction('ctx=, **kwargs', 'localcontext', Q, (ctx: unknown = null, kwargs?: unknown) => {
  const base = ctx === null || ctx === undefined ? currentContext() : ctx;
  if (!isinstance(base, Context)) throw new TypeError('optional argument must be a context');
  const copy = copyContext(base as PyCtx);
  const settings: Record<string, unknown> = {};
  const kw = kwargs as { $size?: number; [Symbol.iterator]?: () => Iterator<unknown>; $get?: (k: unknown) => unknown } | undefined;
  if (kw !== undefined && kw.$get !== undefined) {
    for (const key of kw as Iterable<string>) {
      if (!LOCAL_KEYWORDS.includes(key)) throw new TypeError(`'${key}' is an invalid keyword argument for this function`);
      settings[key] = kw.$get(key);
    }
  }
  if (Object.keys(settings).length > 0) {
    const made = makeContext(Context, { ...snapshot(copy), ...settings });
    copy.$c = made.$c;
    copy.$capitals = made.$capitals;
    copy.traps = made.traps;
    if (settings['flags'] !== undefined) copy.flags = made.flags;
  }
  const m = newInstance(LocalContextManager) as unknown as LocalContext;
  m.$ctx = copy;
  m.$saved = null;
  return m;
});

function snapshot(ctx: PyCtx): Record<string, unknown> {
  const c = ctx.$c;
  return { prec: c.prec, rounding: c.rounding, Emin: c.emin, Emax: c.emax, capitals: ctx.$capitals, clamp: c.clamp, traps: ctx.traps, flags: ctx.flags };
}

// Context's arithmetic methods: the Decimal operations with the context explicit and ints accepted.
function method(name: string, spec: string, impl: (...args: never[]) => unknown): void {
  setattr(Context, name, pyFunction(spec, `Context.${name}`, Q, impl));
}
for (const name of Object.keys(unaryOps)) {
  method(name, 'self, a, /', (ctx: PyCtx, a: unknown) => {
    const x = convertArg(a);
    return wrap(run(ctx, (c) => unaryOps[name]!(x, c)));
  });
}
for (const name of Object.keys(binaryOps)) {
  if (name === 'power') continue;
  method(name, 'self, a, b, /', (ctx: PyCtx, a: unknown, b: unknown) => {
    const x = convertArg(a);
    const y = convertArg(b);
    return wrap(run(ctx, (c) => binaryOps[name]!(x, y, c)));
  });
}
method('power', 'self, a, b, modulo=', (ctx: PyCtx, a: unknown, b: unknown, modulo: unknown = null) => {
  const x = convertArg(a);
  const y = convertArg(b);
  if (modulo !== null && modulo !== undefined) return powerModulo(x, y, convertArg(modulo), ctx);
  return wrap(run(ctx, (c) => binaryOps['power']!(x, y, c)));
});
method('divmod', 'self, a, b, /', (ctx: PyCtx, a: unknown, b: unknown) => {
  const x = convertArg(a);
  const y = convertArg(b);
  const [q, r] = run(ctx, (c) => decDivmod(x, y, c));
  return PyTuple.of<unknown>(wrap(q), wrap(r));
});
method('fma', 'self, a, b, c, /', (ctx: PyCtx, a: unknown, b: unknown, d: unknown) => {
  const [x, y, z] = [convertArg(a), convertArg(b), convertArg(d)];
  return wrap(run(ctx, (c) => decFma(x, y, z, c)));
});
method('quantize', 'self, a, b, /', (ctx: PyCtx, a: unknown, b: unknown) => {
  const [x, y] = [convertArg(a), convertArg(b)];
  return wrap(run(ctx, (c) => quantize(x, y, c)));
});
method('to_integral', 'self, a, /', (ctx: PyCtx, a: unknown) => {
  const x = convertArg(a);
  return wrap(run(ctx, (c) => toIntegral(x, c)));
});
method('create_decimal', 'self, num=, /', (ctx: PyCtx, num: unknown = '0') => createDecimal(num, ctx));
method('create_decimal_from_float', 'self, f, /', (ctx: PyCtx, f: unknown) => createDecimal(fromFloatArg(f, Decimal), ctx));
method('to_sci_string', 'self, a, /', (ctx: PyCtx, a: unknown) => toText(convertArg(a), false, ctx.$capitals === 1));
method('to_eng_string', 'self, a, /', (ctx: PyCtx, a: unknown) => toText(convertArg(a), true, ctx.$capitals === 1));
method('number_class', 'self, a, /', (ctx: PyCtx, a: unknown) => numberClass(convertArg(a), ctx));
method('same_quantum', 'self, a, b, /', (_ctx: PyCtx, a: unknown, b: unknown) => sameQuantum(convertArg(a), convertArg(b)));
method('copy_abs', 'self, a, /', (_ctx: PyCtx, a: unknown) => wrap({ ...convertArg(a), sign: 0 }));
method('copy_negate', 'self, a, /', (_ctx: PyCtx, a: unknown) => {
  const x = convertArg(a);
  return wrap({ ...x, sign: x.sign ? 0 : 1 });
});
method('copy_sign', 'self, a, b, /', (_ctx: PyCtx, a: unknown, b: unknown) => wrap({ ...convertArg(a), sign: convertArg(b).sign }));
method('copy_decimal', 'self, a, /', (_ctx: PyCtx, a: unknown) => wrap(convertArg(a)));
method('canonical', 'self, a, /', (_ctx: PyCtx, a: unknown) => wrap(convertArg(a)));
method('radix', 'self', () => call(Decimal, [10], null));
for (const [name, test] of [
  ['is_finite', (k: string) => k !== 'Infinity' && k !== 'NaN' && k !== 'sNaN'],
  ['is_infinite', (k: string) => k === 'Infinity'],
  ['is_nan', (k: string) => k === 'NaN' || k === 'sNaN'],
  ['is_qnan', (k: string) => k === 'NaN'],
  ['is_snan', (k: string) => k === 'sNaN'],
  ['is_zero', (k: string) => k === 'Zero'],
  ['is_normal', (k: string) => k === 'Normal'],
  ['is_subnormal', (k: string) => k === 'Subnormal'],
] as const) {
  method(name, 'self, a, /', (ctx: PyCtx, a: unknown) => test(numberClass(convertArg(a), ctx).replace(/^[+-]/, '')));
}
method('is_signed', 'self, a, /', (_ctx: PyCtx, a: unknown) => convertArg(a).sign === 1);
method('is_canonical', 'self, a, /', () => true);
method('as_tuple', 'self, a, /', (_ctx: PyCtx, a: unknown) => asTuple(convertArg(a)));

export type { PyDec };
