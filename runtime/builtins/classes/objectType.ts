/**
 * `object`'s own methods, installed on the root prototype (for instances)
 * and in its namespace (for `object.__init__(self)`, `super()`). They take
 * the object first; on the prototype they are JS methods that also work
 * unbound (`object.__setattr__(self, name, value)`).
 */
import { typeName } from '../values.js';
import { METHOD_OF, type PyCallable } from '../calls.js';
import { TypeError } from '../exceptions.js';
import { NotImplemented } from '../notImplemented.js';
import { BUILTIN_METHOD, OBJECT_PROTO, asMethod, classChanged, defineHidden, hooks, infoOf, object, type SelfMethod } from './model.js';
import { defaultRepr, identityHash } from './identity.js';
import { objectDelattr, objectGetattribute, objectSetattr } from './instanceAttributes.js';
import { PyClassMethod } from './descriptors.js';
import { installMethodDescriptor } from './classAttributes.js';

/** `object.__init__`: construct() skips calling it when a class inherits it. */
export const objectInit = asMethod(() => null);

const selfMethods: Record<string, SelfMethod> = {
  __repr__(self) {
    return defaultRepr(self);
  },
  __str__(self) {
    return hooks.repr ? hooks.repr(self) : defaultRepr(self);
  },
  __eq__(self, other) {
    return self === other ? true : NotImplemented;
  },
  __ne__(self, other) {
    // CPython's: the type's __eq__, inverted unless it is NotImplemented (`object.__ne__(1, 2)` is True).
    const eq = hooks.eq ? hooks.eq(self, other) : self === other ? true : NotImplemented;
    if (eq === NotImplemented) return NotImplemented;
    return typeof eq === 'boolean' ? !eq : hooks.not!(eq);
  },
  __hash__(self) {
    return self === null && hooks.hash !== undefined ? hooks.hash(null) : identityHash(self);
  },
};

const tail: Record<string, SelfMethod> = {
  __init_subclass__() {
    return null;
  },
  __format__(self, spec) {
    if (spec !== '') throw new TypeError(`unsupported format string passed to ${typeName(self)}.__format__`);
    return hooks.str ? hooks.str(self) : defaultRepr(self);
  },
};

// In CPython's order of object.__dict__ as this runtime has always listed it.
const methods: [string, unknown][] = [
  ['__init__', objectInit],
  ...Object.entries(selfMethods).map(([name, fn]): [string, unknown] => [name, asMethod(fn)]),
  ['__setattr__', objectSetattr],
  ['__delattr__', objectDelattr],
  ['__getattribute__', objectGetattribute],
  ...Object.entries(tail).map(([name, fn]): [string, unknown] => [name, asMethod(fn)]),
];
for (const [name, method] of methods) {
  if (name !== '__init_subclass__') defineHidden(method as object, METHOD_OF, { type: 'object', name });
  defineHidden(OBJECT_PROTO, name, method);
  infoOf(object).dict.set(name, method);
}

/**
 * object's order comparisons: NotImplemented, so that `<` tries the
 * reflected method and then raises. Marked as a builtin type's method: the
 * operators' dispatch (dunders.ts, special()) skips them as it skips the
 * missing method they stand for, so comparisons cost what they did.
 */
for (const name of ['__lt__', '__le__', '__gt__', '__ge__']) {
  installObjectMethod(name, function (this: unknown, ...args: unknown[]): unknown {
    const given = this === undefined ? args.length - 1 : args.length;
    if (this === undefined && args.length === 0) throw new TypeError(`descriptor '${name}' of 'object' object needs an argument`);
    if (given !== 1) throw new TypeError(`expected 1 argument, got ${given}`);
    return NotImplemented;
  }, true);
}

/**
 * `object.__subclasshook__`, a class method answering NotImplemented to
 * anything: issubclass() of an ABC goes on to its registry. abc.ts calls a
 * class's hook only when it is not this one.
 */
function subclasshook(): unknown {
  return NotImplemented;
}
// Any positional arguments, no keywords.
(subclasshook as unknown as PyCallable).$kw = (_args, kwargs) => {
  if (Object.keys(kwargs).length > 0) throw new TypeError('__subclasshook__() takes no keyword arguments');
  return NotImplemented;
};
defineHidden(subclasshook, METHOD_OF, { type: 'object', name: '__subclasshook__' });
Object.defineProperty(subclasshook, 'name', { value: '__subclasshook__' });
export const OBJECT_SUBCLASSHOOK = new PyClassMethod(subclasshook as PyCallable);
installMethodDescriptor(OBJECT_PROTO, '__subclasshook__', OBJECT_SUBCLASSHOOK);
infoOf(object).dict.set('__subclasshook__', OBJECT_SUBCLASSHOOK);

/** object.__doc__: in its namespace only, since an instance's `__doc__` is its own class's (None for most). */
export const OBJECT_DOC = 'The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\n'
  + 'instance that has no instance attributes and cannot be given any.\n';
infoOf(object).dict.set('__doc__', OBJECT_DOC);

/**
 * Adds one of object's methods (a JS method working bound, or unbound with
 * the object first) to its prototype and namespace. `skipped` marks it as a
 * builtin type's method, which the operators' dispatch passes over.
 */
export function installObjectMethod(name: string, method: (this: unknown, ...args: unknown[]) => unknown, skipped = false): void {
  Object.defineProperty(method, 'name', { value: name });
  defineHidden(method, METHOD_OF, { type: 'object', name });
  if (skipped) defineHidden(method, BUILTIN_METHOD, true);
  defineHidden(OBJECT_PROTO, name, method);
  infoOf(object).dict.set(name, method);
  classChanged();
}

/** `vars(object)` in CPython 3.11's order (its `__class__` descriptor left out). */
const OBJECT_DICT_ORDER = [
  '__new__', '__repr__', '__hash__', '__str__', '__getattribute__', '__setattr__', '__delattr__', '__lt__', '__le__', '__eq__',
  '__ne__', '__gt__', '__ge__', '__init__', '__reduce_ex__', '__reduce__', '__getstate__', '__subclasshook__', '__init_subclass__',
  '__format__', '__sizeof__', '__dir__', '__doc__',
];

/** Puts object's namespace in CPython's order, once the methods installed by later modules are in. */
export function orderObjectDict(): void {
  const dict = infoOf(object).dict;
  const entries = new Map(dict);
  dict.clear();
  for (const name of OBJECT_DICT_ORDER) if (entries.has(name)) dict.set(name, entries.get(name));
  for (const [k, v] of entries) if (!dict.has(k)) dict.set(k, v);
}
