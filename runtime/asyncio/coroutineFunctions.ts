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

/**
 * The instance a runtime method read as a value (`ev.set`) was bound to: a JS
 * bound function shows neither, and asyncio names a callback by the class
 * that defines it (`Event.set`, events.ts formatCallback).
 */
export const BOUND_SELF = Symbol('pyasync.boundSelf');

/** `method.bind(obj)` of a runtime method: the bound function is a coroutine function when the method is one (a JS bound function has no properties). */
export function boundLikeMethod<F extends Function>(method: Function, bound: F, self: object): F {
  const b = bound as unknown as Record<symbol, unknown>;
  if ((method as unknown as Record<symbol, unknown>)[COROUTINE_FUNCTION] === true) b[COROUTINE_FUNCTION] = true;
  b[BOUND_SELF] = self;
  return bound;
}

export function iscoroutinefunction(fn: unknown): boolean {
  return typeof fn === 'function' && (fn as unknown as Record<symbol, unknown>)[COROUTINE_FUNCTION] === true;
}
