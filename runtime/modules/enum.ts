/**
 * Python's `enum`: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique.
 * An enum class's members are made when the class is created (Enum's
 * `__init_subclass__`, see support/enum/members.ts); the class behaves as
 * an instance of EnumType through its JS prototype (support/enum/meta.ts).
 */
import { AttributeError, TypeError, ValueError } from '../builtins/exceptions.js';
import { PyClassMethod, PyProperty, PyStaticMethod, getClassAttr, makeClass, mroOf, pyClassOf, setClassAttribute, type PyClass } from '../builtins/classes.js';
import { defaultDir } from '../builtins/types.js';
import { call, def } from '../builtins/calls.js';
import { repr, str } from '../builtins/repr.js';
import { pyHash } from '../builtins/equality.js';
import { format, int, str as strType } from '../builtins/functions.js';
import { PyDict } from '../builtins/dict.js';
import { defineClass } from './support/stdlib/pyclass.js';
import { EnumType, installMeta, stateOf } from './support/enum/meta.js';
import { auto, boundaryHooks, flagNextValue, functionalHooks, generateNextValue, lookupNew, setupEnum } from './support/enum/members.js';
import { flagMethods } from './support/enum/flag.js';
import { verifyEnum } from './support/enum/verify.js';
import { pyClass, pyFunction } from './support/pydef.js';
import { getattr } from '../builtins/attributes.js';
import { PyTuple } from '../builtins/values.js';
import { truthy } from '../builtins/truth.js';
import { and_, sub } from '../builtins/operators.js';
import { registeredGlobals } from '../builtins/moduleNamespace.js';
import { getattr as getattrBuiltin } from '../builtins/functions.js';

export const __name__ = 'enum';
export { EnumType, auto };
export { member, nonmember, property } from './support/enum/attributes.js';
export const EnumMeta = EnumType;

type Obj = Record<string, unknown>;

let flagBase: PyClass | null = null;

function className(self: Obj): string {
  return pyClassOf(self)!.__name__;
}

/** enum.property as Enum's name and value are: read-only, with its errors. */
function readOnly(name: string, fget: (self: Obj) => unknown): PyProperty {
  return new PyProperty(fget, () => {
    throw new AttributeError(`<enum 'Enum'> cannot set attribute '${name}'`);
  }, () => {
    throw new AttributeError(`<enum 'Enum'> cannot delete attribute '${name}'`);
  });
}

export const Enum = defineClass('enum', 'Enum', [], {
  // `class Perm(Flag, boundary=KEEP)`: the class keywords come as a trailing object (calls.ts).
  __init_subclass__: new PyClassMethod(function (cls: unknown, kw?: Record<string, unknown>): null {
    const c = cls as PyClass;
    const { boundary, ...rest } = kw ?? {};
    const unexpected = Object.keys(rest)[0];
    // Other keywords reach object.__init_subclass__, as in CPython.
    if (unexpected !== undefined) throw new TypeError(`${c.__qualname__}.__init_subclass__() takes no keyword arguments`);
    setupEnum(c, flagBase !== null && mroOf(c).includes(flagBase), boundary);
    return null;
  }),
  __new__: new PyStaticMethod(lookupNew),
  __init__: Object.assign(def(function __init__(): null {
    return null;
  }, 'self, *args, **kwds', 'Enum.__init__', 'enum'), { $enumDefault: true }),
  __repr__: def(function __repr__(self: Obj): string {
    const name = self['_name_'];
    const value = repr(self['_value_']);
    return name === null ? `<${className(self)}: ${value}>` : `<${className(self)}.${String(name)}: ${value}>`;
  }, 'self', 'Enum.__repr__', 'enum'),
  __str__: def(function __str__(self: Obj): string {
    const name = self['_name_'];
    return name === null ? `${className(self)}(${repr(self['_value_'])})` : `${className(self)}.${String(name)}`;
  }, 'self', 'Enum.__str__', 'enum'),
  __format__: def(function __format__(self: Obj, spec: unknown): string {
    return format(str(self), spec);
  }, 'self, format_spec', 'Enum.__format__', 'enum'),
  __hash__: def(function __hash__(self: Obj): unknown {
    return pyHash(self['_name_']);
  }, 'self', 'Enum.__hash__', 'enum'),
  // Members are singletons: copies are the member itself.
  __copy__: def(function __copy__(self: Obj): Obj {
    return self;
  }, 'self', 'Enum.__copy__', 'enum'),
  __deepcopy__: def(function __deepcopy__(self: Obj): Obj {
    return self;
  }, 'self, memo', 'Enum.__deepcopy__', 'enum'),
  // Enum.__dir__: the public names of the member and its class (the members excepted), name and value.
  __dir__: def(function __dir__(self: Obj): unknown[] {
    const state = stateOf(pyClassOf(self))!;
    const names = new Set<unknown>(state.dataType === undefined ? MEMBER_DIR : defaultDir(self));
    for (const key of Object.keys(self)) if (!key.startsWith('_') && !key.startsWith('$')) names.add(key);
    for (const c of mroOf(pyClassOf(self)!)) {
      const dict = getClassAttr(c, '__dict__') as PyDict<unknown, unknown>;
      for (const key of dict) {
        if (typeof key !== 'string' || key.startsWith('_') || state.byName.$get(key) !== undefined) continue;
        names.add(key);
      }
    }
    for (const n of ['__class__', '__doc__', '__eq__', '__hash__', '__module__']) names.add(n);
    return [...names];
  }, 'self', 'Enum.__dir__', 'enum'),
  name: readOnly('name', (self: Obj) => self['_name_']),
  value: readOnly('value', (self: Obj) => self['_value_']),
  _generate_next_value_: new PyStaticMethod(generateNextValue),
  _missing_: new PyClassMethod(() => null),
});
installMeta(Enum, { members: [], byName: new PyDict(), byValue: new PyDict(), flag: false });

