/**
 * The string a pattern runs on, as the engine reads it (code points, so
 * that positions are Python's indices) and as results are cut from it (str
 * slices, or bytes for a bytes subject).
 */
import { TypeError } from '../../../builtins/exceptions.js';
import { PyByteArray } from '../../../builtins/bytearray.js';
import { BASE_VALUE, PyBoxed, PyBytes, typeName } from '../../../builtins/values.js';
import { bufferBytes } from '../../../builtins/buffer.js';

export class Subject {
  private points: Int32Array | null;

  constructor(
    /** The object given (str, bytes or bytearray). */
    readonly value: unknown,
    codes: Int32Array | null,
    readonly isBytes: boolean,
    private readonly text: string,
    /** For a str with astral characters: the UTF-16 offset of each code point (and of the end). */
    private readonly offsets: Int32Array | null,
  ) {
    this.points = codes;
  }

  /**
   * The code points, as the engine reads them; made on first use, since a
   * pattern run as a JS RegExp on a str without astral characters never needs them.
   */
  get codes(): Int32Array {
    let points = this.points;
    if (points === null) {
      const text = this.text;
      const n = text.length;
      points = new Int32Array(n);
      for (let i = 0; i < n; i++) points[i] = text.charCodeAt(i);
      this.points = points;
    }
    return points;
  }

  /** The str when its UTF-16 indices are its code point indices (no astral character), for translated RegExps; else null. */
  get plainText(): string | null {
    return this.isBytes || this.offsets !== null ? null : this.text;
  }

  get length(): number {
    if (this.points !== null) return this.points.length;
    return this.offsets === null ? this.text.length : this.offsets.length - 1;
  }

  /** `value[a:b]` (a str or bytes). */
  slice(a: number, b: number): unknown {
    if (this.isBytes) return new PyBytes(Uint8Array.from(this.codes.subarray(a, b)));
    if (this.offsets === null) return this.text.slice(a, b);
    return this.text.slice(this.offsets[a], this.offsets[b]);
  }

  /** The empty value of the subject's type. */
  empty(): unknown {
    return this.isBytes ? new PyBytes(new Uint8Array(0)) : '';
  }

  static of(value: unknown): Subject {
    if (typeof value === 'string') {
      if (value === lastText && lastSubject !== null) return lastSubject;
      const subject = fromText(value);
      lastText = value;
      lastSubject = subject;
      return subject;
    }
    // A str or bytes subclass's instance is searched as its value.
    if (value instanceof PyBoxed) return Subject.of(value[BASE_VALUE]);
    if (value instanceof PyBytes) return new Subject(value, Int32Array.from(value.bytes), true, '', null);
    if (value instanceof PyByteArray) return new Subject(value, Int32Array.from(bytesOfArray(value)), true, '', null);
    // Any other bytes-like object (a memoryview): its bytes, searched as bytes.
    const buffer = bufferBytes(value);
    if (buffer !== null) return new Subject(value, Int32Array.from(buffer), true, '', null);
    throw new TypeError(`expected string or bytes-like object, got '${typeName(value)}'`);
  }
}

function bytesOfArray(b: PyByteArray): Uint8Array {
  return Uint8Array.from(b);
}

// finditer, sub and split run many times on one string: its code points are kept for the next call.
let lastText: string | null = null;
let lastSubject: Subject | null = null;

function fromText(text: string): Subject {
  const n = text.length;
  let astral = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        astral = true;
        break;
      }
    }
  }
  if (!astral) return new Subject(text, null, false, text, null);
  const points: number[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < n; i++) {
    offsets.push(i);
    const c = text.codePointAt(i)!;
    points.push(c);
    if (c > 0xffff) i++;
  }
  offsets.push(n);
  return new Subject(text, Int32Array.from(points), false, text, Int32Array.from(offsets));
}

/** Text for the code points `codes` (a bytes pattern's latin-1 view, or joined results). */
export function codesToText(codes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) {
    out += String.fromCodePoint(...Array.prototype.slice.call(codes, i, Math.min(i + 4096, codes.length)) as number[]);
  }
  return out;
}
