/**
 * memoryview: a view of another object's memory (bytes, bytearray, or what
 * another view sees), with CPython 3.11's layout model — a format, an item
 * size, a shape and strides in bytes from an offset — so that slices with
 * steps, casts to other formats and shapes share the memory they view.
 *
 * A view of a bytearray reads the bytearray's current store at every
 * operation. CPython forbids resizing a bytearray while any view of it is
 * alive; a JS runtime cannot tell a live view from a dropped one, so only a
 * view inside a `with` block (certainly alive) blocks resizes here. A view
 * whose bytes a resize cut off raises CPython's BufferError when next used.
 */
import { BufferError, IndexError, NotImplementedError, OverflowError, TypeError, ValueError } from '../exceptions.js';
import { NotImplemented } from '../notImplemented.js';
import { hasSpecial } from '../special.js';
import { pyIndex } from '../numbers/index.js';
import { PyBytes, PyTuple, isIntNumber, typeName } from '../values.js';
import { $eq, $hash, eq, pyHash } from '../equality.js';
import { objectId } from '../classes/identity.js';
import { Keywords } from '../calls.js';
import { PySlice } from '../items.js';
import { adjustSlice, sliceIndexValue, sliceStep } from '../str/core.js';
import { bytes_hex } from '../bytes.js';
import { PyByteArray } from '../bytearray.js';
import { BUFFER, WRITABLE_BUFFER, bufferBytes, isBytesLike, type ResizableMemory } from '../buffer.js';
import { BYTE_FORMAT, isByteFormat, nativeFormat, type ItemFormat } from './formats.js';
import { MemoryLayout, cContiguous, fContiguous, itemOffsets } from './layout.js';
import { argTypeName, noArgs, noKeywordsError, unpackKeywords } from '../arity.js';

const RELEASED = 'operation forbidden on released memoryview object';

/**
 * Python's `...`, handed over by types.ts (which this module cannot import:
 * the builtins load in a cycle). A `var`, so that the hand-over works
 * whichever of the two modules is evaluated first.
 */
var ellipsis: unknown;
export function setEllipsis(value: unknown): void {
  ellipsis = value;
}

/** Where a view's bytes live: an immutable bytes' array, or a bytearray's or BytesIO's memory (which a resize replaces). */
type Root = Uint8Array | ResizableMemory;

/** Keyword arguments reach a runtime method as a trailing plain object (or the call layer's Keywords). */
function keywordsOf(args: unknown[]): Record<string, unknown> | null {
  const last = args[args.length - 1];
  if (last instanceof Keywords) {
    args.pop();
    return last.values;
  }
  if (last !== null && typeof last === 'object' && Object.getPrototypeOf(last) === Object.prototype) {
    args.pop();
    return last as Record<string, unknown>;
  }
  return null;
}

/** Positional and keyword arguments of a method, bound to its parameter names (CPython's argument-clinic errors). */
function bindArgs(method: string, names: readonly string[], args: unknown[], min: number): unknown[] {
  const kw = keywordsOf(args);
  return unpackKeywords({ name: method, params: names, posonly: 0, minpos: min, maxpos: names.length }, args, kw);
}

/** A method without parameters (METH_NOARGS): keywords, then any argument, refused in CPython's words. */
function noArguments(method: string, args: unknown[]): void {
  const kw = keywordsOf(args);
  if (kw !== null && Object.keys(kw).length > 0) throw noKeywordsError(`memoryview.${method}`);
  noArgs(`memoryview.${method}`, args.length);
}

/** Whether a key is an index (an int, a bool, an object with `__index__`) rather than a slice or a tuple. */
function isIndex(key: unknown): boolean {
  return (typeof key === 'number' && isIntNumber(key)) || typeof key === 'boolean' || typeof key === 'bigint'
    || (typeof key === 'object' && key !== null && hasSpecial(key, '__index__'));
}

