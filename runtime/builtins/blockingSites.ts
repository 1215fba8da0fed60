/**
 * Where a blocking call (`asyncio.run(main())` compiled to an `await`) was
 * made, for the exceptions that come out of it. A coroutine's frames after
 * a suspension are on no JS stack with the code that ran the loop, so an
 * uncaught report would start at the coroutine; the stack captured at the
 * call gives it the frames outside (`<module>`), as CPython prints them.
 */
import { BaseException } from './exceptions.js';

const sites = new WeakMap<BaseException, Error>();

/** `p`, whose failure remembers the stack of this call: one Error per blocking call, none per await. */
export function rememberingSite<T>(p: Promise<T>): Promise<T> {
  const site = new Error();
  return p.then(undefined, (e: unknown) => {
    if (e instanceof BaseException && !sites.has(e)) sites.set(e, site);
    throw e;
  });
}

/** The stack of the blocking call `e` came out of, if any. */
export function blockingSite(e: BaseException): Error | undefined {
  return sites.get(e);
}
