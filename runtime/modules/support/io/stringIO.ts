/**
 * io.StringIO: an in-memory text file. The text is one JS string; positions
 * are Python's (code points). Until an astral character is written, they
 * are the string's own indices; after, they are counted. Appending at the
 * end, the common use (a buffer `print(…, file=)` writes to), only
 * concatenates.
 */
import { OSError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { BASE_VALUE, PyStrBox, TYPE_NAME, typeName } from '../../../builtins/values.js';
import { strLen } from '../../../builtins/str/core.js';
import { takeKeywords } from '../../../asyncio/keywords.js';
import { callableClass } from '../../../builtins/callableClass.js';
import { NATIVE_REINIT } from '../../../builtins/classes/nativeInit.js';
import { memoryFileOn } from './memoryFile.js';
import { _TextIOBase } from '../../../builtins/ioBases.js';
import { intArg, sizeArg } from '../../../builtins/files.js';
import { iterate } from '../../../builtins/iteration.js';
import { callMethod } from '../../../builtins/attributes.js';
import { pyClassOf } from '../../../builtins/classes/model.js';

const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

type Newline = null | '' | '\n' | '\r' | '\r\n';


class StringIOImpl extends memoryFileOn(_TextIOBase) {
  static readonly __name__ = 'StringIO';
  static readonly [TYPE_NAME] = '_io.StringIO';
  static readonly __module__ = '_io';
  #text = '';
  /** The length in code points (as the position is). */
  #length = 0;
  /** Whether #text holds an astral character (then code points and indices differ). */
  #wide = false;
  protected readonly $closedMessage = 'I/O operation on closed file';
  #newline: Newline = '\n';

  constructor(...args: unknown[]) {
    super();
    this.#init(args);
  }

  /** A subclass's `super().__init__(initial_value, newline)`: the contents start over. */
  [NATIVE_REINIT](...args: unknown[]): void {
    this.#init(args);
  }

  #init(args: unknown[]): void {
    const kw = takeKeywords(args);
    const initial = args[0] ?? kw?.['initial_value'] ?? '';
    const newline = args.length > 1 ? args[1] : kw !== null && 'newline' in kw ? kw['newline'] : '\n';
    if (newline !== null && newline !== '' && newline !== '\n' && newline !== '\r' && newline !== '\r\n') {
      if (typeof newline !== 'string') throw new TypeError(`newline must be str or None, not ${typeName(newline)}`);
      throw new ValueError(`illegal newline value: ${newline}`);
    }
    this.#newline = newline;
    this.#text = '';
    this.#length = 0;
    this.#wide = false;
    this.$pos = 0;
    if (initial !== null) {
      if (typeof initial !== 'string' && !(initial instanceof PyStrBox)) throw new TypeError(`initial_value must be str or None, not ${typeName(initial)}`);
      this.#write(initial);
      this.$pos = 0;
    }
  }


  get line_buffering(): boolean {
    return false;
  }

  get encoding(): null {
    return null;
  }

  get errors(): null {
    return null;
  }

  /** The UTF-16 index of code point position `cp` (at most the end). */
  #index(cp: number): number {
    if (!this.#wide) return Math.min(cp, this.#text.length);
    let i = 0;
    for (let n = 0; n < cp && i < this.#text.length; n++) {
      const c = this.#text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < this.#text.length ? 2 : 1;
    }
    return i;
  }


  write(s: unknown): number {
    return this.#write(s);
  }

  /** write(), for the constructor: a subclass's own write() is not called for the initial value, as in CPython. */
  #write(s: unknown): number {
    this.$check();
    const value = s instanceof PyStrBox ? s[BASE_VALUE] : s;
    if (typeof value !== 'string') throw new TypeError(`string argument expected, got '${typeName(s)}'`);
    const n = strLen(value);
    let text = value;
    if (this.#newline === null) text = text.replace(/\r\n?/g, '\n');
    else if (this.#newline === '\r' || this.#newline === '\r\n') text = text.replace(/\n/g, this.#newline);
    if (text.length === 0) return n;
    if (!this.#wide && ASTRAL.test(text)) this.#wide = true;
    const written = text === value ? n : strLen(text);
    if (this.$pos >= this.#length) {
      // At or past the end: past it, the gap reads as NULs, as in CPython.
      this.#text += '\0'.repeat(this.$pos - this.#length) + text;
      this.#length = this.$pos + written;
    } else {
      const start = this.#index(this.$pos);
      const end = this.#index(this.$pos + written);
      this.#text = this.#text.slice(0, start) + text + this.#text.slice(end);
      this.#length = Math.max(this.#length, this.$pos + written);
    }
    this.$pos += written;
    return n;
  }

  writelines(lines: unknown): null {
    this.$check();
    // Through the write method a subclass may define, as IOBase.writelines does.
    for (const line of iterate(lines)) callMethod(this, 'write', line);
    return null;
  }

  read(size?: unknown): string {
    this.$check();
    const n = sizeArg(size);
    const start = this.#index(this.$pos);
    if (n < 0 || this.$pos + n >= this.#length) {
      this.$pos = Math.max(this.$pos, this.#length);
      return this.#text.slice(start);
    }
    const end = this.#index(this.$pos + n);
    this.$pos += n;
    return this.#text.slice(start, end);
  }

  readline(size?: unknown): string {
    this.$check();
    const limit = sizeArg(size);
    if (this.$pos >= this.#length) return '';
    const start = this.#index(this.$pos);
    const text = this.#text;
    let end = text.length;
    switch (this.#newline) {
      case '\r':
      case '\r\n': {
        const at = text.indexOf(this.#newline, start);
        if (at >= 0) end = at + this.#newline.length;
        break;
      }
      case '': {
        // Untranslated universal newlines: \r, \n or \r\n ends a line.
        for (let i = start; i < text.length; i++) {
          const c = text[i];
          if (c === '\n') {
            end = i + 1;
            break;
          }
          if (c === '\r') {
            end = text[i + 1] === '\n' ? i + 2 : i + 1;
            break;
          }
        }
        break;
      }
      default: {
        const at = text.indexOf('\n', start);
        if (at >= 0) end = at + 1;
      }
    }
    let line = text.slice(start, end);
    let n = this.#wide ? strLen(line) : line.length;
    if (limit >= 0 && n > limit) {
      line = this.#wide ? Array.from(line).slice(0, limit).join('') : line.slice(0, limit);
      n = limit;
    }
    this.$pos += n;
    return line;
  }

  readlines(hint?: unknown): string[] {
    const limit = hint === undefined || hint === null ? -1 : intArg(hint);
    const lines: string[] = [];
    let total = 0;
    for (;;) {
      const line = this.$nextLine();
      if (line === '') break;
      lines.push(line);
      // IOBase's rule (StringIO has no readlines of its own): stop once a line takes the total past the hint.
      const n = strLen(line);
      if (limit > 0 && n > limit - total) break;
      total += n;
    }
    return lines;
  }

  getvalue(): string {
    this.$check();
    return this.#text;
  }

  seek(pos: unknown, whence: unknown = 0): number {
    const offset = intArg(pos);
    const mode = intArg(whence);
    if (mode !== 0 && mode !== 1 && mode !== 2) throw new ValueError(`Invalid whence (${mode}, should be 0, 1 or 2)`);
    if (mode === 0 && offset < 0) throw new ValueError(`Negative seek position ${offset}`);
    // CPython's message names cur-relative seeks for end-relative ones too.
    if (mode !== 0 && offset !== 0) throw new OSError("Can't do nonzero cur-relative seeks");
    this.$check();
    if (mode === 0) this.$pos = offset;
    else if (mode === 2) this.$pos = this.#length;
    return this.$pos;
  }

  truncate(size?: unknown): number {
    this.$check();
    const n = size === undefined || size === null ? this.$pos : intArg(size);
    if (n < 0) throw new ValueError(`Negative size value ${n}`);
    if (n < this.#length) {
      this.#text = this.#text.slice(0, this.#index(n));
      this.#length = n;
    }
    return n;
  }

  /** A subclass's own readline() gives its lines (CPython's StringIO iterates through it), which must be str. */
  protected $nextLine(): string {
    if (pyClassOf(this) === undefined) return StringIOImpl.prototype.readline.call(this);
    const line = callMethod(this, 'readline');
    if (typeof line !== 'string') throw new OSError(`readline() should have returned a str object, not '${typeName(line)}'`);
    return line;
  }

  protected $atEnd(line: string): boolean {
    return line === '';
  }

}

export const StringIO = callableClass(StringIOImpl);
(StringIO as unknown as { $kw: unknown }).$kw = (args: unknown[], kw: Record<string, unknown>) => new StringIOImpl(...args, kw);
