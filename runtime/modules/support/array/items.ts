/**
 * array's typecodes: each one's item size and how a Python value becomes an
 * item, with the checks and messages of CPython's `*_setitem` functions
 * (the PyArg_Parse conversions they go through included: `'b'` checks a C
 * short before a signed char, `'H'` a C int before an unsigned short).
 */
import { OverflowError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { float, intFromBigInt, unbox } from '../../../builtins/values.js';
import { pyIndex } from '../../../builtins/numbers/index.js';
import { toDouble } from '../math/args.js';

export const TYPECODES = 'bBuhHiIlLqQfd';

export const ITEMSIZE: Readonly<Record<string, number>> = { b: 1, B: 1, u: 4, h: 2, H: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8, f: 4, d: 8 };

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const ULONG_MAX = 2n ** 64n - 1n;

function overflow(message: string): OverflowError {
  return new OverflowError(message);
}

/** PyArg_Parse's C long, then its own range under CPython's names for it. */
function ranged(n: bigint, min: bigint, max: bigint, name: string): void {
  if (n < LONG_MIN || n > LONG_MAX) throw overflow('Python int too large to convert to C long');
  if (n < min) throw overflow(`${name} is less than minimum`);
  if (n > max) throw overflow(`${name} is greater than maximum`);
}

const SHORT = 'signed short integer';
const INT = 'signed integer';

/** An int item for `code`, checked; it is stored as the runtime's int (a number, or a bigint past 2**53). */
function intItem(code: string, v: unknown): number | bigint {
  const i = pyIndex(unbox(v));
  const n = BigInt(i);
  switch (code) {
    case 'b':
      ranged(n, -32768n, 32767n, SHORT);
      ranged(n, -128n, 127n, 'signed char');
      break;
    case 'B':
      ranged(n, 0n, 255n, 'unsigned byte integer');
      break;
    case 'h':
      ranged(n, -32768n, 32767n, SHORT);
      break;
    case 'H':
      ranged(n, -(2n ** 31n), 2n ** 31n - 1n, INT);
      ranged(n, 0n, 65535n, 'unsigned short');
      break;
    case 'i':
      ranged(n, -(2n ** 31n), 2n ** 31n - 1n, INT);
      break;
    case 'l':
      ranged(n, LONG_MIN, LONG_MAX, '');
      break;
    case 'I':
    case 'L':
      if (n < 0n) throw overflow("can't convert negative value to unsigned int");
      if (n > ULONG_MAX) throw overflow('Python int too large to convert to C unsigned long');
      if (code === 'I' && n > 2n ** 32n - 1n) throw overflow('unsigned int is greater than maximum');
      break;
    case 'q':
      if (n < LONG_MIN || n > LONG_MAX) throw overflow('int too big to convert');
      break;
    case 'Q':
      if (n < 0n) throw overflow("can't convert negative int to unsigned");
      if (n > ULONG_MAX) throw overflow('int too big to convert');
      break;
  }
  return typeof i === 'bigint' ? intFromBigInt(i) : i;
}

/** A Python value as an item of an array of `code`, or CPython's TypeError / OverflowError. */
export function toItem(code: string, v: unknown): unknown {
  switch (code) {
    case 'u': {
      const s = unbox(v);
      if (typeof s !== 'string' || [...s].length !== 1) throw new TypeError('array item must be unicode character');
      return s;
    }
    case 'f':
      return float(Math.fround(toDouble(unbox(v))));
    case 'd':
      return float(toDouble(unbox(v)));
    default:
      return intItem(code, v);
  }
}

export function badTypecode(): ValueError {
  return new ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)');
}
