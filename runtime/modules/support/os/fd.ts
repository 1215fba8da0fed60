/**
 * os's file-descriptor calls (open, close, read, write) and Linux's O_*
 * flags, which Node's fs passes to open(2) unchanged. Reads and writes go at
 * the descriptor's own offset. There is no lseek: Node's fs has none.
 */
import { NotImplementedError, TypeError } from '../../../builtins/exceptions.js';
import { PyBytes, typeName } from '../../../builtins/values.js';
import { bufferBytes } from '../../../builtins/buffer.js';
import { osError } from '../../../builtins/io.js';
import { flushAllFiles, intArg } from '../../../builtins/files.js';
import { pyFunction } from '../pydef.js';
import { fsCall, fspath } from './node.js';

const Q = 'os';

export const O_RDONLY = 0;
export const O_WRONLY = 1;
export const O_RDWR = 2;
export const O_ACCMODE = 3;
export const O_CREAT = 64;
export const O_EXCL = 128;
export const O_NOCTTY = 256;
export const O_TRUNC = 512;
export const O_APPEND = 1024;
export const O_NONBLOCK = 2048;
export const O_NDELAY = 2048;
export const O_DSYNC = 4096;
export const O_DIRECTORY = 65536;
export const O_NOFOLLOW = 131072;
export const O_CLOEXEC = 524288;
export const O_SYNC = 1052672;

/** os.open(path, flags, mode=0o777, *, dir_fd=None): a new file descriptor. */
export const open = pyFunction('path, flags, mode=, *, dir_fd=', 'open', Q, (p: unknown, flags: unknown, mode?: unknown, dirFd?: unknown) => {
  if (dirFd !== undefined && dirFd !== null) throw new NotImplementedError('open: dir_fd unavailable on this platform');
  const s = fspath(p, 'open');
  const f = intArg(flags);
  const m = mode === undefined ? 0o777 : intArg(mode);
  flushAllFiles();
  return fsCall(s, (fs) => fs.openSync(s, f, m));
});

export const close = pyFunction('fd', 'close', Q, (fd: unknown) => {
  const n = intArg(fd);
  flushAllFiles();
  fsCall(null, (fs) => fs.closeSync(n));
  return null;
});

/** os.read(fd, length): at most `length` bytes, b'' at the end of the file. */
export const read = pyFunction('fd, length, /', 'read', Q, (fd: unknown, length: unknown) => {
  const n = intArg(fd);
  const size = intArg(length);
  if (size < 0) throw osError('EINVAL');
  const buf = new Uint8Array(size);
  const got = fsCall(null, (fs) => fs.readSync(n, buf, 0, size, null));
  return new PyBytes(buf.subarray(0, got));
});

/** os.write(fd, data): the number of bytes written. */
export const write = pyFunction('fd, data, /', 'write', Q, (fd: unknown, data: unknown) => {
  const n = intArg(fd);
  const bytes = bufferBytes(data);
  if (bytes === null) throw new TypeError(`a bytes-like object is required, not '${typeName(data)}'`);
  flushAllFiles();
  return fsCall(null, (fs) => fs.writeSync(n, bytes, 0, bytes.length));
});
