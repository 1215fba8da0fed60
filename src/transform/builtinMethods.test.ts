/**
 * The compiler's fast-path method names against the runtime's method
 * tables: a name the compiler calls directly must be in the table (else the
 * helper would call undefined), and every public method of the table should
 * get the fast path.
 */
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../runtime/builtins/attributes.js';
import { DICT_METHOD_NAMES, LIST_METHOD_NAMES, STR_METHOD_NAMES } from './builtinMethods.js';

const publicNames = (table: Record<string, unknown>): string[] => Object.keys(table).filter((n) => !n.startsWith('__')).sort();

describe('builtin method fast paths', () => {
  it.each([
    ['str', STR_METHOD_NAMES],
    ['list', LIST_METHOD_NAMES],
    ['dict', DICT_METHOD_NAMES],
  ] as const)('%s names are the runtime table\'s', (type, names) => {
    expect([...names].sort()).toEqual(publicNames(TABLES[type]));
  });
});
