/**
 * asyncio.locks: Lock, Event, Condition, Semaphore, BoundedSemaphore and
 * Barrier, as CPython 3.11's: FIFO waiters as Futures of the running loop,
 * woken with set_result (so through call_soon, in CPython's order).
 */
import { RuntimeError, ValueError } from '../builtins/exceptions.js';
import { callableClass } from '../builtins/callableClass.js';
import { truthy } from '../builtins/truth.js';
import { invokeCallback, get_running_loop } from './events.js';
import type { Future } from './futures.js';
import { BrokenBarrierError, CancelledError } from './exceptions.js';
import { aw, runtimeCoroutine, type PyCoroutine } from './coroutines.js';
import { markCoroutineFunctions } from './coroutineFunctions.js';
import { defaultRepr } from '../builtins/classes.js';
import { takeKeywords } from './keywords.js';
import { seconds } from './baseEvents.js';

/** CPython's `f'<{res[1:-1]} [{extra}]>'` over object's repr: a subclass shows its own name. */
function primitiveRepr(self: object, extra: string): string {
  return `<${defaultRepr(self).slice(1, -1)} [${extra}]>`;
}

function removeFirst(list: Future[], fut: Future): void {
  const i = list.indexOf(fut);
  if (i >= 0) list.splice(i, 1);
}

/** `async with lock:` — acquire on entry, release on exit. */
abstract class ContextManagerMixin {
  abstract acquire(): PyCoroutine;
  abstract release(): null;

  __aenter__(): PyCoroutine {
    return runtimeCoroutine(mixinEnter, [this], `${(this.constructor as unknown as { __name__: string }).__name__}.__aenter__`);
  }

  __aexit__(): PyCoroutine {
    return runtimeCoroutine(mixinExit, [this], `${(this.constructor as unknown as { __name__: string }).__name__}.__aexit__`);
  }
}

async function mixinEnter(self: ContextManagerMixin): Promise<unknown> {
  await aw(self.acquire());
  return null;
}

async function mixinExit(self: ContextManagerMixin): Promise<unknown> {
  self.release();
  return null;
}

class LockImpl extends ContextManagerMixin {
  static readonly __name__ = 'Lock';
  static readonly __module__ = 'asyncio.locks';
  _waiters: Future[] | null = null;
  _locked = false;

  locked(): boolean {
    return this._locked;
  }

  acquire(): PyCoroutine {
    return runtimeCoroutine(lockAcquire, [this], 'Lock.acquire');
  }

  release(): null {
    if (!this._locked) throw new RuntimeError('Lock is not acquired.');
    this._locked = false;
    this._wake_up_first();
    return null;
  }

  _wake_up_first(): void {
    const fut = this._waiters?.[0];
    if (fut !== undefined && !fut.done()) fut.set_result(true);
  }

  __repr__(): string {
    let extra = this._locked ? 'locked' : 'unlocked';
    if (this._waiters !== null && this._waiters.length > 0) extra += `, waiters:${this._waiters.length}`;
    return primitiveRepr(this, extra);
  }
}

async function lockAcquire(self: LockImpl): Promise<unknown> {
  if (!self._locked && (self._waiters === null || self._waiters.every((w) => w.cancelled()))) {
    self._locked = true;
    return true;
  }
  if (self._waiters === null) self._waiters = [];
  const fut = get_running_loop().create_future();
  self._waiters.push(fut);
  try {
    try {
      await aw(fut);
    } finally {
      removeFirst(self._waiters, fut);
    }
  } catch (e) {
    if (e instanceof CancelledError && !self._locked) self._wake_up_first();
    throw e;
  }
  self._locked = true;
  return true;
}

class EventImpl {
  static readonly __name__ = 'Event';
  static readonly __module__ = 'asyncio.locks';
  _waiters: Future[] = [];
  _value = false;

  is_set(): boolean {
    return this._value;
  }

  set(): null {
    if (!this._value) {
      this._value = true;
      const waiters = this._waiters;
      // Indexed: a Queue's task_done sets its Event often, mostly in unoptimised code, where for-of allocates.
      for (let i = 0; i < waiters.length; i++) if (!waiters[i]!.done()) waiters[i]!.set_result(true);
    }
    return null;
  }

  clear(): null {
    this._value = false;
    return null;
  }

  wait(): PyCoroutine {
    return runtimeCoroutine(eventWait, [this], 'Event.wait');
  }

  __repr__(): string {
    let extra = this._value ? 'set' : 'unset';
    if (this._waiters.length > 0) extra += `, waiters:${this._waiters.length}`;
    return primitiveRepr(this, extra);
  }
}

async function eventWait(self: EventImpl): Promise<unknown> {
  if (self._value) return true;
  const fut = get_running_loop().create_future();
  self._waiters.push(fut);
  try {
    await aw(fut);
    return true;
  } finally {
    removeFirst(self._waiters, fut);
  }
}

class ConditionImpl extends ContextManagerMixin {
  static readonly __name__ = 'Condition';
  static readonly __module__ = 'asyncio.locks';
  _lock: LockImpl;
  _waiters: Future[] = [];

