/**
 * Python's `io` module: the in-memory files StringIO and BytesIO
 * (runtime/modules/support/io/), and the file classes `open()` makes
 * (runtime/builtins/files.ts). Its exports are exactly the module's attributes.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';

export const __name__ = 'io';
export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;
export const DEFAULT_BUFFER_SIZE = 8192;
export { StringIO } from './support/io/stringIO.js';
export { BytesIO } from './support/io/bytesIO.js';
export { open, TextIOWrapper, BufferedReader, BufferedWriter, BufferedRandom, FileIO, UnsupportedOperation } from '../builtins/files.js';
