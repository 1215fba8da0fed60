/**
 * asyncio.queues: Queue, PriorityQueue, LifoQueue, as CPython 3.11's:
 * getters and putters are Futures woken one at a time in FIFO order;
 * `join` waits on an Event set when every item is marked done.
 */
import { genericRuntimeClasses } from '../builtins/genericClasses.js';
import { Exception, IndexError, ValueError, type BaseException } from '../builtins/exceptions.js';
import { awaitAgain, awaitThen, currentTask } from './tasks.js';
import { callableClass } from '../builtins/callableClass.js';
import type { PyCallable } from '../builtins/calls.js';
import { repr } from '../builtins/repr.js';
import { lt } from '../builtins/operators.js';
import { truthy } from '../builtins/truth.js';
import { get_running_loop } from './events.js';
import type { Future } from './futures.js';
import { NOT_NOW, aw, addressOf, queueAwaits, runtimeCoroutine, runtimeCoroutineMaker, shortcut, type PyCoroutine } from './coroutines.js';
import { markCoroutineFunctions } from './coroutineFunctions.js';
import { methodKey, plainMethods } from '../builtins/attributeKeys.js';
import { Event } from './locks.js';
import { boxed, seconds } from './baseEvents.js';
import { takeKeywords } from './keywords.js';
import { instanceLen } from '../builtins/dunders.js';
import { iterate } from '../builtins/iteration.js';
import { KEYWORDS_TRAILING } from '../builtins/classes/nativeInit.js';
import { grownRing } from './ring.js';

/** The ring buffer's first capacity (a power of two). */
const RING_INITIAL = 16;

export const QueueEmpty = callableClass(class QueueEmpty extends Exception {
  static readonly __module__ = 'asyncio.queues';
});
export const QueueFull = callableClass(class QueueFull extends Exception {
  static readonly __module__ = 'asyncio.queues';
});

type EventLike = { set(): null; clear(): null; wait(): PyCoroutine };

class QueueImpl {
  static readonly __name__: string = 'Queue';
  static readonly __module__ = 'asyncio.queues';

  _maxsize: unknown;
  readonly $max: number;
  _getters: Future[] = [];
  _putters: Future[] = [];
  _unfinished_tasks = 0;
  _finished: EventLike;
  _queue: unknown[] = [];
  $head = 0;
  /**
   * An asyncio.Queue itself keeps its items in `_queue` as a ring buffer
   * (capacity a power of two, `$count` items from `$head`), which never
   * shrinks: an array emptied from the front has its storage trimmed by V8
   * and regrown by the next puts, an allocation every few items of a
   * bounded queue. -1 for the subclasses, whose `_get`/`_put`/`qsize` (the
   * runtime's or Python's) use `_queue` as a plain list, as CPython's do.
   */
  $count = -1;
  /** A Python subclass's `_init` made `_queue`, which may be any container: its length and items are asked of it. */
  $customStorage = false;

  constructor(...args: unknown[]) {
    const kw = takeKeywords(args);
    this._maxsize = args[0] ?? kw?.['maxsize'] ?? 0;
    this.$max = seconds(this._maxsize);
    this._finished = new Event() as unknown as EventLike;
    this._finished.set();
    if (Object.getPrototypeOf(this) === QueueImpl.prototype) {
      this._queue = new Array<unknown>(RING_INITIAL).fill(undefined);
      this.$count = 0;
    } else if ((this as unknown as Record<string, unknown>)['_init'] !== QueueImpl.prototype._init) {
      // CPython's __init__ ends with `self._init(maxsize)`, the hook a subclass makes its storage in.
      this.$customStorage = true;
      selfCall(this, '_init', this._maxsize);
    }
  }

  /** The storage of a subclass (a list from `$head` on), for a subclass's `_init` calling its base's. */
  _init(_maxsize: unknown): null {
    this._queue = [];
    this.$head = 0;
    return null;
  }

  // The storage, overridden by PriorityQueue and LifoQueue.
  _get(): unknown {
    const queue = this._queue;
    const head = this.$head;
    if (this.$count >= 0) {
      if (this.$count === 0) throw new IndexError('pop from an empty deque');
      const item = queue[head];
      queue[head] = undefined;
      this.$head = (head + 1) & (queue.length - 1);
      this.$count--;
      return item;
    }
    const item = queue[head];
    if (head + 1 === queue.length) {
      // Emptied: the next item goes to the front again (a bounded queue drained by its getters stays small).
      queue.length = 0;
      this.$head = 0;
      return item;
    }
    queue[head] = undefined;
    this.$head = head + 1;
    if (head >= 64 && (head + 1) * 2 > queue.length) {
      // Half of it consumed: moved down in place, without a new array.
      queue.copyWithin(0, head + 1);
      queue.length -= head + 1;
      this.$head = 0;
    }
    return item;
  }

