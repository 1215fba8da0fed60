/**
 * Python's `queue` (CPython 3.11's Lib/queue.py and _queue.SimpleQueue) for
 * a program with one thread. Queue, LifoQueue and PriorityQueue keep
 * CPython's structure (`maxsize`, `queue`, `unfinished_tasks` attributes;
 * `_init`/`_qsize`/`_put`/`_get` hooks a subclass may override), so they
 * behave exactly as CPython's whenever an operation can complete at once.
 * An operation that would wait for another thread is different: nothing can
 * change the queue meanwhile, so with a timeout it waits the timeout out and
 * raises Empty or Full, as CPython would; with no timeout (a wait forever,
 * a deadlock in CPython) it raises RuntimeError naming the limit.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { Exception, RuntimeError, ValueError } from '../builtins/exceptions.js';
import { call } from '../builtins/calls.js';
import { callMethod } from '../builtins/attributes.js';
import { len } from '../builtins/functions.js';
import { truthy } from '../builtins/truth.js';
import { GenericAlias } from './types.js';
import { deque } from './collections.js';
import { heappop, heappush } from './heapq.js';
import { sleep } from './time.js';
import { toDouble } from './support/math/args.js';
import { defineClass, newException } from './support/stdlib/pyclass.js';
import { pyClass, pyClassMethod, pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './queue.js';

export const __name__ = 'queue';
loadedModules.$set('queue', self);

export const __all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue'];

export const Empty = defineClass('_queue', 'Empty', [Exception], {
  __doc__: 'Exception raised by Queue.get(block=0)/get_nowait().',
});

export const Full = defineClass('queue', 'Full', [Exception], {
  __doc__: 'Exception raised by Queue.put(block=0)/put_nowait().',
});

/** The Queue state CPython keeps in instance attributes, under its names. */
interface QueueState {
  maxsize: unknown;
  queue: unknown;
  unfinished_tasks: number;
}

function blockedForever(what: string): RuntimeError {
  return new RuntimeError(`${what} would block forever: pyasync runs one thread, so nothing else can change the queue`);
}

/** A timeout argument: None, or a non-negative number of seconds. */
function timeoutSeconds(timeout: unknown): number | null {
  if (timeout === null || timeout === undefined) return null;
  const t = toDouble(timeout);
  if (t < 0) throw new ValueError("'timeout' must be a non-negative number");
  return t;
}

/** Waits out a timeout nothing can cut short, then raises what CPython raises when it expires. */
function expire(seconds: number, exc: unknown): never {
  if (seconds > 0) sleep(seconds);
  throw newException(exc, [], null);
}

const qsize = (q: QueueState): number => Number(callMethod(q, '_qsize'));
const maxsizeOf = (q: QueueState): number => toDouble(q.maxsize);

const method = <F extends (...args: never[]) => unknown>(cls: string, spec: string, name: string, impl: F): F =>
  pyFunction(spec, `${cls}.${name}`, 'queue', impl);

export const Queue = pyClass('Queue', 'queue', [], {
  __doc__: 'Create a queue object with a given maximum size.\n\n    If maxsize is <= 0, the queue size is infinite.\n    ',
  __init__: method('Queue', 'self, maxsize=', '__init__', (q: QueueState, maxsize: unknown = 0) => {
    q.maxsize = maxsize;
    callMethod(q, '_init', maxsize);
    q.unfinished_tasks = 0;
    return null;
  }),
  task_done: method('Queue', 'self', 'task_done', (q: QueueState) => {
    const unfinished = q.unfinished_tasks - 1;
    if (unfinished < 0) throw new ValueError('task_done() called too many times');
    q.unfinished_tasks = unfinished;
    return null;
  }),
  join: method('Queue', 'self', 'join', (q: QueueState) => {
    if (q.unfinished_tasks) throw blockedForever(`Queue.join() with ${q.unfinished_tasks} unfinished task${q.unfinished_tasks === 1 ? '' : 's'}`);
    return null;
  }),
  qsize: method('Queue', 'self', 'qsize', (q: QueueState) => callMethod(q, '_qsize')),
  empty: method('Queue', 'self', 'empty', (q: QueueState) => !truthy(callMethod(q, '_qsize'))),
  full: method('Queue', 'self', 'full', (q: QueueState) => {
    const max = maxsizeOf(q);
    return max > 0 && max <= qsize(q);
  }),
  put: method('Queue', 'self, item, block=, timeout=', 'put', (q: QueueState, item: unknown, block: unknown = true, timeout: unknown = null) => {
    const max = maxsizeOf(q);
    if (max > 0) {
      if (!truthy(block)) {
        if (qsize(q) >= max) throw newException(Full, [], null);
      } else {
        const seconds = timeoutSeconds(timeout);
        if (qsize(q) >= max) {
          if (seconds === null) throw blockedForever('Queue.put() on a full queue with no timeout');
          expire(seconds, Full);
        }
      }
    }
    callMethod(q, '_put', item);
    q.unfinished_tasks += 1;
    return null;
  }),
  get: method('Queue', 'self, block=, timeout=', 'get', (q: QueueState, block: unknown = true, timeout: unknown = null) => {
    if (!truthy(block)) {
      if (!truthy(callMethod(q, '_qsize'))) throw newException(Empty, [], null);
    } else {
      const seconds = timeoutSeconds(timeout);
      if (!truthy(callMethod(q, '_qsize'))) {
        if (seconds === null) throw blockedForever('Queue.get() on an empty queue with no timeout');
        expire(seconds, Empty);
      }
    }
    return callMethod(q, '_get');
  }),
  put_nowait: method('Queue', 'self, item', 'put_nowait', (q: QueueState, item: unknown) => callMethod(q, 'put', item, false)),
  get_nowait: method('Queue', 'self', 'get_nowait', (q: QueueState) => callMethod(q, 'get', false)),
  _init: method('Queue', 'self, maxsize', '_init', (q: QueueState) => {
    q.queue = call(deque, [], null);
    return null;
  }),
  _qsize: method('Queue', 'self', '_qsize', (q: QueueState) => len(q.queue)),
  _put: method('Queue', 'self, item', '_put', (q: QueueState, item: unknown) => callMethod(q.queue, 'append', item)),
  _get: method('Queue', 'self', '_get', (q: QueueState) => callMethod(q.queue, 'popleft')),
  __class_getitem__: pyClassMethod(GenericAlias),
});

