/**
 * JSON decoding as CPython's json.decoder does it: the same grammar (NaN and
 * Infinity accepted, no trailing commas, numbers as int or float), the same
 * hooks, and JSONDecodeError with CPython's messages and positions (counted
 * in code points, as Python indexes strings).
 */
import { callableClass } from '../../../builtins/callableClass.js';
import { ValueError } from '../../../builtins/exceptions.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyTuple } from '../../../builtins/values.js';
import { call } from '../../../builtins/calls.js';
import { intFromBigInt } from '../../../builtins/numbers/core.js';
import { boxFloat } from '../../../builtins/numbers/core.js';

/** Code points before JS index `i` of `s` (Python's index of the same place). */
function pyIndex(s: string, i: number): number {
  let n = 0;
  for (let k = 0; k < i; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < i) {
      const d = s.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) k++;
    }
    n++;
  }
  return n;
}

export const JSONDecodeError = callableClass(class JSONDecodeError extends ValueError {
  static readonly __module__ = 'json.decoder';
  msg: unknown;
  doc: unknown;
  pos: unknown;
  lineno: number;
  colno: number;

  /** JSONDecodeError(msg, doc, pos): pos indexes doc in code points. */
  constructor(msg: unknown, doc: unknown, pos: unknown) {
    super();
    this.lineno = 1;
    this.colno = 1;
    this.__init__(msg, doc, pos);
  }

  /** Also what a Python-level call of the class runs after allocating. */
  override __init__(...args: unknown[]): null {
    const [msg, doc, pos] = args;
    const chars = [...String(doc)];
    const p = Number(pos);
    let lineno = 1;
    let lastNewline = -1;
    for (let i = 0; i < p && i < chars.length; i++) {
      if (chars[i] === '\n') {
        lineno++;
        lastNewline = i;
      }
    }
    const colno = p - lastNewline;
    this.args = PyTuple.of(`${String(msg)}: line ${lineno} column ${colno} (char ${p})`);
    this.msg = msg;
    this.doc = doc;
    this.pos = pos;
    this.lineno = lineno;
    this.colno = colno;
    return null;
  }
});
export type JSONDecodeError = InstanceType<typeof JSONDecodeError>;

export interface DecoderOptions {
  objectHook: unknown;
  objectPairsHook: unknown;
  parseFloat: unknown;
  parseInt: unknown;
  parseConstant: unknown;
  strict: boolean;
}

const HEX4 = /^[0-9a-fA-F]{4}$/;
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Reads with char codes rather than sticky RegExps (a RegExp call costs more
 * than the few characters a token has). Each reader returns its value and
 * leaves where it ended in `end`.
 */
class Scanner {
  /** Where the last value read ended. */
  end = 0;

  constructor(
    readonly s: string,
    readonly opts: DecoderOptions,
  ) {}

  fail(msg: string, at: number): JSONDecodeError {
    return new JSONDecodeError(msg, this.s, pyIndex(this.s, at));
  }

