/**
 * Python's `builtins`: the module whose namespace holds the builtin names,
 * for `import builtins` (`builtins.len`, `getattr(builtins, name)`,
 * `dir(builtins)`). Compiled code reaches a builtin name through the
 * runtime's export of it, not through this module, so assigning to one of
 * its attributes does not change what the name means elsewhere (README,
 * differences from CPython).
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './builtins.js';

export const __name__ = 'builtins';
loadedModules.$set('builtins', self);

export {
  ArithmeticError, AssertionError, AttributeError, BaseException, BaseExceptionGroup, BlockingIOError, BrokenPipeError,
  BufferError, BytesWarning, ChildProcessError, ConnectionAbortedError, ConnectionError, ConnectionRefusedError,
  ConnectionResetError, DeprecationWarning, EOFError, Ellipsis, EncodingWarning, EnvironmentError, Exception, ExceptionGroup,
  FileExistsError, FileNotFoundError, FloatingPointError, FutureWarning, GeneratorExit, IOError, ImportError, ImportWarning,
  IndentationError, IndexError, InterruptedError, IsADirectoryError, KeyError, KeyboardInterrupt, LookupError, MemoryError,
  ModuleNotFoundError, NameError, NotADirectoryError, NotImplemented, NotImplementedError, OSError, OverflowError,
  PendingDeprecationWarning, PermissionError, ProcessLookupError, RecursionError, ReferenceError, ResourceWarning, RuntimeError,
  RuntimeWarning, StopAsyncIteration, StopIteration, SyntaxError, SyntaxWarning, SystemError, SystemExit, TabError, TimeoutError,
  TypeError, UnboundLocalError, UnicodeDecodeError, UnicodeEncodeError, UnicodeError, UnicodeTranslateError, UnicodeWarning,
  UserWarning, ValueError, Warning, ZeroDivisionError, abs, aiter, all, anext, any, ascii, bin, bool, bytearray, bytes, callable,
  chr, classmethod, complex, delattr, dict, dir, divmod, enumerate, exit, filter, float, format, frozenset, getattr, hasattr,
  hash, hex, id, input, int, isinstance, issubclass, iter, len, list, map, max, memoryview, min, next, object, oct, open, ord,
  pow, print, property, quit, range, repr, reversed, round, set, setattr, slice, sorted, staticmethod, str, sum, super, tuple,
  type, vars, zip,
} from '../index.js';
