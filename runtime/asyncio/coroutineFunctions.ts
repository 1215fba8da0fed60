/**
 * What makes a function a coroutine function to `iscoroutinefunction`:
 * compiled `async def`s (asyncDef) and the runtime's functions and methods
 * that CPython defines with `async def` (sleep, Lock.acquire…). A module
 * of its own, importing nothing: the runtime's asyncio modules import one
 * another in a cycle, and each marks its functions as it loads.
 */
export const COROUTINE_FUNCTION = Symbol('pyasync.coroutineFunction');

export function markCoroutineFunctions(owner: object, names: readonly string[]): void {
  for (const name of names) {
    const fn = (owner as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`markCoroutineFunctions: no function ${name}`);
    (fn as unknown as Record<symbol, boolean>)[COROUTINE_FUNCTION] = true;
  }
}

/** `method.bind(obj)` of a marked runtime method: the bound function is one too (a JS bound function has no properties). */
export function boundLikeMethod<F extends Function>(method: Function, bound: F): F {
  if ((method as unknown as Record<symbol, unknown>)[COROUTINE_FUNCTION] === true) (bound as unknown as Record<symbol, boolean>)[COROUTINE_FUNCTION] = true;
  return bound;
}

export function iscoroutinefunction(fn: unknown): boolean {
  return typeof fn === 'function' && (fn as unknown as Record<symbol, unknown>)[COROUTINE_FUNCTION] === true;
}
