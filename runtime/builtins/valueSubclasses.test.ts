import { describe, expect, it } from 'vitest';
import '../index.js'; // the whole runtime: type registrations and repr hooks
import { makeClass, type PyClass } from './classes.js';
import { bytes, float, hash, int, len, str } from './functions.js';
import { add, eq, lt, mul } from './operators.js';
import { isinstance, type } from './types.js';
import { PyDict } from './dict.js';
import { repr, str as strOf } from './repr.js';
import { BASE_VALUE, PyBoxed, PyBytes, PyFloat, unbox } from './values.js';

const subclass = (name: string, base: unknown): PyClass => makeClass(name, [base], () => {});

describe('instances of int, float, str and bytes subclasses', () => {
  const Color = subclass('Color', str);
  const Flags = subclass('Flags', int);
  const Celsius = subclass('Celsius', float);
  const Tag = subclass('Tag', bytes);

  it('are boxes of the value the base type makes, of their own class', () => {
    const c = Color('red');
    expect(c).toBeInstanceOf(PyBoxed);
    expect((c as PyBoxed)[BASE_VALUE]).toBe('red');
    expect(unbox(Flags('12'))).toBe(12);
    expect(unbox(Celsius(2))).toEqual(new PyFloat(2));
    expect(unbox(Tag([65]))).toBeInstanceOf(PyBytes);
    expect(type(c)).toBe(Color);
    expect(isinstance(c, str)).toBe(true);
    expect(isinstance(Flags(1), float)).toBe(false);
  });

  it('compute as their base values, giving the base type', () => {
    expect(add(Flags(3), 1)).toBe(4);
    expect(add(1, Flags(3))).toBe(4);
    expect(add('x', Color('y'))).toBe('xy');
    expect(mul(Color('ab'), Flags(2))).toBe('abab');
    expect(lt(Flags(2), 3)).toBe(true);
    expect(len(Color('abc'))).toBe(3);
  });

  it('equal and hash as their values, so a dict finds either', () => {
    expect(eq(Color('a'), 'a')).toBe(true);
    expect(eq('a', Color('a'))).toBe(true);
    expect(hash(Color('a'))).toBe(hash('a'));
    const d = new PyDict<unknown, unknown>([['a', 1]]);
    expect(d.$get(Color('a'))).toBe(1);
    d.$set(Flags(5), 'five');
    expect(d.$get(5)).toBe('five');
  });

  it('print as their values unless the class says otherwise', () => {
    expect(repr(Color('a'))).toBe("'a'");
    expect(strOf(Color('a'))).toBe('a');
    expect(repr(Celsius(2))).toBe('2.0');
    expect(strOf(Tag([120]))).toBe("b'x'");
  });
});
