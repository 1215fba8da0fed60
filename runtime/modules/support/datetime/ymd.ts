/**
 * Proleptic Gregorian calendar arithmetic (CPython's datetime.py helpers):
 * ordinals, month lengths, ISO weeks, and the range checks with CPython's
 * messages.
 */
import { ValueError } from '../../../builtins/exceptions.js';

export const MINYEAR = 1;
export const MAXYEAR = 9999;
/** date.max.toordinal() */
export const MAXORDINAL = 3652059;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

export function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month]!;
}

function daysBeforeYear(year: number): number {
  const y = year - 1;
  return y * 365 + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
}

export function daysBeforeMonth(year: number, month: number): number {
  return DAYS_BEFORE_MONTH[month]! + (month > 2 && isLeap(year) ? 1 : 0);
}

export function ymdToOrd(year: number, month: number, day: number): number {
  return daysBeforeYear(year) + daysBeforeMonth(year, month) + day;
}

const DI400Y = daysBeforeYear(401);
const DI100Y = daysBeforeYear(101);
const DI4Y = daysBeforeYear(5);

/** ordinal (1 = 0001-01-01) → [year, month, day]. */
export function ordToYmd(ordinal: number): [number, number, number] {
  let n = ordinal - 1;
  const n400 = Math.floor(n / DI400Y);
  n %= DI400Y;
  let year = n400 * 400 + 1;
  const n100 = Math.floor(n / DI100Y);
  n %= DI100Y;
  const n4 = Math.floor(n / DI4Y);
  n %= DI4Y;
  const n1 = Math.floor(n / 365);
  n %= 365;
  year += n100 * 100 + n4 * 4 + n1;
  if (n1 === 4 || n100 === 4) return [year - 1, 12, 31];
  const leap = n1 === 3 && (n4 !== 24 || n100 === 3);
  let month = (n + 50) >> 5;
  let preceding = DAYS_BEFORE_MONTH[month]! + (month > 2 && leap ? 1 : 0);
  if (preceding > n) {
    month -= 1;
    preceding -= DAYS_IN_MONTH[month]! + (month === 2 && leap ? 1 : 0);
  }
  return [year, month, n - preceding + 1];
}

/** Monday = 0. */
export function weekday(year: number, month: number, day: number): number {
  return (ymdToOrd(year, month, day) + 6) % 7;
}

function isoWeek1Monday(year: number): number {
  const firstDay = ymdToOrd(year, 1, 1);
  const firstWeekday = (firstDay + 6) % 7;
  let week1Monday = firstDay - firstWeekday;
  if (firstWeekday > 3) week1Monday += 7;
  return week1Monday;
}

export function isoCalendar(year: number, month: number, day: number): [number, number, number] {
  let y = year;
  let week1Monday = isoWeek1Monday(y);
  const today = ymdToOrd(year, month, day);
  let week = Math.floor((today - week1Monday) / 7);
  let dayOfWeek = (today - week1Monday) % 7;
  if (dayOfWeek < 0) dayOfWeek += 7;
  if (week < 0) {
    y -= 1;
    week1Monday = isoWeek1Monday(y);
    week = Math.floor((today - week1Monday) / 7);
    dayOfWeek = (today - week1Monday) % 7;
  } else if (week >= 52 && today >= isoWeek1Monday(y + 1)) {
    y += 1;
    week = 0;
  }
  return [y, week + 1, dayOfWeek + 1];
}

/** date.fromisocalendar's conversion, with its checks. */
export function isoToYmd(year: number, week: number, day: number): [number, number, number] {
  if (year < MINYEAR || year > MAXYEAR) throw new ValueError(`Year is out of range: ${year}`);
  if (week <= 0 || week >= 53) {
    let outOfRange = true;
    if (week === 53) {
      const firstWeekday = (ymdToOrd(year, 1, 1) + 6) % 7;
      if (firstWeekday === 3 || (firstWeekday === 2 && isLeap(year))) outOfRange = false;
    }
    if (outOfRange) throw new ValueError(`Invalid week: ${week}`);
  }
  if (day <= 0 || day >= 8) throw new ValueError(`Invalid day: ${day} (range is [1, 7])`);
  const ord = isoWeek1Monday(year) + (week - 1) * 7 + (day - 1);
  return ordToYmd(ord);
}

export function checkDate(year: number, month: number, day: number): void {
  if (year < MINYEAR || year > MAXYEAR) throw new ValueError(`year ${year} is out of range`);
  if (month < 1 || month > 12) throw new ValueError('month must be in 1..12');
  if (day < 1 || day > daysInMonth(year, month)) throw new ValueError('day is out of range for month');
}

export function checkTime(hour: number, minute: number, second: number, us: number, fold: number): void {
  if (hour < 0 || hour > 23) throw new ValueError('hour must be in 0..23');
  if (minute < 0 || minute > 59) throw new ValueError('minute must be in 0..59');
  if (second < 0 || second > 59) throw new ValueError('second must be in 0..59');
  if (us < 0 || us > 999999) throw new ValueError('microsecond must be in 0..999999');
  if (fold !== 0 && fold !== 1) throw new ValueError('fold must be either 0 or 1');
}
