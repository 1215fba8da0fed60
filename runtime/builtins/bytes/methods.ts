/**
 * The bytes methods beyond bytes.ts's basics. Searching, splitting and
 * padding work on the bytes as a latin-1 JS string (one char per byte, so
 * JS's string search does the work); whitespace and case are ASCII-only,
 * as CPython's bytes methods are. Error messages are CPython's bytes ones
 * ("a bytes-like object is required", "subsection not found").
 */
import { OverflowError, TypeError, ValueError } from '../exceptions.js';
import { PyBoxed, PyBytes, PyTuple, isIntNumber, typeName } from '../values.js';
import { str_encode } from '../str/methods.js';
import { callSpecial, hasSpecial } from '../special.js';
import { pyIndex, userIndex } from '../numbers/index.js';
import { iterate } from '../iteration.js';
import { checkArgCount, checkPositional, indexArg, noArgs, oneArg } from '../str/args.js';
import { sliceIndexValue } from '../str/core.js';
import { percentFormat } from '../str/percent.js';
import { bytes_decode, bytes_hex } from '../bytes.js';
import { bufferBytes, bufferBytesOrNull } from '../buffer.js';
import { argTypeName, badArgument, type ClinicSignature, unpackKeywords } from '../arity.js';
import { bytesSize } from '../sizes.js';

type Method = (b: PyBytes, ...args: never[]) => unknown;

/** The bytes as a latin-1 string. */
export function bytesToLatin1(data: Uint8Array): string {
  let out = '';
  for (let i = 0; i < data.length; i += 4096) out += String.fromCharCode(...data.subarray(i, Math.min(i + 4096, data.length)));
  return out;
}

/** A latin-1 string (every char below 256) as bytes. */
export function latin1ToBytes(s: string): PyBytes {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return new PyBytes(out);
}

const L = (b: PyBytes): string => bytesToLatin1(b.bytes);

/** A bytes argument (`replace`, `split`…). */
function bytesArg(v: unknown): string {
  if (v instanceof PyBytes) return L(v);
  // A bytes subclass's instance (`class Tag(bytes)`), a bytearray, a memoryview.
  const buffer = bufferBytes(v);
  if (buffer !== null) return bytesToLatin1(buffer);
  throw new TypeError(`a bytes-like object is required, not '${typeName(v)}'`);
}

/** The needle of find/count/index: bytes or an int in range(256). */
function needle(v: unknown): string {
  if (v instanceof PyBytes) return L(v);
  const buffer = bufferBytes(v);
  if (buffer !== null) return bytesToLatin1(buffer);
  if ((typeof v === 'number' && isIntNumber(v)) || typeof v === 'boolean' || typeof v === 'bigint') {
    const n = indexArg(v);
    if (n < 0 || n > 255) throw new ValueError('byte must be in range(0, 256)');
    return String.fromCharCode(n);
  }
  throw new TypeError(`argument should be integer or bytes-like object, not '${typeName(v)}'`);
}

/** start/end of a search, adjusted as CPython's ADJUST_INDICES (read as slice indices, before the needle is looked at). */
function bounds(len: number, start: unknown, end: unknown): [number, number] {
  const a = sliceIndexValue(start);
  const b = sliceIndexValue(end);
  let s = a === null ? 0 : a;
  let e = b === null ? len : b;
  if (e > len) e = len;
  else if (e < 0) e = Math.max(e + len, 0);
  if (s < 0) s = Math.max(s + len, 0);
  return [s, e];
}

function find(b: PyBytes, sub: unknown, start: unknown, end: unknown, last: boolean): number {
  const s = L(b);
  const [lo, hi] = bounds(s.length, start, end);
  const n = needle(sub);
  if (lo > s.length || hi - lo < n.length) return -1;
  const window = s.slice(lo, hi);
  const i = last ? window.lastIndexOf(n) : window.indexOf(n);
  return i < 0 ? -1 : i + lo;
}

