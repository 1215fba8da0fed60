/** The ISO 8601 forms fromisoformat accepts (CPython 3.11's). */
import { isoToYmd } from './ymd.js';

/** 'YYYY-MM-DD', 'YYYYMMDD', 'YYYY-Www[-D]', 'YYYYWww[D]': [y, m, d], unchecked, or null. */
export function parseIsoDate(s: string): [number, number, number] | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  m = /^(\d{4})-W(\d{2})(?:-(\d))?$/.exec(s) ?? /^(\d{4})W(\d{2})(\d)?$/.exec(s);
  if (m) return isoToYmd(Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3]));
  return null;
}

export interface IsoTime {
  h: number;
  m: number;
  s: number;
  us: number;
  /** The UTC offset in microseconds, or null when none is given. */
  tz: bigint | null;
}

function fraction(digits: string | undefined): number {
  if (digits === undefined) return 0;
  return Number(digits.slice(0, 6).padEnd(6, '0'));
}

/** HH[:MM[:SS[.fff[fff]]]] (or without colons) then Z or ±HH[:MM[:SS[.ffffff]]]: fields, unchecked, or null. */
export function parseIsoTime(s: string): IsoTime | null {
  const tzAt = s.search(/[+\-Z]/);
  const timePart = tzAt < 0 ? s : s.slice(0, tzAt);
  const zonePart = tzAt < 0 ? null : s.slice(tzAt);
  const t = /^(\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?$/.exec(timePart);
  if (!t) return null;
  if (timePart.includes(':') && /^\d{4}/.test(timePart)) return null;
  const out: IsoTime = { h: Number(t[1]), m: Number(t[2] ?? 0), s: Number(t[3] ?? 0), us: fraction(t[4]), tz: null };
  if (zonePart !== null) {
    if (zonePart === 'Z') out.tz = 0n;
    else {
      const z = /^([+-])(\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d{6}))?)?)?$/.exec(zonePart);
      if (!z) return null;
      const us = ((BigInt(z[2]!) * 60n + BigInt(z[3] ?? 0)) * 60n + BigInt(z[4] ?? 0)) * 1000000n + BigInt(fraction(z[5]));
      out.tz = z[1] === '-' ? -us : us;
    }
  }
  return out;
}
