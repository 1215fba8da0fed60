/**
 * Python's builtin exception hierarchy (CPython 3.11's; the ExceptionGroup
 * family, which needs multiple inheritance, is in exceptionGroups.ts). Each class is a
 * JS class named as in Python, extending BaseException, which extends JS's
 * Error so that a thrown Python exception carries a JS stack. Within this
 * module `TypeError` and `SyntaxError` are the Python classes; JS's own are
 * `globalThis.TypeError` and `globalThis.SyntaxError`.
 */
import { callableClass, prototypeOf } from './callableClass.js';
import { PyTuple, typeName } from './values.js';
import { repr, str } from './repr.js';
import { madeUnseen } from './unseenTracebacks.js';

/** Marks an exception made without a stack. */
export const UNSEEN: unique symbol = Symbol('pyasync.unseen');

/** The method giving str(e) as the builtin exception classes define it. */
export const BUILTIN_STR: unique symbol = Symbol('pyasync.exceptionStr');

export const BaseException = callableClass(class BaseException extends Error {
  /** Python's name for this class, as `type(e).__name__`. */
  static get __name__(): string {
    return this.name;
  }

  declare args: PyTuple;
  declare __cause__: BaseException | null;
  declare __context__: BaseException | null;
  declare __suppress_context__: boolean;
  /** Set when the exception is raised or caught (a traceback object; frames come with source-mapped tracebacks). */
  declare __traceback__: unknown;
  /** Python's `__notes__`: absent until the first `add_note`, as in CPython. */
  declare __notes__?: unknown;

  constructor(...args: unknown[]) {
    // An exception nothing will see the traceback of is made without a stack (unseenTracebacks.ts), and without
    // JS's Error constructor, which costs ~0.4 µs even with no frames to record: an object on the class's prototype
    // (so still `instanceof Error`), given the fields the constructor would. A `raise` elsewhere gives it a stack.
    if (madeUnseen(new.target)) {
      const bare = Object.create(new.target.prototype as object) as BaseException;
      startFields(bare, args);
      bare[UNSEEN] = true;
      return bare;
    }
    super();
    startFields(this, args);
  }

  /** Made without a stack (unseenTracebacks.ts): a `raise` elsewhere gives it the stack of the `raise`. */
  declare [UNSEEN]?: boolean;

  /**
   * JS's view of the message: Python's str(e), computed when asked. Not a
   * Python attribute (exceptionAttributes.ts hides it) unless assigned,
   * which makes it an own property.
   */
  override get message(): string {
    return exceptionStr(this);
  }

  override set message(value: string) {
    defineOwn(this, 'message', value);
  }

  /**
   * A keyword call (`ValueError(x=1)`): the instance is made from the
   * positional arguments, as `BaseException.__new__` makes it, then its
   * `__init__` decides about the keywords. `this` is the class called.
   */
  static $kw(this: new (...args: unknown[]) => BaseException, args: unknown[], kwargs: Record<string, unknown>): BaseException {
    const e = new this(...args);
    e.__init__(...args, kwargs);
    return e;
  }

  /**
   * `BaseException.__init__`: what `super().__init__(msg)` in a subclass
   * calls. Keywords arrive as a trailing plain object (no Python value is
   * one); only a few subclasses take any.
   */
  __init__(...args: unknown[]): null {
    const kwargs = trailingKeywords(args);
    if (kwargs !== null) noKeywords(this, kwargs);
    this.args = PyTuple.fromArray(args);
    return null;
  }

  __str__(): string {
    return exceptionStr(this);
  }

  with_traceback(tb: unknown): this {
    this.__traceback__ = tb;
    return this;
  }

  /**
   * str(e) as the builtin class defines it (what exceptionStr returns):
   * from the args; exception groups override it. A symbol, so Python code
   * never sees it.
   */
  [BUILTIN_STR](): string {
    if (this.args.length === 0) return '';
    if (this.args.length === 1) return this instanceof KeyError ? repr(this.args[0]) : str(this.args[0]);
    return repr(this.args);
  }

  add_note(note: unknown): null {
    if (typeof note !== 'string') throw new TypeError(`note must be a str, not '${typeName(note)}'`);
    if (this.__notes__ === undefined) this.__notes__ = [];
    if (!Array.isArray(this.__notes__) || this.__notes__ instanceof PyTuple) throw new TypeError('Cannot add note: __notes__ is not a list');
    this.__notes__.push(note);
    return null;
  }

  __repr__(): string {
    return exceptionRepr(this);
  }

  override toString(): string {
    const text = exceptionStr(this);
    const name = (this.constructor as { __name__?: string }).__name__ ?? this.name;
    return text ? `${name}: ${text}` : name;
  }
});
export type BaseException = InstanceType<typeof BaseException>;

