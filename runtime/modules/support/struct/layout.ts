/**
 * A struct format string compiled as CPython's `prepare_s` does: the byte
 * order (`@` native with C alignment, `=` `<` `>` `!` standard sizes, no
 * alignment), then each code with its repeat count, its offset and size.
 * Native sizes come from memoryview's table of native formats.
 */
import { nativeFormat } from '../../../builtins/memoryview/formats.js';
import { structError } from './error.js';

/** Sizes of the standard (`=`, `<`, `>`, `!`) codes; n, N and P are native only. */
const STANDARD_SIZES: Readonly<Record<string, number>> = {
  x: 1, c: 1, b: 1, B: 1, '?': 1, h: 2, H: 2, i: 4, I: 4, l: 4, L: 4, q: 8, Q: 8, e: 2, f: 4, d: 8, s: 1, p: 1,
};

/** Native codes memoryview does not cast to: pad bytes, strings and half floats. */
const NATIVE_EXTRA: Readonly<Record<string, number>> = { x: 1, s: 1, p: 1, e: 2 };

export type ByteOrder = '@' | '=' | '<' | '>' | '!';

/**
 * `repeat` items of one code from `offset` on, each `size` bytes (for `s`
 * and `p`, one item: the string's whole field). Kept as runs, as CPython
 * does, so that `'1000000000x'` or a long `'1000i'` costs nothing to compile.
 */
export interface Run {
  readonly code: string;
  readonly offset: number;
  readonly size: number;
  readonly repeat: number;
}

export interface Layout {
  readonly order: ByteOrder;
  readonly little: boolean;
  /** The packed size (calcsize). */
  readonly size: number;
  /** The runs of items pack takes and unpack returns, in order (pad bytes are none). */
  readonly runs: readonly Run[];
  /** How many items pack takes and unpack returns. */
  readonly count: number;
}

const MAX_SIZE = 2 ** 63 - 1;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\x0b' || c === '\x0c';
}

function codeSize(order: ByteOrder, code: string): number | undefined {
  if (order !== '@') return Object.hasOwn(STANDARD_SIZES, code) ? STANDARD_SIZES[code] : undefined;
  if (Object.hasOwn(NATIVE_EXTRA, code)) return NATIVE_EXTRA[code];
  return nativeFormat(code)?.itemsize;
}

export function compileLayout(format: string): Layout {
  if (format.includes('\0')) throw structError('embedded null character');
  let order: ByteOrder = '@';
  let i = 0;
  const first = format[0];
  if (first === '@' || first === '=' || first === '<' || first === '>' || first === '!') {
    order = first;
    i = 1;
  }
  const runs: Run[] = [];
  let count = 0;
  let size = 0;
  const tooLong = (): unknown => structError('total struct size too long');
  while (i < format.length) {
    let c = format[i++]!;
    if (isSpace(c)) continue;
    let num = 1;
    if (c >= '0' && c <= '9') {
      num = c.charCodeAt(0) - 48;
      for (;;) {
        // Past the end reads the C string's NUL.
        c = format[i++] ?? '\0';
        if (!(c >= '0' && c <= '9')) break;
        num = num * 10 + (c.charCodeAt(0) - 48);
        if (num > MAX_SIZE) throw tooLong();
      }
      if (c === '\0') throw structError('repeat count given without format specifier');
    }
    const itemsize = codeSize(order, c);
    if (itemsize === undefined) throw structError('bad char in struct format');
    // Native items sit at multiples of their size (their C alignment), none at the end.
    if (order === '@' && size > 0) size = Math.ceil(size / itemsize) * itemsize;
    if (num * itemsize + size > MAX_SIZE) throw tooLong();
    if (c === 's' || c === 'p') {
      runs.push({ code: c, offset: size, size: num, repeat: 1 });
      count++;
    } else if (c !== 'x' && num > 0) {
      runs.push({ code: c, offset: size, size: itemsize, repeat: num });
      count += num;
    }
    size += num * itemsize;
  }
  return { order, little: order !== '>' && order !== '!', size, runs, count };
}
