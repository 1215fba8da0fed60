/**
 * Python's `numbers` (CPython 3.11's Lib/numbers.py): the numeric tower of
 * ABCs Number > Complex > Real > Rational > Integral, with their abstract
 * methods, their mixin methods, and `register`; int, float, complex and
 * bool are registered as CPython does (bool through int). The ABCs share
 * collections.abc's registry machinery (membership by derivation or by
 * registration with the ABC or an abstract subclass).
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './numbers.js';
import { PyProperty } from '../builtins/classes.js';
import { complex, float, int } from '../builtins/functions.js';
import { add, eq, floordiv, mod, neg, pos, truediv } from '../builtins/operators.js';
import { PyTuple } from '../builtins/values.js';
import { call } from '../builtins/calls.js';
import { truthy } from '../builtins/truth.js';
import { getattr } from '../builtins/attributes.js';
import { $abstract as abstract, $defineAbc as defineAbc, $register as register } from './collections.abc.js';
import { pyMethod } from './support/stdlib/pyclass.js';
import { ABCMeta, abstractmethod } from './abc.js';

export const __name__ = 'numbers';
export const __all__ = ['Number', 'Complex', 'Real', 'Rational', 'Integral'];
loadedModules.$set('numbers', self);

export { ABCMeta, abstractmethod };

const Q = 'numbers';

function method(cls: string, name: string, spec: string, fn: (self: never, ...args: never[]) => unknown): unknown {
  return pyMethod(fn, spec, `${cls}.${name}`, Q);
}

function prop(cls: string, name: string, fn: (self: unknown) => unknown): PyProperty {
  return new PyProperty(method(cls, name, 'self', fn as (self: never) => unknown));
}

function abc(name: string, bases: Parameters<typeof defineAbc>[1], members: Record<string, unknown>): ReturnType<typeof defineAbc> {
  return defineAbc(name, bases, members, null, Q);
}

export const Number = abc('Number', [], { __hash__: null });

export const Complex = abc('Complex', [Number], {
  ...abstract('Complex', '__complex__', 'real', 'imag', '__add__', '__radd__', '__neg__', '__pos__', '__mul__', '__rmul__',
    '__truediv__', '__rtruediv__', '__pow__', '__rpow__', '__abs__', 'conjugate', '__eq__'),
  __bool__: method('Complex', '__bool__', 'self', (s: unknown) => !truthy(eq(s, 0))),
  __sub__: method('Complex', '__sub__', 'self, other', (s: unknown, o: unknown) => add(s, neg(o))),
  __rsub__: method('Complex', '__rsub__', 'self, other', (s: unknown, o: unknown) => add(neg(s), o)),
  __hash__: null,
});

export const Real = abc('Real', [Complex], {
  ...abstract('Real', '__float__', '__trunc__', '__floor__', '__ceil__', '__round__', '__floordiv__', '__rfloordiv__',
    '__mod__', '__rmod__', '__lt__', '__le__'),
  __divmod__: method('Real', '__divmod__', 'self, other', (s: unknown, o: unknown) => divmodOf(s, o)),
  __rdivmod__: method('Real', '__rdivmod__', 'self, other', (s: unknown, o: unknown) => divmodOf(o, s)),
  __complex__: method('Real', '__complex__', 'self', (s: unknown) => call(complex, [call(float, [s], null)], null)),
  real: prop('Real', 'real', (s) => pos(s)),
  imag: prop('Real', 'imag', () => 0),
  conjugate: method('Real', 'conjugate', 'self', (s: unknown) => pos(s)),
  __hash__: null,
});

function divmodOf(a: unknown, b: unknown): unknown {
  return PyTuple.of<unknown>(floordiv(a, b), mod(a, b));
}

export const Rational = abc('Rational', [Real], {
  ...abstract('Rational', 'numerator', 'denominator'),
  __float__: method('Rational', '__float__', 'self', (s: unknown) =>
    truediv(call(int, [getattr(s, 'numerator')], null), call(int, [getattr(s, 'denominator')], null))),
  __hash__: null,
});

export const Integral = abc('Integral', [Rational], {
  ...abstract('Integral', '__int__', '__pow__', '__lshift__', '__rlshift__', '__rshift__', '__rrshift__', '__and__', '__rand__',
    '__xor__', '__rxor__', '__or__', '__ror__', '__invert__'),
  __index__: method('Integral', '__index__', 'self', (s: unknown) => call(int, [s], null)),
  __float__: method('Integral', '__float__', 'self', (s: unknown) => call(float, [call(int, [s], null)], null)),
  numerator: prop('Integral', 'numerator', (s) => pos(s)),
  denominator: prop('Integral', 'denominator', () => 1),
  __hash__: null,
});

register(Complex, complex);
register(Real, float);
register(Integral, int);
