/**
 * What StringIO and BytesIO share: a position (tell()), being open or
 * closed (every method but close() refuses a closed file, each with its
 * class's message), the
 * answers of an in-memory file to readable()/writable()/seekable()/isatty(),
 * and the context-manager and line-iterator protocols over readline().
 * Made once over each file's C base (StringIO's `_TextIOBase`, BytesIO's
 * `_BufferedIOBase`), and left out of their MROs, as CPython has no such class.
 */
import { StopIteration, ValueError } from '../../../builtins/exceptions.js';
import { UnsupportedOperation, selfMethod, type _IOBase } from '../../../builtins/ioBases.js';
import { MRO_HIDDEN, pyClassOf } from '../../../builtins/classes/model.js';

export function memoryFileOn(base: typeof _IOBase) {
  abstract class MemoryFile extends base {
    protected $closed = false;
    /** The position: StringIO's in code points, BytesIO's in bytes (either may be past the end). */
    protected $pos = 0;

    /** StringIO's message has no final period, BytesIO's has one (as CPython's two C types). */
    protected abstract readonly $closedMessage: string;

    abstract override readline(size?: unknown): unknown;

    /** Whether a line read is the empty one readline() gives at the end. */
    protected abstract $atEnd(line: unknown): boolean;

    /** The next line for iteration: the class's own readline (StringIO's subclasses use theirs, as in CPython). */
    protected abstract $nextLine(): unknown;

    override get closed(): boolean {
      return this.$closed;
    }

    protected $check(): void {
      if (this.$closed) throw new ValueError(this.$closedMessage);
    }

    override tell(): number {
      this.$check();
      return this.$pos;
    }

    override readable(): boolean {
      this.$check();
      return true;
    }

    override writable(): boolean {
      this.$check();
      return true;
    }

    override seekable(): boolean {
      this.$check();
      return true;
    }

    override isatty(): boolean {
      this.$check();
      return false;
    }

    override flush(): null {
      this.$check();
      return null;
    }

    override fileno(): never {
      throw new UnsupportedOperation('fileno');
    }

    override close(): null {
      this.$closed = true;
      return null;
    }

    override __enter__(): this {
      this.$check();
      return this;
    }

    override __exit__(): unknown {
      return selfMethod(this, 'close');
    }

    override __iter__(): this {
      this.$check();
      return this;
    }

    override __next__(): unknown {
      const line = this.$nextLine();
      if (this.$atEnd(line)) throw new StopIteration();
      return line;
    }

    override [Symbol.iterator](): Generator<unknown> {
      // Checked at once, as iter(f) checks; the generator runs only when the walk starts.
      this.$check();
      return pyClassOf(this) === undefined ? this.$ownLines() : this.$lines();
    }

    /** The lines of an instance of the class itself: no subclass can have changed its readline(). */
    *$ownLines(): Generator<unknown> {
      for (let line = this.readline(); !this.$atEnd(line); line = this.readline()) yield line;
    }

    *$lines(): Generator<unknown> {
      for (let line = this.$nextLine(); !this.$atEnd(line); line = this.$nextLine()) yield line;
    }
  }
  Object.defineProperty(MemoryFile, MRO_HIDDEN, { value: true });
  return MemoryFile;
}
