/** What the datetime classes share: their module name and the names CPython's C types print. */
import { pyClassOf, type PyClass } from '../../../builtins/classes.js';
import { PyProperty } from '../../../builtins/classes.js';
import { PyTuple, TYPE_NAME } from '../../../builtins/values.js';
import { AttributeError } from '../../../builtins/exceptions.js';

export const MODULE = 'datetime';

/** A C type prints as `datetime.date` (in reprs and error messages); a Python subclass by its own name. */
export function typeLabel(self: object, base: PyClass): string {
  const cls = pyClassOf(self);
  if (cls === base || cls === undefined) return `datetime.${base.__name__ as string}`;
  return cls.__name__ as string;
}

/** Gives a class its C type name, which error messages print (see values.ts). */
export function cTypeName<C extends PyClass>(cls: C): C {
  Object.defineProperty(cls, TYPE_NAME, { value: `datetime.${cls.__name__ as string}` });
  return cls;
}

/**
 * A read-only field: CPython's getset descriptor refuses assignment and
 * deletion naming its type (`attribute 'year' of 'datetime.date' objects is
 * not writable`); a member descriptor (timedelta's) says `readonly attribute`.
 */
export function readOnly<T>(fget: (self: T) => unknown, name: string, owner: string | null): PyProperty {
  const refuse = (): never => {
    throw new AttributeError(owner === null ? 'readonly attribute' : `attribute '${name}' of 'datetime.${owner}' objects is not writable`);
  };
  return new PyProperty(fget, refuse, refuse);
}

/** The C types' instances have no __dict__; a Python subclass's have one (empty slots, as CPython's layout). */
export const NO_DICT = { __slots__: PyTuple.of<unknown>() };
