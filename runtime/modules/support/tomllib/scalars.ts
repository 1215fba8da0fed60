/**
 * The scalar values of TOML 1.0 that start with a digit or a sign: offset
 * and local date-times, dates, times, integers and floats. Each scanner
 * takes the longest prefix of its form at a position, as tomllib does:
 * `1__2` is the integer 1 followed by `__2` (which the statement rule then
 * rejects), `1979-05-27 07:32` a date followed by ` 07:32`. A scanner that
 * finds no such prefix answers -1, and the next form is tried.
 */
import { ValueError } from '../../../builtins/exceptions.js';
import { checkDate } from '../datetime/ymd.js';
import { makeDate } from '../datetime/date.js';
import { makeDatetime } from '../datetime/datetimeClass.js';
import { makeTime, zoneFor } from '../datetime/timeOfDay.js';
import { UTC } from '../datetime/tzinfo.js';
import { date, datetime, time } from '../../datetime.js';

// Character classes of the ASCII range, as bits of one table.
export const DIGIT = 1;
export const HEX = 2;
export const OCT = 4;
export const BIN = 8;
/** A character of a bare key: A-Z a-z 0-9 - _ */
export const BARE = 16;
/** A control character: U+0000 to U+001F and U+007F. */
export const CTRL = 32;

const CLASSES = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  let bits = 0;
  if (ch >= '0' && ch <= '9') bits |= DIGIT | HEX | BARE;
  if (ch >= '0' && ch <= '7') bits |= OCT;
  if (ch === '0' || ch === '1') bits |= BIN;
  if ((ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F')) bits |= HEX;
  if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '-' || ch === '_') bits |= BARE;
  if (c < 32 || c === 127) bits |= CTRL;
  CLASSES[c] = bits;
}

/** Whether char code `c` (NaN past the end) is in one of the classes `mask`. */
export function isIn(c: number, mask: number): boolean {
  return c < 128 && (CLASSES[c]! & mask) !== 0;
}

const UNDERSCORE = 0x5f;
const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;
const COLON = 0x3a;

/**
 * The end of a run of digits of class `mask` that starts with one at `i`,
 * underscores allowed only between two digits; -1 without a first digit.
 */
function digitRun(src: string, i: number, mask: number): number {
  if (!isIn(src.charCodeAt(i), mask)) return -1;
  i++;
  for (;;) {
    const c = src.charCodeAt(i);
    if (isIn(c, mask)) i++;
    else if (c === UNDERSCORE && isIn(src.charCodeAt(i + 1), mask)) i += 2;
    else return i;
  }
}

/** The value of `count` decimal digits at `i`, or -1 when they are not all digits. */
function fixedDigits(src: string, i: number, count: number): number {
  let n = 0;
  for (let k = i; k < i + count; k++) {
    const c = src.charCodeAt(k);
    if (!isIn(c, DIGIT)) return -1;
    n = n * 10 + (c - 0x30);
  }
  return n;
}

/** Two digits at `i` in lo..hi, or -1. */
function twoDigits(src: string, i: number, lo: number, hi: number): number {
  const n = fixedDigits(src, i, 2);
  return n >= lo && n <= hi ? n : -1;
}

/** A number's extent and form. */
export interface NumberToken {
  end: number;
  /** A fraction or an exponent makes it a float. */
  float: boolean;
  /** 16, 8 or 2 for the prefixed forms, 10 otherwise. */
  radix: number;
}

/**
 * integer = dec-int / hex-int / oct-int / bin-int, float = float-int-part
 * ( exp / frac [ exp ] ): the longest prefix at `pos`, or null. A 0x, 0o
 * or 0b with no digit after it is the integer 0.
 */
export function scanNumber(src: string, pos: number): NumberToken | null {
  if (src.charCodeAt(pos) === 0x30) {
    const prefix = src.charCodeAt(pos + 1);
    const radix = prefix === 0x78 ? 16 : prefix === 0x6f ? 8 : prefix === 0x62 ? 2 : 0;
    if (radix !== 0) {
      const end = digitRun(src, pos + 2, radix === 16 ? HEX : radix === 8 ? OCT : BIN);
      if (end >= 0) return { end, float: false, radix };
    }
  }
  let i = pos;
  const sign = src.charCodeAt(i);
  if (sign === PLUS || sign === MINUS) i++;
  // A leading zero stands alone: `01` is 0 followed by 1.
  if (src.charCodeAt(i) === 0x30) i++;
  else {
    i = digitRun(src, i, DIGIT);
    if (i < 0) return null;
  }
  let float = false;
  if (src.charCodeAt(i) === DOT) {
    const end = digitRun(src, i + 1, DIGIT);
    if (end >= 0) {
      i = end;
      float = true;
    }
  }
  const e = src.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    let j = i + 1;
    const s = src.charCodeAt(j);
    if (s === PLUS || s === MINUS) j++;
    const end = digitRun(src, j, DIGIT);
    if (end >= 0) {
      i = end;
      float = true;
    }
  }
  return { end: i, float, radix: 10 };
}

