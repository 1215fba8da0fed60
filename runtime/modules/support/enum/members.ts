/**
 * Turning an enum class's body into members: run by Enum's
 * `__init_subclass__` once the class exists (pyasync has no metaclass
 * `__new__`). Each name bound in the body that is not a dunder, a sunder or
 * a descriptor becomes a member: an instance of the class with `_name_` and
 * `_value_`, set as the class attribute; a repeated value makes an alias.
 */
import { BaseException, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyBytesBox, PyFloatBox, PyIntBox, PyStrBox, PyTuple, unbox } from '../../../builtins/values.js';
import { call, def, isPyFunction } from '../../../builtins/calls.js';
import {
  MethodDescriptor, PyProperty, PyStaticMethod, deleteClassAttribute, getClassAttr, isClassLike, mroOf, object, setClassAttribute, type PyClass,
} from '../../../builtins/classes.js';
import { add, and_, invert, or_, sub, xor } from '../../../builtins/operators.js';
import { isinstance } from '../../../builtins/types.js';
import { eq } from '../../../builtins/equality.js';
import { repr } from '../../../builtins/repr.js';
import { newInstance, defineClass } from '../stdlib/pyclass.js';
import { installMeta, stateOf, type EnumState } from './meta.js';
import { member as memberMarker, nonmember } from './attributes.js';
import { special } from '../../../builtins/dunders.js';

type Obj = Record<string, unknown>;

/** An auto() made by an operator in the class body (`RW = R | W`): its value, computed once its operands have theirs. */
const COMBINE = Symbol('pyasync.autoCombine');

/** An auto()'s value once the class made it (an operand's value otherwise), for `RW = R | W` in the class body. */
function autoOperand(v: unknown): unknown {
  if (!isAuto(v)) return v;
  const combine = (v as Obj & { [COMBINE]?: () => unknown })[COMBINE];
  return combine !== undefined ? combine() : (v as Obj)['value'];
}

/**
 * CPython's enum dict gives auto() its value as soon as the class body
 * binds it, so `WHITE = RED | BLUE` works there. pyasync makes the values
 * when the class is created; an operator on an auto() gives an auto() whose
 * value is the operator's result on its operands' values.
 */
function autoOperators(): Record<string, unknown> {
  const methods: Record<string, unknown> = {};
  const combined = (compute: () => unknown): Obj => {
    const out = newInstance(auto);
    out['value'] = '_auto_';
    (out as Obj & { [COMBINE]?: () => unknown })[COMBINE] = compute;
    return out;
  };
  const binary: [string, (a: unknown, b: unknown) => unknown][] = [['or', or_], ['and', and_], ['xor', xor], ['add', add], ['sub', sub]];
  for (const [name, f] of binary) {
    methods[`__${name}__`] = def((self: unknown, other: unknown) => combined(() => f(autoOperand(self), autoOperand(other))),
      'self, other', `auto.__${name}__`, 'enum');
    methods[`__r${name}__`] = def((self: unknown, other: unknown) => combined(() => f(autoOperand(other), autoOperand(self))),
      'self, other', `auto.__r${name}__`, 'enum');
  }
  methods['__invert__'] = def((self: unknown) => combined(() => invert(autoOperand(self))), 'self', 'auto.__invert__', 'enum');
  return methods;
}

/** auto(): replaced by `_generate_next_value_`'s answer when the class is made. */
export const auto = defineClass('enum', 'auto', [], {
  __init__: def(function __init__(self: Obj): null {
    self['value'] = '_auto_';
    return null;
  }, 'self', 'auto.__init__', 'enum'),
  __repr__(this: Obj): string {
    return `auto(${repr(this['value'])})`;
  },
  ...autoOperators(),
});

/** CPython's `_is_descriptor`: functions, properties, and objects whose class defines `__get__`, `__set__` or `__delete__`. */
function isDescriptor(v: unknown): boolean {
  if (typeof v === 'function') return !isClassLike(v);
  if (v instanceof MethodDescriptor || v instanceof PyProperty) return true;
  return typeof v === 'object' && v !== null && ['__get__', '__set__', '__delete__'].some((name) => special(v, name) !== undefined);
}

function isDunder(name: string): boolean {
  return name.length > 4 && name.startsWith('__') && name.endsWith('__');
}

