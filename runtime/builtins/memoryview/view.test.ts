/** memoryview's layouts and formats (the fixtures in fixtures/builtins/memoryview_*.py compare whole programs with python3). */
import { describe, expect, it } from 'vitest';
import { PyBytes, PyFloat } from '../values.js';
import { PyByteArray } from '../bytearray.js';
import { PySlice } from '../items.js';
import { MemoryLayout, cContiguous, fContiguous, itemOffsets } from './layout.js';
import { isByteFormat, nativeFormat } from './formats.js';
import { makeMemoryView } from './view.js';
import { bufferBytes } from '../buffer.js';

describe('memory layouts', () => {
  it('walk items in C and Fortran order', () => {
    const grid = MemoryLayout.cOrder(0, [2, 3], 1, 6);
    expect([...itemOffsets(grid, false)]).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...itemOffsets(grid, true)]).toEqual([0, 3, 1, 4, 2, 5]);
    expect(cContiguous(grid, 1)).toBe(true);
    expect(fContiguous(grid, 1)).toBe(false);
  });

  it('follow negative strides and count no items in an empty shape', () => {
    const reversed = new MemoryLayout(4, [3], [-2], 6);
    expect([...itemOffsets(reversed, false)]).toEqual([4, 2, 0]);
    expect(cContiguous(reversed, 1)).toBe(false);
    expect([...itemOffsets(new MemoryLayout(0, [0, 4], [4, 1], 0), false)]).toEqual([]);
  });
});

describe('item formats', () => {
  const data = new DataView(new ArrayBuffer(8));

  it('are the native single characters, with an optional @', () => {
    expect(nativeFormat('B')?.itemsize).toBe(1);
    expect(nativeFormat('@Q')?.itemsize).toBe(8);
    expect(nativeFormat('<B')).toBeUndefined();
    expect(nativeFormat('e')).toBeUndefined();
    expect(isByteFormat('@c')).toBe(true);
    expect(isByteFormat('H')).toBe(false);
  });

  it('read 64-bit ints as bigints only beyond the safe range', () => {
    const q = nativeFormat('Q')!;
    q.write(data, 0, 5, 'Q');
    expect(q.read(data, 0)).toBe(5);
    q.write(data, 0, 2n ** 64n - 1n, 'Q');
    expect(q.read(data, 0)).toBe(2n ** 64n - 1n);
    expect(nativeFormat('q')!.read(data, 0)).toBe(-1);
  });

  it('read integral floats as float boxes', () => {
    const d = nativeFormat('d')!;
    d.write(data, 0, 3, 'd');
    expect(d.read(data, 0)).toEqual(new PyFloat(3));
    d.write(data, 0, 0.5, 'd');
    expect(d.read(data, 0)).toBe(0.5);
  });

  it("raise memoryview's errors for values out of range and of the wrong type", () => {
    const b = nativeFormat('b')!;
    expect(() => b.write(data, 0, 128, 'b')).toThrow("memoryview: invalid value for format 'b'");
    expect(() => b.write(data, 0, 'x', 'b')).toThrow("memoryview: invalid type for format 'b'");
  });
});

describe('views', () => {
  it('share a bytearray’s memory, also after it grows', () => {
    const ba = new PyByteArray(new TextEncoder().encode('abcd'));
    const view = makeMemoryView(ba);
    view.setItem(0, 122);
    expect(ba.snapshot().bytes).toEqual(new TextEncoder().encode('zbcd'));
    ba.append(101);
    ba.setItem(1, 121);
    expect(view.tolist()).toEqual([122, 121, 99, 100]);
  });

  it('give their bytes to bytes-like consumers only when C-contiguous', () => {
    const view = makeMemoryView(new PyBytes(Uint8Array.of(1, 2, 3, 4)));
    const strided = view.getItem(new PySlice(null, null, 2));
    expect(bufferBytes(strided, true)).toEqual(Uint8Array.of(1, 3));
    expect(() => bufferBytes(strided)).toThrow('memoryview: underlying buffer is not C-contiguous');
  });
});
