/**
 * CPython's builtins that take no keyword arguments (`len(obj=[])`,
 * `isinstance(obj=1, class_or_tuple=int)`): a keyword call is refused with
 * CPython's message. Without a keyword entry the call layer would hand the
 * keywords over as a trailing plain object, which these would take for an
 * argument. Calls with no keywords are untouched.
 */
import { noKeywords, type PyCallable } from './calls.js';
import * as f from './functions.js';
import { callable, dir, isinstance, issubclass, vars } from './types.js';
import { delattr } from './attributes.js';
import { PySlice, slice } from './items.js';
import { PyBigRange, PyRange } from './range.js';
import { floatFromHex } from './numbers/methods.js';
import { bytesFromHex } from './bytes/methods.js';
import { dict_fromkeys } from './dict.js';
import { classmethod, staticmethod } from './classes/descriptors.js';

const KEYWORDLESS: [unknown, string][] = [
  [f.len, 'len'], [f.abs, 'abs'], [f.hash, 'hash'], [f.id, 'id'], [isinstance, 'isinstance'], [issubclass, 'issubclass'],
  [f.hex, 'hex'], [f.oct, 'oct'], [f.bin, 'bin'], [f.chr, 'chr'], [f.ord, 'ord'], [callable, 'callable'], [f.divmod, 'divmod'],
  [f.getattr, 'getattr'], [f.setattr, 'setattr'], [f.hasattr, 'hasattr'], [delattr, 'delattr'], [f.iter, 'iter'], [f.next, 'next'],
  [f.repr, 'repr'], [f.ascii, 'ascii'], [f.any, 'any'], [f.all, 'all'], [vars, 'vars'], [dir, 'dir'], [f.format, 'format'],
  [f.bool, 'bool'], [f.range, 'range'], [f.reversed, 'reversed'], [f.map, 'map'], [f.filter, 'filter'], [slice, 'slice'],
  [staticmethod, 'staticmethod'], [classmethod, 'classmethod'],
];

// Methods of runtime classes: bound to their object, they keep refusing keywords (bindForInstance).
KEYWORDLESS.push(
  [PyRange.prototype.count, 'range.count'], [PyRange.prototype.index, 'range.index'], [PyBigRange.prototype.index, 'range.index'],
  [PySlice.prototype.indices, 'slice.indices'], [floatFromHex, 'float.fromhex'], [bytesFromHex, 'bytes.fromhex'],
  [dict_fromkeys, 'dict.fromkeys'],
);

for (const [fn, name] of KEYWORDLESS) {
  const callee = fn as PyCallable;
  if (typeof callee === 'function' && callee.$kw === undefined) noKeywords(callee, name);
}
