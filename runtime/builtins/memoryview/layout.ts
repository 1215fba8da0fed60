/**
 * Where a memoryview's items lie in the memory it views: the byte offset of
 * the first item, a shape and strides in bytes (negative after a reversing
 * slice), as CPython's Py_buffer describes them.
 */
export class MemoryLayout {
  /** How many items the view holds (product of the shape; 1 for a 0-dim view). */
  readonly count: number;

  constructor(
    readonly offset: number,
    readonly shape: readonly number[],
    readonly strides: readonly number[],
    /** How many bytes of the root memory the view was made over (a bytearray shorter than that was resized under it). */
    readonly end: number,
  ) {
    let n = 1;
    for (const d of shape) n *= d;
    this.count = n;
  }

  /** A C-contiguous layout of `shape` from `offset` (the last index varies fastest). */
  static cOrder(offset: number, shape: readonly number[], itemsize: number, end: number): MemoryLayout {
    const strides = new Array<number>(shape.length);
    let stride = itemsize;
    for (let d = shape.length - 1; d >= 0; d--) {
      strides[d] = stride;
      stride *= shape[d]!;
    }
    return new MemoryLayout(offset, shape, strides, end);
  }
}

/** CPython's test for a C-contiguous buffer (a 1-D view: one item, or items back to back). */
export function cContiguous(layout: MemoryLayout, itemsize: number): boolean {
  const { shape, strides } = layout;
  if (shape.length === 1) return shape[0] === 1 || strides[0] === itemsize;
  if (layout.count === 0) return true;
  let expected = itemsize;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d]! > 1 && strides[d] !== expected) return false;
    expected *= shape[d]!;
  }
  return true;
}

/** The same for Fortran order (the first index varies fastest). */
export function fContiguous(layout: MemoryLayout, itemsize: number): boolean {
  const { shape, strides } = layout;
  if (shape.length === 1) return shape[0] === 1 || strides[0] === itemsize;
  if (layout.count === 0) return true;
  let expected = itemsize;
  for (let d = 0; d < shape.length; d++) {
    if (shape[d]! > 1 && strides[d] !== expected) return false;
    expected *= shape[d]!;
  }
  return true;
}

/** The byte offset of every item, in C order (or Fortran order). */
export function* itemOffsets(layout: MemoryLayout, fortran: boolean): Generator<number> {
  const { shape, strides, offset } = layout;
  const ndim = shape.length;
  if (layout.count === 0) return;
  if (ndim === 0) {
    yield offset;
    return;
  }
  if (ndim === 1) {
    for (let i = 0, at = offset; i < shape[0]!; i++, at += strides[0]!) yield at;
    return;
  }
  const index = new Array<number>(ndim).fill(0);
  const inner = fortran ? 0 : ndim - 1;
  const step = fortran ? 1 : -1;
  for (;;) {
    let at = offset;
    for (let d = 0; d < ndim; d++) at += index[d]! * strides[d]!;
    yield at;
    // Advance the fastest-varying index, carrying into the slower ones.
    let d = inner;
    for (;;) {
      if (++index[d]! < shape[d]!) break;
      index[d] = 0;
      d += step;
      if (d < 0 || d >= ndim) return;
    }
  }
}
