/**
 * An array's items as machine bytes (x86-64, little endian) and back, for
 * tobytes / frombytes / byteswap and the buffer protocol: the numeric codes
 * through struct's native codec, 'u' as UTF-32.
 */
import { ValueError } from '../../../builtins/exceptions.js';
import { compileLayout } from '../struct/layout.js';
import { packInto, unpackFrom } from '../struct/codec.js';
import { ITEMSIZE } from './items.js';

export function toBytes(code: string, items: readonly unknown[]): Uint8Array {
  const out = new Uint8Array(items.length * ITEMSIZE[code]!);
  if (code === 'u') {
    const view = new DataView(out.buffer);
    items.forEach((c, i) => view.setUint32(i * 4, (c as string).codePointAt(0)!, true));
  } else if (items.length > 0) {
    packInto(compileLayout(`@${items.length}${code}`), items, out, 0);
  }
  return out;
}

export function fromBytes(code: string, data: Uint8Array): unknown[] {
  const size = ITEMSIZE[code]!;
  if (data.length % size !== 0) throw new ValueError('bytes length not a multiple of item size');
  const n = data.length / size;
  if (n === 0) return [];
  if (code === 'u') {
    const view = new DataView(data.buffer, data.byteOffset, data.length);
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const cp = view.getUint32(i * 4, true);
      if (cp > 0x10ffff) throw new ValueError(`character U+${cp.toString(16)} is not in range [U+0000; U+10ffff]`);
      out.push(String.fromCodePoint(cp));
    }
    return out;
  }
  return [...unpackFrom(compileLayout(`@${n}${code}`), data, 0)];
}
