/**
 * datetime.timedelta: days, seconds and microseconds, normalised as
 * CPython's C constructor does (floats' fractions summed, then rounded half
 * to even), with exact bigint arithmetic on the microsecond total.
 */
import { cNew } from './args.js';
import { isinstance, type PyClass } from '../../../builtins/classes.js';
import { OverflowError, TypeError, ZeroDivisionError } from '../../../builtins/exceptions.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { pyHash } from '../../../builtins/equality.js';
import { setattr } from '../../../builtins/attributes.js';
import { truediv } from '../../../builtins/operators.js';
import { PyTuple, typeName } from '../../../builtins/values.js';
import { defineClass, newInstance } from '../stdlib/pyclass.js';
import { pyFunction } from '../pydef.js';
import { MODULE, NO_DICT, cTypeName, readOnly, typeLabel } from './common.js';
import { bigIntOf, divNear, floatOf, floatRatio, floorDiv, floorMod, pad, pyInt, roundHalfAway } from './numbers.js';

export interface Delta {
  $d: number;
  $s: number;
  $us: number;
}

const US_PER_SECOND = 1000000n;
const US_PER_DAY = 86400000000n;
const MAX_DAYS = 999999999;

export function totalUs(t: Delta): bigint {
  return BigInt(t.$d) * US_PER_DAY + BigInt(t.$s) * US_PER_SECOND + BigInt(t.$us);
}

/** A timedelta of class `cls` (timedelta itself unless given) from a microsecond total. */
/** A UTC offset or DST in microseconds as a timedelta, None for none (utcoffset(), dst()). */
export function deltaOrNone(us: bigint | null): Delta | null {
  return us === null ? null : deltaFromUs(us);
}

export function deltaFromUs(us: bigint, cls: unknown = timedelta): Delta {
  const days = floorDiv(us, US_PER_DAY);
  const rest = us - days * US_PER_DAY;
  if (days > 2147483647n || days < -2147483648n) throw new OverflowError('Python int too large to convert to C int');
  if (days > BigInt(MAX_DAYS) || days < BigInt(-MAX_DAYS)) {
    throw new OverflowError(`days=${days}; must have magnitude <= ${MAX_DAYS}`);
  }
  const t = newInstance(cls) as unknown as Delta;
  t.$d = Number(days);
  t.$s = Number(rest / US_PER_SECOND);
  t.$us = Number(rest % US_PER_SECOND);
  return t;
}

export function isDelta(v: unknown): v is Delta {
  return isinstance(v, timedelta);
}

/** The timedelta constructor's accumulation of one component (CPython's accum()). */
function accum(name: string, sum: bigint, num: unknown, factor: bigint, leftover: { v: number }): bigint {
  const i = bigIntOf(num);
  if (i !== null) return sum + i * factor;
  const f = floatOf(num);
  if (f === null) throw new TypeError(`unsupported type for timedelta ${name} component: ${typeName(num)}`);
  if (!Number.isFinite(f)) throw new OverflowError('cannot convert float infinity to integer');
  const intPart = Math.trunc(f);
  let out = sum + BigInt(intPart) * factor;
  const frac = f - intPart;
  if (frac === 0) return out;
  const scaled = Number(factor) * frac;
  const whole = Math.trunc(scaled);
  out += BigInt(whole);
  leftover.v += scaled - whole;
  return out;
}

function construct(cls: unknown, days?: unknown, seconds?: unknown, microseconds?: unknown, milliseconds?: unknown,
  minutes?: unknown, hours?: unknown, weeks?: unknown): Delta {
  const leftover = { v: 0 };
  let sum = 0n;
  const parts: [string, unknown, bigint][] = [
    ['microseconds', microseconds, 1n], ['milliseconds', milliseconds, 1000n], ['seconds', seconds, US_PER_SECOND],
    ['minutes', minutes, 60n * US_PER_SECOND], ['hours', hours, 3600n * US_PER_SECOND], ['days', days, US_PER_DAY],
    ['weeks', weeks, 7n * US_PER_DAY],
  ];
  for (const [name, value, factor] of parts) {
    if (value !== undefined) sum = accum(name, sum, value, factor, leftover);
  }
  if (leftover.v !== 0) {
    let whole = roundHalfAway(leftover.v);
    if (Math.abs(whole - leftover.v) === 0.5) {
      const odd = sum % 2n !== 0n ? 1 : 0;
      whole = 2 * roundHalfAway((leftover.v + odd) * 0.5) - odd;
    }
    sum += BigInt(whole);
  }
  return deltaFromUs(sum, cls);
}

