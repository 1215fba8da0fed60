/**
 * datetime.strptime (CPython's _strptime in the C locale): the format turned
 * into a regular expression, matched case-insensitively, then the fields
 * combined as _strptime does (%I with %p, %j without a month, %y's century).
 */
import { TypeError, ValueError } from '../../../builtins/exceptions.js';
import { repr } from '../../../builtins/repr.js';
import { type Parsed, setStrptime } from './datetimeClass.js';
import { zoneFor } from './timeOfDay.js';
import { ordToYmd, ymdToOrd } from './ymd.js';
import { argTypeName } from '../../../builtins/arity.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const PATTERNS: Record<string, string> = {
  d: '(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])',
  f: '(\\d{1,6})',
  H: '(2[0-3]|[0-1]\\d|\\d)',
  I: '(1[0-2]|0[1-9]|[1-9])',
  j: '(36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])',
  m: '(1[0-2]|0[1-9]|[1-9])',
  M: '([0-5]\\d|\\d)',
  S: '(6[0-1]|[0-5]\\d|\\d)',
  w: '([0-6])',
  u: '([1-7])',
  y: '(\\d\\d)',
  Y: '(\\d\\d\\d\\d)',
  z: '([+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|Z)',
  Z: '(utc|gmt)',
  b: `(${MONTHS.map((m) => m.slice(0, 3)).join('|')})`,
  B: `(${MONTHS.join('|')})`,
  a: `(${DAYS.map((d) => d.slice(0, 3)).join('|')})`,
  A: `(${DAYS.join('|')})`,
  p: '(am|pm)',
  '%': '(%)',
};
PATTERNS['h'] = PATTERNS['b']!;

function compile(format: string): { re: RegExp; names: string[] } {
  let src = '';
  const names: string[] = [];
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '%') {
      if (i === format.length - 1) throw new ValueError(`stray % in format ${repr(format)}`);
      const d = format[++i]!;
      const p = PATTERNS[d];
      if (p === undefined) throw new ValueError(`${repr(d)} is a bad directive in format ${repr(format)}`);
      if (d !== '%' && names.includes(d)) src += `(?:${p.slice(1)}`;
      else src += p;
      names.push(d);
    } else if (/\s/.test(c)) {
      src += '\\s+';
      while (i + 1 < format.length && /\s/.test(format[i + 1]!)) i++;
    } else {
      src += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  // Matched case-insensitively, as CPython's; a lowercase 'z' for %z is refused afterwards.
  return { re: new RegExp(`^${src}`, 'i'), names };
}

function parse(s: unknown, format: unknown): Parsed {
  if (typeof s !== 'string') throw new TypeError(`strptime() argument 1 must be str, not ${argTypeName(s)}`);
  if (typeof format !== 'string') throw new TypeError(`strptime() argument 2 must be str, not ${argTypeName(format)}`);
  const { re, names } = compile(format);
  const m = re.exec(s);
  if (m === null) throw new ValueError(`time data ${repr(s)} does not match format ${repr(format)}`);
  if (m[0].length !== s.length) throw new ValueError(`unconverted data remains: ${s.slice(m[0].length)}`);
  let year = 1900;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let us = 0;
  let julian = -1;
  let ampm: string | null = null;
  let hour12 = -1;
  let tz: bigint | null = null;
  names.forEach((d, k) => {
    const v = m[k + 1];
    if (v === undefined) return;
    const low = v.toLowerCase();
    switch (d) {
      case 'Y': year = Number(v); break;
      case 'y': year = Number(v) + (Number(v) <= 68 ? 2000 : 1900); break;
      case 'm': month = Number(v); break;
      case 'b': case 'h': month = MONTHS.findIndex((x) => x.startsWith(low)) + 1; break;
      case 'B': month = MONTHS.indexOf(low) + 1; break;
      case 'd': day = Number(v); break;
      case 'H': hour = Number(v); break;
      case 'I': hour12 = Number(v); break;
      case 'M': minute = Number(v); break;
      case 'S': second = Number(v); break;
      case 'f': us = Number(v.padEnd(6, '0')); break;
      case 'p': ampm = low; break;
      case 'j': julian = Number(v); break;
      case 'z': {
        if (v === 'Z' || v === 'z') {
          if (v === 'z') throw new ValueError(`time data ${repr(s)} does not match format ${repr(format)}`);
          tz = 0n;
          break;
        }
        const z = /^([+-])(\d\d):?(\d\d)(?::?(\d\d)(?:\.(\d{1,6}))?)?$/.exec(v)!;
        const total = ((BigInt(z[2]!) * 60n + BigInt(z[3]!)) * 60n + BigInt(z[4] ?? 0)) * 1000000n + BigInt((z[5] ?? '').padEnd(6, '0') || 0);
        tz = z[1] === '-' ? -total : total;
        break;
      }
    }
  });
  if (hour12 >= 0) {
    hour = hour12 % 12;
    if (ampm === 'pm') hour += 12;
  }
  // As _strptime: a day of the year, when given, decides the month and day.
  if (julian >= 0) {
    [year, month, day] = ordToYmd(ymdToOrd(year, 1, 1) + julian - 1);
  }
  return { fields: [year, month, day, hour, minute, second, us], tz: tz === null ? null : zoneFor(tz) };
}

setStrptime(parse);
