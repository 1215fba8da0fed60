/**
 * str.encode and the table of str methods by Python name, for the
 * compiler's attribute dispatch: `s.upper()` → `STR_METHODS.upper(s)`.
 * Arguments are positional, in Python's order; `undefined` means "not
 * passed" (so `split(maxsplit=1)` is `str_split(s, undefined, 1)`).
 */
import { TypeError } from '../exceptions.js';
import { BASE_VALUE, PyBytes, PyStrBox, PyTuple, typeName } from '../values.js';
import { checkArgCount, indexArg } from './args.js';
import { str_capitalize, str_casefold, str_lower, str_swapcase, str_title, str_upper } from './case.js';
import { encodeStr } from './codecs.js';
import { str_format, str_format_map } from './format.js';
import { str_center, str_expandtabs, str_ljust, str_rjust, str_zfill } from './pad.js';
import {
  str_isalnum,
  str_isalpha,
  str_isascii,
  str_isdecimal,
  str_isdigit,
  str_isidentifier,
  str_islower,
  str_isnumeric,
  str_isprintable,
  str_isspace,
  str_istitle,
  str_isupper,
} from './predicates.js';
import {
  str_count,
  str_endswith,
  str_find,
  str_index,
  str_partition,
  str_removeprefix,
  str_removesuffix,
  str_replace,
  str_rfind,
  str_rindex,
  str_rpartition,
  str_startswith,
} from './search.js';
import { str_join, str_lstrip, str_rsplit, str_rstrip, str_split, str_splitlines, str_strip } from './split.js';
import { str_maketrans, str_translate } from './translate.js';
import { strCompare, strContains, strGetItem, strLen, strRepeat } from './core.js';
import { pyHash } from '../equality.js';
import { percentFormat } from './percent.js';
import { reprStr as strRepr } from './repr.js';
import { NotImplemented } from '../notImplemented.js';
import { argTypeName, noArgs } from '../arity.js';
import { strSize } from '../sizes.js';

/** `s.encode(encoding='utf-8', errors='strict')`. */
export function str_encode(s: string, encoding?: unknown, errors?: unknown): PyBytes {
  if (arguments.length > 3) checkArgCount('encode', arguments.length - 1, 0, 2);
  if (encoding !== undefined && typeof encoding !== 'string') {
    throw new TypeError(`encode() argument 'encoding' must be str, not ${argTypeName(encoding)}`);
  }
  if (errors !== undefined && typeof errors !== 'string') {
    throw new TypeError(`encode() argument 'errors' must be str, not ${argTypeName(errors)}`);
  }
  return new PyBytes(encodeStr(s, encoding ?? 'utf-8', errors ?? 'strict'));
}

const isStr = (v: unknown): v is string => typeof v === 'string';

/** A str, or a str subclass's instance, as the str it is (str's comparisons take both); undefined for others. */
const strValue = (v: unknown): string | undefined => (typeof v === 'string' ? v : v instanceof PyStrBox ? (v[BASE_VALUE] as string) : undefined);

/** A slot wrapper's arity check, in CPython's words (binary ones print a stray leading space). */
function slot<A extends unknown[]>(arity: number, f: (s: string, ...args: A) => unknown, lead = ''): (s: string, ...args: never[]) => unknown {
  return function (this: void, s: string, ...args: unknown[]): unknown {
    if (args.length !== arity) throw new TypeError(`${lead}expected ${arity} argument${arity === 1 ? '' : 's'}, got ${args.length}`);
    return f(s, ...(args as A));
  };
}

const repeat = (s: string, n: unknown): string => strRepeat(s, indexArg(n));

