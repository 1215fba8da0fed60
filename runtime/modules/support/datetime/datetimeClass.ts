/** datetime.datetime: a date and a time of day, naive or aware (with a tzinfo). */
import { cNew } from './args.js';
import { PyClassMethod, isinstance, pyClassOf, type PyClass } from '../../../builtins/classes.js';
import { OverflowError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { pyHash } from '../../../builtins/equality.js';
import { callMethod, setattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { truediv } from '../../../builtins/operators.js';
import { PyTuple, typeName } from '../../../builtins/values.js';
import { defineClass, newInstance } from '../stdlib/pyclass.js';
import { pyFunction } from '../pydef.js';
import { MODULE, NO_DICT, cTypeName, readOnly, typeLabel } from './common.js';
import { type Clock, type CompareOp, clockRepr, compareClocks, offsetSuffix, reprTail, setClock } from './clock.js';
import { type DateObj, date, dateFormat, newDate, invalidIso, isDate, isoString, setDatetimeClassCheck, timestampArg } from './date.js';
import { ctime, isoDate, isoTime, strftime, structTime, timeFields } from './format.js';
import { parseIsoDate, parseIsoTime } from './iso.js';
import { localBroken, localOffset, localToEpoch, localZoneName, utcBroken } from './local.js';
import { cInt, pyInt } from './numbers.js';
import { type Delta, delta, deltaFromUs, deltaOrNone, isDelta, totalUs } from './timedelta.js';
import { isTime, makeTime, time, zoneFor } from './timeOfDay.js';
import { callOffset, callTzname, isTzinfo, setDatetimeCheck, timezone, tzArg } from './tzinfo.js';
import { MAXORDINAL, checkDate, ordToYmd, ymdToOrd } from './ymd.js';
import { argTypeName } from '../../../builtins/arity.js';

export type DT = DateObj & Clock;

const US_PER_DAY = 86400000000n;
const EPOCH_ORDINAL = 719163;

export function isDatetime(v: unknown): v is DT {
  return isinstance(v, datetime);
}

/** A datetime of class `cls` (a subclass is called, as CPython does). */
export function makeDatetime(cls: unknown, y: number, m: number, d: number, hh: number, mm: number, ss: number, us: number, tz: unknown, fold = 0): DT {
  if (cls !== datetime) return call(cls, [y, m, d, hh, mm, ss, us, tz], fold !== 0 ? { fold } : null) as DT;
  const o = newInstance(cls) as unknown as DT;
  Object.assign(o, { $y: y, $m: m, $d: d, $H: hh, $M: mm, $S: ss, $us: us, $tz: tz, $fold: fold });
  return o;
}

/** Microseconds since 0001-01-01 of the wall time (the tzinfo ignored). */
function wallUs(o: DT): bigint {
  const days = BigInt(ymdToOrd(o.$y, o.$m, o.$d));
  return days * US_PER_DAY + BigInt(((o.$H * 60 + o.$M) * 60 + o.$S) * 1000000 + o.$us);
}

function fromWallUs(cls: unknown, us: bigint, tz: unknown): DT {
  const ord = Number(us / US_PER_DAY);
  if (us < US_PER_DAY || ord > MAXORDINAL) throw new OverflowError('date value out of range');
  const [y, m, d] = ordToYmd(ord);
  let rest = Number(us % US_PER_DAY);
  const micro = rest % 1000000;
  rest = (rest - micro) / 1000000;
  return makeDatetime(cls, y, m, d, Math.floor(rest / 3600), Math.floor(rest / 60) % 60, rest % 60, micro, tz);
}

function offsetOf(o: DT): bigint | null {
  return callOffset(o.$tz, 'utcoffset', o);
}

/** Seconds and microseconds of a float timestamp, rounded half to even as CPython does. */
function splitTimestamp(t: unknown): [number, number] {
  const ts = timestampArg(t);
  let secs = Math.floor(ts);
  const frac = (ts - secs) * 1e6;
  let us = Math.round(frac);
  if (Math.abs(frac - Math.trunc(frac)) === 0.5 && us % 2 !== 0) us -= 1;
  if (us >= 1000000) {
    secs += 1;
    us -= 1000000;
  }
  return [secs, us];
}

function fromTimestamp(cls: unknown, t: unknown, tz: unknown): DT {
  const zone = tzArg(tz);
  const [secs, us] = splitTimestamp(t);
  const b = zone === null ? localBroken(secs) : utcBroken(secs);
  checkDate(b.y, b.m, b.d);
  const dt = makeDatetime(cls, b.y, b.m, b.d, b.hh, b.mm, b.ss, us, zone);
  return zone === null ? dt : (callMethod(zone, 'fromutc', dt) as DT);
}

/** Seconds since the epoch of the instant a datetime denotes (a naive one is local time). */
function epochSeconds(o: DT): number {
  const off = offsetOf(o);
  if (off !== null) return Number(wallUs(o) - off - BigInt(EPOCH_ORDINAL) * US_PER_DAY) / 1e6;
  return localToEpoch({ y: o.$y, m: o.$m, d: o.$d, hh: o.$H, mm: o.$M, ss: o.$S }, o.$fold) + o.$us / 1e6;
}

function compareWith(op: CompareOp) {
  return function (this: DT, other: unknown): unknown {
    if (!isDatetime(other)) {
      if (isDate(other)) {
        if (op === 'eq') return false;
        if (op === 'ne') return true;
        throw new TypeError(`can't compare ${typeLabel(this, datetime)} to ${typeLabel(other, date)}`);
      }
      return NotImplemented;
    }
    if (this.$tz === other.$tz) return compareClocks(op, wallUs(this), wallUs(other), null, null, 'datetimes');
    return compareClocks(op, wallUs(this), wallUs(other), offsetOf(this), offsetOf(other), 'datetimes');
  };
}

function sepArg(sep: unknown): string {
  if (typeof sep !== 'string' || [...sep].length !== 1) {
    throw new TypeError(`isoformat() argument 1 must be a unicode character, not ${argTypeName(sep)}`);
  }
  return sep;
}

function isoformat(o: DT, sep: string, timespec: unknown): string {
  return isoDate(o.$y, o.$m, o.$d) + sep + isoTime(o.$H, o.$M, o.$S, o.$us, timespec) + offsetSuffix(offsetOf(o));
}

function fields(o: DT, dst: number): number[] {
  return timeFields(o.$y, o.$m, o.$d, o.$H, o.$M, o.$S, dst);
}

function dstFlag(o: DT): number {
  const d = callOffset(o.$tz, 'dst', o);
  return d === null ? -1 : d !== 0n ? 1 : 0;
}

function parseIso(text: string): [number[], unknown] | null {
  let dateLen: number;
  if (text.length <= 10 && parseIsoDate(text) !== null) dateLen = text.length;
  else if (text[4] === '-') dateLen = text[5] === 'W' ? (text[8] === '-' ? 10 : 8) : 10;
  else dateLen = text[4] === 'W' ? (/\d/.test(text[7] ?? '') ? 8 : 7) : 8;
  const ymd = parseIsoDate(text.slice(0, dateLen));
  if (ymd === null) return null;
  checkDate(...ymd);
  if (text.length === dateLen) return [[...ymd, 0, 0, 0, 0], null];
  const t = parseIsoTime(text.slice(dateLen + 1));
  if (t === null || text.length === dateLen + 1) return null;
  return [[...ymd, t.h, t.m, t.s, t.us], t.tz === null ? null : zoneFor(t.tz)];
}

export const datetime: PyClass = cTypeName(defineClass(MODULE, 'datetime', [date], {
  ...NO_DICT,
  __new__: cNew(null, ['year', 'month', 'day', 'hour', 'minute', 'second', 'microsecond', 'tzinfo'], 3, ['fold'],
    (cls: unknown, year: unknown, month: unknown, day: unknown, h?: unknown, mi?: unknown, s?: unknown, us?: unknown, tz?: unknown, fold?: unknown) => {
      const o = newDate(cls, year, month, day) as DT;
      setClock(o, h, mi, s, us, tz, fold);
      return o;
    }),
  now: new PyClassMethod(pyFunction('cls, tz=', 'datetime.now', MODULE, (cls: unknown, tz?: unknown) => fromTimestamp(cls, Date.now() / 1000, tz))),
  today: new PyClassMethod(pyFunction('cls', 'datetime.today', MODULE, (cls: unknown) => fromTimestamp(cls, Date.now() / 1000, null))),
  utcnow: new PyClassMethod(pyFunction('cls', 'datetime.utcnow', MODULE, (cls: unknown) => {
    const [secs, us] = splitTimestamp(Date.now() / 1000);
    const b = utcBroken(secs);
    return makeDatetime(cls, b.y, b.m, b.d, b.hh, b.mm, b.ss, us, null);
  })),
  fromtimestamp: new PyClassMethod(pyFunction('cls, timestamp, tz=', 'datetime.fromtimestamp', MODULE, (cls: unknown, t: unknown, tz?: unknown) =>
    fromTimestamp(cls, t, tz))),
  utcfromtimestamp: new PyClassMethod(pyFunction('cls, timestamp', 'datetime.utcfromtimestamp', MODULE, (cls: unknown, t: unknown) => {
    const [secs, us] = splitTimestamp(t);
    const b = utcBroken(secs);
    checkDate(b.y, b.m, b.d);
    return makeDatetime(cls, b.y, b.m, b.d, b.hh, b.mm, b.ss, us, null);
  })),
  combine: new PyClassMethod(pyFunction('cls, date, time, tzinfo=', 'datetime.combine', MODULE, (cls: unknown, d: unknown, t: unknown, tz?: unknown) => {
    if (!isDate(d)) throw new TypeError(`combine() argument 1 must be datetime.date, not ${argTypeName(d)}`);
    if (!isTime(t)) throw new TypeError(`combine() argument 2 must be datetime.time, not ${argTypeName(t)}`);
    return makeDatetime(cls, d.$y, d.$m, d.$d, t.$H, t.$M, t.$S, t.$us, tz === undefined ? t.$tz : tzArg(tz), t.$fold);
  })),
  fromisoformat: new PyClassMethod(pyFunction('cls, date_string', 'datetime.fromisoformat', MODULE, (cls: unknown, s: unknown) => {
    const text = isoString(s);
    const parsed = parseIso(text);
    if (parsed === null) throw invalidIso(text);
    const [y, m, d, hh, mm, ss, us] = parsed[0] as [number, number, number, number, number, number, number];
    return call(cls, [y, m, d, hh, mm, ss, us, parsed[1]], null);
  })),
  strptime: new PyClassMethod(pyFunction('cls, date_string, format', 'datetime.strptime', MODULE, (cls: unknown, s: unknown, f: unknown) => {
    const r = strptimeHook(s, f);
    return call(cls, [...r.fields, r.tz], null);
  })),
  hour: readOnly((o: DT) => o.$H, 'hour', 'datetime'),
  minute: readOnly((o: DT) => o.$M, 'minute', 'datetime'),
  second: readOnly((o: DT) => o.$S, 'second', 'datetime'),
  microsecond: readOnly((o: DT) => o.$us, 'microsecond', 'datetime'),
  tzinfo: readOnly((o: DT) => o.$tz, 'tzinfo', 'datetime'),
  fold: readOnly((o: DT) => o.$fold, 'fold', 'datetime'),
  date: pyFunction('self', 'datetime.date', MODULE, (o: DT) => call(date, [o.$y, o.$m, o.$d], null)),
  time: pyFunction('self', 'datetime.time', MODULE, (o: DT) => makeTime(time, o.$H, o.$M, o.$S, o.$us, null, o.$fold)),
  timetz: pyFunction('self', 'datetime.timetz', MODULE, (o: DT) => makeTime(time, o.$H, o.$M, o.$S, o.$us, o.$tz, o.$fold)),
  replace: pyFunction('self, year=, month=, day=, hour=, minute=, second=, microsecond=, tzinfo=, *, fold=', 'datetime.replace', MODULE,
    (o: DT, y?: unknown, m?: unknown, d?: unknown, hh?: unknown, mi?: unknown, s?: unknown, us?: unknown, tz?: unknown, fold?: unknown) => {
      const out = newInstance(pyClassOf(o)) as unknown as DT;
      out.$y = y === undefined ? o.$y : cInt(y);
      out.$m = m === undefined ? o.$m : cInt(m);
      out.$d = d === undefined ? o.$d : cInt(d);
      checkDate(out.$y, out.$m, out.$d);
      setClock(out, hh ?? o.$H, mi ?? o.$M, s ?? o.$S, us ?? o.$us, tz === undefined ? o.$tz : tz, fold ?? o.$fold);
      return out;
    }),
  astimezone: pyFunction('self, tz=', 'datetime.astimezone', MODULE, (o: DT, tz?: unknown) => {
    if (tz !== undefined && tz !== null && !isTzinfo(tz)) throw new TypeError(`tzinfo argument must be None or of a tzinfo subclass, not type '${typeName(tz)}'`);
    const target = tz ?? null;
    if (target !== null && o.$tz === target) return o;
    let off = offsetOf(o);
    if (off === null) off = BigInt(localOffset(Math.floor(epochSeconds(o)))) * 1000000n;
    const utcUs = wallUs(o) - off;
    let zone: unknown = target;
    if (zone === null) {
      const secs = Math.floor(Number(utcUs - BigInt(EPOCH_ORDINAL) * US_PER_DAY) / 1e6);
      zone = call(timezone, [delta(0, localOffset(secs)), localZoneName(secs)], null);
    }
    const utc = fromWallUs(pyClassOf(o), utcUs, zone);
    return callMethod(zone, 'fromutc', utc);
  }),
  utcoffset: pyFunction('self', 'datetime.utcoffset', MODULE, (o: DT) => deltaOrNone(offsetOf(o))),
  dst: pyFunction('self', 'datetime.dst', MODULE, (o: DT) => deltaOrNone(callOffset(o.$tz, 'dst', o))),
  tzname: pyFunction('self', 'datetime.tzname', MODULE, (o: DT) => callTzname(o.$tz, o)),
  timetuple: pyFunction('self', 'datetime.timetuple', MODULE, (o: DT) => structTime(fields(o, dstFlag(o)))),
  utctimetuple: pyFunction('self', 'datetime.utctimetuple', MODULE, (o: DT) => {
    const off = offsetOf(o);
    const u = off === null ? o : fromWallUs(datetime, wallUs(o) - off, null);
    return structTime(fields(u, 0));
  }),
  timestamp: pyFunction('self', 'datetime.timestamp', MODULE, (o: DT) => {
    const off = offsetOf(o);
    if (off !== null) return truediv(pyInt(wallUs(o) - off - BigInt(EPOCH_ORDINAL) * US_PER_DAY), 1000000);
    const local = localToEpoch({ y: o.$y, m: o.$m, d: o.$d, hh: o.$H, mm: o.$M, ss: o.$S }, o.$fold);
    return truediv(pyInt(BigInt(local) * 1000000n + BigInt(o.$us)), 1000000);
  }),
  toordinal: pyFunction('self', 'datetime.toordinal', MODULE, (o: DT) => ymdToOrd(o.$y, o.$m, o.$d)),
  isoformat: pyFunction('self, sep=, timespec=', 'datetime.isoformat', MODULE, (o: DT, sep?: unknown, timespec?: unknown) =>
    isoformat(o, sep === undefined ? 'T' : sepArg(sep), timespec ?? 'auto')),
  ctime: pyFunction('self', 'datetime.ctime', MODULE, (o: DT) => ctime(o.$y, o.$m, o.$d, o.$H, o.$M, o.$S)),
  strftime: pyFunction('self, format', 'datetime.strftime', MODULE, (o: DT, fmt: unknown) =>
    strftime(fmt, fields(o, -1), o.$us, offsetOf(o), callTzname(o.$tz, o))),
  __format__: pyFunction('self, format_spec', 'datetime.__format__', MODULE, dateFormat),
  __repr__(this: DT): string {
    return `${typeLabel(this, datetime)}(${this.$y}, ${this.$m}, ${this.$d}, ${clockRepr(this)}${reprTail(this)})`;
  },
  __str__(this: DT): string {
    return isoformat(this, ' ', 'auto');
  },
  __hash__(this: DT): unknown {
    const off = offsetOf(this);
    return pyHash(pyInt(wallUs(this) - (off ?? 0n)));
  },
  __eq__: compareWith('eq'),
  __ne__: compareWith('ne'),
  __lt__: compareWith('lt'),
  __le__: compareWith('le'),
  __gt__: compareWith('gt'),
  __ge__: compareWith('ge'),
  __add__(this: DT, other: unknown): unknown {
    return isDelta(other) ? fromWallUs(pyClassOf(this), wallUs(this) + totalUs(other as Delta), this.$tz) : NotImplemented;
  },
  __radd__(this: DT, other: unknown): unknown {
    return isDelta(other) ? fromWallUs(pyClassOf(this), wallUs(this) + totalUs(other as Delta), this.$tz) : NotImplemented;
  },
  __sub__(this: DT, other: unknown): unknown {
    if (isDelta(other)) return fromWallUs(pyClassOf(this), wallUs(this) - totalUs(other as Delta), this.$tz);
    if (!isDatetime(other)) return NotImplemented;
    let diff = wallUs(this) - wallUs(other);
    if (this.$tz !== other.$tz) {
      const a = offsetOf(this);
      const b = offsetOf(other);
      if ((a === null) !== (b === null)) throw new TypeError("can't subtract offset-naive and offset-aware datetimes");
      diff -= (a ?? 0n) - (b ?? 0n);
    }
    return deltaFromUs(diff);
  },
  __reduce__(this: DT): unknown {
    return PyTuple.of<unknown>(pyClassOf(this), PyTuple.of<unknown>(this.$y, this.$m, this.$d, this.$H, this.$M, this.$S, this.$us, this.$tz));
  },
}));

/** Set by strptime.ts (which needs timezone) to parse for datetime.strptime. */
export interface Parsed {
  fields: number[];
  tz: unknown;
}
let strptimeHook: (s: unknown, f: unknown) => Parsed = () => {
  throw new ValueError('strptime unavailable');
};
export function setStrptime(f: (s: unknown, fmt: unknown) => Parsed): void {
  strptimeHook = f;
}

setDatetimeCheck(isDatetime);
setDatetimeClassCheck(isDatetime);
setattr(datetime, 'min', makeDatetime(datetime, 1, 1, 1, 0, 0, 0, 0, null));
setattr(datetime, 'max', makeDatetime(datetime, 9999, 12, 31, 23, 59, 59, 999999, null));
setattr(datetime, 'resolution', delta(0, 0, 1));
