/**
 * Python's `unittest.mock` (CPython 3.11's), written for the runtime: the
 * mock classes (support/mock/mocks.ts), call records (support/mock/calls.ts),
 * AsyncMock (support/mock/async.ts), patching (support/mock/patch.ts),
 * create_autospec and mock_open (support/mock/extras.ts).
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import { moduleSetattr } from './support/namespaces.js';
import * as self from './unittest.mock.js';
import * as unittest from './unittest.js';

export const __name__ = 'unittest.mock';
loadedModules.$set('unittest.mock', self);
// Importing the submodule makes it an attribute of its package, as CPython's import does.
moduleSetattr(unittest, 'mock', self);

export { ANY, DEFAULT, call, sentinel, _Call, _CallList, _ANY, _Sentinel, _SentinelObject } from './support/mock/calls.js';
export {
  Base, CallableMixin, InvalidSpecError, MagicMixin, MagicMock, MagicProxy, Mock, NonCallableMagicMock, NonCallableMock, PropertyMock, seal,
} from './support/mock/mocks.js';

export { patch, _patch, _patch_dict } from './support/mock/patch.js';
export { create_autospec, mock_open } from './support/mock/extras.js';
export { AsyncMagicMixin, AsyncMock, AsyncMockMixin, _AsyncIterator } from './support/mock/async.js';

export const FILTER_DIR = true;
export const __all__ = [
  'Mock', 'MagicMock', 'patch', 'sentinel', 'DEFAULT', 'ANY', 'call', 'create_autospec', 'AsyncMock', 'FILTER_DIR', 'NonCallableMock',
  'NonCallableMagicMock', 'mock_open', 'PropertyMock', 'seal',
];
