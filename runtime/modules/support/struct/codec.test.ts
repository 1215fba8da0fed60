/** struct's layouts and codec (the fixtures in fixtures/modules/struct_*.py compare whole programs with python3). */
import { describe, expect, it } from 'vitest';
import '../../../index.js';
import { PyFloat, PyBytes } from '../../../builtins/values.js';
import { compileLayout } from './layout.js';
import { packInto, unpackFrom } from './codec.js';

function pack(format: string, ...values: unknown[]): number[] {
  const layout = compileLayout(format);
  const out = new Uint8Array(layout.size);
  packInto(layout, values, out, 0);
  return [...out];
}

describe('struct layouts', () => {
  it('align native items to their size and keep runs unexpanded', () => {
    const native = compileLayout('bhbq');
    expect(native.size).toBe(16);
    expect(native.runs.map((r) => r.offset)).toEqual([0, 2, 4, 8]);
    expect(compileLayout('<bhbq').size).toBe(12);
    const big = compileLayout('1000000000x3i');
    expect(big.size).toBe(1000000012);
    expect(big.count).toBe(3);
    expect(compileLayout('5s2p').count).toBe(2);
  });
});

describe('struct codec', () => {
  it('packs in each byte order', () => {
    expect(pack('>h', -2)).toEqual([0xff, 0xfe]);
    expect(pack('<I', 0x01020304)).toEqual([4, 3, 2, 1]);
    expect(pack('<Q', 2n ** 64n - 1n)).toEqual(Array(8).fill(0xff));
    expect(pack('3s', new PyBytes(Uint8Array.of(1)))).toEqual([1, 0, 0]);
  });

  it('rounds half floats to even and reads them back', () => {
    expect(pack('<e', 2049)).toEqual(pack('<e', 2048));
    expect(pack('<e', 2051)).toEqual(pack('<e', 2052));
    const back = unpackFrom(compileLayout('<e'), Uint8Array.from(pack('<e', 65504)), 0)[0];
    expect(back).toEqual(new PyFloat(65504));
  });
});

describe('struct codec fast paths', () => {
  /** The bytes, or the error message, of packing `v`. */
  function outcome(format: string, v: unknown): string {
    try {
      return pack(format, v).join(',');
    } catch (e) {
      return String((e as { args?: unknown[] }).args?.[0] ?? e);
    }
  }

  it('pack an int that is a JS number exactly as the same int as a bigint', () => {
    const edges = [0, 1, -1, 127, 128, -129, 255, 256, 32768, -32769, 65536, 2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 53 - 1, -(2 ** 53 - 1), -(2 ** 40) - 7];
    for (const order of ['@', '=', '<', '>', '!']) {
      for (const code of 'bBhHiIlLqQ') {
        for (const n of edges) expect(outcome(order + code, n), `${order}${code} ${n}`).toBe(outcome(order + code, BigInt(n)));
      }
    }
  });

  it('unpack 8-byte ints as numbers while safe, else as bigints', () => {
    const q = compileLayout('<qQ');
    const bytes = new Uint8Array(16);
    new DataView(bytes.buffer).setBigInt64(0, -(2n ** 53n), true);
    new DataView(bytes.buffer).setBigUint64(8, 2n ** 53n - 1n, true);
    expect([...unpackFrom(q, bytes, 0)]).toEqual([-(2n ** 53n), 2 ** 53 - 1]);
  });
});
