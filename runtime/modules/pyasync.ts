/** The package `pyasync`: pyasync's own modules for Python code (`pyasync.ffi`). */
import * as ffi from './pyasync.ffi.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './pyasync.js';

export const __name__ = 'pyasync';
export { ffi };
loadedModules.$set('pyasync', self);
