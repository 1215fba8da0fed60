/**
 * The special methods of Python classes as the operators, `len`, `repr`,
 * truth, subscripts and hashing reach them. The builtin types are handled
 * first by their own modules; an instance of a Python class comes here.
 * Special methods are looked up on the type (the prototype chain), never on
 * the instance, as CPython does.
 */
import { NotImplemented, unsupported } from './notImplemented.js';
import { OverflowError, TypeError, ValueError } from './exceptions.js';
import { PyBoxed, PyBytes, PyComplex, PyFloat, isIntNumber, typeName, unbox } from './values.js';
import { BOUND, BOUND_BUILTIN, METHOD_OF, SIGNATURE, call, isPyFunction, type PyCallable } from './calls.js';
import { BUILTIN_METHOD, CLASS, getClassAttr, isClassLike, defaultRepr, hooks as classHooks, mroOf, objectId, type PyClass } from './classes.js';
import { $eq, builtinEq, compare, eq as structuralEq, equalityHooks, type CompareOp } from './equality.js';
import { PyDict } from './dict.js';
import { PyAnySet } from './set.js';
import { PyByteArray } from './bytearray.js';
import { repr, reprHooks, str } from './repr.js';
import { formatHooks, formatValue } from './str/formatSpec.js';
import { invokeMethod } from './special.js';
import { iterHooks } from './list.js';
import { iterate } from './iteration.js';
import { valueOperators } from './valueOperators.js';
import { isModule, moduleRepr } from '../modules/support/namespaces.js';

/** The special method `name` of obj's Python class, or undefined (also for objects that are not Python instances). */
export function special(obj: unknown, name: string): unknown {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return undefined;
  const proto = Object.getPrototypeOf(obj) as Record<PropertyKey, unknown> | null;
  if (proto === null || proto[CLASS] === undefined) return undefined;
  const f = proto[name];
  if (f === null || (typeof f === 'function' && (f as unknown as Record<symbol, unknown>)[BUILTIN_METHOD] !== undefined)) return undefined;
  return f;
}

type SpecialSlots = { __bool__?: unknown };

/**
 * What special() gives for a method f read from a Python instance's
 * prototype: a `while d:` reads `__bool__` by its name (a read V8 caches
 * for each class), where special's read by a varying name is not cached.
 * instanceTruth is only called for instances of Python classes.
 */
function ownSpecial(f: unknown): unknown {
  if (f === null || (typeof f === 'function' && (f as unknown as Record<symbol, unknown>)[BUILTIN_METHOD] !== undefined)) return undefined;
  return f;
}

function isBoxed(v: unknown): v is PyBoxed {
  return v instanceof PyBoxed;
}

/** The base type's own method `name` for a boxed instance (it unboxes its arguments), or undefined. */
function baseMethod(obj: unknown, name: string): unknown {
  if (!isBoxed(obj)) return undefined;
  const f = (Object.getPrototypeOf(obj) as Record<string, unknown>)[name];
  return typeof f === 'function' ? f : undefined;
}

/** Whether obj is an instance of a Python class. */
export function isInstance(obj: unknown): obj is object {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return false;
  const proto = Object.getPrototypeOf(obj) as Record<PropertyKey, unknown> | null;
  return proto !== null && proto[CLASS] !== undefined;
}

/** Calls a special method found on obj's type (see invokeMethod in special.ts). */
export function invoke(f: unknown, obj: unknown, ...args: unknown[]): unknown {
  return invokeMethod(f, obj, args);
}

function typeOfInstance(obj: object): PyClass {
  return (obj as Record<PropertyKey, unknown>)[CLASS] as PyClass;
}

/** type(v) of a value that is not an instance of a Python class (types.ts sets it: dunders.ts cannot import `type`). */
export const dunderHooks: { typeOf?: (v: unknown) => unknown } = {};

/**
 * Whether b's type is a proper subclass of a's type that overrides `rname`
 * (then b's reflected method goes first): `[1] + L()`, `{1} | S()` and
 * `'%s' % S()` reach a subclass of the builtin type as `x + L()` does.
 */
function reflectedFirst(a: unknown, b: unknown, rname: string): boolean {
  if (!isInstance(b)) return false;
  const tb = typeOfInstance(b);
  const ta = isInstance(a) ? typeOfInstance(a) : dunderHooks.typeOf?.(a);
  if (ta === undefined || ta === tb || !mroOf(tb).includes(ta as PyClass)) return false;
  return special(b, rname) !== special(a, rname);
}