function count(b: PyBytes, sub: unknown, start?: unknown, end?: unknown): number {
  if (arguments.length !== 2) checkArgCount('count', arguments.length - 1, 1, 3);
  const s = L(b);
  const [lo, hi] = bounds(s.length, start, end);
  const n = needle(sub);
  if (lo > s.length || hi < lo) return 0;
  if (n.length === 0) return hi - lo + 1;
  let c = 0;
  const window = s.slice(lo, hi);
  for (let i = window.indexOf(n); i >= 0; i = window.indexOf(n, i + n.length)) c++;
  return c;
}

function affix(b: PyBytes, what: unknown, start: unknown, end: unknown, method: 'startswith' | 'endswith'): boolean {
  const s = L(b);
  const [lo, hi] = bounds(s.length, start, end);
  const test = (x: unknown, inTuple: boolean): boolean => {
    const buffer = x instanceof PyBytes ? x.bytes : bufferBytes(x);
    if (buffer === null) {
      // An item of the tuple is read as a buffer, with the buffer protocol's complaint.
      if (inTuple) throw new TypeError(`a bytes-like object is required, not '${typeName(x)}'`);
      throw new TypeError(`${method} first arg must be bytes or a tuple of bytes, not ${typeName(x)}`);
    }
    const t = bytesToLatin1(buffer);
    if (lo > s.length || hi - lo < t.length) return false;
    return method === 'startswith' ? s.startsWith(t, lo) : s.slice(lo, hi).endsWith(t);
  };
  if (what instanceof PyTuple) return what.some((x) => test(x, true));
  return test(what, false);
}

const WHITESPACE = ' \t\n\r\x0b\x0c';

function isSpace(c: string): boolean {
  return WHITESPACE.includes(c);
}

function strip(b: PyBytes, chars: unknown, left: boolean, right: boolean): PyBytes {
  const s = L(b);
  const set = chars === undefined || chars === null ? WHITESPACE : bytesArg(chars);
  let i = 0;
  let j = s.length;
  if (left) while (i < j && set.includes(s[i]!)) i++;
  if (right) while (j > i && set.includes(s[j - 1]!)) j--;
  return latin1ToBytes(s.slice(i, j));
}

function maxSplit(v: unknown): number {
  // A Py_ssize_t parameter: None is no default here, unlike str.split's.
  if (v === undefined) return -1;
  return indexArg(v);
}

function split(b: PyBytes, sep: unknown, maxsplit: unknown): unknown[] {
  const s = L(b);
  let max = maxSplit(maxsplit);
  if (max < 0) max = Infinity;
  const out: PyBytes[] = [];
  if (sep === undefined || sep === null) {
    let i = 0;
    while (i < s.length) {
      while (i < s.length && isSpace(s[i]!)) i++;
      if (i >= s.length) break;
      if (out.length >= max) {
        out.push(latin1ToBytes(s.slice(i)));
        break;
      }
      let j = i;
      while (j < s.length && !isSpace(s[j]!)) j++;
      out.push(latin1ToBytes(s.slice(i, j)));
      i = j;
    }
    return out;
  }
  const t = bytesArg(sep);
  if (t.length === 0) throw new ValueError('empty separator');
  let i = 0;
  for (let at = s.indexOf(t); at >= 0 && out.length < max; at = s.indexOf(t, i)) {
    out.push(latin1ToBytes(s.slice(i, at)));
    i = at + t.length;
  }
  out.push(latin1ToBytes(s.slice(i)));
  return out;
}

function rsplit(b: PyBytes, sep: unknown, maxsplit: unknown): unknown[] {
  const s = L(b);
  let max = maxSplit(maxsplit);
  if (max < 0) max = Infinity;
  const out: PyBytes[] = [];
  if (sep === undefined || sep === null) {
    let j = s.length;
    while (j > 0) {
      while (j > 0 && isSpace(s[j - 1]!)) j--;
      if (j <= 0) break;
      if (out.length >= max) {
        out.push(latin1ToBytes(s.slice(0, j)));
        break;
      }
      let i = j;
      while (i > 0 && !isSpace(s[i - 1]!)) i--;
      out.push(latin1ToBytes(s.slice(i, j)));
      j = i;
    }
    return out.reverse();
  }
  const t = bytesArg(sep);
  if (t.length === 0) throw new ValueError('empty separator');
  let j = s.length;
  for (let at = s.lastIndexOf(t, j - t.length); at >= 0 && out.length < max; at = j - t.length < 0 ? -1 : s.lastIndexOf(t, j - t.length)) {
    out.push(latin1ToBytes(s.slice(at + t.length, j)));
    j = at;
  }
  out.push(latin1ToBytes(s.slice(0, j)));
  return out.reverse();
}

