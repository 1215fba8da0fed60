/**
 * Python's `__future__`: the feature records. The compiler acts on
 * `from __future__ import annotations` itself (annotations are kept as
 * strings); the other features are the default behaviour of Python 3.
 */
import { PyTuple } from '../builtins/values.js';
import { repr } from '../builtins/repr.js';
import { defineClass, newInstance } from './support/stdlib/pyclass.js';

export const __name__ = '__future__';

export const _Feature = defineClass('__future__', '_Feature', [], {
  __repr__(this: Record<string, unknown>): string {
    return `_Feature(${repr(this['optional'])}, ${repr(this['mandatory'])}, ${repr(this['compiler_flag'])})`;
  },
  getOptionalRelease(this: Record<string, unknown>): unknown {
    return this['optional'];
  },
  getMandatoryRelease(this: Record<string, unknown>): unknown {
    return this['mandatory'];
  },
});

type Release = [number, number, number, string, number];

function feature(optional: Release, mandatory: Release | null, flag: number): unknown {
  const f = newInstance(_Feature);
  f['optional'] = PyTuple.fromArray(optional);
  f['mandatory'] = mandatory === null ? null : PyTuple.fromArray(mandatory);
  f['compiler_flag'] = flag;
  return f;
}

export const CO_NESTED = 0x0010;
export const CO_GENERATOR_ALLOWED = 0;
export const CO_FUTURE_DIVISION = 0x20000;
export const CO_FUTURE_ABSOLUTE_IMPORT = 0x40000;
export const CO_FUTURE_WITH_STATEMENT = 0x80000;
export const CO_FUTURE_PRINT_FUNCTION = 0x100000;
export const CO_FUTURE_UNICODE_LITERALS = 0x200000;
export const CO_FUTURE_BARRY_AS_BDFL = 0x400000;
export const CO_FUTURE_GENERATOR_STOP = 0x800000;
export const CO_FUTURE_ANNOTATIONS = 0x1000000;

export const nested_scopes = feature([2, 1, 0, 'beta', 1], [2, 2, 0, 'alpha', 0], CO_NESTED);
export const generators = feature([2, 2, 0, 'alpha', 1], [2, 3, 0, 'final', 0], CO_GENERATOR_ALLOWED);
export const division = feature([2, 2, 0, 'alpha', 2], [3, 0, 0, 'alpha', 0], CO_FUTURE_DIVISION);
export const absolute_import = feature([2, 5, 0, 'alpha', 1], [3, 0, 0, 'alpha', 0], CO_FUTURE_ABSOLUTE_IMPORT);
export const with_statement = feature([2, 5, 0, 'alpha', 1], [2, 6, 0, 'alpha', 0], CO_FUTURE_WITH_STATEMENT);
export const print_function = feature([2, 6, 0, 'alpha', 2], [3, 0, 0, 'alpha', 0], CO_FUTURE_PRINT_FUNCTION);
export const unicode_literals = feature([2, 6, 0, 'alpha', 2], [3, 0, 0, 'alpha', 0], CO_FUTURE_UNICODE_LITERALS);
export const barry_as_FLUFL = feature([3, 1, 0, 'alpha', 2], [4, 0, 0, 'alpha', 0], CO_FUTURE_BARRY_AS_BDFL);
export const generator_stop = feature([3, 5, 0, 'beta', 1], [3, 7, 0, 'alpha', 0], CO_FUTURE_GENERATOR_STOP);
export const annotations = feature([3, 7, 0, 'beta', 1], null, CO_FUTURE_ANNOTATIONS);

export const all_feature_names = [
  'nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement', 'print_function', 'unicode_literals', 'barry_as_FLUFL',
  'generator_stop', 'annotations',
];