const BINARY: Record<string, readonly [string, string]> = {
  '+': ['__add__', '__radd__'], '-': ['__sub__', '__rsub__'], '*': ['__mul__', '__rmul__'],
  '/': ['__truediv__', '__rtruediv__'], '//': ['__floordiv__', '__rfloordiv__'], '%': ['__mod__', '__rmod__'],
  '** or pow()': ['__pow__', '__rpow__'], '@': ['__matmul__', '__rmatmul__'], '<<': ['__lshift__', '__rlshift__'],
  '>>': ['__rshift__', '__rrshift__'], '&': ['__and__', '__rand__'], '|': ['__or__', '__ror__'], '^': ['__xor__', '__rxor__'],
  'divmod()': ['__divmod__', '__rdivmod__'],
};

/** A builtin type's own operator on its operands, NotImplemented when it does not take them. */
export type OwnOperator = (a: unknown, b: unknown) => unknown;

/**
 * The rank of a number's type in int ⊂ float ⊂ complex (a subclass's
 * instance by its base value), or -1 for anything else: a number type's
 * own operators take the types up to its own rank (int's `+` refuses a
 * float, float's takes an int).
 */
function numberRank(v: unknown): number {
  switch (typeof v) {
    case 'number':
      return isIntNumber(v) ? 0 : 1;
    case 'bigint':
    case 'boolean':
      return 0;
    case 'object':
      if (v === null) return -1;
      if (isBoxed(v)) return numberRank(unbox(v));
      return v instanceof PyFloat ? 1 : v instanceof PyComplex ? 2 : -1;
  }
  return -1;
}

/** Whether a's number type has an operator of its own that takes b (`1.5 + I()` where I derives from int: float's sum). */
function numberTakes(a: unknown, b: unknown): boolean {
  const ra = numberRank(a);
  const rb = numberRank(b);
  return ra >= 0 && rb >= 0 && rb <= ra;
}

/**
 * `a <op> b` through `__op__`/`__rop__`, or CPython's TypeError. `own` is
 * the builtin base type's operator for an operand whose class inherits it (a
 * subclass of set, list, dict…), NotImplemented where it does not apply.
 * With `ownSlot` it is each side's method where its class defines none
 * (set's `|`, dict's `|`, str's `%`: a's answers before b's reflected
 * method, as CPython's number slots do); else it is the sequence fallback
 * (list's and tuple's `+` and `*`), tried after both sides' methods, or at
 * a's turn when a's class defines only the reflected method (CPython then
 * gives it a number slot, which finds the base's `__add__`). A number
 * operand's own arithmetic is its type's method too: `1.5 + I()`, where I
 * derives from int, is float's sum, not I's `__radd__`.
 */
export function binaryOp(op: string, a: unknown, b: unknown, own?: OwnOperator, ownSlot = false): unknown {
  const names = BINARY[op];
  if (names !== undefined) {
    const [name, rname] = names;
    const fa = special(a, name);
    const fb = special(b, rname);
    const same = isInstance(a) && isInstance(b) && typeOfInstance(a) === typeOfInstance(b);
    let tryB = fb !== undefined && !same;
    if (tryB && reflectedFirst(a, b, rname)) {
      tryB = false;
      const r = invoke(fb, b, a);
      if (r !== NotImplemented) return r;
    }
    let ownTried = false;
    if (fa !== undefined) {
      const r = invoke(fa, a, b);
      if (r !== NotImplemented) return r;
    } else if (own !== undefined && (ownSlot || special(a, rname) !== undefined)) {
      ownTried = true;
      const r = own(a, b);
      if (r !== NotImplemented) return r;
    } else if (fb !== undefined && numberTakes(a, b)) {
      const numeric = valueOperators.numeric[op];
      const r = numeric === undefined ? NotImplemented : numeric(unbox(a), unbox(b));
      if (r !== NotImplemented) return r;
    }
    if (tryB) {
      const r = invoke(fb, b, a);
      if (r !== NotImplemented) return r;
    }
    // The sequence fallback; or b's inherited method, after a's own declined.
    if (own !== undefined && !ownTried && (!ownSlot || (fb === undefined && !same))) {
      const r = own(a, b);
      if (r !== NotImplemented) return r;
    }
  }
  const plain = valueOperators.binary[op];
  if (plain !== undefined && (isBoxed(a) || isBoxed(b))) {
    return onBaseValues(a, b, plain, (x, y) => unsupported(op, x, y).message);
  }
  if (op === '*' && (isSequence(a) || isSequence(b))) {
    throw new TypeError(`can't multiply sequence by non-int of type '${typeName(isSequence(a) ? b : a)}'`);
  }
  if (op === '|' && unionHooks.or !== undefined) {
    // type.__or__: `int | None` (unionType.ts).
    const r = unionHooks.or(a, b);
    if (r !== NotImplemented) return r;
  }
  throw unsupported(op, a, b);
}

