/**
 * weakref.proxy (ProxyType, CallableProxyType), as CPython's C proxies:
 * attribute access, operators, comparisons, item access, iteration, len,
 * bool, str and calls go to the referent (a proxy operand is unwrapped
 * first, on either side), and once the referent is dead every one of them
 * raises ReferenceError. A proxy is unhashable and has a repr of its own.
 */
import { ReferenceError, TypeError } from '../../../builtins/exceptions.js';
import { getClassAttr, object, type PyClass } from '../../../builtins/classes.js';
import { call } from '../../../builtins/calls.js';
import { callMethod, delattr, getattr, setattr } from '../../../builtins/attributes.js';
import * as ops from '../../../builtins/operators.js';
import { delitem, getitem, setitem } from '../../../builtins/items.js';
import { iter, next } from '../../../builtins/iteration.js';
import { abs, divmod, float, int, len } from '../../../builtins/functions.js';
import { pyIndex } from '../../../builtins/numbers/index.js';
import { str } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { lookupSpecial } from '../../../builtins/special.js';
import { PyTuple, TYPE_NAME } from '../../../builtins/values.js';
import { expectedArgs, noKeywords, pyClass, pyFunction } from '../pydef.js';
import { basicRef, referentOf, register, stateOf, tpName, weakrefable } from './referents.js';
import { address } from './refType.js';

const Q = 'weakref';

function isProxy(v: unknown): v is object {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && stateOf(v) !== undefined
    && (v instanceof (ProxyType as unknown as Function) || v instanceof (CallableProxyType as unknown as Function));
}

/** The referent, or ReferenceError once it is dead. */
function live(p: unknown): unknown {
  const obj = referentOf(p as object);
  if (obj === undefined) throw new ReferenceError('weakly-referenced object no longer exists');
  return obj;
}

/** An operand: a proxy stands for its referent. */
function unwrap(v: unknown): unknown {
  return isProxy(v) ? live(v) : v;
}

type Binary = (a: unknown, b: unknown) => unknown;
type Unary = (a: unknown) => unknown;

function method<F extends (...args: never[]) => unknown>(spec: string, name: string, impl: F): F {
  return pyFunction(spec, `ProxyType.${name}`, Q, impl);
}

/** `__op__` and `__rop__`, both applying the operator to the unwrapped operands (CPython's WRAP_BINARY). */
function binary(name: string, op: Binary): Record<string, unknown> {
  return {
    [`__${name}__`]: method('self, other, /', `__${name}__`, (self: unknown, other: unknown) => op(live(self), unwrap(other))),
    [`__r${name}__`]: method('self, other, /', `__r${name}__`, (self: unknown, other: unknown) => op(unwrap(other), live(self))),
  };
}

function inplace(name: string, op: Binary): Record<string, unknown> {
  return { [`__i${name}__`]: method('self, other, /', `__i${name}__`, (self: unknown, other: unknown) => op(live(self), unwrap(other))) };
}

function unary(name: string, op: Unary): Record<string, unknown> {
  return { [`__${name}__`]: method('self, /', `__${name}__`, (self: unknown) => op(live(self))) };
}

function compare(name: string, op: Binary): Record<string, unknown> {
  return { [`__${name}__`]: method('self, other, /', `__${name}__`, (self: unknown, other: unknown) => op(live(self), unwrap(other))) };
}

const NUMBER_OPS: [string, Binary, Binary][] = [
  ['add', ops.add, ops.iadd], ['sub', ops.sub, ops.isub], ['mul', ops.mul, ops.imul], ['truediv', ops.truediv, ops.itruediv],
  ['floordiv', ops.floordiv, ops.ifloordiv], ['mod', ops.mod, ops.imod], ['pow', ops.power, ops.ipow], ['matmul', ops.matmul, ops.imatmul],
  ['lshift', ops.lshift, ops.ilshift], ['rshift', ops.rshift, ops.irshift], ['and', ops.and_, ops.iand], ['or', ops.or_, ops.ior],
  ['xor', ops.xor, ops.ixor],
];

