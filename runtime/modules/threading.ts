/**
 * Python's `threading` for a runtime with one thread. Everything that makes
 * sense with one thread is CPython's: the main thread's object, locks,
 * re-entrant locks, conditions, semaphores, events, barriers of one,
 * `local`, names, reprs and errors. A Thread's `start()` runs its `run()`
 * to the end at once, as if the new thread ran before the starting one went
 * on (an exception in it is reported as CPython's excepthook reports it,
 * and the program goes on). A Timer waits on the JS event loop, so the
 * program goes on meanwhile, as with CPython's timer thread. Waiting for
 * something only another thread could do (acquiring a held lock with no
 * timeout, an unset Event's `wait()`) would wait forever in CPython; here
 * it raises RuntimeError saying so. A wait with a timeout sleeps for it.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { AssertionError, BaseException, DeprecationWarning, OverflowError, RuntimeError, SystemExit, TypeError, ValueError } from '../builtins/exceptions.js';
import { PyDict } from '../builtins/dict.js';
import { call } from '../builtins/calls.js';
import { callMethod, getattr, setattr } from '../builtins/attributes.js';
import { property } from '../builtins/classes/descriptors.js';
import { objectId } from '../builtins/classes.js';
import { PyFloat, PyTuple, float, typeName } from '../builtins/values.js';
import { truthy } from '../builtins/truth.js';
import { str } from '../builtins/repr.js';
import { iterate } from '../builtins/iteration.js';
import { writeStderr } from '../builtins/io.js';
import { sleep as timeSleep } from './time.js';
import { format_exception } from './traceback.js';
import { defineClass, newException } from './support/stdlib/pyclass.js';
import { pyFunction } from './support/pydef.js';
import { StructSequence } from './support/structSequence.js';
import { loadedModules } from './support/moduleTable.js';
import { warnCaller } from './support/warnings/fromRuntime.js';
import * as self from './threading.js';

export const __name__ = 'threading';
loadedModules.$set('threading', self);

const Q = 'threading';

export const __all__ = [
  'get_ident', 'active_count', 'Condition', 'current_thread', 'enumerate', 'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock', 'RLock',
  'Semaphore', 'BoundedSemaphore', 'Thread', 'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError', 'setprofile', 'settrace', 'local',
  'stack_size', 'excepthook', 'ExceptHookArgs', 'gettrace', 'getprofile', 'get_native_id',
];

const TIMEOUT_LIMIT = 9223372036;
export const TIMEOUT_MAX = float(TIMEOUT_LIMIT);
export const ThreadError = RuntimeError;

function seconds(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'bigint' || typeof v === 'boolean') return Number(v);
  throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** CPython's DeprecationWarning of a camelCase alias, pointing at the Python code that called it. */
function deprecated(message: string): void {
  warnCaller(message, DeprecationWarning, 2);
}

function hex(obj: unknown): string {
  return `0x${objectId(obj as object).toString(16).padStart(12, "0")}`;
}

/** What a wait no other thread can end does here: an error, where CPython waits forever. */
function forever(what: string): RuntimeError {
  return new RuntimeError(`pyasync has no other threads: ${what} would wait forever`);
}

/** A wait that times out, or raises when it has no timeout: sleeps `timeout` seconds and reports the failure. */
function waitFor(timeout: number | null, what: string): false {
  if (timeout === null || timeout < 0) throw forever(what);
  if (timeout > 0) timeSleep(timeout);
  return false;
}

/** `blocking`/`timeout` as lock.acquire takes them: the time to wait, null for ever, 0 for none. */
function acquireTimeout(blocking: unknown, timeout: unknown): number | null {
  const t = timeout === undefined ? -1 : seconds(timeout);
  const block = blocking === undefined ? true : truthy(blocking);
  if (!block) {
    if (t !== -1) throw new ValueError("can't specify a timeout for a non-blocking call");
    return 0;
  }
  if (t < 0 && t !== -1) throw new ValueError('timeout value must be a non-negative number');
  if (t > TIMEOUT_LIMIT) throw new OverflowError('timeout value is too large');
  return t === -1 ? null : t;
}


// --- threads' identities ----------------------------------------------------------------------------------------

