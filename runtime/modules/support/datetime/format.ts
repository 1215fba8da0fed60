/**
 * strftime for date/datetime/time (CPython's wrap_strftime: %z, %Z and %f
 * are filled in here, the rest by the time module's strftime) and the
 * isoformat pieces.
 */
import { TypeError, ValueError } from '../../../builtins/exceptions.js';
import { typeName } from '../../../builtins/values.js';
import { strftime as timeStrftime, StructTime } from '../time/calendar.js';
import { pad } from './numbers.js';
import { formatOffset } from './tzinfo.js';
import { daysBeforeMonth, weekday } from './ymd.js';
import { argTypeName } from '../../../builtins/arity.js';

/** The nine fields of time.struct_time for a broken-down time. */
export function timeFields(y: number, m: number, d: number, hh: number, mm: number, ss: number, dst: number): number[] {
  return [y, m, d, hh, mm, ss, weekday(y, m, d), daysBeforeMonth(y, m) + d, dst];
}

export function structTime(fields: number[]): StructTime {
  return new StructTime(fields, null, null);
}

export function strftime(fmt: unknown, fields: number[], us: number, offset: bigint | null, zone: string | null): string {
  if (typeof fmt !== 'string') throw new TypeError(`strftime() argument 1 must be str, not ${argTypeName(fmt)}`);
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c !== '%' || i === fmt.length - 1) {
      out += c;
      continue;
    }
    const next = fmt[++i]!;
    if (next === 'z') out += offset === null ? '' : formatOffset(offset, '');
    else if (next === 'Z') out += zone === null ? '' : zone.replace(/%/g, '%%');
    else if (next === 'f') out += pad(us, 6);
    else out += c + next;
  }
  return timeStrftime(out, fields, '', 0);
}

/** HH:MM:SS.ffffff cut to `timespec`. */
export function isoTime(hh: number, mm: number, ss: number, us: number, timespec: unknown): string {
  if (typeof timespec !== 'string') throw new TypeError(`isoformat() argument 'timespec' must be str, not ${typeName(timespec)}`);
  let spec = timespec;
  if (spec === 'auto') spec = us !== 0 ? 'microseconds' : 'seconds';
  switch (spec) {
    case 'hours': return pad(hh);
    case 'minutes': return `${pad(hh)}:${pad(mm)}`;
    case 'seconds': return `${pad(hh)}:${pad(mm)}:${pad(ss)}`;
    case 'milliseconds': return `${pad(hh)}:${pad(mm)}:${pad(ss)}.${pad(Math.floor(us / 1000), 3)}`;
    case 'microseconds': return `${pad(hh)}:${pad(mm)}:${pad(ss)}.${pad(us, 6)}`;
  }
  throw new ValueError('Unknown timespec value');
}

export function isoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function ctime(y: number, m: number, d: number, hh: number, mm: number, ss: number): string {
  return `${DAYS[weekday(y, m, d)]} ${MONTHS[m - 1]} ${String(d).padStart(2, ' ')} ${pad(hh)}:${pad(mm)}:${pad(ss)} ${pad(y, 4)}`;
}
