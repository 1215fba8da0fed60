/**
 * csv dialects as CPython's _csv resolves them: a registered name or an
 * object whose attributes give the options, keyword arguments overriding
 * them, then checked with _csv's TypeErrors (`"delimiter" must be a
 * 1-character string`…).
 */
import { TypeError } from '../../../builtins/exceptions.js';
import { getattr, hasattr } from '../../../builtins/attributes.js';
import { truthy } from '../../../builtins/truth.js';
import { isIntNumber, typeName } from '../../../builtins/values.js';
import { cpLength } from '../../../builtins/str/core.js';

export const QUOTE_MINIMAL = 0;
export const QUOTE_ALL = 1;
export const QUOTE_NONNUMERIC = 2;
export const QUOTE_NONE = 3;

/** A checked dialect; the characters are null where CPython's are NOT_SET. */
export interface DialectSpec {
  readonly delimiter: string;
  readonly doublequote: boolean;
  readonly escapechar: string | null;
  readonly lineterminator: string;
  readonly quotechar: string | null;
  readonly quoting: number;
  readonly skipinitialspace: boolean;
  readonly strict: boolean;
}

export const ATTRIBUTES = ['delimiter', 'doublequote', 'escapechar', 'lineterminator', 'quotechar', 'quoting', 'skipinitialspace', 'strict'] as const;

function oneChar(name: string, v: unknown, orNone: boolean): string | null {
  if (v === null && orNone) return null;
  if (typeof v !== 'string') throw new TypeError(`"${name}" must be string${orNone ? ' or None' : ''}, not ${typeName(v)}`);
  if (cpLength(v) !== 1) throw new TypeError(`"${name}" must be a 1-character string`);
  return v;
}

/**
 * `_csv.Dialect(dialect, **kwargs)`: `base` is an object (or null) whose
 * attributes give what the keywords do not.
 */
export function resolveDialect(base: unknown, kwargs: Record<string, unknown>): DialectSpec {
  const option = (name: string): unknown => {
    if (Object.hasOwn(kwargs, name)) return kwargs[name];
    if (base !== null && base !== undefined && hasattr(base, name)) return getattr(base, name);
    return undefined;
  };
  const delimiter = option('delimiter');
  const doublequote = option('doublequote');
  const escapechar = option('escapechar');
  const lineterminator = option('lineterminator');
  const quotechar = option('quotechar');
  const quoting = option('quoting');
  const skipinitialspace = option('skipinitialspace');
  const strict = option('strict');
  const delim = delimiter === undefined ? ',' : oneChar('delimiter', delimiter, false)!;
  const dq = doublequote === undefined ? true : truthy(doublequote);
  const esc = escapechar === undefined ? null : oneChar('escapechar', escapechar, true);
  let lt: string | null = '\r\n';
  if (lineterminator !== undefined) {
    if (lineterminator === null) lt = null;
    else if (typeof lineterminator !== 'string') throw new TypeError('"lineterminator" must be a string');
    else lt = lineterminator;
  }
  const qc = quotechar === undefined ? '"' : oneChar('quotechar', quotechar, true);
  let q = QUOTE_MINIMAL;
  if (quoting !== undefined && quoting !== null) {
    if (!(typeof quoting === 'number' && isIntNumber(quoting)) && typeof quoting !== 'boolean') throw new TypeError('"quoting" must be an integer');
    q = Number(quoting);
  }
  const sis = skipinitialspace === undefined ? false : truthy(skipinitialspace);
  const st = strict === undefined ? false : truthy(strict);
  if (q < QUOTE_MINIMAL || q > QUOTE_NONE) throw new TypeError('bad "quoting" value');
  if (quotechar === null && !Object.hasOwn(kwargs, 'quoting')) q = QUOTE_NONE;
  if (q !== QUOTE_NONE && qc === null) throw new TypeError('quotechar must be set if quoting enabled');
  if (lt === null) throw new TypeError('lineterminator must be set');
  return { delimiter: delim, doublequote: dq, escapechar: esc, lineterminator: lt, quotechar: qc, quoting: q, skipinitialspace: sis, strict: st };
}
