/**
 * The datetime module's calendar and integer helpers, and its use of the
 * machine's local time zone (which the fixtures cannot depend on): here TZ
 * is set to New York and the results are python3's under the same TZ.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { date, datetime, timezone } from './datetime.js';
import { call } from '../builtins/calls.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { repr } from '../builtins/repr.js';
import { PyFloat } from '../builtins/values.js';
import { divNear, floatRatio } from './support/datetime/numbers.js';
import { isoCalendar, ordToYmd, ymdToOrd } from './support/datetime/ymd.js';

describe('calendar helpers', () => {
  it('round-trips every 997th ordinal and matches known dates', () => {
    for (let n = 1; n <= 3652059; n += 997) expect(ymdToOrd(...ordToYmd(n))).toBe(n);
    expect(ordToYmd(738890)).toEqual([2024, 1, 5]);
    expect(ymdToOrd(9999, 12, 31)).toBe(3652059);
    expect(isoCalendar(2021, 1, 3)).toEqual([2020, 53, 7]);
  });

  it('divides to nearest with ties to even, and gives exact float ratios', () => {
    expect([divNear(5n, 2n), divNear(7n, 2n), divNear(-5n, 2n), divNear(-7n, 2n), divNear(7n, -2n)]).toEqual([2n, 4n, -2n, -4n, -4n]);
    expect(floatRatio(0.1)).toEqual([3602879701896397n, 36028797018963968n]);
    expect(floatRatio(-2.5)).toEqual([-5n, 2n]);
  });
});

describe('local time (TZ=America/New_York)', () => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env['TZ'];
    process.env['TZ'] = 'America/New_York';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  });

  const dt = (...args: unknown[]): unknown => call(datetime, args, null);
  const ts = (v: unknown): number => (callMethod(v, 'timestamp') as PyFloat).value;

  it('converts naive datetimes to timestamps, with fold and gaps as CPython', () => {
    expect(ts(dt(2024, 7, 1, 12))).toBe(1719849600);
    expect(ts(dt(2024, 11, 3, 1, 30))).toBe(1730611800);
    expect(ts(call(datetime, [2024, 11, 3, 1, 30], { fold: 1 }))).toBe(1730615400);
    expect(ts(dt(2024, 3, 10, 2, 30))).toBe(1710055800);
  });

  it('reads timestamps and converts to the local zone', () => {
    expect(repr(callMethod(datetime, 'fromtimestamp', 1719849600))).toBe('datetime.datetime(2024, 7, 1, 12, 0)');
    expect(repr(callMethod(date, 'fromtimestamp', 1719849600))).toBe('datetime.date(2024, 7, 1)');
    expect(repr(callMethod(dt(2024, 7, 1, 12), 'astimezone'))).toBe(
      "datetime.datetime(2024, 7, 1, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=72000), 'EDT'))");
    const utc = dt(2024, 1, 1, 0, 0, 0, 0, getattr(timezone, 'utc'));
    expect(repr(callMethod(utc, 'astimezone'))).toBe(
      "datetime.datetime(2023, 12, 31, 19, 0, tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=68400), 'EST'))");
  });
});
