/**
 * weakref.py's finalize: `finalize(obj, func, *args, **kwargs)` calls
 * func once, when obj dies (its ref's callback) or when called, or at exit
 * while still alive and `atexit` is true (the oldest last, through an
 * atexit callback registered by the first finalizer made, as CPython's).
 * The registry maps each live finalizer to its `_Info`.
 */
import { repr } from '../../../builtins/repr.js';
import { BaseException } from '../../../builtins/exceptions.js';
import { PyProperty, type PyClass } from '../../../builtins/classes.js';
import { call } from '../../../builtins/calls.js';
import { getattr } from '../../../builtins/attributes.js';
import { id } from '../../../builtins/functions.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyTuple } from '../../../builtins/values.js';
import { truthy } from '../../../builtins/truth.js';
import { toPython } from '../../../builtins/errors.js';
import { type } from '../../../builtins/types.js';
import { writeReport } from '../../../program/main.js';
import { register as registerAtExit } from '../../atexit.js';
import { pyClass, pyClassMethod, pyFunction } from '../pydef.js';
import { makeRef } from './refType.js';

const Q = 'weakref';

interface Info {
  readonly weakref: unknown;
  readonly func: unknown;
  readonly args: PyTuple;
  readonly kwargs: PyDict | null;
  atexit: boolean;
  readonly index: number;
}

/** `finalize._registry`: the live finalizers, in creation order. */
const registry = new Map<object, Info>();
let nextIndex = 0;
let shutdown = false;
let dirty = false;
let registeredWithAtexit = false;

function referent(info: Info | undefined): unknown {
  return info === undefined ? null : call(info.weakref, [], null);
}

function kwargsRecord(kwargs: PyDict | null): Record<string, unknown> | null {
  if (kwargs === null) return null;
  const out: Record<string, unknown> = {};
  for (const k of kwargs) out[k as string] = kwargs.$get(k);
  return out;
}

function details(obj: unknown, info: Info): PyTuple {
  return PyTuple.of(obj, info.func, info.args, info.kwargs ?? new PyDict());
}

/** `finalize._exitfunc`: the live finalizers marked for exit, newest first, each once. */
const exitfunc = pyFunction('cls', 'finalize._exitfunc', Q, () => {
  try {
    let pending: object[] | null = null;
    for (;;) {
      if (pending === null || dirty) {
        pending = [...registry].filter(([, i]) => i.atexit).sort((a, b) => a[1].index - b[1].index).map(([f]) => f);
        dirty = false;
      }
      const f = pending.pop();
      if (f === undefined) break;
      try {
        call(f, [], null);
      } catch (raw) {
        const e = toPython(raw);
        if (!(e instanceof BaseException)) throw raw;
        // sys.excepthook: the traceback alone, and the others still run.
        writeReport('', e);
      }
    }
  } finally {
    shutdown = true;
  }
  return null;
});

const method = <F extends (...args: never[]) => unknown>(spec: string, name: string, impl: F): F =>
  pyFunction(spec, `finalize.${name}`, Q, impl);

export const finalize: PyClass = pyClass('finalize', Q, [], {
  __doc__: 'Class for finalization of weakrefable objects\n\n    finalize(obj, func, *args, **kwargs) returns a callable finalizer\n    object which will be called when obj is garbage collected. The\n    first time the finalizer is called it evaluates func(*arg, **kwargs)\n    and returns the result. After this the finalizer is dead, and\n    calling it just returns None.\n\n    When the program exits any remaining finalizers for which the\n    atexit attribute is true will be run in reverse order of creation.\n    By default atexit is true.\n    ',
  __slots__: PyTuple.of(),
  __init__: method('self, obj, func, /, *args, **kwargs', '__init__', (self: object, obj: unknown, func: unknown, args: PyTuple, kwargs: PyDict) => {
    if (!registeredWithAtexit) {
      registerAtExit(getattr(self, '_exitfunc'));
      registeredWithAtexit = true;
    }
    const weakref = makeRef(obj, self);
    registry.set(self, { weakref, func, args, kwargs: kwargs.$size > 0 ? kwargs : null, atexit: true, index: nextIndex++ });
    dirty = true;
    return null;
  }),
  __call__: method('self, _=', '__call__', (self: object) => {
    const info = registry.get(self);
    registry.delete(self);
    if (info !== undefined && !shutdown) return call(info.func, [...info.args], kwargsRecord(info.kwargs));
    return null;
  }),
  detach: method('self', 'detach', (self: object) => {
    const info = registry.get(self);
    const obj = referent(info);
    if (obj !== null && registry.delete(self)) return details(obj, info!);
    return null;
  }),
  peek: method('self', 'peek', (self: object) => {
    const info = registry.get(self);
    const obj = referent(info);
    return obj !== null ? details(obj, info!) : null;
  }),
  alive: new PyProperty(method('self', 'alive', (self: object) => registry.has(self))),
  atexit: new PyProperty(
    method('self', 'atexit', (self: object) => registry.get(self)?.atexit ?? false),
    method('self, value', 'atexit', (self: object, value: unknown) => {
      const info = registry.get(self);
      if (info !== undefined) info.atexit = truthy(value);
      return null;
    }),
  ),
  __repr__: method('self', '__repr__', (self: object) => {
    const obj = referent(registry.get(self));
    const name = String(getattr(type(self), '__name__'));
    if (obj === null) return `<${name} object at 0x${hex(self)}; dead>`;
    return `<${name} object at 0x${hex(self)}; for ${repr(getattr(type(obj), '__name__'))} at 0x${hex(obj)}>`;
  }),
  _exitfunc: pyClassMethod(exitfunc),
});

function hex(v: unknown): string {
  return (id(v) as number).toString(16);
}
