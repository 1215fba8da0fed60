/** datetime.date: a proleptic Gregorian date. */
import { cNew } from './args.js';
import { PyClassMethod, isinstance, pyClassOf, type PyClass } from '../../../builtins/classes.js';
import { OverflowError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { pyHash } from '../../../builtins/equality.js';
import { callMethod, setattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { repr, str } from '../../../builtins/repr.js';
import { PyTuple, typeName } from '../../../builtins/values.js';
import { defineClass, newInstance } from '../stdlib/pyclass.js';
import { pyFunction } from '../pydef.js';
import { StructSequence } from '../structSequence.js';
import { MODULE, NO_DICT, cTypeName, readOnly, typeLabel } from './common.js';
import { ctime, isoDate, strftime, structTime, timeFields } from './format.js';
import { parseIsoDate } from './iso.js';
import { localBroken } from './local.js';
import { cInt, floatOf } from './numbers.js';
import { type Delta, delta, isDelta } from './timedelta.js';
import { MAXORDINAL, checkDate, isoCalendar, isoToYmd, ordToYmd, weekday, ymdToOrd } from './ymd.js';

export interface DateObj {
  $y: number;
  $m: number;
  $d: number;
}

/** A date (or a subclass's instance, made by calling the subclass as CPython does). */
export function makeDate(cls: unknown, y: number, m: number, d: number): DateObj {
  if (cls !== date) return call(cls, [y, m, d], null) as DateObj;
  const o = newInstance(cls) as unknown as DateObj;
  o.$y = y;
  o.$m = m;
  o.$d = d;
  return o;
}

export function isDate(v: unknown): v is DateObj {
  return isinstance(v, date);
}

/** Seconds since the epoch from a timestamp argument (int or float). */
export function timestampArg(t: unknown): number {
  if (typeof t === 'boolean') return Number(t);
  if (typeof t === 'number') return t;
  if (typeof t === 'bigint') return Number(t);
  const f = floatOf(t);
  if (f !== null) {
    if (Number.isNaN(f)) throw new ValueError('Invalid value NaN (not a number)');
    return f;
  }
  throw new TypeError(`'${typeName(t)}' object cannot be interpreted as an integer`);
}

export function isoString(s: unknown): string {
  if (typeof s !== 'string') throw new TypeError('fromisoformat: argument must be str');
  return s;
}

export function invalidIso(s: string): ValueError {
  return new ValueError(`Invalid isoformat string: ${repr(s)}`);
}

function compareDates(a: DateObj, b: DateObj): number {
  return a.$y - b.$y || a.$m - b.$m || a.$d - b.$d;
}

function compareWith(test: (c: number) => boolean) {
  return function (this: DateObj, other: unknown): unknown {
    return isDate(other) ? test(compareDates(this, other)) : NotImplemented;
  };
}

/** The date `days` after `self`, of self's class. */
function shifted(self: DateObj, days: number): DateObj {
  const ord = ymdToOrd(self.$y, self.$m, self.$d) + days;
  if (ord < 1 || ord > MAXORDINAL) throw new OverflowError('date value out of range');
  const [y, m, d] = ordToYmd(ord);
  return makeDate(pyClassOf(self), y, m, d);
}

/** Set by datetime.ts: datetime instances, which date's arithmetic leaves to datetime. */
let isDatetime: (v: unknown) => boolean = () => false;
export function setDatetimeClassCheck(f: (v: unknown) => boolean): void {
  isDatetime = f;
}

export class IsoCalendarDate extends StructSequence {
  static readonly __name__ = 'IsoCalendarDate';
  static readonly __module__ = 'datetime';

  constructor(values: readonly number[]) {
    super('datetime.IsoCalendarDate', ['year', 'week', 'weekday'], values);
  }
}

export function dateFormat(self: unknown, fmt: unknown): unknown {
  if (typeof fmt !== 'string') throw new TypeError(`must be str, not ${typeName(fmt)}`);
  return fmt === '' ? str(self) : callStrftime(self, fmt);
}

function callStrftime(self: unknown, fmt: string): unknown {
  return callMethod(self, 'strftime', fmt);
}

/** A new instance of `cls` (date or a subclass of it) for the checked date: what date's and datetime's `__new__` start with. */
export function newDate(cls: unknown, year: unknown, month: unknown, day: unknown): DateObj {
  const y = cInt(year);
  const m = cInt(month);
  const d = cInt(day);
  checkDate(y, m, d);
  const o = newInstance(cls) as unknown as DateObj;
  o.$y = y;
  o.$m = m;
  o.$d = d;
  return o;
}

export const date: PyClass = cTypeName(defineClass(MODULE, 'date', [], {
  ...NO_DICT,
  __new__: cNew(null, ['year', 'month', 'day'], 3, [], (cls: unknown, year: unknown, month: unknown, day: unknown) => newDate(cls, year, month, day)),
  today: new PyClassMethod(pyFunction('cls', 'date.today', MODULE, (cls: unknown) => {
    const b = localBroken(Date.now() / 1000);
    return makeDate(cls, b.y, b.m, b.d);
  })),
  fromtimestamp: new PyClassMethod(pyFunction('cls, timestamp', 'date.fromtimestamp', MODULE, (cls: unknown, t: unknown) => {
    const b = localBroken(Math.floor(timestampArg(t)));
    return makeDate(cls, b.y, b.m, b.d);
  })),
  fromordinal: new PyClassMethod(pyFunction('cls, ordinal', 'date.fromordinal', MODULE, (cls: unknown, n: unknown) => {
    const ord = cInt(n);
    if (ord < 1) throw new ValueError('ordinal must be >= 1');
    if (ord > MAXORDINAL) throw new ValueError(`year ${ordToYmd(ord)[0]} is out of range`);
    const [y, m, d] = ordToYmd(ord);
    return makeDate(cls, y, m, d);
  })),
  fromisoformat: new PyClassMethod(pyFunction('cls, date_string', 'date.fromisoformat', MODULE, (cls: unknown, s: unknown) => {
    const text = isoString(s);
    // Malformed text is an 'Invalid isoformat string'; a field out of range keeps the constructor's error.
    const ymd = parseIsoDate(text);
    if (ymd === null) throw invalidIso(text);
    checkDate(...ymd);
    return makeDate(cls, ...ymd);
  })),
  fromisocalendar: new PyClassMethod(pyFunction('cls, year, week, day', 'date.fromisocalendar', MODULE, (cls: unknown, y: unknown, w: unknown, d: unknown) =>
    makeDate(cls, ...isoToYmd(cInt(y), cInt(w), cInt(d))))),
  year: readOnly((o: DateObj) => o.$y, 'year', 'date'),
  month: readOnly((o: DateObj) => o.$m, 'month', 'date'),
  day: readOnly((o: DateObj) => o.$d, 'day', 'date'),
  toordinal: pyFunction('self', 'date.toordinal', MODULE, (o: DateObj) => ymdToOrd(o.$y, o.$m, o.$d)),
  weekday: pyFunction('self', 'date.weekday', MODULE, (o: DateObj) => weekday(o.$y, o.$m, o.$d)),
  isoweekday: pyFunction('self', 'date.isoweekday', MODULE, (o: DateObj) => weekday(o.$y, o.$m, o.$d) + 1),
  isocalendar: pyFunction('self', 'date.isocalendar', MODULE, (o: DateObj) => new IsoCalendarDate(isoCalendar(o.$y, o.$m, o.$d))),
  isoformat: pyFunction('self', 'date.isoformat', MODULE, (o: DateObj) => isoDate(o.$y, o.$m, o.$d)),
  ctime: pyFunction('self', 'date.ctime', MODULE, (o: DateObj) => ctime(o.$y, o.$m, o.$d, 0, 0, 0)),
  timetuple: pyFunction('self', 'date.timetuple', MODULE, (o: DateObj) => structTime(timeFields(o.$y, o.$m, o.$d, 0, 0, 0, -1))),
  strftime: pyFunction('self, format', 'date.strftime', MODULE, (o: DateObj, fmt: unknown) =>
    strftime(fmt, timeFields(o.$y, o.$m, o.$d, 0, 0, 0, -1), 0, null, null)),
  __format__: pyFunction('self, format_spec', 'date.__format__', MODULE, dateFormat),
  replace: pyFunction('self, year=, month=, day=', 'date.replace', MODULE, (o: DateObj, year?: unknown, month?: unknown, day?: unknown) => {
    const y = year === undefined ? o.$y : cInt(year);
    const m = month === undefined ? o.$m : cInt(month);
    const d = day === undefined ? o.$d : cInt(day);
    checkDate(y, m, d);
    const out = newInstance(pyClassOf(o)) as unknown as DateObj;
    out.$y = y;
    out.$m = m;
    out.$d = d;
    return out;
  }),
  __repr__(this: DateObj): string {
    return `${typeLabel(this, date)}(${this.$y}, ${this.$m}, ${this.$d})`;
  },
  __str__(this: DateObj): string {
    return isoDate(this.$y, this.$m, this.$d);
  },
  __hash__(this: DateObj): unknown {
    return pyHash(PyTuple.of<unknown>(this.$y, this.$m, this.$d));
  },
  __eq__(this: DateObj, other: unknown): unknown {
    return isDate(other) ? compareDates(this, other) === 0 : NotImplemented;
  },
  __ne__(this: DateObj, other: unknown): unknown {
    return isDate(other) ? compareDates(this, other) !== 0 : NotImplemented;
  },
  __lt__: compareWith((c) => c < 0),
  __le__: compareWith((c) => c <= 0),
  __gt__: compareWith((c) => c > 0),
  __ge__: compareWith((c) => c >= 0),
  __add__(this: DateObj, other: unknown): unknown {
    return isDelta(other) ? shifted(this, (other as Delta).$d) : NotImplemented;
  },
  __radd__(this: DateObj, other: unknown): unknown {
    return isDelta(other) ? shifted(this, (other as Delta).$d) : NotImplemented;
  },
  __sub__(this: DateObj, other: unknown): unknown {
    if (isDelta(other)) return shifted(this, -(other as Delta).$d);
    if (isDate(other) && !isDatetime(other)) {
      return delta(ymdToOrd(this.$y, this.$m, this.$d) - ymdToOrd(other.$y, other.$m, other.$d));
    }
    return NotImplemented;
  },
  __reduce__(this: DateObj): unknown {
    return PyTuple.of<unknown>(pyClassOf(this), PyTuple.of<unknown>(this.$y, this.$m, this.$d));
  },
}));

setattr(date, 'min', makeDate(date, 1, 1, 1));
setattr(date, 'max', makeDate(date, 9999, 12, 31));
setattr(date, 'resolution', delta(1));
