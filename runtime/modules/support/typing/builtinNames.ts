/**
 * The builtins a forward reference may name (`"int"`, `"list[str]"`,
 * `"ValueError"`): the runtime's objects of CPython's builtin names, found
 * where the runtime defines them.
 */
import * as exceptions from '../../../builtins/exceptions.js';
import * as functions from '../../../builtins/functions.js';
import * as types from '../../../builtins/types.js';
import * as classes from '../../../builtins/classes.js';
import * as items from '../../../builtins/items.js';

/** CPython's `dir(builtins)` names that are not exceptions (those are found by name in exceptions.ts). */
const NAMES = new Set(`abs aiter all anext any ascii bin bool bytearray bytes callable chr classmethod complex delattr dict dir
divmod enumerate filter float format frozenset getattr hasattr hash hex id input int isinstance issubclass iter len list map
max memoryview min next object oct open ord pow print property range repr reversed round set setattr slice sorted staticmethod
str sum super tuple type vars zip Ellipsis NotImplemented`.split(/\s+/));

const SOURCES: readonly Readonly<Record<string, unknown>>[] = [functions, types, classes, items];

export function builtinValue(name: string): unknown {
  if (/^[A-Z]\w*(Error|Exception|Warning|Exit|Interrupt|Iteration|ExceptionGroup)$/.test(name) || name === 'GeneratorExit') {
    const e = (exceptions as Readonly<Record<string, unknown>>)[name];
    if (e !== undefined) return e;
  }
  if (!NAMES.has(name)) return undefined;
  for (const source of SOURCES) {
    const v = source[name];
    if (v !== undefined) return v;
  }
  return undefined;
}
