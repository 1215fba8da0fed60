/**
 * bytearray: a mutable, growable byte string. Its Python-visible methods
 * are JS methods (`ba.append(x)` reaches them through the attribute layer
 * with `this`); the read-only bytes methods run on a bytes snapshot and
 * give bytearrays back where CPython does.
 */
import { BufferError, IndexError, TypeError, ValueError } from './exceptions.js';
import { PyBytes, isIntNumber, typeName } from './values.js';
import { $compare, $eq, $hash, unhashable, type CompareOp } from './equality.js';
import { BYTES_METHODS, bytesCompare, bytesContains, bytesRepeat, reprBytes, bytesSlice } from './bytes.js';
import { NotImplemented } from './notImplemented.js';
import { pyIndex } from './numbers/index.js';
import { BYTES_ARITY, bytesFromHex, bytesMaketrans, bytesPercent, makeBytes } from './bytes/methods.js';
import { checkPositional, noArgs, oneArg, unpackKeywords, type ClinicSignature } from './arity.js';
import { iterate } from './iteration.js';
import { listDelSlice, listSetSlice, subscriptIndex } from './list.js';
import { PySlice } from './items.js';
import { BUFFER, WRITABLE_BUFFER, bufferBytes, bufferBytesOrNull, isBytesLike } from './buffer.js';

const BYTEARRAY_INIT_SIGNATURE: ClinicSignature = { name: 'bytearray', params: ['source', 'encoding', 'errors'], posonly: 0, minpos: 0, maxpos: 3 };

function byteValue(v: unknown): number {
  const n = subscriptIndexOrInt(v);
  if (n < 0 || n > 255) throw new ValueError('byte must be in range(0, 256)');
  return n;
}

