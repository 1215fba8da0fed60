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

export const __name__ = 'enum';
export { EnumType, auto };
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
