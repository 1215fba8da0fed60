/**
 * enum.verify's checks (CPython's `verify.__call__`): UNIQUE (no aliases),
 * CONTINUOUS (no missing integer values, or powers of two for a Flag) and
 * NAMED_FLAGS (a Flag's aliases made only of named bits), with its messages.
 */
import { TypeError, ValueError } from '../../../builtins/exceptions.js';
import { getattr } from '../../../builtins/attributes.js';
import { issubclass, isClassLike, type PyClass } from '../../../builtins/classes.js';
import { PyDict } from '../../../builtins/dict.js';
import { repr } from '../../../builtins/repr.js';
import { str } from '../../../builtins/functions.js';
import { iterate } from '../../../builtins/iteration.js';
import { and_, lt, or_, power, sub, add, neg } from '../../../builtins/operators.js';
import { eq } from '../../../builtins/equality.js';

type Obj = Record<string, unknown>;

export interface VerifyKinds {
  readonly Enum: PyClass;
  readonly Flag: PyClass;
  readonly UNIQUE: unknown;
  readonly CONTINUOUS: unknown;
  readonly NAMED_FLAGS: unknown;
}

/** `int.bit_length() - 1` (CPython's `_high_bit`), for ints of either representation. */
function highBit(v: unknown): number {
  let n = typeof v === 'bigint' ? v : BigInt(v as number);
  if (n < 0n) n = -n;
  return n.toString(2).length - (n === 0n ? 2 : 1);
}

/** CPython's `_iter_bits_lsb`: the single-bit values of num, lowest first. */
function bitsLsb(num: unknown): unknown[] {
  const out: unknown[] = [];
  let n = num;
  while (!eq(n, 0)) {
    const b = and_(n, neg(n));
    out.push(b);
    n = sub(n, b);
  }
  return out;
}

function isSingleBit(v: unknown): boolean {
  return !eq(v, 0) && eq(and_(v, sub(v, 1)), 0);
}

function includes(values: unknown[], v: unknown): boolean {
  return values.some((x) => eq(x, v));
}

export function verifyEnum(enumeration: unknown, checks: readonly unknown[], kinds: VerifyKinds): unknown {
  const clsName = String(getattr(enumeration, '__name__'));
  let enumType: string;
  if (isClassLike(enumeration) && issubclass(enumeration as PyClass, kinds.Flag)) enumType = 'flag';
  else if (isClassLike(enumeration) && issubclass(enumeration as PyClass, kinds.Enum)) enumType = 'enum';
  else throw new TypeError("the 'verify' decorator only works with Enum and Flag");
  const members = [...iterate(enumeration)] as Obj[];
  for (const check of checks) {
    if (check === kinds.UNIQUE) {
      const all = getattr(enumeration, '__members__') as PyDict<unknown, unknown>;
      const duplicates: string[] = [];
      for (const name of all) {
        const member = all.$get(name) as Obj;
        if (name !== getattr(member, 'name')) duplicates.push(`${String(name)} -> ${String(getattr(member, 'name'))}`);
      }
      if (duplicates.length > 0) throw new ValueError(`aliases found in ${repr(enumeration)}: ${duplicates.join(', ')}`);
    } else if (check === kinds.CONTINUOUS) {
      const values: unknown[] = [];
      for (const m of members) if (!includes(values, getattr(m, 'value'))) values.push(getattr(m, 'value'));
      if (values.length < 2) continue;
      const low = values.reduce((a, b) => (lt(b, a) ? b : a));
      const high = values.reduce((a, b) => (lt(a, b) ? b : a));
      const missing: unknown[] = [];
      if (enumType === 'flag') {
        for (let i = highBit(low) + 1; i < highBit(high); i++) if (!includes(values, power(2, i))) missing.push(power(2, i));
      } else {
        for (let i = add(low, 1); lt(i, high); i = add(i, 1)) if (!includes(values, i)) missing.push(i);
      }
      if (missing.length > 0) {
        throw new ValueError(`invalid ${enumType} ${repr(clsName)}: missing values ${missing.map((m) => str(m)).join(', ')}`.slice(0, 256));
      }
    } else if (check === kinds.NAMED_FLAGS) {
      const memberNames = getattr(enumeration, '_member_names_') as unknown[];
      const memberValues = members.map((m) => getattr(m, 'value'));
      const map = getattr(enumeration, '_member_map_') as PyDict<unknown, unknown>;
      const missingNames: string[] = [];
      let missingValue: unknown = 0;
      for (const name of map) {
        if (memberNames.includes(name)) continue;
        const value = getattr(map.$get(name), 'value');
        if (lt(value, 0)) continue;
        const missed = bitsLsb(value).filter((v) => !includes(memberValues, v));
        if (missed.length > 0) {
          missingNames.push(String(name));
          missingValue = or_(missingValue, missed.reduce((a, b) => or_(a, b)));
        }
      }
      if (missingNames.length > 0) {
        const alias = missingNames.length === 1
          ? `alias ${missingNames[0]!} is missing`
          : `aliases ${missingNames.slice(0, -1).join(', ')} and ${missingNames[missingNames.length - 1]!} are missing`;
        const hex = (typeof missingValue === 'bigint' ? missingValue : BigInt(missingValue as number)).toString(16);
        const value = isSingleBit(missingValue) ? `value 0x${hex}` : `combined values of 0x${hex}`;
        throw new ValueError(`invalid Flag ${repr(clsName)}: ${alias} ${value} [use enum.show_flag_values(value) for details]`);
      }
    }
  }
  return enumeration;
}
