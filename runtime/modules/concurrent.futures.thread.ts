/**
 * Python's `concurrent.futures.thread`: ThreadPoolExecutor and
 * BrokenThreadPool (./support/concurrent/thread.ts).
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import { moduleSetattr } from './support/namespaces.js';
import * as futures from './concurrent.futures.js';
import * as self from './concurrent.futures.thread.js';

export const __name__ = 'concurrent.futures.thread';
loadedModules.$set('concurrent.futures.thread', self);
// Imported, it is an attribute of its package, as after CPython's import.
moduleSetattr(futures, 'thread', self);

export { BrokenThreadPool, ThreadPoolExecutor } from './support/concurrent/thread.js';
