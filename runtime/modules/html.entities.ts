/**
 * Python's `html.entities`: html5 (HTML5's named character references, in
 * CPython's order), name2codepoint, codepoint2name and entitydefs (HTML 4),
 * built from support/html/entities.ts (generated from CPython's tables).
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { PyDict } from '../builtins/dict.js';
import { loadedModules } from './support/moduleTable.js';
import { LEGACY, NAME2CODEPOINT, NAMED } from './support/html/entities.js';
import * as self from './html.entities.js';

export const __name__ = 'html.entities';
loadedModules.$set('html.entities', self);

/** CPython's html5 lists its names sorted by (name.lower(), name). */
function html5Table(): PyDict<string, string> {
  const names = [...Object.keys(NAMED).map((n) => n + ';'), ...LEGACY];
  const key = (s: string): string => s.toLowerCase();
  names.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return new PyDict(names.map((n) => [n, NAMED[n.endsWith(';') ? n.slice(0, -1) : n]!] as [string, string]));
}

export const html5 = html5Table();
export const name2codepoint = new PyDict<string, number>(NAME2CODEPOINT.map(([n, c]) => [n, c] as [string, number]));
export const codepoint2name = new PyDict<number, string>(NAME2CODEPOINT.map(([n, c]) => [c, n] as [number, string]));
export const entitydefs = new PyDict<string, string>(NAME2CODEPOINT.map(([n, c]) => [n, String.fromCodePoint(c)] as [string, string]));
