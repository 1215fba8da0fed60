/**
 * `sys.stdout` and `sys.stderr`: text streams whose writes go through the
 * runtime's output buffering (runtime/builtins/io.ts), so they interleave
 * with print() as in CPython.
 */
import { TypeError, ValueError } from '../../builtins/exceptions.js';
import { flushStdout, writeStderr, writeStdout } from '../../builtins/io.js';
import { iterate } from '../../builtins/iteration.js';
import { strLen } from '../../builtins/str.js';
import { typeName } from '../../builtins/values.js';

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
    this.errors = fd === 2 ? 'backslashreplace' : 'strict';
    this.line_buffering = fd === 2 || this.isatty();
  }

  /** Writes a str; returns its length in characters. */
  write(s: unknown): number {
    if (arguments.length !== 1) throw new TypeError(`TextIOWrapper.write() takes exactly one argument (${arguments.length} given)`);
    if (typeof s !== 'string') throw new TypeError(`write() argument must be str, not ${typeName(s)}`);
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

/** io.UnsupportedOperation (an OSError and a ValueError in CPython; a ValueError here). */
export class UnsupportedOperation extends ValueError {}