function splitlines(b: PyBytes, keepends?: unknown): unknown[] {
  if (arguments.length > 2) checkArgCount('splitlines', arguments.length - 1, 0, 1);
  // Argument Clinic's bool(accept={int}): any int, its truth.
  const keep = keepends !== undefined && indexArg(keepends, true) !== 0;
  const s = L(b);
  const out: PyBytes[] = [];
  let i = 0;
  while (i < s.length) {
    let j = i;
    while (j < s.length && s[j] !== '\n' && s[j] !== '\r') j++;
    let eol = j;
    if (j < s.length) eol = s[j] === '\r' && s[j + 1] === '\n' ? j + 2 : j + 1;
    out.push(latin1ToBytes(s.slice(i, keep ? eol : j)));
    i = eol;
  }
  return out;
}

function join(b: PyBytes, iterable: unknown): PyBytes {
  if (arguments.length !== 2) oneArg('bytes.join', arguments.length - 1);
  const sep = L(b);
  const parts: string[] = [];
  let k = 0;
  let items: Iterable<unknown>;
  try {
    items = iterate(iterable);
  } catch (e) {
    if (e instanceof TypeError) throw new TypeError('can only join an iterable');
    throw e;
  }
  for (const each of items) {
    const item = bufferBytesOrNull(each);
    if (item === null) throw new TypeError(`sequence item ${k}: expected a bytes-like object, ${typeName(each)} found`);
    parts.push(bytesToLatin1(item));
    k++;
  }
  return latin1ToBytes(parts.join(sep));
}

function partition(b: PyBytes, sep: unknown, last: boolean): PyTuple {
  const s = L(b);
  const t = bytesArg(sep);
  if (t.length === 0) throw new ValueError('empty separator');
  const at = last ? s.lastIndexOf(t) : s.indexOf(t);
  const empty = new PyBytes(new Uint8Array(0));
  if (at < 0) return last ? PyTuple.of(empty, empty, b) : PyTuple.of(b, empty, empty);
  // The separator found is the argument itself, as in CPython (a memoryview stays one).
  return PyTuple.of(latin1ToBytes(s.slice(0, at)), sep, latin1ToBytes(s.slice(at + t.length)));
}

function replace(b: PyBytes, old: unknown, replacement: unknown, countArg?: unknown): PyBytes {
  if (arguments.length !== 3) checkPositional('replace', arguments.length - 1, 2, 3);
  const s = L(b);
  const o = bytesArg(old);
  const r = bytesArg(replacement);
  let max = countArg === undefined ? -1 : indexArg(countArg);
  if (max < 0) max = Infinity;
  if (o.length === 0) {
    let out = '';
    let n = 0;
    for (let i = 0; i <= s.length; i++) {
      if (n < max) {
        out += r;
        n++;
      }
      if (i < s.length) out += s[i];
    }
    return latin1ToBytes(out);
  }
  let out = '';
  let i = 0;
  let n = 0;
  for (let at = s.indexOf(o); at >= 0 && n < max; at = s.indexOf(o, i)) {
    out += s.slice(i, at) + r;
    i = at + o.length;
    n++;
  }
  return latin1ToBytes(out + s.slice(i));
}

function fillArg(v: unknown, method: string): string {
  if (v === undefined) return ' ';
  if (v instanceof PyBytes && v.bytes.length === 1) return String.fromCharCode(v.bytes[0]!);
  throw new TypeError(`${method}() argument 2 must be a byte string of length 1, not ${argTypeName(v)}`);
}

