/**
 * How Python attribute names map to JS property keys on instances and class
 * prototypes, and the runtime's own keys there that compiled code reads.
 *
 * Compiled code's per-name helpers (`$get$x`, `$set$x`, `$call$m$1`) test
 * string-keyed markers rather than symbols: a constant property name is one
 * small bytecode that V8 caches with the property itself, which keeps the
 * helpers small enough to be inlined everywhere. Python names never contain
 * `$`, but `setattr(o, "$x", v)` can make any string an attribute, so names
 * containing `$` are stored escaped and can never reach a runtime key:
 *
 * - a name without `$` is its own key (`x`);
 * - a name with `$` is stored as `$` + name (`"a$b"` → `$a$b`): it starts
 *   with `$` and holds at least two;
 * - runtime keys hold exactly one `$`: the markers below start with it,
 *   method aliases (`m$`) end with it;
 * - an instance attribute whose name the engine owns on that kind of object
 *   (an array's `length`, a function's `name`) is stored as name + `$$`
 *   (`instanceKey`): the engine's property cannot hold it (an array's
 *   `length` is its size, a function's `name` is read-only).
 */

/**
 * True on the root of Python classes' prototype chains: instances read their
 * attributes with plain property reads. False on a class with a
 * `__getattribute__` of its own (its subclasses inherit that). Absent on
 * everything else (builtin values, instances of builtin types' subclasses).
 */
export const PLAIN_GET = '$plainGet';

/**
 * True on the root of Python classes' prototype chains: assigning an
 * attribute is a plain store. False on a class with its own `__setattr__`,
 * with `__slots__`, and for `object()` itself.
 */
export const PLAIN_SET = '$plainSet';

/**
 * The key of a method alias on a class prototype: `m$` holds the class's
 * attribute `m` when it is a plain Python function (a method that takes the
 * instance first), and undefined when the class's `m` is anything else, so a
 * base class's alias never shows through an override. An instance given an
 * own attribute holding a function gets an own undefined alias for it too.
 * `o.m$ === o.m` is then exactly "calling o.m passes o first".
 */
export function methodKey(name: string): string {
  // Kept once made: a key built by concatenation is a fresh string V8 must hash and look up in its string table
  // at every property read; the kept one is internalized after its first use. Bounded, for programs that make names.
  let key = METHOD_KEYS.get(name);
  if (key === undefined) {
    key = `${name}$`;
    if (METHOD_KEYS.size < 20_000) METHOD_KEYS.set(name, key);
  }
  return key;
}
const METHOD_KEYS = new Map<string, string>();

/** The property key a Python attribute name is stored under. */
export function attrKey(name: string): string {
  return name.indexOf('$') < 0 ? name : `$${name}`;
}

/** The Python attribute name a property key stands for, or null for the runtime's own keys. */
export function attrName(key: string): string | null {
  const i = key.indexOf('$');
  if (i < 0) return key;
  if (i === 0) return key.indexOf('$', 1) > 0 ? key.slice(1) : null;
  return i === key.length - 2 && key.charCodeAt(i + 1) === 36 ? key.slice(0, i) : null;
}

/** Whether `name` is an own property the engine gives every array (a list or tuple subclass's instance). */
export function isArrayEngineName(name: string): boolean {
  return name === 'length';
}

/** Whether `name` is a property the engine gives every function (own, or Function.prototype's poisoned ones). */
function isFunctionEngineName(name: string): boolean {
  switch (name) {
    case 'length': case 'name': case 'prototype': case 'arguments': case 'caller':
      return true;
  }
  return false;
}

/**
 * The property key an instance's own attribute `name` is stored under: its
 * attrKey, except for the names the engine owns on arrays and functions.
 */
export function instanceKey(obj: object, name: string): string {
  // A callable Python instance is a function outside Function.prototype's chain, without `name` and `length` of its own.
  if (isFunctionEngineName(name) && (obj instanceof Function || (isArrayEngineName(name) && Array.isArray(obj)))) return `${name}$$`;
  return attrKey(name);
}

type JsMethod = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Opts a runtime class's JS methods in to compiled code's method-call fast
 * path (`o.m$ === o.m`, called as `m(o, …args)`): each named method becomes
 * a function that works both ways — as a JS method (`this` the instance,
 * for the runtime's own callers and `.bind`) and as a plain function taking
 * the instance first (for the fast path, bound methods and `Cls.m(obj)`) —
 * and its alias is set. `arity` is the number of parameters after the
 * instance; only 0 and 1 are needed so far.
 */
export function plainMethods(proto: object, arity: Readonly<Record<string, 0 | 1>>): void {
  for (const [name, n] of Object.entries(arity)) {
    const method = (proto as Record<string, JsMethod>)[name]!;
    const dual: JsMethod = n === 0
      ? function (this: unknown, self?: unknown): unknown {
        return method.call(this ?? self);
      }
      : function (this: unknown, a?: unknown, b?: unknown): unknown {
        return this === undefined || this === null ? method.call(a, b) : method.call(this, a);
      };
    Object.defineProperty(dual, 'name', { value: name });
    Object.defineProperty(proto, name, { value: dual, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(proto, methodKey(name), { value: dual, writable: true, configurable: true, enumerable: false });
  }
}
