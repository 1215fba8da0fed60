/** re.error, and the mapping of the parser's failures to the exceptions CPython raises. */
import { callableClass } from '../../../builtins/callableClass.js';
import { Exception, OverflowError, ValueError } from '../../../builtins/exceptions.js';
import { PyBytes, PyTuple } from '../../../builtins/values.js';
import { PatternError } from './parser.js';

/** re.error: msg, pattern, pos, lineno and colno, the position appended to the message. */
export const error = callableClass(class error extends Exception {
  static readonly __module__ = 're';
  msg: unknown = null;
  pattern: unknown = null;
  pos: unknown = null;
  lineno: unknown = null;
  colno: unknown = null;

  constructor(msg: unknown, pattern: unknown = null, pos: unknown = null) {
    super();
    this.__init__(msg, pattern, pos);
  }

  override __init__(...args: unknown[]): null {
    const [msg, pattern = null, pos = null] = args;
    this.msg = msg;
    this.pattern = pattern;
    this.pos = pos;
    let text = String(msg);
    if (pattern !== null && pos !== null) {
      const p = Number(pos);
      text = `${text} at position ${p}`;
      const chars = typeof pattern === 'string' ? Array.from(pattern) : pattern instanceof PyBytes ? Array.from(pattern.bytes, (b) => String.fromCharCode(b)) : [];
      let lineno = 1;
      let lastNewline = -1;
      for (let i = 0; i < p && i < chars.length; i++) {
        if (chars[i] === '\n') {
          lineno++;
          lastNewline = i;
        }
      }
      this.lineno = lineno;
      this.colno = p - lastNewline;
      if (chars.includes('\n')) text = `${text} (line ${lineno}, column ${this.colno as number})`;
    } else {
      this.lineno = null;
      this.colno = null;
    }
    this.args = PyTuple.of(text);
    return null;
  }
});
export type error = InstanceType<typeof error>;

/** Turns the support code's failures into the exceptions CPython raises. */
export function raisePython(e: unknown, pattern: unknown): never {
  if (e instanceof PatternError) {
    if (e.kind === 'overflow') throw new OverflowError(e.msg);
    if (e.kind === 'value') throw new ValueError(e.msg);
    throw new error(e.msg, e.pos === null ? null : pattern, e.pos);
  }
  throw e;
}

