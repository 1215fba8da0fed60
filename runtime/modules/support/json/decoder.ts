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

const NUMBER = /(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const STRING_CHUNK = /[^"\\\x00-\x1f]*/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Scanner {
  constructor(
    readonly s: string,
    readonly opts: DecoderOptions,
  ) {}

  fail(msg: string, at: number): JSONDecodeError {
    return new JSONDecodeError(msg, this.s, pyIndex(this.s, at));
  }

  skip(i: number): number {
    WHITESPACE.lastIndex = i;
    WHITESPACE.test(this.s);
    return WHITESPACE.lastIndex;
  }

  /** The value starting at i (no whitespace before it): [value, end]. */
  value(i: number): [unknown, number] {
    const s = this.s;
    const c = s[i];
    switch (c) {
      case '"':
        return this.string(i + 1);
      case '{':
        return this.object(i + 1);
      case '[':
        return this.array(i + 1);
      case 'n':
        if (s.startsWith('null', i)) return [null, i + 4];
        break;
      case 't':
        if (s.startsWith('true', i)) return [true, i + 4];
        break;
      case 'f':
        if (s.startsWith('false', i)) return [false, i + 5];
        break;
      case 'N':
        if (s.startsWith('NaN', i)) return [this.constant('NaN', NaN), i + 3];
        break;
      case 'I':
        if (s.startsWith('Infinity', i)) return [this.constant('Infinity', Infinity), i + 8];
        break;
      case '-':
        if (s.startsWith('-Infinity', i)) return [this.constant('-Infinity', -Infinity), i + 9];
        break;
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(s);
    if (m === null) throw this.fail('Expecting value', i);
    const end = NUMBER.lastIndex;
    if (m[2] !== undefined || m[3] !== undefined) {
      const text = m[0];
      if (this.opts.parseFloat !== null) return [call(this.opts.parseFloat, [text], null), end];
      return [boxFloat(Number(text)), end];
    }
    const text = m[1]!;
    if (this.opts.parseInt !== null) return [call(this.opts.parseInt, [text], null), end];
    if (text.length <= 15) {
      const n = Number(text);
      return [n === 0 ? 0 : n, end];
    }
    return [intFromBigInt(BigInt(text)), end];
  }

  constant(name: string, v: number): unknown {
    return this.opts.parseConstant !== null ? call(this.opts.parseConstant, [name], null) : v;
  }

  /** The string whose opening quote is at `start - 1`. */
  string(start: number): [string, number] {
    const s = this.s;
    let i = start;
    let out = '';
    for (;;) {
      STRING_CHUNK.lastIndex = i;
      STRING_CHUNK.test(s);
      out += s.slice(i, STRING_CHUNK.lastIndex);
      i = STRING_CHUNK.lastIndex;
      if (i >= s.length) throw this.fail('Unterminated string starting at', start - 1);
      const c = s[i]!;
      if (c === '"') return [out, i + 1];
      if (c !== '\\') {
        if (this.opts.strict) throw this.fail('Invalid control character at', i);
        out += c;
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

  object(start: number): [unknown, number] {
    const s = this.s;
    const pairs: PyTuple[] = [];
    let i = this.skip(start);
    if (s[i] === '}') return [this.finishObject(pairs), i + 1];
    for (;;) {
      if (s[i] !== '"') throw this.fail('Expecting property name enclosed in double quotes', i);
      const [key, afterKey] = this.string(i + 1);
      i = this.skip(afterKey);
      if (s[i] !== ':') throw this.fail("Expecting ':' delimiter", i);
      i = this.skip(i + 1);
      const [value, afterValue] = this.value(i);
      pairs.push(PyTuple.of(key, value));
      i = this.skip(afterValue);
      if (s[i] === '}') return [this.finishObject(pairs), i + 1];
      if (s[i] !== ',') throw this.fail("Expecting ',' delimiter", i);
      i = this.skip(i + 1);
    }
  }

  finishObject(pairs: PyTuple[]): unknown {
    if (this.opts.objectPairsHook !== null) return call(this.opts.objectPairsHook, [pairs], null);
    const d = new PyDict();
    for (const p of pairs) d.$set(p[0], p[1]);
    return this.opts.objectHook !== null ? call(this.opts.objectHook, [d], null) : d;
  }

  array(start: number): [unknown[], number] {
    const s = this.s;
    const out: unknown[] = [];
    let i = this.skip(start);
    if (s[i] === ']') return [out, i + 1];
    for (;;) {
      const [value, end] = this.value(i);
      out.push(value);
      i = this.skip(end);
      if (s[i] === ']') return [out, i + 1];
      if (s[i] !== ',') throw this.fail("Expecting ',' delimiter", i);
      i = this.skip(i + 1);
    }
  }
}

/** JSONDecoder.decode(s): one value, surrounded by whitespace only. */
export function decode(s: string, opts: DecoderOptions): unknown {
  const scanner = new Scanner(s, opts);
  const start = scanner.skip(0);
  const [value, end] = scanner.value(start);
  const rest = scanner.skip(end);
  if (rest !== s.length) throw scanner.fail('Extra data', rest);
  return value;
}

/** JSONDecoder.raw_decode(s, idx): the value starting at idx and where it ends (Python indexes). */
export function rawDecode(s: string, idx: number, opts: DecoderOptions): [unknown, number] {
  const scanner = new Scanner(s, opts);
  let i = 0;
  for (let n = 0; n < idx && i < s.length; n++) i += (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  const [value, end] = scanner.value(i);
  return [value, pyIndex(s, end)];
}