const proc = (globalThis as { process?: { pid?: number } }).process;
/** The main thread's ident and native id: the process id, as a Linux CPython's main thread's native id is. */
const MAIN_IDENT = proc?.pid ?? 1;
let nextIdent = MAIN_IDENT + 1;
let threadCounter = 0;

interface ThreadState {
  name: string;
  ident: number | null;
  daemon: boolean;
  started: boolean;
  stopped: boolean;
  target: unknown;
  args: unknown;
  kwargs: unknown;
  timer?: ReturnType<typeof setTimeout> | null;
}

const states = new WeakMap<object, ThreadState>();

function stateOf(t: unknown): ThreadState {
  const s = states.get(t as object);
  if (s === undefined) throw new RuntimeError('thread.__init__() not called');
  return s;
}

let running: object[] = [];

// --- Thread ------------------------------------------------------------------------------------------------------

function newName(target: unknown): string {
  threadCounter += 1;
  const targetName = target === null || target === undefined ? null : getattrOr(target, '__name__');
  return targetName === null ? `Thread-${threadCounter}` : `Thread-${threadCounter} (${str(targetName)})`;
}

function getattrOr(obj: unknown, name: string): unknown {
  try {
    return getattr(obj, name);
  } catch {
    return null;
  }
}

export const Thread = defineClass(Q, 'Thread', [], {
  __init__: pyFunction('self, group=, target=, name=, args=, kwargs=, *, daemon=', 'Thread.__init__', Q,
    (t: unknown, group: unknown = null, target: unknown = null, name: unknown = null, args: unknown = PyTuple.of(), kwargs: unknown = null, daemon: unknown = null): null => {
      if (group !== null) throw new AssertionError('group argument must be None for now');
      states.set(t as object, {
        name: name === null ? newName(target) : str(name),
        ident: null,
        daemon: daemon === null ? false : truthy(daemon),
        started: false,
        stopped: false,
        target,
        args,
        kwargs,
      });
      return null;
    }),
  start: pyFunction('self', 'Thread.start', Q, (t: unknown): null => {
    const s = stateOf(t);
    if (s.started) throw new RuntimeError('threads can only be started once');
    s.started = true;
    s.ident = nextIdent++;
    runThread(t as object, s);
    return null;
  }),
  run: pyFunction('self', 'Thread.run', Q, (t: unknown): null => {
    const s = stateOf(t);
    try {
      if (s.target !== null) call(s.target, [...iterate(s.args)], s.kwargs === null ? null : kwargsOf(s.kwargs));
    } finally {
      s.target = s.args = s.kwargs = null;
    }
    return null;
  }),
  join: pyFunction('self, timeout=', 'Thread.join', Q, (t: unknown): null => {
    const s = stateOf(t);
    if (!s.started) throw new RuntimeError('cannot join thread before it is started');
    if (current === t) throw new RuntimeError('cannot join current thread');
    return null;
  }),
  is_alive: pyFunction('self', 'Thread.is_alive', Q, (t: unknown): boolean => {
    const s = stateOf(t);
    return s.started && !s.stopped;
  }),
  getName: pyFunction('self', 'Thread.getName', Q, (t: unknown): unknown => {
    deprecated('getName() is deprecated, get the name attribute instead');
    return getattr(t, 'name');
  }),
  setName: pyFunction('self, name', 'Thread.setName', Q, (t: unknown, name: unknown): null => {
    deprecated('setName() is deprecated, set the name attribute instead');
    setattr(t, 'name', name);
    return null;
  }),
  isDaemon: pyFunction('self', 'Thread.isDaemon', Q, (t: unknown): unknown => {
    deprecated('isDaemon() is deprecated, get the daemon attribute instead');
    return getattr(t, 'daemon');
  }),
  setDaemon: pyFunction('self, daemonic', 'Thread.setDaemon', Q, (t: unknown, d: unknown): null => {
    deprecated('setDaemon() is deprecated, set the daemon attribute instead');
    setattr(t, 'daemon', d);
    return null;
  }),
  name: property(
    pyFunction('self', 'Thread.name', Q, (t: unknown): string => stateOf(t).name),
    pyFunction('self, name', 'Thread.name', Q, (t: unknown, name: unknown): null => {
      stateOf(t).name = str(name);
      return null;
    }),
  ),
  ident: property(pyFunction('self', 'Thread.ident', Q, (t: unknown): number | null => stateOf(t).ident)),
  native_id: property(pyFunction('self', 'Thread.native_id', Q, (t: unknown): number | null => stateOf(t).ident)),
  daemon: property(
    pyFunction('self', 'Thread.daemon', Q, (t: unknown): boolean => stateOf(t).daemon),
    pyFunction('self, daemonic', 'Thread.daemon', Q, (t: unknown, d: unknown): null => {
      const s = stateOf(t);
      if (s.started) throw new RuntimeError('cannot set daemon status of active thread');
      s.daemon = truthy(d);
      return null;
    }),
  ),
  __repr__: pyFunction('self', 'Thread.__repr__', Q, (t: unknown): string => {
    const s = stateOf(t);
    let status = s.started ? 'started' : 'initial';
    if (s.stopped) status = 'stopped';
    if (s.daemon) status += ' daemon';
    if (s.ident !== null) status += ` ${s.ident}`;
    return `<${typeName(t)}(${s.name}, ${status})>`;
  }),
});


