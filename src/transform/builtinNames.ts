/**
 * The Python builtins the runtime provides. A name in this list that no
 * enclosing scope binds compiles to the runtime's builtin, imported under
 * its Python name.
 */
const BUILTINS = new Set([
  'print', 'len', 'range', 'str', 'repr', 'int', 'float', 'bool', 'list', 'tuple', 'dict', 'set', 'frozenset',
  'abs', 'min', 'max', 'sum', 'any', 'all', 'sorted', 'reversed', 'enumerate', 'zip', 'map', 'filter', 'isinstance',
  'type', 'iter', 'next', 'chr', 'ord', 'hex', 'oct', 'bin', 'hash', 'id', 'round', 'divmod', 'pow', 'format',
  'ascii', 'callable', 'getattr', 'setattr', 'hasattr', 'object',
  'BaseException', 'Exception', 'ArithmeticError', 'OverflowError', 'ZeroDivisionError', 'AssertionError',
  'AttributeError', 'LookupError', 'IndexError', 'KeyError', 'NameError', 'RuntimeError', 'NotImplementedError',
  'RecursionError', 'StopIteration', 'TypeError', 'ValueError', 'SystemExit', 'KeyboardInterrupt', 'OSError',
  'FileNotFoundError', 'UnboundLocalError', 'ImportError', 'ModuleNotFoundError', 'UnicodeError', 'GeneratorExit',
]);

export function isBuiltinName(name: string): boolean {
  return BUILTINS.has(name);
}

/** Builtins that are JS classes in the runtime (the exceptions): calls to them compile to `new`. */
export function isBuiltinClass(name: string): boolean {
  return BUILTINS.has(name) && /^[A-Z]/.test(name);
}