export const PriorityQueue = pyClass('PriorityQueue', 'queue', [Queue], {
  __doc__: 'Variant of Queue that retrieves open entries in priority order (lowest first).\n\n    Entries are typically tuples of the form:  (priority number, data).\n    ',
  _init: method('PriorityQueue', 'self, maxsize', '_init', (q: QueueState) => {
    q.queue = [];
    return null;
  }),
  _qsize: method('PriorityQueue', 'self', '_qsize', (q: QueueState) => len(q.queue)),
  _put: method('PriorityQueue', 'self, item', '_put', (q: QueueState, item: unknown) => heappush(q.queue, item)),
  _get: method('PriorityQueue', 'self', '_get', (q: QueueState) => heappop(q.queue)),
});

export const LifoQueue = pyClass('LifoQueue', 'queue', [Queue], {
  __doc__: 'Variant of Queue that retrieves most recently added entries first.',
  _init: method('LifoQueue', 'self, maxsize', '_init', (q: QueueState) => {
    q.queue = [];
    return null;
  }),
  _qsize: method('LifoQueue', 'self', '_qsize', (q: QueueState) => len(q.queue)),
  _put: method('LifoQueue', 'self, item', '_put', (q: QueueState, item: unknown) => callMethod(q.queue, 'append', item)),
  _get: method('LifoQueue', 'self', '_get', (q: QueueState) => callMethod(q.queue, 'pop')),
});

/** SimpleQueue's items: a growing array read from a moving head, out of Python's sight as the C type's are. */
interface Items {
  items: unknown[];
  head: number;
}
const ITEMS = new WeakMap<object, Items>();

function itemsOf(q: object): Items {
  let s = ITEMS.get(q);
  if (s === undefined) {
    s = { items: [], head: 0 };
    ITEMS.set(q, s);
  }
  return s;
}

const simple = <F extends (...args: never[]) => unknown>(spec: string, name: string, impl: F): F =>
  pyFunction(spec, `SimpleQueue.${name}`, '_queue', impl);

function simpleGet(q: object, block: unknown, timeout: unknown): unknown {
  const s = itemsOf(q);
  if (s.head === s.items.length) {
    if (!truthy(block)) throw newException(Empty, [], null);
    const seconds = timeoutSeconds(timeout);
    if (seconds === null) throw blockedForever('SimpleQueue.get() on an empty queue with no timeout');
    expire(seconds, Empty);
  }
  const item = s.items[s.head];
  s.items[s.head++] = undefined;
  if (s.head === s.items.length) {
    s.items.length = 0;
    s.head = 0;
  } else if (s.head > 1024 && s.head * 2 > s.items.length) {
    s.items.splice(0, s.head);
    s.head = 0;
  }
  return item;
}

export const SimpleQueue = pyClass('SimpleQueue', '_queue', [], {
  __doc__: 'Simple, unbounded, reentrant FIFO queue.',
  put: simple('self, item, block=, timeout=', 'put', (q: object, item: unknown) => {
    itemsOf(q).items.push(item);
    return null;
  }),
  put_nowait: simple('self, item', 'put_nowait', (q: object, item: unknown) => {
    itemsOf(q).items.push(item);
    return null;
  }),
  get: simple('self, block=, timeout=', 'get', (q: object, block: unknown = true, timeout: unknown = null) => simpleGet(q, block, timeout)),
  get_nowait: simple('self', 'get_nowait', (q: object) => simpleGet(q, false, null)),
  empty: simple('self', 'empty', (q: object) => {
    const s = itemsOf(q);
    return s.head === s.items.length;
  }),
  qsize: simple('self', 'qsize', (q: object) => {
    const s = itemsOf(q);
    return s.items.length - s.head;
  }),
  __class_getitem__: pyClassMethod(GenericAlias),
});
