/**
 * An array's items as machine bytes (x86-64, little endian) and back, for
 * tobytes / frombytes / byteswap and the buffer protocol: the codes that fit
 * a typed array through one (a bulk copy, as CPython's memcpy), the 64-bit
 * ints through struct's native codec, 'u' as UTF-32.
 */
import { ValueError } from '../../../builtins/exceptions.js';
import { PyFloat, float } from '../../../builtins/values.js';
import { compileLayout } from '../struct/layout.js';
import { packInto, unpackFrom } from '../struct/codec.js';
import { ITEMSIZE } from './items.js';

type TypedArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/** Typed arrays use the host's byte order; the items' bytes are little endian, as on x86-64. */
const HOST_LITTLE = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** A typed array of `code` over `buffer`, or null for the codes without one (64-bit ints, 'u'). */
function typedView(code: string, buffer: ArrayBuffer): TypedArray | null {
  if (!HOST_LITTLE) return null;
  switch (code) {
    case 'b':
      return new Int8Array(buffer);
    case 'B':
      return new Uint8Array(buffer);
    case 'h':
      return new Int16Array(buffer);
    case 'H':
      return new Uint16Array(buffer);
    case 'i':
      return new Int32Array(buffer);
    case 'I':
      return new Uint32Array(buffer);
    case 'f':
      return new Float32Array(buffer);
    case 'd':
      return new Float64Array(buffer);
  }
  return null;
}

export function toBytes(code: string, items: readonly unknown[]): Uint8Array {
  const out = new Uint8Array(items.length * ITEMSIZE[code]!);
  const typed = typedView(code, out.buffer);
  if (typed !== null) {
    // Items are already converted and checked: ints in range, floats numbers or PyFloats.
    for (let i = 0; i < items.length; i++) {
      const x = items[i];
      // `+ 0`: the -0 of 0.0 is +0 (values.ts).
      typed[i] = typeof x === 'number' ? x + 0 : x instanceof PyFloat ? x.value : Number(x);
    }
  } else if (code === 'u') {
    const view = new DataView(out.buffer);
    items.forEach((c, i) => view.setUint32(i * 4, (c as string).codePointAt(0)!, true));
  } else if (items.length > 0) {
    packInto(compileLayout(`@${items.length}${code}`), items, out, 0);
  }
  return out;
}

/**
 * The items of `data` appended to `into` (a new list when not given), or
 * ValueError for a length that is not a multiple of the item size.
 */
export function fromBytes(code: string, data: Uint8Array, into: unknown[] = []): unknown[] {
  const size = ITEMSIZE[code]!;
  if (data.length % size !== 0) throw new ValueError('bytes length not a multiple of item size');
  const n = data.length / size;
  if (n === 0) return into;
  // A copy: aligned for the typed array, and the items do not follow later changes of `data`.
  const typed = typedView(code, data.slice().buffer);
  if (typed !== null) {
    // Pushed straight from the typed array: no intermediate list for a large buffer.
    if (code === 'f' || code === 'd') for (let i = 0; i < n; i++) into.push(float(typed[i]!));
    else for (let i = 0; i < n; i++) into.push(typed[i]);
    return into;
  }
  if (code === 'u') {
    const items: unknown[] = [];
    const view = new DataView(data.buffer, data.byteOffset, data.length);
    for (let i = 0; i < n; i++) {
      const cp = view.getUint32(i * 4, true);
      if (cp > 0x10ffff) throw new ValueError(`character U+${cp.toString(16)} is not in range [U+0000; U+10ffff]`);
      items.push(String.fromCodePoint(cp));
    }
    // Appended only once all are read: a bad character leaves `into` as it was.
    for (let i = 0; i < items.length; i++) into.push(items[i]);
    return into;
  }
  const unpacked = unpackFrom(compileLayout(`@${n}${code}`), data, 0);
  for (let i = 0; i < unpacked.length; i++) into.push(unpacked[i]);
  return into;
}