/** The fields every exception starts with, whichever way it is made (BaseException's constructor). */
function startFields(e: BaseException, args: unknown[]): void {
  e.__cause__ = null;
  e.__context__ = null;
  e.__suppress_context__ = false;
  e.__traceback__ = null;
  e.args = PyTuple.fromArray(args);
}

const BASE_EXCEPTION_PROTO: object = BaseException.prototype;

/** `x instanceof BaseException` without the class Proxy's slow instanceof (callableClass.ts): for hot paths. */
export function isBaseException(x: unknown): x is BaseException {
  return typeof x === 'object' && x !== null && BASE_EXCEPTION_PROTO.isPrototypeOf(x);
}

/** Whether `v` is BaseException or a subclass of it (what `raise` and `except` accept). */
export function isExceptionClass(v: unknown): v is new (...args: unknown[]) => BaseException {
  if (typeof v !== 'function') return false;
  if (v === BaseException) return true;
  const proto = prototypeOf(v);
  return typeof proto === 'object' && proto !== null && BASE_EXCEPTION_PROTO.isPrototypeOf(proto);
}

/**
 * JS's `name` is the Python class name, for JS stacks and consoles: read
 * from the class rather than stored, so that it is no Python attribute
 * until one is assigned (an own property then, as `setPythonName` makes).
 */
Object.defineProperty(BaseException.prototype, 'name', {
  get(this: BaseException): string {
    const cls = this.constructor as { __name__?: string; name: string };
    return cls.__name__ ?? cls.name;
  },
  set(this: BaseException, value: unknown): void {
    defineOwn(this, 'name', value);
  },
  configurable: true,
  enumerable: false,
});

/** A JS store of one of Error's names: an own property, hidden from vars() as the runtime's own fields are. */
function defineOwn(e: BaseException, key: string, value: unknown): void {
  Object.defineProperty(e, key, { value, writable: true, configurable: true, enumerable: false });
}

/** Removes and returns the trailing keywords a JS method gets from a keyword call, if any. */
function trailingKeywords(args: unknown[]): Record<string, unknown> | null {
  const last = args[args.length - 1];
  if (last === null || typeof last !== 'object' || Object.getPrototypeOf(last) !== Object.prototype) return null;
  args.pop();
  return last as Record<string, unknown>;
}

function noKeywords(e: BaseException, kwargs: Record<string, unknown>): void {
  if (Object.keys(kwargs).length > 0) throw new TypeError(`${typeName(e)}() takes no keyword arguments`);
}

/**
 * The keywords ImportError, NameError and AttributeError take: each must be
 * one of `names` (CPython names the class that defines them in the error).
 */
function someKeywords(owner: string, kwargs: Record<string, unknown> | null, names: readonly string[]): Record<string, unknown> {
  if (kwargs === null) return {};
  for (const key of Object.keys(kwargs)) {
    if (!names.includes(key)) throw new TypeError(`'${key}' is an invalid keyword argument for ${owner}()`);
  }
  return kwargs;
}

/**
 * Python's `name` attribute of ImportError, NameError and AttributeError
 * (None unless given) takes the place of JS's `name`, which the base
 * constructor set to the class name for JS consoles.
 */
function setPythonName(e: BaseException, value: unknown): void {
  defineOwn(e, 'name', value);
}

/** The AttributeError a failed attribute lookup raises: its `name` and `obj` say what was missing where, as CPython sets them. */
export function attributeNotFound(message: string, name: string, obj: unknown): AttributeError {
  const e = new AttributeError(message);
  setPythonName(e, name);
  e.obj = obj;
  return e;
}

/** The NameError the interpreter raises for a name it cannot find: its `name` is that name. */
export function nameNotFound(message: string, name: string): NameError {
  const e = new NameError(message);
  setPythonName(e, name);
  return e;
}

/** The ImportError (or ModuleNotFoundError) a failed import raises: its `name` is the module's. */
export function importErrorNamed(cls: new (message: string) => BaseException, message: string, name: string): BaseException {
  const e = new cls(message);
  setPythonName(e, name);
  return e;
}

/** str(e): '' for no args, str(arg) for one (repr for KeyError), the repr of the args tuple otherwise; an exception group's own form. */
export function exceptionStr(e: BaseException): string {
  return e[BUILTIN_STR]();
}