function kwargsOf(kwargs: unknown): Record<string, unknown> | null {
  let out: Record<string, unknown> | null = null;
  for (const k of iterate(kwargs)) (out ??= {})[str(k)] = callMethod(kwargs, '__getitem__', k);
  return out;
}

/** The thread the code is running in: the main thread's object, or the started Thread being run. */
let current: object | null = null;

function runThread(t: object, s: ThreadState): void {
  const previous = current;
  current = t;
  running.push(t);
  try {
    callMethod(t, 'run');
  } catch (e) {
    if (e instanceof BaseException && !(e instanceof SystemExit)) {
      call(excepthook, [new StructSequence('ExceptHookArgs', EXCEPT_HOOK_FIELDS, [typeOfException(e), e, e.__traceback__ ?? null, t])], null);
    } else if (!(e instanceof SystemExit)) {
      throw e;
    }
  } finally {
    s.stopped = true;
    running = running.filter((r) => r !== t);
    current = previous;
  }
}

function typeOfException(e: BaseException): unknown {
  return (e as unknown as { constructor: unknown }).constructor;
}

const EXCEPT_HOOK_FIELDS = ['exc_type', 'exc_value', 'exc_traceback', 'thread'];

export const ExceptHookArgs = pyFunction('args', 'ExceptHookArgs', Q, (args: unknown): StructSequence =>
  new StructSequence('ExceptHookArgs', EXCEPT_HOOK_FIELDS, [...iterate(args)]));

/** CPython's default excepthook: "Exception in thread NAME:" and the traceback, on stderr. */
export const __excepthook__ = pyFunction('args, /', 'excepthook', Q, (args: unknown): null => {
  const [type, value, tb, thread] = [...iterate(args)];
  if (type === SystemExit) return null;
  const name = thread === null ? String(get_ident()) : str(getattr(thread, 'name'));
  const lines = [...iterate(call(format_exception, [type, value, tb], null))].map((l) => str(l)).join('');
  writeStderr(`Exception in thread ${name}:\n${lines}`);
  return null;
});

/** What reports an exception a thread's run() raised: the program may replace it (`threading.excepthook = f`). */
export let excepthook: unknown = __excepthook__;

/** `threading.name = value` for the module's own globals the program may replace (namespaces.ts). */
export function $module$setattr(name: string, value: unknown): boolean {
  if (name !== 'excepthook') return false;
  excepthook = value;
  return true;
}

// --- the main thread and the module's functions --------------------------------------------------------------------

const MainThreadClass = defineClass(Q, '_MainThread', [Thread], {});
const mainThread = call(MainThreadClass, [], { name: 'MainThread' }) as object;
{
  const s = stateOf(mainThread);
  s.started = true;
  s.ident = MAIN_IDENT;
  threadCounter = 0;
}

export const main_thread = pyFunction('', 'main_thread', Q, (): unknown => mainThread);
export const current_thread = pyFunction('', 'current_thread', Q, (): unknown => current ?? mainThread);
export const currentThread = pyFunction('', 'currentThread', Q, (): unknown => {
  deprecated('currentThread() is deprecated, use current_thread() instead');
  return current ?? mainThread;
});
export const get_ident = pyFunction('', 'get_ident', Q, (): number => stateOf(current ?? mainThread).ident!);
export const get_native_id = pyFunction('', 'get_native_id', Q, (): number => stateOf(current ?? mainThread).ident!);
export const active_count = pyFunction('', 'active_count', Q, (): number => 1 + running.length + pendingTimers.size);
export const activeCount = pyFunction('', 'activeCount', Q, (): number => {
  deprecated('activeCount() is deprecated, use active_count() instead');
  return 1 + running.length + pendingTimers.size;
});
export const enumerate = pyFunction('', 'enumerate', Q, (): unknown[] => [mainThread, ...running, ...pendingTimers]);

