/**
 * unittest.mock's records of calls: `_Call` (a tuple of `(name, args,
 * kwargs)`, or `(args, kwargs)` for `call_args`), the `call` helper that
 * builds them by attribute access and calling (`call.foo(1).bar(2)`),
 * `_CallList` (a list whose `in` also finds a run of calls), and the
 * values `ANY`, `DEFAULT` and `sentinel`.
 */
import { getattr } from '../../../builtins/attributes.js';
import { AttributeError, TypeError } from '../../../builtins/exceptions.js';
import { PyDict } from '../../../builtins/dict.js';
import { eqTest } from '../../../builtins/operators.js';
import { repr } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { len } from '../../../builtins/functions.js';
import { iter, iterate } from '../../../builtins/iteration.js';
import { list, tuple } from '../../../builtins/functions.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { PyTuple } from '../../../builtins/values.js';
import { type PyClass } from '../../../builtins/classes.js';
import { pyClass, pyFunction } from '../pydef.js';
import { pformat } from '../../pprint.js';

export const Q = 'unittest.mock';

/** What a `_Call` knows beyond its items: the name it was reached by, the call it was reached from, whether it is a call. */
interface CallInfo {
  name: string | null;
  parent: object | null;
  fromKall: boolean;
  /** A callable `_Call` (not a JS array, see CallableCall): its would-be tuple items. */
  items?: unknown[];
}

const INFO = new WeakMap<object, CallInfo>();

function infoOf(c: object): CallInfo {
  return INFO.get(c) ?? { name: null, parent: null, fromKall: true };
}

/** A new `_Call` of class `cls` holding `items`. */
function makeCall(items: unknown[], info: CallInfo, cls: PyClass): PyTuple {
  const t = Reflect.construct(PyTuple, [], cls) as PyTuple;
  for (let i = 0; i < items.length; i++) t[i] = items[i];
  INFO.set(t, info);
  return t;
}

const isStr = (v: unknown): v is string => typeof v === 'string';

/**
 * `_Call(value, name, parent, two, from_kall)`: `value` may be
 * `(name, args, kwargs)`, `(name, args)`, `(name, kwargs)`, `(args, kwargs)`,
 * `(name,)`, `(args,)` or `(kwargs,)`.
 */
export function newCall(value: readonly unknown[], name: string | null = null, parent: object | null = null, two = false,
  fromKall = true, cls: PyClass = _Call): PyTuple {
  let callName: unknown = name ?? '';
  let args: unknown = new PyTuple();
  let kwargs: unknown = new PyDict();
  if (value.length === 3) [callName, args, kwargs] = value;
  else if (value.length === 2) {
    const [first, second] = value;
    if (isStr(first)) {
      callName = first;
      if (second instanceof PyTuple) args = second;
      else kwargs = second;
    } else {
      args = first;
      kwargs = second;
    }
  } else if (value.length === 1) {
    const only = value[0];
    if (isStr(only)) callName = only;
    else if (only instanceof PyTuple) args = only;
    else kwargs = only;
  }
  const items = two ? [args, kwargs] : [callName, args, kwargs];
  return makeCall(items, { name, parent, fromKall }, cls);
}

/** The `(args, kwargs)` of a two- or three-item call. */
export function callParts(c: readonly unknown[]): [unknown, unknown, unknown] {
  if (c.length === 2) return ['', c[0], c[1]];
  return [c[0], c[1], c[2]];
}

/** `name(1, 'x', k=2)`. */
export function formatCallSignature(name: string, args: unknown, kwargs: unknown): string {
  const parts: string[] = [];
  for (const a of iterate(args)) parts.push(repr(a));
  if (kwargs instanceof PyDict) for (const k of kwargs) parts.push(`${String(k)}=${repr(kwargs.$get(k))}`);
  return `${name}(${parts.join(', ')})`;
}

/** The tuple items of a `_Call`, callable or not. */
function itemsOf(c: object): readonly unknown[] {
  return INFO.get(c)?.items ?? (c as unknown[]);
}

function callEq(self: object, other: unknown): unknown {
  let otherLen: number;
  const otherItems = typeof other === 'function' ? INFO.get(other)?.items : undefined;
  try {
    otherLen = otherItems !== undefined ? otherItems.length : Number(len(other));
  } catch (e) {
    if (e instanceof TypeError) return NotImplemented;
    throw e;
  }
  const [selfName, selfArgs, selfKwargs] = callParts(itemsOf(self));
  const mine = infoOf(self).parent;
  const theirs = other !== null && typeof other === 'object' ? INFO.get(other)?.parent ?? null : null;
  if (mine !== null && theirs !== null && truthy(mine) && truthy(theirs) && !eqTest(mine, theirs)) return false;
  let otherName: unknown = '';
  let otherArgs: unknown = new PyTuple();
  let otherKwargs: unknown = new PyDict();
  const items = otherItems !== undefined ? [...otherItems] : otherLen <= 3 ? [...iterate(other)] : [];
  if (otherLen === 0) {
    // () and {}
  } else if (otherLen === 3) {
    [otherName, otherArgs, otherKwargs] = items;
  } else if (otherLen === 1) {
    const value = items[0];
    if (value instanceof PyTuple) otherArgs = value;
    else if (isStr(value)) otherName = value;
    else otherKwargs = value;
  } else if (otherLen === 2) {
    const [first, second] = items;
    if (isStr(first)) {
      otherName = first;
      if (second instanceof PyTuple) otherArgs = second;
      else otherKwargs = second;
    } else {
      otherArgs = first;
      otherKwargs = second;
    }
  } else {
    return false;
  }
  if (truthy(selfName) && !eqTest(otherName, selfName)) return false;
  return eqTest(PyTuple.of(otherArgs, otherKwargs), PyTuple.of(selfArgs, selfKwargs));
}

