/**
 * os.stat_result from Node's bigint stats: CPython's ten tuple items (whole
 * seconds for the times) and its named fields beyond them (float times,
 * nanosecond times, st_blksize, st_blocks, st_rdev).
 */
import { TypeError } from '../../../builtins/exceptions.js';
import { float as pyFloat, intFromBigInt, isInt, typeName } from '../../../builtins/values.js';
import { StructSequence } from '../structSequence.js';
import { fsCall, fspath, type BigStats } from './node.js';

const FIELDS = ['st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size', 'st_atime', 'st_mtime', 'st_ctime'];

const BILLION = 1_000_000_000n;

/** CPython's float time: seconds plus nanoseconds times 1e-9, in that order of rounding. */
function floatTime(ns: bigint): unknown {
  const sec = ns / BILLION;
  const nsec = ns % BILLION;
  return pyFloat(Number(sec) + Number(nsec) * 1e-9);
}

function seconds(ns: bigint): number | bigint {
  // Floor division, as CPython's for times before 1970.
  const q = ns / BILLION;
  return intFromBigInt(ns < 0n && q * BILLION !== ns ? q - 1n : q);
}

export function statResult(st: BigStats): StructSequence {
  const n = intFromBigInt;
  const values = [n(st.mode), n(st.ino), n(st.dev), n(st.nlink), n(st.uid), n(st.gid), n(st.size), seconds(st.atimeNs), seconds(st.mtimeNs), seconds(st.ctimeNs)];
  return new StructSequence('os.stat_result', FIELDS, values, {
    st_atime: floatTime(st.atimeNs),
    st_mtime: floatTime(st.mtimeNs),
    st_ctime: floatTime(st.ctimeNs),
    st_atime_ns: n(st.atimeNs),
    st_mtime_ns: n(st.mtimeNs),
    st_ctime_ns: n(st.ctimeNs),
    st_blksize: n(st.blksize),
    st_blocks: n(st.blocks),
    st_rdev: n(st.rdev),
  });
}

/** os.stat / os.lstat of a path, or fstat of a file descriptor. */
export function statPath(p: unknown, follow: boolean, fname: string): StructSequence {
  if (follow && (isInt(p) || typeof p === 'boolean')) {
    const fd = Number(p);
    // os.stat(fd)'s error names the descriptor; os.fstat's names nothing.
    return statResult(fsCall(fname === 'fstat' ? null : p, (fs) => fs.fstatSync(fd, { bigint: true })));
  }
  let s: string;
  try {
    s = fspath(p);
  } catch {
    const kinds = follow ? 'string, bytes, os.PathLike or integer' : 'string, bytes or os.PathLike';
    throw new TypeError(`${fname}: path should be ${kinds}, not ${typeName(p)}`);
  }
  return statResult(fsCall(s, (fs) => (follow ? fs.statSync(s, { bigint: true }) : fs.lstatSync(s, { bigint: true }))));
}
