/**
 * EnumType, the metaclass of enum classes: a subclass of `type` whose
 * methods (`__iter__`, `__len__`, `__getitem__`, `__contains__`…) are the
 * class protocol of enum classes. An enum class made with EnumType itself
 * gets them through a plain JS prototype (META_PROTO below, no proxy on
 * the paths of `Color.RED` or `len(Color)`) that names EnumType as its
 * class; one made by a subclass of EnumType (`class E(Enum,
 * metaclass=MyEnumMeta)`) keeps that metaclass's class side
 * (classes/metaclasses.ts), where the subclass's own methods come before
 * EnumType's. The runtime looks special methods up on an object's
 * prototype, so `len(Color)`, `Color['RED']`, `x in Color`, `for c in
 * Color`, `repr(Color)` and `type(Color)` find them there.
 */
import { AttributeError, DeprecationWarning, KeyError, TypeError } from '../../../builtins/exceptions.js';
import { warnCaller } from '../warnings/fromRuntime.js';
import { CLASS_ASSIGN_GUARD, ownInfo, type ClassAssignGuard } from '../../../builtins/classes/model.js';
import { CLASS, object, type PyClass } from '../../../builtins/classes.js';
import { def } from '../../../builtins/calls.js';
import { PyDict } from '../../../builtins/dict.js';
import { typeName } from '../../../builtins/values.js';
import { dir, type } from '../../../builtins/types.js';
import { defineClass } from '../stdlib/pyclass.js';

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

/** The members iteration shows: a Flag class lists only its single-bit members. */
function listed(st: EnumState): Record<string, unknown>[] {
  if (!st.flag) return st.members;
  return st.members.filter((m) => {
    const v = m['_value_'];
    return typeof v === 'number' && v > 0 && (v & (v - 1)) === 0;
  });
}

const ENUM_TYPE_DIR = [
  '__class__', '__contains__', '__doc__', '__getitem__', '__init_subclass__', '__iter__', '__len__', '__members__', '__module__', '__name__', '__qualname__',
];

type ClassMethodBody = (cls: EnumClass, ...args: never[]) => unknown;

const methodBodies: Record<string, [ClassMethodBody, string]> = {
  __iter__: [(cls) => listed(state(cls))[Symbol.iterator](), 'cls'],
  __reversed__: [(cls) => [...listed(state(cls))].reverse()[Symbol.iterator](), 'cls'],
  __len__: [(cls) => listed(state(cls)).length, 'cls'],
  __bool__: [() => true, 'cls'],
  __contains__: [(cls, member: unknown) => {
    if (typeof member !== 'object' || member === null || !(CLASS in member)) {
      warnCaller('in 3.12 __contains__ will no longer raise TypeError, but will return True or\n'
        + 'False depending on whether the value is a member or the value of a member', DeprecationWarning, 2);
      throw new TypeError(`unsupported operand type(s) for 'in': '${typeName(member)}' and '${(ownInfo(cls)?.meta ?? EnumType).__qualname__}'`);
    }
    return (member as Record<PropertyKey, unknown>)[CLASS] === cls && state(cls).byName.$get((member as Record<string, unknown>)['_name_']) === member;
  }, 'cls, value'],
  __getitem__: [(cls, name: unknown) => {
    const member = state(cls).byName.$get(name);
    if (member === undefined) throw new KeyError(name);
    return member;
  }, 'cls, name'],
  __repr__: [(cls) => `<${state(cls).flag ? 'flag' : 'enum'} '${cls.__name__}'>`, 'cls'],
  // EnumType.__dir__: the members and the class protocol's names, with a mixed-in data type's own.
  __dir__: [(cls) => {
    const st = state(cls);
    const names = new Set<unknown>([...ENUM_TYPE_DIR, ...listed(st).map((m) => m['_name_'])]);
    if (st.dataType !== undefined) for (const n of dir(st.dataType)) names.add(n);
    return [...names];
  }, 'cls'],
};
const methods = Object.fromEntries(
  Object.entries(methodBodies).map(([name, [body, spec]]) => [name, def(body, spec, `EnumType.${name}`, 'enum')]),
);

export const EnumType = defineClass('enum', 'EnumType', [type], methods);

// EnumType.__setattr__ and __delattr__: a member cannot be replaced or removed.
const guard: ClassAssignGuard = (cls, name, deleting) => {
  if (state(cls).byName.get(name) === undefined) return;
  throw new AttributeError(deleting ? `'${cls.__name__}' cannot delete member '${name}'.` : `cannot reassign member '${name}'`);
};
// JS iteration of an enum class (the runtime's own loops over it).
function iterateClass(this: EnumClass): Iterator<Record<string, unknown>> {
  return listed(state(this))[Symbol.iterator]();
}

/** The JS-level hooks an enum class's prototype carries besides EnumType's methods. */
function defineHooks(target: object): void {
  Object.defineProperty(target, CLASS_ASSIGN_GUARD, { value: guard, configurable: true });
  Object.defineProperty(target, Symbol.iterator, { value: iterateClass, configurable: true });
}
// On EnumType's instances' side too, so a subclass of EnumType's classes have them (through its class side).
defineHooks(EnumType.prototype);

const META_PROTO = Object.create(Function.prototype) as Record<PropertyKey, unknown>;
for (const key of ['__eq__', '__ne__', '__hash__', '__str__', '__format__']) {
  Object.defineProperty(META_PROTO, key, { value: object.prototype[key], writable: true, configurable: true });
}
for (const [key, fn] of Object.entries(methods)) {
  Object.defineProperty(META_PROTO, key, { value: fn, writable: true, configurable: true });
}
defineHooks(META_PROTO);
Object.defineProperty(META_PROTO, CLASS, { value: EnumType, configurable: true });

/** Makes `cls` an instance of EnumType (or of the subclass of it that made it), with its members' state. */
export function installMeta(cls: PyClass, st: EnumState): void {
  Object.defineProperty(cls, STATE, { value: st, configurable: true });
  const meta = ownInfo(cls)?.meta;
  if (meta === undefined || meta === EnumType) Object.setPrototypeOf(cls, META_PROTO);
}