let traceHook: unknown = null;
let profileHook: unknown = null;
export const settrace = pyFunction('func', 'settrace', Q, (f: unknown): null => {
  traceHook = f;
  return null;
});
export const gettrace = pyFunction('', 'gettrace', Q, (): unknown => traceHook);
export const setprofile = pyFunction('func', 'setprofile', Q, (f: unknown): null => {
  profileHook = f;
  return null;
});
export const getprofile = pyFunction('', 'getprofile', Q, (): unknown => profileHook);
export const stack_size = pyFunction('size=, /', 'stack_size', Q, (size: unknown = 0): number => {
  const n = seconds(size);
  if (n !== 0 && n < 32768) throw new ValueError('size not valid: 32768 bytes');
  return 0;
});

// --- Timer -------------------------------------------------------------------------------------------------------

const pendingTimers = new Set<object>();

export const Timer = defineClass(Q, 'Timer', [Thread], {
  __init__: pyFunction('self, interval, function, args=, kwargs=', 'Timer.__init__', Q,
    (t: unknown, interval: unknown, fn: unknown, args: unknown = null, kwargs: unknown = null): null => {
      call(getattr(Thread, '__init__'), [t], null);
      setattr(t, 'interval', interval);
      setattr(t, 'function', fn);
      setattr(t, 'args', args === null ? [] : args);
      setattr(t, 'kwargs', kwargs === null ? new PyDict() : kwargs);
      setattr(t, 'finished', call(Event, [], null));
      return null;
    }),
  start: pyFunction('self', 'Timer.start', Q, (t: unknown): null => {
    const s = stateOf(t);
    if (s.started) throw new RuntimeError('threads can only be started once');
    s.started = true;
    s.ident = nextIdent++;
    pendingTimers.add(t as object);
    s.timer = setTimeout(() => fire(t as object), seconds(getattr(t, 'interval')) * 1000);
    return null;
  }),
  run: pyFunction('self', 'Timer.run', Q, (t: unknown): null => {
    const finished = getattr(t, 'finished');
    if (!truthy(callMethod(finished, 'is_set'))) {
      const kwargs = getattr(t, 'kwargs');
      call(getattr(t, 'function'), [...iterate(getattr(t, 'args'))], kwargsOf(kwargs));
    }
    callMethod(finished, 'set');
    return null;
  }),
  cancel: pyFunction('self', 'Timer.cancel', Q, (t: unknown): null => {
    callMethod(getattr(t, 'finished'), 'set');
    const s = stateOf(t);
    if (s.timer !== undefined && s.timer !== null) clearTimeout(s.timer);
    s.timer = null;
    if (pendingTimers.delete(t as object)) s.stopped = true;
    return null;
  }),
  join: pyFunction('self, timeout=', 'Timer.join', Q, (t: unknown, timeout: unknown = null): null => {
    const s = stateOf(t);
    if (!s.started) throw new RuntimeError('cannot join thread before it is started');
    if (!pendingTimers.has(t as object)) return null;
    // Waiting for the timer: its time passes here, then it fires (unless the wait's own timeout ends first).
    const left = seconds(getattr(t, 'interval'));
    if (timeout !== null && seconds(timeout) < left) {
      timeSleep(seconds(timeout));
      return null;
    }
    timeSleep(left);
    fire(t as object);
    return null;
  }),
});

function fire(t: object): void {
  const s = stateOf(t);
  if (!pendingTimers.delete(t)) return;
  if (s.timer !== undefined && s.timer !== null) clearTimeout(s.timer);
  s.timer = null;
  runThread(t, s);
}

// --- locks -------------------------------------------------------------------------------------------------------

const lockState = new WeakMap<object, { locked: boolean }>();