const MEMBER_DIR = ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value'];

/** ReprEnum's str() and format() are the value's (IntEnum, StrEnum, IntFlag). */
const valueStr = {
  __str__: def(function __str__(self: Obj): string {
    return str(self['_value_']);
  }, 'self', 'ReprEnum.__str__', 'enum'),
  // The data type's __format__ (int.__format__…): an empty spec is str(self), which a subclass may define.
  __format__: def(function __format__(self: Obj, spec: unknown): string {
    return spec === '' ? str(self) : format(self['_value_'], spec);
  }, 'self, format_spec', 'ReprEnum.__format__', 'enum'),
};

export const ReprEnum = defineClass('enum', 'ReprEnum', [Enum], { ...valueStr });

// As in CPython, IntEnum, StrEnum and IntFlag mix in int or str: their members are ints or strs (isinstance, json, operators).
export const IntEnum = defineClass('enum', 'IntEnum', [int, ReprEnum], {});

export const StrEnum = defineClass('enum', 'StrEnum', [strType, ReprEnum], {
  _generate_next_value_: new PyStaticMethod((name: unknown) => String(name).toLowerCase()),
});

export const Flag = defineClass('enum', 'Flag', [Enum], {
  ...flagMethods('Flag', false),
  _generate_next_value_: new PyStaticMethod(flagNextValue),
  __str__: def(function __str__(self: Obj): string {
    const name = self['_name_'];
    return name === null ? `${className(self)}(${repr(self['_value_'])})` : `${className(self)}.${String(name)}`;
  }, 'self', 'Flag.__str__', 'enum'),
});
flagBase = Flag;
stateOf(Flag)!.flag = true;
stateOf(Flag)!.boundary = 'strict';

export const IntFlag = defineClass('enum', 'IntFlag', [int, ReprEnum, Flag], {
  ...flagMethods('IntFlag', true),
  ...valueStr,
});

stateOf(IntFlag)!.boundary = 'keep';

/** What a Flag does with a value outside its bits (`class Perm(Flag, boundary=CONFORM)`). */
export const FlagBoundary = makeClass('FlagBoundary', [StrEnum], (ns) => {
  ns['__module__'] = 'enum';
  ns['__qualname__'] = 'FlagBoundary';
  for (const name of ['STRICT', 'CONFORM', 'EJECT', 'KEEP']) ns[name] = name.toLowerCase();
});
const boundaryMember = (value: string): unknown => call(FlagBoundary, [value], null);
export const STRICT = boundaryMember('strict');
export const CONFORM = boundaryMember('conform');
export const EJECT = boundaryMember('eject');
export const KEEP = boundaryMember('keep');
boundaryHooks.member = boundaryMember;
setClassAttribute(Flag, '_boundary_', STRICT);
setClassAttribute(IntFlag, '_boundary_', KEEP);

/** @unique: refuses an enum with aliases. */
export function unique(cls: unknown): unknown {
  const state = stateOf(cls);
  if (state === undefined) return cls;
  const aliases: string[] = [];
  for (const key of state.byName) {
    const member = state.byName.$get(key) as Obj;
    if (member['_name_'] !== key) aliases.push(`${key as string} -> ${String(member['_name_'])}`);
  }
  if (aliases.length > 0) throw new ValueError(`duplicate values found in ${repr(cls)}: ${aliases.join(', ')}`);
  return cls;
}

