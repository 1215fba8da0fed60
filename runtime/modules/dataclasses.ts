/**
 * Python's `dataclasses`: @dataclass (with or without arguments), field,
 * fields, asdict, astuple, replace, is_dataclass, MISSING, InitVar,
 * FrozenInstanceError. The class body's annotations (`__annotations__`,
 * recorded by the compiler) name the fields.
 */
import { TypeError, ValueError } from '../builtins/exceptions.js';
import { PyTuple } from '../builtins/values.js';
import { PyDict } from '../builtins/dict.js';
import { call } from '../builtins/calls.js';
import { isPyClass, makeClass, pyClassOf, type PyClass } from '../builtins/classes.js';
import { iterate } from '../builtins/iteration.js';
import { len } from '../builtins/functions.js';
import { getitem } from '../builtins/items.js';
import { truthy } from '../builtins/truth.js';
import { repr } from '../builtins/repr.js';
import { hasattr } from '../builtins/attributes.js';
import { type } from '../builtins/types.js';
import { deepcopy } from './copy.js';
import { Field, FrozenInstanceError, InitVar, KW_ONLY, MISSING, field, type FieldData } from './support/dataclasses/field.js';
import { fieldsOf, processClass, type Params } from './support/dataclasses/process.js';
import { checkKeywords, splitKeywords } from './support/stdlib/pyclass.js';

export const __name__ = 'dataclasses';
export { Field, FrozenInstanceError, InitVar, KW_ONLY, MISSING, field };

const PARAMS = ['init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen', 'match_args', 'kw_only', 'slots', 'weakref_slot'] as const;

/** @dataclass, @dataclass(), @dataclass(order=True, frozen=True…) */
export function dataclass(...rest: unknown[]): unknown {
  const [args, kw] = splitKeywords(rest);
  checkKeywords(kw, PARAMS, 'dataclass');
  if (args.length > 1) throw new TypeError(`dataclass() takes from 0 to 1 positional arguments but ${args.length} were given`);
  const flag = (name: string, dflt: boolean) => (kw[name] === undefined ? dflt : truthy(kw[name]));
  const params: Params = {
    init: flag('init', true), repr: flag('repr', true), eq: flag('eq', true), order: flag('order', false),
    unsafe_hash: flag('unsafe_hash', false), frozen: flag('frozen', false), match_args: flag('match_args', true),
    kw_only: flag('kw_only', false), slots: flag('slots', false),
  };
  if (params.order && !params.eq) throw new ValueError('eq must be true if order is true');
  const wrap = (cls: unknown) => processClass(cls as PyClass, params);
  if (args.length === 1 && args[0] !== null) return wrap(args[0]);
  return wrap;
}

function dataclassFields(x: unknown): Map<string, FieldData> | null {
  const cls = isPyClass(x) ? x : pyClassOf(x);
  if (cls === undefined) return null;
  for (const c of [cls]) {
    const own = fieldsOf(c);
    if (own !== null) return own;
  }
  // An inherited __dataclass_fields__ (a plain subclass of a dataclass) still counts.
  const inherited = (cls.prototype as Record<string, unknown>)['__dataclass_fields__'];
  if (inherited instanceof PyDict) return new Map([...inherited].map((k) => [k as string, inherited.$get(k) as FieldData]));
  return null;
}

export function is_dataclass(obj: unknown): boolean {
  return dataclassFields(obj) !== null;
}

export function fields(classOrInstance: unknown): PyTuple {
  const fs = dataclassFields(classOrInstance);
  if (fs === null) throw new TypeError('must be called with a dataclass type or instance');
  return PyTuple.fromArray([...fs.values()].filter((f) => f._field_type === '_FIELD'));
}

function isInstance(obj: unknown): boolean {
  return !isPyClass(obj) && dataclassFields(obj) !== null;
}

function convert(obj: unknown, factory: (items: PyTuple[]) => unknown, asTuple: boolean): unknown {
  if (isInstance(obj)) {
    const fs = [...dataclassFields(obj)!.values()].filter((f) => f._field_type === '_FIELD');
    const values = fs.map((f) => convert((obj as Record<string, unknown>)[f.name as string], factory, asTuple));
    if (asTuple) return call(factory, [values], null);
    return call(factory, [fs.map((f, i) => PyTuple.of(f.name, values[i]))], null);
  }
  // As CPython's _asdict_inner: a namedtuple is remade field by field, another list, tuple or dict by its own type
  // from the converted items, and anything else deep-copied.
  const inner = (v: unknown): unknown => convert(v, factory, asTuple);
  const proto = obj !== null && typeof obj === 'object' ? Object.getPrototypeOf(obj) : null;
  if (obj instanceof PyTuple || Array.isArray(obj)) {
    const items = [...(obj as unknown[])].map(inner);
    if (proto === PyTuple.prototype) return PyTuple.fromArray(items);
    if (proto === Array.prototype) return items;
    if (obj instanceof PyTuple && hasattr(obj, '_fields')) return call(type(obj), items, null);
    return call(type(obj), [items], null);
  }
  if (obj instanceof PyDict) {
    if (proto === PyDict.prototype) {
      const out = new PyDict<unknown, unknown>();
      for (const k of obj) out.$set(inner(k), inner(obj.$get(k)));
      return out;
    }
    return call(type(obj), [[...obj].map((k) => PyTuple.of(inner(k), inner(obj.$get(k))))], null);
  }
  return call(deepcopy, [obj], null);
}

