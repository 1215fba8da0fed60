/**
 * The representation of Python's builtin values (see runtime/README.md) and
 * the predicates every part of the runtime uses to tell them apart.
 */

/**
 * A float whose value is integral, -0.0 included: boxed so that it is not
 * taken for an int. Never 0.0, which is the plain JS number -0 (see
 * `float`); a box's `value` is the float's true value.
 */
export class PyFloat {
  constructor(readonly value: number) {}

  /** JS interop: JS arithmetic and JSON.stringify see the number (runtime/interop). */
  valueOf(): number {
    return this.value;
  }

  toJSON(): number {
    return this.value;
  }
}

/** A tuple: an Array the runtime never mutates once built. */
export class PyTuple<T = unknown> extends Array<T> {
  /** Builds a tuple from items (Array's own constructor treats one number as a length). */
  static of<T>(...items: T[]): PyTuple<T> {
    return PyTuple.fromArray(items);
  }

  static fromArray<T>(items: readonly T[]): PyTuple<T> {
    // Sized once and filled by index: push() on an Array subclass leaves V8's fast path.
    const n = items.length;
    const t = new PyTuple<T>(n);
    for (let i = 0; i < n; i++) t[i] = items[i]!;
    return t;
  }
}

/** An immutable byte string. */
export class PyBytes {
  constructor(readonly bytes: Uint8Array) {}
}

export class PyComplex {
  constructor(readonly real: number, readonly imag: number) {}
}

/** Where an instance of a subclass of int, float, complex, str or bytes keeps its base value. */
export const BASE_VALUE = Symbol('pyasync.baseValue');

/**
 * An instance of a Python subclass of int, float, complex, str or bytes
 * (`class Color(str)`): an object on the subclass's prototype holding the
 * base value (a JS primitive, a PyFloat, a PyComplex, a PyBytes). The runtime's fast paths
 * never see one; their slow paths and the special-method dispatch
 * (dunders.ts) use the base value where the subclass defines nothing.
 */
export class PyBoxed {
  declare [BASE_VALUE]: unknown;
}

/** The layouts of the boxed bases, distinct so that `class A(int, str)` is a lay-out conflict. */
export class PyIntBox extends PyBoxed {}
export class PyFloatBox extends PyBoxed {}
export class PyComplexBox extends PyBoxed {}
export class PyStrBox extends PyBoxed {}
export class PyBytesBox extends PyBoxed {}

/** The base value of a boxed subclass instance; any other value as it is. */
export function unbox(v: unknown): unknown {
  return v instanceof PyBoxed ? v[BASE_VALUE] : v;
}

export function isNone(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

/*
 * Python's float 0.0 is the JS number -0: a plain double, so that lists of
 * zeros (`[0.0] * n`) stay V8 double arrays instead of holding boxes. Ints
 * are never -0 (the runtime turns int results of -0 into 0), so a JS number
 * is an int exactly when it is integral and not -0, and a float's true
 * value is `x + 0` (-0 + 0 is +0; every other number is unchanged).
 * Python's -0.0 is the box PyFloat(-0).
 */

/** Whether a JS number holds a Python int: integral, and not -0 (0.0). */
export function isIntNumber(x: number): boolean {
  return Number.isInteger(x) && !Object.is(x, -0);
}

/** Whether a JS number holds a Python float: non-integral (nan and ±inf included), or -0 (0.0). */
export function isFloatNumber(x: number): boolean {
  return !Number.isInteger(x) || Object.is(x, -0);
}

/** int (bool excluded): an integral JS number (not -0) or a bigint. */
export function isInt(v: unknown): v is number | bigint {
  return (typeof v === 'number' && isIntNumber(v)) || typeof v === 'bigint';
}

/** float: a non-integral JS number, -0 (0.0), or a PyFloat box. */
export function isFloat(v: unknown): v is number | PyFloat {
  return (typeof v === 'number' && isFloatNumber(v)) || v instanceof PyFloat;
}

/**
 * Makes a Python float from its true value: 0 is held as -0, -0 and the
 * other integral values are boxed, the rest are plain numbers.
 */
export function float(x: number): number | PyFloat {
  if (!Number.isInteger(x)) return x;
  if (x === 0) return Object.is(x, -0) ? new PyFloat(-0) : -0;
  return new PyFloat(x);
}

/** The true value of a float held as a number or a box (`x + 0` turns the -0 of 0.0 into +0). */
export function floatValue(v: number | PyFloat): number {
  return typeof v === 'number' ? v + 0 : v.value;
}

/** Makes a Python int from a bigint, as a JS number when it fits the safe range. */
export function intFromBigInt(x: bigint): number | bigint {
  return x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x;
}

/**
 * A class's own C-style type name (`datetime.date`), which error messages
 * print where CPython prints tp_name; a Python subclass does not inherit it.
 */
export const TYPE_NAME: unique symbol = Symbol('pyasync.typeName');

/** An instance of a class with `__call__` is a JS function whose prototype is its class's: that class's name. */
function callableInstanceName(v: Function): string | null {
  const proto = Object.getPrototypeOf(v) as { constructor?: { __name__?: unknown; prototype?: unknown; [TYPE_NAME]?: string } } | null;
  if (proto === null || proto === Function.prototype) return null;
  const cls = proto.constructor;
  if (cls === undefined || cls.prototype !== proto) return null;
  // A runtime class with CPython's dotted tp_name (weakref.ReferenceType), as for other objects below.
  if (Object.hasOwn(cls, TYPE_NAME)) return cls[TYPE_NAME]!;
  return typeof cls.__name__ === 'string' ? cls.__name__ : null;
}

/** Set by the class machinery (classes/model.ts), which this module cannot import. */
export const valueHooks: { isClass?: (f: Function) => boolean } = {};

/** Python's type name of a builtin value, as error messages print it (`'int'`, `'NoneType'`). */
export function typeName(v: unknown): string {
  switch (typeof v) {
    case 'number':
      return isIntNumber(v) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'boolean':
      return 'bool';
    case 'string':
      return 'str';
    case 'undefined':
      return 'NoneType';
    case 'function':
      return callableInstanceName(v) ?? (valueHooks.isClass?.(v) ? 'type' : 'function');
  }
  if (v === null) return 'NoneType';
  if (v instanceof PyFloat) return 'float';
  // Exact tuples and lists; a subclass's instance is named by its class, below.
  if (v instanceof PyTuple && Object.getPrototypeOf(v) === PyTuple.prototype) return 'tuple';
  if (Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype) return 'list';
  if (v instanceof PyBytes) return 'bytes';
  if (v instanceof PyComplex) return 'complex';
  const tag = (v as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag];
  if (tag === 'Module') return 'module';
  // A JS array iterator some runtime object hands out (iter() of a list gives a list_iterator, iteratorTypes.ts).
  if (tag === 'Array Iterator') return 'list_iterator';
  if (tag === 'String Iterator') return 'str_iterator';
  // An iterator whose type's name depends on what it gives (dict_keyiterator, dict_itemiterator).
  const own = (v as { [TYPE_NAME]?: unknown })[TYPE_NAME];
  if (typeof own === 'string') return own;
  const named = (v as { constructor?: { __name__?: unknown; name?: unknown; [TYPE_NAME]?: string } }).constructor;
  if (named && Object.hasOwn(named, TYPE_NAME)) return named[TYPE_NAME]!;
  if (named && typeof named.__name__ === 'string') return named.__name__;
  if (named && typeof named.name === 'string') return named.name;
  return 'object';
}
