/**
 * Python's `calendar` (CPython 3.11's Lib/calendar.py) in English: the
 * date arithmetic (isleap, leapdays, weekday, monthrange, timegm), the
 * Calendar iterators (generators, as CPython's), TextCalendar's text
 * layout, and the module-level shortcuts bound to one TextCalendar.
 * Methods call each other through the instance, so a subclass's
 * `formatday` or `formatweek` is used as in CPython. HTMLCalendar and the
 * Locale* calendars are not provided.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './calendar.js';
import { IndexError, TypeError, ValueError } from '../builtins/exceptions.js';
import { PyProperty } from '../builtins/classes.js';
import { callMethod, getattr, setattr } from '../builtins/attributes.js';
import { call } from '../builtins/calls.js';
import { repr, str } from '../builtins/repr.js';
import { print } from '../builtins/functions.js';
import { iterate } from '../builtins/iteration.js';
import { getitem, slice } from '../builtins/items.js';
import { PyGenerator } from '../builtins/generators.js';
import { PyTuple } from '../builtins/values.js';
import { add, eq, floordiv, le, mod, mul, sub } from '../builtins/operators.js';
import { defineClass, newInstance, newException } from './support/stdlib/pyclass.js';
import { pyFunction } from './support/pydef.js';
import { date } from './support/datetime/date.js';
import { ymdToOrd } from './support/datetime/ymd.js';

export const __name__ = 'calendar';
loadedModules.$set('calendar', self);

const Q = 'calendar';

export const __all__ = [
  'IllegalMonthError', 'IllegalWeekdayError', 'setfirstweekday', 'firstweekday', 'isleap', 'leapdays', 'weekday', 'monthrange',
  'monthcalendar', 'prmonth', 'month', 'prcal', 'calendar', 'timegm', 'month_name', 'month_abbr', 'day_name', 'day_abbr',
  'Calendar', 'TextCalendar', 'HTMLCalendar', 'LocaleTextCalendar', 'LocaleHTMLCalendar', 'weekheader',
  'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY',
];

export const error = ValueError;

export const IllegalMonthError = defineClass(Q, 'IllegalMonthError', [ValueError], {
  __init__: pyFunction('self, month', 'IllegalMonthError.__init__', Q, (s: unknown, month: unknown) => {
    setattr(s, 'month', month);
    return null;
  }),
  __str__: pyFunction('self', 'IllegalMonthError.__str__', Q, (s: unknown) => `bad month number ${repr(getattr(s, 'month'))}; must be 1-12`),
});

export const IllegalWeekdayError = defineClass(Q, 'IllegalWeekdayError', [ValueError], {
  __init__: pyFunction('self, weekday', 'IllegalWeekdayError.__init__', Q, (s: unknown, wd: unknown) => {
    setattr(s, 'weekday', wd);
    return null;
  }),
  __str__: pyFunction('self', 'IllegalWeekdayError.__str__', Q, (s: unknown) =>
    `bad weekday number ${repr(getattr(s, 'weekday'))}; must be 0 (Monday) to 6 (Sunday)`),
});

export const January = 1;
export const February = 2;
export const mdays = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `_localized_day` / `_localized_month` in the C locale: indexable (ints and slices), sized. */
function localized(name: string, names: readonly string[]): unknown {
  const cls = defineClass(Q, name, [], {
    __getitem__: pyFunction('self, i', `${name}.__getitem__`, Q, (_s: unknown, i: unknown) => {
      try {
        return getitem(names as unknown[], i);
      } catch (e) {
        if (e instanceof IndexError) throw new IndexError('list index out of range');
        throw e;
      }
    }),
    __len__: pyFunction('self', `${name}.__len__`, Q, () => names.length),
  });
  return newInstance(cls);
}

export const day_name = localized('_localized_day', DAY_NAMES);
export const day_abbr = localized('_localized_day', DAY_NAMES.map((n) => n.slice(0, 3)));
export const month_name = localized('_localized_month', MONTH_NAMES);
export const month_abbr = localized('_localized_month', MONTH_NAMES.map((n) => n.slice(0, 3)));

