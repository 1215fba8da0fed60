/**
 * The bookkeeping behind weakref (CPython's Objects/weakrefobject.c):
 * which objects may be weakly referenced, each referent's list of weak
 * references in CPython's order, and what happens when a referent dies.
 *
 * There is no reference counting here: an object dies when V8 collects it.
 * A weak reference holds a JS WeakRef to its referent; a
 * FinalizationRegistry learns of the collection (later, in a task of its
 * own) and then runs the callbacks of the references still alive, in list
 * order, as CPython's handle_callbacks does. The references themselves are
 * held weakly by the list, so one nobody keeps is dropped with its
 * callback, as in CPython.
 */
import { TypeError } from '../../../builtins/exceptions.js';
import { toPython } from '../../../builtins/errors.js';
import { BaseException } from '../../../builtins/exceptions.js';
import { object, pyClassOf, type PyClass } from '../../../builtins/classes.js';
import { type } from '../../../builtins/types.js';
import { builtinClasses, infoOf } from '../../../builtins/classes/model.js';
import { weakrefHooks } from '../../../builtins/classes/instanceAttributes.js';
import { TYPE_NAME, typeName } from '../../../builtins/values.js';
import { repr } from '../../../builtins/repr.js';
import { call } from '../../../builtins/calls.js';
import { writeReport } from '../../../program/main.js';

/** What a weak reference knows: its referent (weakly), its callback, its hash once taken. */
export interface RefState {
  readonly target: WeakRef<object>;
  callback: unknown;
  hash?: unknown;
  /** A reference made with no callback by the exact ref type or a proxy type: the one `ref(o)` and `proxy(o)` give again. */
  readonly basic: 'ref' | 'proxy' | null;
}

const states = new WeakMap<object, RefState>();

/** Each referent's weak references, in CPython's list order; dead entries are dropped as the list is read. */
const lists = new WeakMap<object, WeakRef<object>[]>();

const registry = new FinalizationRegistry<WeakRef<object>[]>(referentCollected);

// `obj.__weakref__`: the head of its list.
weakrefHooks.first = (obj) => refsTo(obj)[0];

export function stateOf(r: object): RefState | undefined {
  return states.get(r);
}

/** The referent of a weak reference, or undefined once it is dead. */
export function referentOf(r: object): object | undefined {
  return states.get(r)?.target.deref();
}

/** The live weak references to `obj`, in CPython's order. */
export function refsTo(obj: unknown): object[] {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return [];
  const list = lists.get(obj);
  if (list === undefined) return [];
  const live: object[] = [];
  let w = 0;
  for (const entry of list) {
    const r = entry.deref();
    if (r === undefined) continue;
    live.push(r);
    list[w++] = entry;
  }
  list.length = w;
  return live;
}

/** The basic reference (`'ref'`) or proxy (`'proxy'`) to `obj` already made, to give again. */
export function basicRef(obj: object, kind: 'ref' | 'proxy'): object | undefined {
  return refsTo(obj).find((r) => states.get(r)?.basic === kind);
}

/**
 * Records `r` as a weak reference to `obj`: a basic ref first, then the
 * basic proxy, then every other reference newest first (CPython's
 * insert_head / insert_after the basic ones).
 */
export function register(r: object, obj: object, callback: unknown, basic: 'ref' | 'proxy' | null): void {
  states.set(r, { target: new WeakRef(obj), callback: callback ?? null, basic });
  let list = lists.get(obj);
  if (list === undefined) {
    list = [];
    lists.set(obj, list);
    registry.register(obj, list);
  }
  // refsTo leaves only the live entries in the list, so its indices are the list's.
  const live = refsTo(obj);
  let at = 0;
  if (basic === 'proxy') at = live.length > 0 && states.get(live[0]!)?.basic === 'ref' ? 1 : 0;
  else if (basic === null) while (at < live.length && states.get(live[at]!)?.basic !== null) at++;
  list.splice(at, 0, new WeakRef(r));
}

/** The referent is gone: its references are all dead first, then their callbacks run, in list order. */
function referentCollected(list: WeakRef<object>[]): void {
  const calls: [object, unknown][] = [];
  for (const entry of list) {
    const r = entry.deref();
    const state = r === undefined ? undefined : states.get(r);
    if (state === undefined) continue;
    if (state.callback !== null) calls.push([r!, state.callback]);
    state.callback = null;
  }
  for (const [r, callback] of calls) {
    try {
      call(callback, [r], null);
    } catch (raw) {
      const e = toPython(raw);
      if (e instanceof BaseException) writeReport(`Exception ignored in: ${repr(callback)}\n`, e);
    }
  }
}

