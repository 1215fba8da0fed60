/**
 * Python's `weakref` (CPython 3.11's Lib/weakref.py over _weakref): `ref`,
 * `proxy`, `getweakrefcount`, `getweakrefs`, `WeakMethod`, the weak
 * mappings, `WeakSet` and `finalize`. A referent dies when V8 collects it
 * (support/weakref/referents.ts), not when its last reference goes.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { TypeError } from '../builtins/exceptions.js';
import { callMethod } from '../builtins/attributes.js';
import { MutableSet } from './collections.abc.js';
import { refsTo } from './support/weakref/referents.js';
import { KeyedRef, ReferenceType, WeakMethod } from './support/weakref/refType.js';
import { CallableProxyType, ProxyType, proxy } from './support/weakref/proxy.js';
import { WeakKeyDictionary, WeakValueDictionary, setDeepcopy } from './support/weakref/mappings.js';
import { WeakSet } from './support/weakref/weakSet.js';
import { finalize } from './support/weakref/finalize.js';
import { deepcopy } from './copy.js';
import { PyTuple } from '../builtins/values.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './weakref.js';

export const __name__ = 'weakref';
loadedModules.$set('weakref', self);

export const __all__ = [
  'ref', 'proxy', 'getweakrefcount', 'getweakrefs', 'WeakKeyDictionary', 'ReferenceType', 'ProxyType', 'CallableProxyType', 'ProxyTypes',
  'WeakValueDictionary', 'WeakSet', 'WeakMethod', 'finalize',
];

export { CallableProxyType, KeyedRef, ProxyType, ReferenceType, WeakKeyDictionary, WeakMethod, WeakSet, WeakValueDictionary, finalize, proxy };
export const ref = ReferenceType;
export const ProxyTypes = PyTuple.of(ProxyType, CallableProxyType);

/** `getweakrefcount(object)`: how many weak references and proxies to it live. */
export function getweakrefcount(...args: unknown[]): number {
  if (args.length !== 1) throw new TypeError(`_weakref.getweakrefcount() takes exactly one argument (${args.length} given)`);
  return refsTo(args[0]).length;
}

/** `getweakrefs(object)`: the weak references and proxies to it, in CPython's order. */
export function getweakrefs(...args: unknown[]): unknown[] {
  if (args.length !== 1) throw new TypeError(`_weakref.getweakrefs() takes exactly one argument (${args.length} given)`);
  return refsTo(args[0]);
}

setDeepcopy(deepcopy);
callMethod(MutableSet, 'register', WeakSet);
