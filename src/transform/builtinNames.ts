/**
 * Python's builtins (CPython 3.11's `dir(builtins)`, public names), and
 * which of them the runtime provides. A builtin name that no enclosing scope
 * binds compiles to the runtime's export of that name; one the runtime does
 * not provide is a compile-time error rather than a failed import at run time.
 */
export const PYTHON_BUILTINS = new Set(`
ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError BrokenPipeError
BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError
ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception ExceptionGroup
FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning
IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError
ModuleNotFoundError NameError NotADirectoryError NotImplemented NotImplementedError OSError OverflowError
PendingDeprecationWarning PermissionError ProcessLookupError RecursionError ReferenceError ResourceWarning
RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError
TimeoutError TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError
UnicodeWarning UserWarning ValueError Warning ZeroDivisionError abs aiter all anext any ascii bin bool breakpoint
bytearray bytes callable chr classmethod compile complex copyright credits delattr dict dir divmod enumerate eval exec
exit filter float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len
license list locals map max memoryview min next object oct open ord pow print property quit range repr reversed round
set setattr slice sorted staticmethod str sum super tuple type vars zip
`.trim().split(/\s+/));

/** The builtins the runtime exports under their Python names (tests/builtins.test.ts keeps this true). */
export const PROVIDED_BUILTINS = new Set(`
ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError BrokenPipeError
BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError
ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception ExceptionGroup
FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning
IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError
ModuleNotFoundError NameError NotADirectoryError NotImplemented NotImplementedError OSError OverflowError
PendingDeprecationWarning PermissionError ProcessLookupError RecursionError ReferenceError ResourceWarning
RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError
TimeoutError TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError
UnicodeWarning UserWarning ValueError Warning ZeroDivisionError abs aiter all anext any ascii bin bool bytearray bytes callable chr
classmethod complex delattr dict dir divmod enumerate exit filter float format frozenset getattr hasattr hash hex id input
int isinstance issubclass iter len list map max memoryview min next object oct open ord pow print property range repr reversed
quit round set setattr slice sorted staticmethod str sum super tuple type vars zip
`.trim().split(/\s+/));

export function isBuiltinName(name: string): boolean {
  // `__import__` too: its calls with a literal name compile as imports (builtinCalls.ts), anything else is refused.
  return PYTHON_BUILTINS.has(name) || name === '__import__';
}

export function isProvidedBuiltin(name: string): boolean {
  return PROVIDED_BUILTINS.has(name);
}

/** Builtins that are JS classes in the runtime (the exceptions): calls to them compile to `new`. */
export function isBuiltinClass(name: string): boolean {
  return PROVIDED_BUILTINS.has(name) && /^[A-Z]/.test(name) && name !== 'NotImplemented' && name !== 'Ellipsis';
}
