/**
 * Python's `keyword` (CPython 3.11's Lib/keyword.py): the keyword and soft
 * keyword lists, and `iskeyword`/`issoftkeyword`, which are the bound
 * `__contains__` of frozensets of them, as in CPython.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { PyFrozenSet } from '../builtins/set.js';
import { TypeError } from '../builtins/exceptions.js';
import { noKeywords } from '../builtins/calls.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './keyword.js';

export const __name__ = 'keyword';
loadedModules.$set('keyword', self);

export const kwlist: string[] = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
  'while', 'with', 'yield',
];

export const softkwlist: string[] = ['_', 'case', 'match'];

/** `frozenset(words).__contains__`, a method-wrapper named `__contains__` with its arity error. */
function containsOf(words: readonly string[]): (...args: unknown[]) => boolean {
  const set = new PyFrozenSet(words);
  const fn = (...args: unknown[]): boolean => {
    if (args.length !== 1) throw new TypeError(`frozenset.__contains__() takes exactly one argument (${args.length} given)`);
    return set.$has(args[0]);
  };
  Object.defineProperty(fn, 'name', { value: '__contains__' });
  return noKeywords(fn, 'frozenset.__contains__');
}

export const iskeyword = containsOf(kwlist);
export const issoftkeyword = containsOf(softkwlist);