/** The special methods, as `'a'.__lt__('b')` calls them: NotImplemented for operands str does not handle. */
const STR_DUNDERS: Record<string, (s: string, ...args: never[]) => unknown> = {
  __len__: slot(0, (s) => strLen(s)),
  __contains__: slot(1, (s, x: unknown) => strContains(s, x)),
  // sq_concat, not a number slot: it refuses other operands itself (`super().__add__(1)` raises).
  __add__: slot(1, (s, o: unknown) => {
    if (isStr(o)) return s + o;
    throw new TypeError(`can only concatenate str (not "${typeName(o)}") to str`);
  }),
  __mul__: slot(1, (s, n: unknown) => repeat(s, n), ' '),
  __rmul__: slot(1, (s, n: unknown) => repeat(s, n), ' '),
  __mod__: slot(1, (s, args: unknown) => percentFormat(s, args)),
  // str's number slot for `%`: it formats only when the left operand is a str.
  __rmod__: slot(1, (s, o: unknown) => (isStr(o) ? percentFormat(o, s) : NotImplemented)),
  __eq__: slot(1, (s, o: unknown) => {
    const t = strValue(o);
    return t === undefined ? NotImplemented : s === t;
  }),
  __ne__: slot(1, (s, o: unknown) => {
    const t = strValue(o);
    return t === undefined ? NotImplemented : s !== t;
  }),
  __lt__: slot(1, (s, o: unknown) => {
    const t = strValue(o);
    return t === undefined ? NotImplemented : strCompare(s, t) < 0;
  }),
  __le__: slot(1, (s, o: unknown) => {
    const t = strValue(o);
    return t === undefined ? NotImplemented : strCompare(s, t) <= 0;
  }),
  __gt__: slot(1, (s, o: unknown) => {
    const t = strValue(o);
    return t === undefined ? NotImplemented : strCompare(s, t) > 0;
  }),
  __ge__: slot(1, (s, o: unknown) => {
    const t = strValue(o);
    return t === undefined ? NotImplemented : strCompare(s, t) >= 0;
  }),
  // hash(s) and s.__hash__() agree (a str subclass's instance hashes as its value, as a dict key).
  __hash__: slot(0, (s) => pyHash(s)),
  __getitem__: slot(1, (s, i: unknown) => strGetItem(s, i)),
  __str__: slot(0, (s) => s),
  __repr__: slot(0, (s) => strRepr(s)),
};

/** A str method: the string, then Python's positional arguments. */
export type StrMethod = (s: string, ...args: never[]) => unknown;

export const STR_METHODS: Record<string, StrMethod> = {
  capitalize: str_capitalize,
  casefold: str_casefold,
  center: str_center,
  count: str_count,
  encode: str_encode,
  endswith: str_endswith,
  expandtabs: str_expandtabs,
  find: str_find,
  format: str_format,
  format_map: str_format_map,
  index: str_index,
  isalnum: str_isalnum,
  isalpha: str_isalpha,
  isascii: str_isascii,
  isdecimal: str_isdecimal,
  isdigit: str_isdigit,
  isidentifier: str_isidentifier,
  islower: str_islower,
  isnumeric: str_isnumeric,
  isprintable: str_isprintable,
  isspace: str_isspace,
  istitle: str_istitle,
  isupper: str_isupper,
  join: str_join,
  ljust: str_ljust,
  lower: str_lower,
  lstrip: str_lstrip,
  // A static method, also reachable from an instance: the string is not an argument.
  maketrans: (_s: string, ...args: unknown[]) => (str_maketrans as (...a: unknown[]) => unknown)(...args),
  partition: str_partition,
  removeprefix: str_removeprefix,
  removesuffix: str_removesuffix,
  replace: str_replace,
  rfind: str_rfind,
  rindex: str_rindex,
  rjust: str_rjust,
  rpartition: str_rpartition,
  rsplit: str_rsplit,
  rstrip: str_rstrip,
  split: str_split,
  splitlines: str_splitlines,
  startswith: str_startswith,
  strip: str_strip,
  swapcase: str_swapcase,
  title: str_title,
  translate: str_translate,
  upper: str_upper,
  zfill: str_zfill,
  ...STR_DUNDERS,
  __sizeof__(s: string) {
    if (arguments.length !== 1) noArgs('str.__sizeof__', arguments.length - 1);
    return strSize(s);
  },
  __getnewargs__(s: string) {
    if (arguments.length !== 1) noArgs('str.__getnewargs__', arguments.length - 1);
    return PyTuple.of(s);
  },
};