/** repr(e): `ValueError('boom')`. */
export function exceptionRepr(e: BaseException): string {
  const name = (e.constructor as typeof BaseException).__name__;
  if (e.args.length === 1) return `${name}(${repr(e.args[0])})`;
  return `${name}${repr(e.args)}`;
}

export const GeneratorExit = callableClass(class GeneratorExit extends BaseException {});
export type GeneratorExit = InstanceType<typeof GeneratorExit>;
export const KeyboardInterrupt = callableClass(class KeyboardInterrupt extends BaseException {});
export type KeyboardInterrupt = InstanceType<typeof KeyboardInterrupt>;
export const SystemExit = callableClass(class SystemExit extends BaseException {
  get code(): unknown {
    return this.args.length === 0 ? null : this.args.length === 1 ? this.args[0] : this.args;
  }

  /** An assigned code is the instance's own (CPython's `code` member), shadowing the one the arguments give. */
  set code(value: unknown) {
    defineOwn(this, 'code', value);
  }
});
export type SystemExit = InstanceType<typeof SystemExit>;
export const Exception = callableClass(class Exception extends BaseException {});
export type Exception = InstanceType<typeof Exception>;
export const ArithmeticError = callableClass(class ArithmeticError extends Exception {});
export type ArithmeticError = InstanceType<typeof ArithmeticError>;
export const FloatingPointError = callableClass(class FloatingPointError extends ArithmeticError {});
export type FloatingPointError = InstanceType<typeof FloatingPointError>;
export const OverflowError = callableClass(class OverflowError extends ArithmeticError {});
export type OverflowError = InstanceType<typeof OverflowError>;
export const ZeroDivisionError = callableClass(class ZeroDivisionError extends ArithmeticError {});
export type ZeroDivisionError = InstanceType<typeof ZeroDivisionError>;
export const AssertionError = callableClass(class AssertionError extends Exception {});
export type AssertionError = InstanceType<typeof AssertionError>;
/** AttributeError(*args, name=None, obj=None). */
export const AttributeError = callableClass(class AttributeError extends Exception {
  obj: unknown = null;

  constructor(...args: unknown[]) {
    super(...args);
    setPythonName(this, null);
  }

  override __init__(...args: unknown[]): null {
    const kw = someKeywords('AttributeError', trailingKeywords(args), ['name', 'obj']);
    this.args = PyTuple.fromArray(args);
    setPythonName(this, kw['name'] ?? null);
    this.obj = kw['obj'] ?? null;
    return null;
  }
});
export type AttributeError = InstanceType<typeof AttributeError>;
export const BufferError = callableClass(class BufferError extends Exception {});
export type BufferError = InstanceType<typeof BufferError>;
export const EOFError = callableClass(class EOFError extends Exception {});
export type EOFError = InstanceType<typeof EOFError>;
/** ImportError(*args, name=None, path=None): `msg` is the one argument, if there is exactly one. */
export const ImportError = callableClass(class ImportError extends Exception {
  msg: unknown = null;
  path: unknown = null;

  constructor(...args: unknown[]) {
    super(...args);
    setPythonName(this, null);
    if (args.length === 1) this.msg = args[0];
  }

  override __init__(...args: unknown[]): null {
    const kw = someKeywords('ImportError', trailingKeywords(args), ['name', 'path']);
    this.args = PyTuple.fromArray(args);
    this.msg = args.length === 1 ? args[0] : null;
    setPythonName(this, kw['name'] ?? null);
    this.path = kw['path'] ?? null;
    return null;
  }

  override [BUILTIN_STR](): string {
    return typeof this.msg === 'string' ? this.msg : super[BUILTIN_STR]();
  }
});
export type ImportError = InstanceType<typeof ImportError>;
export const ModuleNotFoundError = callableClass(class ModuleNotFoundError extends ImportError {});
export type ModuleNotFoundError = InstanceType<typeof ModuleNotFoundError>;
export const LookupError = callableClass(class LookupError extends Exception {});
export type LookupError = InstanceType<typeof LookupError>;
export const IndexError = callableClass(class IndexError extends LookupError {});
export type IndexError = InstanceType<typeof IndexError>;
export const KeyError = callableClass(class KeyError extends LookupError {});
export type KeyError = InstanceType<typeof KeyError>;
export const MemoryError = callableClass(class MemoryError extends Exception {});
export type MemoryError = InstanceType<typeof MemoryError>;
/** NameError(*args, name=None). */
export const NameError = callableClass(class NameError extends Exception {
  constructor(...args: unknown[]) {
    super(...args);
    setPythonName(this, null);
  }

  override __init__(...args: unknown[]): null {
    const kw = someKeywords('NameError', trailingKeywords(args), ['name']);
    this.args = PyTuple.fromArray(args);
    setPythonName(this, kw['name'] ?? null);
    return null;
  }
});
export type NameError = InstanceType<typeof NameError>;
export const UnboundLocalError = callableClass(class UnboundLocalError extends NameError {});
export type UnboundLocalError = InstanceType<typeof UnboundLocalError>;
/**
 * OSError(errno, strerror[, filename[, winerror[, filename2]]]): the
 * attributes, `[Errno 2] No such file or directory: 'x'` as str(), and — as
 * CPython's OSError.__new__ does — the subclass an errno stands for when
 * OSError itself is called.
 */