function pad(b: PyBytes, width: unknown, fill: unknown, method: 'center' | 'ljust' | 'rjust', given: number): PyBytes {
  if (given !== 1) checkPositional(method, given, 1, 2);
  const s = L(b);
  const w = indexArg(width);
  const f = fillArg(fill, method);
  if (w <= s.length) return b;
  const room = w - s.length;
  if (method === 'ljust') return latin1ToBytes(s + f.repeat(room));
  if (method === 'rjust') return latin1ToBytes(f.repeat(room) + s);
  // CPython's rounding: the odd extra space goes left only when both the margin and the width are odd.
  const left = Math.floor(room / 2) + (room & w & 1);
  return latin1ToBytes(f.repeat(left) + s + f.repeat(room - left));
}

function zfill(b: PyBytes, width: unknown): PyBytes {
  if (arguments.length !== 2) oneArg('bytes.zfill', arguments.length - 1);
  const s = L(b);
  const w = indexArg(width);
  if (w <= s.length) return b;
  const signed = s[0] === '+' || s[0] === '-';
  const zeros = '0'.repeat(w - s.length);
  return latin1ToBytes(signed ? s[0] + zeros + s.slice(1) : zeros + s);
}

const isLowerAscii = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isUpperAscii = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isAlphaAscii = (c: number): boolean => isLowerAscii(c) || isUpperAscii(c);
const isDigitAscii = (c: number): boolean => c >= 0x30 && c <= 0x39;

function mapBytes(b: PyBytes, f: (c: number, i: number, prev: number) => number): PyBytes {
  const data = b.bytes;
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = f(data[i]!, i, i > 0 ? data[i - 1]! : -1);
  return new PyBytes(out);
}

const upper = (c: number): number => (isLowerAscii(c) ? c - 32 : c);
const lower = (c: number): number => (isUpperAscii(c) ? c + 32 : c);

function every(b: PyBytes, test: (c: number) => boolean): boolean {
  const data = b.bytes;
  if (data.length === 0) return false;
  for (const c of data) if (!test(c)) return false;
  return true;
}

function cased(b: PyBytes, want: (c: number) => boolean, other: (c: number) => boolean): boolean {
  let seen = false;
  for (const c of b.bytes) {
    if (other(c)) return false;
    if (want(c)) seen = true;
  }
  return seen;
}

function istitle(b: PyBytes): boolean {
  let cased = false;
  let previousCased = false;
  for (const c of b.bytes) {
    if (isUpperAscii(c)) {
      if (previousCased) return false;
      previousCased = true;
      cased = true;
    } else if (isLowerAscii(c)) {
      if (!previousCased) return false;
      previousCased = true;
      cased = true;
    } else previousCased = false;
  }
  return cased;
}

function expandtabs(b: PyBytes, tabsize?: unknown): PyBytes {
  if (arguments.length > 2) checkArgCount('expandtabs', arguments.length - 1, 0, 1);
  const s = L(b);
  const size = tabsize === undefined ? 8 : indexArg(tabsize);
  let out = '';
  let column = 0;
  for (const ch of s) {
    if (ch === '\t') {
      if (size > 0) {
        const n = size - (column % size);
        out += ' '.repeat(n);
        column += n;
      }
    } else {
      out += ch;
      column = ch === '\n' || ch === '\r' ? 0 : column + 1;
    }
  }
  return latin1ToBytes(out);
}

/** `bytes.fromhex(s)`: pairs of hex digits, spaces allowed between pairs. */
export function bytesFromHex(s: unknown): PyBytes {
  if (arguments.length !== 1) oneArg('bytes.fromhex', arguments.length);
  if (typeof s !== 'string') throw new TypeError(`fromhex() argument must be str, not ${argTypeName(s)}`);
  const out: number[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r' || s[i] === '\x0b' || s[i] === '\x0c') {
      i++;
      continue;
    }
    const hi = parseInt(s[i]!, 16);
    if (Number.isNaN(hi)) throw new ValueError(`non-hexadecimal number found in fromhex() arg at position ${i}`);
    const lo = i + 1 < s.length ? parseInt(s[i + 1]!, 16) : NaN;
    if (Number.isNaN(lo)) throw new ValueError(`non-hexadecimal number found in fromhex() arg at position ${i + 1}`);
    out.push(hi * 16 + lo);
    i += 2;
  }
  return new PyBytes(Uint8Array.from(out));
}

