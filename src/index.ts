/**
 * pyasync's library face: `parse` and `dump` (the twins of CPython's
 * `ast.parse` and `ast.dump`), `check` (the SyntaxErrors CPython's compiler
 * raises after parsing, as `compile()` does) and `decodeSource` (PEP 263
 * source decoding of file bytes).
 */
export { parse, type ParseOptions } from './parser/parser.js';
export { check } from './semantics/checks.js';
export { compile, type CompileOptions, type CompileResult } from './compile.js';
export type { CompileWarning } from './semantics/compileWarnings.js';
export { dump, type DumpOptions } from './ast/dump.js';
export { decodeSource } from './parser/sourceDecoding.js';
export { PySyntaxError, type SyntaxErrorKind } from './diagnostics.js';
export type * from './ast/nodes.js';
export { PyBytes, PyComplex, PyEllipsis, PyStrCodePoints, Ellipsis, type PyConstant } from './ast/constants.js';
