/**
 * unittest.mock's mock classes: NonCallableMock (attributes that make child
 * mocks, specs, the call records and the assert methods), CallableMixin
 * (calls: side_effect, return_value, wraps), MagicMixin (the magic methods,
 * made on first use), and Mock, MagicMock, NonCallableMagicMock built from
 * them. As in CPython each mock gets a class of its own, a subclass of the
 * class it was made from, so that magic methods set on one mock (which
 * Python looks up on the type) belong to it alone.
 *
 * A mock's bookkeeping (CPython's `_mock_*` attributes) is kept in a
 * MockState beside it rather than in its `__dict__`.
 */
import { callMethodKw, getattr, hasattr, setattr, delattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { AssertionError, AttributeError, Exception, RuntimeError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { UNBOUND } from '../../../builtins/classes/model.js';
import { BaseException, makeClass, makeSuper, superCall, objectId, pyClassOf, mroOf, getClassAttr, PyProperty, type PyClass } from '../../../builtins/classes.js';
import { isinstance, issubclass, type, dir, callable } from '../../../builtins/types.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyTuple } from '../../../builtins/values.js';
import { repr } from '../../../builtins/repr.js';
import { iter, next, iterate } from '../../../builtins/iteration.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { eqTest } from '../../../builtins/operators.js';
import { identityHash } from '../../../builtins/classes/identity.js';
import { objectSetattr, objectDelattr } from '../../../builtins/classes/instanceAttributes.js';
import { PyComplex, PyFloat } from '../../../builtins/values.js';
import { pyClass, pyFunction } from '../pydef.js';
import { newInstance, newException } from '../stdlib/pyclass.js';
import { signature } from '../../inspect.js';
import { iscoroutinefunction } from '../../inspect.js';
import { DEFAULT, Q, _CallList, _deleted, formatCallSignature, makeCallList, newCall, callParts } from './calls.js';

type Obj = Record<string, unknown>;

export interface MockState {
  parent: Obj | null;
  name: string | null;
  newName: string;
  newParent: Obj | null;
  sealed: boolean;
  /** The names a spec allows (dir(spec)), or null. */
  methods: string[] | null;
  specClass: unknown;
  specSet: boolean;
  specSignature: SpecSig | null;
  specAsyncs: string[];
  children: Map<string, unknown>;
  wraps: unknown;
  delegate: Obj | null;
  called: boolean;
  callArgs: unknown;
  callCount: number;
  callArgsList: unknown[];
  mockCalls: unknown[];
  methodCalls: unknown[];
  unsafe: boolean;
  returnValue: unknown;
  sideEffect: unknown;
  /** Checks a call's arguments against an autospec's signature, or null. */
  checkSig: ((args: unknown[], kwargs: Record<string, unknown> | null) => void) | null;
}

const STATES = new WeakMap<object, MockState>();

export function isMock(v: unknown): v is Obj {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && STATES.has(v);
}

export function stateOf(m: unknown): MockState {
  let s = STATES.get(m as object);
  if (s === undefined) {
    // A subclass whose __init__ has not run yet: a blank state, as CPython finds class-level defaults.
    s = blankState();
    STATES.set(m as object, s);
  }
  return s;
}

function blankState(): MockState {
  return {
    parent: null, name: null, newName: '', newParent: null, sealed: false, methods: null, specClass: null, specSet: false,
    specSignature: null, specAsyncs: [], children: new Map(), wraps: null, delegate: null, called: false, callArgs: null,
    callCount: 0, callArgsList: makeCallList(), mockCalls: makeCallList(), methodCalls: makeCallList(), unsafe: false,
    returnValue: DEFAULT, sideEffect: null, checkSig: null,
  };
}

// The magic methods (CPython's lists, by name).
const MAGIC = 'lt le gt ge eq ne getitem setitem delitem len contains iter hash str sizeof enter exit divmod rdivmod neg pos abs invert '
  + 'complex int float index round trunc floor ceil bool next fspath aiter';
const NUMERICS = 'add sub mul matmul truediv floordiv mod lshift rshift and xor or pow';
const wrap = (names: string): string[] => names.split(' ').map((n) => `__${n}__`);
export const _magics = new Set([
  ...wrap(MAGIC), ...wrap(NUMERICS), ...wrap(NUMERICS.split(' ').map((n) => `i${n}`).join(' ')), ...wrap(NUMERICS.split(' ').map((n) => `r${n}`).join(' ')),
]);
export const _non_defaults = new Set([
  '__get__', '__set__', '__delete__', '__reversed__', '__missing__', '__reduce__', '__reduce_ex__', '__getinitargs__', '__getnewargs__',
  '__getstate__', '__setstate__', '__getformat__', '__repr__', '__dir__', '__subclasses__', '__format__', '__getnewargs_ex__',
]);
export const _all_sync_magics = new Set([..._magics, ..._non_defaults]);
export const _async_method_magics = new Set(['__aenter__', '__aexit__', '__anext__']);
export const _sync_async_magics = new Set(['__aiter__']);
export const _async_magics = new Set([..._async_method_magics, ..._sync_async_magics]);
export const _all_magics = new Set([..._all_sync_magics, ..._async_magics]);
export const _unsupported_magics = new Set(['__getattr__', '__setattr__', '__init__', '__new__', '__prepare__', '__instancecheck__', '__subclasscheck__', '__del__']);
const ALLOWED_NAMES = new Set(['return_value', '_mock_return_value', 'side_effect', '_mock_side_effect', '_mock_parent', '_mock_new_parent', '_mock_name', '_mock_new_name']);

const isMagic = (name: string): boolean => name.length > 4 && name.startsWith('__') && name.endsWith('__');

export const InvalidSpecError: PyClass = pyClass('InvalidSpecError', Q, [Exception], {
  __doc__: 'Indicates that an invalid value was used as a mock spec.',
});

/** `raise AssertionError(msg) from cause`. */
function assertionError(message: string, cause: unknown = null): never {
  const e = new AssertionError(message) as unknown as Obj;
  if (cause !== null) {
    e['__cause__'] = cause;
    e['__suppress_context__'] = true;
  }
  throw e;
}

/** A PyDict of keywords as the call layer's record (null when empty). */
export function kwRecord(kwargs: PyDict | null | undefined): Record<string, unknown> | null {
  if (kwargs === null || kwargs === undefined || kwargs.$size === 0) return null;
  const out: Record<string, unknown> = {};
  for (const k of kwargs) out[k as string] = kwargs.$get(k);
  return out;
}

export function isException(obj: unknown): boolean {
  return isinstance(obj, BaseException) || (isClassLike(obj) && issubclass(obj, BaseException));
}

function isClassLike(v: unknown): boolean {
  return isinstance(v, type as unknown as PyClass);
}

/** CPython's `_callable`: a class, or anything with `__call__`. */
function mockCallable(obj: unknown): boolean {
  if (isClassLike(obj)) return true;
  return callable(obj);
}

function tryIter(obj: unknown): unknown {
  if (obj === null || isException(obj) || mockCallable(obj)) return obj;
  try {
    return iter(obj);
  } catch (e) {
    if (e instanceof TypeError) return obj;
    throw e;
  }
}

/** `value` as the mock it stands for (a function autospec made wraps its mock). */
function extractMock(value: unknown): unknown {
  if (typeof value === 'function' && FUNCTION_MOCKS.has(value)) return FUNCTION_MOCKS.get(value);
  return value;
}

/** The functions create_autospec made for functions, which stand for their mocks. */
export const FUNCTION_MOCKS = new WeakMap<object, unknown>();

/** CPython's `_check_and_set_parent`: adopts an unnamed, parentless mock as `parent`'s child. */
export function checkAndSetParent(parent: Obj, value: unknown, name: string | null, newName: string): boolean {
  const v = extractMock(value);
  if (!isMock(v)) return false;
  const s = stateOf(v);
  if (s.name || s.newName || s.parent !== null || s.newParent !== null) return false;
  for (let p: Obj | null = parent; p !== null; p = stateOf(p).newParent) {
    // A mock cannot be its own ancestor.
    if (p === v) return false;
  }
  if (newName) {
    s.newParent = parent;
    s.newName = newName;
  }
  if (name) {
    s.parent = parent;
    s.name = name;
  }
  return true;
}

/** `mock.foo.bar()`: the name a mock's repr and records show. */
export function extractMockName(self: Obj): string {
  const s = stateOf(self);
  const names = [s.newName];
  let parent = s.newParent;
  let last: Obj = self;
  let dot = s.newName === '()' ? '' : '.';
  while (parent !== null) {
    last = parent;
    const ps = stateOf(parent);
    names.push(ps.newName + dot);
    dot = ps.newName === '()' ? '' : '.';
    parent = ps.newParent;
  }
  names.reverse();
  let first = stateOf(last).name || 'mock';
  if (names.length > 1 && names[1] !== '()' && names[1] !== '().') first += '.';
  names[0] = first;
  return names.join('');
}

function mockRepr(self: Obj): string {
  const s = stateOf(self);
  const name = extractMockName(self);
  const nameString = name === 'mock' || name === 'mock.' ? '' : ` name=${repr(name)}`;
  let specString = '';
  if (s.specClass !== null) specString = ` ${s.specSet ? 'spec_set' : 'spec'}=${repr(String((s.specClass as PyClass).__name__))}`;
  return `<${String((pyClassOf(self) as PyClass).__name__)}${nameString}${specString} id='${objectId(self)}'>`;
}

/** Makes a child of `self` through its (overridable) `_get_child_mock`. */
function childMock(self: Obj, kw: Record<string, unknown>): Obj {
  return callMethodKw(self, '_get_child_mock', [], kw) as Obj;
}

/** A spec's signature, and whether calls leave out its first parameter (a method's `self`, as CPython's `partial(func, None)`). */
export interface SpecSig {
  readonly sig: Obj;
  readonly skip: boolean;
}

/** `sig.bind(*args, **kwargs)` for a call of the spec: the BoundArguments, or the TypeError raised. */
export function bindSpec(spec: SpecSig, args: unknown[], kwargs: Record<string, unknown> | null): Obj {
  return callMethodKw(spec.sig, 'bind', spec.skip ? [null, ...args] : args, kwargs) as Obj;
}

/** CPython's `_spec_signature` for a spec: the signature calls are matched against, or null. */
export function specSignature(spec: unknown, asInstance: boolean, eatSelf: boolean): SpecSig | null {
  let target = spec;
  let skip = eatSelf && !isClassLike(spec);
  if (isClassLike(spec) && asInstance) {
    target = getattr(spec, '__call__', null);
    if (target === null) return null;
    skip = true;
  }
  if (!mockCallable(target)) return null;
  try {
    return { sig: signature(target) as Obj, skip };
  } catch (e) {
    if (e instanceof ValueError || e instanceof TypeError) return null;
    throw e;
  }
}

export function addSpec(self: Obj, spec: unknown, specSet: unknown, asInstance = false, eatSelf = false): void {
  if (isMock(spec)) throw newException(InvalidSpecError, [`Cannot spec a Mock object. [object=${repr(spec)}]`], null);
  const s = stateOf(self);
  let specClass: unknown = null;
  let sig: SpecSig | null = null;
  const asyncs: string[] = [];
  let methods: string[] | null = null;
  if (spec !== null && spec !== undefined) {
    if (Array.isArray(spec) && (pyClassOf(spec) === undefined)) {
      methods = [...spec].map((n) => String(n));
    } else {
      specClass = isClassLike(spec) ? spec : type(spec);
      sig = specSignature(spec, asInstance, eatSelf);
      methods = (dir(spec) as string[]).map(String);
      for (const attr of methods) {
        let v: unknown = null;
        try {
          v = getattr(spec, attr, null);
        } catch {
          v = null;
        }
        if (typeof v === 'function' && iscoroutinefunction(v)) asyncs.push(attr);
      }
    }
  }
  s.specClass = specClass;
  s.specSet = specSet !== null && specSet !== undefined && specSet !== false;
  s.specSignature = sig;
  s.methods = methods;
  s.specAsyncs = asyncs;
}

/** Binds a call against the spec's signature, as CPython's `_call_matcher` does. */
export function callMatcher(self: Obj, c: PyTuple): unknown {
  const s = stateOf(self);
  let sig: SpecSig | null = s.specSignature;
  let name: unknown = '';
  if (c.length > 2) {
    name = c[0];
    if (typeof name === 'string' && name !== '') {
      // The signature of the child the call was made on (for autospecs).
      let child: unknown = self;
      for (const part of name.split('.')) {
        const cs = isMock(child) ? stateOf(child) : null;
        child = cs?.children.get(part);
        if (!isMock(child)) {
          child = null;
          break;
        }
      }
      sig = child === null || !isMock(child) ? null : stateOf(child).specSignature;
    }
  }
  if (sig === null || sig === undefined) return c;
  const [, args, kwargs] = callParts(c);
  try {
    const bound = bindSpec(sig, [...(args as PyTuple)], kwRecord(kwargs as PyDict));
    let boundArgs = getattr(bound, 'args') as PyTuple;
    if (sig.skip) boundArgs = PyTuple.fromArray(boundArgs.slice(1));
    return newCall([name, boundArgs, getattr(bound, 'kwargs')], null, null, false, true);
  } catch (e) {
    if (e instanceof TypeError) return e;
    throw e;
  }
}

function callsRepr(self: Obj, prefix = 'Calls'): string {
  const calls = getattr(self, 'mock_calls') as unknown[];
  if (calls.length === 0) return '';
  return `\n${prefix}: ${repr(calls)}.`;
}

const mockName = (self: Obj): string => stateOf(self).name || 'mock';

function formatMockCall(self: Obj, args: unknown, kwargs: unknown): string {
  return formatCallSignature(mockName(self), args, kwargs);
}

function failureMessage(self: Obj, args: unknown, kwargs: unknown, action = 'call'): string {
  const expected = formatMockCall(self, args, kwargs);
  const callArgs = getattr(self, 'call_args') as PyTuple;
  const [, a, k] = callParts(callArgs);
  return `expected ${action} not found.\nExpected: ${expected}\n  Actual: ${formatMockCall(self, a, k)}`;
}

// The call records, each a property (the delegate's when autospec set one).
function recordProperty(get: (s: MockState) => unknown, set: (s: MockState, v: unknown) => void, attr: string): PyProperty {
  return new PyProperty(
    pyFunction('self', attr, Q, (self: Obj) => {
      const s = stateOf(self);
      return s.delegate === null ? get(s) : getattr(s.delegate, attr);
    }),
    pyFunction('self, value', attr, Q, (self: Obj, value: unknown) => {
      const s = stateOf(self);
      if (s.delegate === null) set(s, value);
      else setattr(s.delegate, attr, value);
      return null;
    }),
  );
}

function getReturnValue(self: Obj): unknown {
  const s = stateOf(self);
  let ret = s.returnValue;
  if (s.delegate !== null) ret = getattr(s.delegate, 'return_value');
  if (ret === DEFAULT) {
    ret = childMock(self, { _new_parent: self, _new_name: '()' });
    setattr(self, 'return_value', ret);
  }
  return ret;
}

function setReturnValue(self: Obj, value: unknown): void {
  const s = stateOf(self);
  if (s.delegate !== null) {
    setattr(s.delegate, 'return_value', value);
  } else {
    s.returnValue = value;
    checkAndSetParent(self, value, null, '()');
  }
}

function getSideEffect(self: Obj): unknown {
  const s = stateOf(self);
  if (s.delegate === null) return s.sideEffect;
  let sf = getattr(s.delegate, 'side_effect');
  if (sf !== null && !mockCallable(sf) && !isException(sf)) {
    sf = tryIter(sf);
    setattr(s.delegate, 'side_effect', sf);
  }
  return sf;
}

function setSideEffect(self: Obj, value: unknown): void {
  const v = tryIter(value);
  const s = stateOf(self);
  if (s.delegate === null) s.sideEffect = v;
  else setattr(s.delegate, 'side_effect', v);
}

/** A fresh class for one mock, deriving from the class it was made from (CPython's `NonCallableMock.__new__`). */
function ownClass(cls: PyClass): PyClass {
  const doc = getClassAttr(cls, '__doc__');
  return makeClass(String(cls.__name__), [cls], (ns) => {
    ns['__module__'] = Q;
    ns['__doc__'] = doc;
  });
}

const newMock = pyFunction('cls, /, *args, **kw', 'NonCallableMock.__new__', Q, (cls: PyClass, args: PyTuple, kw: PyDict) => {
  void args;
  const sub = ownClass(cls);
  const obj = newInstance(sub);
  const s = blankState();
  STATES.set(obj, s);
  // Mocks made with spec_arg typos: CPython refuses them unless unsafe.
  if (kw.$size > 0 && kw.$get('unsafe') !== true) {
    for (const typo of ['autospect', 'auto_spec', 'set_spec']) {
      if (kw.$has(typo)) throw new RuntimeError(`${repr(typo)} might be a typo; use unsafe=True if this is intended`);
    }
  }
  return obj;
});

const SPEC_KEYS = ['spec', 'wraps', 'name', 'spec_set', 'parent', '_spec_state', '_new_name', '_new_parent', '_spec_as_instance', '_eat_self', 'unsafe'];

function initNonCallable(self: Obj, a: Record<string, unknown>, extra: PyDict | null): void {
  const s = stateOf(self);
  const parent = (a['parent'] ?? null) as Obj | null;
  let newParent = (a['_new_parent'] ?? null) as Obj | null;
  if (newParent === null) newParent = parent;
  s.parent = parent;
  s.name = (a['name'] ?? null) as string | null;
  s.newName = (a['_new_name'] ?? '') as string;
  s.newParent = newParent;
  s.sealed = false;
  let spec = a['spec'] ?? null;
  let specSet = a['spec_set'] ?? null;
  if (specSet !== null) {
    spec = specSet;
    specSet = true;
  }
  let eatSelf = a['_eat_self'];
  if (eatSelf === undefined || eatSelf === null) eatSelf = parent !== null;
  addSpec(self, spec, specSet, a['_spec_as_instance'] === true, eatSelf === true);
  s.children = new Map();
  s.wraps = a['wraps'] ?? null;
  s.delegate = null;
  s.called = false;
  s.callArgs = null;
  s.callCount = 0;
  s.callArgsList = makeCallList();
  s.mockCalls = makeCallList();
  s.methodCalls = makeCallList();
  s.unsafe = a['unsafe'] === true;
  if (extra !== null && extra.$size > 0) callMethodKw(self, 'configure_mock', [], kwRecord(extra));
}

/** The keyword arguments of an `__init__`: the known ones by name, the rest as a dict. */
function splitInit(args: PyTuple, kw: PyDict, order: readonly string[]): [Record<string, unknown>, PyDict] {
  const known: Record<string, unknown> = {};
  if (args.length > order.length) throw new TypeError(`__init__() takes from 1 to ${order.length + 1} positional arguments but ${args.length + 1} were given`);
  args.forEach((v, i) => {
    known[order[i]!] = v;
  });
  const rest = new PyDict();
  for (const k of kw) {
    const key = k as string;
    if (order.includes(key) || SPEC_KEYS.includes(key)) {
      if (Object.hasOwn(known, key) && args.length > order.indexOf(key)) throw new TypeError(`__init__() got multiple values for argument '${key}'`);
      known[key] = kw.$get(k);
    } else {
      rest.$set(k, kw.$get(k));
    }
  }
  return [known, rest];
}

const NON_CALLABLE_ORDER = SPEC_KEYS;
const CALLABLE_ORDER = ['spec', 'side_effect', 'return_value', 'wraps', 'name', 'spec_set', 'parent', '_spec_state', '_new_name', '_new_parent'];

function nonCallableInit(self: Obj, args: PyTuple, kw: PyDict): null {
  const [known, rest] = splitInit(args, kw, NON_CALLABLE_ORDER);
  initNonCallable(self, known, rest);
  return null;
}

function getChildMock(self: Obj, kw: PyDict): unknown {
  const s = stateOf(self);
  const newName = kw.$get('_new_name');
  const record = kwRecord(kw);
  if (typeof newName === 'string' && s.specAsyncs.includes(newName)) return call(AsyncMockRef.cls!, [], record);
  if (s.sealed) {
    const attribute = kw.$has('name') ? `.${String(kw.$get('name'))}` : '()';
    throw new AttributeError(extractMockName(self) + attribute);
  }
  const own = pyClassOf(self)!;
  let klass: PyClass;
  if (issubclass(own, MagicMock) && typeof newName === 'string' && _async_method_magics.has(newName)) {
    klass = AsyncMockRef.cls!;
  } else if (AsyncMockRef.mixin !== null && issubclass(own, AsyncMockRef.mixin)) {
    const syncMagic = typeof newName === 'string' && (_all_sync_magics.has(newName) || (s.methods !== null && s.methods.includes(newName)));
    klass = syncMagic ? MagicMock : AsyncMockRef.cls!;
  } else if (!issubclass(own, CallableMixin)) {
    if (issubclass(own, NonCallableMagicMock)) klass = MagicMock;
    else klass = Mock;
  } else {
    klass = mroOf(own)[1]!;
  }
  return call(klass, [], record);
}

function mockGetattr(self: Obj, name: string): unknown {
  const s = stateOf(self);
  if (name === '_mock_methods') return s.methods === null ? null : [...s.methods];
  if (name === '_mock_unsafe') return s.unsafe;
  if (s.methods !== null) {
    if (!s.methods.includes(name) || _all_magics.has(name)) throw new AttributeError(`Mock object has no attribute ${repr(name)}`);
  } else if (isMagic(name)) {
    throw new AttributeError(name);
  }
  if (!s.unsafe && (s.methods === null || s.methods.length === 0 || !s.methods.includes(name))) {
    if (/^(assert|assret|asert|aseert|assrt)/.test(name)) {
      throw new AttributeError(`${repr(name)} is not a valid assertion. Use a spec for the mock if ${repr(name)} is meant to be an attribute.`);
    }
  }
  let result = s.children.get(name);
  if (result === _deleted) throw new AttributeError(name);
  if (result === undefined) {
    const wraps = s.wraps !== null ? getattr(s.wraps, name) : null;
    result = childMock(self, { parent: self, name, wraps, _new_name: name, _new_parent: self });
    s.children.set(name, result);
  } else if (result instanceof SpecState) {
    result = result.make(self, name);
    s.children.set(name, result);
  }
  return result;
}

/** A child autospec makes on first access (CPython's `_SpecState`). */
export class SpecState {
  constructor(readonly make: (parent: Obj, name: string) => unknown) {}
}

/**
 * `type(mock).name = child`: the class's namespace holds the child mock, its
 * prototype a JS function calling it, which the runtime's special-method
 * calls can apply (a callable instance is a function without
 * Function.prototype); reading the attribute gives the mock (UNBOUND).
 */
function installMagic(cls: PyClass, name: string, mock: unknown): void {
  setattr(cls, name, mock);
  Object.defineProperty(cls.prototype as object, name, { value: magicCaller(mock), writable: true, configurable: true, enumerable: false });
}

const CALLERS = new WeakMap<object, (...args: unknown[]) => unknown>();

function magicCaller(mock: unknown): (...args: unknown[]) => unknown {
  let f = CALLERS.get(mock as object);
  if (f === undefined) {
    f = (...args: unknown[]) => call(mock, args, null);
    (f as unknown as Record<symbol, unknown>)[UNBOUND] = mock;
    CALLERS.set(mock as object, f);
  }
  return f;
}

/** CPython's `_get_method`: a function set as a magic method, called with the mock first. */
function methodFor(name: string, func: unknown): unknown {
  return pyFunction('self, /, *args, **kw', name, Q, (self: unknown, args: PyTuple, kw: PyDict) => call(func, [self, ...args], kwRecord(kw)));
}

function mockSetattr(self: Obj, name: string, value: unknown): null {
  const s = stateOf(self);
  if (ALLOWED_NAMES.has(name)) {
    switch (name) {
      case '_mock_return_value':
        s.returnValue = value;
        return null;
      case '_mock_side_effect':
        s.sideEffect = value;
        return null;
      case '_mock_parent':
        s.parent = value as Obj | null;
        return null;
      case '_mock_new_parent':
        s.newParent = value as Obj | null;
        return null;
      case '_mock_name':
        s.name = value as string | null;
        return null;
      case '_mock_new_name':
        s.newName = value as string;
        return null;
    }
    objectSetattr(self, name, value);
    return null;
  }
  if (s.specSet && s.methods !== null && !s.methods.includes(name) && !Object.hasOwn(self, name)) {
    throw new AttributeError(`Mock object has no attribute '${name}'`);
  }
  if (_unsupported_magics.has(name)) throw new AttributeError(`Attempting to set unsupported magic method ${repr(name)}.`);
  if (_all_magics.has(name)) {
    if (s.methods !== null && !s.methods.includes(name)) throw new AttributeError(`Mock object has no attribute '${name}'`);
    const cls = pyClassOf(self)!;
    if (!isMock(extractMock(value))) {
      setattr(cls, name, methodFor(name, value));
      const original = value;
      value = pyFunction('*args, **kw', name, Q, (args: PyTuple, kw: PyDict) => call(original, [self, ...args], kwRecord(kw)));
    } else {
      checkAndSetParent(self, value, null, name);
      installMagic(cls, name, value);
      s.children.set(name, value);
    }
  } else if (checkAndSetParent(self, value, name, name)) {
    s.children.set(name, value);
  }
  if (s.sealed && !hasattr(self, name)) throw new AttributeError(`Cannot set ${extractMockName(self)}.${name}`);
  objectSetattr(self, name, value);
  return null;
}

function mockDelattr(self: Obj, name: string): null {
  const s = stateOf(self);
  const cls = pyClassOf(self)!;
  if (_all_magics.has(name) && Object.hasOwn(cls.prototype as object, name)) {
    delattr(cls, name);
    if (!Object.hasOwn(self, name)) return null;
  }
  const obj = s.children.has(name) ? s.children.get(name) : undefined;
  if (Object.hasOwn(self, name)) objectDelattr(self, name);
  else if (obj === _deleted) throw new AttributeError(name);
  s.children.set(name, _deleted);
  return null;
}

function resetMock(self: Obj, visited: unknown[], returnValue: boolean, sideEffect: boolean): void {
  if (visited.includes(self)) return;
  visited.push(self);
  const s = stateOf(self);
  setattr(self, 'called', false);
  setattr(self, 'call_args', null);
  setattr(self, 'call_count', 0);
  setattr(self, 'mock_calls', makeCallList());
  setattr(self, 'call_args_list', makeCallList());
  s.methodCalls = makeCallList();
  if (returnValue) s.returnValue = DEFAULT;
  if (sideEffect) s.sideEffect = null;
  for (const child of s.children.values()) {
    if (child instanceof SpecState || child === _deleted || !isMock(child)) continue;
    callMethodKw(child, 'reset_mock', [visited], { return_value: returnValue, side_effect: sideEffect });
  }
  const ret = s.returnValue;
  if (isMock(ret) && ret !== self) callMethodKw(ret, 'reset_mock', [visited], null);
}

function configureMock(self: Obj, kwargs: PyDict): null {
  const entries = [...kwargs].map((k) => [k as string, kwargs.$get(k)] as const);
  // Fewer dots first, so that `a` is set before `a.b`.
  entries.sort((x, y) => x[0].split('.').length - y[0].split('.').length);
  for (const [arg, val] of entries) {
    const parts = arg.split('.');
    const final = parts.pop()!;
    let obj: unknown = self;
    for (const entry of parts) obj = getattr(obj, entry);
    setattr(obj, final, val);
  }
  return null;
}

function expectCalls(self: Obj): number {
  return Number(getattr(self, 'call_count'));
}

function assertCalledWith(self: Obj, args: PyTuple, kwargs: PyDict): null {
  if (getattr(self, 'call_args') === null) {
    assertionError(`expected call not found.\nExpected: ${formatMockCall(self, args, kwargs)}\n  Actual: not called.`);
  }
  const expected = callMatcher(self, newCall([args, kwargs], null, null, true));
  const actual = callMatcher(self, getattr(self, 'call_args') as PyTuple);
  if (!eqTest(actual, expected)) {
    const cause = isinstance(expected, Exception) ? expected : null;
    assertionError(failureMessage(self, args, kwargs), cause);
  }
  return null;
}

function assertHasCalls(self: Obj, calls: unknown, anyOrder: boolean): null {
  const callsList = [...iterate(calls)];
  const expected = callsList.map((c) => callMatcher(self, c as PyTuple));
  const cause = expected.find((e) => isinstance(e, Exception)) ?? null;
  const allCalls = makeCallList((getattr(self, 'mock_calls') as PyTuple[]).map((c) => callMatcher(self, c)));
  if (!anyOrder) {
    if (!truthyContains(allCalls, expected)) {
      const problem = cause === null
        ? 'Calls not found.'
        : `Error processing expected calls.\nErrors: ${repr(expected.map((e) => (isinstance(e, Exception) ? e : null)))}`;
      const actual = callsRepr(self, '  Actual').replace(/\.+$/, '');
      assertionError(`${problem}\nExpected: ${repr(makeCallList(callsList))}${actual}`, cause);
    }
    return null;
  }
  const remaining = [...allCalls];
  const notFound: unknown[] = [];
  for (const kall of expected) {
    const i = remaining.findIndex((c) => eqTest(c, kall));
    if (i < 0) notFound.push(kall);
    else remaining.splice(i, 1);
  }
  if (notFound.length > 0) {
    assertionError(`${repr(mockName(self))} does not contain all of ${repr(PyTuple.fromArray(notFound))} in its call list, found ${repr(remaining)} instead`, cause);
  }
  return null;
}

function truthyContains(list: unknown[], sub: unknown[]): boolean {
  if (sub.length > list.length) return false;
  for (let i = 0; i + sub.length <= list.length; i++) {
    let all = true;
    for (let j = 0; j < sub.length && all; j++) all = eqTest(list[i + j], sub[j]);
    if (all) return true;
  }
  return false;
}

function assertAnyCall(self: Obj, args: PyTuple, kwargs: PyDict): null {
  const expected = callMatcher(self, newCall([args, kwargs], null, null, true));
  const cause = isinstance(expected, Exception) ? expected : null;
  const actual = (getattr(self, 'call_args_list') as PyTuple[]).map((c) => callMatcher(self, c));
  const found = cause === null && actual.some((c) => {
    const a = c as PyTuple;
    const e = expected as PyTuple;
    if (!Array.isArray(a)) return false;
    for (let i = 0; i < e.length; i++) if (!eqTest(e[i], a[i])) return false;
    return true;
  });
  if (!found) assertionError(`${formatMockCall(self, args, kwargs)} call not found`, cause);
  return null;
}

const m = (spec: string, name: string, fn: (...a: never[]) => unknown): unknown => pyFunction(spec, `NonCallableMock.${name}`, Q, fn);

export const Base: PyClass = pyClass('Base', Q, [], {
  _mock_return_value: DEFAULT,
  _mock_side_effect: null,
  __init__: pyFunction('self, /, *args, **kwargs', 'Base.__init__', Q, () => null),
});

export const NonCallableMock: PyClass = pyClass('NonCallableMock', Q, [Base], {
  __doc__: 'A non-callable version of `Mock`',
  __new__: newMock,
  __init__: m('self, /, *args, **kwargs', '__init__', nonCallableInit),
  __getattr__: m('self, name', '__getattr__', mockGetattr),
  __setattr__: m('self, name, value', '__setattr__', mockSetattr),
  __delattr__: m('self, name', '__delattr__', mockDelattr),
  __repr__: m('self', '__repr__', mockRepr),
  __class__: new PyProperty(
    pyFunction('self', '__class__', Q, (self: Obj) => {
      const sc = stateOf(self).specClass;
      return sc === null ? pyClassOf(self) : sc;
    }),
  ),
  _get_child_mock: m('self, /, **kw', '_get_child_mock', getChildMock),
  _extract_mock_name: m('self', '_extract_mock_name', extractMockName),
  _format_mock_call_signature: m('self, args, kwargs', '_format_mock_call_signature', formatMockCall),
  _calls_repr: m('self, prefix=', '_calls_repr', (self: Obj, prefix?: string) => callsRepr(self, prefix ?? 'Calls')),
  attach_mock: m('self, mock, attribute', 'attach_mock', (self: Obj, mock: unknown, attribute: string) => {
    const inner = extractMock(mock);
    const s = stateOf(inner);
    s.parent = null;
    s.newParent = null;
    s.name = '';
    s.newName = '';
    setattr(self, attribute, mock);
    return null;
  }),
  mock_add_spec: m('self, spec, spec_set=', 'mock_add_spec', (self: Obj, spec: unknown, specSet?: unknown) => {
    addSpec(self, spec, specSet ?? false);
    return null;
  }),
  reset_mock: m('self, visited=, *, return_value=, side_effect=', 'reset_mock',
    (self: Obj, visited?: unknown, returnValue?: unknown, sideEffect?: unknown) => {
      resetMock(self, visited === undefined || visited === null ? [] : (visited as unknown[]), returnValue === true, sideEffect === true);
      return null;
    }),
  configure_mock: m('self, /, **kwargs', 'configure_mock', configureMock),
  assert_not_called: m('self', 'assert_not_called', (self: Obj) => {
    const n = expectCalls(self);
    if (n !== 0) assertionError(`Expected '${mockName(self)}' to not have been called. Called ${n} times.${callsRepr(self)}`);
    return null;
  }),
  assert_called: m('self', 'assert_called', (self: Obj) => {
    if (expectCalls(self) === 0) assertionError(`Expected '${mockName(self)}' to have been called.`);
    return null;
  }),
  assert_called_once: m('self', 'assert_called_once', (self: Obj) => {
    const n = expectCalls(self);
    if (n !== 1) assertionError(`Expected '${mockName(self)}' to have been called once. Called ${n} times.${callsRepr(self)}`);
    return null;
  }),
  assert_called_with: m('self, /, *args, **kwargs', 'assert_called_with', assertCalledWith),
  assert_called_once_with: m('self, /, *args, **kwargs', 'assert_called_once_with', (self: Obj, args: PyTuple, kwargs: PyDict) => {
    const n = expectCalls(self);
    if (n !== 1) assertionError(`Expected '${mockName(self)}' to be called once. Called ${n} times.${callsRepr(self)}`);
    return assertCalledWith(self, args, kwargs);
  }),
  assert_has_calls: m('self, calls, any_order=', 'assert_has_calls', (self: Obj, calls: unknown, anyOrder?: unknown) =>
    assertHasCalls(self, calls, anyOrder !== undefined && anyOrder !== false && anyOrder !== null)),
  assert_any_call: m('self, /, *args, **kwargs', 'assert_any_call', assertAnyCall),
  _call_matcher: m('self, _call', '_call_matcher', callMatcher),
  return_value: new PyProperty(
    pyFunction('self', 'return_value', Q, getReturnValue),
    pyFunction('self, value', 'return_value', Q, (self: Obj, v: unknown) => {
      setReturnValue(self, v);
      return null;
    }),
  ),
  side_effect: new PyProperty(
    pyFunction('self', 'side_effect', Q, getSideEffect),
    pyFunction('self, value', 'side_effect', Q, (self: Obj, v: unknown) => {
      setSideEffect(self, v);
      return null;
    }),
  ),
  called: recordProperty((s) => s.called, (s, v) => { s.called = v as boolean; }, 'called'),
  call_count: recordProperty((s) => s.callCount, (s, v) => { s.callCount = Number(v); }, 'call_count'),
  call_args: recordProperty((s) => s.callArgs, (s, v) => { s.callArgs = v; }, 'call_args'),
  call_args_list: recordProperty((s) => s.callArgsList, (s, v) => { s.callArgsList = v as unknown[]; }, 'call_args_list'),
  mock_calls: recordProperty((s) => s.mockCalls, (s, v) => { s.mockCalls = v as unknown[]; }, 'mock_calls'),
  method_calls: new PyProperty(
    pyFunction('self', 'method_calls', Q, (self: Obj) => stateOf(self).methodCalls),
    pyFunction('self, value', 'method_calls', Q, (self: Obj, v: unknown) => {
      stateOf(self).methodCalls = v as unknown[];
      return null;
    }),
  ),
  _mock_children: new PyProperty(pyFunction('self', '_mock_children', Q, (self: Obj) => new PyDict(stateOf(self).children))),
  _mock_wraps: new PyProperty(pyFunction('self', '_mock_wraps', Q, (self: Obj) => stateOf(self).wraps)),
  _mock_delegate: new PyProperty(
    pyFunction('self', '_mock_delegate', Q, (self: Obj) => stateOf(self).delegate),
    pyFunction('self, value', '_mock_delegate', Q, (self: Obj, v: unknown) => {
      stateOf(self).delegate = v as Obj | null;
      return null;
    }),
  ),
  _spec_class: new PyProperty(pyFunction('self', '_spec_class', Q, (self: Obj) => stateOf(self).specClass)),
  _spec_set: new PyProperty(pyFunction('self', '_spec_set', Q, (self: Obj) => stateOf(self).specSet || null)),
  _spec_signature: new PyProperty(pyFunction('self', '_spec_signature', Q, (self: Obj) => stateOf(self).specSignature?.sig ?? null)),
  _mock_sealed: new PyProperty(pyFunction('self', '_mock_sealed', Q, (self: Obj) => stateOf(self).sealed)),
});

// The records a mock's own accessors read bypass __getattr__: name them, as CPython's instance attributes.
for (const [attr, get] of [
  ['_mock_name', (s: MockState) => s.name], ['_mock_new_name', (s: MockState) => s.newName], ['_mock_parent', (s: MockState) => s.parent],
  ['_mock_new_parent', (s: MockState) => s.newParent], ['_mock_return_value', (s: MockState) => s.returnValue],
  ['_mock_side_effect', (s: MockState) => s.sideEffect],
] as const) {
  setattr(NonCallableMock, attr, new PyProperty(pyFunction('self', attr, Q, (self: Obj) => (get as (s: MockState) => unknown)(stateOf(self)))));
}

/** Records a call on the mock and every ancestor (CPython's `_increment_mock_call`). */
function incrementMockCall(self: Obj, args: PyTuple, kwargs: PyDict): void {
  const s = stateOf(self);
  setattr(self, 'called', true);
  setattr(self, 'call_count', Number(getattr(self, 'call_count')) + 1);
  const c = newCall([args, kwargs], null, null, true);
  setattr(self, 'call_args', c);
  (getattr(self, 'call_args_list') as unknown[]).push(c);
  let doMethodCalls = s.parent !== null;
  let methodCallName = s.name;
  let mockCallName = s.newName;
  let isACall = mockCallName === '()';
  (getattr(self, 'mock_calls') as unknown[]).push(newCall(['', args, kwargs]));
  let newParent = s.newParent;
  while (newParent !== null) {
    const ps = stateOf(newParent);
    if (doMethodCalls) {
      ps.methodCalls.push(newCall([methodCallName, args, kwargs]));
      doMethodCalls = ps.parent !== null;
      if (doMethodCalls) methodCallName = `${ps.name}.${methodCallName}`;
    }
    (getattr(newParent, 'mock_calls') as unknown[]).push(newCall([mockCallName, args, kwargs]));
    if (ps.newName) {
      const dot = isACall ? '' : '.';
      isACall = ps.newName === '()';
      mockCallName = ps.newName + dot + mockCallName;
    }
    newParent = ps.newParent;
  }
}

/** What calling the mock gives (CPython's `_execute_mock_call`). */
function executeMockCall(self: Obj, args: PyTuple, kwargs: PyDict): unknown {
  const s = stateOf(self);
  const effect = getattr(self, 'side_effect');
  const kw = kwRecord(kwargs);
  if (effect !== null) {
    if (isException(effect)) throw raised(effect);
    let result: unknown;
    if (!mockCallable(effect)) {
      result = next(effect);
      if (isException(result)) throw raised(result);
    } else {
      result = call(effect, [...args], kw);
    }
    if (result !== DEFAULT) return result;
  }
  if (s.returnValue !== DEFAULT) return getattr(self, 'return_value');
  if (s.delegate !== null && getattr(s.delegate, 'return_value') !== DEFAULT) return getattr(self, 'return_value');
  if (s.wraps !== null) return call(s.wraps, [...args], kw);
  return getattr(self, 'return_value');
}

/** `raise x`: an exception class is instantiated. */
export function raised(x: unknown): unknown {
  return isClassLike(x) ? call(x, [], null) : x;
}

function mockCall(self: Obj, args: PyTuple, kwargs: PyDict): unknown {
  const s = stateOf(self);
  if (s.checkSig !== null) s.checkSig([...args], kwRecord(kwargs));
  incrementMockCall(self, args, kwargs);
  return callMethodKw(self, '_mock_call', [...args], kwRecord(kwargs));
}

function callableInit(self: Obj, args: PyTuple, kw: PyDict): null {
  const [known, rest] = splitInit(args, kw, CALLABLE_ORDER);
  stateOf(self).returnValue = Object.hasOwn(known, 'return_value') ? known['return_value'] : DEFAULT;
  const forward: Record<string, unknown> = {};
  for (const key of SPEC_KEYS) if (Object.hasOwn(known, key)) forward[key] = known[key];
  for (const k of rest) forward[k as string] = rest.$get(k);
  superCall(makeSuper(CallableMixin, self), '__init__', [], forward);
  setattr(self, 'side_effect', Object.hasOwn(known, 'side_effect') ? known['side_effect'] : null);
  return null;
}

export const CallableMixin: PyClass = pyClass('CallableMixin', Q, [Base], {
  __init__: pyFunction('self, /, *args, **kwargs', 'CallableMixin.__init__', Q, callableInit),
  _mock_check_sig: pyFunction('self, /, *args, **kwargs', 'CallableMixin._mock_check_sig', Q, () => null),
  __call__: pyFunction('self, /, *args, **kwargs', 'CallableMixin.__call__', Q, mockCall),
  _mock_call: pyFunction('self, /, *args, **kwargs', 'CallableMixin._mock_call', Q, (self: Obj, args: PyTuple, kwargs: PyDict) =>
    callMethodKw(self, '_execute_mock_call', [...args], kwRecord(kwargs))),
  _increment_mock_call: pyFunction('self, /, *args, **kwargs', 'CallableMixin._increment_mock_call', Q, (self: Obj, a: PyTuple, k: PyDict) => {
    incrementMockCall(self, a, k);
    return null;
  }),
  _execute_mock_call: pyFunction('self, /, *args, **kwargs', 'CallableMixin._execute_mock_call', Q, executeMockCall),
});

export const Mock: PyClass = pyClass('Mock', Q, [CallableMixin, NonCallableMock], {
  __doc__: 'Create a new `Mock` object.',
});

// ---- magic methods ----

const RETURN_VALUES: Record<string, () => unknown> = {
  __lt__: () => NotImplemented, __gt__: () => NotImplemented, __le__: () => NotImplemented, __ge__: () => NotImplemented,
  __int__: () => 1, __contains__: () => false, __len__: () => 0, __exit__: () => false, __complex__: () => new PyComplex(0, 1),
  __float__: () => new PyFloat(1), __bool__: () => true, __index__: () => 1, __aexit__: () => false,
};

const CALCULATED: Record<string, (self: Obj) => unknown> = {
  __hash__: (self) => identityHash(self),
  __str__: (self) => repr(self),
  __sizeof__: () => 48,
  __fspath__: (self) => `${String(pyClassOf(self)!.__name__)}/${extractMockName(self)}/${objectId(self)}`,
};

const SIDE_EFFECTS: Record<string, (self: Obj) => unknown> = {
  __eq__: (self) => pyFunction('other', '__eq__', Q, (other: unknown) => {
    const ret = stateOf(getattr(self, '__eq__')).returnValue;
    if (ret !== DEFAULT) return ret;
    return self === other ? true : NotImplemented;
  }),
  __ne__: (self) => pyFunction('other', '__ne__', Q, (other: unknown) => {
    const ret = stateOf(getattr(self, '__ne__')).returnValue;
    if (ret !== DEFAULT) return ret;
    return self === other ? false : NotImplemented;
  }),
  __iter__: (self) => pyFunction('', '__iter__', Q, () => {
    const ret = stateOf(getattr(self, '__iter__')).returnValue;
    return ret === DEFAULT ? iter([]) : iter(ret);
  }),
  __aiter__: (self) => pyFunction('', '__aiter__', Q, () => {
    const ret = stateOf(getattr(self, '__aiter__')).returnValue;
    return AsyncMockRef.asyncIterator!(ret === DEFAULT ? [] : ret);
  }),
};

/** Configures a magic method mock's default result (CPython's `_set_return_value`). */
function setMagicDefault(parent: Obj, method: Obj, name: string): void {
  const fixed = RETURN_VALUES[name];
  if (fixed !== undefined) {
    setattr(method, 'return_value', fixed());
    return;
  }
  const calc = CALCULATED[name];
  if (calc !== undefined) {
    setattr(method, 'return_value', calc(parent));
    return;
  }
  const effect = SIDE_EFFECTS[name];
  if (effect !== undefined) setattr(method, 'side_effect', effect(parent));
}

/** The placeholder a magic method is until first used: then it makes the method's mock (CPython's MagicProxy). */
export const MagicProxy: PyClass = pyClass('MagicProxy', Q, [Base], {
  __init__: pyFunction('self, name, parent', 'MagicProxy.__init__', Q, (self: Obj, name: unknown, parent: unknown) => {
    self['name'] = name;
    self['parent'] = parent;
    return null;
  }),
  create_mock: pyFunction('self', 'MagicProxy.create_mock', Q, (self: Obj) => createMagic(self)),
  // Read through the mock, the mock; looked up on its class's prototype (a special-method call), the caller installMagic puts there.
  __get__: pyFunction('self, obj, _type=', 'MagicProxy.__get__', Q, (self: Obj, obj: unknown) => {
    const made = createMagic(self);
    return isMock(obj) ? made : magicCaller(made);
  }),
});

function createMagic(proxy: Obj): unknown {
  const entry = proxy['name'] as string;
  const parent = proxy['parent'] as Obj;
  const made = childMock(parent, { name: entry, _new_name: entry, _new_parent: parent });
  setattr(parent, entry, made);
  setMagicDefault(parent, made, entry);
  return made;
}

function setMagics(self: Obj): void {
  const s = stateOf(self);
  const cls = pyClassOf(self)!;
  const proto = cls.prototype as object;
  const orig = [..._magics, ..._async_method_magics];
  let these = orig;
  if (s.methods !== null) {
    const allowed = new Set(s.methods);
    these = orig.filter((n) => allowed.has(n));
    for (const entry of orig) {
      if (!allowed.has(entry) && Object.hasOwn(proto, entry)) delattr(cls, entry);
    }
  }
  for (const entry of these) {
    if (Object.hasOwn(proto, entry)) continue;
    setattr(cls, entry, call(MagicProxy, [entry, self], null));
  }
}

function magicInit(owner: () => PyClass) {
  return pyFunction('self, /, *args, **kw', 'MagicMixin.__init__', Q, (self: Obj, args: PyTuple, kw: PyDict) => {
    setMagics(self);
    superCall(makeSuper(owner(), self), '__init__', [...args], kwRecord(kw));
    setMagics(self);
    return null;
  });
}

export const MagicMixin: PyClass = pyClass('MagicMixin', Q, [Base], {
  __init__: magicInit(() => MagicMixin),
  _mock_set_magics: pyFunction('self', 'MagicMixin._mock_set_magics', Q, (self: Obj) => {
    setMagics(self);
    return null;
  }),
});

function magicAddSpec(self: Obj, spec: unknown, specSet?: unknown): null {
  addSpec(self, spec, specSet ?? false);
  setMagics(self);
  return null;
}

export const NonCallableMagicMock: PyClass = pyClass('NonCallableMagicMock', Q, [MagicMixin, NonCallableMock], {
  __doc__: 'A version of `MagicMock` that isn\'t callable.',
  mock_add_spec: pyFunction('self, spec, spec_set=', 'NonCallableMagicMock.mock_add_spec', Q, magicAddSpec),
});

export const MagicMock: PyClass = pyClass('MagicMock', Q, [MagicMixin, Mock], {
  __doc__: 'MagicMock is a subclass of Mock with default implementations\n    of most of the magic methods.',
  mock_add_spec: pyFunction('self, spec, spec_set=', 'MagicMock.mock_add_spec', Q, magicAddSpec),
});

/** Filled in by async.ts (AsyncMock is defined there, and the child rules here name it). */
export const AsyncMockRef: { cls: PyClass | null; mixin: PyClass | null; asyncIterator: ((items: unknown) => unknown) | null } = {
  cls: null, mixin: null, asyncIterator: null,
};

/** PropertyMock: a mock that is a property of the class it is set on. */
export const PropertyMock: PyClass = pyClass('PropertyMock', Q, [Mock], {
  __doc__: 'A mock intended to be used as a property, or other descriptor, on a class.',
  _get_child_mock: pyFunction('self, /, **kwargs', 'PropertyMock._get_child_mock', Q, (_self: Obj, kw: PyDict) => call(MagicMock, [], kwRecord(kw))),
  __get__: pyFunction('self, obj, obj_type=', 'PropertyMock.__get__', Q, (self: Obj) => (self as unknown as () => unknown)()),
  __set__: pyFunction('self, obj, val', 'PropertyMock.__set__', Q, (self: Obj, _obj: unknown, val: unknown) => {
    (self as unknown as (v: unknown) => unknown)(val);
    return null;
  }),
});

/** seal(mock): no more attributes made on it or its children. */
export const seal = pyFunction('mock', 'seal', Q, (mock: Obj) => {
  const s = stateOf(mock);
  s.sealed = true;
  const children: unknown[] = [...s.children.values()];
  if (isMock(s.returnValue)) children.push(s.returnValue);
  for (const child of children) {
    if (isMock(child) && stateOf(child).newParent === mock) (seal as unknown as (x: Obj) => unknown)(child);
  }
  return null;
});
