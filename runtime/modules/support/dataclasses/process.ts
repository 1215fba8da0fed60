/**
 * The work of @dataclass: collects the fields (bases' first, then the
 * class's own annotations in order), then adds the methods CPython's
 * dataclasses generate, following its rules for which are added, left
 * alone or refused.
 */
import { TypeError, ValueError } from '../../../builtins/exceptions.js';
import { PyTuple } from '../../../builtins/values.js';
import { PyDict } from '../../../builtins/dict.js';
import { Keywords, call, checkArgs, def, restArgs } from '../../../builtins/calls.js';
import { declareSlots, deleteClassAttribute, getClassAttr, mroOf, pyClassOf, setClassAttribute, type PyClass } from '../../../builtins/classes.js';
import { iterate } from '../../../builtins/iteration.js';
import { defineClass, newInstance } from '../stdlib/pyclass.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { repr, str } from '../../../builtins/repr.js';
import { signature } from '../inspect/signature.js';
import { eq, lt, le, gt, ge } from '../../../builtins/operators.js';
import { pyHash } from '../../../builtins/equality.js';
import { callMethod, setattr } from '../../../builtins/attributes.js';
import { truthy } from '../../../builtins/truth.js';
import { FrozenInstanceError, InitVar, KW_ONLY, MISSING, Field, makeField, type FieldData } from './field.js';
import { isinstance } from '../../../builtins/classes.js';
import { type as typeOfValue } from '../../../builtins/types.js';

export interface Params {
  init: boolean;
  repr: boolean;
  eq: boolean;
  order: boolean;
  unsafe_hash: boolean;
  frozen: boolean;
  match_args: boolean;
  kw_only: boolean;
  slots: boolean;
}

const PARAM_NAMES = ['init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen'] as const;

/** What `__dataclass_params__` holds (CPython 3.11's shows these six). */
const DataclassParams = defineClass('dataclasses', '_DataclassParams', [], {
  __repr__(this: Obj): string {
    return `_DataclassParams(${PARAM_NAMES.map((k) => `${k}=${repr(this[k])}`).join(',')})`;
  },
});

type Obj = Record<string, unknown>;

function ownDict(cls: PyClass): PyDict<unknown, unknown> {
  return getClassAttr(cls, '__dict__') as PyDict<unknown, unknown>;
}

function isClassVar(t: unknown): boolean {
  if (typeof t === 'string') return /^(typing\.)?ClassVar\b/.test(t);
  if (t === null || (typeof t !== 'object' && typeof t !== 'function')) return false;
  const o = t as Obj;
  if (o['_name'] === 'ClassVar' && o['$special'] === true) return true;
  const origin = o['__origin__'] as Obj | undefined;
  return origin !== undefined && origin !== null && origin['_name'] === 'ClassVar';
}

function isKwOnlyMarker(t: unknown): boolean {
  if (typeof t === 'string') return /^(dataclasses\.)?KW_ONLY$/.test(t);
  return t === KW_ONLY;
}

function isInitVar(t: unknown): boolean {
  if (typeof t === 'string') return /^(dataclasses\.)?InitVar\b/.test(t);
  return t === InitVar || isinstance(t, InitVar);
}

/** Whether a default is one CPython refuses as mutable (its type is unhashable: list, dict, set). */
function isMutableDefault(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v) && !(v instanceof PyTuple)) return true;
  try {
    pyHash(v);
    return false;
  } catch (e) {
    return e instanceof TypeError && pyClassOf(v) === undefined;
  }
}

export function fieldsOf(cls: PyClass): Map<string, FieldData> | null {
  const own = ownDict(cls).$get('__dataclass_fields__');
  return own instanceof PyDict ? new Map([...own].map((k) => [k as string, own.$get(k) as FieldData])) : null;
}

