/**
 * Python's `collections` module: deque, defaultdict, Counter, OrderedDict
 * and namedtuple, as Python classes (subclassable, `isinstance`-able) with
 * CPython 3.11's behaviour. Its exports are exactly the module's attributes.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './collections.js';

export const __name__ = 'collections';
loadedModules.$set('collections', self);

export { deque } from './support/collections/deque.js';
export { defaultdict, OrderedDict } from './support/collections/dicts.js';
export { Counter } from './support/collections/counter.js';
export { namedtuple } from './support/collections/namedtuple.js';
export { ChainMap, UserDict } from './support/collections/chainMaps.js';
export { UserList } from './support/collections/userList.js';
export { UserString } from './support/collections/userString.js';
export * as abc from './collections.abc.js';

// collections/__init__.py's `MutableSequence.register(deque)`.
import { MutableSequence } from './collections.abc.js';
import { deque as dequeClass } from './support/collections/deque.js';
import { callMethod } from '../builtins/attributes.js';
callMethod(MutableSequence, 'register', dequeClass);