function callRepr(self: object): string {
  const info = infoOf(self);
  if (!info.fromKall) {
    const name = info.name || 'call';
    return name.startsWith('()') ? `call${name}` : name;
  }
  const items = itemsOf(self);
  let [name, args, kwargs] = callParts(items) as [string, unknown, unknown];
  if (items.length === 2) name = 'call';
  else if (!name) name = 'call';
  else if (!name.startsWith('()')) name = `call.${name}`;
  else name = `call${name}`;
  return formatCallSignature(name, args, kwargs);
}

function callCall(self: object, args: PyTuple, kwargs: PyDict): PyTuple {
  const info = infoOf(self);
  if (info.name === null) return newCall(['', args, kwargs], '()', null, false, true);
  return newCall([info.name, args, kwargs], `${info.name}()`, self, false, true);
}

/**
 * `call.foo`: a `_Call` that is called next, so a JS function (compiled code
 * calls callables directly, and a JS array cannot be one); its tuple items
 * are kept aside.
 */
function callGetattr(self: object, attr: string): object {
  const info = infoOf(self);
  const name = info.name === null ? attr : `${info.name}.${attr}`;
  return makeCallable(name, info.name === null ? null : self);
}

function makeCallable(name: string | null, parent: object | null): object {
  const c = (CallableCall as unknown as () => object)();
  INFO.set(c, { name, parent, fromKall: false, items: [name ?? '', new PyTuple(), new PyDict()] });
  return c;
}

/** The calls from the first one down to this one (`call.a(1).b(2).call_list()`). */
function callList(self: object): unknown[] {
  const vals: object[] = [];
  for (let thing: object | null = self; thing !== null; thing = infoOf(thing).parent) {
    if (infoOf(thing).fromKall) vals.push(thing);
  }
  return makeCallList(vals.reverse());
}

export const _Call: PyClass = pyClass('_Call', Q, [tuple], {
  __doc__: 'A tuple for holding the results of a call to a mock, either in the form\n    `(args, kwargs)` or `(name, args, kwargs)`.',
  __new__: pyFunction('cls, /, value=, name=, parent=, two=, from_kall=', '_Call.__new__', Q,
    (cls: PyClass, value?: unknown, name?: unknown, parent?: unknown, two?: unknown, fromKall?: unknown) =>
      newCall(value === undefined ? [] : [...iterate(value)], name === undefined ? null : (name as string | null),
        (parent ?? null) as PyTuple | null, two !== undefined && truthy(two), fromKall === undefined || truthy(fromKall), cls)),
  __init__: pyFunction('self, /, *args, **kwargs', '_Call.__init__', Q, () => null),
  __eq__: pyFunction('self, other, /', '_Call.__eq__', Q, callEq),
  __ne__: pyFunction('self, other, /', '_Call.__ne__', Q, (self: PyTuple, other: unknown) => {
    const r = callEq(self, other);
    return r === NotImplemented ? r : !truthy(r);
  }),
  __call__: pyFunction('self, /, *args, **kwargs', '_Call.__call__', Q, callCall),
  __getattr__: pyFunction('self, attr', '_Call.__getattr__', Q, (self: PyTuple, attr: string) => {
    if (attr.startsWith('__') && attr.endsWith('__')) throw new AttributeError(attr);
    return callGetattr(self, attr);
  }),
  count: pyFunction('self, /, *args, **kwargs', '_Call.count', Q, (self: PyTuple, args: PyTuple, kwargs: PyDict) =>
    callCall(callGetattr(self, 'count'), args, kwargs)),
  index: pyFunction('self, /, *args, **kwargs', '_Call.index', Q, (self: PyTuple, args: PyTuple, kwargs: PyDict) =>
    callCall(callGetattr(self, 'index'), args, kwargs)),
  __repr__: pyFunction('self', '_Call.__repr__', Q, callRepr),
  call_list: pyFunction('self', '_Call.call_list', Q, callList),
});

Object.defineProperty((_Call as unknown as { prototype: object }).prototype, 'args', {
  configurable: true, enumerable: false,
  get(this: PyTuple) {
    return callParts(this)[1];
  },
});
Object.defineProperty((_Call as unknown as { prototype: object }).prototype, 'kwargs', {
  configurable: true, enumerable: false,
  get(this: PyTuple) {
    return callParts(this)[2];
  },
});