export const OSError = callableClass(class OSError extends Exception {
  errno: unknown = null;
  strerror: unknown = null;
  filename: unknown = null;
  filename2: unknown = null;

  /** OSError refuses keywords before choosing the subclass an errno stands for, naming the class called. */
  static override $kw(this: new (...args: unknown[]) => BaseException, args: unknown[], kwargs: Record<string, unknown>): BaseException {
    if (Object.keys(kwargs).length > 0) throw new TypeError(`${(this as unknown as { __name__: string }).__name__}() takes no keyword arguments`);
    return new this(...args);
  }

  constructor(...args: unknown[]) {
    super(...args);
    const sub = new.target.prototype === OSError.prototype && args.length >= 2 ? ERRNO_CLASSES.get(Number(args[0])) : undefined;
    if (sub !== undefined) return Reflect.construct(sub as unknown as Function, args) as OSError;
    if (args.length >= 2 && args.length <= 5) {
      this.errno = args[0];
      this.strerror = args[1];
      if (args.length >= 3) {
        this.filename = args[2];
        if (args.length >= 5) this.filename2 = args[4];
        this.args = PyTuple.fromArray(args.slice(0, 2));
      }
    }
  }

  override [BUILTIN_STR](): string {
    if (this.filename !== null) {
      const second = this.filename2 !== null ? ` -> ${repr(this.filename2)}` : '';
      return `[Errno ${str(this.errno)}] ${str(this.strerror)}: ${repr(this.filename)}${second}`;
    }
    if (this.errno !== null && this.strerror !== null) return `[Errno ${str(this.errno)}] ${str(this.strerror)}`;
    return super[BUILTIN_STR]();
  }
});
export type OSError = InstanceType<typeof OSError>;
export const IOError = OSError;
export const EnvironmentError = OSError;
export const BlockingIOError = callableClass(class BlockingIOError extends OSError {});
export const ChildProcessError = callableClass(class ChildProcessError extends OSError {});
export const ConnectionError = callableClass(class ConnectionError extends OSError {});
export const BrokenPipeError = callableClass(class BrokenPipeError extends ConnectionError {});
export const ConnectionAbortedError = callableClass(class ConnectionAbortedError extends ConnectionError {});
export const ConnectionRefusedError = callableClass(class ConnectionRefusedError extends ConnectionError {});
export const ConnectionResetError = callableClass(class ConnectionResetError extends ConnectionError {});
export const InterruptedError = callableClass(class InterruptedError extends OSError {});
export const ProcessLookupError = callableClass(class ProcessLookupError extends OSError {});
export const FileExistsError = callableClass(class FileExistsError extends OSError {});
export type FileExistsError = InstanceType<typeof FileExistsError>;
export const FileNotFoundError = callableClass(class FileNotFoundError extends OSError {});
export type FileNotFoundError = InstanceType<typeof FileNotFoundError>;
export const IsADirectoryError = callableClass(class IsADirectoryError extends OSError {});
export type IsADirectoryError = InstanceType<typeof IsADirectoryError>;
export const NotADirectoryError = callableClass(class NotADirectoryError extends OSError {});
export type NotADirectoryError = InstanceType<typeof NotADirectoryError>;
export const PermissionError = callableClass(class PermissionError extends OSError {});
export type PermissionError = InstanceType<typeof PermissionError>;
export const TimeoutError = callableClass(class TimeoutError extends OSError {});
export type TimeoutError = InstanceType<typeof TimeoutError>;