function isSunder(name: string): boolean {
  return name.length > 2 && name.startsWith('_') && name.endsWith('_') && name[1] !== '_' && name[name.length - 2] !== '_';
}

/** Enum's default _generate_next_value_: one more than the last value, else `start`. */
export function generateNextValue(_name: unknown, start: unknown, _count: unknown, lastValues: unknown): unknown {
  const last = lastValues as unknown[];
  for (let i = last.length - 1; i >= 0; i--) {
    try {
      return add(last[i], 1);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
    }
  }
  return start;
}

/** Flag's: the next power of two above the highest value. */
export function flagNextValue(_name: unknown, start: unknown, _count: unknown, lastValues: unknown): unknown {
  const last = lastValues as unknown[];
  if (last.length === 0) return start ?? 1;
  let high = 0;
  for (const v of last) if (typeof v === 'number' && v > high) high = v;
  let bit = 1;
  while (bit <= high) bit *= 2;
  return bit;
}

/** For `_boundary_`: the FlagBoundary member of a boundary's value (enum.ts defines the class). */
export const boundaryHooks: { member?: (value: string) => unknown } = {};

/** Makes the members of a new enum class; a Flag's `boundary` is its class keyword's, else its nearest base's. */
export function setupEnum(cls: PyClass, flag: boolean, boundary?: unknown): void {
  const dict = getClassAttr(cls, '__dict__') as PyDict<unknown, unknown>;
  for (const base of mroOf(cls).slice(1)) {
    const st = stateOf(base);
    if (st !== undefined && st.members.length > 0) {
      throw new TypeError(`<enum '${cls.__name__}'> cannot extend <${st.flag ? 'flag' : 'enum'} '${base.__name__}'>`);
    }
  }
  const state: EnumState = { members: [], byName: new PyDict(), byValue: new PyDict(), flag };
  if (flag) {
    state.boundary = boundary !== undefined && boundary !== null
      ? String(unbox(boundary))
      : mroOf(cls).slice(1).map((b) => stateOf(b)?.boundary).find((b) => b !== undefined) ?? 'strict';
    if (boundaryHooks.member !== undefined) setClassAttribute(cls, '_boundary_', boundaryHooks.member(state.boundary));
  }
  installMeta(cls, state);
  const generate = getClassAttr(cls, '_generate_next_value_');
  // A __new__ of the enum's own (or of a mixin enum base) makes the members; lookups then use Enum's.
  const ownNew = findOwn(cls, '__new__');
  const dataType = boxedDataType(cls);
  state.dataType = dataType;
  if (dataType !== undefined) keepEnumMethods(cls, dataType);
  const init = getClassAttr(cls, '__init__');
  const initIsDefault = !isPyFunction(init) || (init as { $enumDefault?: boolean }).$enumDefault === true;
  const lastValues: unknown[] = [];
  const ignored = ignoredNames(cls, dict);
  for (const key of dict) {
    const name = key as string;
    let value = dict.$get(key);
    if (isDunder(name) || isSunder(name) || ignored.includes(name)) continue;
    // nonmember(v) leaves v as a class attribute; member(v) makes v a member even when it is a function.
    if (isinstance(value, nonmember)) {
      setClassAttribute(cls, name, (value as Obj)['value']);
      continue;
    }
    if (isinstance(value, memberMarker)) value = (value as Obj)['value'];
    else if (isDescriptor(value)) continue;
    if (isAuto(value)) {
      const combine = (value as Obj & { [COMBINE]?: () => unknown })[COMBINE];
      const made = combine !== undefined ? combine() : call(generate, [name, 1, state.members.length, [...lastValues]], null);
      (value as Obj)['value'] = made;
      value = made;
    }
    const existing = findByValue(state, value);
    if (existing !== undefined) {
      state.byName.$set(name, existing);
      setClassAttribute(cls, name, existing);
      continue;
    }
    const args = value instanceof PyTuple ? [...value] : [value];
    let member: Obj;
    if (ownNew !== undefined) {
      member = call(ownNew, [cls, ...args], null) as Obj;
      if (!('_value_' in member)) member['_value_'] = value;
    } else if (dataType !== undefined) {
      // A mixed-in int, float, str or bytes (`class Shade(str, Enum)`) makes the member, valued as the data type makes it.
      member = call(getClassAttr(dataType, '__new__'), [cls, ...args], null) as Obj;
      member['_value_'] = unbox(member);
    } else {
      member = newInstance(cls);
      member['_value_'] = value;
    }
    member['_name_'] = name;
    if (!initIsDefault) call(init, [member, ...args], null);
    lastValues.push(value);
    state.members.push(member);
    state.byName.$set(name, member);
    try {
      state.byValue.$set(member['_value_'], member);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
    }
    setClassAttribute(cls, name, member);
  }
  setClassAttribute(cls, '__members__', state.byName);
  // A Flag's names are those of its single-bit members (CPython's _proto_member.__set_name__); the others are aliases.
  const named = flag ? state.members.filter((m) => typeof m['_value_'] === 'number' && m['_value_'] > 0 && (m['_value_'] & (m['_value_'] - 1)) === 0) : state.members;
  setClassAttribute(cls, '_member_names_', named.map((m) => m['_name_']));
  setClassAttribute(cls, '_member_map_', state.byName);
  setClassAttribute(cls, '_value2member_map_', state.byValue);
  // Calling the class looks a member up (EnumType.__call__), also past a mixed-in data type's __new__.
  if (ownNew !== undefined || dataType !== undefined) setClassAttribute(cls, '__new__', new PyStaticMethod(lookupNew));
  if (!initIsDefault) {
    // Calling the class looks a member up; the members' own __init__ already ran.
    const noInit = def(function __init__(): null {
      return null;
    }, 'self, *args, **kwds', `${cls.__qualname__}.__init__`, 'enum');
    (noInit as unknown as { $enumDefault: boolean }).$enumDefault = true;
    setClassAttribute(cls, '__init__', noInit);
  }
}