/** An index key as PyNumber_AsSsize_t(key, IndexError) reads it. */
function indexOf(key: unknown): number {
  const n = pyIndex(key);
  if (typeof n === 'number') return n;
  // Beyond the safe integers: out of bounds of any view, or beyond a C ssize_t.
  if (n >= 2n ** 63n || n < -(2n ** 63n)) throw new IndexError("cannot fit 'int' into an index-sized integer");
  return n > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

export class PyMemoryView implements Iterable<unknown> {
  static readonly __name__ = 'memoryview';

  readonly #obj: unknown;
  readonly #root: Root;
  readonly #readonly: boolean;
  readonly #fmt: ItemFormat;
  readonly #format: string;
  readonly #layout: MemoryLayout;
  #released = false;
  /** Counted in the bytearray's exports: entered by a `with` block, not yet released. */
  #pinned = false;
  #hash: number | bigint | undefined;
  /** The store the DataView below reads (a bytearray's changes when it grows). */
  #memory: Uint8Array | null = null;
  #data: DataView | null = null;

  constructor(obj: unknown, root: Root, readonly: boolean, fmt: ItemFormat, format: string, layout: MemoryLayout) {
    this.#obj = obj;
    this.#root = root;
    this.#readonly = readonly;
    this.#fmt = fmt;
    this.#format = format;
    this.#layout = layout;
  }

  /** A view of the same memory with another layout (a slice, a cast). */
  #derive(fmt: ItemFormat, format: string, layout: MemoryLayout, readonly = this.#readonly): PyMemoryView {
    return new PyMemoryView(this.#obj, this.#root, readonly, fmt, format, layout);
  }

  #check(): void {
    if (this.#released) throw new ValueError(RELEASED);
  }

  /** The root's memory now, checked to still hold every byte this view covers. */
  #bytes(): Uint8Array {
    if (this.#released) throw new ValueError(RELEASED);
    const root = this.#root;
    if (root instanceof Uint8Array) return root;
    if (root.size < this.#layout.end) throw new BufferError('Existing exports of data: object cannot be re-sized');
    return root.$store;
  }

  #view(): DataView {
    const memory = this.#bytes();
    if (memory !== this.#memory) {
      this.#memory = memory;
      this.#data = new DataView(memory.buffer, memory.byteOffset, memory.byteLength);
    }
    return this.#data!;
  }

  // -- Python attributes ------------------------------------------------------

  get obj(): unknown {
    this.#check();
    return this.#obj;
  }

  get nbytes(): number {
    this.#check();
    return this.#layout.count * this.#fmt.itemsize;
  }

  get readonly(): boolean {
    this.#check();
    return this.#readonly;
  }

  get itemsize(): number {
    this.#check();
    return this.#fmt.itemsize;
  }

  get format(): string {
    this.#check();
    return this.#format;
  }

  get ndim(): number {
    this.#check();
    return this.#layout.shape.length;
  }

  get shape(): PyTuple<number> {
    this.#check();
    return PyTuple.fromArray(this.#layout.shape);
  }

  get strides(): PyTuple<number> {
    this.#check();
    return PyTuple.fromArray(this.#layout.strides);
  }

  get suboffsets(): PyTuple<number> {
    this.#check();
    return PyTuple.fromArray([]);
  }

  get c_contiguous(): boolean {
    this.#check();
    return cContiguous(this.#layout, this.#fmt.itemsize);
  }

  get f_contiguous(): boolean {
    this.#check();
    return fContiguous(this.#layout, this.#fmt.itemsize);
  }

  get contiguous(): boolean {
    this.#check();
    return cContiguous(this.#layout, this.#fmt.itemsize) || fContiguous(this.#layout, this.#fmt.itemsize);
  }

  // -- reading ------------------------------------------------------------------

  #item(data: DataView, at: number): unknown {
    return this.#fmt.read(data, at);
  }

  /** The byte offset of the item at `index` along dimension `dim` from `base`. */
  #along(base: number, dim: number, index: number): number {
    const n = this.#layout.shape[dim]!;
    const i = index < 0 ? index + n : index;
    if (i < 0 || i >= n) throw new IndexError(`index out of bounds on dimension ${dim + 1}`);
    return base + i * this.#layout.strides[dim]!;
  }

  /** The byte offset of the item a tuple of indices names (CPython's ptr_from_tuple). */
  #atTuple(key: PyTuple): number {
    const ndim = this.#layout.shape.length;
    if (key.length < ndim) throw new NotImplementedError('sub-views are not implemented');
    if (key.length > ndim) throw new TypeError(`cannot index ${ndim}-dimension view with ${key.length}-element tuple`);
    let at = this.#layout.offset;
    for (let d = 0; d < ndim; d++) at = this.#along(at, d, indexOf(key[d]));
    return at;
  }

  /** `mv[key]`: an item, or a view sharing the memory for a slice. */
  getItem(key: unknown): unknown {
    this.#check();
    const ndim = this.#layout.shape.length;
    if (ndim === 0) {
      if (key instanceof PyTuple && key.length === 0) return this.#item(this.#view(), this.#layout.offset);
      if (key === ellipsis) return this;
      throw new TypeError('invalid indexing of 0-dim memory');
    }
    if (isIndex(key)) {
      const i = indexOf(key);
      if (ndim !== 1) throw new NotImplementedError('multi-dimensional sub-views are not implemented');
      const data = this.#view();
      return this.#item(data, this.#along(this.#layout.offset, 0, i));
    }
    if (key instanceof PySlice) return this.#derive(this.#fmt, this.#format, this.#sliced(key));
    if (key instanceof PyTuple) {
      if (key.every(isIndex)) return this.#item(this.#view(), this.#atTuple(key));
      if (key.length > 0 && key.every((k) => k instanceof PySlice)) throw new NotImplementedError('multi-dimensional slicing is not implemented');
    }
    throw new TypeError('memoryview: invalid slice key');
  }

  /** The layout of `self[slice]`: the first dimension cut down (CPython's init_slice). */
  #sliced(key: PySlice): MemoryLayout {
    const { shape, strides, offset } = this.#layout;
    const step = sliceStep(key.step);
    const [start, , count] = adjustSlice(shape[0]!, sliceIndexValue(key.start), sliceIndexValue(key.stop), step);
    const nextShape = [...shape];
    const nextStrides = [...strides];
    nextShape[0] = count;
    nextStrides[0] = strides[0]! * step;
    return new MemoryLayout(offset + (count > 0 ? start * strides[0]! : 0), nextShape, nextStrides, this.#layout.end);
  }

  __getitem__(key: unknown): unknown {
    return this.getItem(key);
  }

  __len__(): number {
    this.#check();
    const shape = this.#layout.shape;
    return shape.length === 0 ? 1 : shape[0]!;
  }

  /** The items as nested lists (one value for a 0-dim view). */
  tolist(...args: unknown[]): unknown {
    if (args.length > 0) noArguments('tolist', args);
    this.#check();
    const data = this.#view();
    const { shape, strides } = this.#layout;
    if (shape.length === 0) return this.#item(data, this.#layout.offset);
    const build = (dim: number, at: number): unknown[] => {
      const n = shape[dim]!;
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = dim === shape.length - 1 ? this.#item(data, at + i * strides[dim]!) : build(dim + 1, at + i * strides[dim]!);
      return out;
    };
    return build(0, this.#layout.offset);
  }

  /** The viewed bytes in C (or Fortran) order, as one array. */
  #contents(fortran = false): Uint8Array {
    const memory = this.#bytes();
    const size = this.#fmt.itemsize;
    const layout = this.#layout;
    if (!fortran && cContiguous(layout, size)) return memory.subarray(layout.offset, layout.offset + layout.count * size);
    const out = new Uint8Array(layout.count * size);
    let k = 0;
    for (const at of itemOffsets(layout, fortran)) {
      for (let b = 0; b < size; b++) out[k++] = memory[at + b]!;
    }
    return out;
  }

  [BUFFER](anyLayout: boolean): Uint8Array {
    if (!anyLayout && !cContiguous(this.#layout, this.#fmt.itemsize)) {
      this.#check();
      throw new BufferError('memoryview: underlying buffer is not C-contiguous');
    }
    return this.#contents();
  }

  [WRITABLE_BUFFER](): Uint8Array | null {
    const memory = this.#bytes();
    const layout = this.#layout;
    if (this.#readonly || !cContiguous(layout, this.#fmt.itemsize)) return null;
    return memory.subarray(layout.offset, layout.offset + layout.count * this.#fmt.itemsize);
  }

  tobytes(...args: unknown[]): PyBytes {
    const [order] = bindArgs('tobytes', ['order'], args, 0);
    this.#check();
    if (order !== undefined && order !== null && typeof order !== 'string') {
      throw new TypeError(`tobytes() argument 'order' must be str or None, not ${typeName(order)}`);
    }
    let fortran = false;
    if (order === 'F') fortran = true;
    else if (order === 'A') fortran = !cContiguous(this.#layout, this.#fmt.itemsize) && fContiguous(this.#layout, this.#fmt.itemsize);
    else if (order !== undefined && order !== null && order !== 'C') throw new ValueError("order must be 'C', 'F' or 'A'");
    return new PyBytes(this.#contents(fortran).slice());
  }

  hex(...args: unknown[]): string {
    const [sep, bytesPerSep] = bindArgs('hex', ['sep', 'bytes_per_sep'], args, 0);
    this.#check();
    const b = new PyBytes(this.#contents());
    return sep === undefined && bytesPerSep === undefined ? bytes_hex(b) : bytes_hex(b, sep, bytesPerSep);
  }

  // -- writing ------------------------------------------------------------------

  /** `mv[key] = value` on a writable view: one item, or a 1-D slice from a bytes-like object of the same structure. */
  setItem(key: unknown, value: unknown): void {
    this.#check();
    if (this.#readonly) throw new TypeError('cannot modify read-only memory');
    const ndim = this.#layout.shape.length;
    if (ndim === 0) {
      if (key === ellipsis || (key instanceof PyTuple && key.length === 0)) {
        this.#fmt.write(this.#view(), this.#layout.offset, value, this.#format);
        return;
      }
      throw new TypeError('invalid indexing of 0-dim memory');
    }
    if (isIndex(key)) {
      if (ndim > 1) throw new NotImplementedError('sub-views are not implemented');
      const at = this.#along(this.#layout.offset, 0, indexOf(key));
      this.#fmt.write(this.#view(), at, value, this.#format);
      return;
    }
    if (key instanceof PySlice && ndim === 1) {
      this.#assignSlice(key, value);
      return;
    }
    if (key instanceof PyTuple && key.every(isIndex)) {
      if (key.length < ndim) throw new NotImplementedError('sub-views are not implemented');
      const at = this.#atTuple(key);
      this.#fmt.write(this.#view(), at, value, this.#format);
      return;
    }
    if (key instanceof PySlice || (key instanceof PyTuple && key.length > 0 && key.every((k) => k instanceof PySlice))) {
      throw new NotImplementedError('memoryview slice assignments are currently restricted to ndim = 1');
    }
    throw new TypeError('memoryview: invalid slice key');
  }

  #assignSlice(key: PySlice, value: unknown): void {
    const source = sourceOf(value);
    const dest = this.#sliced(key);
    const sameFormat = stripAt(source.format) === stripAt(this.#format) && source.itemsize === this.#fmt.itemsize;
    if (!sameFormat || source.shape.length !== 1 || source.shape[0] !== dest.shape[0]) {
      throw new ValueError('memoryview assignment: lvalue and rvalue have different structures');
    }
    const memory = this.#bytes();
    const size = this.#fmt.itemsize;
    // A contiguous destination (a raw stream's readinto filling its buffer) takes the bytes in one copy, which
    // TypedArray.set makes safe for overlapping memory.
    if (dest.shape[0] === 0) return;
    if (dest.strides[0] === size) {
      memory.set(source.bytes, dest.offset);
      return;
    }
    // The source's bytes first, copied: it may overlap the destination.
    const bytes = source.bytes.slice();
    let k = 0;
    for (const at of itemOffsets(dest, false)) {
      for (let b = 0; b < size; b++) memory[at + b] = bytes[k++]!;
    }
  }

  __setitem__(key: unknown, value: unknown): null {
    this.setItem(key, value);
    return null;
  }

  delItem(_key: unknown): void {
    this.#check();
    if (this.#readonly) throw new TypeError('cannot modify read-only memory');
    throw new TypeError('cannot delete memory');
  }

  __delitem__(key: unknown): null {
    this.delItem(key);
    return null;
  }

  // -- other views ----------------------------------------------------------------

  /** `cast(format[, shape])`: the same bytes as items of another format, in another shape. */
  cast(...args: unknown[]): PyMemoryView {
    const [format, shape] = bindArgs('cast', ['format', 'shape'], args, 1);
    this.#check();
    if (typeof format !== 'string') throw new TypeError(`cast() argument 'format' must be str, not ${argTypeName(format)}`);
    const size = this.#fmt.itemsize;
    const layout = this.#layout;
    if (!cContiguous(layout, size)) throw new TypeError('memoryview: casts are restricted to C-contiguous views');
    const hasShape = shape !== undefined && shape !== null;
    if ((hasShape || layout.shape.length !== 1) && layout.shape.some((n) => n === 0)) {
      throw new TypeError('memoryview: cannot cast view with zeros in shape or strides');
    }
    let dims: unknown[] = [];
    if (hasShape) {
      if (!(Array.isArray(shape))) throw new TypeError('shape must be a list or a tuple');
      dims = [...shape];
      if (dims.length > 64) throw new ValueError('memoryview: number of dimensions must not exceed 64');
      if (layout.shape.length !== 1 && dims.length !== 1) throw new TypeError('memoryview: cast must be 1D -> ND or ND -> 1D');
    }
    const fmt = nativeFormat(format);
    if (fmt === undefined) {
      throw new ValueError("memoryview: destination format must be a native single character format prefixed with an optional '@'");
    }
    if (!isByteFormat(this.#format) && !isByteFormat(format)) throw new TypeError('memoryview: cannot cast between two non-byte formats');
    const length = layout.count * size;
    if (length % fmt.itemsize !== 0) throw new TypeError('memoryview: length is not a multiple of itemsize');
    if (!hasShape) return this.#derive(fmt, format, new MemoryLayout(layout.offset, [length / fmt.itemsize], [fmt.itemsize], layout.end));
    let product = fmt.itemsize;
    const sizes: number[] = [];
    for (const d of dims) {
      if (!(typeof d === 'number' && isIntNumber(d)) && typeof d !== 'bigint' && typeof d !== 'boolean') {
        throw new TypeError('memoryview.cast(): elements of shape must be integers');
      }
      const n = typeof d === 'boolean' ? (d ? 1 : 0) : d;
      if (typeof n === 'bigint') throw new OverflowError('Python int too large to convert to C ssize_t');
      if (n <= 0) throw new ValueError('memoryview.cast(): elements of shape must be integers > 0');
      if (n > Number.MAX_SAFE_INTEGER / product) throw new ValueError('memoryview.cast(): product(shape) > SSIZE_MAX');
      product *= n;
      sizes.push(n);
    }
    if (product !== length) throw new TypeError('memoryview: product(shape) * itemsize != buffer size');
    return this.#derive(fmt, format, MemoryLayout.cOrder(layout.offset, sizes, fmt.itemsize, layout.end));
  }

  toreadonly(...args: unknown[]): PyMemoryView {
    if (args.length > 0) noArguments('toreadonly', args);
    this.#check();
    return this.#derive(this.#fmt, this.#format, this.#layout, true);
  }

  /** `memoryview(view)`: a new view of the same memory, with the same layout. */
  copyView(): PyMemoryView {
    this.#check();
    return this.#derive(this.#fmt, this.#format, this.#layout);
  }

  // -- lifetime -------------------------------------------------------------------

  release(...args: unknown[]): null {
    if (args.length > 0) noArguments('release', args);
    if (this.#released) return null;
    this.#released = true;
    if (this.#pinned && !(this.#root instanceof Uint8Array)) this.#root.$exports--;
    this.#pinned = false;
    return null;
  }

  __enter__(): this {
    this.#check();
    // Inside the block the view is certainly alive: its bytearray cannot resize, as in CPython.
    if (!this.#pinned && !(this.#root instanceof Uint8Array)) {
      this.#pinned = true;
      this.#root.$exports++;
    }
    return this;
  }

  __exit__(..._args: unknown[]): null {
    return this.release();
  }

  // -- comparisons and identity ---------------------------------------------------------

  /** `==`: same shape and equal items as Python values; undefined (NotImplemented) for a non-buffer. */
  [$eq](other: unknown): boolean | undefined {
    if (this.#released) return other === this;
    let items: unknown;
    let shape: readonly number[];
    if (other instanceof PyMemoryView) {
      if (other.#released) return other === this;
      shape = other.#layout.shape;
      items = other.tolist();
    } else {
      const bytes = bufferBytes(other);
      if (bytes === null) return undefined;
      shape = [bytes.length];
      items = Array.from(bytes);
    }
    const mine = this.#layout.shape;
    if (mine.length !== shape.length) return false;
    for (let d = 0; d < mine.length; d++) {
      if (mine[d] !== shape[d]) return false;
      if (mine[d] === 0) break;
    }
    return sameItems(this.tolist(), items);
  }

  __eq__(other: unknown): unknown {
    const r = this[$eq](other);
    return r === undefined ? NotImplemented : r;
  }

  [$hash](): number | bigint {
    if (this.#hash !== undefined) return this.#hash;
    this.#check();
    if (!this.#readonly) throw new ValueError('cannot hash writable memoryview object');
    if (!isByteFormat(this.#format)) throw new ValueError("memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    // The exporter must be hashable too (a read-only view of a bytearray is not).
    pyHash(this.#obj);
    this.#hash = pyHash(new PyBytes(this.#contents().slice()));
    return this.#hash;
  }

  __repr__(): string {
    const address = `0x${objectId(this).toString(16).padStart(12, '0')}`;
    return this.#released ? `<released memory at ${address}>` : `<memory at ${address}>`;
  }

  // -- iteration ---------------------------------------------------------------------

  [Symbol.iterator](): Iterator<unknown> {
    this.#check();
    const ndim = this.#layout.shape.length;
    if (ndim === 0) throw new TypeError('invalid indexing of 0-dim memory');
    if (ndim !== 1) throw new NotImplementedError('multi-dimensional sub-views are not implemented');
    return new MemoryIterator(this);
  }

  __iter__(): Iterator<unknown> {
    return this[Symbol.iterator]();
  }

  /** The item at `i` of a 1-D view, for its iterator (which checks the bounds). */
  $itemAt(i: number): unknown {
    const data = this.#view();
    return this.#item(data, this.#layout.offset + i * this.#layout.strides[0]!);
  }
}

function sameItems(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameItems(a[i], b[i])) return false;
    return true;
  }
  return eq(a, b);
}

/** iter(memoryview): reads each item when reached (a release or a write in between shows). */
export class MemoryIterator implements IterableIterator<unknown> {
  static readonly __name__ = 'memory_iterator';
  #index = 0;
  readonly #length: number;

  constructor(private readonly view: PyMemoryView) {
    this.#length = view.__len__();
  }

  next(): IteratorResult<unknown> {
    if (this.#index >= this.#length) return { value: undefined, done: true };
    return { value: this.view.$itemAt(this.#index++), done: false };
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** The format, shape and bytes of the right-hand side of a slice assignment (any bytes-like object). */
function sourceOf(value: unknown): { format: string; itemsize: number; shape: readonly number[]; bytes: Uint8Array } {
  if (value instanceof PyMemoryView) {
    return { format: value.format, itemsize: value.itemsize, shape: value.shape, bytes: value[BUFFER](true) };
  }
  const bytes = bufferBytes(value);
  if (bytes === null) throw new TypeError(`a bytes-like object is required, not '${typeName(value)}'`);
  return { format: 'B', itemsize: 1, shape: [bytes.length], bytes };
}

function stripAt(format: string): string {
  return format[0] === '@' ? format.slice(1) : format;
}

/** A writable view of all of some resizable memory (`BytesIO.getbuffer()`), whose `obj` is `owner`. */
export function viewOfMemory(owner: unknown, memory: ResizableMemory): PyMemoryView {
  return new PyMemoryView(owner, memory, false, BYTE_FORMAT, 'B', MemoryLayout.cOrder(0, [memory.size], 1, memory.size));
}

/** `memoryview(object)`. */
export function makeMemoryView(obj: unknown): PyMemoryView {
  if (obj instanceof PyMemoryView) return obj.copyView();
  if (obj instanceof PyByteArray) {
    return new PyMemoryView(obj, obj, false, BYTE_FORMAT, 'B', MemoryLayout.cOrder(0, [obj.size], 1, obj.size));
  }
  const bytes = isBytesLike(obj) ? bufferBytes(obj) : null;
  if (bytes === null) throw new TypeError(`memoryview: a bytes-like object is required, not '${typeName(obj)}'`);
  return new PyMemoryView(obj, bytes, true, BYTE_FORMAT, 'B', MemoryLayout.cOrder(0, [bytes.length], 1, bytes.length));
}

/** memoryview's methods as the class offers them unbound (`memoryview.tobytes(m)`), the view first. */
export const MEMORYVIEW_METHODS: Record<string, (self: never, ...args: never[]) => unknown> = Object.fromEntries(
  ['tobytes', 'tolist', 'hex', 'cast', 'toreadonly', 'release', '__enter__', '__exit__', '__len__', '__getitem__', '__setitem__', '__delitem__', '__repr__', '__eq__', '__iter__']
    .map((name) => [name, (self: PyMemoryView, ...args: unknown[]): unknown => {
      if (!(self instanceof PyMemoryView)) throw new TypeError(`descriptor '${name}' for 'memoryview' objects doesn't apply to a '${typeName(self)}' object`);
      return (self[name as keyof PyMemoryView] as (...a: unknown[]) => unknown).apply(self, args);
    }]),
);