/** The subclasses OSError(errno, …) makes, by errno (Linux numbering, as CPython's table). */
const ERRNO_CLASSES = new Map<number, typeof OSError>([
  [11, BlockingIOError], [114, BlockingIOError], [115, BlockingIOError], [10, ChildProcessError],
  [32, BrokenPipeError], [108, BrokenPipeError], [103, ConnectionAbortedError], [111, ConnectionRefusedError],
  [104, ConnectionResetError], [17, FileExistsError], [2, FileNotFoundError], [21, IsADirectoryError],
  [20, NotADirectoryError], [4, InterruptedError], [13, PermissionError], [1, PermissionError],
  [3, ProcessLookupError], [110, TimeoutError],
]);
export const ReferenceError = callableClass(class ReferenceError extends Exception {});
export type ReferenceError = InstanceType<typeof ReferenceError>;
export const RuntimeError = callableClass(class RuntimeError extends Exception {});
export type RuntimeError = InstanceType<typeof RuntimeError>;
export const NotImplementedError = callableClass(class NotImplementedError extends RuntimeError {});
export type NotImplementedError = InstanceType<typeof NotImplementedError>;
export const RecursionError = callableClass(class RecursionError extends RuntimeError {});
export type RecursionError = InstanceType<typeof RecursionError>;
export const StopAsyncIteration = callableClass(class StopAsyncIteration extends Exception {});
export type StopAsyncIteration = InstanceType<typeof StopAsyncIteration>;
export const StopIteration = callableClass(class StopIteration extends Exception {
  get value(): unknown {
    return this.args.length > 0 ? this.args[0] : null;
  }

  /** An assigned value is the instance's own (CPython's `value` member), shadowing the one the arguments give. */
  set value(value: unknown) {
    defineOwn(this, 'value', value);
  }
});
export type StopIteration = InstanceType<typeof StopIteration>;
/**
 * SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])):
 * the fields (None when not given), and `msg (file.py, line 3)` as str().
 */
export const SyntaxError = callableClass(class SyntaxError extends Exception {
  msg: unknown = null;
  filename: unknown = null;
  lineno: unknown = null;
  offset: unknown = null;
  text: unknown = null;
  end_lineno: unknown = null;
  end_offset: unknown = null;
  print_file_and_line: unknown = null;

  constructor(...args: unknown[]) {
    super(...args);
    if (args.length >= 1) this.msg = args[0];
    if (args.length !== 2) return;
    const given = args[1];
    if (typeof given !== 'string' && (typeof given !== 'object' || given === null || !(Symbol.iterator in given))) {
      throw new TypeError(`'${typeName(given)}' object is not iterable`);
    }
    const info = [...(given as Iterable<unknown>)];
    if (info.length < 4) throw new TypeError(`function takes at least 4 arguments (${info.length} given)`);
    if (info.length > 6) throw new TypeError(`function takes at most 6 arguments (${info.length} given)`);
    [this.filename, this.lineno, this.offset, this.text] = info;
    if (info.length >= 5) this.end_lineno = info[4];
    if (info.length === 6) this.end_offset = info[5];
  }

  override [BUILTIN_STR](): string {
    const file = typeof this.filename === 'string' ? this.filename.slice(this.filename.lastIndexOf('/') + 1) : null;
    const line = typeof this.lineno === 'number' && Number.isInteger(this.lineno) ? this.lineno : null;
    const msg = str(this.msg);
    if (file !== null && line !== null) return `${msg} (${file}, line ${line})`;
    if (file !== null) return `${msg} (${file})`;
    if (line !== null) return `${msg} (line ${line})`;
    return msg;
  }
});
export type SyntaxError = InstanceType<typeof SyntaxError>;
export const IndentationError = callableClass(class IndentationError extends SyntaxError {});
export type IndentationError = InstanceType<typeof IndentationError>;
export const TabError = callableClass(class TabError extends IndentationError {});
export type TabError = InstanceType<typeof TabError>;
export const SystemError = callableClass(class SystemError extends Exception {});
export type SystemError = InstanceType<typeof SystemError>;
export const TypeError = callableClass(class TypeError extends Exception {});
export type TypeError = InstanceType<typeof TypeError>;
export const ValueError = callableClass(class ValueError extends Exception {});
export type ValueError = InstanceType<typeof ValueError>;
export const UnicodeError = callableClass(class UnicodeError extends ValueError {});
export type UnicodeError = InstanceType<typeof UnicodeError>;