export const MONDAY = 0;
export const TUESDAY = 1;
export const WEDNESDAY = 2;
export const THURSDAY = 3;
export const FRIDAY = 4;
export const SATURDAY = 5;
export const SUNDAY = 6;

const truthy = (v: unknown): boolean => v === true;

export const isleap = pyFunction('year', 'isleap', Q, (year: unknown) =>
  truthy(eq(mod(year, 4), 0)) && (!truthy(eq(mod(year, 100), 0)) || truthy(eq(mod(year, 400), 0))));

export const leapdays = pyFunction('y1, y2', 'leapdays', Q, (y1: unknown, y2: unknown) => {
  const a = sub(y1, 1);
  const b = sub(y2, 1);
  const q = (n: number): unknown => sub(floordiv(b, n), floordiv(a, n));
  return add(sub(q(4), q(100)), q(400));
});

function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return Number(v);
  if (typeof v === 'bigint') return Number(v);
  throw new TypeError(`'${String(getattr(getattr(v, '__class__'), '__name__'))}' object cannot be interpreted as an integer`);
}

export const weekday = pyFunction('year, month, day', 'weekday', Q, (year: unknown, month: unknown, day: unknown) => {
  let y = year;
  if (!(truthy(lteq(1, y)) && truthy(lteq(y, 9999)))) y = add(2000, mod(y, 400));
  return callMethod(call(date, [y, month, day], null), 'weekday');
});

function lteq(a: unknown, b: unknown): unknown {
  return typeof a === 'number' && typeof b === 'number' ? a <= b : le(a, b);
}

/** `1 <= month <= 12` (other types' comparison errors included), else IllegalMonthError. */
function checkedMonth(month: unknown): number {
  if (truthy(lteq(1, month)) && truthy(lteq(month, 12))) return num(month);
  throw newException(IllegalMonthError, [month], null) as Error;
}

function monthLen(year: unknown, month: number): number {
  return mdays[month]! + (month === 2 && truthy(isleap(year)) ? 1 : 0);
}

export const monthrange = pyFunction('year, month', 'monthrange', Q, (year: unknown, month: unknown) => {
  const m = checkedMonth(month);
  const day1 = weekday(year, m, 1);
  return PyTuple.of<unknown>(day1, monthLen(year, m));
});

function prevMonth(year: unknown, month: number): [unknown, number] {
  return month === 1 ? [sub(year, 1), 12] : [year, month - 1];
}

function nextMonth(year: unknown, month: number): [unknown, number] {
  return month === 12 ? [add(year, 1), 1] : [year, month + 1];
}

const pymod = (a: number, b: number): number => ((a % b) + b) % b;

function fwd(s: unknown): number {
  return num(getattr(s, 'firstweekday'));
}

function gen(name: string, body: Generator<unknown, unknown, unknown>): PyGenerator {
  return new PyGenerator(body, `Calendar.${name}`);
}

function* monthDays(s: unknown, year: unknown, month: unknown): Generator<unknown, unknown, unknown> {
  const [day1, ndays] = [...iterate(monthrange(year, month))] as [number, number];
  const first = fwd(s);
  const before = pymod(day1 - first, 7);
  for (let i = 0; i < before; i++) yield 0;
  for (let d = 1; d <= ndays; d++) yield d;
  const after = pymod(first - day1 - ndays, 7);
  for (let i = 0; i < after; i++) yield 0;
  return null;
}

function* monthDays3(s: unknown, year: unknown, month: unknown): Generator<unknown, unknown, unknown> {
  const [day1, ndays] = [...iterate(monthrange(year, month))] as [number, number];
  const m0 = num(month);
  const first = fwd(s);
  const before = pymod(day1 - first, 7);
  const after = pymod(first - day1 - ndays, 7);
  let [y, m] = prevMonth(year, m0);
  const end = monthLen(y, m) + 1;
  for (let d = end - before; d < end; d++) yield PyTuple.of<unknown>(y, m, d);
  for (let d = 1; d <= ndays; d++) yield PyTuple.of<unknown>(year, month, d);
  [y, m] = nextMonth(year, m0);
  for (let d = 1; d <= after; d++) yield PyTuple.of<unknown>(y, m, d);
  return null;
}

