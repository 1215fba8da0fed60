/**
 * tomllib's TOMLDecodeError and the place suffix of its messages: CPython
 * says where a document went wrong as "(at line N, column M)", counting
 * code points (as Python indexes str) and lines from 1, or "(at end of
 * document)" when the problem is found past the last character.
 */
import { ValueError } from '../../../builtins/exceptions.js';
import { codePointsBetween } from '../../../builtins/str/core.js';
import { defineClass } from '../stdlib/pyclass.js';

export const TOMLDecodeError = defineClass('tomllib', 'TOMLDecodeError', [ValueError], {
  __doc__: 'An error raised if a document is not valid TOML.',
});

/** "line N, column M" of JS index `pos` of `src`, or "end of document" at or past its end. */
export function place(src: string, pos: number): string {
  if (pos >= src.length) return 'end of document';
  let line = 1;
  let lineStart = 0;
  for (let i = src.indexOf('\n'); i !== -1 && i < pos; i = src.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${codePointsBetween(src, lineStart, pos) + 1}`;
}

/** A TOMLDecodeError for the problem `msg` found at JS index `pos` of `src`. */
export function decodeError(src: string, pos: number, msg: string): Error {
  // `new`, not a Python call of the class: V8 then records the stack, which the traceback of an uncaught error shows.
  return new (TOMLDecodeError as unknown as new (message: string) => Error)(`${msg} (at ${place(src, pos)})`);
}