function isSequence(v: unknown): boolean {
  return typeof v === 'string' || Array.isArray(v) || v instanceof PyBytes;
}

/** `a <op>= b` on an instance with `__iop__`; NotImplemented when it has none (then the plain operator applies). */
export function inplaceOp(name: string, a: unknown, b: unknown): unknown {
  const f = special(a, name);
  return f === undefined ? NotImplemented : invoke(f, a, b);
}

/** `-a`, `+a`, `~a`, `abs(a)` on an instance, or CPython's TypeError. */
export function unaryOp(name: string, symbol: string, a: unknown): unknown {
  const f = special(a, name);
  if (f !== undefined) return invoke(f, a);
  const plain = valueOperators.unary[name];
  if (plain !== undefined && isBoxed(a)) return plain(unbox(a));
  if (name === '__abs__') throw new TypeError(`bad operand type for abs(): '${typeName(a)}'`);
  throw new TypeError(`bad operand type for unary ${symbol}: '${typeName(a)}'`);
}

const COMPARE: Record<CompareOp, readonly [string, string]> = {
  '<': ['__lt__', '__gt__'], '<=': ['__le__', '__ge__'], '>': ['__gt__', '__lt__'], '>=': ['__ge__', '__le__'],
};

/**
 * `a < b` and friends through `__lt__` and the reflected `__gt__`;
 * NotImplemented when neither answers. `own` is the builtin base type's
 * order for an operand whose class inherits it (a subclass of list, tuple,
 * set…), a's own method when a's class defines none.
 */
export function compareOp(op: CompareOp, a: unknown, b: unknown, own?: OwnOperator): unknown {
  const [name, rname] = COMPARE[op];
  const fb = special(b, rname);
  let tryB = fb !== undefined;
  if (tryB && reflectedFirst(a, b, rname)) {
    tryB = false;
    const r = invoke(fb, b, a);
    if (r !== NotImplemented) return r;
  }
  const fa = special(a, name);
  if (fa !== undefined) {
    const r = invoke(fa, a, b);
    if (r !== NotImplemented) return r;
  } else if (own !== undefined) {
    const r = own(a, b);
    if (r !== NotImplemented) return r;
  } else if (tryB && numberTakes(a, b) && numberRank(a) < 2) {
    // A number's own order first: `1.5 < I()`, where I derives from int, is float's comparison.
    return compare(op, unbox(a), unbox(b));
  }
  if (tryB) {
    const r = invoke(fb, b, a);
    if (r !== NotImplemented) return r;
  }
  // b's inherited method (its class defines no reflected one), after a's own declined.
  if (own !== undefined && fa !== undefined && fb === undefined) {
    const r = own(a, b);
    if (r !== NotImplemented) return r;
  }
  if (isBoxed(a) || isBoxed(b)) {
    return onBaseValues(a, b, (x, y) => compare(op, x, y), (x, y) => `'${op}' not supported between instances of '${typeName(x)}' and '${typeName(y)}'`);
  }
  return NotImplemented;
}

/**
 * The base type's own operation on the values of boxed operands; when it
 * supports neither, the TypeError names the operands' own classes (`'F' and
 * 'str'`), as CPython's does.
 */
function onBaseValues<T>(a: unknown, b: unknown, run: (x: unknown, y: unknown) => T, refusal: (x: unknown, y: unknown) => string): T {
  const x = unbox(a);
  const y = unbox(b);
  try {
    return run(x, y);
  } catch (e) {
    if (e instanceof TypeError && e.message === refusal(x, y)) throw new TypeError(refusal(a, b));
    throw e;
  }
}