  /** The index of the first non-whitespace character from i (JSON's whitespace: space, \t, \n, \r). */
  skip(i: number): number {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return i;
    }
  }

  /** The value starting at i (no whitespace before it). */
  value(i: number): unknown {
    const s = this.s;
    switch (s.charCodeAt(i)) {
      case 0x22: // "
        return this.string(i + 1);
      case 0x7b: // {
        return this.object(i + 1);
      case 0x5b: // [
        return this.array(i + 1);
      case 0x6e: // n
        if (s.startsWith('null', i)) return this.token(null, i + 4);
        break;
      case 0x74: // t
        if (s.startsWith('true', i)) return this.token(true, i + 4);
        break;
      case 0x66: // f
        if (s.startsWith('false', i)) return this.token(false, i + 5);
        break;
      case 0x4e: // N
        if (s.startsWith('NaN', i)) return this.token(this.constant('NaN', NaN), i + 3);
        break;
      case 0x49: // I
        if (s.startsWith('Infinity', i)) return this.token(this.constant('Infinity', Infinity), i + 8);
        break;
      case 0x2d: // -
        if (s.startsWith('-Infinity', i)) return this.token(this.constant('-Infinity', -Infinity), i + 9);
        break;
    }
    return this.number(i);
  }

  private token(v: unknown, end: number): unknown {
    this.end = end;
    return v;
  }

  /** CPython's NUMBER_RE, `(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?` with ASCII digits, read by hand. */
  private number(i: number): unknown {
    const s = this.s;
    let j = i;
    if (s.charCodeAt(j) === 0x2d) j++;
    const lead = s.charCodeAt(j);
    if (lead === 0x30) j++;
    else if (lead >= 0x31 && lead <= 0x39) {
      j++;
      while (isDigit(s.charCodeAt(j))) j++;
    } else {
      throw this.fail('Expecting value', i);
    }
    const intEnd = j;
    if (s.charCodeAt(j) === 0x2e && isDigit(s.charCodeAt(j + 1))) {
      j += 2;
      while (isDigit(s.charCodeAt(j))) j++;
    }
    const e = s.charCodeAt(j);
    if (e === 0x65 || e === 0x45) {
      let k = j + 1;
      const sign = s.charCodeAt(k);
      if (sign === 0x2b || sign === 0x2d) k++;
      if (isDigit(s.charCodeAt(k))) {
        k++;
        while (isDigit(s.charCodeAt(k))) k++;
        j = k;
      }
    }
    this.end = j;
    if (j !== intEnd) {
      const text = s.slice(i, j);
      if (this.opts.parseFloat !== null) return call(this.opts.parseFloat, [text], null);
      return boxFloat(Number(text));
    }
    const text = s.slice(i, j);
    if (this.opts.parseInt !== null) return call(this.opts.parseInt, [text], null);
    if (text.length <= 15) {
      const n = Number(text);
      return n === 0 ? 0 : n;
    }
    return intFromBigInt(BigInt(text));
  }

  constant(name: string, v: number): unknown {
    return this.opts.parseConstant !== null ? call(this.opts.parseConstant, [name], null) : v;
  }

  /** The string whose opening quote is at `start - 1`. */
  string(start: number): string {
    const s = this.s;
    const n = s.length;
    let i = start;
    let out = '';
    for (;;) {
      // A run of characters standing for themselves.
      const from = i;
      let c = s.charCodeAt(i);
      while (i < n && c !== 0x22 && c !== 0x5c && c >= 0x20) c = s.charCodeAt(++i);
      if (from === start && c === 0x22) {
        this.end = i + 1;
        return s.slice(start, i);
      }
      out += s.slice(from, i);
      if (i >= n) throw this.fail('Unterminated string starting at', start - 1);
      if (c === 0x22) {
        this.end = i + 1;
        return out;
      }
      if (c !== 0x5c) {
        if (this.opts.strict) throw this.fail('Invalid control character at', i);
        out += s[i];
        i++;
        continue;
      }
      const e = s[i + 1];
      if (e === undefined) throw this.fail('Unterminated string starting at', start - 1);
      if (e !== 'u') {
        const simple = SIMPLE_ESCAPES[e];
        if (simple === undefined) throw this.fail('Invalid \\escape', i);
        out += simple;
        i += 2;
        continue;
      }
      const digits = s.slice(i + 2, i + 6);
      if (!HEX4.test(digits)) throw this.fail('Invalid \\uXXXX escape', i + 1);
      // A surrogate pair written as two escapes joins by itself in a JS string.
      out += String.fromCharCode(parseInt(digits, 16));
      i += 6;
    }
  }

  object(start: number): unknown {
    const s = this.s;
    const pairsHook = this.opts.objectPairsHook !== null;
    // Without object_pairs_hook the pairs go straight into the dict, in the same order.
    const pairs: PyTuple[] | null = pairsHook ? [] : null;
    const d: PyDict | null = pairsHook ? null : new PyDict();
    let i = this.skip(start);
    if (s.charCodeAt(i) === 0x7d) return this.finishObject(pairs, d, i + 1);
    for (;;) {
      if (s.charCodeAt(i) !== 0x22) throw this.fail('Expecting property name enclosed in double quotes', i);
      const key = this.string(i + 1);
      i = this.skip(this.end);
      if (s.charCodeAt(i) !== 0x3a) throw this.fail("Expecting ':' delimiter", i);
      i = this.skip(i + 1);
      const value = this.value(i);
      if (d !== null) d.$set(key, value);
      else pairs!.push(PyTuple.of(key, value));
      i = this.skip(this.end);
      const c = s.charCodeAt(i);
      if (c === 0x7d) return this.finishObject(pairs, d, i + 1);
      if (c !== 0x2c) throw this.fail("Expecting ',' delimiter", i);
      i = this.skip(i + 1);
    }
  }

  private finishObject(pairs: PyTuple[] | null, d: PyDict | null, end: number): unknown {
    const result = d === null
      ? call(this.opts.objectPairsHook, [pairs], null)
      : this.opts.objectHook !== null ? call(this.opts.objectHook, [d], null) : d;
    this.end = end;
    return result;
  }

  array(start: number): unknown[] {
    const s = this.s;
    const out: unknown[] = [];
    let i = this.skip(start);
    if (s.charCodeAt(i) === 0x5d) {
      this.end = i + 1;
      return out;
    }
    for (;;) {
      out.push(this.value(i));
      i = this.skip(this.end);
      const c = s.charCodeAt(i);
      if (c === 0x5d) {
        this.end = i + 1;
        return out;
      }
      if (c !== 0x2c) throw this.fail("Expecting ',' delimiter", i);
      i = this.skip(i + 1);
    }
  }
}

/** JSONDecoder.decode(s): one value, surrounded by whitespace only. */
export function decode(s: string, opts: DecoderOptions): unknown {
  const scanner = new Scanner(s, opts);
  const start = scanner.skip(0);
  const value = scanner.value(start);
  const rest = scanner.skip(scanner.end);
  if (rest !== s.length) throw scanner.fail('Extra data', rest);
  return value;
}

/** JSONDecoder.raw_decode(s, idx): the value starting at idx and where it ends (Python indexes). */
export function rawDecode(s: string, idx: number, opts: DecoderOptions): [unknown, number] {
  const scanner = new Scanner(s, opts);
  let i = 0;
  for (let n = 0; n < idx && i < s.length; n++) i += (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  const value = scanner.value(i);
  return [value, pyIndex(s, scanner.end)];
}
