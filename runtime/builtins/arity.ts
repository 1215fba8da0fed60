/**
 * The TypeErrors CPython raises when a builtin is called with the wrong
 * number or kind of arguments. Their words depend on how the builtin is
 * declared in CPython's C (METH_NOARGS, METH_O, Argument Clinic's
 * positional-only or keyword parsers, PyArg_ParseTuple), so each helper
 * names the convention it copies. Callers test the argument count first and
 * call these only on the error path.
 */
import { TypeError } from './exceptions.js';
import { isNone, typeName } from './values.js';

function plural(n: number, word = 'argument'): string {
  return n === 1 ? word : `${word}s`;
}

/** METH_NOARGS: `int.bit_length() takes no arguments (1 given)` (the name is qualified). */
export function noArgs(method: string, given: number): void {
  if (given > 0) throw new TypeError(`${method}() takes no arguments (${given} given)`);
}

/** METH_O: `set.add() takes exactly one argument (2 given)` (the name is qualified). */
export function oneArg(method: string, given: number): void {
  if (given !== 1) throw new TypeError(`${method}() takes exactly one argument (${given} given)`);
}

/** Argument Clinic's positional-only check (`_PyArg_CheckPositional`): `center expected at least 1 argument, got 0`. */
export function checkPositional(name: string, given: number, min: number, max: number): void {
  if (given < min) throw new TypeError(`${name} expected ${min === max ? '' : 'at least '}${min} ${plural(min)}, got ${given}`);
  if (given > max) throw new TypeError(`${name} expected ${min === max ? '' : 'at most '}${max} ${plural(max)}, got ${given}`);
}

/**
 * The keyword-taking parsers (`_PyArg_UnpackKeywords`, PyArg_ParseTupleAndKeywords):
 * `split() takes at most 2 arguments (3 given)`.
 */
export function checkArgCount(name: string, given: number, min: number, max: number): void {
  if (given < min) throw new TypeError(`${name}() takes at least ${min} ${plural(min)} (${given} given)`);
  if (given > max) throw new TypeError(`${name}() takes at most ${max} ${plural(max)} (${given} given)`);
}

/** `_PyArg_UnpackKeywords` for a required parameter not given: `from_bytes() missing required argument 'bytes' (pos 1)`. */
export function missingArgument(name: string, parameter: string, position: number): TypeError {
  return new TypeError(`${name}() missing required argument '${parameter}' (pos ${position})`);
}

/** `_PyArg_UnpackKeywords` for an unknown keyword: `'x' is an invalid keyword argument for tobytes()`. */
export function invalidKeyword(name: string, keyword: string): TypeError {
  return new TypeError(`'${keyword}' is an invalid keyword argument for ${name}()`);
}

/** `_PyArg_NoKeywords` and METH_NOARGS/METH_O given keywords: `len() takes no keyword arguments`. */
export function noKeywordsError(name: string): TypeError {
  return new TypeError(`${name}() takes no keyword arguments`);
}

/**
 * How Argument Clinic and PyArg_Parse name a bad argument's type in
 * `encode() argument 'encoding' must be str, not None`: None as `None`,
 * anything else by its type's name. Messages written by hand in CPython
 * (`must be str, not NoneType`) use typeName.
 */
export function argTypeName(v: unknown): string {
  return isNone(v) ? 'None' : typeName(v);
}

/** Argument Clinic's `_PyArg_BadArgument`: `replace() argument 1 must be str, not None`. */
export function badArgument(name: string, argument: string, expected: string, v: unknown): TypeError {
  return new TypeError(`${name}() ${argument} must be ${expected}, not ${argTypeName(v)}`);
}

/**
 * An Argument Clinic signature, for `unpackKeywords`: the parameter names in
 * order, how many of them are positional-only, how many must be given
 * (`minpos`), how many may be given by position (`maxpos`) and how many
 * keyword-only ones are required (`minkw`).
 */
export interface ClinicSignature {
  readonly name: string;
  readonly params: readonly string[];
  readonly posonly: number;
  readonly minpos: number;
  readonly maxpos: number;
  readonly minkw?: number;
}

/**
 * CPython's `_PyArg_UnpackKeywords`: the arguments of a call with keywords
 * (or with a wrong count) in parameter order, `undefined` where none was
 * given, with its complaints in its order: too many, too many positional,
 * too few positional, a required one missing, one given twice, an unknown
 * keyword.
 */
export function unpackKeywords(sig: ClinicSignature, args: readonly unknown[], kwargs: Readonly<Record<string, unknown>> | null): unknown[] {
  const { name, params, posonly, minpos, maxpos } = sig;
  const keys = kwargs === null ? [] : Object.keys(kwargs);
  let nkwargs = keys.length;
  const nargs = args.length;
  const maxargs = params.length;
  if (nargs + nkwargs > maxargs) {
    throw new TypeError(`${name}() takes at most ${maxargs} ${nargs === 0 ? 'keyword ' : ''}${plural(maxargs)} (${nargs + nkwargs} given)`);
  }
  if (nargs > maxpos) {
    if (maxpos === 0) throw new TypeError(`${name}() takes no positional arguments`);
    throw new TypeError(`${name}() takes ${minpos < maxpos ? 'at most' : 'exactly'} ${maxpos} positional ${plural(maxpos)} (${nargs} given)`);
  }
  const minposonly = Math.min(posonly, minpos);
  if (nargs < minposonly) {
    throw new TypeError(`${name}() takes ${minposonly < maxpos ? 'at least' : 'exactly'} ${minposonly} positional ${plural(minposonly)} (${nargs} given)`);
  }
  const reqlimit = sig.minkw ? maxpos + sig.minkw : minpos;
  const bound: unknown[] = args.slice();
  while (bound.length < maxargs) bound.push(undefined);
  for (let i = Math.max(nargs, posonly); i < maxargs; i++) {
    const key = params[i]!;
    if (nkwargs > 0 && Object.hasOwn(kwargs!, key)) {
      nkwargs--;
      bound[i] = kwargs![key];
    } else if (i < minpos || (maxpos <= i && i < reqlimit)) {
      throw missingArgument(name, key, i + 1);
    }
  }
  if (nkwargs > 0) {
    for (let i = posonly; i < nargs; i++) {
      const key = params[i]!;
      if (Object.hasOwn(kwargs!, key)) throw new TypeError(`argument for ${name}() given by name ('${key}') and position (${i + 1})`);
    }
    for (const key of keys) {
      if (params.indexOf(key) < posonly) throw invalidKeyword(name, key);
    }
  }
  return bound;
}
