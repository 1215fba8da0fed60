/**
 * io.BufferedRWPair(reader, writer, buffer_size=DEFAULT_BUFFER_SIZE): one
 * buffered stream reading from one raw stream and writing to another (a
 * BufferedReader and a BufferedWriter inside), as CPython's C class: the
 * reading methods go to the reader, write() and flush() to the writer, and
 * what it does not define (readline, seek, fileno…) comes from IOBase.
 */
import { ValueError } from '../../../builtins/exceptions.js';
import { TYPE_NAME } from '../../../builtins/values.js';
import { checkPositional, noKeywordsError } from '../../../builtins/arity.js';
import { NATIVE_REINIT, isKeywordObject } from '../../../builtins/classes/nativeInit.js';
import { BufferedReader, BufferedWriter } from '../../../builtins/files.js';
import { DEFAULT_BUFFER_SIZE, UnsupportedOperation, _BufferedIOBase, intArg, madeBare } from '../../../builtins/ioBases.js';
import { callMethod } from '../../../builtins/attributes.js';

function checkAble(stream: unknown, method: string, what: string): void {
  if (callMethod(stream, method) !== true) throw new UnsupportedOperation(`File or stream is not ${what}.`);
}

export class BufferedRWPair extends _BufferedIOBase {
  static override readonly __name__: string = 'BufferedRWPair';
  static readonly [TYPE_NAME] = '_io.BufferedRWPair';
  static override readonly __module__: string = '_io';
  /** A call with keywords: none are taken (`**{}` gives none). */
  static $kw(this: new (...args: unknown[]) => BufferedRWPair, args: unknown[], kwargs: Record<string, unknown>): BufferedRWPair {
    if (Object.keys(kwargs).length > 0) throw noKeywordsError('BufferedRWPair');
    return new this(...args);
  }
  #reader: BufferedReader | null = null;
  #writer: BufferedWriter | null = null;

  constructor(...args: unknown[]) {
    super();
    if (!madeBare(new.target, args)) this.#init(args);
  }

  [NATIVE_REINIT](...args: unknown[]): void {
    this.#init(args);
  }

  #init(args: unknown[]): void {
    if (args.length > 0 && isKeywordObject(args[args.length - 1])) {
      if (Object.keys(args[args.length - 1] as object).length > 0) throw noKeywordsError('BufferedRWPair');
      args = args.slice(0, -1);
    }
    checkPositional('BufferedRWPair', args.length, 2, 3);
    const [reader, writer, size = DEFAULT_BUFFER_SIZE] = args;
    const bufferSize = intArg(size);
    checkAble(reader, 'readable', 'readable');
    checkAble(writer, 'writable', 'writable');
    this.#reader = new BufferedReader(reader, bufferSize);
    this.#writer = new BufferedWriter(writer, bufferSize);
  }

  #parts(): [BufferedReader, BufferedWriter] {
    if (this.#reader === null || this.#writer === null) throw new ValueError('I/O operation on uninitialized object');
    return [this.#reader, this.#writer];
  }

  override read(...args: unknown[]): unknown {
    return this.#parts()[0].read(...args);
  }

  peek(...args: unknown[]): unknown {
    return this.#parts()[0].peek(...args);
  }

  override read1(...args: unknown[]): unknown {
    return this.#parts()[0].read1(...args);
  }

  override readinto(target: unknown): unknown {
    return this.#parts()[0].readinto(target);
  }

  override readinto1(target: unknown): unknown {
    return this.#parts()[0].readinto1(target);
  }

  override write(data: unknown): unknown {
    return this.#parts()[1].write(data);
  }

  override flush(): unknown {
    return this.#parts()[1].flush();
  }

  override readable(): unknown {
    return this.#parts()[0].readable();
  }

  override writable(): unknown {
    return this.#parts()[1].writable();
  }

  override isatty(): unknown {
    const [reader, writer] = this.#parts();
    return writer.isatty() || reader.isatty();
  }

  override get closed(): unknown {
    return this.#parts()[1].closed;
  }

  /** The writer's close(), then the reader's; the writer's error raised after. */
  override close(): unknown {
    const [reader, writer] = this.#parts();
    let failure: unknown = null;
    try {
      writer.close();
    } catch (e) {
      failure = e;
    }
    reader.close();
    if (failure !== null) throw failure;
    return null;
  }
}