/** `_thread.lock`, what Lock() gives. */
export const Lock = defineClass('_thread', 'lock', [], {
  __init__: pyFunction('self', 'lock.__init__', '_thread', (l: unknown): null => {
    lockState.set(l as object, { locked: false });
    return null;
  }),
  acquire: pyFunction('self, blocking=, timeout=', 'lock.acquire', '_thread', (l: unknown, blocking?: unknown, timeout?: unknown): boolean => {
    const wait = acquireTimeout(blocking, timeout);
    const st = lockState.get(l as object)!;
    if (!st.locked) {
      st.locked = true;
      return true;
    }
    return waitFor(wait, 'acquiring a lock held by the same thread');
  }),
  release: pyFunction('self', 'lock.release', '_thread', (l: unknown): null => {
    const st = lockState.get(l as object)!;
    if (!st.locked) throw new RuntimeError('release unlocked lock');
    st.locked = false;
    return null;
  }),
  locked: pyFunction('self', 'lock.locked', '_thread', (l: unknown): boolean => lockState.get(l as object)!.locked),
  __enter__: pyFunction('self', 'lock.__enter__', '_thread', (l: unknown): boolean => callMethod(l, 'acquire') as boolean),
  __exit__: pyFunction('self, *args', 'lock.__exit__', '_thread', (l: unknown): null => {
    callMethod(l, 'release');
    return null;
  }),
  __repr__: pyFunction('self', 'lock.__repr__', '_thread', (l: unknown): string =>
    `<${lockState.get(l as object)!.locked ? 'locked' : 'unlocked'} _thread.lock object at ${hex(l)}>`),
});
export const _allocate_lock = Lock;

const rlockState = new WeakMap<object, { owner: number; count: number }>();

/** `_thread.RLock`. */
export const RLock = defineClass('_thread', 'RLock', [], {
  __init__: pyFunction('self', 'RLock.__init__', '_thread', (l: unknown): null => {
    rlockState.set(l as object, { owner: 0, count: 0 });
    return null;
  }),
  acquire: pyFunction('self, blocking=, timeout=', 'RLock.acquire', '_thread', (l: unknown, blocking?: unknown, timeout?: unknown): boolean => {
    const wait = acquireTimeout(blocking, timeout);
    const st = rlockState.get(l as object)!;
    const me = get_ident() as number;
    if (st.count === 0 || st.owner === me) {
      st.owner = me;
      st.count += 1;
      return true;
    }
    return waitFor(wait, 'acquiring a lock held by another thread');
  }),
  release: pyFunction('self', 'RLock.release', '_thread', (l: unknown): null => {
    const st = rlockState.get(l as object)!;
    if (st.count === 0 || st.owner !== get_ident()) throw new RuntimeError('cannot release un-acquired lock');
    st.count -= 1;
    if (st.count === 0) st.owner = 0;
    return null;
  }),
  _is_owned: pyFunction('self', 'RLock._is_owned', '_thread', (l: unknown): boolean => {
    const st = rlockState.get(l as object)!;
    return st.count > 0 && st.owner === get_ident();
  }),
  __enter__: pyFunction('self', 'RLock.__enter__', '_thread', (l: unknown): boolean => callMethod(l, 'acquire') as boolean),
  __exit__: pyFunction('self, *args', 'RLock.__exit__', '_thread', (l: unknown): null => {
    callMethod(l, 'release');
    return null;
  }),
  __repr__: pyFunction('self', 'RLock.__repr__', '_thread', (l: unknown): string => {
    const st = rlockState.get(l as object)!;
    return `<${st.count > 0 ? 'locked' : 'unlocked'} _thread.RLock object owner=${st.owner} count=${st.count} at ${hex(l)}>`;
  }),
});

function owned(lock: unknown): boolean {
  if (lockState.has(lock as object)) return lockState.get(lock as object)!.locked;
  if (rlockState.has(lock as object)) {
    const st = rlockState.get(lock as object)!;
    return st.count > 0 && st.owner === get_ident();
  }
  return truthy(callMethod(lock, '_is_owned'));
}