function chunks(items: unknown[], size: number): unknown[][] {
  const out: unknown[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function method(name: string, spec: string, fn: (s: never, ...args: never[]) => unknown, cls = 'Calendar'): unknown {
  return pyFunction(spec, `${cls}.${name}`, Q, fn);
}

function yearOf(s: unknown, year: unknown, width: unknown, per: string): unknown[][] {
  const months: unknown[] = [];
  for (let m = 1; m <= 12; m++) months.push(callMethod(s, per, year, m));
  return chunks(months, num(width));
}

export const Calendar = defineClass(Q, 'Calendar', [], {
  __init__: method('__init__', 'self, firstweekday=', (s: unknown, first: unknown = 0) => {
    setattr(s, 'firstweekday', first);
    return null;
  }),
  getfirstweekday: method('getfirstweekday', 'self', (s: unknown) => mod(getattr(s, '_firstweekday'), 7)),
  setfirstweekday: method('setfirstweekday', 'self, firstweekday', (s: unknown, first: unknown) => {
    setattr(s, '_firstweekday', first);
    return null;
  }),
  firstweekday: new PyProperty(
    method('getfirstweekday', 'self', (s: unknown) => mod(getattr(s, '_firstweekday'), 7)),
    method('setfirstweekday', 'self, firstweekday', (s: unknown, first: unknown) => {
      setattr(s, '_firstweekday', first);
      return null;
    }),
  ),
  iterweekdays: method('iterweekdays', 'self', (s: unknown) => gen('iterweekdays', (function* () {
    const first = fwd(s);
    for (let i = first; i < first + 7; i++) yield pymod(i, 7);
    return null;
  })())),
  itermonthdates: method('itermonthdates', 'self, year, month', (s: unknown, year: unknown, month: unknown) => gen('itermonthdates', (function* () {
    for (const t of iterate(callMethod(s, 'itermonthdays3', year, month))) yield call(date, [...(t as unknown[])], null);
    return null;
  })())),
  itermonthdays: method('itermonthdays', 'self, year, month', (s: unknown, year: unknown, month: unknown) =>
    gen('itermonthdays', monthDays(s, year, month))),
  itermonthdays2: method('itermonthdays2', 'self, year, month', (s: unknown, year: unknown, month: unknown) => gen('itermonthdays2', (function* () {
    let i = fwd(s);
    for (const d of iterate(callMethod(s, 'itermonthdays', year, month))) yield PyTuple.of<unknown>(d, pymod(i++, 7));
    return null;
  })())),
  itermonthdays3: method('itermonthdays3', 'self, year, month', (s: unknown, year: unknown, month: unknown) =>
    gen('itermonthdays3', monthDays3(s, year, month))),
  itermonthdays4: method('itermonthdays4', 'self, year, month', (s: unknown, year: unknown, month: unknown) => gen('itermonthdays4', (function* () {
    let i = 0;
    for (const t of iterate(callMethod(s, 'itermonthdays3', year, month))) {
      yield PyTuple.of<unknown>(...(t as unknown[]), pymod(fwd(s) + i++, 7));
    }
    return null;
  })())),
  monthdatescalendar: method('monthdatescalendar', 'self, year, month', (s: unknown, year: unknown, month: unknown) =>
    chunks([...iterate(callMethod(s, 'itermonthdates', year, month))], 7)),
  monthdays2calendar: method('monthdays2calendar', 'self, year, month', (s: unknown, year: unknown, month: unknown) =>
    chunks([...iterate(callMethod(s, 'itermonthdays2', year, month))], 7)),
  monthdayscalendar: method('monthdayscalendar', 'self, year, month', (s: unknown, year: unknown, month: unknown) =>
    chunks([...iterate(callMethod(s, 'itermonthdays', year, month))], 7)),
  yeardatescalendar: method('yeardatescalendar', 'self, year, width=', (s: unknown, year: unknown, width: unknown = 3) =>
    yearOf(s, year, width, 'monthdatescalendar')),
  yeardays2calendar: method('yeardays2calendar', 'self, year, width=', (s: unknown, year: unknown, width: unknown = 3) =>
    yearOf(s, year, width, 'monthdays2calendar')),
  yeardayscalendar: method('yeardayscalendar', 'self, year, width=', (s: unknown, year: unknown, width: unknown = 3) =>
    yearOf(s, year, width, 'monthdayscalendar')),
});

function center(s: unknown, width: number): string {
  return callMethod(s, 'center', width) as string;
}

function rstrip(s: string): string {
  return s.replace(/[\s\x1c-\x1f\x85]+$/u, '');
}

function pyPrint(s: unknown): void {
  call(print, [s], { end: '' });
}

const T = 'TextCalendar';

export const TextCalendar = defineClass(Q, 'TextCalendar', [Calendar], {
  prweek: method('prweek', 'self, theweek, width', (s: unknown, week: unknown, width: unknown) => {
    pyPrint(callMethod(s, 'formatweek', week, width));
    return null;
  }, T),
  formatday: method('formatday', 'self, day, weekday, width', (_s: unknown, day: unknown, _wd: unknown, width: unknown) =>
    center(truthy(eq(day, 0)) ? '' : str(day).padStart(2), num(width)), T),
  formatweek: method('formatweek', 'self, theweek, width', (s: unknown, week: unknown, width: unknown) =>
    [...iterate(week)].map((t) => {
      const [d, wd] = [...iterate(t)];
      return str(callMethod(s, 'formatday', d, wd, width));
    }).join(' '), T),
  formatweekday: method('formatweekday', 'self, day, width', (_s: unknown, day: unknown, width: unknown) => {
    const names = num(width) >= 9 ? day_name : day_abbr;
    return center(str(getitem(names, day)).slice(0, Math.max(0, num(width))), num(width));
  }, T),
  formatweekheader: method('formatweekheader', 'self, width', (s: unknown, width: unknown) =>
    [...iterate(callMethod(s, 'iterweekdays'))].map((i) => str(callMethod(s, 'formatweekday', i, width))).join(' '), T),
  formatmonthname: method('formatmonthname', 'self, theyear, themonth, width, withyear=',
    (_s: unknown, year: unknown, month: unknown, width: unknown, withyear: unknown = true) => {
      let name = str(getitem(month_name, month));
      if (withyear !== false && withyear !== 0 && withyear !== null) name = `${name} ${repr(year)}`;
      return center(name, num(width));
    }, T),
  prmonth: method('prmonth', 'self, theyear, themonth, w=, l=', (s: unknown, year: unknown, month: unknown, w: unknown = 0, l: unknown = 0) => {
    pyPrint(callMethod(s, 'formatmonth', year, month, w, l));
    return null;
  }, T),
  formatmonth: method('formatmonth', 'self, theyear, themonth, w=, l=', (s: unknown, year: unknown, month: unknown, w: unknown = 0, l: unknown = 0) => {
    const wd = Math.max(2, num(w));
    const nl = '\n'.repeat(Math.max(1, num(l)));
    let out = rstrip(str(callMethod(s, 'formatmonthname', year, month, 7 * (wd + 1) - 1)));
    out += nl;
    out += rstrip(str(callMethod(s, 'formatweekheader', wd)));
    out += nl;
    for (const week of iterate(callMethod(s, 'monthdays2calendar', year, month))) {
      out += rstrip(str(callMethod(s, 'formatweek', week, wd)));
      out += nl;
    }
    return out;
  }, T),
  formatyear: method('formatyear', 'self, theyear, w=, l=, c=, m=',
    (s: unknown, year: unknown, w: unknown = 2, l: unknown = 1, c: unknown = 6, m: unknown = 3) => yearText(s, year, w, l, c, m), T),
  pryear: method('pryear', 'self, theyear, w=, l=, c=, m=', (s: unknown, year: unknown, w: unknown = 0, l: unknown = 0, c: unknown = 6, m: unknown = 3) => {
    pyPrint(callMethod(s, 'formatyear', year, w, l, c, m));
    return null;
  }, T),
});

function yearText(s: unknown, year: unknown, w: unknown, l: unknown, c: unknown, m: unknown): string {
  const wd = Math.max(2, num(w));
  const nl = '\n'.repeat(Math.max(1, num(l)));
  const sp = Math.max(2, num(c));
  const per = num(m);
  const colwidth = (wd + 1) * 7 - 1;
  const v: string[] = [];
  v.push(rstrip(center(repr(year), colwidth * per + sp * (per - 1))));
  v.push(nl);
  const header = str(callMethod(s, 'formatweekheader', wd));
  let i = 0;
  for (const row of iterate(callMethod(s, 'yeardays2calendar', year, per))) {
    const months: number[] = [];
    for (let k = per * i + 1; k < Math.min(per * (i + 1) + 1, 13); k++) months.push(k);
    v.push(nl);
    v.push(rstrip(formatCols(months.map((k) => str(callMethod(s, 'formatmonthname', year, k, colwidth, false))), colwidth, sp)));
    v.push(nl);
    v.push(rstrip(formatCols(months.map(() => header), colwidth, sp)));
    v.push(nl);
    const cals = [...iterate(row)].map((cal) => [...iterate(cal)]);
    const height = Math.max(...cals.map((cal) => cal.length));
    for (let j = 0; j < height; j++) {
      const weeks = cals.map((cal) => (j >= cal.length ? '' : str(callMethod(s, 'formatweek', cal[j], wd))));
      v.push(rstrip(formatCols(weeks, colwidth, sp)));
      v.push(nl);
    }
    i++;
  }
  return v.join('');
}

function formatCols(cols: unknown[], colwidth: number, spacing: number): string {
  return cols.map((col) => center(col, colwidth)).join(' '.repeat(Math.max(0, spacing)));
}

export const c = call(TextCalendar, [], null);

export const firstweekday = getattr(c, 'getfirstweekday');
export const monthcalendar = getattr(c, 'monthdayscalendar');
export const prweek = getattr(c, 'prweek');
export const week = getattr(c, 'formatweek');
export const weekheader = getattr(c, 'formatweekheader');
export const prmonth = getattr(c, 'prmonth');
export const month = getattr(c, 'formatmonth');
export const calendar = getattr(c, 'formatyear');
export const prcal = getattr(c, 'pryear');

export const setfirstweekday = pyFunction('firstweekday', 'setfirstweekday', Q, (first: unknown) => {
  if (!(truthy(lteq(MONDAY, first)) && truthy(lteq(first, SUNDAY)))) throw newException(IllegalWeekdayError, [first], null) as Error;
  setattr(c, 'firstweekday', first);
  return null;
});

export const formatstring = pyFunction('cols, colwidth=, spacing=', 'formatstring', Q, (cols: unknown, colwidth: unknown = 20, spacing: unknown = 6) =>
  formatCols([...iterate(cols)], num(colwidth), num(spacing)));

export const format = pyFunction('cols, colwidth=, spacing=', 'format', Q, (cols: unknown, colwidth: unknown = 20, spacing: unknown = 6) => {
  call(print, [formatstring(cols, colwidth, spacing)], null);
  return null;
});

export const EPOCH = 1970;
const EPOCH_ORD = ymdToOrd(EPOCH, 1, 1);

export const timegm = pyFunction('tuple', 'timegm', Q, (tuple: unknown) => {
  const fields = [...iterate(getitem(tuple, slice(null, 6, null)))];
  if (fields.length !== 6) {
    throw new ValueError(fields.length < 6 ? `not enough values to unpack (expected 6, got ${fields.length})` : 'too many values to unpack (expected 6)');
  }
  const [year, mon, day, hour, minute, second] = fields;
  const ord = callMethod(call(date, [year, mon, 1], null), 'toordinal');
  const days = sub(add(sub(ord, EPOCH_ORD), day), 1);
  return add(mul(add(mul(add(mul(days, 24), hour), 60), minute), 60), second);
});