/** A time of day's fields, with where it ends. */
interface TimeFields {
  end: number;
  hour: number;
  minute: number;
  second: number;
  us: number;
}

/** time-hour ":" time-minute ":" time-second [ "." digits ]: fractions past microseconds are dropped. */
function scanTime(src: string, pos: number): TimeFields | null {
  const hour = twoDigits(src, pos, 0, 23);
  if (hour < 0 || src.charCodeAt(pos + 2) !== COLON) return null;
  const minute = twoDigits(src, pos + 3, 0, 59);
  if (minute < 0 || src.charCodeAt(pos + 5) !== COLON) return null;
  const second = twoDigits(src, pos + 6, 0, 59);
  if (second < 0) return null;
  let end = pos + 8;
  let us = 0;
  if (src.charCodeAt(end) === DOT && isIn(src.charCodeAt(end + 1), DIGIT)) {
    end++;
    let kept = 0;
    for (; isIn(src.charCodeAt(end), DIGIT); end++) {
      if (kept < 6) {
        us = us * 10 + (src.charCodeAt(end) - 0x30);
        kept++;
      }
    }
    for (; kept < 6; kept++) us *= 10;
  }
  return { end, hour, minute, second, us };
}

/**
 * The UTC offset at `pos` in microseconds with its end, "Z" being zero; null
 * when there is none (the datetime is then a local one).
 */
function scanOffset(src: string, pos: number): [offset: bigint | 'Z', end: number] | null {
  const c = src.charCodeAt(pos);
  if (c === 0x5a || c === 0x7a) return ['Z', pos + 1];
  if (c !== PLUS && c !== MINUS) return null;
  const hours = twoDigits(src, pos + 1, 0, 23);
  if (hours < 0 || src.charCodeAt(pos + 3) !== COLON) return null;
  const minutes = twoDigits(src, pos + 4, 0, 59);
  if (minutes < 0) return null;
  const us = BigInt((hours * 60 + minutes) * 60) * 1000000n;
  return [c === MINUS ? -us : us, pos + 6];
}

/** The tzinfo of an offset; one object per distinct offset of a document, as CPython caches them. */
export type ZoneCache = Map<bigint, unknown>;

function zoneOf(offset: bigint | 'Z', zones: ZoneCache): unknown {
  if (offset === 'Z') return UTC;
  let zone = zones.get(offset);
  if (zone === undefined) zones.set(offset, (zone = zoneFor(offset)));
  return zone;
}

/**
 * A date, or a date and a time with an optional offset (full-date, then
 * "T", "t" or " " and a time): [value, end], or null when no date starts at
 * `pos`. A date with a time that does not follow in full is the date
 * alone. `invalid` is called with the ValueError of a date that does not
 * exist (February 30, year 0).
 */
export function scanDatetime(src: string, pos: number, zones: ZoneCache, invalid: (e: ValueError) => never): [unknown, number] | null {
  const year = fixedDigits(src, pos, 4);
  if (year < 0 || src.charCodeAt(pos + 4) !== MINUS) return null;
  const month = twoDigits(src, pos + 5, 1, 12);
  if (month < 0 || src.charCodeAt(pos + 7) !== MINUS) return null;
  const day = twoDigits(src, pos + 8, 1, 31);
  if (day < 0) return null;
  try {
    checkDate(year, month, day);
  } catch (e) {
    if (e instanceof ValueError) invalid(e);
    throw e;
  }
  const dateEnd = pos + 10;
  const sep = src.charCodeAt(dateEnd);
  const clock = sep === 0x54 || sep === 0x74 || sep === 0x20 ? scanTime(src, dateEnd + 1) : null;
  if (clock === null) return [makeDate(date, year, month, day), dateEnd];
  const offset = scanOffset(src, clock.end);
  const zone = offset === null ? null : zoneOf(offset[0], zones);
  const value = makeDatetime(datetime, year, month, day, clock.hour, clock.minute, clock.second, clock.us, zone);
  return [value, offset === null ? clock.end : offset[1]];
}

/** A local time at `pos` (no date, no offset): [value, end], or null. */
export function scanLocalTime(src: string, pos: number): [unknown, number] | null {
  const clock = scanTime(src, pos);
  if (clock === null) return null;
  return [makeTime(time, clock.hour, clock.minute, clock.second, clock.us, null, 0), clock.end];
}