  constructor(lock?: unknown) {
    super();
    this._lock = (lock === undefined || lock === null ? new LockImpl() : lock) as LockImpl;
  }

  locked(): boolean {
    return this._lock.locked();
  }

  acquire(): PyCoroutine {
    return this._lock.acquire();
  }

  release(): null {
    return this._lock.release();
  }

  wait(): PyCoroutine {
    return runtimeCoroutine(conditionWait, [this], 'Condition.wait');
  }

  wait_for(predicate: unknown): PyCoroutine {
    return runtimeCoroutine(conditionWaitFor, [this, predicate], 'Condition.wait_for');
  }

  notify(n: unknown = 1): null {
    if (!this.locked()) throw new RuntimeError('cannot notify on un-acquired lock');
    const limit = seconds(n);
    let idx = 0;
    for (const fut of this._waiters) {
      if (idx >= limit) break;
      if (!fut.done()) {
        idx += 1;
        fut.set_result(false);
      }
    }
    return null;
  }

  notify_all(): null {
    return this.notify(this._waiters.length);
  }

  __repr__(): string {
    let extra = this.locked() ? 'locked' : 'unlocked';
    if (this._waiters.length > 0) extra += `, waiters:${this._waiters.length}`;
    return primitiveRepr(this, extra);
  }
}

async function conditionWait(self: ConditionImpl): Promise<unknown> {
  if (!self.locked()) throw new RuntimeError('cannot wait on un-acquired lock');
  self.release();
  try {
    const fut = get_running_loop().create_future();
    self._waiters.push(fut);
    try {
      await aw(fut);
      return true;
    } finally {
      removeFirst(self._waiters, fut);
    }
  } finally {
    // The lock is reacquired even when the wait is cancelled.
    let cancelled = false;
    for (;;) {
      try {
        await aw(self.acquire());
        break;
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        cancelled = true;
      }
    }
    if (cancelled) throw new CancelledError();
  }
}

async function conditionWaitFor(self: ConditionImpl, predicate: unknown): Promise<unknown> {
  let result = invokeCallback(predicate, []);
  while (!truthy(result)) {
    await aw(self.wait());
    result = invokeCallback(predicate, []);
  }
  return result;
}

class SemaphoreImpl extends ContextManagerMixin {
  static readonly __name__: string = 'Semaphore';
  static readonly __module__ = 'asyncio.locks';
  _waiters: Future[] | null = null;
  _value: number;

  constructor(...args: unknown[]) {
    super();
    const kw = takeKeywords(args);
    const value = seconds(args[0] ?? kw?.['value'] ?? 1);
    if (value < 0) throw new ValueError('Semaphore initial value must be >= 0');
    this._value = value;
  }

  locked(): boolean {
    return this._value === 0 || (this._waiters ?? []).some((w) => !w.cancelled());
  }

  acquire(): PyCoroutine {
    return runtimeCoroutine(semaphoreAcquire, [this], `${(this.constructor as unknown as { __name__: string }).__name__}.acquire`);
  }

  release(): null {
    this._value += 1;
    this._wake_up_next();
    return null;
  }

  _wake_up_next(): boolean {
    if (this._waiters === null) return false;
    for (const fut of this._waiters) {
      if (!fut.done()) {
        this._value -= 1;
        fut.set_result(true);
        return true;
      }
    }
    return false;
  }

  __repr__(): string {
    let extra = this.locked() ? 'locked' : `unlocked, value:${this._value}`;
    if (this._waiters !== null && this._waiters.length > 0) extra += `, waiters:${this._waiters.length}`;
    return primitiveRepr(this, extra);
  }
}

async function semaphoreAcquire(self: SemaphoreImpl): Promise<unknown> {
  if (!self.locked()) {
    self._value -= 1;
    return true;
  }
  if (self._waiters === null) self._waiters = [];
  const fut = get_running_loop().create_future();
  self._waiters.push(fut);
  try {
    try {
      await aw(fut);
    } finally {
      removeFirst(self._waiters, fut);
    }
  } catch (e) {
    if (e instanceof CancelledError && !fut.cancelled()) {
      self._value += 1;
      self._wake_up_next();
    }
    throw e;
  }
  if (self._value > 0) self._wake_up_next();
  return true;
}

export const Semaphore = callableClass(SemaphoreImpl);

class BoundedSemaphoreImpl extends Semaphore {
  static override readonly __name__: string = 'BoundedSemaphore';
  _bound_value: number;

  constructor(...args: unknown[]) {
    super(...args);
    this._bound_value = this._value;
  }

  override release(): null {
    if (this._value >= this._bound_value) throw new ValueError('BoundedSemaphore released too many times');
    return super.release();
  }
}

