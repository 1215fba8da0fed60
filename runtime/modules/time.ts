/**
 * Python's `time`: clocks (time, monotonic, perf_counter, process_time and
 * their _ns forms), a blocking sleep, and the calendar functions
 * (localtime, gmtime, mktime, strftime, asctime, ctime, struct_time).
 */
import { TypeError, ValueError } from '../builtins/exceptions.js';
import { PyFloat, float as pyFloat, intFromBigInt, typeName } from '../builtins/values.js';
import { PyTuple } from '../builtins/values.js';
import { noKeywords } from '../builtins/calls.js';
import { withKeywordParams } from './support/pydef.js';
import {
  StructTime, asctime as asctimeOf, gmtime as gmtimeOf, localtime as localtimeOf, makeStructTime, mktime as mktimeOf, secondsArg,
  strftime as strftimeOf, tupleFields, zoneName,
} from './support/time/calendar.js';
import { argTypeName } from '../builtins/arity.js';
import { blockFor } from '../builtins/io.js';

export const __name__ = 'time';

const perf = (globalThis as { performance?: { now(): number; timeOrigin?: number } }).performance;
const hrtime = (globalThis as { process?: { hrtime?: { bigint?: () => bigint }; cpuUsage?: () => { user: number; system: number } } }).process;

function nowNs(): bigint {
  const origin = perf?.timeOrigin;
  if (perf !== undefined && origin !== undefined) return BigInt(Math.round((origin + perf.now()) * 1e3)) * 1000n;
  return BigInt(Date.now()) * 1000000n;
}

function monotonicNs(): bigint {
  const big = hrtime?.hrtime?.bigint;
  if (big !== undefined) return big();
  return BigInt(Math.round((perf?.now() ?? Date.now()) * 1e6));
}

export function time(): number | PyFloat {
  return pyFloat(Number(nowNs()) / 1e9);
}

export function time_ns(): number | bigint {
  return intFromBigInt(nowNs());
}

export function monotonic(): number | PyFloat {
  return pyFloat(Number(monotonicNs()) / 1e9);
}

export function monotonic_ns(): number | bigint {
  return intFromBigInt(monotonicNs());
}

// The same clock as monotonic (CPython's is too, on Linux), under its own name.
export function perf_counter(): number | PyFloat {
  return pyFloat(Number(monotonicNs()) / 1e9);
}

export function perf_counter_ns(): number | bigint {
  return intFromBigInt(monotonicNs());
}

export function process_time(): number | PyFloat {
  const usage = hrtime?.cpuUsage?.();
  return pyFloat(usage === undefined ? Number(monotonicNs()) / 1e9 : (usage.user + usage.system) / 1e6);
}

export function process_time_ns(): number | bigint {
  const usage = hrtime?.cpuUsage?.();
  return intFromBigInt(usage === undefined ? monotonicNs() : BigInt(usage.user + usage.system) * 1000n);
}

/** sleep(secs): blocks the thread (Atomics.wait), as CPython's sleep blocks; output printed before it appears first. */
export function sleep(secs: unknown): null {
  let s: number;
  if (typeof secs === 'number') s = secs;
  else if (secs instanceof PyFloat) s = secs.value;
  else if (typeof secs === 'boolean') s = Number(secs);
  else if (typeof secs === 'bigint') s = Number(secs);
  else throw new TypeError(`'${typeName(secs)}' object cannot be interpreted as an integer`);
  if (Number.isNaN(s)) throw new ValueError('Invalid value NaN (not a number)');
  if (s < 0) throw new ValueError('sleep length must be non-negative');
  blockFor(s * 1000);
  return null;
}

export const struct_time = withKeywordParams(Object.assign(function struct_time(sequence: unknown, _dict: unknown = null): StructTime {
  if (sequence === undefined) throw new TypeError("structseq() missing required argument 'sequence' (pos 1)");
  return makeStructTime(sequence);
}, { __name__: 'struct_time' }), 'structseq', ['sequence', 'dict']);

export function localtime(secs: unknown = null): StructTime {
  return localtimeOf(secondsArg(secs));
}

export function gmtime(secs: unknown = null): StructTime {
  return gmtimeOf(secondsArg(secs));
}

export function mktime(t: unknown): number | PyFloat {
  return pyFloat(mktimeOf(t));
}

function timeTuple(t: unknown, fname: string): { fields: number[]; zone: string; gmtoff: number } {
  if (t === null || t === undefined) {
    const now = localtimeOf(Date.now() / 1000);
    return { fields: [...now] as number[], zone: (now as unknown as { tm_zone: string }).tm_zone, gmtoff: (now as unknown as { tm_gmtoff: number }).tm_gmtoff };
  }
  const fields = tupleFields(t, fname);
  const zone = t instanceof StructTime ? ((t as unknown as { tm_zone: string | null }).tm_zone ?? zoneName(new Date())) : zoneName(new Date());
  const gmtoff = t instanceof StructTime ? ((t as unknown as { tm_gmtoff: number | null }).tm_gmtoff ?? -new Date().getTimezoneOffset() * 60) : -new Date().getTimezoneOffset() * 60;
  return { fields, zone, gmtoff };
}

export function strftime(format: unknown, t: unknown = null): string {
  if (typeof format !== 'string') throw new TypeError(`strftime() argument 1 must be str, not ${argTypeName(format)}`);
  const { fields, zone, gmtoff } = timeTuple(t, 'strftime');
  return strftimeOf(format, fields, zone, gmtoff);
}

export function asctime(t: unknown = null): string {
  return asctimeOf(timeTuple(t, 'asctime').fields);
}

export function ctime(secs: unknown = null): string {
  return asctimeOf([...localtimeOf(secondsArg(secs))] as number[]);
}

const jan = new Date(new Date().getFullYear(), 0, 1);
const jul = new Date(new Date().getFullYear(), 6, 1);
export const timezone = Math.max(jan.getTimezoneOffset(), jul.getTimezoneOffset()) * 60;
export const altzone = Math.min(jan.getTimezoneOffset(), jul.getTimezoneOffset()) * 60;
export const daylight = jan.getTimezoneOffset() !== jul.getTimezoneOffset() ? 1 : 0;
export const tzname = PyTuple.fromArray(daylight ? [zoneName(jan), zoneName(jul)] : [zoneName(jan), zoneName(jan)]);

// CPython's clinic names some of these with the module, some without.
for (const [fn, name] of [
  [time, 'time.time'], [time_ns, 'time.time_ns'], [monotonic, 'time.monotonic'], [monotonic_ns, 'time.monotonic_ns'],
  [perf_counter, 'time.perf_counter'], [perf_counter_ns, 'time.perf_counter_ns'], [process_time, 'time.process_time'],
  [process_time_ns, 'time.process_time_ns'], [sleep, 'time.sleep'], [mktime, 'time.mktime'], [strftime, 'strftime'],
  [localtime, 'localtime'], [gmtime, 'gmtime'], [asctime, 'asctime'], [ctime, 'ctime'],
] as const) noKeywords(fn, name);
