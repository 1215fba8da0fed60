/**
 * unittest.mock's patchers: `patch` (a dotted target), `patch.object`,
 * `patch.dict`, `patch.multiple` and `patch.stopall`, each usable as a
 * decorator (of a function, or of a class's `test…` methods), as a context
 * manager, and with start()/stop().
 *
 * A dotted target is found among the program's modules by name
 * (namespaces.ts's programModules, which compiled modules register
 * themselves in) and the runtime modules the program imported. Setting an
 * attribute of a compiled module assigns its global, so code reading
 * `module.name` or using the name inside that module sees the patch, while
 * a `from module import name` made earlier keeps the original, as in CPython.
 */
import { callMethod, getattr, hasattr, setattr, delattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { AttributeError, ModuleNotFoundError, RuntimeError as RuntimeErrorRef, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { isinstance, issubclass, type, dir, callable } from '../../../builtins/types.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyTuple } from '../../../builtins/values.js';
import { repr } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { iterate } from '../../../builtins/iteration.js';
import { PyProperty, pyClassOf, type PyClass } from '../../../builtins/classes.js';
import { pyClass, pyFunction } from '../pydef.js';
import { isModule, moduleGetattr, programModules, type ModuleNamespace } from '../namespaces.js';
import { loadedModules } from '../moduleTable.js';
import { registeredGlobals } from '../../../builtins/moduleNamespace.js';
import { update_wrapper } from '../../functools.js';
import { iscoroutinefunction } from '../../inspect.js';
import { DEFAULT, Q } from './calls.js';
import { AsyncMockRef, InvalidSpecError, MagicMock, NonCallableMagicMock, NonCallableMock, isMock, kwRecord } from './mocks.js';
import { newException } from '../stdlib/pyclass.js';

type Obj = Record<string, unknown>;

/** The module of that name the program has loaded, or undefined. */
function loadedModule(name: string): unknown {
  const own = programModules.get(name);
  if (own !== undefined) return own;
  if (registeredGlobals(name) !== null) return globalsModule(name);
  return loadedModules.$has(name) ? loadedModules.$get(name) : undefined;
}

/**
 * The entry module as patch sees it when it registered its globals (an
 * entry module cannot import itself): attributes read and written through
 * its globals dict, which assigns the module's variables.
 */
const GLOBALS_MODULES = new WeakMap<object, string>();

function globalsOfProxy(self: object): PyDict {
  return registeredGlobals(GLOBALS_MODULES.get(self))!;
}

const GlobalsModule: PyClass = pyClass('module', Q, [], {
  __getattr__: pyFunction('self, name', 'module.__getattr__', Q, (self: Obj, name: string) => {
    const d = globalsOfProxy(self);
    if (d.$has(name)) return d.$get(name);
    throw new AttributeError(`module '${GLOBALS_MODULES.get(self)}' has no attribute '${name}'`);
  }),
  __setattr__: pyFunction('self, name, value', 'module.__setattr__', Q, (self: Obj, name: string, value: unknown) => {
    globalsOfProxy(self).$set(name, value);
    return null;
  }),
  __delattr__: pyFunction('self, name', 'module.__delattr__', Q, (self: Obj, name: string) => {
    const d = globalsOfProxy(self);
    if (!d.$has(name)) throw new AttributeError(`module '${GLOBALS_MODULES.get(self)}' has no attribute '${name}'`);
    d.$take(name);
    return null;
  }),
  __repr__: pyFunction('self', 'module.__repr__', Q, (self: Obj) => {
    const d = globalsOfProxy(self);
    const file = d.$has('__file__') ? d.$get('__file__') : null;
    return `<module '${GLOBALS_MODULES.get(self)}'${typeof file === 'string' ? ` from '${file}'` : ''}>`;
  }),
});

function globalsModule(name: string): object {
  const m = (GlobalsModule as unknown as () => object)();
  GLOBALS_MODULES.set(m, name);
  return m;
}

/** CPython's `_importer`/`pkgutil.resolve_name` for a dotted name: the longest loaded module prefix, then attributes. */
export function importTarget(target: string): unknown {
  const parts = target.split('.');
  let thing: unknown;
  let used = 0;
  for (let i = parts.length; i > 0; i--) {
    const found = loadedModule(parts.slice(0, i).join('.'));
    if (found !== undefined) {
      thing = found;
      used = i;
      break;
    }
  }
  if (thing === undefined) {
    const e = new ModuleNotFoundError(`No module named '${parts[0]}'`) as unknown as Obj;
    e['name'] = parts[0];
    throw e;
  }
  for (const part of parts.slice(used)) thing = getattr(thing, part);
  return thing;
}

function targetParts(target: unknown): [() => unknown, string] {
  const bad = (): never => {
    throw new TypeError(`Need a valid target to patch. You supplied: ${repr(target)}`);
  };
  if (typeof target !== 'string') bad();
  const s = target as string;
  const cut = s.lastIndexOf('.');
  if (cut < 0) bad();
  const where = s.slice(0, cut);
  return [() => importTarget(where), s.slice(cut + 1)];
}

interface PatchState {
  getter: () => unknown;
  attribute: string;
  new_: unknown;
  newCallable: unknown;
  spec: unknown;
  create: boolean;
  specSet: unknown;
  autospec: unknown;
  kwargs: Record<string, unknown>;
  attributeName: string | null;
  additional: Obj[];
  // While active:
  target: unknown;
  original: unknown;
  isLocal: boolean;
  active: boolean;
}

const PATCHES = new WeakMap<object, PatchState>();
const activePatches: Obj[] = [];

function patchState(p: unknown): PatchState {
  const s = PATCHES.get(p as object);
  if (s === undefined) throw new TypeError('not a patcher');
  return s;
}

/** The hook create_autospec fills in (extras.ts). */
export const autospecHook: { create: ((spec: unknown, specSet: boolean, name: string | null, kwargs: Record<string, unknown>) => unknown) | null } = {
  create: null,
};

function makePatch(getter: () => unknown, attribute: string, new_: unknown, spec: unknown, create: unknown, specSet: unknown, autospec: unknown,
  newCallable: unknown, kwargs: Record<string, unknown>, unsafe = false): Obj {
  if (newCallable !== null && newCallable !== undefined) {
    if (new_ !== DEFAULT) throw new ValueError("Cannot use 'new' and 'new_callable' together");
    if (autospec !== null && autospec !== undefined) throw new ValueError("Cannot use 'autospec' and 'new_callable' together");
  }
  if (!unsafe) {
    for (const typo of ['autospect', 'auto_spec', 'set_spec']) {
      if (Object.hasOwn(kwargs, typo)) throw new RuntimeErrorRef(`${repr(typo)} might be a typo; use unsafe=True if this is intended`);
    }
  }
  if (isMock(spec)) {
    throw newException(InvalidSpecError, [`Cannot spec attr ${repr(attribute)} as the spec has already been mocked out. [spec=${repr(spec)}]`], null);
  }
  if (isMock(specSet)) {
    throw newException(InvalidSpecError, [`Cannot spec attr ${repr(attribute)} as the spec_set target has already been mocked out. [spec_set=${repr(specSet)}]`], null);
  }
  const p = (_patch as unknown as () => Obj)();
  PATCHES.set(p, {
    getter, attribute, new_, newCallable: newCallable ?? null, spec: spec ?? null, create: create === true, specSet: specSet ?? null,
    autospec: autospec ?? null, kwargs, attributeName: null, additional: [], target: null, original: DEFAULT, isLocal: false, active: false,
  });
  return p;
}

function copyPatch(p: Obj): Obj {
  const s = patchState(p);
  const c = makePatch(s.getter, s.attribute, s.new_, s.spec, s.create, s.specSet, s.autospec, s.newCallable, s.kwargs, true);
  const cs = patchState(c);
  cs.attributeName = s.attributeName;
  cs.additional = s.additional.map(copyPatch);
  return c;
}

/** The attribute's current value and whether the target itself holds it (CPython's `get_original`). */
function getOriginal(s: PatchState): [unknown, boolean] {
  const target = s.target;
  const name = s.attribute;
  let original: unknown = DEFAULT;
  let local = false;
  if (GLOBALS_MODULES.has(target as object)) {
    const d = globalsOfProxy(target as object);
    if (d.$has(name)) {
      original = d.$get(name);
      local = true;
    }
  } else if (isModule(target)) {
    try {
      original = moduleGetattr(target as ModuleNamespace, name);
      local = true;
    } catch (e) {
      if (!(e instanceof AttributeError)) throw e;
    }
  } else {
    const own = ownAttribute(target, name);
    if (own !== undefined) {
      original = own;
      local = true;
    } else {
      original = getattr(target, name, DEFAULT);
    }
  }
  if (!s.create && original === DEFAULT) throw new AttributeError(`${reprOf(target)} does not have the attribute ${repr(name)}`);
  return [original, local];
}

function reprOf(v: unknown): string {
  return repr(v);
}

/** `target.__dict__[name]`, or undefined. */
function ownAttribute(target: unknown, name: string): unknown {
  let d: unknown;
  try {
    d = getattr(target, '__dict__');
  } catch (e) {
    if (e instanceof AttributeError) return undefined;
    throw e;
  }
  if (d instanceof PyDict) return d.$has(name) ? d.$get(name) : undefined;
  try {
    return truthy(callMethod(d, '__contains__', name)) ? callMethod(d, '__getitem__', name) : undefined;
  } catch {
    return undefined;
  }
}

const isClass = (v: unknown): boolean => isinstance(v, type as unknown as PyClass);

function isList(v: unknown): boolean {
  return Array.isArray(v) && (pyClassOf(v) === undefined || v instanceof PyTuple);
}

function patchEnter(p: Obj): unknown {
  const s = patchState(p);
  let { new_, spec, specSet, autospec } = s;
  const kwargs = s.kwargs;
  s.target = s.getter();
  if (spec === false) spec = null;
  if (specSet === false) specSet = null;
  if (autospec === false) autospec = null;
  if (spec !== null && autospec !== null) throw new TypeError("Can't specify spec and autospec");
  if ((spec !== null || autospec !== null) && specSet !== true && specSet !== null) {
    throw new TypeError("Can't provide explicit spec_set *and* spec or autospec");
  }
  const [original, local] = getOriginal(s);
  if (new_ === DEFAULT && autospec === null) {
    let inherit = false;
    if (spec === true) {
      spec = original;
      if (specSet === true) {
        specSet = original;
        spec = null;
      }
    } else if (spec !== null) {
      if (specSet === true) {
        specSet = spec;
        spec = null;
      }
    } else if (specSet === true) {
      specSet = original;
    }
    if (spec !== null || specSet !== null) {
      if (original === DEFAULT) throw new TypeError("Can't use 'spec' with create=True");
      if (isClass(original)) inherit = true;
    }
    let Klass: unknown = spec === null && isAsyncObj(original) ? AsyncMockRef.cls : MagicMock;
    const kw: Record<string, unknown> = {};
    if (s.newCallable !== null) {
      Klass = s.newCallable;
    } else if (spec !== null || specSet !== null) {
      const thisSpec = specSet !== null ? specSet : spec;
      const notCallable = isList(thisSpec) ? ![...iterate(thisSpec)].includes('__call__') : !callable(thisSpec);
      if (typeof thisSpec === 'function' && iscoroutinefunction(thisSpec)) Klass = AsyncMockRef.cls;
      else if (notCallable) Klass = NonCallableMagicMock;
    }
    if (spec !== null) kw['spec'] = spec;
    if (specSet !== null) kw['spec_set'] = specSet;
    if (isClass(Klass) && issubclass(Klass, NonCallableMock) && s.attribute) kw['name'] = s.attribute;
    Object.assign(kw, kwargs);
    new_ = call(Klass, [], kw);
    if (inherit && isMock(new_)) {
      const thisSpec = specSet !== null ? specSet : spec;
      let RetKlass = Klass;
      if (!isList(thisSpec) && !instanceCallable(thisSpec)) RetKlass = NonCallableMagicMock;
      delete kw['name'];
      setattr(new_, 'return_value', call(RetKlass, [], { _new_parent: new_, _new_name: '()', ...kw }));
    }
  } else if (autospec !== null) {
    if (new_ !== DEFAULT) throw new TypeError("autospec creates the mock for you. Can't specify autospec and new.");
    if (original === DEFAULT) throw new TypeError("Can't use 'autospec' with create=True");
    if (autospec === true) autospec = original;
    if (isMock(s.target)) {
      throw newException(InvalidSpecError, [`Cannot autospec attr ${repr(s.attribute)} as the patch target has already been mocked out. [target=${repr(s.target)}, attr=${repr(autospec)}]`], null);
    }
    if (isMock(autospec)) {
      throw newException(InvalidSpecError, [`Cannot autospec attr ${repr(s.attribute)} from target ${repr(s.target)} as it has already been mocked out. [target=${repr(s.target)}, attr=${repr(autospec)}]`], null);
    }
    new_ = autospecHook.create!(autospec, truthy(specSet ?? false), s.attribute, kwargs);
  } else if (Object.keys(kwargs).length > 0) {
    throw new TypeError("Can't pass kwargs to a mock we aren't creating");
  }
  s.original = original;
  s.isLocal = local;
  s.active = true;
  const entered: Obj[] = [];
  try {
    setattr(s.target, s.attribute, new_);
    if (s.attributeName !== null) {
      const extra = new PyDict();
      if (s.new_ === DEFAULT) extra.$set(s.attributeName, new_);
      for (const other of s.additional) {
        const arg = patchEnter(other);
        entered.push(other);
        if (patchState(other).new_ === DEFAULT) for (const k of arg as PyDict) extra.$set(k, (arg as PyDict).$get(k));
      }
      return extra;
    }
    return new_;
  } catch (e) {
    for (const other of entered.reverse()) patchExit(other);
    restore(s);
    throw e;
  }
}

/** Whether instances of a spec class are callable. */
function instanceCallable(spec: unknown): boolean {
  if (!isClass(spec)) return hasattr(spec, '__call__');
  return hasattr(spec, '__call__') && (spec as Obj)['prototype'] !== undefined && typeof ((spec as { prototype: Obj }).prototype['__call__']) === 'function';
}

function isAsyncObj(v: unknown): boolean {
  if (isMock(v)) return AsyncMockRef.mixin !== null && isinstance(v, AsyncMockRef.mixin);
  return typeof v === 'function' && !isClass(v) && iscoroutinefunction(v);
}

function restore(s: PatchState): void {
  if (s.isLocal && s.original !== DEFAULT) {
    setattr(s.target, s.attribute, s.original);
  } else {
    delattr(s.target, s.attribute);
    if (!s.create && (!hasattr(s.target, s.attribute) || ['__doc__', '__module__', '__defaults__', '__annotations__', '__kwdefaults__'].includes(s.attribute))) {
      setattr(s.target, s.attribute, s.original);
    }
  }
  s.active = false;
  s.target = null;
}

function patchExit(p: Obj): boolean {
  const s = patchState(p);
  if (!s.active) return false;
  restore(s);
  for (const other of [...s.additional].reverse()) patchExit(other);
  return false;
}

/** The patchers applied to a function `patch` decorated, innermost first. */
const PATCHINGS = new WeakMap<object, Obj[]>();

function decorateCallable(p: Obj, func: unknown): unknown {
  const existing = PATCHINGS.get(func as object);
  if (existing !== undefined) {
    existing.push(p);
    return func;
  }
  const patchings: Obj[] = [p];
  const patched = pyFunction('*args, **keywargs', 'patched', Q, (args: PyTuple, keywargs: PyDict) => {
    const extra: unknown[] = [];
    const kw = new PyDict();
    for (const k of keywargs) kw.$set(k, keywargs.$get(k));
    const entered: Obj[] = [];
    try {
      for (const patching of patchings) {
        const arg = callMethod(patching, '__enter__');
        entered.push(patching);
        const ps = PATCHES.get(patching);
        if (ps !== undefined && ps.attributeName !== null) {
          for (const k of arg as PyDict) kw.$set(k, (arg as PyDict).$get(k));
        } else if (ps === undefined || ps.new_ === DEFAULT) {
          extra.push(arg);
        }
      }
      return call(func, [...args, ...extra], kwRecord(kw));
    } finally {
      for (const patching of entered.reverse()) callMethod(patching, '__exit__', null, null, null);
    }
  });
  call(update_wrapper, [patched, func], null);
  PATCHINGS.set(patched, patchings);
  return patched;
}

function decorateClass(p: Obj, klass: unknown, copy: (p: Obj) => Obj): unknown {
  const prefix = String(getattr(patch, 'TEST_PREFIX'));
  for (const attr of dir(klass) as string[]) {
    if (!String(attr).startsWith(prefix)) continue;
    const value = getattr(klass, attr);
    if (!callable(value)) continue;
    const patcher = copy(p);
    setattr(klass, attr, call(patcher, [value], null));
  }
  return klass;
}

export const _patch: PyClass = pyClass('_patch', Q, [], {
  attribute_name: null,
  __call__: pyFunction('self, func', '_patch.__call__', Q, (self: Obj, func: unknown) => {
    if (isClass(func)) return decorateClass(self, func, copyPatch);
    return decorateCallable(self, func);
  }),
  copy: pyFunction('self', '_patch.copy', Q, (self: Obj) => copyPatch(self)),
  __enter__: pyFunction('self', '_patch.__enter__', Q, patchEnter),
  __exit__: pyFunction('self, *exc_info', '_patch.__exit__', Q, (self: Obj) => patchExit(self)),
  start: pyFunction('self', '_patch.start', Q, (self: Obj) => {
    const result = patchEnter(self);
    activePatches.push(self);
    return result;
  }),
  stop: pyFunction('self', '_patch.stop', Q, (self: Obj) => {
    const i = activePatches.indexOf(self);
    if (i >= 0) activePatches.splice(i, 1);
    return patchState(self).active ? patchExit(self) : null;
  }),
});

for (const [attr, read] of [
  ['attribute', (s: PatchState) => s.attribute], ['new', (s: PatchState) => s.new_], ['new_callable', (s: PatchState) => s.newCallable],
  ['spec', (s: PatchState) => s.spec], ['create', (s: PatchState) => s.create], ['spec_set', (s: PatchState) => s.specSet],
  ['autospec', (s: PatchState) => s.autospec], ['kwargs', (s: PatchState) => new PyDict(Object.entries(s.kwargs))],
  ['is_local', (s: PatchState) => s.isLocal], ['target', (s: PatchState) => s.target], ['temp_original', (s: PatchState) => s.original],
  ['additional_patchers', (s: PatchState) => s.additional],
] as const) {
  setattr(_patch, attr, new PyProperty(pyFunction('self', attr, Q, (self: Obj) => (read as (s: PatchState) => unknown)(patchState(self)))));
}

const PATCH_SPEC = 'target, new=, spec=, create=, spec_set=, autospec=, new_callable=, *, unsafe=, **kwargs';

export const patch = pyFunction(PATCH_SPEC, 'patch', Q,
  (target: unknown, new_?: unknown, spec?: unknown, create?: unknown, specSet?: unknown, autospec?: unknown, newCallable?: unknown,
    unsafe?: unknown, kwargs?: PyDict) => {
    const [getter, attribute] = targetParts(target);
    return makePatch(getter, attribute, new_ ?? DEFAULT, spec, create, specSet, autospec, newCallable, kwRecord(kwargs) ?? {}, unsafe === true);
  });

const patchObject = pyFunction('target, attribute, new=, spec=, create=, spec_set=, autospec=, new_callable=, *, unsafe=, **kwargs', 'patch.object', Q,
  (target: unknown, attribute: unknown, new_?: unknown, spec?: unknown, create?: unknown, specSet?: unknown, autospec?: unknown,
    newCallable?: unknown, unsafe?: unknown, kwargs?: PyDict) => {
    if (typeof target === 'string') throw new TypeError(`${repr(target)} must be the actual object to be patched, not a str`);
    return makePatch(() => target, attribute as string, new_ ?? DEFAULT, spec, create, specSet, autospec, newCallable, kwRecord(kwargs) ?? {},
      unsafe === true);
  });

const patchMultiple = pyFunction('target, spec=, create=, spec_set=, autospec=, new_callable=, **kwargs', 'patch.multiple', Q,
  (target: unknown, spec?: unknown, create?: unknown, specSet?: unknown, autospec?: unknown, newCallable?: unknown, kwargs?: PyDict) => {
    const getter = typeof target === 'string' ? () => importTarget(target) : () => target;
    if (kwargs === undefined || kwargs.$size === 0) throw new ValueError('Must supply at least one keyword argument with patch.multiple');
    const items = [...kwargs].map((k) => [k as string, kwargs.$get(k)] as const);
    const [attribute, new_] = items[0]!;
    const patcher = makePatch(getter, attribute, new_, spec, create, specSet, autospec, newCallable, {});
    patchState(patcher).attributeName = attribute;
    for (const [attr, value] of items.slice(1)) {
      const other = makePatch(getter, attr, value, spec, create, specSet, autospec, newCallable, {});
      patchState(other).attributeName = attr;
      patchState(patcher).additional.push(other);
    }
    return patcher;
  });

// ---- patch.dict ----

interface DictPatch {
  inDict: unknown;
  values: PyDict;
  clear: boolean;
  original: unknown[] | null;
}

const DICT_PATCHES = new WeakMap<object, DictPatch>();

function dictState(p: unknown): DictPatch {
  return DICT_PATCHES.get(p as object)!;
}

function clearDict(d: unknown): void {
  try {
    callMethod(d, 'clear');
  } catch (e) {
    if (!(e instanceof AttributeError)) throw e;
    for (const k of [...iterate(d)]) call(getattr(d, '__delitem__'), [k], null);
  }
}

function patchDict(p: Obj): void {
  const s = dictState(p);
  if (typeof s.inDict === 'string') s.inDict = importTarget(s.inDict);
  const d = s.inDict;
  const original: unknown[] = [];
  for (const k of [...iterate(d)]) original.push(k, call(getattr(d, '__getitem__'), [k], null));
  s.original = original;
  if (s.clear) clearDict(d);
  for (const k of s.values) call(getattr(d, '__setitem__'), [k, s.values.$get(k)], null);
}

function unpatchDict(p: Obj): void {
  const s = dictState(p);
  const d = s.inDict;
  const original = s.original ?? [];
  clearDict(d);
  for (let i = 0; i < original.length; i += 2) call(getattr(d, '__setitem__'), [original[i], original[i + 1]], null);
  s.original = null;
}

export const _patch_dict: PyClass = pyClass('_patch_dict', Q, [], {
  __call__: pyFunction('self, f', '_patch_dict.__call__', Q, (self: Obj, f: unknown) => {
    if (isClass(f)) return decorateClass(self, f, copyDictPatch);
    const wrapper = pyFunction('*args, **kw', '_inner', Q, (args: PyTuple, kw: PyDict) => {
      patchDict(self);
      try {
        return call(f, [...args], kwRecord(kw));
      } finally {
        unpatchDict(self);
      }
    });
    call(update_wrapper, [wrapper, f], null);
    return wrapper;
  }),
  copy: pyFunction('self', '_patch_dict.copy', Q, (self: Obj) => copyDictPatch(self)),
  __enter__: pyFunction('self', '_patch_dict.__enter__', Q, (self: Obj) => {
    patchDict(self);
    return dictState(self).inDict;
  }),
  __exit__: pyFunction('self, *args', '_patch_dict.__exit__', Q, (self: Obj) => {
    if (dictState(self).original !== null) unpatchDict(self);
    return false;
  }),
  start: pyFunction('self', '_patch_dict.start', Q, (self: Obj) => {
    patchDict(self);
    activePatches.push(self);
    return dictState(self).inDict;
  }),
  stop: pyFunction('self', '_patch_dict.stop', Q, (self: Obj) => {
    const i = activePatches.indexOf(self);
    if (i < 0) return null;
    activePatches.splice(i, 1);
    if (dictState(self).original !== null) unpatchDict(self);
    return false;
  }),
});

function makeDictPatch(inDict: unknown, values: PyDict, clear: boolean): Obj {
  const p = (_patch_dict as unknown as () => Obj)();
  DICT_PATCHES.set(p, { inDict, values, clear, original: null });
  return p;
}

function copyDictPatch(p: Obj): Obj {
  const s = dictState(p);
  return makeDictPatch(s.inDict, s.values, s.clear);
}

const patchDictFn = pyFunction('in_dict, values=, clear=, **kwargs', 'patch.dict', Q,
  (inDict: unknown, values?: unknown, clear?: unknown, kwargs?: PyDict) => {
    const v = new PyDict();
    if (values !== undefined) {
      if (values instanceof PyDict) for (const k of values) v.$set(k, values.$get(k));
      else for (const item of iterate(values)) {
        const [k, val] = [...iterate(item)];
        v.$set(k, val);
      }
    }
    if (kwargs !== undefined) for (const k of kwargs) v.$set(k, kwargs.$get(k));
    return makeDictPatch(inDict, v, clear !== undefined && truthy(clear));
  });

const stopall = pyFunction('', 'patch.stopall', Q, () => {
  for (const p of [...activePatches].reverse()) callMethod(p, 'stop');
  return null;
});

setattr(patch, 'object', patchObject);
setattr(patch, 'dict', patchDictFn);
setattr(patch, 'multiple', patchMultiple);
setattr(patch, 'stopall', stopall);
setattr(patch, 'TEST_PREFIX', 'test');