export const Lock = callableClass(LockImpl);
export const Event = callableClass(EventImpl);
export const Condition = callableClass(ConditionImpl);
export const BoundedSemaphore = callableClass(BoundedSemaphoreImpl);
(Semaphore as unknown as { $kw: unknown }).$kw = (args: unknown[], kw: Record<string, unknown>) => new SemaphoreImpl(...args, kw);
(BoundedSemaphore as unknown as { $kw: unknown }).$kw = (args: unknown[], kw: Record<string, unknown>) => new BoundedSemaphoreImpl(...args, kw);
(Condition as unknown as { $kw: unknown }).$kw = (args: unknown[], kw: Record<string, unknown>) => new ConditionImpl(args[0] ?? kw['lock']);

/** A Barrier's state; CPython's `_BarrierState` values. */
type BarrierState = 'filling' | 'draining' | 'resetting' | 'broken';

/**
 * Barrier(parties): `wait()` blocks until `parties` tasks wait, then lets
 * them all through (the last to arrive first, as its wait does not block),
 * each returning its arrival index; then the barrier fills again. Built on
 * a Condition as CPython's is, so tasks wake in the same turns.
 */
class BarrierImpl {
  static readonly __name__ = 'Barrier';
  static readonly __module__ = 'asyncio.locks';
  _cond = new ConditionImpl();
  _parties: number;
  _state: BarrierState = 'filling';
  _count = 0;
  /** The conditions wait() waits for: open to arrivals, and released (or broken). */
  readonly _open = (): boolean => this._state !== 'draining' && this._state !== 'resetting';
  readonly _released = (): boolean => this._state !== 'filling';

  constructor(parties: unknown) {
    const n = seconds(parties);
    if (n < 1) throw new ValueError('parties must be > 0');
    this._parties = n;
  }

  wait(): PyCoroutine {
    return runtimeCoroutine(barrierWait, [this], 'Barrier.wait');
  }

  __aenter__(): PyCoroutine {
    return runtimeCoroutine(barrierWait, [this], 'Barrier.__aenter__');
  }

  __aexit__(): PyCoroutine {
    return runtimeCoroutine(barrierNothing, [], 'Barrier.__aexit__');
  }

  reset(): PyCoroutine {
    return runtimeCoroutine(barrierReset, [this], 'Barrier.reset');
  }

  abort(): PyCoroutine {
    return runtimeCoroutine(barrierAbort, [this], 'Barrier.abort');
  }

  /** The last task out refills the barrier after a release or a reset, and wakes the tasks waiting to enter. */
  _exit(): void {
    if (this._count === 0) {
      if (this._state === 'resetting' || this._state === 'draining') this._state = 'filling';
      this._cond.notify_all();
    }
  }

  get parties(): number {
    return this._parties;
  }

  get n_waiting(): number {
    return this._state === 'filling' ? this._count : 0;
  }

  get broken(): boolean {
    return this._state === 'broken';
  }

  __repr__(): string {
    let extra: string = this._state;
    if (!this.broken) extra += `, waiters:${this.n_waiting}/${this._parties}`;
    return primitiveRepr(this, extra);
  }
}

async function barrierWait(self: BarrierImpl): Promise<unknown> {
  const cond = self._cond;
  await aw(cond.acquire());
  try {
    // Tasks arriving while the previous round drains (or a reset completes) wait for it to end.
    await aw(cond.wait_for(self._open));
    if (self._state === 'broken') throw new BrokenBarrierError('Barrier aborted');
    const index = self._count;
    self._count += 1;
    try {
      if (index + 1 === self._parties) {
        self._state = 'draining';
        cond.notify_all();
      } else {
        await aw(cond.wait_for(self._released));
        // Read again: the wait let abort() or reset() run (TypeScript still narrows it from before).
        const state = self._state as BarrierState;
        if (state === 'broken' || state === 'resetting') throw new BrokenBarrierError('Abort or reset of barrier');
      }
      return index;
    } finally {
      self._count -= 1;
      self._exit();
    }
  } finally {
    cond.release();
  }
}

async function barrierNothing(): Promise<unknown> {
  return null;
}

async function barrierReset(self: BarrierImpl): Promise<unknown> {
  const cond = self._cond;
  await aw(cond.acquire());
  try {
    // Waiting tasks are let out with BrokenBarrierError; the last of them refills the barrier.
    self._state = self._count > 0 ? 'resetting' : 'filling';
    cond.notify_all();
    return null;
  } finally {
    cond.release();
  }
}

async function barrierAbort(self: BarrierImpl): Promise<unknown> {
  const cond = self._cond;
  await aw(cond.acquire());
  try {
    self._state = 'broken';
    cond.notify_all();
    return null;
  } finally {
    cond.release();
  }
}

export const Barrier = callableClass(BarrierImpl);

markCoroutineFunctions(ContextManagerMixin.prototype, ['__aenter__', '__aexit__']);
markCoroutineFunctions(LockImpl.prototype, ['acquire']);
markCoroutineFunctions(EventImpl.prototype, ['wait']);
markCoroutineFunctions(ConditionImpl.prototype, ['acquire', 'wait', 'wait_for']);
markCoroutineFunctions(SemaphoreImpl.prototype, ['acquire']);
markCoroutineFunctions(BarrierImpl.prototype, ['wait', 'reset', 'abort', '__aenter__', '__aexit__']);
