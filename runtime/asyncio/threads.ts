/**
 * asyncio.threads: `to_thread(func, /, *args, **kwargs)`, a coroutine that
 * runs the call through the running loop's `run_in_executor`. pyasync has
 * no threads, so the call runs on the loop when the coroutine starts,
 * blocking it meanwhile (see BaseEventLoop.run_in_executor), in a copy of
 * the caller's Context as CPython's.
 */
import { call, def } from '../builtins/calls.js';
import { get_running_loop } from './events.js';
import { aw, runtimeCoroutine, type PyCoroutine } from './coroutines.js';
import { markCoroutineFunctions } from './coroutineFunctions.js';
import { takeKeywords } from './keywords.js';
import { copyContext, runInContext } from './contexts.js';

export function to_thread(func: unknown, ...args: unknown[]): PyCoroutine {
  const kwargs = takeKeywords(args);
  return runtimeCoroutine(toThreadBody, [func, args, kwargs], 'to_thread');
}
def(to_thread, 'func, /, *args, **kwargs', 'to_thread', 'asyncio.threads');

async function toThreadBody(func: unknown, args: unknown[], kwargs: Record<string, unknown> | null): Promise<unknown> {
  const loop = get_running_loop();
  // As CPython's: the call runs in a copy of the caller's Context (`functools.partial(ctx.run, func, …)`).
  const context = copyContext();
  return await aw(loop.run_in_executor(null, () => runInContext(context, () => call(func, args, kwargs))));
}

markCoroutineFunctions({ to_thread }, ['to_thread']);
