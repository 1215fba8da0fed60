/**
 * Python's `concurrent.futures.process`: ProcessPoolExecutor and
 * BrokenProcessPool (./support/concurrent/process.ts).
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import { moduleSetattr } from './support/namespaces.js';
import * as futures from './concurrent.futures.js';
import * as self from './concurrent.futures.process.js';

export const __name__ = 'concurrent.futures.process';
loadedModules.$set('concurrent.futures.process', self);
// Imported, it is an attribute of its package, as after CPython's import.
moduleSetattr(futures, 'process', self);

export { BrokenProcessPool, ProcessPoolExecutor } from './support/concurrent/process.js';