export function processClass(cls: PyClass, params: Params): PyClass {
  const dict = ownDict(cls);
  const qualname = cls.__qualname__;
  const module = String(getClassAttr(cls, '__module__'));
  const fields = new Map<string, FieldData>();
  let anyFrozenBase = false;
  let hasDataclassBases = false;
  for (const base of [...mroOf(cls).slice(1)].reverse()) {
    const baseDict = getClassAttr(base, '__dict__') as PyDict<unknown, unknown>;
    const baseFields = baseDict.$get('__dataclass_fields__');
    if (baseFields instanceof PyDict) {
      hasDataclassBases = true;
      for (const k of baseFields) fields.set(k as string, baseFields.$get(k) as FieldData);
      const baseParams = baseDict.$get('__dataclass_params__') as Obj | undefined;
      if (baseParams && baseParams['frozen'] === true) anyFrozenBase = true;
    }
  }
  const annotations = dict.$get('__annotations__');
  const own: FieldData[] = [];
  let kwOnlySeen = false;
  if (annotations instanceof PyDict) {
    for (const key of annotations) {
      const name = key as string;
      const type = annotations.$get(key);
      if (isKwOnlyMarker(type)) {
        // `_: KW_ONLY` is no field: the fields after it default to keyword-only.
        if (kwOnlySeen) throw new TypeError(`${repr(name)} is KW_ONLY, but KW_ONLY has already been specified`);
        kwOnlySeen = true;
        continue;
      }
      const value = dict.$get(name);
      let f: FieldData;
      if (value !== undefined && isinstance(value, Field)) {
        f = value as FieldData;
      } else {
        f = makeField({ default: value === undefined ? MISSING : value });
      }
      f.name = name;
      f.type = type;
      f._field_type = isClassVar(type) ? '_FIELD_CLASSVAR' : isInitVar(type) ? '_FIELD_INITVAR' : '_FIELD';
      if (f._field_type !== '_FIELD' && f.default_factory !== MISSING) {
        throw new TypeError(`field ${name} cannot have a default factory`);
      }
      if (f._field_type === '_FIELD' || f._field_type === '_FIELD_INITVAR') {
        if (f.kw_only === MISSING) f.kw_only = params.kw_only || kwOnlySeen;
      }
      if (f._field_type === '_FIELD' && isMutableDefault(f.default)) {
        throw new ValueError(`mutable default ${repr(typeOfValue(f.default))} for field ${name} is not allowed: use default_factory`);
      }
      own.push(f);
    }
  }
  for (const f of own) {
    fields.set(f.name as string, f);
    const name = f.name as string;
    // The class attribute is the default, or nothing (a Field without one is removed).
    if (isinstance(dict.$get(name), Field)) {
      if (f.default === MISSING) deleteClassAttribute(cls, name);
      else setClassAttribute(cls, name, f.default);
    }
  }
  for (const [name, value] of [...dict].map((k) => [k, dict.$get(k)] as const)) {
    if (isinstance(value, Field) && !(annotations instanceof PyDict && annotations.$has(name))) {
      throw new TypeError(`${repr(name)} is a field but has no type annotation`);
    }
  }
  if (hasDataclassBases) {
    if (anyFrozenBase && !params.frozen) throw new TypeError('cannot inherit non-frozen dataclass from a frozen one');
    if (!anyFrozenBase && params.frozen && [...fields.values()].some((f) => !own.includes(f))) {
      throw new TypeError('cannot inherit frozen dataclass from a non-frozen one');
    }
  }
  const fieldsDict = new PyDict<unknown, unknown>([...fields].map(([k, f]) => [k, f] as [unknown, unknown]));
  setClassAttribute(cls, '__dataclass_fields__', fieldsDict);
  const paramsObj = newInstance(DataclassParams);
  for (const k of PARAM_NAMES) paramsObj[k] = params[k];
  setClassAttribute(cls, '__dataclass_params__', paramsObj);

  const all = [...fields.values()];
  const real = all.filter((f) => f._field_type === '_FIELD');
  const has = (name: string) => dict.$has(name);

  if (params.init && !has('__init__')) addInit(cls, all, params.frozen, has('__post_init__') || hasPostInit(cls), qualname, module);
  if (params.repr && !has('__repr__')) {
    setClassAttribute(cls, '__repr__', reprMethod(real.filter((f) => truthy(f.repr)), qualname, module));
  }
  const compared = real.filter((f) => truthy(f.compare));
  if (params.eq && !has('__eq__')) {
    setClassAttribute(cls, '__eq__', def(function __eq__(self: Obj, other: unknown): unknown {
      if (pyClassOf(other) !== pyClassOf(self)) return NotImplemented;
      return eq(tupleOf(self, compared), tupleOf(other as Obj, compared));
    }, 'self, other', `${qualname}.__eq__`, module));
  }
  if (params.order) {
    const ops: [string, (a: unknown, b: unknown) => unknown][] = [['__lt__', lt], ['__le__', le], ['__gt__', gt], ['__ge__', ge]];
    for (const [name, op] of ops) {
      if (has(name)) throw new TypeError(`Cannot overwrite attribute ${name} in class ${cls.__name__}. Consider using functools.total_ordering`);
      setClassAttribute(cls, name, def(function (self: Obj, other: unknown): unknown {
        if (pyClassOf(other) !== pyClassOf(self)) return NotImplemented;
        return op(tupleOf(self, compared), tupleOf(other as Obj, compared));
      }, 'self, other', `${qualname}.${name}`, module));
    }
  }
  if (params.frozen) {
    const names = new Set(all.map((f) => f.name as string));
    for (const [method, verb] of [['__setattr__', 'assign to'], ['__delattr__', 'delete']] as const) {
      if (has(method)) throw new TypeError(`Cannot overwrite attribute ${method} in class ${cls.__name__}`);
      setClassAttribute(cls, method, def(function (self: Obj, name: unknown, ..._value: unknown[]): unknown {
        if (pyClassOf(self) === cls || names.has(name as string)) throw FrozenInstanceError(`cannot ${verb} field ${repr(name)}`);
        const parent = getClassAttr(mroOf(cls)[1]!, method);
        return call(parent, [self, name, ..._value], null);
      }, method === '__setattr__' ? 'self, name, value' : 'self, name', `${qualname}.${method}`, module));
    }
  }
  setHash(cls, dict, params, real, qualname, module);
  if (!truthy(dict.$get('__doc__') ?? null)) setClassAttribute(cls, '__doc__', docOf(cls));
  if (params.match_args && !has('__match_args__')) {
    setClassAttribute(cls, '__match_args__', PyTuple.fromArray(all.filter((f) => f._field_type !== '_FIELD_CLASSVAR' && truthy(f.init) && !truthy(f.kw_only)).map((f) => f.name)));
  }
  if (params.slots) addSlots(cls, dict, real.map((f) => f.name as string));
  return cls;
}