function noArgsMethod(name: string, f: (b: PyBytes) => unknown): Method {
  return function (this: void, b: PyBytes) {
    noArgs(`bytes.${name}`, arguments.length - 1);
    return f(b);
  } as Method;
}

/** A method of one argument (METH_O): `bytes.partition() takes exactly one argument (0 given)`. */
function oneArgMethod(name: string, f: (b: PyBytes, x: unknown) => unknown): Method {
  return function (this: void, b: PyBytes, x: unknown) {
    if (arguments.length !== 2) oneArg(`bytes.${name}`, arguments.length - 1);
    return f(b, x);
  } as Method;
}

/** find, index, count, startswith… (stringlib's parse_args_finds): `find() takes at least 1 argument (0 given)`. */
function findsMethod(name: string, f: (b: PyBytes, sub: unknown, start: unknown, end: unknown) => unknown): Method {
  return function (this: void, b: PyBytes, sub: unknown, start?: unknown, end?: unknown) {
    if (arguments.length !== 2) checkArgCount(name, arguments.length - 1, 1, 3);
    return f(b, sub, start, end);
  } as Method;
}

/** strip, lstrip, rstrip: `strip expected at most 1 argument, got 2`. */
function stripMethod(name: string, left: boolean, right: boolean): Method {
  return function (this: void, b: PyBytes, chars?: unknown) {
    if (arguments.length > 2) checkPositional(name, arguments.length - 1, 0, 1);
    return strip(b, chars, left, right);
  } as Method;
}

function padMethod(name: 'center' | 'ljust' | 'rjust'): Method {
  return function (this: void, b: PyBytes, width: unknown, fill?: unknown) {
    return pad(b, width, fill, name, arguments.length - 1);
  } as Method;
}

/** `bytes.maketrans(frm, to)`: the 256-byte table mapping each byte of frm to the byte of to at its place. */
export function bytesMaketrans(frm: unknown, to: unknown): PyBytes {
  if (arguments.length !== 2) checkPositional('maketrans', arguments.length, 2, 2);
  const from = bytesArg(frm);
  const into = bytesArg(to);
  if (from.length !== into.length) throw new ValueError('maketrans arguments must have same length');
  const table = new Uint8Array(256);
  for (let i = 0; i < 256; i++) table[i] = i;
  for (let i = 0; i < from.length; i++) table[from.charCodeAt(i)] = into.charCodeAt(i);
  return new PyBytes(table);
}

const TRANSLATE_SIGNATURE: ClinicSignature = { name: 'translate', params: ['table', 'delete'], posonly: 1, minpos: 1, maxpos: 2 };

/** `b.translate(table, /, delete=b'')`: the bytes not in delete, each mapped through table (None keeps them). */
function translate(b: PyBytes, table: unknown, deleteChars?: unknown): PyBytes {
  if (arguments.length !== 2 && arguments.length !== 3) unpackKeywords(TRANSLATE_SIGNATURE, [...arguments].slice(1), null);
  let map: string | null = null;
  if (table !== null) {
    map = bytesArg(table);
    if (map.length !== 256) throw new ValueError('translation table must be 256 characters long');
  }
  const drop = deleteChars === undefined ? '' : bytesArg(deleteChars);
  const s = L(b);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (drop.length > 0 && drop.includes(c)) continue;
    out += map === null ? c : map[c.charCodeAt(0)]!;
  }
  return latin1ToBytes(out);
}

/** How many arguments each bytes method of one or none takes (METH_O, METH_NOARGS): bytearray checks with its own name. */
export const BYTES_ARITY: Record<string, number> = {
  join: 1, partition: 1, rpartition: 1, removeprefix: 1, removesuffix: 1, zfill: 1,
  upper: 0, lower: 0, swapcase: 0, capitalize: 0, title: 0, isalpha: 0, isdigit: 0, isalnum: 0, isspace: 0, isascii: 0,
  isupper: 0, islower: 0, istitle: 0,
};

function indexOrRaise(i: number): number {
  if (i < 0) throw new ValueError('subsection not found');
  return i;
}

