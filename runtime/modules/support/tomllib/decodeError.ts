/**
 * tomllib's TOMLDecodeError and the place suffix of its messages: CPython
 * says where a document went wrong as "(at line N, column M)", counting
 * code points (as Python indexes str) and lines from 1, or "(at end of
 * document)" when the problem is found past the last character.
 */
import { ValueError } from '../../../builtins/exceptions.js';
import { defineClass } from '../stdlib/pyclass.js';

export const TOMLDecodeError = defineClass('tomllib', 'TOMLDecodeError', [ValueError], {
  __doc__: 'An error raised if a document is not valid TOML.',
});

/** Code points from JS index `from` up to `to` of `s` (a surrogate pair is one). */
function codePoints(s: string, from: number, to: number): number {
  let n = to - from;
  for (let i = from; i < to - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** "line N, column M" of JS index `pos` of `src`, or "end of document" at or past its end. */
export function place(src: string, pos: number): string {
  if (pos >= src.length) return 'end of document';
  let line = 1;
  let lineStart = 0;
  for (let i = src.indexOf('\n'); i !== -1 && i < pos; i = src.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${codePoints(src, lineStart, pos) + 1}`;
}

/** A TOMLDecodeError for the problem `msg` found at JS index `pos` of `src`. */
export function decodeError(src: string, pos: number, msg: string): Error {
  // `new`, not a Python call of the class: V8 then records the stack, which the traceback of an uncaught error shows.
  return new (TOMLDecodeError as unknown as new (message: string) => Error)(`${msg} (at ${place(src, pos)})`);
}
