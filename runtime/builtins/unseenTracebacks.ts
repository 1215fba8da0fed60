/**
 * Exceptions whose traceback nothing can see are made without one.
 *
 * V8 captures a stack for every Error made (a Python exception is one),
 * which costs ~0.5 µs per frame on the stack: `try: n = int(s) except
 * ValueError: n = 0` in a loop would cost far more than CPython, which
 * builds a traceback only for the frames an exception passes through.
 *
 * The compiler proves, for some `try` statements, that the exceptions
 * their handlers catch are never looked at: the handlers name builtin
 * exception classes (or the module's own classes, passed as their values
 * when the `try` starts), bind no name, and hold only statements that cannot
 * raise (`pass`, `break`, `continue`, `return <constant>`, `x = <constant>`,
 * `n += 1` on an int-only local: src/transform/unseenTracebacks.ts).
 * While such a statement's body runs, `unseen` holds those classes; an
 * exception of one of them made then is caught by that statement (it is
 * the innermost one: every other `try` and every `with` in code that does
 * not await sets `unseen` to null around its body, since their handlers,
 * `finally` blocks and `__exit__` may look at a traceback) and so is made
 * without a stack (Error.stackTraceLimit = 0 while it is constructed).
 *
 * Code that can suspend never sets it: a generator is resumed with it
 * null (generators.ts), so are the event loop's callbacks (baseEvents.ts),
 * and coroutines, which resume from the loop or the microtask queue, see
 * it null. An exception made unseen but raised later elsewhere gets the
 * stack of its `raise` (errors.ts).
 */

import { prototypeOf } from './callableClass.js';

type Classes = Function | readonly Function[] | null;

let unseen: Classes = null;

/** Sets the classes whose new exceptions go unseen (null: none); returns what it was, to be set back. */
export function tracebacksUnseen(classes: Classes): Classes {
  const previous = unseen;
  unseen = classes;
  return previous;
}

function covers(cls: Function, c: Function): boolean {
  // A module's class named before its class statement ran is undefined (transform/unseenTracebacks.ts).
  if (typeof c !== 'function') return false;
  const proto = prototypeOf(c);
  return typeof proto === 'object' && proto !== null && (cls.prototype === proto || Object.prototype.isPrototypeOf.call(proto, cls.prototype));
}

/** Whether an exception of class `cls` (new.target) made now goes unseen. */
export function madeUnseen(cls: Function): boolean {
  const classes = unseen;
  if (classes === null) return false;
  if (typeof classes === 'function') return covers(cls, classes);
  for (let i = 0; i < classes.length; i++) if (covers(cls, classes[i]!)) return true;
  return false;
}