function subscriptIndexOrInt(v: unknown): number {
  if (typeof v === 'number' && isIntNumber(v)) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return v > 0n ? 256 : -1;
  throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** Read-only bytes methods whose result is a bytearray when called on one. */
const RETURNS_SAME_TYPE = new Set([
  'replace', 'strip', 'lstrip', 'rstrip', 'upper', 'lower', 'swapcase', 'capitalize', 'title', 'center', 'ljust', 'rjust',
  'zfill', 'expandtabs', 'removeprefix', 'removesuffix', 'join', 'split', 'rsplit', 'splitlines', 'partition', 'rpartition',
  'translate',
]);

export class PyByteArray implements Iterable<number> {
  static readonly __name__ = 'bytearray';
  private $data: Uint8Array;
  private $used: number;
  /** Views known to be alive (memoryviews inside a `with` block): while any is, the size cannot change. */
  $exports = 0;

  constructor(initial: Uint8Array = new Uint8Array(0)) {
    this.$data = new Uint8Array(Math.max(8, initial.length));
    this.$data.set(initial);
    this.$used = initial.length;
  }

  /** The current contents (a view: copy before keeping it). */
  get view(): Uint8Array {
    return this.$data.subarray(0, this.$used);
  }

  get size(): number {
    return this.$used;
  }

  /** The backing store, longer than the contents: memoryviews read and write it in place. */
  get $store(): Uint8Array {
    return this.$data;
  }

  [BUFFER](): Uint8Array {
    return this.view;
  }

  [WRITABLE_BUFFER](): Uint8Array {
    return this.view;
  }

  /** CPython's PyByteArray_Resize check: a new size while buffers are exported is refused. */
  private resizing(n: number): void {
    if (this.$exports > 0 && n !== this.$used) throw new BufferError('Existing exports of data: object cannot be re-sized');
  }

  /**
   * `bytearray.__init__(self, source=b'', encoding=None, errors=None)`: the
   * contents made anew, as CPython's (a subclass's instance is made empty, then
   * initialised); keywords come as a trailing plain object.
   */
  $init(args: unknown[]): null {
    const last = args[args.length - 1];
    const kwargs = last !== null && typeof last === 'object' && Object.getPrototypeOf(last) === Object.prototype
      ? (args.pop() as Record<string, unknown>) : null;
    const [source, encoding, errors] = kwargs === null && args.length <= 3 ? args : unpackKeywords(BYTEARRAY_INIT_SIGNATURE, args, kwargs);
    const contents = source instanceof PyByteArray && encoding === undefined
      ? source.view.slice() : makeBytes(source, encoding, errors, 'bytearray').bytes;
    this.resizing(contents.length);
    this.replaceAll(contents);
    return null;
  }

  snapshot(): PyBytes {
    return new PyBytes(this.view.slice());
  }

  private grow(n: number): void {
    if (n <= this.$data.length) return;
    const next = new Uint8Array(Math.max(n, this.$data.length * 2));
    next.set(this.view);
    this.$data = next;
  }

  private replaceAll(bytes: Uint8Array): void {
    this.$data = new Uint8Array(Math.max(8, bytes.length));
    this.$data.set(bytes);
    this.$used = bytes.length;
  }

  [Symbol.iterator](): ByteArrayIterator {
    return new ByteArrayIterator(this);
  }

  __repr__(): string {
    // A subclass's instance shows its own type's name, as CPython's bytearray_repr (`B(b'x')`).
    return `${typeName(this)}(${reprBytes(new PyBytes(this.view))})`;
  }

  [$eq](other: unknown): boolean | undefined {
    // Any bytes-like object, as CPython's bytearray_richcompare takes (a memoryview, a bytes subclass's instance).
    const o = other instanceof PyByteArray ? other.view : other instanceof PyBytes ? other.bytes : bufferBytesOrNull(other);
    if (o === null) return undefined;
    return bytesCompare(new PyBytes(this.view), new PyBytes(o)) === 0;
  }

  /** `<`, `<=`, `>`, `>=` with any bytes-like object (sorted() and min()/max() compare through this). */
  [$compare](op: CompareOp, other: unknown): boolean | undefined {
    const o = bufferBytesOrNull(other);
    if (o === null) return undefined;
    const c = bytesCompare(new PyBytes(this.view), new PyBytes(o));
    return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
  }

  [$hash](): never {
    throw unhashable(this);
  }

  getItem(key: unknown): unknown {
    if (key instanceof PySlice) return new PyByteArray(bytesSlice(new PyBytes(this.view), key.start, key.stop, key.step).bytes);
    const i = subscriptIndex(key, 'bytearray');
    const j = i < 0 ? i + this.$used : i;
    if (j < 0 || j >= this.$used) throw new IndexError('bytearray index out of range');
    return this.$data[j]!;
  }

  setItem(key: unknown, value: unknown): void {
    if (key instanceof PySlice) {
      const list: unknown[] = [...this];
      // Any bytes-like object, whatever its layout (CPython copies it to a bytearray first).
      const source = bufferBytes(value, true) ?? value;
      // The list's slice-assignment rules, on the items.
      listSetSlice(list, key.start, key.stop, key.step, [...iterate(source)].map(byteValue));
      this.resizing(list.length);
      this.replaceAll(Uint8Array.from(list as number[]));
      return;
    }
    const i = subscriptIndex(key, 'bytearray');
    const j = i < 0 ? i + this.$used : i;
    if (j < 0 || j >= this.$used) throw new IndexError('bytearray index out of range');
    this.$data[j] = byteValue(value);
  }

  delItem(key: unknown): void {
    const list = [...this] as unknown[];
    if (key instanceof PySlice) listDelSlice(list, key.start, key.stop, key.step);
    else {
      const i = subscriptIndex(key, 'bytearray');
      const j = i < 0 ? i + this.$used : i;
      if (j < 0 || j >= this.$used) throw new IndexError('bytearray index out of range');
      list.splice(j, 1);
    }
    this.resizing(list.length);
    this.replaceAll(Uint8Array.from(list as number[]));
  }

  /** `ba + other` (bytes or bytearray): a new bytearray. */
  concat(other: unknown): PyByteArray {
    const o = bufferBytesOrNull(other);
    if (o === null) throw new TypeError(`can't concat ${typeName(other)} to bytearray`);
    const out = new Uint8Array(this.$used + o.length);
    out.set(this.view);
    out.set(o, this.$used);
    return new PyByteArray(out);
  }

  /** `ba += other`: extended in place. */
  inplaceConcat(other: unknown): this {
    const o = bufferBytesOrNull(other);
    if (o === null) throw new TypeError(`can't concat ${typeName(other)} to bytearray`);
    const src = o.slice();
    this.resizing(this.$used + src.length);
    this.grow(this.$used + src.length);
    this.$data.set(src, this.$used);
    this.$used += src.length;
    return this;
  }

  /** `ba *= n`: the repetition (made by bytes' rules), in place. */
  inplaceRepeat(repeated: PyBytes): this {
    this.resizing(repeated.bytes.length);
    this.replaceAll(repeated.bytes);
    return this;
  }

  append(x: unknown): null {
    if (arguments.length !== 1) oneArg('bytearray.append', arguments.length);
    const v = byteValue(x);
    this.resizing(this.$used + 1);
    this.grow(this.$used + 1);
    this.$data[this.$used++] = v;
    return null;
  }

  extend(iterable: unknown): null {
    if (arguments.length !== 1) oneArg('bytearray.extend', arguments.length);
    const buffer = bufferBytesOrNull(iterable);
    if (buffer === null && isBytesLike(iterable)) throw new TypeError(`can't set bytearray slice from ${typeName(iterable)}`);
    let items: Iterable<unknown> | null = null;
    if (buffer === null) {
      try {
        items = iterate(iterable);
      } catch (e) {
        if (e instanceof TypeError) throw new TypeError(`can't extend bytearray with ${typeName(iterable)}`);
        throw e;
      }
    }
    const src = buffer !== null ? [...buffer] : [...items!].map(byteValue);
    this.resizing(this.$used + src.length);
    this.grow(this.$used + src.length);
    for (const v of src) this.$data[this.$used++] = v;
    return null;
  }

  insert(index: unknown, x: unknown): null {
    if (arguments.length !== 2) checkPositional('insert', arguments.length, 2, 2);
    const list = [...this];
    let i = subscriptIndexOrInt(index);
    if (i < 0) i = Math.max(0, i + list.length);
    list.splice(Math.min(i, list.length), 0, byteValue(x));
    this.resizing(list.length);
    this.replaceAll(Uint8Array.from(list));
    return null;
  }

  pop(index?: unknown): number {
    if (arguments.length > 1) checkPositional('pop', arguments.length, 0, 1);
    if (this.$used === 0) throw new IndexError('pop from empty bytearray');
    let i = index === undefined ? this.$used - 1 : subscriptIndexOrInt(index);
    if (i < 0) i += this.$used;
    if (i < 0 || i >= this.$used) throw new IndexError('pop index out of range');
    this.resizing(this.$used - 1);
    const v = this.$data[i]!;
    this.$data.copyWithin(i, i + 1, this.$used);
    this.$used--;
    return v;
  }

  remove(x: unknown): null {
    if (arguments.length !== 1) oneArg('bytearray.remove', arguments.length);
    const v = byteValue(x);
    const i = this.view.indexOf(v);
    if (i < 0) throw new ValueError('value not found in bytearray');
    this.pop(i);
    return null;
  }

  clear(): null {
    if (arguments.length !== 0) noArgs('bytearray.clear', arguments.length);
    this.resizing(0);
    this.$used = 0;
    return null;
  }

  copy(): PyByteArray {
    if (arguments.length !== 0) noArgs('bytearray.copy', arguments.length);
    return new PyByteArray(this.view.slice());
  }

  reverse(): null {
    if (arguments.length !== 0) noArgs('bytearray.reverse', arguments.length);
    this.view.reverse();
    return null;
  }
}

/** The read-only methods bytes has, run on a snapshot (the table is read when called: modules load in a cycle). */
const READ_ONLY = [
  'decode', 'hex', 'find', 'rfind', 'index', 'rindex', 'count', 'startswith', 'endswith', 'strip', 'lstrip', 'rstrip', 'split',
  'rsplit', 'splitlines', 'join', 'partition', 'rpartition', 'replace', 'removeprefix', 'removesuffix', 'center', 'ljust',
  'rjust', 'zfill', 'expandtabs', 'upper', 'lower', 'swapcase', 'capitalize', 'title', 'isalpha', 'isdigit', 'isalnum',
  'isspace', 'isascii', 'isupper', 'islower', 'istitle', 'translate',
];
for (const name of READ_ONLY) {
  Object.defineProperty(PyByteArray.prototype, name, {
    value(this: PyByteArray, ...args: unknown[]): unknown {
      // The methods of one argument or none check their count here, with bytearray's name.
      const arity = BYTES_ARITY[name];
      if (arity !== undefined && args.length !== arity) (arity === 0 ? noArgs : oneArg)(`bytearray.${name}`, args.length);
      const r = (BYTES_METHODS[name] as (b: PyBytes, ...a: unknown[]) => unknown)(this.snapshot(), ...args);
      if (RETURNS_SAME_TYPE.has(name) && r instanceof PyBytes) return new PyByteArray(r.bytes);
      if (Array.isArray(r)) return r.map((x: unknown) => (isBytesLike(x) ? new PyByteArray(bufferBytes(x)!.slice()) : x));
      return r;
    },
    writable: true,
    configurable: true,
  });
}

/** `bytearray(source=b'', encoding=None, errors=None)`. */
export function makeByteArray(source?: unknown, encoding?: unknown, errors?: unknown): PyByteArray {
  if (source instanceof PyByteArray && encoding === undefined) return source.copy();
  return new PyByteArray(makeBytes(source, encoding, errors, 'bytearray').bytes.slice());
}

/** `bytearray.fromhex(s)`: bytes.fromhex's bytes, in a bytearray. */
export function byteArrayFromHex(...args: unknown[]): PyByteArray {
  if (args.length !== 1) oneArg('bytearray.fromhex', args.length);
  return new PyByteArray(bytesFromHex(args[0]).bytes);
}

// The static and class methods, reachable from an instance too.
Object.defineProperty(PyByteArray.prototype, 'maketrans', { value: bytesMaketrans, writable: true, configurable: true });
Object.defineProperty(PyByteArray.prototype, 'fromhex', { value: byteArrayFromHex, writable: true, configurable: true });

type Compare = (a: number) => boolean;

function comparison(test: Compare): (self: PyByteArray, other: unknown) => unknown {
  return (self, other) => {
    const o = bufferBytesOrNull(other);
    return o === null ? NotImplemented : test(bytesCompare(new PyBytes(self.view), new PyBytes(o)));
  };
}

/**
 * bytearray's special methods as its type holds them (`bytearray.__len__(b)`,
 * a subclass's `super().__getitem__(i)`): each works on the instance's own
 * contents, never dispatching back to a subclass's override, and makes
 * bytearrays (not the subclass) as CPython's do.
 */
export const BYTEARRAY_DUNDERS = {
  __eq__: comparison((c) => c === 0), __ne__: comparison((c) => c !== 0), __lt__: comparison((c) => c < 0),
  __le__: comparison((c) => c <= 0), __gt__: comparison((c) => c > 0), __ge__: comparison((c) => c >= 0),
  __len__: (self: PyByteArray) => self.size,
  __iter__: (self: PyByteArray) => new ByteArrayIterator(self),
  __contains__: (self: PyByteArray, x: unknown) => bytesContains(self.snapshot(), x),
  __getitem__: (self: PyByteArray, key: unknown) => self.getItem(key),
  __setitem__: (self: PyByteArray, key: unknown, value: unknown) => (self.setItem(key, value), null),
  __delitem__: (self: PyByteArray, key: unknown) => (self.delItem(key), null),
  __add__: (self: PyByteArray, other: unknown) => self.concat(other),
  __iadd__: (self: PyByteArray, other: unknown) => self.inplaceConcat(other),
  __mul__: (self: PyByteArray, n: unknown) => new PyByteArray(bytesRepeat(self.snapshot(), pyIndex(n)).bytes),
  __rmul__: (self: PyByteArray, n: unknown) => new PyByteArray(bytesRepeat(self.snapshot(), pyIndex(n)).bytes),
  __imul__: (self: PyByteArray, n: unknown) => self.inplaceRepeat(bytesRepeat(self.snapshot(), pyIndex(n))),
  __mod__: (self: PyByteArray, args: unknown) => new PyByteArray(bytesPercent(self.snapshot(), args).bytes),
  __repr__: (self: PyByteArray) => PyByteArray.prototype.__repr__.call(self),
  __str__: (self: PyByteArray) => PyByteArray.prototype.__repr__.call(self),
};

/** bytearray's methods by name, as the type's attributes give them (`bytearray.upper(b)`): its keyword-less ones included. */
export const BYTEARRAY_METHOD_NAMES: readonly string[] = [...READ_ONLY, 'append', 'extend', 'insert', 'pop', 'remove', 'clear', 'copy', 'reverse'];

/** The names of its static and class methods, which refuse keywords too. */
export const BYTEARRAY_STATIC_NAMES: readonly string[] = ['maketrans', 'fromhex'];

/** iter(bytearray): CPython's bytearray_iterator, reading the live contents (a resize while walking shows). */
export class ByteArrayIterator implements IterableIterator<number> {
  private index = 0;

  constructor(private seq: PyByteArray | null) {}

  next(): IteratorResult<number> {
    const seq = this.seq;
    if (seq !== null) {
      const i = this.index;
      if (i < seq.size) {
        this.index = i + 1;
        return { done: false, value: seq.$store[i]! };
      }
      this.seq = null;
    }
    return { done: true, value: undefined };
  }

  lengthHint(): number {
    return this.seq === null ? 0 : Math.max(0, this.seq.size - this.index);
  }

  [Symbol.iterator](): this {
    return this;
  }
}
