/**
 * JSON encoding as CPython's json.encoder does it: the same separators and
 * indentation, float and int spellings (repr, with NaN/Infinity), string
 * escapes (ensure_ascii escapes everything outside ' '..'~'), dict keys
 * coerced from int/float/bool/None, sort_keys sorting the items, `default`
 * for other objects, and the same errors.
 */
import { TypeError, ValueError } from '../../../builtins/exceptions.js';
import { PyDict } from '../../../builtins/dict.js';
import { BASE_VALUE, PyBoxed, PyBytes, PyFloat, PyTuple, isFloatNumber, isIntNumber, typeName } from '../../../builtins/values.js';
import { reprFloat } from '../../../builtins/numbers/repr.js';
import { repr } from '../../../builtins/repr.js';
import { list_sort } from '../../../builtins/sort.js';

export interface EncoderOptions {
  skipkeys: boolean;
  ensureAscii: boolean;
  checkCircular: boolean;
  allowNan: boolean;
  sortKeys: boolean;
  /** The indent string, or null for one line. */
  indent: string | null;
  itemSeparator: string;
  keySeparator: string;
  /** What to encode in place of an object JSON has no form for (raises TypeError by default). */
  default: (o: unknown) => unknown;
}

const ESCAPES: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f',
};

function hex4(c: number): string {
  return '\\u' + c.toString(16).padStart(4, '0');
}

const ESCAPE_ASCII = /[\\"]|[^ -~]/g;
const ESCAPE_CONTROL = /[\x00-\x1f\\"]/g;

/** A str as a JSON string literal. */
export function encodeString(s: string, ensureAscii: boolean): string {
  // Most strings need no escape: a scan of their char codes finds that without a replace.
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (ensureAscii && c > 0x7e)) {
      return '"' + s.replace(ensureAscii ? ESCAPE_ASCII : ESCAPE_CONTROL, escapeChar) + '"';
    }
  }
  return '"' + s + '"';
}

function escapeChar(ch: string): string {
  return ESCAPES[ch] ?? hex4(ch.charCodeAt(0));
}

/** float.__repr__ with JSON's spellings of the non-finite values. */
function floatString(x: number, allowNan: boolean): string {
  let text: string;
  if (x !== x) text = 'NaN';
  else if (x === Infinity) text = 'Infinity';
  else if (x === -Infinity) text = '-Infinity';
  else return reprFloat(x);
  if (!allowNan) throw new ValueError(`Out of range float values are not JSON compliant`);
  return text;
}

function isIntegral(v: unknown): v is number | bigint {
  return (typeof v === 'number' && isIntNumber(v)) || typeof v === 'bigint';
}

/** A dict key as JSON's key string, or null when skipkeys drops it. */
function keyString(k: unknown, opts: EncoderOptions): string | null {
  if (typeof k === 'string') return k;
  if (typeof k === 'number' && isFloatNumber(k)) return floatString(k + 0, opts.allowNan);
  if (k instanceof PyFloat) return floatString(k.value, opts.allowNan);
  if (k === true) return 'true';
  if (k === false) return 'false';
  if (k === null || k === undefined) return 'null';
  if (isIntegral(k)) return intString(k);
  // An instance of a str, int or float subclass is written as its value, as CPython's encoder does.
  if (k instanceof PyBoxed && !(k[BASE_VALUE] instanceof PyBytes)) return keyString(k[BASE_VALUE], opts);
  if (opts.skipkeys) return null;
  throw new TypeError(`keys must be str, int, float, bool or None, not ${typeName(k)}`);
}

/** An int's JSON text (its repr). */
function intString(v: number | bigint): string {
  return typeof v === 'number' && (v | 0) === v ? String(v) : repr(v);
}

/** One encode() call: the text so far and the containers being written (for check_circular). */
class Encoder {
  out = '';
  private readonly markers: Set<object> | null;

  constructor(private readonly opts: EncoderOptions) {
    this.markers = opts.checkCircular ? new Set<object>() : null;
  }