let truthOf: (v: unknown) => boolean = (v) => Boolean(v);
export function setTruth(f: (v: unknown) => boolean): void {
  truthOf = f;
}

/** `a == b` where one side is an instance: `__eq__`, then the reflected `__eq__`, then identity; the method's result as it is. */
export function richEq(a: unknown, b: unknown): unknown {
  return rich('__eq__', a, b);
}

/** `a != b` where one side is an instance: `__ne__`, whose default inverts `__eq__`. */
export function richNe(a: unknown, b: unknown): unknown {
  return rich('__ne__', a, b);
}

function rich(name: '__eq__' | '__ne__', a: unknown, b: unknown): unknown {
  const fb = special(b, name);
  if (fb !== undefined && reflectedFirst(a, b, name)) {
    const r = invoke(fb, b, a);
    if (r !== NotImplemented) return r;
  }
  const fa = special(a, name);
  if (fa !== undefined) {
    const r = invoke(fa, a, b);
    if (r !== NotImplemented) return r;
  }
  if (fb !== undefined) {
    const r = invoke(fb, b, a);
    if (r !== NotImplemented) return r;
  }
  // An int, float, str or bytes subclass inherits its base's == and != (on the base values).
  if (isBoxed(a) || isBoxed(b)) {
    const same = structuralEq(unbox(a), unbox(b));
    return name === '__eq__' ? same : !same;
  }
  // A bytearray subclass's instance inherits bytearray's == (with any bytes-like object).
  if (a instanceof PyByteArray || b instanceof PyByteArray) {
    const same = a instanceof PyByteArray ? a[$eq](b) : (b as PyByteArray)[$eq](a);
    if (same !== undefined) return name === '__eq__' ? same : !same;
  }
  if (name === '__ne__') {
    // object.__ne__ inverts __eq__ when that gives an answer.
    const r = rich('__eq__', a, b);
    return !truthOf(r);
  }
  // Instances of subclasses of list, dict, set… compare as their builtin values (their classes already declined).
  if (hasBuiltinValue(a) && hasBuiltinValue(b)) return builtinEq(a, b);
  return a === b;
}

function hasBuiltinValue(v: unknown): boolean {
  return Array.isArray(v) || v instanceof PyDict || v instanceof PyAnySet;
}

/** `a == b` as containers apply it, for an instance on either side. */
function equal(a: unknown, b: unknown): boolean | undefined {
  if (!isInstance(a) && !isInstance(b)) return boundMethodsEqual(a, b);
  return truthOf(richEq(a, b));
}

/** hash(obj) for an instance: its `__hash__`, None for unhashable (a class with `__eq__` and no `__hash__`). */
function hashOf(v: object): number | bigint | undefined {
  if (!isInstance(v)) return boundMethodHash(v);
  const proto = Object.getPrototypeOf(v) as Record<string, unknown>;
  const f = proto['__hash__'];
  if (f === null) throw new TypeError(`unhashable type: '${typeName(v)}'`);
  if (f === undefined) return undefined;
  // A container base's own hash (frozenset's, tuple's) is equality.ts's for the value; an int or str base's takes the base value.
  if (typeof f === 'function' && (f as unknown as Record<symbol, unknown>)[BUILTIN_METHOD] !== undefined && !isBoxed(v)) return undefined;
  const h = invoke(f, v);
  if (typeof h === 'number' && isIntNumber(h)) return h;
  if (typeof h === 'bigint') return h;
  if (typeof h === 'boolean') return h ? 1 : 0;
  throw new TypeError('__hash__ method should return an integer');
}

/**
 * Two bound methods are equal when they bind the same object to equal
 * functions (`handlers.remove(self.on_event)` finds the method bound
 * earlier), as CPython's method objects compare; undefined for others.
 */
function boundMethodsEqual(a: unknown, b: unknown): boolean | undefined {
  const ba = typeof a === 'function' ? (a as PyCallable)[BOUND] : undefined;
  const bb = typeof b === 'function' ? (b as PyCallable)[BOUND] : undefined;
  if (ba === undefined || bb === undefined) return undefined;
  return ba.self === bb.self && structuralEq(ba.func, bb.func);
}