function makeDict(items: PyTuple[]): PyDict {
  return new PyDict<unknown, unknown>(items.map((t) => [t[0], t[1]] as [unknown, unknown]));
}

/** asdict(obj, *, dict_factory=dict) */
export function asdict(...rest: unknown[]): unknown {
  const [args, kw] = splitKeywords(rest);
  checkKeywords(kw, ['dict_factory'], 'asdict');
  if (!isInstance(args[0])) throw new TypeError('asdict() should be called on dataclass instances');
  return convert(args[0], (kw['dict_factory'] as (items: PyTuple[]) => unknown) ?? makeDict, false);
}

/** astuple(obj, *, tuple_factory=tuple) */
export function astuple(...rest: unknown[]): unknown {
  const [args, kw] = splitKeywords(rest);
  checkKeywords(kw, ['tuple_factory'], 'astuple');
  if (!isInstance(args[0])) throw new TypeError('astuple() should be called on dataclass instances');
  return convert(args[0], (kw['tuple_factory'] as (items: unknown[]) => unknown) ?? ((items: unknown[]) => PyTuple.fromArray(items)), true);
}

/** replace(obj, /, **changes) */
export function replace(...rest: unknown[]): unknown {
  const [args, changes] = splitKeywords(rest);
  if (args.length !== 1) throw new TypeError(`replace() takes 1 positional argument but ${args.length} were given`);
  const obj = args[0] as Record<string, unknown>;
  if (!isInstance(obj)) throw new TypeError('replace() should be called on dataclass instances');
  const kwargs: Record<string, unknown> = { ...changes };
  for (const f of dataclassFields(obj)!.values()) {
    const name = f.name as string;
    if (f._field_type === '_FIELD_CLASSVAR') continue;
    if (!truthy(f.init)) {
      if (name in changes) throw new ValueError(`field ${name} is declared with init=False, it cannot be specified with replace()`);
      continue;
    }
    if (!(name in kwargs)) {
      if (f._field_type === '_FIELD_INITVAR' && f.default === MISSING) throw new ValueError(`InitVar ${repr(name)} must be specified with replace()`);
      if (f._field_type === '_FIELD') kwargs[name] = obj[name];
    }
  }
  return call(pyClassOf(obj), [], kwargs);
}

const PY_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/**
 * make_dataclass(cls_name, fields, *, bases=(), namespace=None, **params):
 * a class made as types.new_class makes it (its module is 'types', as in
 * CPython 3.11), with the fields as annotations ('typing.Any' when a field
 * has no type), then made a dataclass with the params.
 */
export function make_dataclass(...rest: unknown[]): unknown {
  const [args, kw] = splitKeywords(rest);
  checkKeywords(kw, ['cls_name', 'fields', 'bases', 'namespace', ...PARAMS], 'make_dataclass');
  if (args.length > 2) throw new TypeError(`make_dataclass() takes 2 positional arguments but ${args.length} were given`);
  const clsName = args[0] ?? kw['cls_name'];
  const fieldItems = args[1] ?? kw['fields'];
  const annotations = new PyDict<unknown, unknown>();
  const defaults: [string, unknown][] = [];
  for (const item of iterate(fieldItems)) {
    let name: unknown;
    let tp: unknown = 'typing.Any';
    if (typeof item !== 'string') {
      const n = len(item);
      const parts = [...iterate(item)];
      if (n === 2) [name, tp] = parts;
      else if (n === 3) {
        [name, tp] = parts;
        defaults.push([String(name), parts[2]]);
      } else throw new TypeError(`Invalid field: ${repr(item)}`);
    } else {
      name = item;
    }
    if (typeof name !== 'string' || !/^[\p{XID_Start}_][\p{XID_Continue}]*$/u.test(name)) throw new TypeError(`Field names must be valid identifiers: ${repr(name)}`);
    if (PY_KEYWORDS.has(name)) throw new TypeError(`Field names must not be keywords: ${repr(name)}`);
    if (annotations.has(name)) throw new TypeError(`Field name duplicated: ${repr(name)}`);
    annotations.set(name, tp);
  }
  const bases = kw['bases'] === undefined ? [] : [...iterate(kw['bases'])];
  const namespace = kw['namespace'];
  const cls = makeClass(String(clsName), bases, (ns) => {
    ns['__module__'] = 'types';
    ns['__qualname__'] = String(clsName);
    if (namespace !== undefined && namespace !== null) for (const k of iterate(namespace)) ns[String(k)] = getitem(namespace, k);
    for (const [k, v] of defaults) ns[k] = v;
    ns['__annotations__'] = annotations;
  });
  const params: Record<string, unknown> = {};
  for (const p of PARAMS) if (kw[p] !== undefined) params[p] = kw[p];
  return dataclass(cls, params);
}
