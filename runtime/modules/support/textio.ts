/**
 * `sys.stdout` and `sys.stderr`: text streams whose writes go through the
 * runtime's output buffering (runtime/builtins/io.ts), so they interleave
 * with print() as in CPython; and `sys.stdin`, which reads the standard
 * input through the same buffer as input() (runtime/builtins/input.ts).
 */
import { StopIteration, TypeError, ValueError } from '../../builtins/exceptions.js';
import { STDOUT_ERRORS, flushStdout, writeStderr, writeStdout } from '../../builtins/io.js';
import { iterate } from '../../builtins/iteration.js';
import { strLen } from '../../builtins/str.js';
import { isStdinClosed, markStdinClosed, readStdinLine, readStdinRest } from '../../builtins/input.js';
import { sizeArg } from '../../builtins/files.js';
import { UnsupportedOperation } from '../../builtins/ioBases.js';
import { argTypeName } from '../../builtins/arity.js';

interface NodeProcess {
  getBuiltinModule?(id: string): unknown;
}

const nodeProcess = (globalThis as { process?: NodeProcess }).process;

export class TextIOWrapper {
  readonly mode = 'w';
  readonly encoding = 'utf-8';
  readonly errors: string;
  readonly closed = false;
  readonly line_buffering: boolean;

  constructor(
    readonly name: string,
    private readonly fd: number,
  ) {
    this.errors = fd === 2 ? 'backslashreplace' : STDOUT_ERRORS;
    this.line_buffering = fd === 2 || this.isatty();
  }

  /** Writes a str; returns its length in characters. */
  write(s: unknown): number {
    if (arguments.length !== 1) throw new TypeError(`TextIOWrapper.write() takes exactly one argument (${arguments.length} given)`);
    if (typeof s !== 'string') throw new TypeError(`write() argument must be str, not ${argTypeName(s)}`);
    if (this.fd === 1) writeStdout(s);
    else writeStderr(s);
    return strLen(s);
  }

  writelines(lines: unknown): null {
    for (const line of iterate(lines)) this.write(line);
    return null;
  }

  flush(): null {
    if (this.fd === 1) flushStdout();
    return null;
  }

  isatty(): boolean {
    const tty = nodeProcess?.getBuiltinModule?.('tty') as { isatty(fd: number): boolean } | undefined;
    return tty?.isatty(this.fd) ?? false;
  }

  fileno(): number {
    return this.fd;
  }

  writable(): boolean {
    return true;
  }

  readable(): boolean {
    return false;
  }

  seekable(): boolean {
    return false;
  }

  read(): never {
    throw new UnsupportedOperation('not readable');
  }

  __repr__(): string {
    return `<_io.TextIOWrapper name='${this.name}' mode='w' encoding='utf-8'>`;
  }
}


/** `sys.stdin`: lines come whole from the shared buffer; read(n) keeps what it read past n for the next read. */
export class StdinTextIOWrapper {
  static readonly __name__ = 'TextIOWrapper';
  readonly name = '<stdin>';
  readonly mode = 'r';
  readonly encoding = 'utf-8';
  readonly errors = 'strict';
  readonly line_buffering = false;
  /** Read from the input by read(n) beyond the n characters it returned. */
  #pending = '';

  get closed(): boolean {
    return isStdinClosed();
  }

  #check(): void {
    if (isStdinClosed()) throw new ValueError('I/O operation on closed file.');
  }

  #line(): string {
    if (this.#pending === '') return readStdinLine();
    const newline = this.#pending.indexOf('\n');
    if (newline >= 0) {
      const line = this.#pending.slice(0, newline + 1);
      this.#pending = this.#pending.slice(newline + 1);
      return line;
    }
    const line = this.#pending + readStdinLine();
    this.#pending = '';
    return line;
  }

  readline(size?: unknown): string {
    this.#check();
    const limit = sizeArg(size);
    const line = this.#line();
    if (limit < 0 || strLen(line) <= limit) return line;
    const points = Array.from(line);
    this.#pending = points.slice(limit).join('') + this.#pending;
    return points.slice(0, limit).join('');
  }

  read(size?: unknown): string {
    this.#check();
    const limit = sizeArg(size);
    if (limit < 0) {
      const text = this.#pending + readStdinRest();
      this.#pending = '';
      return text;
    }
    let text = this.#pending;
    this.#pending = '';
    while (strLen(text) < limit) {
      const line = readStdinLine();
      if (line === '') break;
      text += line;
    }
    const points = Array.from(text);
    if (points.length <= limit) return text;
    this.#pending = points.slice(limit).join('');
    return points.slice(0, limit).join('');
  }

  readlines(): string[] {
    const lines: string[] = [];
    for (let line = this.readline(); line !== ''; line = this.readline()) lines.push(line);
    return lines;
  }

  __iter__(): this {
    this.#check();
    return this;
  }

  __next__(): string {
    const line = this.readline();
    if (line === '') throw new StopIteration();
    return line;
  }

  *[Symbol.iterator](): Generator<string> {
    for (let line = this.readline(); line !== ''; line = this.readline()) yield line;
  }

  readable(): boolean {
    this.#check();
    return true;
  }

  writable(): boolean {
    return false;
  }

  seekable(): boolean {
    return false;
  }

  isatty(): boolean {
    const tty = nodeProcess?.getBuiltinModule?.('tty') as { isatty(fd: number): boolean } | undefined;
    return tty?.isatty(0) ?? false;
  }

  fileno(): number {
    return 0;
  }

  write(): never {
    throw new UnsupportedOperation('not writable');
  }

  close(): null {
    markStdinClosed();
    return null;
  }

  __enter__(): this {
    return this;
  }

  __exit__(): null {
    return this.close();
  }

  __repr__(): string {
    return "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>";
  }
}
