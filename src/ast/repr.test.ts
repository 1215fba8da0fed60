import { spawnSync } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { PyBytes, PyComplex, PyStrCodePoints, Ellipsis } from './constants.js';
import type { PyConstant } from './constants.js';
import { pyRepr, reprStr, reprFloat, isPrintable } from './repr.js';

/** Runs one python3 process; `script` reads JSON from stdin and prints JSON. */
function python<T>(script: string, input: unknown): T {
  const r = spawnSync('python3', ['-c', script], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

// Values travel to python losslessly: floats as their IEEE bits, strings as
// code points (so lone surrogates survive), bytes and ints as text.
const ORACLE = `
import json, struct, sys
def f(h): return struct.unpack('>d', bytes.fromhex(h))[0]
def decode(v):
    t = v['t']
    if t == 'f': return f(v['h'])
    if t == 's': return ''.join(map(chr, v['c']))
    if t == 'b': return bytes.fromhex(v['h'])
    if t == 'i': return int(v['v'])
    if t == 'c': return complex(f(v['r']), f(v['i']))
    return {'n': None, 'T': True, 'F': False, 'e': Ellipsis}[t]
sys.set_int_max_str_digits(0)
print(json.dumps([repr(decode(v)) for v in json.load(sys.stdin)]))
`;

function floatHex(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  let h = '';
  for (let i = 0; i < 8; i++) h += view.getUint8(i).toString(16).padStart(2, '0');
  return h;
}

function encode(v: PyConstant): unknown {
  if (v === null) return { t: 'n' };
  if (v === true) return { t: 'T' };
  if (v === false) return { t: 'F' };
  if (typeof v === 'number') return { t: 'f', h: floatHex(v) };
  if (typeof v === 'bigint') return { t: 'i', v: v.toString() };
  if (typeof v === 'string') {
    const c: number[] = [];
    for (const ch of v) c.push(ch.codePointAt(0)!);
    return { t: 's', c };
  }
  if (v instanceof PyStrCodePoints) return { t: 's', c: v.codePoints };
  if (v instanceof PyBytes) return { t: 'b', h: Buffer.from(v.bytes).toString('hex') };
  if (v instanceof PyComplex) return { t: 'c', r: floatHex(v.real), i: floatHex(v.imag) };
  return { t: 'e' };
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = rng(20240611);
const int = (n: number): number => Math.floor(rand() * n);

function randomBitsFloat(): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, int(2 ** 32));
  view.setUint32(4, int(2 ** 32));
  return view.getFloat64(0);
}

function randomFloat(): number {
  switch (int(6)) {
    case 0:
      return randomBitsFloat();
    case 1: // short decimals, many near the positional/exponent switch
      return Number(`${int(2) ? '-' : ''}${int(100000) / 10 ** int(6)}e${int(50) - 25}`);
    case 2:
      return int(2 ** 30) * 2 ** (int(80) - 40);
    case 3:
      return Number(`${1 + int(9)}e${int(40) - 20}`) * (int(2) ? 1 : 1 - 2 ** -52);
    case 4:
      return rand() * 10 ** (int(640) - 320);
    default:
      return int(2 ** 53) * (int(2) ? 1 : -1);
  }
}

const FLOAT_EDGES = [
  0, -0, 1, -1, 0.1, 0.2 + 0.1, 1 / 3, 1e15, 1e16, 1e17, 1e-4, 1e-5, 1.5e-5, 0.00012345, 9999999999999998,
  12345678901234567, 2 ** 53, 2 ** 53 + 2, 1e22, 1e21, 1e23, 1.5e300, 5e-324, 2.2250738585072014e-308,
  1.7976931348623157e308, Infinity, -Infinity, NaN, 123456789012345.6, 0.000123, 100, 1e100, -2.5e-7,
];

const CHAR_POOL = [
  "'", '"', '\\', '\n', '\r', '\t', '\0', '\x7f', '\x80', '\xa0', '\xad', ' ', 'a', 'é', '\u2028', '\u200b',
  '\ufeff', '\ud800', '\udfff', '\u{1f600}', '\u{e0001}', '\u{10ffff}', '\u3000', '\u0378', '\ue000',
];

function randomCodePoint(): number {
  switch (int(5)) {
    case 0:
      return int(0x80);
    case 1:
      return int(0x800);
    case 2:
      return int(0x10000);
    case 3:
      return 0xd800 + int(0x800);
    default:
      return int(0x110000);
  }
}

function randomString(): string {
  const len = int(4) === 0 ? 0 : 1 + int(12);
  let s = '';
  for (let k = 0; k < len; k++) {
    s += int(3) === 0 ? CHAR_POOL[int(CHAR_POOL.length)] : String.fromCodePoint(randomCodePoint());
  }
  return s;
}

/**
 * Code points mixing surrogate halves, astral characters, quotes and ASCII,
 * with at least one high surrogate directly before a low one.
 */
function randomSplitPairStr(): PyStrCodePoints {
  const pool = [0xd800, 0xdbff, 0xdc00, 0xdfff, 0xd834, 0xdd20, 0x10002, 0x1f600, 0x10ffff, 0xe0001, 0x27, 0x22, 0x5c, 0x0a, 0x41, 0xe9, 0x7f];
  const codePoints: number[] = [];
  const len = int(10);
  for (let k = 0; k < len; k++) {
    if (int(3) === 0) codePoints.push(0xd800 + int(0x400), 0xdc00 + int(0x400));
    else codePoints.push(int(2) ? pool[int(pool.length)]! : randomCodePoint());
  }
  codePoints.splice(int(codePoints.length + 1), 0, 0xd800 + int(0x400), 0xdc00 + int(0x400));
  return new PyStrCodePoints(codePoints);
}

function randomBytes(): PyBytes {
  const len = int(10);
  const b = new Uint8Array(len);
  for (let k = 0; k < len; k++) b[k] = int(3) === 0 ? [0x27, 0x22, 0x5c, 0x0a, 0x09, 0x0d][int(6)]! : int(256);
  return new PyBytes(b);
}

function randomInt(): bigint {
  const digits = 1 + int(int(10) === 0 ? 6000 : 40);
  let s = String(1 + int(9));
  for (let k = 1; k < digits; k++) s += String(int(10));
  return BigInt(s) * (int(2) ? 1n : -1n);
}

function roundTrip(values: PyConstant[]): void {
  const expected = python<string[]>(ORACLE, values.map(encode));
  const actual = values.map(pyRepr);
  const mismatches: string[] = [];
  for (let k = 0; k < values.length; k++) {
    if (actual[k] !== expected[k]) mismatches.push(`${actual[k]} !== ${expected[k]}`);
  }
  expect(mismatches.slice(0, 20)).toEqual([]);
  expect(actual.length).toBe(values.length);
}

describe('pyRepr against python3', () => {
  it('floats', () => {
    const values: PyConstant[] = [...FLOAT_EDGES, ...FLOAT_EDGES.map((x) => -x)];
    for (let k = 0; k < 30000; k++) values.push(randomFloat());
    roundTrip(values);
  });

  it('strings', () => {
    const values: PyConstant[] = ['', "'", '"', `'"`, 'a\'b"c', '\ud83d\ude00', '\udc00\ud800', 'x\ud800'];
    for (let k = 0; k < 20000; k++) values.push(randomString());
    roundTrip(values);
  });

  it('strings holding a high surrogate before a low one as two code points', () => {
    const values: PyConstant[] = [
      new PyStrCodePoints([0xd800, 0xdc02]),
      new PyStrCodePoints([0x27, 0xd834, 0xdd20]),
      new PyStrCodePoints([0x27, 0x22, 0xdbff, 0xdfff, 0x10002]),
    ];
    for (let k = 0; k < 5000; k++) values.push(randomSplitPairStr());
    roundTrip(values);
  });

  it('bytes, ints, complex and singletons', () => {
    const values: PyConstant[] = [null, true, false, Ellipsis, 0n, -1n, 10n ** 100n, new PyBytes(new Uint8Array())];
    for (const re of [0, -0, 1, -1.5, NaN, Infinity, -Infinity, 1e16, 1e-5])
      for (const im of [0, -0, 1, -1, 2.5, NaN, Infinity, -Infinity, 1e16, 1e-7]) values.push(new PyComplex(re, im));
    for (let k = 0; k < 3000; k++) values.push(randomBytes(), randomInt(), new PyComplex(randomFloat(), randomFloat()));
    for (let k = 0; k < 3000; k++) values.push(new PyComplex(0, randomFloat()));
    roundTrip(values);
  });

  it('every code point (isprintable from Unicode 14, as CPython 3.11)', () => {
    // Surrogates are kept apart so that no two of them form a pair.
    const parts: string[] = [];
    const surrogates: string[] = [];
    for (let c = 0; c < 0x110000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) surrogates.push(String.fromCharCode(c) + 'x');
      else parts.push(String.fromCodePoint(c));
    }
    const values = [parts.join(''), surrogates.join('')];
    const expected = python<string[]>(ORACLE, values.map(encode));
    expect(reprStr(values[0]!) === expected[0]).toBe(true);
    expect(reprStr(values[1]!)).toBe(expected[1]);
  });
});

describe('pyRepr known answers', () => {
  it('matches values checked with python3', () => {
    expect(reprFloat(1e16)).toBe('1e+16');
    expect(reprFloat(1e-5)).toBe('1e-05');
    expect(reprFloat(1e15)).toBe('1000000000000000.0');
    expect(reprFloat(-0)).toBe('-0.0');
    expect(pyRepr(new PyComplex(0, 1))).toBe('1j');
    expect(pyRepr(new PyComplex(-0, -0))).toBe('(-0-0j)');
    expect(pyRepr(new PyComplex(NaN, 0))).toBe('(nan+0j)');
    expect(reprStr("it's")).toBe(`"it's"`);
    expect(reprStr('\ud800')).toBe("'\\ud800'");
    expect(pyRepr(new PyStrCodePoints([0xd800, 0xdc02, 0x27]))).toBe(`"\\ud800\\udc02'"`);
    expect(isPrintable(0x20)).toBe(true);
    expect(isPrintable(0x3000)).toBe(false);
  });
});
