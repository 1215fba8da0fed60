/**
 * The time-of-day part shared by datetime.time and datetime.datetime: the
 * checked constructor arguments, repr tails, the offset-aware comparison
 * and the isoformat offset suffix.
 */
import { TypeError } from '../../../builtins/exceptions.js';
import { repr } from '../../../builtins/repr.js';
import { cInt } from './numbers.js';
import { formatOffset, tzArg } from './tzinfo.js';
import { checkTime } from './ymd.js';

export interface Clock {
  $H: number;
  $M: number;
  $S: number;
  $us: number;
  $tz: unknown;
  $fold: number;
}

export function setClock(o: Clock, hour: unknown, minute: unknown, second: unknown, us: unknown, tz: unknown, fold: unknown): void {
  const h = hour === undefined ? 0 : cInt(hour);
  const m = minute === undefined ? 0 : cInt(minute);
  const s = second === undefined ? 0 : cInt(second);
  const u = us === undefined ? 0 : cInt(us);
  const f = fold === undefined ? 0 : cInt(fold);
  checkTime(h, m, s, u, f);
  o.$tz = tzArg(tz);
  o.$H = h;
  o.$M = m;
  o.$S = s;
  o.$us = u;
  o.$fold = f;
}

/** ', 10, 30' style tail: minutes always, seconds and microseconds only when needed. */
export function clockRepr(c: Clock): string {
  let out = `${c.$H}, ${c.$M}`;
  if (c.$S !== 0 || c.$us !== 0) out += `, ${c.$S}`;
  if (c.$us !== 0) out += `, ${c.$us}`;
  return out;
}

export function reprTail(c: Clock): string {
  let out = '';
  if (c.$tz !== null) out += `, tzinfo=${repr(c.$tz)}`;
  if (c.$fold !== 0) out += ', fold=1';
  return out;
}

export function offsetSuffix(off: bigint | null): string {
  return off === null ? '' : formatOffset(off, ':');
}

export function clockUs(c: Clock): bigint {
  return BigInt(((c.$H * 60 + c.$M) * 60 + c.$S) * 1000000 + c.$us);
}

export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export function applyOp(op: CompareOp, c: number): boolean {
  switch (op) {
    case 'eq': return c === 0;
    case 'ne': return c !== 0;
    case 'lt': return c < 0;
    case 'le': return c <= 0;
    case 'gt': return c > 0;
    case 'ge': return c >= 0;
  }
}

/**
 * CPython's comparison of two times or datetimes: field by field when they
 * share a tzinfo object, else by their UTC values; naive against aware is
 * unequal and unordered.
 */
export function compareClocks(op: CompareOp, a: bigint, b: bigint, offA: bigint | null, offB: bigint | null, what: string): boolean {
  if ((offA === null) !== (offB === null)) {
    if (op === 'eq') return false;
    if (op === 'ne') return true;
    throw new TypeError(`can't compare offset-naive and offset-aware ${what}`);
  }
  const x = a - (offA ?? 0n);
  const y = b - (offB ?? 0n);
  return applyOp(op, x < y ? -1 : x > y ? 1 : 0);
}
