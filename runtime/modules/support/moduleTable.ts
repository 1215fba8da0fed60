/**
 * `sys.modules`: the runtime's modules add themselves when loaded. The
 * program's own modules are not listed (an ES module cannot be looked up by
 * name; see README.md).
 */
import { PyDict } from '../../builtins/dict.js';

export const loadedModules = new PyDict<string, unknown>();