/** The bytes methods the attribute layer looks up by Python name. */
export const BYTES_METHODS: Record<string, Method> = {
  // 3.11's bytes.__bytes__: the bytes themselves (a subclass's instance gives its base value, unboxed).
  __bytes__: (b: PyBytes) => b,
  __sizeof__(b: PyBytes) {
    if (arguments.length !== 1) noArgs('bytes.__sizeof__', arguments.length - 1);
    return bytesSize(b.bytes.length);
  },
  __getnewargs__(b: PyBytes) {
    if (arguments.length !== 1) noArgs('bytes.__getnewargs__', arguments.length - 1);
    return PyTuple.of(b);
  },
  decode: bytes_decode,
  hex: bytes_hex,
  find: findsMethod('find', (b, sub, start, end) => find(b, sub, start, end, false)),
  rfind: findsMethod('rfind', (b, sub, start, end) => find(b, sub, start, end, true)),
  index: findsMethod('index', (b, sub, start, end) => indexOrRaise(find(b, sub, start, end, false))),
  rindex: findsMethod('rindex', (b, sub, start, end) => indexOrRaise(find(b, sub, start, end, true))),
  count,
  startswith: findsMethod('startswith', (b, what, start, end) => affix(b, what, start, end, 'startswith')),
  endswith: findsMethod('endswith', (b, what, start, end) => affix(b, what, start, end, 'endswith')),
  strip: stripMethod('strip', true, true),
  lstrip: stripMethod('lstrip', true, false),
  rstrip: stripMethod('rstrip', false, true),
  split: function (this: void, b: PyBytes, sep?: unknown, maxsplit?: unknown) {
    checkArgCount('split', arguments.length - 1, 0, 2);
    return split(b, sep, maxsplit);
  } as Method,
  rsplit: function (this: void, b: PyBytes, sep?: unknown, maxsplit?: unknown) {
    checkArgCount('rsplit', arguments.length - 1, 0, 2);
    return rsplit(b, sep, maxsplit);
  } as Method,
  splitlines,
  join,
  partition: oneArgMethod('partition', (b, sep) => partition(b, sep, false)),
  rpartition: oneArgMethod('rpartition', (b, sep) => partition(b, sep, true)),
  replace,
  removeprefix: oneArgMethod('removeprefix', (b, prefix) => {
    const s = L(b);
    const p = bytesArg(prefix);
    return p.length > 0 && s.startsWith(p) ? latin1ToBytes(s.slice(p.length)) : b;
  }),
  removesuffix: oneArgMethod('removesuffix', (b, suffix) => {
    const s = L(b);
    const p = bytesArg(suffix);
    return p.length > 0 && s.endsWith(p) ? latin1ToBytes(s.slice(0, s.length - p.length)) : b;
  }),
  center: padMethod('center'),
  ljust: padMethod('ljust'),
  rjust: padMethod('rjust'),
  zfill,
  expandtabs,
  translate,
  // A static method, also reachable from an instance: the bytes are not an argument.
  maketrans: (_b: PyBytes, ...args: unknown[]) => (bytesMaketrans as (...a: unknown[]) => PyBytes)(...args),
  fromhex: (_b: PyBytes, ...args: unknown[]) => (bytesFromHex as (...a: unknown[]) => PyBytes)(...args),
  upper: noArgsMethod('upper', (b) => mapBytes(b, upper)),
  lower: noArgsMethod('lower', (b) => mapBytes(b, lower)),
  swapcase: noArgsMethod('swapcase', (b) => mapBytes(b, (c) => (isLowerAscii(c) ? c - 32 : isUpperAscii(c) ? c + 32 : c))),
  capitalize: noArgsMethod('capitalize', (b) => mapBytes(b, (c, i) => (i === 0 ? upper(c) : lower(c)))),
  title: noArgsMethod('title', (b) => mapBytes(b, (c, _i, prev) => (prev >= 0 && isAlphaAscii(prev) ? lower(c) : upper(c)))),
  isalpha: noArgsMethod('isalpha', (b) => every(b, isAlphaAscii)),
  isdigit: noArgsMethod('isdigit', (b) => every(b, isDigitAscii)),
  isalnum: noArgsMethod('isalnum', (b) => every(b, (c) => isAlphaAscii(c) || isDigitAscii(c))),
  isspace: noArgsMethod('isspace', (b) => every(b, (c) => isSpace(String.fromCharCode(c)))),
  isascii: noArgsMethod('isascii', (b) => b.bytes.every((c) => c < 0x80)),
  isupper: noArgsMethod('isupper', (b) => cased(b, isUpperAscii, isLowerAscii)),
  islower: noArgsMethod('islower', (b) => cased(b, isLowerAscii, isUpperAscii)),
  istitle: noArgsMethod('istitle', istitle),
  __mod__: (b: PyBytes, args: unknown) => bytesPercent(b, args),
};

