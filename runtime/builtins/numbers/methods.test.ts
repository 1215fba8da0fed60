import { describe, expect, test } from 'vitest';
import { PyBytes } from '../values.js';
import { repr } from '../repr.js';
import '../bytes.js';
import { FLOAT_METHODS, INT_METHODS, INT_ATTRIBUTES, COMPLEX_METHODS, COMPLEX_ATTRIBUTES, intFromBytes, intToBytes, floatFromHex } from './methods.js';
import type { PyCallable } from '../calls.js';
import { Prng, differences, randomFloat, randomInt, SPECIAL_NUMBERS, f, type Case } from './testing.js';

type Fn = (...args: never[]) => unknown;
const call = (table: Record<string, Fn>, name: string) => (...args: unknown[]) => (table[name] as (...a: unknown[]) => unknown)(...args);

const PY: Record<string, string> = {
  bit_length: 'lambda a: a.bit_length()',
  bit_count: 'lambda a: a.bit_count()',
  to_bytes: 'lambda a, *r: repr(a.to_bytes(*r[:2], **({"signed": r[2]} if len(r) > 2 else {})))',
  from_bytes: 'lambda b, *r: int.from_bytes(bytes(b), *r[:1], **({"signed": r[1]} if len(r) > 1 else {}))',
  int_ratio: 'lambda a: a.as_integer_ratio()',
  is_integer: 'lambda a: a.is_integer()',
  float_ratio: 'lambda a: a.as_integer_ratio()',
  hex: 'lambda a: a.hex()',
  fromhex: 'lambda s: float.fromhex(s)',
  real: 'lambda a: a.real',
  numerator: 'lambda a: a.numerator',
  int_dunders: 'lambda a, b: tuple("NotImplemented" if v is NotImplemented else v for v in (a.__add__(b), a.__rsub__(b), a.__floordiv__(b) if b else 0, a.__eq__(b), a.__lt__(b), a.__and__(b), a.__rpow__(2) if 0 <= a < 64 else 0))',
  float_dunders: 'lambda a: (a.__trunc__() if a == a and abs(a) != float("inf") else 0, a.__round__(), a.__neg__(), a.__abs__(), a.__bool__(), a.__int__() if a == a and abs(a) != float("inf") else 0)',
  conjugate: 'lambda re, im: complex(re, im).conjugate()',
  complex_parts: 'lambda re, im: (complex(re, im).real, complex(re, im).imag)',
};

const OURS: Record<string, Fn> = {
  bit_length: call(INT_METHODS, 'bit_length'),
  bit_count: call(INT_METHODS, 'bit_count'),
  // signed is keyword-only: the keyword entries bind it.
  to_bytes: (...a: unknown[]) => repr((intToBytes as (...a: unknown[]) => unknown)(...a)),
  from_bytes: (b: number[], ...r: unknown[]) =>
    (intFromBytes as unknown as PyCallable).$kw!([new PyBytes(Uint8Array.from(b)), ...r.slice(0, 1)], r.length > 1 ? { signed: r[1] } : {}),
  int_ratio: call(INT_METHODS, 'as_integer_ratio'),
  is_integer: call(FLOAT_METHODS, 'is_integer'),
  float_ratio: call(FLOAT_METHODS, 'as_integer_ratio'),
  hex: call(FLOAT_METHODS, 'hex'),
  fromhex: floatFromHex,
  real: call(INT_ATTRIBUTES, 'real'),
  numerator: call(INT_ATTRIBUTES, 'numerator'),
  int_dunders: (a: unknown, b: unknown) => {
    const m = (name: string, ...args: unknown[]) => call(INT_METHODS, name)(a, ...args);
    const lt64 = typeof a === 'number' && a >= 0 && a < 64;
    return [m('__add__', b), m('__rsub__', b), b === 0 ? 0 : m('__floordiv__', b), m('__eq__', b), m('__lt__', b), m('__and__', b), lt64 ? m('__rpow__', 2) : 0];
  },
  float_dunders: (a: unknown) => {
    const m = (name: string) => call(FLOAT_METHODS, name)(a);
    const x = typeof a === 'number' ? a : (a as { value: number }).value;
    const finite = Number.isFinite(x);
    return [finite ? m('__trunc__') : 0, m('__round__'), m('__neg__'), m('__abs__'), m('__bool__'), finite ? m('__int__') : 0];
  },
  conjugate: (re: unknown, im: unknown) => call(COMPLEX_METHODS, 'conjugate')(complexOf(re, im)),
  complex_parts: (re: unknown, im: unknown) => [call(COMPLEX_ATTRIBUTES, 'real')(complexOf(re, im)), call(COMPLEX_ATTRIBUTES, 'imag')(complexOf(re, im))],
};