functionalHooks.make = (base, name, members) =>
  makeClass(name, [base], (ns) => {
    ns['__module__'] = '__main__';
    ns['__qualname__'] = name;
    for (const [k, v] of members) ns[k] = v;
  });

/** The checks enum.verify runs: a StrEnum whose values describe them. */
export const EnumCheck = makeClass('EnumCheck', [StrEnum], (ns) => {
  ns['__module__'] = 'enum';
  ns['__qualname__'] = 'EnumCheck';
  ns['CONTINUOUS'] = 'no skipped integer values';
  ns['NAMED_FLAGS'] = 'multi-flag aliases may not contain unnamed flags';
  ns['UNIQUE'] = 'one name per value';
});
export const CONTINUOUS = getattr(EnumCheck, 'CONTINUOUS');
export const NAMED_FLAGS = getattr(EnumCheck, 'NAMED_FLAGS');
export const UNIQUE = getattr(EnumCheck, 'UNIQUE');

/** @verify(*checks): raises ValueError when the enum fails one of the EnumChecks. */
export const verify = pyClass('verify', 'enum', [], {
  __init__: pyFunction('self, *checks', 'verify.__init__', 'enum', (self: Obj, checks: PyTuple) => {
    self['checks'] = checks;
    return null;
  }),
  __call__: pyFunction('self, enumeration', 'verify.__call__', 'enum', (self: Obj, enumeration: unknown) =>
    verifyEnum(enumeration, [...(self['checks'] as PyTuple)], { Enum, Flag, UNIQUE, CONTINUOUS, NAMED_FLAGS })),
});

/** A `__reduce_ex__` for enums whose members are module globals: the member's name. */
export const pickle_by_global_name = pyFunction('self, proto', 'pickle_by_global_name', 'enum', (self: Obj) => getattr(self, 'name'));

/** A `__reduce_ex__` that pickles a member as `getattr(its class, its name)`. */
export const pickle_by_enum_name = pyFunction('self, proto', 'pickle_by_enum_name', 'enum', (self: Obj) =>
  PyTuple.fromArray([getattrBuiltin, PyTuple.fromArray([getattr(self, '__class__'), self['_name_']])]));

function moduleTail(self: Obj): string {
  return String(getattr(getattr(self, '__class__'), '__module__')).split('.').pop()!;
}

/** A member's repr as its module's global: `module.NAME`. */
export const global_enum_repr = pyFunction('self', 'global_enum_repr', 'enum', (self: Obj) => `${moduleTail(self)}.${str(self['_name_'])}`);

/** A flag's repr through its module's globals: `module.R|module.W` (an IntFlag's unnamed bits as numbers). */
export const global_flag_repr = pyFunction('self', 'global_flag_repr', 'enum', (self: Obj) => {
  const module = moduleTail(self);
  const name = self['_name_'];
  if (name === null) return `${module}.${String(getattr(getattr(self, '__class__'), '__name__'))}(${repr(self['_value_'])})`;
  // CPython's `_is_single_bit(self)`: `self - 1`, a TypeError for a Flag that is not an int.
  const value = sub(self, 1);
  if (truthy(self) && !truthy(and_(self, value))) return `${module}.${String(name)}`;
  if (getattr(self, '_boundary_') !== KEEP) return String(getattr(self, 'name')).split('|').map((n) => `${module}.${n}`).join('|');
  return String(name).split('|').map((n) => (/^\d/.test(n) ? n : `${module}.${n}`)).join('|');
});

/** A member's str as its bare name. */
export const global_str = pyFunction('self', 'global_str', 'enum', (self: Obj) =>
  (self['_name_'] === null ? `${String(getattr(getattr(self, '__class__'), '__name__'))}(${repr(self['_value_'])})` : String(self['_name_'])));

/**
 * @global_enum: members print as their module's globals, and become them.
 * The module's namespace is the one its compiled code registered (it names
 * global_enum, src/transform/index.ts): a member assigns the module's variable
 * of its name, else stays a key of `globals()` only (see README).
 */
export const global_enum = pyFunction('cls, update_str=', 'global_enum', 'enum', (cls: PyClass, updateStr: unknown = false) => {
  setClassAttribute(cls, '__repr__', mroOf(cls).includes(Flag) ? global_flag_repr : global_enum_repr);
  if (!mroOf(cls).includes(ReprEnum) || truthy(updateStr)) setClassAttribute(cls, '__str__', global_str);
  const members = getattr(cls, '__members__') as PyDict<unknown, unknown>;
  const namespace = registeredGlobals(getattr(cls, '__module__'));
  if (namespace !== null) for (const name of members) namespace.$set(name, members.$get(name));
  return cls;
});