  _put(item: unknown): void {
    const count = this.$count;
    if (count < 0) {
      this._queue.push(item);
      return;
    }
    let queue = this._queue;
    if (count === queue.length) queue = this.$growRing();
    queue[(this.$head + count) & (queue.length - 1)] = item;
    this.$count = count + 1;
  }

  private $growRing(): unknown[] {
    const ring = grownRing(this._queue, this.$head, this.$count);
    this._queue = ring;
    this.$head = 0;
    return ring;
  }

  $items(): unknown[] {
    if (this.$customStorage) return [...iterate(this._queue)];
    if (this.$count < 0) return this._queue.slice(this.$head);
    const out: unknown[] = [];
    for (let i = 0; i < this.$count; i++) out.push(this._queue[(this.$head + i) & (this._queue.length - 1)]);
    return out;
  }

  _wakeup_next(waiters: Future[]): void {
    while (waiters.length > 0) {
      const waiter = waiters.shift()!;
      if (!waiter.done()) {
        waiter.set_result(null);
        break;
      }
    }
  }

  _format(): string {
    let result = `maxsize=${repr(this._maxsize)}`;
    const items = this.$items();
    if (items.length > 0) result += ` _queue=${repr(items)}`;
    if (this._getters.length > 0) result += ` _getters[${this._getters.length}]`;
    if (this._putters.length > 0) result += ` _putters[${this._putters.length}]`;
    if (this._unfinished_tasks) result += ` tasks=${this._unfinished_tasks}`;
    return result;
  }

  __repr__(): string {
    return `<${(this.constructor as unknown as { __name__: string }).__name__} at ${addressOf(this)} ${this._format()}>`;
  }

  __str__(): string {
    return `<${(this.constructor as unknown as { __name__: string }).__name__} ${this._format()}>`;
  }

  qsize(): number {
    if (this.$customStorage) return storageLength(this._queue);
    return this.$count >= 0 ? this.$count : this._queue.length - this.$head;
  }

  get maxsize(): unknown {
    return this._maxsize;
  }

  empty(): boolean {
    return this.qsize() === 0;
  }

  full(): boolean {
    if (this.$max <= 0) return false;
    return this.qsize() >= this.$max;
  }

  put(item: unknown): PyCoroutine {
    return newPut([this, item]);
  }

  put_nowait(item: unknown): null {
    if (isTrue(selfCall(this, 'full'))) throw new QueueFull();
    selfCall(this, '_put', item);
    this._unfinished_tasks += 1;
    this._finished.clear();
    this._wakeup_next(this._getters);
    return null;
  }

  get(): PyCoroutine {
    return newGet([this]);
  }

  get_nowait(): unknown {
    if (isTrue(selfCall(this, 'empty'))) throw new QueueEmpty();
    const item = selfCall(this, '_get');
    this._wakeup_next(this._putters);
    return item;
  }

  task_done(): null {
    if (this._unfinished_tasks <= 0) throw new ValueError('task_done() called too many times');
    this._unfinished_tasks -= 1;
    if (this._unfinished_tasks === 0) this._finished.set();
    return null;
  }

  join(): PyCoroutine {
    return runtimeCoroutine(queueJoin, [this], 'Queue.join');
  }
}

/**
 * `self.name(arg)` as CPython's queues.py calls it: a Python subclass's
 * override (a plain function taking the instance first) is called as one.
 */
function selfCall(self: QueueImpl, name: 'full' | 'empty' | 'put_nowait' | 'get_nowait' | '_put' | '_get' | '_init', arg?: unknown): unknown {
  const o = self as unknown as Record<string, (...a: unknown[]) => unknown>;
  const f = o[name]!;
  // No argument is passed as none (a replacement taking no parameters must not get an undefined one).
  if (!isRuntimeQueue(self) && o[methodKey(name)] === f) return arg === undefined ? f(self) : f(self, arg);
  return arg === undefined ? f.call(self) : f.call(self, arg);
}

