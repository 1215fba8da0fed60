/**
 * EnumType, the metaclass of enum classes. pyasync has no metaclasses, so
 * an enum class gets EnumType's behaviour through its JS prototype: the
 * class (a JS function) has as prototype an object inheriting
 * Function.prototype that carries EnumType's special methods and names
 * EnumType as the class's class. The runtime looks special methods up on
 * an object's prototype, so `len(Color)`, `Color['RED']`, `x in Color`,
 * `for c in Color`, `repr(Color)` and `type(Color)` find them there.
 */
import { AttributeError, KeyError, TypeError } from '../../../builtins/exceptions.js';
import { CLASS_ASSIGN_GUARD, type ClassAssignGuard } from '../../../builtins/classes/model.js';
import { CLASS, object, type PyClass } from '../../../builtins/classes.js';
import { PyDict } from '../../../builtins/dict.js';
import { typeName } from '../../../builtins/values.js';
import { dir } from '../../../builtins/types.js';
import { defineClass } from '../stdlib/pyclass.js';

export const EnumType = defineClass('enum', 'EnumType', [], {});

export interface EnumState {
  /** Canonical members in definition order (aliases excluded). */
  readonly members: Record<string, unknown>[];
  /** Every member name, aliases included, to its member. */
  readonly byName: PyDict<unknown, unknown>;
  /** Value to member, for hashable values. */
  readonly byValue: PyDict<unknown, unknown>;
  flag: boolean;
  /** The mixed-in int, float, str or bytes whose instances the members are (`class Shade(str, Enum)`). */
  dataType?: PyClass;
  /** A Flag's FlagBoundary value ('strict', 'conform', 'eject', 'keep'): what it does with a value outside its bits. */
  boundary?: string;
}

export const STATE = Symbol('pyasync.enumState');

export function stateOf(cls: unknown): EnumState | undefined {
  return typeof cls === 'function' && Object.hasOwn(cls, STATE) ? (cls as unknown as Record<symbol, EnumState>)[STATE] : undefined;
}

type EnumClass = PyClass & { [STATE]?: EnumState };

function state(cls: unknown): EnumState {
  return stateOf(cls) ?? { members: [], byName: new PyDict(), byValue: new PyDict(), flag: false };
}

const META_PROTO = Object.create(Function.prototype) as Record<PropertyKey, unknown>;
for (const key of ['__eq__', '__ne__', '__hash__', '__str__', '__format__']) {
  Object.defineProperty(META_PROTO, key, { value: object.prototype[key], writable: true, configurable: true });
}
Object.defineProperty(META_PROTO, CLASS, { value: EnumType, configurable: true });

/** The members iteration shows: a Flag class lists only its single-bit members. */
function listed(st: EnumState): Record<string, unknown>[] {
  if (!st.flag) return st.members;
  return st.members.filter((m) => {
    const v = m['_value_'];
    return typeof v === 'number' && v > 0 && (v & (v - 1)) === 0;
  });
}

const metaMethods: Record<string, (this: EnumClass, ...args: unknown[]) => unknown> = {
  __iter__() {
    return listed(state(this))[Symbol.iterator]();
  },
  __reversed__() {
    return [...listed(state(this))].reverse()[Symbol.iterator]();
  },
  __len__() {
    return listed(state(this)).length;
  },
  __bool__() {
    return true;
  },
  __contains__(member: unknown) {
    if (typeof member !== 'object' || member === null || !(CLASS in member)) {
      throw new TypeError(`unsupported operand type(s) for 'in': '${typeName(member)}' and 'EnumType'`);
    }
    return (member as Record<PropertyKey, unknown>)[CLASS] === this && state(this).byName.$get((member as Record<string, unknown>)['_name_']) === member;
  },
  __getitem__(name: unknown) {
    const member = state(this).byName.$get(name);
    if (member === undefined) throw new KeyError(name);
    return member;
  },
  __repr__() {
    return `<${state(this).flag ? 'flag' : 'enum'} '${this.__name__}'>`;
  },
  // EnumType.__dir__: the members and the class protocol's names, with a mixed-in data type's own.
  __dir__() {
    const st = state(this);
    const names = new Set<unknown>([...ENUM_TYPE_DIR, ...listed(st).map((m) => m['_name_'])]);
    if (st.dataType !== undefined) for (const n of dir(st.dataType)) names.add(n);
    return [...names];
  },
};
const ENUM_TYPE_DIR = [
  '__class__', '__contains__', '__doc__', '__getitem__', '__init_subclass__', '__iter__', '__len__', '__members__', '__module__', '__name__', '__qualname__',
];
for (const [key, fn] of Object.entries(metaMethods)) {
  Object.defineProperty(META_PROTO, key, { value: fn, writable: true, configurable: true });
}
// EnumType.__setattr__ and __delattr__: a member cannot be replaced or removed.
const guard: ClassAssignGuard = (cls, name, deleting) => {
  if (state(cls).byName.get(name) === undefined) return;
  throw new AttributeError(deleting ? `'${cls.__name__}' cannot delete member '${name}'.` : `cannot reassign member '${name}'`);
};
Object.defineProperty(META_PROTO, CLASS_ASSIGN_GUARD, { value: guard, configurable: true });
Object.defineProperty(META_PROTO, Symbol.iterator, {
  value: function (this: EnumClass) {
    return listed(state(this))[Symbol.iterator]();
  },
  configurable: true,
});

/** Makes `cls` an instance of EnumType, with its members' state. */
export function installMeta(cls: PyClass, st: EnumState): void {
  Object.defineProperty(cls, STATE, { value: st, configurable: true });
  Object.setPrototypeOf(cls, META_PROTO);
}