/** The callable `_Call`s: `call` and what attribute access on a `_Call` gives. */
const CallableCall: PyClass = pyClass('_Call', Q, [], {
  __doc__: (_Call as unknown as Record<string, unknown>)['__doc__'],
  __eq__: pyFunction('self, other, /', '_Call.__eq__', Q, callEq),
  __ne__: pyFunction('self, other, /', '_Call.__ne__', Q, (self: object, other: unknown) => {
    const r = callEq(self, other);
    return r === NotImplemented ? r : !truthy(r);
  }),
  __call__: pyFunction('self, /, *args, **kwargs', '_Call.__call__', Q, callCall),
  __getattr__: pyFunction('self, attr', '_Call.__getattr__', Q, (self: object, attr: string) => {
    if (attr.startsWith('__') && attr.endsWith('__')) throw new AttributeError(attr);
    return callGetattr(self, attr);
  }),
  __repr__: pyFunction('self', '_Call.__repr__', Q, callRepr),
  __len__: pyFunction('self', '_Call.__len__', Q, (self: object) => itemsOf(self).length),
  __getitem__: pyFunction('self, i', '_Call.__getitem__', Q, (self: object, i: number) => itemsOf(self)[i]),
  __iter__: pyFunction('self', '_Call.__iter__', Q, (self: object) => iter([...itemsOf(self)])),
  call_list: pyFunction('self', '_Call.call_list', Q, callList),
  count: pyFunction('self, /, *args, **kwargs', '_Call.count', Q, (self: object, args: PyTuple, kwargs: PyDict) =>
    callCall(callGetattr(self, 'count'), args, kwargs)),
  index: pyFunction('self, /, *args, **kwargs', '_Call.index', Q, (self: object, args: PyTuple, kwargs: PyDict) =>
    callCall(callGetattr(self, 'index'), args, kwargs)),
});

/** `call`: attribute access and calls on it make `_Call`s. */
export const call = makeCallable(null, null);

/** Whether `sub` occurs as a run of consecutive items of `calls`. */
function containsRun(calls: readonly unknown[], sub: readonly unknown[]): boolean {
  if (sub.length > calls.length) return false;
  for (let i = 0; i + sub.length <= calls.length; i++) {
    let all = true;
    for (let j = 0; j < sub.length && all; j++) all = eqTest(calls[i + j], sub[j]);
    if (all) return true;
  }
  return false;
}

export const _CallList: PyClass = pyClass('_CallList', Q, [list], {
  __contains__: pyFunction('self, value', '_CallList.__contains__', Q, (self: unknown[], value: unknown) => {
    if (!Array.isArray(value) || value instanceof PyTuple) {
      for (const item of self) if (item === value || eqTest(item, value)) return true;
      return false;
    }
    return containsRun(self, value);
  }),
  __repr__: pyFunction('self', '_CallList.__repr__', Q, (self: unknown[]) => pformat([...self])),
});

/** A `_CallList` holding `items`. */
export function makeCallList(items: readonly unknown[] = []): unknown[] {
  const l = Reflect.construct(Array, [], _CallList) as unknown[];
  for (const item of items) l.push(item);
  return l;
}

export const _ANY: PyClass = pyClass('_ANY', Q, [], {
  __doc__: 'A helper object that compares equal to everything.',
  __eq__: pyFunction('self, other', '_ANY.__eq__', Q, () => true),
  __ne__: pyFunction('self, other', '_ANY.__ne__', Q, () => false),
  __repr__: pyFunction('self', '_ANY.__repr__', Q, () => '<ANY>'),
});
export const ANY = (_ANY as unknown as () => unknown)();

export const _SentinelObject: PyClass = pyClass('_SentinelObject', Q, [], {
  __doc__: 'A unique, named, sentinel object.',
  __init__: pyFunction('self, name', '_SentinelObject.__init__', Q, (self: Record<string, unknown>, name: unknown) => {
    self['name'] = name;
    return null;
  }),
  __repr__: pyFunction('self', '_SentinelObject.__repr__', Q, (self: Record<string, unknown>) => `sentinel.${String(self['name'])}`),
  __reduce__: pyFunction('self', '_SentinelObject.__reduce__', Q, (self: Record<string, unknown>) => `sentinel.${String(self['name'])}`),
});

const sentinels = new Map<string, unknown>();

export const _Sentinel: PyClass = pyClass('_Sentinel', Q, [], {
  __doc__: 'Access attributes to return a named object, usable as a sentinel.',
  __getattr__: pyFunction('self, name', '_Sentinel.__getattr__', Q, (_self: unknown, name: string) => {
    if (name === '__bases__') throw new AttributeError(name);
    let s = sentinels.get(name);
    if (s === undefined) {
      s = (_SentinelObject as unknown as (n: string) => unknown)(name);
      sentinels.set(name, s);
    }
    return s;
  }),
  __reduce__: pyFunction('self', '_Sentinel.__reduce__', Q, () => 'sentinel'),
});

export const sentinel = (_Sentinel as unknown as () => unknown)();
export const DEFAULT = getattr(sentinel, 'DEFAULT');
export const _missing = getattr(sentinel, 'MISSING');
export const _deleted = getattr(sentinel, 'DELETED');
