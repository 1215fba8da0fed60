import { describe, expect, it } from 'vitest';
import '../index.js';
import * as io from '../modules/io.js';
import { callMethod } from './attributes.js';
import { mroOf, type PyClass } from './classes.js';
import { exceptionMatches } from './errors.js';
import { OSError, ValueError } from './exceptions.js';
import { repr } from './repr.js';
import { PyBytes } from './values.js';

const bytes = (s: string): PyBytes => new PyBytes(new TextEncoder().encode(s));
const m = (obj: unknown, name: string, ...args: unknown[]): unknown => callMethod(obj, name, ...args);
const names = (cls: unknown): string[] => mroOf(cls as PyClass).map((c) => (c as { __name__: string }).__name__);
const reprs = (...values: unknown[]): string[] => values.map((v) => repr(v));

describe('io base classes (answers from CPython 3.11)', () => {
  it('gives the runtime streams the MROs of their C types, the shared JS code hidden', () => {
    expect(names(io.BufferedReader)).toEqual(['BufferedReader', '_BufferedIOBase', '_IOBase', 'object']);
    expect(names(io.FileIO)).toEqual(['FileIO', '_RawIOBase', '_IOBase', 'object']);
    expect(names(io.StringIO)).toEqual(['StringIO', '_TextIOBase', '_IOBase', 'object']);
    expect(names(io.BytesIO)).toEqual(['BytesIO', '_BufferedIOBase', '_IOBase', 'object']);
    expect(names(io.RawIOBase)).toEqual(['RawIOBase', '_RawIOBase', 'IOBase', '_IOBase', 'object']);
  });

  it('makes UnsupportedOperation both an OSError and a ValueError for except clauses', () => {
    const error = new io.UnsupportedOperation('fileno');
    expect(exceptionMatches(error, ValueError)).toBe(true);
    expect(exceptionMatches(error, OSError)).toBe(true);
    expect(exceptionMatches(new OSError('x'), ValueError)).toBe(false);
  });

  it('buffers reads from a Python raw stream as buffered.c does', () => {
    const raw = io.BytesIO(bytes('abcdef\nxyz'));
    const reader = new io.BufferedReader(raw, 4);
    expect(reprs(m(reader, 'read', 1), m(reader, 'tell'), m(reader, 'peek'), m(raw, 'tell'))).toEqual(["b'a'", '1', "b'bcd'", '4']);
    expect(reprs(m(reader, 'read', 5), m(raw, 'tell'), m(reader, 'readline'), m(reader, 'read'), m(reader, 'tell')))
      .toEqual(["b'bcdef'", '8', "b'\\n'", "b'xyz'", '10']);
  });

  it('hands writes to a Python raw stream when the buffer overflows, as buffered.c does', () => {
    const raw = io.BytesIO();
    const writer = new io.BufferedWriter(raw, 4);
    expect(reprs(m(writer, 'write', bytes('ab')), m(raw, 'getvalue'))).toEqual(['2', "b''"]);
    expect(reprs(m(writer, 'write', bytes('cdefg')), m(raw, 'getvalue'), m(writer, 'tell'))).toEqual(['5', "b'abcdefg'", '7']);
  });

  it('reads a Python buffer through TextIOWrapper with universal newlines', () => {
    const text = new io.TextIOWrapper(io.BytesIO(bytes('a\r\nb')), 'ascii');
    expect(reprs(m(text, 'read'), (text as unknown as { newlines: unknown }).newlines)).toEqual(["'a\\nb'", "'\\r\\n'"]);
  });
});