/** `len(self._queue)` of a subclass's own storage (a list, deque, dict…). */
function storageLength(storage: unknown): number {
  if (Array.isArray(storage)) return storage.length;
  // dict, set and their kin keep their size; other containers answer `__len__`.
  const size = (storage as { $size?: unknown } | null)?.$size;
  return typeof size === 'number' ? size : instanceLen(storage);
}

function isTrue(v: unknown): boolean {
  return v === true || (v !== false && truthy(v));
}

function removeWaiter(list: Future[], fut: Future): void {
  const i = list.indexOf(fut);
  if (i >= 0) list.splice(i, 1);
}

async function queuePut(self: QueueImpl, item: unknown): Promise<unknown> {
  while (isTrue(selfCall(self, 'full'))) {
    const putter = get_running_loop().create_future();
    self._putters.push(putter);
    try {
      await aw(putter);
    } catch (e) {
      putter.cancel();
      removeWaiter(self._putters, putter);
      if (!isTrue(selfCall(self, 'full')) && !putter.cancelled()) self._wakeup_next(self._putters);
      throw e;
    }
  }
  return selfCall(self, 'put_nowait', item);
}

async function queueGet(self: QueueImpl): Promise<unknown> {
  while (isTrue(selfCall(self, 'empty'))) {
    const getter = get_running_loop().create_future();
    self._getters.push(getter);
    try {
      await aw(getter);
    } catch (e) {
      getter.cancel();
      removeWaiter(self._getters, getter);
      if (!isTrue(selfCall(self, 'empty')) && !getter.cancelled()) self._wakeup_next(self._getters);
      throw e;
    }
  }
  return boxedItem(selfCall(self, 'get_nowait'));
}

// Awaited when no waiting is needed: CPython's put/get run straight to put_nowait/get_nowait.
shortcut(queuePut, (coro, args) => {
  const self = args[0] as QueueImpl;
  if (isPlainForPut(self)) {
    // The same steps as below, without looking each method up: nothing in them is overridden.
    if (self.$max > 0 && self.$count >= self.$max) return NOT_NOW;
    coro.$consume();
    return putPlain(self, args[1]);
  }
  // The body checks again when it runs: a check Python code overrides must be called once, by the body.
  if (!silentCheck(self, 'full') || isTrue(selfCall(self, 'full'))) return NOT_NOW;
  coro.$consume();
  return selfCall(self, 'put_nowait', args[1]);
});
shortcut(queueGet, (coro, args) => {
  const self = args[0] as QueueImpl;
  if (isPlainForGet(self)) {
    if (self.$count === 0) return NOT_NOW;
    coro.$consume();
    return boxed(takePlain(self));
  }
  if (!silentCheck(self, 'empty') || isTrue(selfCall(self, 'empty'))) return NOT_NOW;
  coro.$consume();
  return boxedItem(selfCall(self, 'get_nowait'));
});

const newPut = runtimeCoroutineMaker(queuePut, 'Queue.put');
const newGet = runtimeCoroutineMaker(queueGet, 'Queue.get');

/** An item handed back through a Promise: a Future in the queue must not be adopted by JS. */
function boxedItem(v: unknown): unknown {
  return boxed(v);
}

async function queueJoin(self: QueueImpl): Promise<unknown> {
  if (self._unfinished_tasks > 0) await aw(self._finished.wait());
  return null;
}

export const Queue = callableClass(QueueImpl);
// `asyncio.Queue[int]` (and its subclasses'): a types.GenericAlias, as CPython's __class_getitem__ makes.
genericRuntimeClasses.add(Queue);

class PriorityQueueImpl extends Queue {
  static override readonly __name__: string = 'PriorityQueue';

  override _put(item: unknown): void {
    // heapq.heappush with Python's `<`.
    const heap = this._queue;
    heap.push(item);
    let pos = heap.length - 1;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (truthy(lt(item, heap[parent]))) {
        heap[pos] = heap[parent];
        pos = parent;
        continue;
      }
      break;
    }
    heap[pos] = item;
  }

  override _get(): unknown {
    const heap = this._queue;
    const last = heap.pop();
    if (heap.length === 0) return last;
    const top = heap[0];
    heap[0] = last;
    // heapq's _siftup: down to a leaf by the smaller child, then back up.
    const end = heap.length;
    let pos = 0;
    const item = heap[0];
    let child = 1;
    while (child < end) {
      const right = child + 1;
      if (right < end && !truthy(lt(heap[child], heap[right]))) child = right;
      heap[pos] = heap[child];
      pos = child;
      child = 2 * pos + 1;
    }
    heap[pos] = item;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (truthy(lt(item, heap[parent]))) {
        heap[pos] = heap[parent];
        pos = parent;
        continue;
      }
      break;
    }
    heap[pos] = item;
    return top;
  }

  override $items(): unknown[] {
    return this.$customStorage ? super.$items() : [...this._queue];
  }

  override qsize(): number {
    if (this.$customStorage) return super.qsize();
    return this._queue.length;
  }
}

