/**
 * `from __future__ import ...` at the top of a module (CPython's
 * Python/future.c), checked before anything else. Later future imports are
 * refused by the code generator (compileChecks.ts), using `lineno`.
 */
import type { Module, stmt } from '../ast/nodes.js';
import type { Reporter } from './report.js';

export interface FutureFeatures {
  /** PEP 563: annotations are kept as strings, never evaluated. */
  readonly annotations: boolean;
  /** Line of the last accepted future import (0 if none). */
  readonly lineno: number;
}

/** Features that exist (most are no-ops in Python 3). */
const KNOWN_FEATURES = new Set([
  'nested_scopes',
  'generators',
  'division',
  'absolute_import',
  'with_statement',
  'print_function',
  'unicode_literals',
  'barry_as_FLUFL',
  'generator_stop',
  'annotations',
]);

export function isDocstring(s: stmt | undefined): boolean {
  return s !== undefined && s.nodeType === 'Expr' && s.value.nodeType === 'Constant' && typeof s.value.value === 'string';
}

export function checkFutureImports(module: Module, reporter: Reporter): FutureFeatures {
  const body = module.body;
  let annotations = false;
  let lineno = 0;
  let done = false;
  let prevLine = 0;
  for (let i = isDocstring(body[0]) ? 1 : 0; i < body.length; i++) {
    const s = body[i]!;
    // Future imports may share the line of the last one (`import a; from __future__ ...` is caught here).
    if (done && s.lineno > prevLine) break;
    prevLine = s.lineno;
    if (s.nodeType === 'ImportFrom' && s.module === '__future__') {
      if (done) throw reporter.atLine('from __future__ imports must occur at the beginning of the file', s.lineno, s.col_offset);
      for (const alias of s.names) {
        const feature = alias.name;
        if (feature === 'annotations') annotations = true;
        else if (feature === 'braces') throw reporter.atLine('not a chance', s.lineno, s.col_offset + 1);
        else if (!KNOWN_FEATURES.has(feature)) throw reporter.atLine(`future feature ${feature} is not defined`, s.lineno, s.col_offset + 1);
      }
      lineno = s.lineno;
    } else {
      done = true;
    }
  }
  return { annotations, lineno };
}
