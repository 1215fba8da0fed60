/**
 * Python's `asyncio.subprocess` module (runtime/asyncio/subprocess.ts):
 * `from asyncio.subprocess import PIPE` and `asyncio.subprocess.PIPE`.
 */
export const __name__ = 'asyncio.subprocess';
export const __all__ = ['create_subprocess_exec', 'create_subprocess_shell'];
export {
  PIPE, STDOUT, DEVNULL, Process, SubprocessStreamProtocol, create_subprocess_exec, create_subprocess_shell,
} from '../asyncio/subprocess.js';