/**
 * `_ignore_`: names (a list, or a string of them) the class body binds that
 * are no members; they leave the class, `_ignore_` with them, as CPython's
 * enum dict drops them.
 */
function ignoredNames(cls: PyClass, dict: PyDict<unknown, unknown>): string[] {
  const spec = dict.$get('_ignore_');
  if (spec === undefined) return [];
  const names = typeof spec === 'string' ? spec.replace(/,/g, ' ').split(/\s+/).filter((n) => n !== '') : [...(spec as Iterable<unknown>)].map(String);
  for (const n of ['_ignore_', ...names]) if (dict.$get(n) !== undefined) deleteClassAttribute(cls, n);
  return names;
}

/**
 * EnumType.__new__'s rule for a mixed-in data type: a repr, str or format
 * the class does not define, found on the data type or on object, is
 * replaced by the last base enum's; a mixin's own (`class C(int, Mixin,
 * Enum)` with Mixin's __str__) is kept.
 */
function keepEnumMethods(cls: PyClass, dataType: PyClass): void {
  const own = getClassAttr(cls, '__dict__') as PyDict<unknown, unknown>;
  const bases = getClassAttr(cls, '__bases__') as PyTuple;
  const firstEnum = bases[bases.length - 1] as PyClass;
  for (const name of ['__repr__', '__str__', '__format__']) {
    if (own.$get(name) !== undefined) continue;
    const found = lookup(cls, name);
    if (found === lookup(dataType, name) || found === lookup(object, name)) setClassAttribute(cls, name, lookup(firstEnum, name));
  }
}

/** A class attribute as its MRO's dicts hold it (no descriptor binding). */
function lookup(cls: PyClass, name: string): unknown {
  for (const c of mroOf(cls)) {
    const v = (getClassAttr(c, '__dict__') as PyDict<unknown, unknown>).$get(name);
    if (v !== undefined) return v;
  }
  return undefined;
}

const BOX_LAYOUTS: readonly object[] = [PyIntBox.prototype, PyFloatBox.prototype, PyStrBox.prototype, PyBytesBox.prototype];

/** The builtin int, float, str or bytes in the class's MRO, whose instances are boxes of its values; else undefined. */
export function boxedDataType(cls: PyClass): PyClass | undefined {
  return mroOf(cls).find((c) => BOX_LAYOUTS.includes(Object.getPrototypeOf(c.prototype) as object));
}

function isAuto(v: unknown): boolean {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === auto.prototype;
}

function findOwn(cls: PyClass, name: string): unknown {
  for (const c of mroOf(cls)) {
    if (c === object) break;
    const d = getClassAttr(c, '__dict__') as PyDict<unknown, unknown>;
    const v = d.$get(name);
    if (v !== undefined && (c === cls || stateOf(c) !== undefined) && !(v instanceof PyStaticMethod && (v.__func__ as { $enumLookup?: boolean }).$enumLookup)) {
      return v instanceof PyStaticMethod ? v.__func__ : v;
    }
  }
  return undefined;
}

