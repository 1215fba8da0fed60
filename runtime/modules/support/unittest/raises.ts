/**
 * assertRaises and assertRaisesRegex (CPython 3.11's _AssertRaisesContext):
 * a context manager that records the exception in `cm.exception`, or the
 * callable form that calls the function inside one; with CPython's
 * messages ("ValueError not raised by f", '"x" does not match "y"').
 */
import { getattr, hasattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { BaseException, TypeError } from '../../../builtins/exceptions.js';
import { toPython } from '../../../builtins/errors.js';
import { repr, str } from '../../../builtins/repr.js';
import { issubclass } from '../../../builtins/types.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyTuple } from '../../../builtins/values.js';
import { callMethod } from '../../../builtins/attributes.js';
import * as re from '../../re.js';
import { pyClass, pyFunction } from '../pydef.js';
import { formatMessage, method } from './asserts.js';

const Q = 'unittest.case';
type Obj = Record<string, unknown>;

const isExceptionType = (t: unknown): boolean => {
  try {
    if (t instanceof PyTuple) return t.length > 0 && t.every((x) => issubclass(x, BaseException));
    return issubclass(t, BaseException);
  } catch {
    return false;
  }
};

function nameOf(expected: unknown): string {
  try {
    return str(getattr(expected, '__name__'));
  } catch {
    return str(expected);
  }
}

const raiseFailure = (ctx: Obj, standardMsg: string): never => {
  const test = ctx['test_case'];
  throw call(getattr(test, 'failureException'), [formatMessage(test, ctx['msg'], standardMsg)], null);
};

/** `__exit__`: whether the exception (null when none) is the one expected, which it then swallows. */
function exit(ctx: Obj, excType: unknown, excValue: unknown): boolean {
  const expected = ctx['expected'];
  if (excType === null) {
    const name = nameOf(expected);
    if (ctx['obj_name'] !== null) raiseFailure(ctx, `${name} not raised by ${str(ctx['obj_name'])}`);
    raiseFailure(ctx, `${name} not raised`);
  }
  if (!issubclass(excType, expected)) return false;
  ctx['exception'] = excValue;
  const rx = ctx['expected_regex'];
  if (rx === null) return true;
  if (callMethod(rx, 'search', str(excValue)) === null) {
    raiseFailure(ctx, `"${str(getattr(rx, 'pattern'))}" does not match "${str(excValue)}"`);
  }
  return true;
}

export const AssertRaisesContext = pyClass('_AssertRaisesContext', Q, [], {
  __init__: pyFunction('self, expected, test_case, expected_regex=', '_AssertRaisesContext.__init__', Q,
    (self: Obj, expected: unknown, testCase: unknown, regex: unknown = null) => {
      self['expected'] = expected;
      self['test_case'] = testCase;
      self['expected_regex'] = typeof regex === 'string' ? call(re.compile, [regex], null) : regex;
      self['obj_name'] = null;
      self['msg'] = null;
      return null;
    }),
  __enter__: pyFunction('self', '_AssertRaisesContext.__enter__', Q, (self: Obj) => self),
  __exit__: pyFunction('self, exc_type, exc_value, tb', '_AssertRaisesContext.__exit__', Q,
    (self: Obj, excType: unknown, excValue: unknown) => exit(self, excType, excValue)),
});

/**
 * The shared start of CPython's handle() (assertRaises, assertWarns…): with
 * no callable, `msg=` goes to the context manager `ctx` and null is
 * returned (the caller returns `ctx`); else the call to make inside it.
 */
export function contextCall(ctx: Obj, args: unknown[], kwargs: unknown): { fn: unknown; rest: unknown[]; kw: Record<string, unknown> | null } | null {
  const kw: Record<string, unknown> = {};
  if (kwargs instanceof PyDict) for (const k of kwargs) kw[k as string] = kwargs.$get(k);
  if (args.length === 0) {
    ctx['msg'] = kw['msg'] ?? null;
    delete kw['msg'];
    const extra = Object.keys(kw);
    if (extra.length > 0) throw new TypeError(`${repr(extra[0])} is an invalid keyword argument for this function`);
    return null;
  }
  const [fn, ...rest] = args;
  ctx['obj_name'] = hasattr(fn, '__name__') ? getattr(fn, '__name__') : str(fn);
  return { fn, rest, kw: Object.keys(kw).length > 0 ? kw : null };
}

/** CPython's handle(): the context manager, or the call of `args[0]` inside it. */
function handle(name: string, ctx: Obj, args: unknown[], kwargs: unknown): unknown {
  if (!isExceptionType(ctx['expected'])) throw new TypeError(`${name}() arg 1 must be an exception type or tuple of exception types`);
  const made = contextCall(ctx, args, kwargs);
  if (made === null) return ctx;
  let raised: unknown = null;
  try {
    call(made.fn, made.rest, made.kw);
  } catch (e) {
    raised = toPython(e);
    if (!(raised instanceof BaseException)) throw e;
  }
  if (raised === null) exit(ctx, null, null);
  else if (!exit(ctx, getattr(raised, '__class__'), raised)) throw raised;
  return null;
}

export const raisesMethods: Record<string, unknown> = {
  assertRaises: method('self, expected_exception, *args, **kwargs', 'assertRaises',
    (self: Obj, expected: unknown, args: unknown[], kwargs: unknown) =>
      handle('assertRaises', call(AssertRaisesContext, [expected, self], null) as Obj, [...args], kwargs)),
  assertRaisesRegex: method('self, expected_exception, expected_regex, *args, **kwargs', 'assertRaisesRegex',
    (self: Obj, expected: unknown, regex: unknown, args: unknown[], kwargs: unknown) =>
      handle('assertRaisesRegex', call(AssertRaisesContext, [expected, self, regex], null) as Obj, [...args], kwargs)),
};
