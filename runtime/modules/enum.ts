/**
 * Python's `enum`: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique.
 * An enum class's members are made when the class is created (Enum's
 * `__init_subclass__`, see support/enum/members.ts); the class behaves as
 * an instance of EnumType through its JS prototype (support/enum/meta.ts).
 */
import { AttributeError, ValueError } from '../builtins/exceptions.js';
import { PyClassMethod, PyProperty, PyStaticMethod, makeClass, mroOf, pyClassOf, type PyClass } from '../builtins/classes.js';
import { def } from '../builtins/calls.js';
import { repr, str } from '../builtins/repr.js';
import { pyHash } from '../builtins/equality.js';
import { format, int, str as strType } from '../builtins/functions.js';
import { PyDict } from '../builtins/dict.js';
import { defineClass } from './support/stdlib/pyclass.js';
import { EnumType, installMeta, stateOf } from './support/enum/meta.js';
import { auto, flagNextValue, functionalHooks, generateNextValue, lookupNew, setupEnum } from './support/enum/members.js';
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
  __init_subclass__: new PyClassMethod(function (cls: unknown): null {
    const c = cls as PyClass;
    setupEnum(c, flagBase !== null && mroOf(c).includes(flagBase));
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
  name: readOnly('name', (self: Obj) => self['_name_']),
  value: readOnly('value', (self: Obj) => self['_value_']),
  _generate_next_value_: new PyStaticMethod(generateNextValue),
  _missing_: new PyClassMethod(() => null),
});
installMeta(Enum, { members: [], byName: new PyDict(), byValue: new PyDict(), flag: false });

/** ReprEnum's str() and format() are the value's (IntEnum, StrEnum, IntFlag). */
const valueStr = {
  __str__: def(function __str__(self: Obj): string {
    return str(self['_value_']);
  }, 'self', 'ReprEnum.__str__', 'enum'),
  __format__: def(function __format__(self: Obj, spec: unknown): string {
    return format(self['_value_'], spec);
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

export const IntFlag = defineClass('enum', 'IntFlag', [int, ReprEnum, Flag], {
  ...flagMethods('IntFlag', true),
  ...valueStr,
});

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