function findByValue(state: EnumState, value: unknown): Obj | undefined {
  try {
    return state.byValue.$get(value) as Obj | undefined;
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return state.members.find((m) => eq(m['_value_'], value));
  }
}

/** `Color(value)`: the member with that value, `_missing_`'s answer, or ValueError. */
export function lookupNew(cls: unknown, ...args: unknown[]): unknown {
  const state = stateOf(cls);
  // An empty `**kw` passed along (a metaclass's `super().__call__(value, *args, **kw)`) is no argument.
  const last = args[args.length - 1];
  if (args.length > 1 && isKeywords(last) && Object.keys(last).length === 0) args = args.slice(0, -1);
  // With names (`Enum('Color', 'RED GREEN')`) the call makes a class, as EnumType.__call__ does: an enum with members refuses it.
  if (state === undefined || args.length > 1) {
    return functionalApi(cls as PyClass, args);
  }
  const value = args[0];
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) !== null && (value as Obj)['_name_'] !== undefined && state.byName.$get((value as Obj)['_name_']) === value) return value;
  const found = findByValue(state, value);
  if (found !== undefined) return found;
  // Enum.__new__'s rules for _missing_: a member of the class (or an ejected Flag's int) is the answer; else
  // ValueError, or _missing_'s own error, or a TypeError for another answer, with the ValueError as context.
  const c = cls as PyClass;
  let result: unknown = null;
  let error: unknown = null;
  try {
    result = call(getClassAttr(c, '_missing_'), [value], null);
  } catch (e) {
    error = e;
    result = null;
  }
  if (result !== null && result !== undefined && (isinstance(result, c) || (state.boundary === 'eject' && typeof result === 'number'))) return result;
  const invalid = new ValueError(`${repr(value)} is not a valid ${c.__qualname__}`);
  if ((result === null || result === undefined) && error === null) throw invalid;
  if (error === null) error = new TypeError(`error in ${c.__name__}._missing_: returned ${repr(result)} instead of None or a valid member`);
  if (error instanceof BaseException && !(error instanceof ValueError)) error.__context__ = invalid;
  throw error;
}
(lookupNew as unknown as { $enumLookup: boolean }).$enumLookup = true;

export const functionalHooks: { make?: (base: PyClass, name: string, members: [string, unknown][]) => unknown } = {};

/** The keywords a JS function called with some gets as a trailing plain object (calls.ts). */
function isKeywords(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/**
 * Enum('Color', 'RED GREEN'), Enum('Color', ['RED', 'GREEN'], start=0),
 * Enum('Color', [('RED', 1)]), Enum('Color', {'RED': 1}). Names alone get
 * their values from the base's `_generate_next_value_` (StrEnum's are the
 * lowered names, Flag's powers of two), counting from `start`.
 */
function functionalApi(base: PyClass, rawArgs: unknown[]): unknown {
  const last = rawArgs[rawArgs.length - 1];
  const kw = isKeywords(last) ? last : {};
  const args = isKeywords(last) ? rawArgs.slice(0, -1) : rawArgs;
  const name = args[0];
  let names = args.length > 1 ? args[1] : kw['names'];
  if (names === undefined) throw new TypeError(`${base.__name__}() missing required argument 'names'`);
  if (typeof names === 'string') names = names.replace(/,/g, ' ').split(/\s+/).filter((n) => n !== '');
  let members: [string, unknown][];
  if (Array.isArray(names) && names.length > 0 && typeof names[0] === 'string') {
    const generate = getClassAttr(base, '_generate_next_value_');
    const start = kw['start'] ?? 1;
    const lastValues: unknown[] = [];
    members = (names as string[]).map((n, count) => {
      const value = call(generate, [n, start, count, [...lastValues]], null);
      lastValues.push(value);
      return [n, value];
    });
  } else if (names instanceof PyDict) {
    members = [...names].map((k) => [k as string, names.$get(k)]);
  } else {
    members = [...(names as Iterable<unknown>)].map((item) => [(item as unknown[])[0] as string, (item as unknown[])[1]]);
  }
  return functionalHooks.make!(base, name as string, members);
}
