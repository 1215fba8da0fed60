/**
 * The buffer protocol, as far as Python code can see it: which objects are
 * bytes-like (bytes, a bytes subclass's instance, bytearray, memoryview) and
 * their bytes, for the builtins and modules that take "a bytes-like object".
 */
import { BASE_VALUE, PyBoxed, PyBytes } from './values.js';
import { BufferError, TypeError, ValueError } from './exceptions.js';
import { argTypeName } from './arity.js';

/**
 * `obj[BUFFER](anyLayout)`: the object's bytes (its own memory where it can
 * be, so copy before keeping). Most consumers take a simple buffer, which a
 * strided memoryview cannot give (BufferError); `bytes()`, `bytearray()` and
 * `int.from_bytes` take any layout, copied in C order.
 */
export const BUFFER = Symbol('pyasync.buffer');

export interface BufferExporter {
  [BUFFER](anyLayout: boolean): Uint8Array;
}

/**
 * `obj[WRITABLE_BUFFER]()`: the live memory of a writable bytes-like object
 * (a bytearray's contents, a writable C-contiguous memoryview's bytes), or
 * null when it has none to give.
 */
export const WRITABLE_BUFFER = Symbol('pyasync.writableBuffer');

interface WritableExporter {
  [WRITABLE_BUFFER](): Uint8Array | null;
}

/** The live memory of a writable bytes-like object, or null. */
export function writableBuffer(v: unknown): Uint8Array | null {
  return typeof v === 'object' && v !== null && WRITABLE_BUFFER in v ? (v as WritableExporter)[WRITABLE_BUFFER]() : null;
}

/** The memory `readinto()` and its kin fill, or CPython's TypeError for an argument without a writable one. */
export function readWriteBuffer(v: unknown, method: string): Uint8Array {
  const memory = writableBuffer(v);
  if (memory === null) throw new TypeError(`${method}() argument must be read-write bytes-like object, not ${argTypeName(v)}`);
  return memory;
}

/**
 * Memory that can move and change size (a bytearray's, a BytesIO's): views
 * of it read the store anew at each use, and while `$exports` counts a view
 * known to be alive, the owner refuses to resize.
 */
export interface ResizableMemory {
  readonly size: number;
  readonly $store: Uint8Array;
  $exports: number;
}

/** Whether `v` exports a buffer (a memoryview can be made of it). */
export function isBytesLike(v: unknown): boolean {
  return v instanceof PyBytes || (v instanceof PyBoxed && v[BASE_VALUE] instanceof PyBytes)
    || (typeof v === 'object' && v !== null && BUFFER in v);
}

/**
 * The bytes of a bytes-like object, or null for anything else. A mutable
 * object's (a bytearray's) are its live memory: copy them to keep them.
 */
export function bufferBytes(v: unknown, anyLayout = false): Uint8Array | null {
  if (v instanceof PyBytes) return v.bytes;
  if (typeof v !== 'object' || v === null) return null;
  if (v instanceof PyBoxed) {
    const base = v[BASE_VALUE];
    return base instanceof PyBytes ? base.bytes : null;
  }
  return BUFFER in v ? (v as BufferExporter)[BUFFER](anyLayout) : null;
}

/**
 * bufferBytes, with null too for an object that cannot give its bytes now (a
 * released or strided memoryview): where CPython reports that as its own
 * TypeError (`can't concat memoryview to bytes`).
 */
export function bufferBytesOrNull(v: unknown): Uint8Array | null {
  try {
    return bufferBytes(v);
  } catch (e) {
    if (e instanceof BufferError || e instanceof ValueError) return null;
    throw e;
  }
}

/** The bytes of a bytes-like object as they are now (a copy where they could change later), or null. */
export function bufferSnapshot(v: unknown): Uint8Array | null {
  const b = bufferBytes(v);
  if (b === null) return null;
  return v instanceof PyBytes || v instanceof PyBoxed ? b : b.slice();
}
