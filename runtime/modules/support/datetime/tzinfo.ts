/**
 * datetime.tzinfo (the abstract base users subclass) and timezone (a fixed
 * offset from UTC), plus the checked calls of a tzinfo's utcoffset(), dst()
 * and tzname() that the datetime and time methods make.
 */
import { cNew } from './args.js';
import { isinstance, type PyClass } from '../../../builtins/classes.js';
import { NotImplementedError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { pyHash } from '../../../builtins/equality.js';
import { add, sub } from '../../../builtins/operators.js';
import { callMethod, setattr } from '../../../builtins/attributes.js';
import { repr } from '../../../builtins/repr.js';
import { PyTuple, typeName } from '../../../builtins/values.js';
import { defineClass, newInstance } from '../stdlib/pyclass.js';
import { pyFunction } from '../pydef.js';
import { MODULE, NO_DICT, cTypeName, typeLabel } from './common.js';
import { pad } from './numbers.js';
import { type Delta, delta, deltaFromUs, isDelta, totalUs } from './timedelta.js';
import { argTypeName } from '../../../builtins/arity.js';

const US_PER_DAY = 86400000000n;

export const tzinfo: PyClass = cTypeName(defineClass(MODULE, 'tzinfo', [], {
  ...NO_DICT,
  tzname: pyFunction('self, dt', 'tzinfo.tzname', MODULE, () => {
    throw new NotImplementedError('a tzinfo subclass must implement tzname()');
  }),
  utcoffset: pyFunction('self, dt', 'tzinfo.utcoffset', MODULE, () => {
    throw new NotImplementedError('a tzinfo subclass must implement utcoffset()');
  }),
  dst: pyFunction('self, dt', 'tzinfo.dst', MODULE, () => {
    throw new NotImplementedError('a tzinfo subclass must implement dst()');
  }),
  fromutc: pyFunction('self, dt', 'tzinfo.fromutc', MODULE, (self: unknown, dt: unknown) => {
    if (!isDatetimeLike(dt)) throw new TypeError('fromutc: argument must be a datetime');
    if ((dt as { $tz: unknown }).$tz !== self) throw new ValueError('fromutc: dt.tzinfo is not self');
    const off = callMethod(dt, 'utcoffset');
    if (off === null) throw new ValueError('fromutc: non-None utcoffset() result required');
    let dst = callMethod(dt, 'dst');
    if (dst === null) throw new ValueError('fromutc: non-None dst() result required');
    let out = dt;
    const diff = sub(off, dst) as Delta;
    if (totalUs(diff) !== 0n) {
      out = add(out, diff);
      dst = callMethod(out, 'dst');
      if (dst === null) throw new ValueError('fromutc: tz.dst() gave inconsistent results; cannot convert');
    }
    return add(out, dst);
  }),
}));

/** Set by datetime.ts: whether a value is a datetime (tzinfo.fromutc's check). */
let isDatetimeLike: (v: unknown) => boolean = () => false;
export function setDatetimeCheck(f: (v: unknown) => boolean): void {
  isDatetimeLike = f;
}

export function isTzinfo(v: unknown): boolean {
  return isinstance(v, tzinfo);
}

/** A tzinfo argument: None or a tzinfo instance. */
export function tzArg(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (!isTzinfo(v)) throw new TypeError(`tzinfo argument must be None or of a tzinfo subclass, not type '${typeName(v)}'`);
  return v;
}

/** CPython names the offending offset for timezone() but not for a tzinfo method's result. */
function checkRange(off: Delta, named: boolean): void {
  const us = totalUs(off);
  if (us <= -US_PER_DAY || us >= US_PER_DAY) {
    const tail = named ? `, not ${repr(off)}.` : '.';
    throw new ValueError(`offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)${tail}`);
  }
}

/** tz.utcoffset(arg) or tz.dst(arg), checked: microseconds, or null for None. */
export function callOffset(tz: unknown, method: 'utcoffset' | 'dst', arg: unknown): bigint | null {
  if (tz === null) return null;
  const r = callMethod(tz, method, arg);
  if (r === null || r === undefined) return null;
  if (!isDelta(r)) throw new TypeError(`tzinfo.${method}() must return None or timedelta, not '${typeName(r)}'`);
  checkRange(r, false);
  return totalUs(r);
}

export function callTzname(tz: unknown, arg: unknown): string | null {
  if (tz === null) return null;
  const r = callMethod(tz, 'tzname', arg);
  if (r === null || r === undefined) return null;
  if (typeof r !== 'string') throw new TypeError(`tzinfo.tzname() must return None or a string, not '${typeName(r)}'`);
  return r;
}

interface Zone {
  $off: Delta;
  $name: string | null;
}

/** 'UTC+01:00' for an offset in microseconds. */
export function utcName(us: bigint): string {
  if (us === 0n) return 'UTC';
  return `UTC${formatOffset(us, ':')}`;
}

/** ±HH<sep>MM[<sep>SS[.ffffff]], as %z and isoformat write an offset. */
export function formatOffset(us: bigint, sep: string): string {
  const sign = us < 0n ? '-' : '+';
  let rest = us < 0n ? -us : us;
  const micro = Number(rest % 1000000n);
  rest /= 1000000n;
  const secs = Number(rest);
  let out = `${sign}${pad(Math.floor(secs / 3600))}${sep}${pad(Math.floor(secs / 60) % 60)}`;
  if (secs % 60 !== 0 || micro !== 0) out += `${sep}${pad(secs % 60)}`;
  if (micro !== 0) out += `.${pad(micro, 6)}`;
  return out;
}

function dtArg(dt: unknown, method: string): void {
  if (dt !== null && !isDatetimeLike(dt)) {
    throw new TypeError(`${method}(dt) argument must be a datetime instance or None, not ${typeName(dt)}`);
  }
}

function makeZone(cls: unknown, off: Delta, name: string | null): Zone {
  const z = newInstance(cls) as unknown as Zone;
  z.$off = off;
  z.$name = name;
  return z;
}

let utc: Zone | null = null;

export const timezone: PyClass = cTypeName(defineClass(MODULE, 'timezone', [tzinfo], {
  ...NO_DICT,
  __new__: cNew('timezone', ['offset', 'name'], 1, [], (cls: unknown, offset: unknown, name?: unknown) => {
    if (!isDelta(offset)) throw new TypeError(`timezone() argument 1 must be datetime.timedelta, not ${argTypeName(offset)}`);
    if (name !== undefined && typeof name !== 'string') throw new TypeError(`timezone() argument 2 must be str, not ${argTypeName(name)}`);
    if (name === undefined && utc !== null && cls === timezone && totalUs(offset) === 0n) return utc;
    checkRange(offset, true);
    return makeZone(cls, offset, name ?? null);
  }),
  utcoffset: pyFunction('self, dt', 'timezone.utcoffset', MODULE, (z: Zone, dt: unknown) => {
    dtArg(dt, 'utcoffset');
    return z.$off;
  }),
  dst: pyFunction('self, dt', 'timezone.dst', MODULE, (_z: Zone, dt: unknown) => {
    dtArg(dt, 'dst');
    return null;
  }),
  tzname: pyFunction('self, dt', 'timezone.tzname', MODULE, (z: Zone, dt: unknown) => {
    dtArg(dt, 'tzname');
    return z.$name ?? utcName(totalUs(z.$off));
  }),
  fromutc: pyFunction('self, dt', 'timezone.fromutc', MODULE, (z: Zone, dt: unknown) => {
    if (!isDatetimeLike(dt)) throw new TypeError('fromutc: argument must be a datetime');
    if ((dt as { $tz: unknown }).$tz !== z) throw new ValueError('fromutc: dt.tzinfo is not self');
    return add(dt, z.$off);
  }),
  __repr__(this: Zone): string {
    if (this === utc) return 'datetime.timezone.utc';
    const label = typeLabel(this, timezone);
    return this.$name === null ? `${label}(${repr(this.$off)})` : `${label}(${repr(this.$off)}, ${repr(this.$name)})`;
  },
  __str__(this: Zone): string {
    return this.$name ?? utcName(totalUs(this.$off));
  },
  __eq__(this: Zone, other: unknown): unknown {
    if (!isinstance(other, timezone)) return NotImplemented;
    return totalUs(this.$off) === totalUs((other as Zone).$off);
  },
  __hash__(this: Zone): unknown {
    return pyHash(this.$off);
  },
  __getinitargs__(this: Zone): unknown {
    return this.$name === null ? PyTuple.of<unknown>(this.$off) : PyTuple.of<unknown>(this.$off, this.$name);
  },
}));

utc = makeZone(timezone, delta(0), null);
export const UTC = utc;
setattr(timezone, 'utc', utc);
setattr(timezone, 'min', makeZone(timezone, deltaFromUs(-(US_PER_DAY - 60000000n)), null));
setattr(timezone, 'max', makeZone(timezone, deltaFromUs(US_PER_DAY - 60000000n), null));