/** A bound method's hash, from its object's identity and its function's, as CPython's meth_hash. */
function boundMethodHash(v: object): number | undefined {
  const bound = typeof v === 'function' ? (v as PyCallable)[BOUND] : undefined;
  if (bound === undefined) return undefined;
  const self = bound.self;
  const selfPart = self !== null && (typeof self === 'object' || typeof self === 'function') ? objectId(self) / 16 : 0;
  const func = bound.func as object;
  return (selfPart ^ (objectId(func) / 16)) | 0;
}

/** truth of an instance: `__bool__`, else `__len__`, else true. */
export function instanceTruth(v: object): boolean {
  const b = ownSpecial((Object.getPrototypeOf(v) as SpecialSlots | null)?.__bool__);
  if (b !== undefined) {
    const r = isPyFunction(b) ? (b as (self: unknown) => unknown)(v) : invokeMethod(b, v, []);
    if (typeof r !== 'boolean') throw new TypeError(`__bool__ should return bool, returned ${typeName(r)}`);
    return r;
  }
  const l = special(v, '__len__');
  if (l !== undefined) return instanceLen(v) > 0;
  if (isBoxed(v)) return truthOf(unbox(v));
  if (v instanceof PyByteArray) return v.size > 0;
  // A subclass of list, tuple, dict, set or frozenset: its builtin length.
  const n = containerSize(v);
  return n === undefined || n > 0;
}

/** The length of a list, tuple, dict, set or frozenset (of a subclass too) as its builtin type keeps it; undefined for others. */
export function containerSize(v: object): number | undefined {
  if (Array.isArray(v)) return v.length;
  if (v instanceof PyDict || v instanceof PyAnySet) return v.$size;
  return undefined;
}

/** len() of an instance through `__len__`. */
export function instanceLen(v: unknown): number {
  const f = special(v, '__len__') ?? baseMethod(v, '__len__');
  if (f === undefined) {
    const n = typeof v === 'object' && v !== null ? containerSize(v) : undefined;
    if (n !== undefined) return n;
    throw new TypeError(`object of type '${typeName(v)}' has no len()`);
  }
  const n = invoke(f, v);
  if (typeof n === 'boolean') return n ? 1 : 0;
  if (typeof n !== 'number' || !isIntNumber(n)) {
    if (typeof n === 'bigint') throw new OverflowError("cannot fit 'int' into an index-sized integer");
    throw new TypeError(`'${typeName(n)}' object cannot be interpreted as an integer`);
  }
  if (n < 0) throw new ValueError('__len__() should return >= 0');
  return n;
}

/** repr() of an instance or class; undefined for other objects. */
function reprOf(v: object): string | undefined {
  if (isModule(v)) return moduleRepr(v);
  if (typeof v === 'function' && isClassLike(v)) {
    // A class whose type defines __repr__ (an Enum class: `<enum 'Color'>`).
    const own = isInstance(v) ? special(v, '__repr__') : undefined;
    return own === undefined ? classRepr(v as PyClass) : (invoke(own, v) as string);
  }
  if (typeof v === 'function' && !isInstance(v)) return functionRepr(v as PyCallable);
  if (!isInstance(v)) return previousRepr?.(v);
  const f = special(v, '__repr__');
  if (f === undefined && isBoxed(v)) return repr(unbox(v));
  // bytearray's own repr, in the subclass's name (`B(b'x')`).
  if (f === undefined && v instanceof PyByteArray) return v.__repr__();
  if (f === undefined) return Array.isArray(v) ? undefined : previousRepr?.(v) ?? defaultRepr(v);
  const r = invoke(f, v);
  if (typeof r !== 'string') throw new TypeError(`__repr__ returned non-string (type ${typeName(r)})`);
  return r;
}

/** The special methods CPython's types have as slots (`<slot wrapper '__add__' of 'int' objects>`); list's and dict's `__getitem__` are plain methods. */
const SLOT_NAMES = new Set(`__repr__ __str__ __hash__ __call__ __getattribute__ __setattr__ __delattr__ __lt__ __le__ __eq__ __ne__
__gt__ __ge__ __iter__ __next__ __get__ __set__ __delete__ __init__ __add__ __radd__ __sub__ __rsub__ __mul__ __rmul__ __mod__
__rmod__ __divmod__ __rdivmod__ __pow__ __rpow__ __neg__ __pos__ __abs__ __bool__ __invert__ __lshift__ __rlshift__ __rshift__
__rrshift__ __and__ __rand__ __xor__ __rxor__ __or__ __ror__ __int__ __float__ __iadd__ __isub__ __imul__ __imod__ __ipow__
__ilshift__ __irshift__ __iand__ __ixor__ __ior__ __floordiv__ __rfloordiv__ __truediv__ __rtruediv__ __ifloordiv__ __itruediv__
__index__ __matmul__ __rmatmul__ __imatmul__ __len__ __getitem__ __setitem__ __delitem__ __contains__`.split(/\s+/));

