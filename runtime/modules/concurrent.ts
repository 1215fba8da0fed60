/**
 * Python's `concurrent` package: its one subpackage, `futures`.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './concurrent.js';

export const __name__ = 'concurrent';
loadedModules.$set('concurrent', self);

export * as futures from './concurrent.futures.js';
