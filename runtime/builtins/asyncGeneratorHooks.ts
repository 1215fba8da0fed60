/**
 * `sys.set_asyncgen_hooks` state: called with each async generator at its
 * first iteration (firstiter) and, when it is dropped unfinished, to close
 * it (finalizer). Its own module, free of imports: the event loop installs
 * hooks (asyncio/asyncgens.ts) and async generators call them, and the two
 * import each other's modules otherwise.
 */
export const asyncgenHooks: { firstiter: unknown; finalizer: unknown } = { firstiter: null, finalizer: null };

/** What the event loop's hooks know of an async generator. */
export interface TrackedAsyncGenerator {
  $tracker: Set<TrackedAsyncGenerator> | null;
  aclose(): unknown;
}

export function isTrackedAsyncGenerator(x: unknown): x is TrackedAsyncGenerator {
  return typeof x === 'object' && x !== null && '$tracker' in x && typeof (x as { aclose?: unknown }).aclose === 'function';
}