/** `\xe9`, `\u20ac` or `\U0001f600`: how a character's code shows in codec messages. */
function hexCode(c: number, pad: number): string {
  return c.toString(16).padStart(pad, '0');
}

interface CodecErrorFields {
  args: PyTuple;
  encoding: unknown;
  object: unknown;
  start: unknown;
  end: unknown;
  reason: unknown;
}

/** The attributes of a UnicodeDecodeError or UnicodeEncodeError made from (encoding, object, start, end, reason). */
function setCodecFields(e: CodecErrorFields, args: unknown[]): void {
  if (args.length === 5) [e.encoding, e.object, e.start, e.end, e.reason] = args;
}

/** Its message, made from the attributes when printed (null when it was not made from the five of them). */
function codecMessage(e: CodecErrorFields, verb: string, describe: (start: number, end: number) => string): string | null {
  if (e.args.length !== 5 || typeof e.start !== 'number' || typeof e.end !== 'number') return null;
  return `'${str(e.encoding)}' codec can't ${verb} ${describe(e.start, e.end)}: ${str(e.reason)}`;
}

// UnicodeDecodeError and UnicodeEncodeError as CPython makes them: attributes encoding, object, start, end, reason.
export const UnicodeDecodeError = callableClass(class UnicodeDecodeError extends UnicodeError implements CodecErrorFields {
  encoding: unknown = null;
  object: unknown = null;
  start: unknown = null;
  end: unknown = null;
  reason: unknown = null;

  constructor(...args: unknown[]) {
    super(...args);
    setCodecFields(this, args);
  }

  override [BUILTIN_STR](): string {
    return codecMessage(this, 'decode', (start, end) => {
      const bytes = (this.object as { bytes?: Uint8Array } | null)?.bytes;
      if (bytes !== undefined && start < bytes.length && end === start + 1) return `byte 0x${hexCode(bytes[start]!, 2)} in position ${start}`;
      return `bytes in position ${start}-${end - 1}`;
    }) ?? super[BUILTIN_STR]();
  }
});
export type UnicodeDecodeError = InstanceType<typeof UnicodeDecodeError>;
export const UnicodeEncodeError = callableClass(class UnicodeEncodeError extends UnicodeError implements CodecErrorFields {
  encoding: unknown = null;
  object: unknown = null;
  start: unknown = null;
  end: unknown = null;
  reason: unknown = null;

  constructor(...args: unknown[]) {
    super(...args);
    setCodecFields(this, args);
  }

  override [BUILTIN_STR](): string {
    return codecMessage(this, 'encode', (start, end) => {
      const chars = typeof this.object === 'string' ? [...this.object] : [];
      if (start < chars.length && end === start + 1) {
        const c = chars[start]!.codePointAt(0)!;
        const code = c <= 0xff ? `\\x${hexCode(c, 2)}` : c <= 0xffff ? `\\u${hexCode(c, 4)}` : `\\U${hexCode(c, 8)}`;
        return `character '${code}' in position ${start}`;
      }
      return `characters in position ${start}-${end - 1}`;
    }) ?? super[BUILTIN_STR]();
  }
});
export type UnicodeEncodeError = InstanceType<typeof UnicodeEncodeError>;
export const UnicodeTranslateError = callableClass(class UnicodeTranslateError extends UnicodeError {});
export const Warning = callableClass(class Warning extends Exception {});
export type Warning = InstanceType<typeof Warning>;
export const DeprecationWarning = callableClass(class DeprecationWarning extends Warning {});
export type DeprecationWarning = InstanceType<typeof DeprecationWarning>;
export const RuntimeWarning = callableClass(class RuntimeWarning extends Warning {});
export type RuntimeWarning = InstanceType<typeof RuntimeWarning>;
export const SyntaxWarning = callableClass(class SyntaxWarning extends Warning {});
export type SyntaxWarning = InstanceType<typeof SyntaxWarning>;
export const UserWarning = callableClass(class UserWarning extends Warning {});
export type UserWarning = InstanceType<typeof UserWarning>;
export const FutureWarning = callableClass(class FutureWarning extends Warning {});
export const PendingDeprecationWarning = callableClass(class PendingDeprecationWarning extends Warning {});
export const ImportWarning = callableClass(class ImportWarning extends Warning {});
export const UnicodeWarning = callableClass(class UnicodeWarning extends Warning {});
export const BytesWarning = callableClass(class BytesWarning extends Warning {});
export const ResourceWarning = callableClass(class ResourceWarning extends Warning {});
export const EncodingWarning = callableClass(class EncodingWarning extends Warning {});
