/**
 * Flag and IntFlag values: `|`, `&`, `^` and `~` give members, combinations
 * being pseudo-members named `R|W` (made once and kept by value), as in
 * CPython 3.11.
 */
import { call, def } from '../../../builtins/calls.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { PyClassMethod, getClassAttr, pyClassOf, type PyClass } from '../../../builtins/classes.js';
import { TypeError, ValueError } from '../../../builtins/exceptions.js';
import { repr } from '../../../builtins/repr.js';
import { isIntNumber, typeName } from '../../../builtins/values.js';
import { newInstance } from '../stdlib/pyclass.js';
import { stateOf } from './meta.js';
import { boxedDataType } from './members.js';

type Obj = Record<string, unknown>;

function bitsOf(v: unknown): number {
  return typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : NaN;
}

/** Single-bit canonical members, in definition order. */
function canonical(cls: PyClass): Obj[] {
  return stateOf(cls)!.members.filter((m) => {
    const v = m['_value_'] as number;
    return v > 0 && (v & (v - 1)) === 0;
  });
}

/** The member of `cls` with value `value`, made (and kept) when it is a combination. */
export function flagMember(cls: PyClass, value: number): Obj {
  const state = stateOf(cls)!;
  const existing = state.byValue.$get(value) as Obj | undefined;
  if (existing !== undefined) return existing;
  const parts: string[] = [];
  let rest = value;
  for (const m of canonical(cls)) {
    const v = m['_value_'] as number;
    if ((value & v) === v) {
      parts.push(m['_name_'] as string);
      rest &= ~v;
    }
  }
  // Bits no member has are named only beside members' names (IntFlag's <Perm.R|8: 9>, but <Perm: 8>).
  if (rest !== 0 && parts.length > 0) parts.push(String(rest));
  // An IntFlag's pseudo-members are ints too, made by int.__new__ as its members are.
  const dataType = boxedDataType(cls);
  const member = dataType === undefined ? newInstance(cls) : (call(getClassAttr(dataType, '__new__'), [cls, value], null) as Obj);
  member['_value_'] = value;
  member['_name_'] = parts.length === 0 ? null : parts.join('|');
  state.byValue.$set(value, member);
  return member;
}

function allBits(cls: PyClass): number {
  let all = 0;
  for (const m of stateOf(cls)!.members) all |= m['_value_'] as number;
  return all;
}

function singleBits(cls: PyClass): number {
  let bits = 0;
  for (const m of canonical(cls)) bits |= m['_value_'] as number;
  return bits;
}

function bitLength(n: number): number {
  return n === 0 ? 0 : Math.floor(Math.log2(Math.abs(n))) + 1;
}

/** enum.bin(): a two's complement binary with a sign group (`0b0 0111`), padded to max_bits digits. */
function enumBin(num: number, maxBits: number): string {
  const ceiling = 2 ** bitLength(num);
  const s = num >= 0 ? '0b' + (num + ceiling).toString(2).replace('1', '0') : '0b' + ((~num ^ (ceiling - 1 + ceiling)) >>> 0).toString(2);
  const sign = s.slice(0, 3);
  let digits = s.slice(3);
  if (digits.length < maxBits) digits = (sign[2]!.repeat(maxBits) + digits).slice(-maxBits);
  return `${sign} ${digits}`;
}

/**
 * Flag._missing_: a combination of the flag's bits is a pseudo-member.
 * Other values go by the class's boundary: STRICT (Flag's) refuses them
 * with CPython's message, CONFORM drops the unknown bits, EJECT gives the
 * plain int, KEEP (IntFlag's) keeps them. Negative values count from the
 * top bit.
 */