  private enter(x: object): void {
    const markers = this.markers;
    if (markers === null) return;
    if (markers.has(x)) throw new ValueError('Circular reference detected');
    markers.add(x);
  }

  private leave(x: object): void {
    this.markers?.delete(x);
  }

  walk(v: unknown, level: number): void {
    const opts = this.opts;
    if (typeof v === 'string') {
      this.out += encodeString(v, opts.ensureAscii);
    } else if (v === null || v === undefined) {
      this.out += 'null';
    } else if (v === true) {
      this.out += 'true';
    } else if (v === false) {
      this.out += 'false';
    } else if (isIntegral(v)) {
      this.out += intString(v);
    } else if (typeof v === 'number') {
      // A float's true value: `+ 0` turns the -0 of 0.0 into +0 (values.ts).
      this.out += floatString(v + 0, opts.allowNan);
    } else if (v instanceof PyFloat) {
      this.out += floatString(v.value, opts.allowNan);
    } else if (Array.isArray(v)) {
      this.walkList(v, level);
    } else if (v instanceof PyDict) {
      this.walkDict(v, level);
    } else if (v instanceof PyBoxed && !(v[BASE_VALUE] instanceof PyBytes)) {
      this.walk(v[BASE_VALUE], level);
    } else {
      this.enter(v as object);
      this.walk(opts.default(v), level);
      this.leave(v as object);
    }
  }

  /** Writes a non-empty container's opening bracket (with the first item's newline and indent when indenting); gives the separator between its items, at `level` + 1. */
  private openContainer(bracket: string, level: number): string {
    const opts = this.opts;
    if (opts.indent === null) {
      this.out += bracket;
      return opts.itemSeparator;
    }
    const newline = '\n' + opts.indent.repeat(level + 1);
    this.out += bracket + newline;
    return opts.itemSeparator + newline;
  }

  /** Writes the closing bracket of a container whose items are at `level`. */
  private closeContainer(bracket: string, level: number): void {
    if (this.opts.indent !== null) this.out += '\n' + this.opts.indent.repeat(level - 1);
    this.out += bracket;
  }

  private walkList(list: readonly unknown[], level: number): void {
    if (list.length === 0) {
      this.out += '[]';
      return;
    }
    this.enter(list);
    const separator = this.openContainer('[', level);
    if (this.opts.indent !== null) level++;
    for (let i = 0; i < list.length; i++) {
      if (i > 0) this.out += separator;
      this.walk(list[i], level);
    }
    this.closeContainer(']', level);
    this.leave(list);
  }

  private walkDict(d: PyDict, level: number): void {
    if (d.$size === 0) {
      this.out += '{}';
      return;
    }
    const opts = this.opts;
    this.enter(d);
    const separator = this.openContainer('{', level);
    if (opts.indent !== null) level++;
    // The items are taken first (CPython's encoder works on d.items() as a list).
    const keys: unknown[] = [];
    const values: unknown[] = [];
    if (opts.sortKeys) {
      const items: PyTuple[] = [];
      for (const k of d) items.push(PyTuple.of(k, PyDict.prototype.$get.call(d, k)));
      list_sort(items);
      for (const item of items) {
        keys.push(item[0]);
        values.push(item[1]);
      }
    } else {
      for (const k of d) {
        keys.push(k);
        values.push(PyDict.prototype.$get.call(d, k));
      }
    }
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const key = keyString(keys[i], opts);
      if (key === null) continue;
      if (!first) this.out += separator;
      first = false;
      this.out += encodeString(key, opts.ensureAscii) + opts.keySeparator;
      this.walk(values[i], level);
    }
    this.closeContainer('}', level);
    this.leave(d);
  }
}

export function encode(o: unknown, opts: EncoderOptions): string {
  const encoder = new Encoder(opts);
  encoder.walk(o, 0);
  return encoder.out;
}

/** JSONEncoder.default: the TypeError for objects JSON cannot represent. */
export function notSerializable(o: unknown): never {
  throw new TypeError(`Object of type ${typeName(o)} is not JSON serializable`);
}