/** slots=True: `__slots__` of the fields no base's slots hold. */
function addSlots(cls: PyClass, dict: PyDict<unknown, unknown>, names: string[]): void {
  if (dict.has('__slots__')) throw new TypeError(`${cls.__name__} already specifies __slots__`);
  const inherited = new Set<string>();
  for (const base of mroOf(cls).slice(1, -1)) {
    const slots = (getClassAttr(base, '__dict__') as PyDict<unknown, unknown>).get('__slots__');
    if (slots === undefined) continue;
    for (const n of typeof slots === 'string' ? [slots] : iterate(slots)) inherited.add(String(n));
  }
  declareSlots(cls, names.filter((n) => !inherited.has(n)));
}

function hasPostInit(cls: PyClass): boolean {
  try {
    getClassAttr(cls, '__post_init__');
    return true;
  } catch {
    return false;
  }
}

function tupleOf(obj: Obj, fields: FieldData[]): PyTuple {
  return PyTuple.fromArray(fields.map((f) => obj[f.name as string]));
}

function setHash(cls: PyClass, dict: PyDict<unknown, unknown>, params: Params, fields: FieldData[], qualname: string, module: string): void {
  const classHash = dict.$has('__hash__') ? dict.$get('__hash__') : MISSING;
  const explicit = !(classHash === MISSING || (classHash === null && dict.$has('__eq__')));
  const hashed = fields.filter((f) => (f.hash === null ? truthy(f.compare) : truthy(f.hash)));
  const generate = (): void => {
    setClassAttribute(cls, '__hash__', def(function __hash__(self: Obj): unknown {
      return pyHash(tupleOf(self, hashed));
    }, 'self', `${qualname}.__hash__`, module));
  };
  if (params.unsafe_hash) {
    if (explicit) throw new TypeError(`Cannot overwrite attribute __hash__ in class ${cls.__name__}`);
    generate();
  } else if (params.eq && params.frozen) {
    if (!explicit) generate();
  } else if (params.eq) {
    if (!explicit) setClassAttribute(cls, '__hash__', null);
  }
}

const reprRunning = new Set<unknown>();

/** The __repr__ methods dataclass() wrote (pprint formats only those instances field by field, as CPython checks `__create_fn__`). */
export const generatedReprs = new WeakSet<object>();

function reprMethod(fields: FieldData[], qualname: string, module: string): unknown {
  const method = def(function __repr__(self: Obj): string {
    if (reprRunning.has(self)) return '...';
    reprRunning.add(self);
    try {
      const name = (pyClassOf(self) as PyClass).__qualname__;
      return `${name}(${fields.map((f) => `${f.name as string}=${repr(self[f.name as string])}`).join(', ')})`;
    } finally {
      reprRunning.delete(self);
    }
  }, 'self', `${qualname}.__repr__`, module);
  generatedReprs.add(method);
  return method;
}

/** CPython's docstring for a dataclass without one: its name and `__init__`'s signature (`Point(x: int, y: int = 0)`). */
function docOf(cls: PyClass): string {
  let text = '';
  try {
    text = str(signature(cls)).replace(' -> None', '');
  } catch (e) {
    if (!(e instanceof TypeError || e instanceof ValueError)) throw e;
  }
  return cls.__name__ + text;
}

