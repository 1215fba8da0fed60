/**
 * What compiled code imports: `import { print, … } from 'pyasync/runtime'`.
 * The value model is described in runtime/README.md.
 */
export * from './builtins/exceptions.js';
export { PyFloat, PyTuple, PyBytes, PyComplex, typeName } from './builtins/values.js';
export { repr, str } from './builtins/repr.js';
