/**
 * Python's builtin exception hierarchy (CPython 3.11's, except the
 * ExceptionGroup family, which needs multiple inheritance). Each class is a
 * JS class named as in Python, extending BaseException, which extends JS's
 * Error so that a thrown Python exception carries a JS stack. Within this
 * module `TypeError` and `SyntaxError` are the Python classes; JS's own are
 * `globalThis.TypeError` and `globalThis.SyntaxError`.
 */
import { PyTuple } from './values.js';
import { repr, str } from './repr.js';

export class BaseException extends Error {
  /** Python's name for this class, as `type(e).__name__`. */
  static get __name__(): string {
    return this.name;
  }

  args: PyTuple;
  __cause__: BaseException | null = null;
  __context__: BaseException | null = null;
  __suppress_context__ = false;

  constructor(...args: unknown[]) {
    super();
    this.args = PyTuple.fromArray(args);
    // The JS name is the Python class name, for JS stacks and consoles.
    this.name = new.target.name;
  }

  /** JS's view of the message: Python's str(e), computed when asked. */
  override get message(): string {
    return exceptionStr(this);
  }

  override set message(_: string) {
    // Error's constructor assigns message; Python's str(e) comes from args.
  }

  __str__(): string {
    return exceptionStr(this);
  }

  __repr__(): string {
    return exceptionRepr(this);
  }

  override toString(): string {
    const text = exceptionStr(this);
    return text ? `${this.name}: ${text}` : this.name;
  }
}

/** str(e): '' for no args, str(arg) for one (repr for KeyError), the repr of the args tuple otherwise. */
export function exceptionStr(e: BaseException): string {
  if (e.args.length === 0) return '';
  if (e.args.length === 1) return e instanceof KeyError ? repr(e.args[0]) : str(e.args[0]);
  return repr(e.args);
}

/** repr(e): `ValueError('boom')`. */
export function exceptionRepr(e: BaseException): string {
  const name = (e.constructor as typeof BaseException).__name__;
  if (e.args.length === 1) return `${name}(${repr(e.args[0])})`;
  return `${name}${repr(e.args)}`;
}

export class GeneratorExit extends BaseException {}
export class KeyboardInterrupt extends BaseException {}
export class SystemExit extends BaseException {
  get code(): unknown {
    return this.args.length === 0 ? null : this.args.length === 1 ? this.args[0] : this.args;
  }
}
export class Exception extends BaseException {}
export class ArithmeticError extends Exception {}
export class FloatingPointError extends ArithmeticError {}
export class OverflowError extends ArithmeticError {}
export class ZeroDivisionError extends ArithmeticError {}
export class AssertionError extends Exception {}
export class AttributeError extends Exception {}
export class BufferError extends Exception {}
export class EOFError extends Exception {}
export class ImportError extends Exception {}
export class ModuleNotFoundError extends ImportError {}
export class LookupError extends Exception {}
export class IndexError extends LookupError {}
export class KeyError extends LookupError {}
export class MemoryError extends Exception {}
export class NameError extends Exception {}
export class UnboundLocalError extends NameError {}
export class OSError extends Exception {}
export class FileExistsError extends OSError {}
export class FileNotFoundError extends OSError {}
export class IsADirectoryError extends OSError {}
export class NotADirectoryError extends OSError {}
export class PermissionError extends OSError {}
export class TimeoutError extends OSError {}
export class ReferenceError extends Exception {}
export class RuntimeError extends Exception {}
export class NotImplementedError extends RuntimeError {}
export class RecursionError extends RuntimeError {}
export class StopAsyncIteration extends Exception {}
export class StopIteration extends Exception {
  get value(): unknown {
    return this.args.length > 0 ? this.args[0] : null;
  }
}
export class SyntaxError extends Exception {}
export class IndentationError extends SyntaxError {}
export class TabError extends IndentationError {}
export class SystemError extends Exception {}
export class TypeError extends Exception {}
export class ValueError extends Exception {}
export class UnicodeError extends ValueError {}
export class UnicodeDecodeError extends UnicodeError {}
export class UnicodeEncodeError extends UnicodeError {}
export class Warning extends Exception {}
export class DeprecationWarning extends Warning {}
export class RuntimeWarning extends Warning {}
export class SyntaxWarning extends Warning {}
export class UserWarning extends Warning {}