/** Whether type's method `name` is a slot's: a method-wrapper once bound, a slot wrapper unbound. */
export function isSlotMethod(type: string, name: string): boolean {
  return SLOT_NAMES.has(name) && !(name === '__getitem__' && (type === 'list' || type === 'dict'));
}

/** id(v) for a method's repr: an object's own, a stable one per value for the rest. */
function idOf(v: unknown): number {
  if (v !== null && (typeof v === 'object' || typeof v === 'function')) return objectId(v);
  let n = valueIds.get(v);
  if (n === undefined) valueIds.set(v, (n = objectId({})));
  return n;
}

const valueIds = new Map<unknown, number>();

/** `<function f at 0x…>`, `<bound method C.m of …>`, `<built-in function len>`. */
function functionRepr(fn: PyCallable): string {
  const bound = fn[BOUND];
  if (bound !== undefined && !isPyFunction(bound.func) && isClassLike(bound.self)) {
    // A builtin type's class method (`int.from_bytes`).
    const name = (bound.func as PyCallable)[METHOD_OF]?.name ?? (bound.func as Function).name;
    return `<built-in method ${name} of type object at 0x${idOf(bound.self).toString(16).padStart(12, '0')}>`;
  }
  if (bound !== undefined) {
    const sig = (bound.func as PyCallable)[SIGNATURE];
    const name = sig?.qualname ?? (bound.func as Function).name;
    return `<bound method ${name} of ${repr(bound.self)}>`;
  }
  const sig = fn[SIGNATURE];
  if (sig !== undefined) return `<function ${sig.qualname} at 0x${objectId(fn).toString(16).padStart(12, '0')}>`;
  const of = fn[METHOD_OF];
  if (of !== undefined) return isSlotMethod(of.type, of.name) ? `<slot wrapper '${of.name}' of '${of.type}' objects>` : `<method '${of.name}' of '${of.type}' objects>`;
  const builtin = fn[BOUND_BUILTIN];
  if (builtin !== undefined) {
    const self = builtin.self;
    const at = `${typeName(self)} object at 0x${idOf(self).toString(16).padStart(12, '0')}`;
    return isSlotMethod(builtin.type ?? typeName(self), builtin.name) ? `<method-wrapper '${builtin.name}' of ${at}>` : `<built-in method ${builtin.name} of ${at}>`;
  }
  return `<built-in function ${fn.name}>`;
}

export function classRepr(cls: PyClass): string {
  const module = (cls as unknown as { __module__?: unknown }).__module__;
  const name = cls.__qualname__ ?? cls.__name__ ?? (cls as Function).name;
  return typeof module === 'string' && module !== 'builtins' ? `<class '${module}.${name}'>` : `<class '${name}'>`;
}

/** str() of an instance: `__str__`, which defaults to `__repr__`. */
export function instanceStr(v: object): string | undefined {
  if (!isInstance(v)) return undefined;
  const f = special(v, '__str__');
  if (f === undefined) {
    // str's and bytes' own __str__ give the base value's; int's and float's are object's (the repr).
    const base = unbox(v);
    return isBoxed(v) && (typeof base === 'string' || base instanceof PyBytes) ? str(base) : repr(v);
  }
  const r = invoke(f, v);
  if (typeof r !== 'string') throw new TypeError(`__str__ returned non-string (type ${typeName(r)})`);
  return r;
}

/** format(obj, spec) for an instance: its `__format__` (object's: str(obj) for an empty spec). */
export function instanceFormat(obj: object, spec: string): string {
  const f = special(obj, '__format__');
  if (f === undefined && isBoxed(obj)) {
    // The base type's __format__: an empty spec is str(obj); bytes has object's.
    const base = unbox(obj);
    if (spec === '') return str(obj);
    if (base instanceof PyBytes) throw new TypeError(`unsupported format string passed to ${typeName(obj)}.__format__`);
    return formatValue(base, spec);
  }
  if (f === undefined) {
    // A subclass of a runtime class (an exception): object.__format__.
    if (spec !== '') throw new TypeError(`unsupported format string passed to ${typeName(obj)}.__format__`);
    return str(obj);
  }
  const r = invoke(f, obj, spec);
  if (typeof r !== 'string') throw new TypeError(`__format__ must return a str, not ${typeName(r)}`);
  return r;
}