/**
 * JSONEncoder.iterencode(o) as json.encoder's _make_iterencode writes it:
 * the same chunks, in the same order (a container's opening bracket joined
 * to its first scalar item, a dict's key, separator and value apart), with
 * errors raised where CPython raises them, after the chunks before.
 */
export function* iterencodeChunks(o: unknown, opts: EncoderOptions): Generator<string, void, undefined> {
  const markers = opts.checkCircular ? new Set<object>() : null;
  const indent = opts.indent;
  const enter = (x: object): void => {
    if (markers === null) return;
    if (markers.has(x)) throw new ValueError('Circular reference detected');
    markers.add(x);
  };

  /** A str, None, bool, int or float's text (their subclasses' as their values'); null for anything else. */
  const scalar = (v: unknown): string | null => {
    if (typeof v === 'string') return encodeString(v, opts.ensureAscii);
    if (v === null || v === undefined) return 'null';
    if (v === true) return 'true';
    if (v === false) return 'false';
    if (isIntegral(v)) return intString(v);
    if (typeof v === 'number') return floatString(v + 0, opts.allowNan);
    if (v instanceof PyFloat) return floatString(v.value, opts.allowNan);
    if (v instanceof PyBoxed && !(v[BASE_VALUE] instanceof PyBytes)) return scalar(v[BASE_VALUE]);
    return null;
  };

  function* container(v: unknown, level: number): Generator<string, void, undefined> {
    if (Array.isArray(v)) yield* list(v, level);
    else if (v instanceof PyDict) yield* dict(v, level);
    else yield* any(v, level);
  }

  function* list(lst: readonly unknown[], level: number): Generator<string, void, undefined> {
    if (lst.length === 0) {
      yield '[]';
      return;
    }
    enter(lst);
    let buf = '[';
    let newlineIndent: string | null = null;
    let separator = opts.itemSeparator;
    if (indent !== null) {
      level++;
      newlineIndent = '\n' + indent.repeat(level);
      separator = opts.itemSeparator + newlineIndent;
      buf += newlineIndent;
    }
    let first = true;
    for (const value of lst) {
      if (first) first = false;
      else buf = separator;
      const text = scalar(value);
      if (text !== null) {
        yield buf + text;
      } else {
        yield buf;
        yield* container(value, level);
      }
    }
    if (newlineIndent !== null) yield '\n' + indent!.repeat(level - 1);
    yield ']';
    markers?.delete(lst);
  }

  function* dict(d: PyDict, level: number): Generator<string, void, undefined> {
    if (d.size === 0) {
      yield '{}';
      return;
    }
    enter(d);
    yield '{';
    let newlineIndent: string | null = null;
    let separator = opts.itemSeparator;
    if (indent !== null) {
      level++;
      newlineIndent = '\n' + indent.repeat(level);
      separator = opts.itemSeparator + newlineIndent;
      yield newlineIndent;
    }
    const items: PyTuple[] = [];
    for (const k of d) items.push(PyTuple.of(k, PyDict.prototype.get.call(d, k)));
    if (opts.sortKeys) list_sort(items);
    let first = true;
    for (const item of items) {
      const key = keyString(item[0], opts);
      if (key === null) continue;
      if (first) first = false;
      else yield separator;
      yield encodeString(key, opts.ensureAscii);
      yield opts.keySeparator;
      const text = scalar(item[1]);
      if (text !== null) yield text;
      else yield* container(item[1], level);
    }
    if (newlineIndent !== null) yield '\n' + indent!.repeat(level - 1);
    yield '}';
    markers?.delete(d);
  }

  function* any(v: unknown, level: number): Generator<string, void, undefined> {
    const text = scalar(v);
    if (text !== null) {
      yield text;
    } else if (Array.isArray(v)) {
      yield* list(v, level);
    } else if (v instanceof PyDict) {
      yield* dict(v, level);
    } else {
      enter(v as object);
      yield* any(opts.default(v), level);
      markers?.delete(v as object);
    }
  }

  yield* any(o, 0);
}
