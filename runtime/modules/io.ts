/**
 * Python's `io` module: the abstract classes IOBase, RawIOBase,
 * BufferedIOBase and TextIOBase (runtime/modules/support/io/abcs.ts), the
 * in-memory files StringIO and BytesIO (runtime/modules/support/io/), and the
 * file classes `open()` makes (runtime/builtins/files.ts), which also wrap
 * Python streams (`io.BufferedReader(raw)`, `io.TextIOWrapper(buffer)`).
 * Its exports are exactly the module's attributes.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { StringIO } from './support/io/stringIO.js';
import { BytesIO } from './support/io/bytesIO.js';
import { TextIOWrapper, BufferedReader, BufferedWriter, BufferedRandom, FileIO } from '../builtins/files.js';
import { BufferedRWPair } from './support/io/rwPair.js';
import { BufferedIOBase, RawIOBase, TextIOBase, registerAll } from './support/io/abcs.js';
import { StdinTextIOWrapper, TextIOWrapper as StdoutTextIOWrapper } from './support/textio.js';

export const __name__ = 'io';
export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;
export { DEFAULT_BUFFER_SIZE } from '../builtins/ioBases.js';
export { StringIO, BytesIO, TextIOWrapper, BufferedReader, BufferedWriter, BufferedRandom, FileIO, BufferedRWPair };
export { open, UnsupportedOperation } from '../builtins/files.js';
export { BlockingIOError } from '../builtins/exceptions.js';
export { IOBase, RawIOBase, BufferedIOBase, TextIOBase } from './support/io/abcs.js';
export { IncrementalNewlineDecoder } from './support/io/newlineDecoder.js';
export { text_encoding } from './support/io/newlineDecoder.js';

registerAll(RawIOBase, FileIO);
registerAll(BufferedIOBase, BytesIO, BufferedReader, BufferedWriter, BufferedRandom, BufferedRWPair);
registerAll(TextIOBase, StringIO, TextIOWrapper, StdoutTextIOWrapper, StdinTextIOWrapper);
