/**
 * Python's `gc` (CPython 3.11's Modules/gcmodule.c), over a JS engine that
 * has its own collector and no reference counts. The settings (enabled,
 * thresholds, debug flags, the frozen generation) are kept and read back;
 * `collect()` calls `gc.callbacks` as CPython does and, under Node, asks V8
 * for a full collection, now and once more after the running job (a JS
 * engine keeps an object a WeakRef was made to or read from in the current
 * job alive until it ends); an object only weakly referenced may still
 * survive it. It finds no cycles of its own to report: it returns 0 and
 * `garbage` stays empty.
 * `get_objects`, `get_referrers` and `get_referents` are not provided:
 * the engine does not expose its heap's objects.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { TypeError, ValueError } from '../builtins/exceptions.js';
import { call } from '../builtins/calls.js';
import { PyDict } from '../builtins/dict.js';
import { pyIndex } from '../builtins/numbers/index.js';
import { PyBytes, PyComplex, PyFloat, PyTuple } from '../builtins/values.js';
import { object } from '../builtins/classes/model.js';
import { type } from '../builtins/types.js';
import { noKeywords, pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './gc.js';

export const __name__ = 'gc';
loadedModules.$set('gc', self);

export const __doc__ = 'This module provides access to the garbage collector for reference cycles.\n';

export const DEBUG_STATS = 1;
export const DEBUG_COLLECTABLE = 2;
export const DEBUG_UNCOLLECTABLE = 4;
export const DEBUG_SAVEALL = 32;
export const DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

/** Objects found unreachable but not freed (none: see the module's comment). */
export const garbage: unknown[] = [];
/** Called as `callback(phase, info)` before ("start") and after ("stop") each collection. */
export const callbacks: unknown[] = [];

let enabled = true;
let debugFlags = 0;
const thresholds: [number, number, number] = [700, 10, 10];
const collections: [number, number, number] = [0, 0, 0];

export const enable = pyFunction('', 'enable', 'gc', (): null => {
  enabled = true;
  return null;
});

export const disable = pyFunction('', 'disable', 'gc', (): null => {
  enabled = false;
  return null;
});

export const isenabled = pyFunction('', 'isenabled', 'gc', (): boolean => enabled);

export const collect = pyFunction('generation=', 'collect', 'gc', (generation: unknown = 2): number => {
  const g = pyIndex(generation);
  if (g < 0 || g > 2) throw new ValueError('invalid generation');
  const gen = Number(g);
  runCallbacks('start', gen);
  forceCollection();
  collections[gen]! += 1;
  runCallbacks('stop', gen);
  return 0;
});

function runCallbacks(phase: string, generation: number): void {
  if (callbacks.length === 0) return;
  const info = new PyDict<unknown, unknown>([['generation', generation], ['collected', 0], ['uncollectable', 0]]);
  // A copy, as CPython iterates over one: a callback may change the list.
  for (const cb of callbacks.slice()) call(cb, [phase, info], null);
}

let engineCollect: (() => void) | null | undefined;

/** V8's full collection, under Node; nothing where the engine offers none. */
function forceCollection(): void {
  if (engineCollect === undefined) engineCollect = findEngineCollect();
  engineCollect?.();
}

function findEngineCollect(): (() => void) | null {
  const proc = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process;
  const v8 = proc?.getBuiltinModule?.('node:v8') as { setFlagsFromString(flags: string): void } | undefined;
  const vm = proc?.getBuiltinModule?.('node:vm') as { runInNewContext(code: string): unknown } | undefined;
  if (v8 === undefined || vm === undefined) return null;
  try {
    // The flag gives new contexts a `gc` function; this one's globals are left as they are.
    v8.setFlagsFromString('--expose-gc');
    const fn = vm.runInNewContext('gc');
    if (typeof fn !== 'function') return null;
    const major = (): void => (fn as (options: object) => void)({ type: 'major' });
    let again = false;
    return () => {
      major();
      // What a WeakRef was made to or read from in this job is kept until the job ends: once more after it.
      if (again) return;
      again = true;
      setTimeout(() => {
        again = false;
        major();
      }, 0);
    };
  } catch {
    return null;
  }
}

export const get_count = pyFunction('', 'get_count', 'gc', (): PyTuple => PyTuple.fromArray([0, 0, 0]));

export const get_threshold = pyFunction('', 'get_threshold', 'gc', (): PyTuple => PyTuple.fromArray([...thresholds]));

export const set_threshold = noKeywords(function set_threshold(...args: unknown[]): null {
  if (args.length === 0) throw new TypeError('set_threshold() takes at least 1 argument (0 given)');
  if (args.length > 3) throw new TypeError(`set_threshold() takes at most 3 arguments (${args.length} given)`);
  const values = args.map((a) => Number(pyIndex(a)));
  for (let i = 0; i < values.length; i++) thresholds[i] = values[i]!;
  return null;
}, 'gc.set_threshold');

export const get_stats = pyFunction('', 'get_stats', 'gc', (): unknown[] =>
  collections.map((n) => new PyDict<unknown, unknown>([['collections', n], ['collected', 0], ['uncollectable', 0]])),
);

export const set_debug = pyFunction('flags, /', 'set_debug', 'gc', (flags: unknown): null => {
  debugFlags = Number(pyIndex(flags));
  return null;
});

export const get_debug = pyFunction('', 'get_debug', 'gc', (): number => debugFlags);

export const freeze = pyFunction('', 'freeze', 'gc', (): null => null);
export const unfreeze = pyFunction('', 'unfreeze', 'gc', (): null => null);
export const get_freeze_count = pyFunction('', 'get_freeze_count', 'gc', (): number => 0);

/** Values CPython's collector never tracks: they hold no references. */
function atomic(x: unknown): boolean {
  return x === null || typeof x === 'boolean' || typeof x === 'string' || typeof x === 'bigint'
    || typeof x === 'number' || x instanceof PyFloat || x instanceof PyBytes || x instanceof PyComplex;
}

/**
 * `is_tracked(obj)`, by CPython's rules: atomic values and bare `object()`s
 * are not tracked, nor are tuples and dicts whose items all are not; other
 * containers and instances are.
 */
export const is_tracked = pyFunction('obj, /', 'is_tracked', 'gc', (obj: unknown): boolean => tracked(obj));

function tracked(obj: unknown): boolean {
  if (atomic(obj)) return false;
  // A tuple of untracked items is untracked by the first collection that sees it (constants of the code already are).
  if (obj instanceof PyTuple) return obj.some((x) => tracked(x));
  if (obj instanceof PyDict) {
    for (const k of obj) {
      // A tuple key or value makes the dict tracked: CPython's dict tracks any tuple put in it.
      if (tracked(k) || k instanceof PyTuple) return true;
      const v = obj.$get(k);
      if (tracked(v) || v instanceof PyTuple) return true;
    }
    return false;
  }
  return type(obj) !== object;
}

export const is_finalized = pyFunction('obj, /', 'is_finalized', 'gc', (obj: unknown): boolean => {
  void obj;
  return false;
});

