/** The machine's local time zone (through JS Date), as CPython uses the C library's. */
import { OverflowError } from '../../../builtins/exceptions.js';

export interface Broken {
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
  ss: number;
}

const MAX_MS = 8.64e15;

function dateOf(seconds: number): Date {
  const ms = seconds * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_MS) throw new OverflowError('timestamp out of range for platform time_t');
  return new Date(ms);
}

/** Local broken-down time of whole seconds since the epoch. */
export function localBroken(seconds: number): Broken {
  const d = dateOf(seconds);
  return { y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate(), hh: d.getHours(), mm: d.getMinutes(), ss: d.getSeconds() };
}

export function utcBroken(seconds: number): Broken {
  const d = dateOf(seconds);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), hh: d.getUTCHours(), mm: d.getUTCMinutes(), ss: d.getUTCSeconds() };
}

/** The local zone's UTC offset (seconds) at an instant. */
export function localOffset(seconds: number): number {
  return -dateOf(seconds).getTimezoneOffset() * 60;
}

export function localZoneName(seconds: number): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(dateOf(seconds)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'UTC';
}

/** Seconds since the epoch of a naive local time (mktime; `fold` picks the later of two ambiguous instants). */
export function localToEpoch(b: Broken, fold: number): number {
  const d = new Date(2000, 0, 1);
  d.setFullYear(b.y, b.m - 1, b.d);
  d.setHours(b.hh, b.mm, b.ss, 0);
  let t = d.getTime() / 1000;
  if (fold === 1) {
    // An ambiguous time: the same wall time an offset change later.
    const later = t + (localOffset(t) - localOffset(t + 86400));
    if (later > t) {
      const back = localBroken(later);
      if (back.hh === b.hh && back.mm === b.mm && back.d === b.d) t = later;
    }
  }
  return t;
}