export const Condition = defineClass(Q, 'Condition', [], {
  __init__: pyFunction('self, lock=', 'Condition.__init__', Q, (c: unknown, lock: unknown = null): null => {
    setattr(c, '_lock', lock === null ? call(RLock, [], null) : lock);
    return null;
  }),
  acquire: pyFunction('self, *args', 'Condition.acquire', Q, (c: unknown, args: unknown): unknown => call(getattr(getattr(c, '_lock'), 'acquire'), [...iterate(args)], null)),
  release: pyFunction('self', 'Condition.release', Q, (c: unknown): unknown => callMethod(getattr(c, '_lock'), 'release')),
  __enter__: pyFunction('self', 'Condition.__enter__', Q, (c: unknown): unknown => callMethod(getattr(c, '_lock'), 'acquire')),
  __exit__: pyFunction('self, *args', 'Condition.__exit__', Q, (c: unknown): unknown => callMethod(getattr(c, '_lock'), 'release')),
  wait: pyFunction('self, timeout=', 'Condition.wait', Q, (c: unknown, timeout: unknown = null): boolean => {
    if (!owned(getattr(c, '_lock'))) throw new RuntimeError('cannot wait on un-acquired lock');
    return waitFor(timeout === null ? null : seconds(timeout), 'waiting on a Condition no other thread can notify');
  }),
  wait_for: pyFunction('self, predicate, timeout=', 'Condition.wait_for', Q, (c: unknown, predicate: unknown, timeout: unknown = null): unknown => {
    const result = call(predicate, [], null);
    if (truthy(result)) return result;
    callMethod(c, 'wait', timeout);
    return call(predicate, [], null);
  }),
  notify: pyFunction('self, n=', 'Condition.notify', Q, (c: unknown): null => {
    if (!owned(getattr(c, '_lock'))) throw new RuntimeError('cannot notify on un-acquired lock');
    return null;
  }),
  notify_all: pyFunction('self', 'Condition.notify_all', Q, (c: unknown): null => {
    if (!owned(getattr(c, '_lock'))) throw new RuntimeError('cannot notify on un-acquired lock');
    return null;
  }),
  notifyAll: pyFunction('self', 'Condition.notifyAll', Q, (c: unknown): unknown => {
    deprecated('notifyAll() is deprecated, use notify_all() instead');
    return callMethod(c, 'notify_all');
  }),
  __repr__: pyFunction('self', 'Condition.__repr__', Q, (c: unknown): string => `<Condition(${str(callMethod(getattr(c, '_lock'), '__repr__'))}, 0)>`),
});

export const Semaphore = defineClass(Q, 'Semaphore', [], {
  __init__: pyFunction('self, value=', 'Semaphore.__init__', Q, (s: unknown, value: unknown = 1): null => {
    if (seconds(value) < 0) throw new ValueError('semaphore initial value must be >= 0');
    setattr(s, '_value', value);
    return null;
  }),
  acquire: pyFunction('self, blocking=, timeout=', 'Semaphore.acquire', Q, (s: unknown, blocking: unknown = true, timeout: unknown = null): boolean => {
    if (!truthy(blocking) && timeout !== null) throw new ValueError("can't specify timeout for non-blocking acquire");
    const value = seconds(getattr(s, '_value'));
    if (value > 0) {
      setattr(s, '_value', value - 1);
      return true;
    }
    if (!truthy(blocking)) return false;
    return waitFor(timeout === null ? null : seconds(timeout), 'acquiring a Semaphore no other thread can release');
  }),
  release: pyFunction('self, n=', 'Semaphore.release', Q, (s: unknown, n: unknown = 1): null => {
    if (seconds(n) < 1) throw new ValueError('n must be one or more');
    setattr(s, '_value', seconds(getattr(s, '_value')) + seconds(n));
    return null;
  }),
  __enter__: pyFunction('self', 'Semaphore.__enter__', Q, (s: unknown): unknown => callMethod(s, 'acquire')),
  __exit__: pyFunction('self, *args', 'Semaphore.__exit__', Q, (s: unknown): null => {
    callMethod(s, 'release');
    return null;
  }),
  __repr__: pyFunction('self', 'Semaphore.__repr__', Q, (s: unknown): string =>
    `<${(getattr(getattr(s, '__class__'), '__module__') as string)}.${typeName(s)} at ${hex(s)}: value=${str(getattr(s, '_value'))}>`),
});