/** `b % args`. */
export function bytesPercent(b: PyBytes, args: unknown): PyBytes {
  return latin1ToBytes(percentFormat(L(b), args, true));
}

/**
 * `bytes(source=b'', encoding=None, errors=None)`, and bytearray()'s
 * conversion (`kind` names the type in its complaints; bytearray never
 * asks `__bytes__`).
 */
export function makeBytes(source?: unknown, encoding?: unknown, errors?: unknown, kind: 'bytes' | 'bytearray' = 'bytes'): PyBytes {
  if (encoding !== undefined || errors !== undefined) {
    // Argument Clinic converts encoding and errors before the body looks at the source.
    if (encoding !== undefined && typeof encoding !== 'string') throw badArgument(kind, "argument 'encoding'", 'str', encoding);
    if (errors !== undefined && typeof errors !== 'string') throw badArgument(kind, "argument 'errors'", 'str', errors);
  }
  if (source === undefined) {
    if (encoding !== undefined) throw new TypeError('encoding without a string argument');
    if (errors !== undefined) throw new TypeError('errors without a string argument');
    return new PyBytes(new Uint8Array(0));
  }
  if (typeof source === 'string') {
    if (encoding === undefined) throw new TypeError('string argument without an encoding');
    return str_encode(source, encoding, errors);
  }
  if (encoding !== undefined) throw new TypeError('encoding without a string argument');
  if (errors !== undefined) throw new TypeError('errors without a string argument');
  if (source instanceof PyBytes) return source;
  // Any other bytes-like object: its bytes (a memoryview's in C order, whatever its format), copied.
  const buffer = bufferBytes(source, true);
  if (buffer !== null && !(kind === 'bytes' && source instanceof PyBoxed && hasSpecial(source, '__bytes__'))) return new PyBytes(buffer.slice());
  if ((typeof source === 'number' && isIntNumber(source)) || typeof source === 'boolean' || typeof source === 'bigint') {
    if (typeof source === 'bigint' && (source >= 2n ** 63n || source < -(2n ** 63n))) {
      throw new OverflowError(`cannot fit 'int' into an index-sized integer`);
    }
    const n = indexArg(source);
    if (n < 0) throw new ValueError('negative count');
    return new PyBytes(new Uint8Array(n));
  }
  if (kind === 'bytes' && source !== null && hasSpecial(source, '__bytes__')) {
    const r = callSpecial(source, '__bytes__');
    if (!(r instanceof PyBytes)) throw new TypeError(`__bytes__ returned non-bytes (type ${typeName(r)})`);
    return r;
  }
  // An int subclass's instance, or any object with __index__: a count of zero bytes.
  const count = userIndex(source);
  if (count !== undefined) return makeBytes(count);
  let items: Iterable<unknown>;
  try {
    items = iterate(source);
  } catch (e) {
    // PyBytes_FromObject: a TypeError from asking for an iterator is "cannot convert".
    if (e instanceof TypeError) throw new TypeError(`cannot convert '${typeName(source)}' object to ${kind}`);
    throw e;
  }
  const out: number[] = [];
  for (const v of items) {
    const n = typeof v === 'object' && v !== null ? Number(pyIndex(v)) : indexArg(v);
    if (n < 0 || n > 255) throw new ValueError(kind === 'bytes' ? 'bytes must be in range(0, 256)' : 'byte must be in range(0, 256)');
    out.push(n);
  }
  return new PyBytes(Uint8Array.from(out));
}