export function flagMissing(cls: unknown, value: unknown): unknown {
  if (typeof value !== 'number' || !isIntNumber(value)) return null;
  const c = cls as PyClass;
  const boundary = stateOf(c)!.boundary ?? 'strict';
  const flagMask = allBits(c);
  const all = 2 ** bitLength(flagMask) - 1;
  let v = value;
  if (!(~all <= v && v <= all) || (v & (all ^ flagMask)) !== 0) {
    if (boundary === 'strict') {
      const maxBits = Math.max(bitLength(v), bitLength(flagMask));
      throw new ValueError(`${repr(c)} invalid value ${v}\n    given ${enumBin(v, maxBits)}\n  allowed ${enumBin(flagMask, maxBits)}`);
    }
    if (boundary === 'conform') v &= flagMask;
    else if (boundary === 'eject') return v;
    else if (v < 0) v = Math.max(all + 1, 2 ** bitLength(v)) + v;
  }
  if (v < 0) v = all + 1 + v;
  const unknown = v & ~flagMask;
  if (unknown !== 0 && boundary !== 'keep') {
    throw new ValueError(`${c.__name__}(${v}) -->  unknown values ${unknown} [0b${unknown.toString(2)}]`);
  }
  return flagMember(c, v);
}

export function flagMethods(qualname: string, intLike: boolean): Record<string, unknown> {
  const binary = (name: string, f: (a: number, b: number) => number) =>
    def(function (self: Obj, other: unknown): unknown {
      const cls = pyClassOf(self)!;
      let b: number;
      if (pyClassOf(other) === cls) b = (other as Obj)['_value_'] as number;
      else if (intLike && typeof other === 'number' && isIntNumber(other)) b = other;
      else return NotImplemented;
      return flagMember(cls, f(self['_value_'] as number, b));
    }, 'self, other', `${qualname}.${name}`, 'enum');
  const methods: Record<string, unknown> = {
    _missing_: new PyClassMethod((cls: unknown, value: unknown) => flagMissing(cls, value)),
    __or__: binary('__or__', (a, b) => a | b),
    __and__: binary('__and__', (a, b) => a & b),
    __xor__: binary('__xor__', (a, b) => a ^ b),
    __ror__: binary('__ror__', (a, b) => a | b),
    __rand__: binary('__rand__', (a, b) => a & b),
    __rxor__: binary('__rxor__', (a, b) => a ^ b),
    // As CPython's: with KEEP or EJECT the inverted int goes through the class (and its boundary), else the other single bits.
    __invert__: def(function __invert__(self: Obj): unknown {
      const cls = pyClassOf(self)!;
      const boundary = stateOf(cls)!.boundary;
      const value = self['_value_'] as number;
      if (boundary === 'keep' || boundary === 'eject') return call(cls, [~value], null);
      return flagMember(cls, singleBits(cls) & ~value);
    }, 'self', `${qualname}.__invert__`, 'enum'),
    __contains__: def(function __contains__(self: Obj, other: unknown): boolean {
      const cls = pyClassOf(self)!;
      if (pyClassOf(other) !== cls) {
        throw new TypeError(`unsupported operand type(s) for 'in': '${typeName(other)}' and '${cls.__name__}'`);
      }
      const v = (other as Obj)['_value_'] as number;
      return (bitsOf(self['_value_']) & v) === v;
    }, 'self, other', `${qualname}.__contains__`, 'enum'),
    __iter__: def(function __iter__(self: Obj): unknown {
      const v = self['_value_'] as number;
      return canonical(pyClassOf(self)!).filter((m) => (v & (m['_value_'] as number)) !== 0)[Symbol.iterator]();
    }, 'self', `${qualname}.__iter__`, 'enum'),
    __len__: def(function __len__(self: Obj): number {
      const v = self['_value_'] as number;
      return canonical(pyClassOf(self)!).filter((m) => (v & (m['_value_'] as number)) !== 0).length;
    }, 'self', `${qualname}.__len__`, 'enum'),
    __bool__: def(function __bool__(self: Obj): boolean {
      return bitsOf(self['_value_']) !== 0;
    }, 'self', `${qualname}.__bool__`, 'enum'),
  };
  return methods;
}
