/**
 * What StringIO and BytesIO share: a position (tell()), being open or
 * closed (every method but close() refuses a closed file, each with its
 * class's message), the
 * answers of an in-memory file to readable()/writable()/seekable()/isatty(),
 * and the context-manager and line-iterator protocols over readline().
 */
import { StopIteration, ValueError } from '../../../builtins/exceptions.js';

export abstract class MemoryFile<Line> {
  protected $closed = false;
  /** The position: StringIO's in code points, BytesIO's in bytes (either may be past the end). */
  protected $pos = 0;

  /** StringIO's message has no final period, BytesIO's has one (as CPython's two C types). */
  protected abstract readonly $closedMessage: string;

  abstract readline(size?: unknown): Line;

  /** Whether a line read is the empty one readline() gives at the end. */
  protected abstract $atEnd(line: Line): boolean;

  get closed(): boolean {
    return this.$closed;
  }

  protected $check(): void {
    if (this.$closed) throw new ValueError(this.$closedMessage);
  }

  tell(): number {
    this.$check();
    return this.$pos;
  }

  readable(): boolean {
    this.$check();
    return true;
  }

  writable(): boolean {
    this.$check();
    return true;
  }

  seekable(): boolean {
    this.$check();
    return true;
  }

  isatty(): boolean {
    this.$check();
    return false;
  }

  flush(): null {
    this.$check();
    return null;
  }

  close(): null {
    this.$closed = true;
    return null;
  }

  __enter__(): this {
    this.$check();
    return this;
  }

  __exit__(): null {
    return this.close();
  }

  __iter__(): this {
    this.$check();
    return this;
  }

  __next__(): Line {
    const line = this.readline();
    if (this.$atEnd(line)) throw new StopIteration();
    return line;
  }

  *[Symbol.iterator](): Generator<Line> {
    this.$check();
    for (let line = this.readline(); !this.$atEnd(line); line = this.readline()) yield line;
  }
}
