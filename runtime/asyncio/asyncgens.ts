/**
 * The event loop's side of async generators (PEP 525): while it runs, a
 * loop installs the firstiter/finalizer hooks (sys.set_asyncgen_hooks) so
 * that it knows every async generator iterated in it, and
 * `loop.shutdown_asyncgens()` (asyncio.run ends with it) closes those still
 * unfinished, reporting the errors of their `aclose()` to the exception
 * handler, as CPython's BaseEventLoop does.
 */
import { Exception } from '../builtins/exceptions.js';
import { PyDict } from '../builtins/dict.js';
import { repr } from '../builtins/repr.js';
import { asyncgenHooks, isTrackedAsyncGenerator, type TrackedAsyncGenerator } from '../builtins/asyncGeneratorHooks.js';
import { aw, runtimeCoroutine, un, type PyCoroutine } from './coroutines.js';
import { gather } from './tasks.js';
import type { BaseEventLoop } from './baseEvents.js';

/** The unfinished async generators each loop saw start (CPython's weak `_asyncgens`; a closed one leaves it). */
const tracked = new WeakMap<BaseEventLoop, Set<TrackedAsyncGenerator>>();

function trackerOf(loop: BaseEventLoop): Set<TrackedAsyncGenerator> {
  let set = tracked.get(loop);
  if (set === undefined) {
    set = new Set();
    tracked.set(loop, set);
  }
  return set;
}

/** run_forever's start: the loop's hooks replace the current ones; the function returned puts those back. */
export function installAsyncgenHooks(loop: BaseEventLoop): () => void {
  const old = { firstiter: asyncgenHooks.firstiter, finalizer: asyncgenHooks.finalizer };
  asyncgenHooks.firstiter = (agen: unknown): null => {
    if (isTrackedAsyncGenerator(agen)) {
      const set = trackerOf(loop);
      set.add(agen);
      agen.$tracker = set;
    }
    return null;
  };
  asyncgenHooks.finalizer = (agen: unknown): null => {
    if (isTrackedAsyncGenerator(agen)) {
      trackerOf(loop).delete(agen);
      agen.$tracker = null;
      if (!loop.is_closed()) loop.call_soon_threadsafe(loop.create_task.bind(loop), agen.aclose());
    }
    return null;
  };
  return () => {
    asyncgenHooks.firstiter = old.firstiter;
    asyncgenHooks.finalizer = old.finalizer;
  };
}

async function shutdownBody(loop: BaseEventLoop): Promise<unknown> {
  const set = tracked.get(loop);
  if (set === undefined || set.size === 0) return null;
  const closing = [...set];
  set.clear();
  for (const agen of closing) agen.$tracker = null;
  const results = un(await aw(gather(...closing.map((agen) => agen.aclose()), { return_exceptions: true }))) as unknown[];
  results.forEach((result, i) => {
    if (result instanceof Exception) {
      const agen = closing[i]!;
      loop.call_exception_handler(new PyDict(Object.entries({
        message: `an error occurred during closing of asynchronous generator ${repr(agen)}`,
        exception: result,
        asyncgen: agen,
      })));
    }
  });
  return null;
}

export function shutdownAsyncgens(loop: BaseEventLoop): PyCoroutine {
  return runtimeCoroutine(shutdownBody, [loop], 'BaseEventLoop.shutdown_asyncgens');
}