/** What `__init__.__defaults__` shows for a field with a default_factory, as CPython's `_HAS_DEFAULT_FACTORY`. */
const HAS_DEFAULT_FACTORY = newInstance(defineClass('dataclasses', '_HAS_DEFAULT_FACTORY_CLASS', [], {
  __repr__(): string {
    return '<factory>';
  },
}));

function addInit(cls: PyClass, all: FieldData[], frozen: boolean, postInit: boolean, qualname: string, module: string): void {
  const initFields = all.filter((f) => f._field_type !== '_FIELD_CLASSVAR' && truthy(f.init));
  const positional = initFields.filter((f) => !truthy(f.kw_only));
  const kwonly = initFields.filter((f) => truthy(f.kw_only));
  let seenDefault = false;
  for (const f of positional) {
    const hasDefault = f.default !== MISSING || f.default_factory !== MISSING;
    if (hasDefault) seenDefault = true;
    else if (seenDefault) throw new TypeError(`non-default argument ${repr(f.name)} follows default argument`);
  }
  const param = (f: FieldData) => `${f.name as string}${f.default !== MISSING || f.default_factory !== MISSING ? '=' : ''}`;
  const spec = ['self', ...positional.map(param), ...(kwonly.length > 0 ? ['*', ...kwonly.map(param)] : [])].join(', ');
  const name = `${qualname}.__init__`;
  const required = 1 + positional.filter((f) => f.default === MISSING && f.default_factory === MISSING).length;
  const max = 1 + positional.length;
  const store = (self: Obj, key: string, value: unknown) => {
    if (frozen) Object.defineProperty(self, key, { value, writable: true, configurable: true, enumerable: true });
    else setattr(self, key, value);
  };
  const valueOf = (f: FieldData, given: unknown): unknown => {
    if (given !== undefined) return given;
    if (f.default_factory !== MISSING) return call(f.default_factory, [], null);
    return f.default;
  };
  const init = def(function __init__(...args: unknown[]): null {
    const last = args[args.length - 1];
    const hasKw = last instanceof Keywords;
    const count = hasKw ? args.length - 1 : args.length;
    if (kwonly.length === 0 && (count < required || count > max)) checkArgs(count, spec, name);
    if (kwonly.length > 0 && count < required) checkArgs(count, spec, name);
    const self = args[0] as Obj;
    const values = new Map<FieldData, unknown>();
    positional.forEach((f, i) => values.set(f, args[i + 1]));
    if (kwonly.length > 0) {
      const kw = restArgs(args.slice(max), spec, name);
      kwonly.forEach((f, i) => values.set(f, kw[i]));
    }
    const initVars: unknown[] = [];
    for (const f of all) {
      if (f._field_type === '_FIELD_CLASSVAR') continue;
      if (f._field_type === '_FIELD_INITVAR') {
        initVars.push(valueOf(f, values.get(f)));
        continue;
      }
      if (truthy(f.init)) store(self, f.name as string, valueOf(f, values.get(f)));
      else if (f.default_factory !== MISSING) store(self, f.name as string, call(f.default_factory, [], null));
      else if (f.default !== MISSING) store(self, f.name as string, f.default);
    }
    if (postInit) callMethod(self, '__post_init__', ...initVars);
    return null;
  }, spec, name, module, 0, ...initRecords(positional, kwonly));
  setClassAttribute(cls, '__init__', init);
}

/** The generated `__init__`'s `__defaults__`, `__kwdefaults__` and `__annotations__`, as CPython's (inspect.signature shows them). */
function initRecords(positional: FieldData[], kwonly: FieldData[]): [unknown[] | null, Record<string, unknown> | null, Record<string, unknown>] {
  const defaultOf = (f: FieldData): unknown => (f.default_factory !== MISSING ? HAS_DEFAULT_FACTORY : f.default);
  const defaults = positional.filter((f) => f.default !== MISSING || f.default_factory !== MISSING).map(defaultOf);
  const withDefault = kwonly.filter((f) => f.default !== MISSING || f.default_factory !== MISSING);
  const kwdefaults = withDefault.length > 0 ? Object.fromEntries(withDefault.map((f) => [f.name as string, defaultOf(f)])) : null;
  const annotations: Record<string, unknown> = {};
  for (const f of [...positional, ...kwonly]) annotations[f.name as string] = f.type;
  annotations['return'] = null;
  return [defaults.length > 0 ? defaults : null, kwdefaults, annotations];
}
