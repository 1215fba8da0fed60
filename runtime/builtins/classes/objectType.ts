/**
 * `object`'s own methods, installed on the root prototype (for instances)
 * and in its namespace (for `object.__init__(self)`, `super()`). They take
 * the object first; on the prototype they are JS methods that also work
 * unbound (`object.__setattr__(self, name, value)`).
 */
import { typeName } from '../values.js';
import { METHOD_OF } from '../calls.js';
import { TypeError } from '../exceptions.js';
import { NotImplemented } from '../notImplemented.js';
import { OBJECT_PROTO, asMethod, defineHidden, hooks, infoOf, object, type SelfMethod } from './model.js';
import { defaultRepr, identityHash } from './identity.js';
import { objectDelattr, objectGetattribute, objectSetattr } from './instanceAttributes.js';

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
    return identityHash(self);
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