function cmp(a: Delta, b: unknown): number | null {
  if (!isDelta(b)) return null;
  const x = totalUs(a);
  const y = totalUs(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareWith(test: (c: number) => boolean) {
  return function (this: Delta, other: unknown): unknown {
    const c = cmp(this, other);
    return c === null ? NotImplemented : test(c);
  };
}

function mulBy(t: Delta, other: unknown): unknown {
  const i = bigIntOf(other);
  if (i !== null) return deltaFromUs(totalUs(t) * i);
  const f = floatOf(other);
  if (f !== null) {
    const [n, d] = floatRatio(f);
    return deltaFromUs(divNear(totalUs(t) * n, d));
  }
  return NotImplemented;
}

function zeroCheck(d: bigint, message = 'integer division or modulo by zero'): void {
  if (d === 0n) throw new ZeroDivisionError(message);
}

export const timedelta: PyClass = cTypeName(defineClass(MODULE, 'timedelta', [], {
  ...NO_DICT,
  __new__: cNew('__new__', ['days', 'seconds', 'microseconds', 'milliseconds', 'minutes', 'hours', 'weeks'], 0, [], construct),
  days: readOnly((t: Delta) => t.$d, 'days', null),
  seconds: readOnly((t: Delta) => t.$s, 'seconds', null),
  microseconds: readOnly((t: Delta) => t.$us, 'microseconds', null),
  total_seconds: pyFunction('self', 'timedelta.total_seconds', MODULE, (t: Delta) => truediv(pyInt(totalUs(t)), 1000000)),
  __repr__(this: Delta): string {
    const parts: string[] = [];
    if (this.$d !== 0) parts.push(`days=${this.$d}`);
    if (this.$s !== 0) parts.push(`seconds=${this.$s}`);
    if (this.$us !== 0) parts.push(`microseconds=${this.$us}`);
    return `${typeLabel(this, timedelta)}(${parts.length === 0 ? '0' : parts.join(', ')})`;
  },
  __str__(this: Delta): string {
    return deltaStr(this);
  },
  __hash__(this: Delta): unknown {
    return pyHash(PyTuple.of<unknown>(this.$d, this.$s, this.$us));
  },
  __bool__(this: Delta): boolean {
    return this.$d !== 0 || this.$s !== 0 || this.$us !== 0;
  },
  __eq__(this: Delta, other: unknown): unknown {
    const c = cmp(this, other);
    return c === null ? NotImplemented : c === 0;
  },
  __ne__(this: Delta, other: unknown): unknown {
    const c = cmp(this, other);
    return c === null ? NotImplemented : c !== 0;
  },
  __lt__: compareWith((c) => c < 0),
  __le__: compareWith((c) => c <= 0),
  __gt__: compareWith((c) => c > 0),
  __ge__: compareWith((c) => c >= 0),
  __neg__(this: Delta): Delta {
    return deltaFromUs(-totalUs(this));
  },
  __pos__(this: Delta): Delta {
    return deltaFromUs(totalUs(this));
  },
  __abs__(this: Delta): Delta {
    const us = totalUs(this);
    return deltaFromUs(us < 0n ? -us : us);
  },
  __add__(this: Delta, other: unknown): unknown {
    return isDelta(other) ? deltaFromUs(totalUs(this) + totalUs(other)) : NotImplemented;
  },
  __radd__(this: Delta, other: unknown): unknown {
    return isDelta(other) ? deltaFromUs(totalUs(this) + totalUs(other)) : NotImplemented;
  },
  __sub__(this: Delta, other: unknown): unknown {
    return isDelta(other) ? deltaFromUs(totalUs(this) - totalUs(other)) : NotImplemented;
  },
  __rsub__(this: Delta, other: unknown): unknown {
    return isDelta(other) ? deltaFromUs(totalUs(other) - totalUs(this)) : NotImplemented;
  },
  __mul__(this: Delta, other: unknown): unknown {
    return mulBy(this, other);
  },
  __rmul__(this: Delta, other: unknown): unknown {
    return mulBy(this, other);
  },
  __truediv__(this: Delta, other: unknown): unknown {
    const us = totalUs(this);
    if (isDelta(other)) {
      const d = totalUs(other);
      zeroCheck(d, 'division by zero');
      return truediv(pyInt(us), pyInt(d));
    }
    const i = bigIntOf(other);
    if (i !== null) {
      zeroCheck(i);
      return deltaFromUs(divNear(us, i));
    }
    const f = floatOf(other);
    if (f !== null) {
      const [n, d] = floatRatio(f);
      zeroCheck(n);
      return deltaFromUs(divNear(us * d, n));
    }
    return NotImplemented;
  },
  __floordiv__(this: Delta, other: unknown): unknown {
    const us = totalUs(this);
    if (isDelta(other)) {
      const d = totalUs(other);
      zeroCheck(d);
      return pyInt(floorDiv(us, d));
    }
    const i = bigIntOf(other);
    if (i !== null) {
      zeroCheck(i);
      return deltaFromUs(floorDiv(us, i));
    }
    return NotImplemented;
  },
  __mod__(this: Delta, other: unknown): unknown {
    if (!isDelta(other)) return NotImplemented;
    const d = totalUs(other);
    zeroCheck(d, 'integer modulo by zero');
    return deltaFromUs(floorMod(totalUs(this), d));
  },
  __divmod__(this: Delta, other: unknown): unknown {
    if (!isDelta(other)) return NotImplemented;
    const d = totalUs(other);
    zeroCheck(d);
    const us = totalUs(this);
    return PyTuple.of<unknown>(pyInt(floorDiv(us, d)), deltaFromUs(floorMod(us, d)));
  },
  __reduce__(this: Delta): unknown {
    return PyTuple.of<unknown>(timedelta, PyTuple.of<unknown>(this.$d, this.$s, this.$us));
  },
}));

/** str(timedelta): '1 day, 2:03:04.000005'. */
export function deltaStr(t: Delta): string {
  const hh = Math.floor(t.$s / 3600);
  const mm = Math.floor((t.$s % 3600) / 60);
  const ss = t.$s % 60;
  let out = `${hh}:${pad(mm)}:${pad(ss)}`;
  if (t.$us !== 0) out += `.${pad(t.$us, 6)}`;
  if (t.$d !== 0) out = `${t.$d} day${Math.abs(t.$d) !== 1 ? 's' : ''}, ${out}`;
  return out;
}

export function delta(days: number, seconds = 0, us = 0): Delta {
  return deltaFromUs(BigInt(days) * US_PER_DAY + BigInt(seconds) * US_PER_SECOND + BigInt(us));
}

setattr(timedelta, 'min', delta(-MAX_DAYS));
setattr(timedelta, 'max', delta(MAX_DAYS, 86399, 999999));
setattr(timedelta, 'resolution', delta(0, 0, 1));
