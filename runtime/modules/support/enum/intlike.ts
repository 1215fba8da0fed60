/**
 * IntEnum and IntFlag members are not JS numbers (a member must carry its
 * name and class), so they act as ints through special methods that work
 * on their value: arithmetic, comparisons, `__index__`, hashing like the int.
 */
import * as op from '../../../builtins/operators.js';
import { pyHash } from '../../../builtins/equality.js';
import { def } from '../../../builtins/calls.js';
import { CLASS } from '../../../builtins/classes.js';
import { truthy } from '../../../builtins/truth.js';

type Obj = Record<PropertyKey, unknown>;

/** A member's value when `x` is an int-like member, else `x`. */
export function plain(x: unknown): unknown {
  if (typeof x === 'object' && x !== null && (x as Obj)[CLASS] !== undefined && '_value_' in x) {
    const v = (x as Obj)['_value_'];
    if (typeof v === 'number' || typeof v === 'bigint') return v;
  }
  return x;
}

const BINARY: Record<string, (a: unknown, b: unknown) => unknown> = {
  __add__: op.add, __sub__: op.sub, __mul__: op.mul, __truediv__: op.truediv, __floordiv__: op.floordiv, __mod__: op.mod,
  __pow__: op.power, __lshift__: op.lshift, __rshift__: op.rshift,
};

export function intMethods(qualname: string): Record<string, unknown> {
  const methods: Record<string, unknown> = {};
  const method = (name: string, fn: (self: unknown, ...a: unknown[]) => unknown, spec = 'self, other') => {
    methods[name] = def(fn, spec, `${qualname}.${name}`, 'enum');
  };
  for (const [name, f] of Object.entries(BINARY)) {
    method(name, (self, other) => f(plain(self), plain(other)));
    method(`__r${name.slice(2)}`, (self, other) => f(plain(other), plain(self)));
  }
  method('__eq__', (self, other) => op.eq(plain(self), plain(other)));
  method('__ne__', (self, other) => op.ne(plain(self), plain(other)));
  method('__lt__', (self, other) => op.lt(plain(self), plain(other)));
  method('__le__', (self, other) => op.le(plain(self), plain(other)));
  method('__gt__', (self, other) => op.gt(plain(self), plain(other)));
  method('__ge__', (self, other) => op.ge(plain(self), plain(other)));
  method('__neg__', (self) => op.neg(plain(self)), 'self');
  method('__pos__', (self) => plain(self), 'self');
  method('__abs__', (self) => {
    const v = plain(self);
    return truthy(op.lt(v, 0)) ? op.neg(v) : v;
  }, 'self');
  method('__int__', (self) => plain(self), 'self');
  method('__index__', (self) => plain(self), 'self');
  method('__float__', (self) => Number(plain(self)), 'self');
  method('__bool__', (self) => truthy(plain(self)), 'self');
  method('__hash__', (self) => pyHash(plain(self)), 'self');
  return methods;
}

/** IntEnum's bitwise operators give plain ints (IntFlag's give members). */
export function intBitwise(qualname: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const ops: Record<string, (a: unknown, b: unknown) => unknown> = { __and__: op.and_, __or__: op.or_, __xor__: op.xor };
  for (const [name, f] of Object.entries(ops)) {
    out[name] = def((self: unknown, other: unknown) => f(plain(self), plain(other)), 'self, other', `${qualname}.${name}`, 'enum');
    out[`__r${name.slice(2)}`] = def((self: unknown, other: unknown) => f(plain(other), plain(self)), 'self, other', `${qualname}.__r${name.slice(2)}`, 'enum');
  }
  out['__invert__'] = def((self: unknown) => op.invert(plain(self)), 'self', `${qualname}.__invert__`, 'enum');
  return out;
}