import { PyComplex, PyFloat, PyTuple } from '../values.js';
import { NotImplemented } from '../notImplemented.js';
function complexOf(re: unknown, im: unknown): PyComplex {
  // True values: `+ 0` turns the -0 that holds 0.0 into +0 (values.ts).
  const v = (x: unknown) => (x instanceof PyFloat ? x.value : (x as number) + 0);
  return new PyComplex(v(re), v(im));
}
// Tuples show as tuples on both sides.
for (const name of ['int_dunders', 'float_dunders', 'complex_parts']) {
  const fn = OURS[name] as (...a: unknown[]) => unknown[];
  OURS[name] = (...a: unknown[]) => PyTuple.fromArray(fn(...a).map((v) => (v === NotImplemented ? 'NotImplemented' : v)));
}

function cases(): Case[] {
  const rng = new Prng(7);
  const out: Case[] = [];
  const ints = [0, 1, -1, 2, 255, 256, -256, 2 ** 31, -(2 ** 31), 9007199254740991, -9007199254740991, 2n ** 64n, -(2n ** 64n), 2n ** 100n - 1n];
  for (let k = 0; k < 300; k++) ints.push(randomInt(rng));
  for (const a of ints) {
    for (const name of ['bit_length', 'bit_count', 'int_ratio', 'real', 'numerator']) out.push([name, [a]]);
    for (const b of [0, 1, -3, 7, 2n ** 70n, f(2.5), 0.5]) out.push(['int_dunders', [a, b]]);
  }
  for (const a of [0, 1, 255, 256, -1, -128, -129, 65535, 2n ** 64n, -(2n ** 63n), 1000]) {
    for (const args of [[], [2], [2, 'little'], [4, 'big', true], [9, 'little', true], [1, 'big', false], [0], [3, 'middle']]) {
      out.push(['to_bytes', [a, ...args]]);
    }
  }
  for (const b of [[], [0], [1, 0], [255, 255], [0, 0, 4, 0], [128], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]) {
    for (const args of [[], ['little'], ['big', true], ['little', true], ['sideways']]) out.push(['from_bytes', [b, ...args]]);
  }
  const floats: unknown[] = [...SPECIAL_NUMBERS.filter((x) => typeof x === 'number' && !Number.isInteger(x) || x instanceof PyFloat)];
  for (let k = 0; k < 500; k++) floats.push(randomFloat(rng));
  floats.push(5e-324, 2.2250738585072014e-308, 1e-310, f(-0), 0.1, f(1.7976931348623157e308));
  for (const x of floats) {
    for (const name of ['is_integer', 'float_ratio', 'hex', 'float_dunders']) out.push([name, [x]]);
  }
  for (const s of ['0x1.8p1', '-0x1p-2', '0x1.fffffffffffffp+1023', '0x1p-1074', '0x1p-1075', '0x3p-1076', 'inf', '-Infinity', 'nan',
    '1', '0x.8', 'ff', '0x1.00000000000008p0', '0x1.00000000000018p0', 'zz', '', '0x', '  0x10p-4  ', '0x1p1024', '1.p1']) {
    out.push(['fromhex', [s]]);
  }
  for (const [re, im] of [[f(1), f(2)], [0.5, -1.5], [f(-0), f(0)], [NaN, f(Infinity)]] as const) {
    out.push(['conjugate', [re, im]], ['complex_parts', [re, im]]);
  }
  return out;
}

describe('int, float and complex methods against python3', () => {
  test('bit_length, to_bytes, from_bytes, as_integer_ratio, hex, fromhex, the operator dunders', () => {
    expect(differences(PY, OURS, cases())).toEqual([]);
  });
});