export const BoundedSemaphore = defineClass(Q, 'BoundedSemaphore', [Semaphore], {
  __init__: pyFunction('self, value=', 'BoundedSemaphore.__init__', Q, (s: unknown, value: unknown = 1): null => {
    call(getattr(Semaphore, '__init__'), [s, value], null);
    setattr(s, '_initial_value', value);
    return null;
  }),
  release: pyFunction('self, n=', 'BoundedSemaphore.release', Q, (s: unknown, n: unknown = 1): null => {
    if (seconds(n) < 1) throw new ValueError('n must be one or more');
    if (seconds(getattr(s, '_value')) + seconds(n) > seconds(getattr(s, '_initial_value'))) throw new ValueError('Semaphore released too many times');
    setattr(s, '_value', seconds(getattr(s, '_value')) + seconds(n));
    return null;
  }),
  __repr__: pyFunction('self', 'BoundedSemaphore.__repr__', Q, (s: unknown): string =>
    `<threading.BoundedSemaphore at ${hex(s)}: value=${str(getattr(s, '_value'))}/${str(getattr(s, '_initial_value'))}>`),
});

export const Event = defineClass(Q, 'Event', [], {
  __init__: pyFunction('self', 'Event.__init__', Q, (e: unknown): null => {
    setattr(e, '_flag', false);
    return null;
  }),
  is_set: pyFunction('self', 'Event.is_set', Q, (e: unknown): boolean => truthy(getattr(e, '_flag'))),
  isSet: pyFunction('self', 'Event.isSet', Q, (e: unknown): unknown => {
    deprecated('isSet() is deprecated, use is_set() instead');
    return callMethod(e, 'is_set');
  }),
  set: pyFunction('self', 'Event.set', Q, (e: unknown): null => {
    setattr(e, '_flag', true);
    return null;
  }),
  clear: pyFunction('self', 'Event.clear', Q, (e: unknown): null => {
    setattr(e, '_flag', false);
    return null;
  }),
  wait: pyFunction('self, timeout=', 'Event.wait', Q, (e: unknown, timeout: unknown = null): boolean => {
    if (truthy(getattr(e, '_flag'))) return true;
    return waitFor(timeout === null ? null : seconds(timeout), 'waiting for an Event no other thread can set');
  }),
  __repr__: pyFunction('self', 'Event.__repr__', Q, (e: unknown): string =>
    `<threading.Event at ${hex(e)}: ${truthy(getattr(e, '_flag')) ? 'set' : 'unset'}>`),
});

export const BrokenBarrierError = defineClass(Q, 'BrokenBarrierError', [RuntimeError], {});

export const Barrier = defineClass(Q, 'Barrier', [], {
  __init__: pyFunction('self, parties, action=, timeout=', 'Barrier.__init__', Q, (b: unknown, parties: unknown, action: unknown = null, timeout: unknown = null): null => {
    if (seconds(parties) < 1) throw new ValueError('parties must be > 0');
    setattr(b, '_parties', parties);
    setattr(b, '_action', action);
    setattr(b, '_timeout', timeout);
    setattr(b, '_broken', false);
    return null;
  }),
  wait: pyFunction('self, timeout=', 'Barrier.wait', Q, (b: unknown, timeout: unknown = null): number => {
    if (truthy(getattr(b, '_broken'))) throw newException(BrokenBarrierError, [], null);
    if (seconds(getattr(b, '_parties')) === 1) {
      const action = getattr(b, '_action');
      if (action !== null) call(action, [], null);
      return 0;
    }
    const t = timeout === null ? getattr(b, '_timeout') : timeout;
    waitFor(t === null ? null : seconds(t), 'waiting at a Barrier no other thread can reach');
    setattr(b, '_broken', true);
    throw newException(BrokenBarrierError, [], null);
  }),
  reset: pyFunction('self', 'Barrier.reset', Q, (b: unknown): null => {
    setattr(b, '_broken', false);
    return null;
  }),
  abort: pyFunction('self', 'Barrier.abort', Q, (b: unknown): null => {
    setattr(b, '_broken', true);
    return null;
  }),
  parties: property(pyFunction('self', 'Barrier.parties', Q, (b: unknown): unknown => getattr(b, '_parties'))),
  n_waiting: property(pyFunction('self', 'Barrier.n_waiting', Q, (): number => 0)),
  broken: property(pyFunction('self', 'Barrier.broken', Q, (b: unknown): unknown => getattr(b, '_broken'))),
});

/** `_thread._local`: with one thread, a plain object whose attributes are its own. */
export const local = defineClass('_thread', '_local', [], {});