class LifoQueueImpl extends Queue {
  static override readonly __name__: string = 'LifoQueue';

  override _get(): unknown {
    return this._queue.pop();
  }

  override $items(): unknown[] {
    return this.$customStorage ? super.$items() : [...this._queue];
  }

  override qsize(): number {
    if (this.$customStorage) return super.qsize();
    return this._queue.length;
  }
}

// Compiled code's `q.get()` calls these directly (attributeKeys.ts).
plainMethods(QueueImpl.prototype, {
  put: 1, get: 0, put_nowait: 1, get_nowait: 0, task_done: 0, join: 0, qsize: 0, empty: 0, full: 0,
});
for (const impl of [PriorityQueueImpl, LifoQueueImpl]) plainMethods(impl.prototype, { qsize: 0 });

const plain = QueueImpl.prototype as unknown as Record<string, unknown>;
const [plainFull, plainEmpty, plainPutNowait, plainGetNowait, plainPut, plainGet, plainWakeup, plainQsize] =
  (['full', 'empty', 'put_nowait', 'get_nowait', '_put', '_get', '_wakeup_next', 'qsize'] as const).map((name) => plain[name]);

/*
 * An asyncio.Queue itself (not a subclass) whose methods that put/get call
 * are still the runtime's own, on the instance and the class (Python code
 * may replace either): put/get may then skip looking each one up.
 */
function isPlainForPut(q: QueueImpl): boolean {
  const o = q as unknown as Record<string, unknown>;
  return Object.getPrototypeOf(q) === QueueImpl.prototype && o['full'] === plainFull && o['qsize'] === plainQsize
    && o['put_nowait'] === plainPutNowait && o['_put'] === plainPut && o['_wakeup_next'] === plainWakeup;
}

function isPlainForGet(q: QueueImpl): boolean {
  const o = q as unknown as Record<string, unknown>;
  return Object.getPrototypeOf(q) === QueueImpl.prototype && o['empty'] === plainEmpty && o['qsize'] === plainQsize
    && o['get_nowait'] === plainGetNowait && o['_get'] === plainGet && o['_wakeup_next'] === plainWakeup;
}

/** The runtime's own full/empty/qsize (those of the subclasses included): calling them has no effect Python code sees. */
const runtimeChecks = new Set<unknown>([
  plainFull, plainEmpty, plainQsize,
  (PriorityQueueImpl.prototype as unknown as Record<string, unknown>)['qsize'],
  (LifoQueueImpl.prototype as unknown as Record<string, unknown>)['qsize'],
]);

/** Whether `q.full()` / `q.empty()` is the runtime's, on the runtime's qsize: a shortcut may call it before the body does. */
function silentCheck(q: QueueImpl, name: 'full' | 'empty'): boolean {
  const o = q as unknown as Record<string, unknown>;
  return runtimeChecks.has(o[name]) && runtimeChecks.has(o['qsize']);
}

// `await q.get()` / `await q.put(x)` compiled (awaitGet/awaitPut): the shortcuts above without the coroutine object,
// when `get`/`put` themselves are the runtime's too.
const [plainGetMethod, plainPutMethod] = [plain['get'], plain['put']];
queueAwaits.proto = QueueImpl.prototype;
queueAwaits.get = (q: QueueImpl): unknown => {
  if ((q as unknown as Record<string, unknown>)['get'] !== plainGetMethod || !isPlainForGet(q)) return NOT_NOW;
  if (q.$count === 0) return currentTask() === null ? NOT_NOW : waitOn(q, GET_SIDE, undefined);
  return boxed(takePlain(q));
};
queueAwaits.put = (q: QueueImpl, item: unknown): unknown => {
  if ((q as unknown as Record<string, unknown>)['put'] !== plainPutMethod || !isPlainForPut(q)) return NOT_NOW;
  if (q.$max > 0 && q.$count >= q.$max) return currentTask() === null ? NOT_NOW : waitOn(q, PUT_SIDE, item);
  return putPlain(q, item);
};

