/**
 * What compiled `raise` and `except` use: turning a raised value into the
 * exception instance, matching handlers, and bringing errors thrown by JS
 * into Python's hierarchy.
 */
import { BaseException, isBaseException, isExceptionClass, MemoryError, RecursionError, nameNotFound, RuntimeError, TypeError, UNSEEN } from './exceptions.js';
import { madeUnseen } from './unseenTracebacks.js';
import { PyTuple } from './values.js';
import { isinstance, type PyClass } from './classes.js';
import { PyTraceback } from './tracebackObjects.js';
import { builtinPrototype } from './callableClass.js';

export { PyTraceback };

/** `raise exc [from cause]`: the instance to throw (a class is instantiated with no arguments). */
export function raise(exc: unknown, cause?: unknown): BaseException {
  const instance = toInstance(exc, 'exceptions must derive from BaseException');
  // Made where its traceback would go unseen, raised where it may not: it takes this `raise`'s stack.
  if (instance[UNSEEN] === true && !madeUnseen(instance.constructor)) {
    instance[UNSEEN] = false;
    Error.captureStackTrace(instance, raise);
  }
  instance.__traceback__ = new PyTraceback(instance, instance);
  if (cause !== undefined) {
    if (cause === null) {
      instance.__cause__ = null;
    } else {
      instance.__cause__ = toInstance(cause, 'exception causes must derive from BaseException');
    }
    instance.__suppress_context__ = true;
  }
  return instance;
}

/**
 * `raise e` of an exception made elsewhere (any expression but a call): the
 * first time it is raised, its traceback starts at this `raise`, not where
 * it was made, as in CPython. An exception raised before keeps its frames.
 */
export function raiseMade(exc: unknown, cause?: unknown): BaseException {
  if (isBaseException(exc) && exc.__traceback__ === null && !madeUnseen(exc.constructor)) {
    exc[UNSEEN] = false;
    Error.captureStackTrace(exc, raiseMade);
  }
  return raise(exc, cause);
}

function toInstance(v: unknown, message: string): BaseException {
  if (isBaseException(v)) return v;
  if (isExceptionClass(v)) return new v();
  throw new TypeError(message);
}

/** `except T:` with T a class or a tuple of classes. */
export function exceptionMatches(exc: unknown, type: unknown): boolean {
  // The common case first: a builtin class whose prototype is on the exception's chain.
  const proto = builtinPrototype(type);
  if (proto !== undefined && typeof exc === 'object' && exc !== null && proto.isPrototypeOf(exc)) return true;
  if (type instanceof PyTuple) return type.some((t) => exceptionMatches(exc, t));
  if (!isExceptionClass(type)) throw new TypeError('catching classes that do not inherit from BaseException is not allowed');
  // isinstance, not instanceof alone: a class with several bases does not have them all on its JS chain.
  return isinstance(exc, type as unknown as PyClass);
}

/** The Python exception for whatever a `catch` received. */
/** V8's message for `x()` when x holds something not callable: a plain name, as compiled code calls names. */
const CALLED_NAME = /^[^\s.()[\]]+ is not a function$/;

export function toPython(error: unknown): unknown {
  if (isBaseException(error)) {
    if (error.__traceback__ === null) error.__traceback__ = new PyTraceback(error, error);
    return error;
  }
  if (error instanceof globalThis.RangeError && /call stack/i.test(error.message)) {
    return new RecursionError('maximum recursion depth exceeded');
  }
  if (error instanceof globalThis.RangeError && /Invalid (string|array|typed array) length/.test(error.message)) {
    // A string or list beyond what the JS engine can hold.
    return new MemoryError();
  }
  if (error instanceof globalThis.TypeError && CALLED_NAME.test(error.message)) {
    // A name called directly while it holds something not callable (README, "Differences from
    // CPython"): a Python TypeError in V8's words, which `except TypeError` catches, with the frames
    // of the JS error (the call's).
    const e = new TypeError(error.message);
    e.__traceback__ = new PyTraceback(error, e);
    return e;
  }
  if (error instanceof globalThis.ReferenceError) {
    // A global the program reads but never bound: CPython's NameError.
    const unbound = /^(\S+) is not defined$/.exec(error.message);
    if (unbound) {
      const name = unbound[1]!.replace(/\$$/, '');
      // With the frames of the JS error, which are where the name was read.
      const e = nameNotFound(`name '${name}' is not defined`, name);
      e.__traceback__ = new PyTraceback(error, e);
      return e;
    }
  }
  return error;
}

/** A bare `raise` outside any handler. */
export function noActiveException(): BaseException {
  return new RuntimeError('No active exception to reraise');
}

/**
 * An exception escaping an `except` block whose handled exception is
 * `handled`: CPython sets its `__context__` when it is raised there (unless
 * it is the handled exception itself), breaking any cycle that would make.
 */
export function withContext(error: unknown, handled: unknown): unknown {
  const e = toPython(error);
  // The exception a `finally` raised over reaches here as it was thrown: it gets its traceback too.
  if (isBaseException(handled) && handled.__traceback__ === null) handled.__traceback__ = new PyTraceback(handled, handled);
  if (!isBaseException(e) || e === handled || e.__context__ !== null || !isBaseException(handled)) return e;
  for (let c: BaseException | null = handled; c !== null; c = c.__context__) {
    if (c.__context__ === e) {
      c.__context__ = null;
      break;
    }
  }
  e.__context__ = handled;
  return e;
}
