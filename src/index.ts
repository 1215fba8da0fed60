/**
 * pyasync's library face: `parse` and `dump` (the twins of CPython's
 * `ast.parse` and `ast.dump`), `check` (the errors CPython's compiler raises
 * after parsing) and `decodeSource` (PEP 263 source decoding).
 */
export { parse, type ParseOptions } from './parser/parser.js';
export { dump, type DumpOptions } from './ast/dump.js';
export { decodeSource } from './parser/sourceDecoding.js';
export { PySyntaxError, type SyntaxErrorKind } from './diagnostics.js';
export type * from './ast/nodes.js';
export { PyBytes, PyComplex, PyEllipsis, Ellipsis, type PyConstant } from './ast/constants.js';
