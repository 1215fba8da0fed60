/** datetime.time: a time of day, optionally with a tzinfo. */
import { cNew } from './args.js';
import { PyClassMethod, isinstance, pyClassOf, type PyClass } from '../../../builtins/classes.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { pyHash } from '../../../builtins/equality.js';
import { setattr } from '../../../builtins/attributes.js';
import { PyTuple } from '../../../builtins/values.js';
import { defineClass, newInstance } from '../stdlib/pyclass.js';
import { pyFunction } from '../pydef.js';
import { MODULE, NO_DICT, cTypeName, readOnly, typeLabel } from './common.js';
import { type Clock, type CompareOp, clockRepr, clockUs, compareClocks, offsetSuffix, reprTail, setClock } from './clock.js';
import { dateFormat, invalidIso, isoString } from './date.js';
import { isoTime, strftime, timeFields } from './format.js';
import { parseIsoTime } from './iso.js';
import { pyInt } from './numbers.js';
import { delta, deltaFromUs, deltaOrNone } from './timedelta.js';
import { callOffset, callTzname, timezone } from './tzinfo.js';
import { call } from '../../../builtins/calls.js';

export function isTime(v: unknown): v is Clock {
  return isinstance(v, time);
}

/** A fixed-offset timezone for a parsed offset (the UTC singleton for zero). */
export function zoneFor(us: bigint): unknown {
  return call(timezone, [deltaFromUs(us)], null);
}

function timeOffset(t: Clock): bigint | null {
  return callOffset(t.$tz, 'utcoffset', null);
}

function compareWith(op: CompareOp) {
  return function (this: Clock, other: unknown): unknown {
    if (!isTime(other)) return NotImplemented;
    const a = clockUs(this);
    const b = clockUs(other);
    if (this.$tz === other.$tz) return compareClocks(op, a, b, null, null, 'times');
    return compareClocks(op, a, b, timeOffset(this), timeOffset(other), 'times');
  };
}

export function makeTime(cls: unknown, h: number, m: number, s: number, us: number, tz: unknown, fold: number): Clock {
  const o = newInstance(cls) as unknown as Clock;
  Object.assign(o, { $H: h, $M: m, $S: s, $us: us, $tz: tz, $fold: fold });
  return o;
}

export const time: PyClass = cTypeName(defineClass(MODULE, 'time', [], {
  ...NO_DICT,
  __new__: cNew(null, ['hour', 'minute', 'second', 'microsecond', 'tzinfo'], 0, ['fold'],
    (cls: unknown, h?: unknown, m?: unknown, s?: unknown, us?: unknown, tz?: unknown, fold?: unknown) => {
      const o = newInstance(cls) as unknown as Clock;
      setClock(o, h, m, s, us, tz, fold);
      return o;
    }),
  fromisoformat: new PyClassMethod(pyFunction('cls, time_string', 'time.fromisoformat', MODULE, (cls: unknown, s: unknown) => {
    const text = isoString(s);
    const parsed = parseIsoTime(text.startsWith('T') ? text.slice(1) : text);
    if (parsed === null) throw invalidIso(text);
    return call(cls, [parsed.h, parsed.m, parsed.s, parsed.us, parsed.tz === null ? null : zoneFor(parsed.tz)], null);
  })),
  hour: readOnly((t: Clock) => t.$H, 'hour', 'time'),
  minute: readOnly((t: Clock) => t.$M, 'minute', 'time'),
  second: readOnly((t: Clock) => t.$S, 'second', 'time'),
  microsecond: readOnly((t: Clock) => t.$us, 'microsecond', 'time'),
  tzinfo: readOnly((t: Clock) => t.$tz, 'tzinfo', 'time'),
  fold: readOnly((t: Clock) => t.$fold, 'fold', 'time'),
  utcoffset: pyFunction('self', 'time.utcoffset', MODULE, (t: Clock) => deltaOrNone(timeOffset(t))),
  dst: pyFunction('self', 'time.dst', MODULE, (t: Clock) => deltaOrNone(callOffset(t.$tz, 'dst', null))),
  tzname: pyFunction('self', 'time.tzname', MODULE, (t: Clock) => callTzname(t.$tz, null)),
  isoformat: pyFunction('self, timespec=', 'time.isoformat', MODULE, (t: Clock, timespec?: unknown) =>
    isoTime(t.$H, t.$M, t.$S, t.$us, timespec ?? 'auto') + offsetSuffix(timeOffset(t))),
  strftime: pyFunction('self, format', 'time.strftime', MODULE, (t: Clock, fmt: unknown) =>
    strftime(fmt, timeFields(1900, 1, 1, t.$H, t.$M, t.$S, -1), t.$us, timeOffset(t), callTzname(t.$tz, null))),
  __format__: pyFunction('self, format_spec', 'time.__format__', MODULE, dateFormat),
  replace: pyFunction('self, hour=, minute=, second=, microsecond=, tzinfo=, *, fold=', 'time.replace', MODULE,
    (t: Clock, h?: unknown, m?: unknown, s?: unknown, us?: unknown, tz?: unknown, fold?: unknown) => {
      const o = newInstance(pyClassOf(t)) as unknown as Clock;
      setClock(o, h ?? t.$H, m ?? t.$M, s ?? t.$S, us ?? t.$us, tz === undefined ? t.$tz : tz, fold ?? t.$fold);
      return o;
    }),
  __repr__(this: Clock): string {
    return `${typeLabel(this, time)}(${clockRepr(this)}${reprTail(this)})`;
  },
  __str__(this: Clock): string {
    return isoTime(this.$H, this.$M, this.$S, this.$us, 'auto') + offsetSuffix(timeOffset(this));
  },
  __hash__(this: Clock): unknown {
    const off = timeOffset(this);
    if (off === null) return pyHash(PyTuple.of<unknown>(this.$H, this.$M, this.$S, this.$us));
    return pyHash(pyInt(clockUs(this) - off));
  },
  __bool__(): boolean {
    return true;
  },
  __eq__: compareWith('eq'),
  __ne__: compareWith('ne'),
  __lt__: compareWith('lt'),
  __le__: compareWith('le'),
  __gt__: compareWith('gt'),
  __ge__: compareWith('ge'),
}));

setattr(time, 'min', makeTime(time, 0, 0, 0, 0, null, 0));
setattr(time, 'max', makeTime(time, 23, 59, 59, 999999, null, 0));
setattr(time, 'resolution', delta(0, 0, 1));