/** `obj[key]`, `obj[key] = v`, `del obj[key]` on an instance. */
/** A class attribute found through the MRO, or undefined (no AttributeError). */
function infoDict(cls: PyClass, name: string): unknown {
  for (const c of mroOf(cls)) {
    const dict = getClassAttr(c, '__dict__') as { get(k: string): unknown };
    const v = dict.get(name);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** PEP 585's `list[int]` for the builtin classes that take it (genericAlias.ts); undefined for others. */
/** PEP 604's `X | Y` between types, set by unionType.ts. */
export const unionHooks: { or?: (a: unknown, b: unknown) => unknown } = {};

export const subscriptHooks: { builtinGeneric?: (cls: PyClass, key: unknown) => unknown } = {};

export function instanceGetItem(obj: unknown, key: unknown): unknown {
  const f = special(obj, '__getitem__') ?? baseMethod(obj, '__getitem__');
  if (f !== undefined) return invoke(f, obj, key);
  if (typeof obj === 'function' && isClassLike(obj)) {
    // PEP 560: `C[T]` calls the class's `__class_getitem__` (an implicit classmethod).
    const g = infoDict(obj as PyClass, '__class_getitem__');
    if (g !== undefined) return call(getClassAttr(obj as PyClass, '__class_getitem__'), [key], null);
    const alias = subscriptHooks.builtinGeneric?.(obj as PyClass, key);
    if (alias !== undefined) return alias;
    throw new TypeError(`type '${(obj as PyClass).__name__}' is not subscriptable`);
  }
  throw new TypeError(`'${typeName(obj)}' object is not subscriptable`);
}

export function instanceSetItem(obj: unknown, key: unknown, value: unknown): void {
  const f = special(obj, '__setitem__');
  if (f === undefined) throw new TypeError(`'${typeName(obj)}' object does not support item assignment`);
  invoke(f, obj, key, value);
}

export function instanceDelItem(obj: unknown, key: unknown): void {
  const f = special(obj, '__delitem__');
  if (f === undefined) throw new TypeError(`'${typeName(obj)}' object doesn't support item deletion`);
  invoke(f, obj, key);
}

/** `x in obj` for an instance with `__contains__`; undefined when it has none (iteration decides). */
export function instanceContains(obj: unknown, x: unknown): boolean | undefined {
  const f = special(obj, '__contains__') ?? baseMethod(obj, '__contains__');
  if (f === undefined) return undefined;
  return truthOf(invoke(f, obj, x));
}

equalityHooks.eq = equal;
equalityHooks.compare = (op, a, b, own) => {
  if (!isInstance(a) && !isInstance(b)) return undefined;
  const r = compareOp(op, a, b, own);
  return r === NotImplemented ? undefined : truthOf(r);
};
equalityHooks.isInstance = isInstance;
equalityHooks.hash = hashOf;
equalityHooks.ownEq = (proto) => isPyFunction((proto as Record<string, unknown>)['__eq__']);
const previousRepr = reprHooks.object;
reprHooks.object = reprOf;
reprHooks.objectStr = instanceStr;
reprHooks.plain = (v) => {
  const module = (v as { constructor?: { __module__?: unknown } }).constructor?.__module__;
  const name = typeName(v);
  // A C type's name already has its module (`_io.BytesIO`, TYPE_NAME).
  const prefix = typeof module === 'string' && module !== 'builtins' && !name.includes('.') ? `${module}.` : '';
  return `<${prefix}${name} object at 0x${objectId(v).toString(16).padStart(12, '0')}>`;
};
classHooks.str = (v) => str(v);
classHooks.repr = (v) => repr(v);
const previousFormat = formatHooks.object;
formatHooks.object = (v, spec) => (isInstance(v) ? instanceFormat(v, spec) : previousFormat?.(v, spec));
iterHooks.items = (x) => (isInstance(x) ? iterate(x) : null);