// ---------------------------------------------------------------------------
// Which objects can be weakly referenced

/** Builtin types whose instances have no weakref slot in CPython. */
const NOT_WEAKREFABLE = new Set([
  'int', 'bool', 'float', 'complex', 'str', 'bytes', 'bytearray', 'tuple', 'list', 'dict', 'NoneType', 'object', 'range', 'slice',
  'property', 'staticmethod', 'classmethod', 'super', 'map', 'filter', 'zip', 'enumerate', 'reversed', 'ellipsis',
  'NotImplementedType', 'method-wrapper', 'wrapper_descriptor', 'method_descriptor', 'getset_descriptor', 'member_descriptor',
  'classmethod_descriptor', 'mappingproxy', 'cell', 'list_iterator', 'list_reverseiterator', 'tuple_iterator', 'str_iterator',
  'set_iterator', 'range_iterator', 'dict_keyiterator', 'dict_valueiterator', 'dict_itemiterator', 'dict_keys', 'dict_values',
  'dict_items', 'bytes_iterator', 'bytearray_iterator', 'callable_iterator', 'iterator', 'types.SimpleNamespace',
  'collections.defaultdict', 're.Match', 'weakref.ReferenceType', 'weakref.ProxyType', 'weakref.CallableProxyType',
  'itertools.count', 'itertools.cycle', 'itertools.repeat', 'itertools.chain', 'itertools.islice',
]);

/** Python classes of the standard library that CPython gives `__slots__` without `__weakref__`, so no weakref slot. */
const SLOTTED_STDLIB = new Set(['fractions.Fraction', 'datetime.date', 'datetime.datetime', 'datetime.time', 'datetime.timedelta', 'datetime.timezone', 'datetime.tzinfo']);

/** CPython's variable-size builtins: a subclass without `__slots__` still gets no weakref slot. */
const VARIABLE_SIZE = new Set(['int', 'bool', 'bytes', 'tuple']);

const classAnswers = new WeakMap<PyClass, boolean>();

function qualified(cls: PyClass): string {
  const c = cls as unknown as { __module__?: unknown; __name__?: unknown };
  return `${String(c.__module__)}.${String(c.__name__)}`;
}

/** A type made by the runtime rather than by a class statement: a builtin, or a JS class (exceptions, asyncio's). */
function isRuntimeType(cls: PyClass): boolean {
  return builtinClasses.has(cls) || infoOf(cls).native === (cls as unknown);
}

function classWeakrefable(cls: PyClass): boolean {
  if (cls === object) return false;
  let answer = classAnswers.get(cls);
  if (answer !== undefined) return answer;
  const name = String((cls as unknown as { __name__?: unknown }).__name__);
  if (isRuntimeType(cls)) {
    answer = !NOT_WEAKREFABLE.has(name) && !(cls.prototype instanceof BaseException) && cls !== (BaseException as unknown);
  } else if (SLOTTED_STDLIB.has(qualified(cls))) {
    answer = false;
  } else if (infoOf(cls).bases.some((b) => classWeakrefable(b))) {
    answer = true;
  } else {
    const slots = infoOf(cls).dict.get('__slots__');
    if (slots === undefined) answer = !infoOf(cls).mro.some((c) => isRuntimeType(c) && VARIABLE_SIZE.has(String(c.__name__)));
    else answer = (typeof slots === 'string' ? [slots] : [...(slots as Iterable<unknown>)]).includes('__weakref__');
  }
  classAnswers.set(cls, answer);
  return answer;
}

/** `obj` as a weak reference's referent, or CPython's TypeError for an object that cannot be one. */
export function weakrefable(obj: unknown): object {
  if (obj !== null && (typeof obj === 'object' || typeof obj === 'function')) {
    const name = typeName(obj);
    if (!NOT_WEAKREFABLE.has(name)) {
      const cls = pyClassOf(obj);
      if (cls === undefined ? !(obj instanceof BaseException) : classWeakrefable(cls)) return obj;
    }
  }
  throw new TypeError(`cannot create weak reference to '${tpName(obj)}' object`);
}

/** CPython's `Py_TYPE(obj)->tp_name`: a builtin type's (dotted for some), or a class's `__name__`. */
export function tpName(obj: unknown): string {
  if (typeof obj !== 'function') return typeName(obj);
  const cls = type(obj) as { [TYPE_NAME]?: string; __name__?: unknown };
  return Object.hasOwn(cls, TYPE_NAME) ? cls[TYPE_NAME]! : String(cls.__name__);
}
