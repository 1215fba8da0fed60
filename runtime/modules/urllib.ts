/**
 * Python's `urllib` package: only its `parse` submodule is provided
 * (urllib.request and urllib.error need the network).
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './urllib.js';

export const __name__ = 'urllib';
loadedModules.$set('urllib', self);

export * as parse from './urllib.parse.js';
