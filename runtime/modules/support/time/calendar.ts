/**
 * time.struct_time and the conversions between seconds and broken-down
 * time (local, through JS Date's time zone, or UTC), and strftime's
 * directives in the C locale.
 */
import { TypeError, ValueError } from '../../../builtins/exceptions.js';
import { PyFloat, PyTuple, typeName } from '../../../builtins/values.js';
import { StructSequence } from '../structSequence.js';
import { iterItems } from '../../../builtins/list.js';

const FIELDS = ['tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst'];

export class StructTime extends StructSequence {
  static readonly __name__ = 'struct_time';
  static readonly __module__ = 'time';

  constructor(values: readonly unknown[], zone: string | null, gmtoff: number | null) {
    super('time.struct_time', FIELDS, values);
    Object.defineProperty(this, 'tm_zone', { value: zone, enumerable: false });
    Object.defineProperty(this, 'tm_gmtoff', { value: gmtoff, enumerable: false });
  }
}

/** struct_time(sequence): 9 fields, then maybe tm_zone and tm_gmtoff. */
export function makeStructTime(seq: unknown): StructTime {
  const items = iterItems(seq, 'constructor requires a sequence');
  if (items.length < 9) throw new TypeError(`time.struct_time() takes an at least 9-sequence (${items.length}-sequence given)`);
  if (items.length > 11) throw new TypeError(`time.struct_time() takes an at most 11-sequence (${items.length}-sequence given)`);
  return new StructTime(items.slice(0, 9), (items[9] ?? null) as string | null, (items[10] ?? null) as number | null);
}

/** A seconds argument: int or float (None means now). */
export function secondsArg(v: unknown): number {
  if (v === null || v === undefined) return Date.now() / 1000;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return Number(v);
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyFloat) return v.value;
  throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

const DAY_MS = 86400000;

function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / DAY_MS) + 1;
}

function isDst(d: Date): number {
  const jan = new Date(d.getFullYear(), 0, 1).getTimezoneOffset();
  const jul = new Date(d.getFullYear(), 6, 1).getTimezoneOffset();
  return jan !== jul && d.getTimezoneOffset() === Math.min(jan, jul) ? 1 : 0;
}

export function zoneName(d: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'UTC';
}

export function localtime(secs: number): StructTime {
  const d = new Date(Math.floor(secs) * 1000);
  const values = [
    d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), (d.getDay() + 6) % 7,
    dayOfYear(d.getFullYear(), d.getMonth(), d.getDate()), isDst(d),
  ];
  return new StructTime(values, zoneName(d), -d.getTimezoneOffset() * 60);
}

export function gmtime(secs: number): StructTime {
  const d = new Date(Math.floor(secs) * 1000);
  const values = [
    d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), (d.getUTCDay() + 6) % 7,
    dayOfYear(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()), 0,
  ];
  return new StructTime(values, 'GMT', 0);
}

/** The nine fields of a time tuple as numbers, or CPython's TypeError. */
export function tupleFields(t: unknown, fname: string): number[] {
  if (!(t instanceof PyTuple)) throw new TypeError(`Tuple or struct_time argument required`);
  if (t.length !== 9) throw new TypeError(`${fname}(): illegal time tuple argument`);
  return t.map((v) => secondsArg(v));
}

export function mktime(t: unknown): number {
  const [y, mo, d, h, mi, s] = tupleFields(t, 'mktime');
  const date = new Date(y!, mo! - 1, d!, h!, mi!, s!);
  if (Number.isNaN(date.getTime())) throw new ValueError('mktime argument out of range');
  return date.getTime() / 1000;
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function pad(n: number, width = 2, fill = '0'): string {
  return String(n).padStart(width, fill);
}

export function strftime(format: string, t: number[], zone: string, gmtoff: number): string {
  const [year, mon, mday, hour, min, sec, wday, yday] = t as [number, number, number, number, number, number, number, number];
  const directive = (c: string): string | null => {
    switch (c) {
      case 'Y': return String(year);
      case 'y': return pad(year % 100);
      case 'm': return pad(mon);
      case 'd': return pad(mday);
      case 'e': return pad(mday, 2, ' ');
      case 'H': return pad(hour);
      case 'I': return pad(hour % 12 === 0 ? 12 : hour % 12);
      case 'M': return pad(min);
      case 'S': return pad(sec);
      case 'p': return hour < 12 ? 'AM' : 'PM';
      case 'a': return DAYS[wday]!.slice(0, 3);
      case 'A': return DAYS[wday]!;
      case 'b': case 'h': return MONTHS[mon - 1]!.slice(0, 3);
      case 'B': return MONTHS[mon - 1]!;
      case 'j': return pad(yday, 3);
      case 'w': return String((wday + 1) % 7);
      case 'u': return String(wday + 1);
      case 'Z': return zone;
      case 'z': {
        const sign = gmtoff < 0 ? '-' : '+';
        const off = Math.abs(gmtoff) / 60;
        return `${sign}${pad(Math.floor(off / 60))}${pad(off % 60)}`;
      }
      case 'c': return `${DAYS[wday]!.slice(0, 3)} ${MONTHS[mon - 1]!.slice(0, 3)} ${pad(mday, 2, ' ')} ${pad(hour)}:${pad(min)}:${pad(sec)} ${year}`;
      case 'x': return `${pad(mon)}/${pad(mday)}/${pad(year % 100)}`;
      case 'X': case 'T': return `${pad(hour)}:${pad(min)}:${pad(sec)}`;
      case 'D': return `${pad(mon)}/${pad(mday)}/${pad(year % 100)}`;
      case 'F': return `${year}-${pad(mon)}-${pad(mday)}`;
      case 'R': return `${pad(hour)}:${pad(min)}`;
      case 'n': return '\n';
      case 't': return '\t';
      case '%': return '%';
    }
    return null;
  };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%' || i === format.length - 1) {
      out += c;
      continue;
    }
    const r = directive(format[i + 1]!);
    if (r === null) out += c;
    else {
      out += r;
      i++;
    }
  }
  return out;
}

export function asctime(t: number[]): string {
  return strftime('%a %b %e %H:%M:%S %Y', t, '', 0);
}