const members: Record<string, unknown> = {
  __slots__: PyTuple.of(),
  __getattribute__: method('self, name, /', '__getattribute__', (self: unknown, name: string) => getattr(live(self), name)),
  __setattr__: method('self, name, value, /', '__setattr__', (self: unknown, name: string, value: unknown) => setattr(live(self), name, value)),
  __delattr__: method('self, name, /', '__delattr__', (self: unknown, name: string) => delattr(live(self), name)),
  __repr__: method('self, /', '__repr__', (self: unknown) => {
    const obj = referentOf(self as object) ?? null;
    return `<weakproxy at ${address(self)} to ${tpName(obj)} at ${address(obj)}>`;
  }),
  __str__: method('self, /', '__str__', (self: unknown) => str(live(self))),
  // CPython calls these two by name on the referent (an AttributeError when it has none).
  __bytes__: method('self, /', '__bytes__', (self: unknown) => callMethod(live(self), '__bytes__')),
  __reversed__: method('self, /', '__reversed__', (self: unknown) => callMethod(live(self), '__reversed__')),
  __hash__: null,
  __bool__: method('self, /', '__bool__', (self: unknown) => truthy(live(self))),
  __len__: method('self, /', '__len__', (self: unknown) => len(live(self))),
  __contains__: method('self, key, /', '__contains__', (self: unknown, key: unknown) => ops.in_(key, live(self))),
  __getitem__: method('self, key, /', '__getitem__', (self: unknown, key: unknown) => getitem(live(self), key)),
  __setitem__: method('self, key, value, /', '__setitem__', (self: unknown, key: unknown, value: unknown) => {
    setitem(live(self), key, value);
    return null;
  }),
  __delitem__: method('self, key, /', '__delitem__', (self: unknown, key: unknown) => {
    delitem(live(self), key);
    return null;
  }),
  __iter__: method('self, /', '__iter__', (self: unknown) => iter(live(self))),
  __next__: method('self, /', '__next__', (self: unknown) => {
    const obj = live(self);
    if (lookupSpecial(obj, '__next__') === undefined) throw new TypeError(`Weakref proxy referenced a non-iterator '${tpName(obj)}' object`);
    return next(obj);
  }),
  ...unary('neg', ops.neg),
  ...unary('pos', ops.pos),
  ...unary('invert', ops.invert),
  ...unary('abs', abs),
  ...unary('index', pyIndex),
  ...unary('int', (v) => int(v)),
  ...unary('float', (v) => float(v)),
  ...compare('eq', ops.eq),
  ...compare('ne', ops.ne),
  ...compare('lt', ops.lt),
  ...compare('le', ops.le),
  ...compare('gt', ops.gt),
  ...compare('ge', ops.ge),
};
for (const [name, op, iop] of NUMBER_OPS) Object.assign(members, binary(name, op), inplace(name, iop));
members['__divmod__'] = method('self, other, /', '__divmod__', (self: unknown, other: unknown) => divmod(live(self), unwrap(other)));
members['__rdivmod__'] = method('self, other, /', '__rdivmod__', (self: unknown, other: unknown) => divmod(unwrap(other), live(self)));

export const ProxyType: PyClass = pyClass('ProxyType', Q, [], members);
Object.defineProperty(ProxyType, TYPE_NAME, { value: 'weakref.ProxyType' });

export const CallableProxyType: PyClass = pyClass('CallableProxyType', Q, [], {
  ...members,
  __call__: method('self, /, *args, **kwargs', '__call__', (self: unknown, args: PyTuple, kwargs: Map<unknown, unknown>) =>
    call(live(self), [...args], kwargsOf(kwargs))),
});
Object.defineProperty(CallableProxyType, TYPE_NAME, { value: 'weakref.CallableProxyType' });

function kwargsOf(kwargs: unknown): Record<string, unknown> | null {
  const d = kwargs as { $size: number; [Symbol.iterator](): Iterator<unknown>; $get(k: unknown): unknown };
  if (d.$size === 0) return null;
  const out: Record<string, unknown> = {};
  for (const k of d) out[k as string] = d.$get(k);
  return out;
}

/** `proxy(object, callback=None)`: a callable proxy for a callable referent; the basic one again when there is one. */
export const proxy = noKeywords(function proxy(...args: unknown[]): unknown {
  if (args.length < 1 || args.length > 2) throw expectedArgs('proxy', 1, 2, args.length);
  const obj = weakrefable(args[0]);
  const callback = args[1] ?? null;
  if (callback === null) {
    const existing = basicRef(obj, 'proxy');
    if (existing !== undefined) return existing;
  }
  const cls = typeof obj === 'function' || lookupSpecial(obj, '__call__') !== undefined ? CallableProxyType : ProxyType;
  const p = (getClassAttr(object, '__new__') as (c: unknown) => object)(cls);
  register(p, obj, callback, callback === null ? 'proxy' : null);
  return p;
}, 'proxy');