/*
 * get_nowait() and put_nowait(item) of a plain asyncio.Queue known not to
 * be empty / full (isPlainForGet / isPlainForPut): the same steps, without
 * looking each method up.
 */
function takePlain(q: QueueImpl): unknown {
  const item = q._get();
  if (q._putters.length > 0) q._wakeup_next(q._putters);
  return item;
}

function putPlain(q: QueueImpl, item: unknown): null {
  q._put(item);
  q._unfinished_tasks += 1;
  q._finished.clear();
  if (q._getters.length > 0) q._wakeup_next(q._getters);
  return null;
}

/*
 * queueGet's and queuePut's loops for the awaiting Task, without their
 * coroutine: the code after `await getter` runs as a continuation of the
 * Task's next step (tasks.ts awaitThen), exactly as the coroutine's body
 * would have resumed there. Both loops are CPython's get/put, which differ
 * only in the waiter list, the test that makes them wait and the *_nowait
 * call that ends them: a Side says which.
 */
interface Side {
  waiters(q: QueueImpl): Future[];
  /** `self.empty()` / `self.full()`: whether the Task must wait (again). */
  blocked(q: QueueImpl): boolean;
  finish(q: QueueImpl, item: unknown): unknown;
}

// A plain queue's checks and *_nowait calls are made directly, as in awaitGet/awaitPut (nothing in them is overridden).
const GET_SIDE: Side = {
  waiters: (q) => q._getters,
  blocked: (q) => (isPlainForGet(q) ? q.$count === 0 : isTrue(selfCall(q, 'empty'))),
  finish: (q) => (isPlainForGet(q) ? takePlain(q) : selfCall(q, 'get_nowait')),
};

const PUT_SIDE: Side = {
  waiters: (q) => q._putters,
  blocked: (q) => (isPlainForPut(q) ? q.$max > 0 && q.$count >= q.$max : isTrue(selfCall(q, 'full'))),
  finish: (q, item) => (isPlainForPut(q) ? putPlain(q, item) : selfCall(q, 'put_nowait', item)),
};

/** `waiter = create_future(); waiters.append(waiter); await waiter`, then `afterWait` in the Task's next step. */
function waitOn(q: QueueImpl, side: Side, item: unknown): unknown {
  const waiter = get_running_loop().create_future();
  side.waiters(q).push(waiter);
  return awaitThen(waiter, (exc) => afterWait(q, side, item, waiter, exc));
}

function afterWait(q: QueueImpl, side: Side, item: unknown, waiter: Future, exc: BaseException | undefined): unknown {
  if (exc !== undefined) {
    waiter.cancel();
    const waiters = side.waiters(q);
    removeWaiter(waiters, waiter);
    if (!side.blocked(q) && !waiter.cancelled()) q._wakeup_next(waiters);
    throw exc;
  }
  if (side.blocked(q)) {
    const next = get_running_loop().create_future();
    side.waiters(q).push(next);
    return awaitAgain(next, (e) => afterWait(q, side, item, next, e));
  }
  return side.finish(q, item);
}

function isRuntimeQueue(q: QueueImpl): boolean {
  const proto = Object.getPrototypeOf(q) as object;
  return proto === QueueImpl.prototype || proto === PriorityQueueImpl.prototype || proto === LifoQueueImpl.prototype;
}

export const PriorityQueue = callableClass(PriorityQueueImpl);
export const LifoQueue = callableClass(LifoQueueImpl);
// `Queue(maxsize=2)`: the call layer hands a runtime class its keywords through `$kw`; the constructor reads them trailing.
for (const cls of [Queue, PriorityQueue, LifoQueue]) {
  (cls as unknown as PyCallable).$kw = (args: unknown[], kw: Record<string, unknown>) => new cls(...args, kw);
}
for (const [cls, impl] of [[Queue, QueueImpl], [PriorityQueue, PriorityQueueImpl], [LifoQueue, LifoQueueImpl]] as const) {
  (cls as unknown as { $kw: unknown }).$kw = (args: unknown[], kw: Record<string, unknown>) => new impl(...args, kw);
  // A subclass's `Jobs(maxsize=2)` runs the constructor with its own prototype: it calls the subclass's `_init`.
  (impl as unknown as Record<symbol, boolean>)[KEYWORDS_TRAILING] = true;
}

markCoroutineFunctions(QueueImpl.prototype, ['put', 'get', 'join']);
