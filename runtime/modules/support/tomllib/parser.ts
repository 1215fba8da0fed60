/**
 * A TOML 1.0 reader (https://toml.io/en/v1.0.0 and its ABNF) with the
 * choices and messages of Python 3.11's tomllib: a hand-written scanner
 * over char codes with one cursor. Where a rule is broken the error names
 * the place tomllib names (usually where the cursor stands when the
 * problem shows), so the "(at line N, column M)" suffixes agree.
 *
 * The result is built from Python values: a dict of str keys, lists, str,
 * int, float (through parse_float), bool and datetime's date, time and
 * datetime.
 */
import { ValueError } from '../../../builtins/exceptions.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyTuple, intFromBigInt } from '../../../builtins/values.js';
import { repr } from '../../../builtins/repr.js';
import { PyTraceback } from '../../../builtins/tracebackObjects.js';
import { decodeError } from './decodeError.js';
import { Namespaces } from './namespaces.js';
import { BARE, CTRL, HEX, isIn, scanDatetime, scanLocalTime, scanNumber, type ZoneCache } from './scalars.js';

/** Makes a float from its text: parse_float. */
export type FloatMaker = (text: string) => unknown;
/** Makes an int from decimal text with a sign (underscores removed), for those too long to convert directly. */
export type LongIntMaker = (text: string) => unknown;

const TAB = 0x09;
const LF = 0x0a;
const SPACE = 0x20;
const QUOTE = 0x22;
const HASH = 0x23;
const APOS = 0x27;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const EQUALS = 0x3d;
const LBRACKET = 0x5b;
const BACKSLASH = 0x5c;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;

/** The one-character escapes of basic strings. */
const ESCAPES: Readonly<Record<string, string>> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };

/** Decimal integers of up to this many digits convert exactly through a JS number. */
const SAFE_DIGITS = 15;

function isList(v: unknown): v is unknown[] {
  return Array.isArray(v) && !(v instanceof PyTuple);
}

/** The key path as tomllib shows it in messages: a tuple's repr. */
function keyRepr(path: readonly string[]): string {
  return repr(PyTuple.fromArray(path));
}

/** A JS error with no stack frames. */
function stackless(): Error {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new Error();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

class Parser {
  private pos = 0;
  /** The header of the current section (empty before the first). */
  private section: string[] = [];
  private readonly namespaces = new Namespaces();
  readonly root = new PyDict<string, unknown>();
  private readonly zones: ZoneCache = new Map();

  constructor(
    private readonly src: string,
    private readonly makeFloat: FloatMaker,
    private readonly makeLongInt: LongIntMaker,
  ) {}

  private fail(at: number, msg: string): never {
    throw decodeError(this.src, at, msg);
  }

  private at(i: number): number {
    return this.src.charCodeAt(i);
  }

  /** ws = *( " " / "\t" ) */
  private skipWs(): void {
    let c = this.at(this.pos);
    while (c === SPACE || c === TAB) c = this.at(++this.pos);
  }

  /** Spaces, tabs and newlines, for the gaps inside arrays and multi-line strings. */
  private skipWsAndNewlines(): void {
    let c = this.at(this.pos);
    while (c === SPACE || c === TAB || c === LF) c = this.at(++this.pos);
  }

  /**
   * The JS index of the first of `delimiter` from the cursor, or the end;
   * `endMessage` fails at the end when there is none. Then a character of
   * class CTRL before it (other than tab, and newline when `newlines`) is
   * an error, found even after the delimiter is known to be missing
   * further on, as tomllib finds it.
   */
  private skipUntil(delimiter: string, newlines: boolean, endMessage: string | null): number {
    const src = this.src;
    let end = src.indexOf(delimiter, this.pos);
    if (end < 0) {
      end = src.length;
      if (endMessage !== null) this.fail(end, endMessage);
    }
    for (let i = this.pos; i < end; i++) {
      const c = src.charCodeAt(i);
      if (isIn(c, CTRL) && c !== TAB && !(newlines && c === LF)) this.fail(i, `Found invalid character ${repr(src[i])}`);
    }
    return end;
  }

  /** comment = "#" *non-eol: up to the newline, which stays. */
  private skipComment(): void {
    if (this.at(this.pos) === HASH) {
      this.pos++;
      this.pos = this.skipUntil('\n', false, null);
    }
  }

  /** ws-comment-newline of arrays: any mix of whitespace, newlines and comments. */
  private skipArrayGap(): void {
    for (;;) {
      const before = this.pos;
      this.skipWsAndNewlines();
      this.skipComment();
      if (this.pos === before) return;
    }
  }

  // toml = expression *( newline expression )
  // expression = ws [ comment ] / ws keyval ws [ comment ] / ws table ws [ comment ]
  parseDocument(): void {
    const src = this.src;
    for (;;) {
      this.skipWs();
      if (this.pos >= src.length) return;
      const c = this.at(this.pos);
      if (c === LF) {
        this.pos++;
        continue;
      }
      if (isIn(c, BARE) || c === QUOTE || c === APOS) {
        this.keyValueStatement();
        this.skipWs();
      } else if (c === LBRACKET) {
        this.namespaces.closeSection();
        if (this.at(this.pos + 1) === LBRACKET) this.arrayTableHeader();
        else this.tableHeader();
        this.skipWs();
      } else if (c !== HASH) {
        this.fail(this.pos, 'Invalid statement');
      }
      this.skipComment();
      if (this.pos >= src.length) return;
      if (this.at(this.pos) !== LF) this.fail(this.pos, 'Expected newline or end of document after a statement');
      this.pos++;
    }
  }

  /**
   * The dict at `path` from `table`, made (empty) where missing; through
   * an array of tables, its last element when `throughArrays`. Null when a
   * value other than a table is in the way.
   */
  private static tableAt(table: PyDict<string, unknown>, path: readonly string[], throughArrays: boolean): PyDict<string, unknown> | null {
    let current: unknown = table;
    for (const part of path) {
      const dict = current as PyDict<string, unknown>;
      current = dict.$get(part);
      if (current === undefined) dict.$set(part, (current = new PyDict<string, unknown>()));
      if (throughArrays && isList(current)) current = current[current.length - 1];
      if (!(current instanceof PyDict)) return null;
    }
    return current as PyDict<string, unknown>;
  }

  // std-table = "[" ws key ws "]"
  private tableHeader(): void {
    this.pos++;
    this.skipWs();
    const key = this.key();
    const ns = this.namespaces;
    if (ns.isDeclared(key) || ns.isSealed(key)) this.fail(this.pos, `Cannot declare ${keyRepr(key)} twice`);
    ns.declare(key);
    if (Parser.tableAt(this.root, key, true) === null) this.fail(this.pos, 'Cannot overwrite a value');
    if (this.at(this.pos) !== RBRACKET) this.fail(this.pos, "Expected ']' at the end of a table declaration");
    this.pos++;
    this.section = key;
  }

  // array-table = "[[" ws key ws "]]"
  private arrayTableHeader(): void {
    this.pos += 2;
    this.skipWs();
    const key = this.key();
    const ns = this.namespaces;
    if (ns.isSealed(key)) this.fail(this.pos, `Cannot mutate immutable namespace ${keyRepr(key)}`);
    // A new element: what was declared under the previous one may be declared again, but not this array as a table.
    ns.forget(key);
    ns.declare(key);
    const parent = Parser.tableAt(this.root, key.slice(0, -1), true);
    if (parent === null) this.fail(this.pos, 'Cannot overwrite a value');
    const name = key[key.length - 1]!;
    const elements = parent.$get(name);
    if (elements === undefined) parent.$set(name, [new PyDict()]);
    else if (isList(elements)) elements.push(new PyDict());
    else this.fail(this.pos, 'Cannot overwrite a value');
    if (this.at(this.pos) !== RBRACKET || this.at(this.pos + 1) !== RBRACKET) {
      this.fail(this.pos, "Expected ']]' at the end of an array declaration");
    }
    this.pos += 2;
    this.section = key;
  }

  /** A keyval statement of the current section; errors about the key are found after the value. */
  private keyValueStatement(): void {
    const [key, value] = this.keyValue();
    const ns = this.namespaces;
    const section = this.section;
    for (let i = 1; i < key.length; i++) {
      const path = [...section, ...key.slice(0, i)];
      if (ns.isDeclared(path)) this.fail(this.pos, `Cannot redefine namespace ${keyRepr(path)}`);
      ns.madeByDottedKey(path);
    }
    const parentPath = key.length === 1 ? section : [...section, ...key.slice(0, -1)];
    if (ns.isSealed(parentPath)) this.fail(this.pos, `Cannot mutate immutable namespace ${keyRepr(parentPath)}`);
    const parent = Parser.tableAt(this.root, parentPath, true);
    const name = key[key.length - 1]!;
    if (parent === null || parent.$has(name)) this.fail(this.pos, 'Cannot overwrite a value');
    if (value instanceof PyDict || isList(value)) ns.seal([...section, ...key]);
    parent.$set(name, value);
  }

  // keyval = key keyval-sep val
  private keyValue(): [string[], unknown] {
    const key = this.key();
    if (this.at(this.pos) !== EQUALS) this.fail(this.pos, "Expected '=' after a key in a key/value pair");
    this.pos++;
    this.skipWs();
    return [key, this.value()];
  }

  // key = simple-key / dotted-key; dotted-key = simple-key 1*( dot-sep simple-key ); the whitespace after it is skipped.
  private key(): string[] {
    const parts = [this.keyPart()];
    this.skipWs();
    while (this.at(this.pos) === DOT) {
      this.pos++;
      this.skipWs();
      parts.push(this.keyPart());
      this.skipWs();
    }
    return parts;
  }

  // simple-key = quoted-key / unquoted-key
  private keyPart(): string {
    const c = this.at(this.pos);
    if (isIn(c, BARE)) {
      const start = this.pos;
      while (isIn(this.at(++this.pos), BARE));
      return this.src.slice(start, this.pos);
    }
    if (c === APOS) return this.literalString();
    if (c === QUOTE) return this.basicString();
    return this.fail(this.pos, 'Invalid initial character for a key part');
  }

  // val = string / boolean / array / inline-table / date-time / float / integer
  private value(): unknown {
    const src = this.src;
    const pos = this.pos;
    const c = this.at(pos);
    switch (c) {
      case QUOTE:
        return src.startsWith('"""', pos) ? this.multilineBasicString() : this.basicString();
      case APOS:
        return src.startsWith("'''", pos) ? this.multilineLiteralString() : this.literalString();
      case 0x74: // t
        if (src.startsWith('true', pos)) {
          this.pos += 4;
          return true;
        }
        break;
      case 0x66: // f
        if (src.startsWith('false', pos)) {
          this.pos += 5;
          return false;
        }
        break;
      case LBRACKET:
        return this.array();
      case LBRACE:
        return this.inlineTable();
    }
    // Dates and times before numbers: a number is a prefix of a date.
    const moment = scanDatetime(src, pos, this.zones, (cause) => this.invalidDate(pos, cause)) ?? scanLocalTime(src, pos);
    if (moment !== null) {
      this.pos = moment[1];
      return moment[0];
    }
    const number = scanNumber(src, pos);
    if (number !== null) {
      this.pos = number.end;
      const text = src.slice(pos, number.end);
      // parse_float gets the text as written, underscores included (float() accepts them).
      if (number.float) return this.makeFloat(text);
      const digits = text.includes('_') ? text.replaceAll('_', '') : text;
      if (number.radix !== 10) return intFromBigInt(BigInt(digits));
      return digits.length <= SAFE_DIGITS ? Number(digits) + 0 : this.makeLongInt(digits);
    }
    // special-float = [ minus / plus ] ( inf / nan )
    const signed = c === PLUS || c === MINUS ? 1 : 0;
    const word = src.slice(pos + signed, pos + signed + 3);
    if (word === 'inf' || word === 'nan') {
      this.pos = pos + signed + 3;
      return this.makeFloat(src.slice(pos, this.pos));
    }
    return this.fail(pos, 'Invalid value');
  }

  private invalidDate(pos: number, cause: ValueError): never {
    const error = decodeError(this.src, pos, 'Invalid date or datetime') as Error & Record<string, unknown>;
    // CPython's cause was raised and caught inside tomllib: a traceback with none of the program's frames.
    if (cause.__traceback__ === null) cause.__traceback__ = new PyTraceback(stackless(), cause);
    error['__cause__'] = cause;
    error['__context__'] = cause;
    error['__suppress_context__'] = true;
    throw error;
  }

  // array = "[" [ array-values ] ws-comment-newline "]"; a trailing comma is allowed
  private array(): unknown[] {
    this.pos++;
    const items: unknown[] = [];
    this.skipArrayGap();
    if (this.at(this.pos) === RBRACKET) {
      this.pos++;
      return items;
    }
    for (;;) {
      items.push(this.value());
      this.skipArrayGap();
      const c = this.at(this.pos);
      if (c === RBRACKET) {
        this.pos++;
        return items;
      }
      if (c !== COMMA) this.fail(this.pos, 'Unclosed array');
      this.pos++;
      this.skipArrayGap();
      if (this.at(this.pos) === RBRACKET) {
        this.pos++;
        return items;
      }
    }
  }

  // inline-table = "{" ws [ inline-table-keyvals ] ws "}": on one line, no trailing comma
  private inlineTable(): PyDict<string, unknown> {
    this.pos++;
    const table = new PyDict<string, unknown>();
    this.skipWs();
    if (this.at(this.pos) === RBRACE) {
      this.pos++;
      return table;
    }
    // Only the values followed by a comma are sealed here (what a last one holds is never reached again).
    const sealed = new Namespaces();
    for (;;) {
      const [key, value] = this.keyValue();
      if (sealed.isSealed(key)) this.fail(this.pos, `Cannot mutate immutable namespace ${keyRepr(key)}`);
      const parent = Parser.tableAt(table, key.slice(0, -1), false);
      if (parent === null) this.fail(this.pos, 'Cannot overwrite a value');
      const name = key[key.length - 1]!;
      if (parent.$has(name)) this.fail(this.pos, `Duplicate inline table key ${repr(name)}`);
      parent.$set(name, value);
      this.skipWs();
      const c = this.at(this.pos);
      if (c === RBRACE) {
        this.pos++;
        return table;
      }
      if (c !== COMMA) this.fail(this.pos, 'Unclosed inline table');
      if (value instanceof PyDict || isList(value)) sealed.seal(key);
      this.pos++;
      this.skipWs();
    }
  }

  // literal-string = apostrophe *literal-char apostrophe
  private literalString(): string {
    const start = ++this.pos;
    const end = this.skipUntil("'", false, 'Expected "\'"');
    this.pos = end + 1;
    return this.src.slice(start, end);
  }

  // ml-literal-string = ml-literal-string-delim [ newline ] ml-literal-body ml-literal-string-delim
  private multilineLiteralString(): string {
    this.pos += 3;
    if (this.at(this.pos) === LF) this.pos++;
    const start = this.pos;
    const end = this.skipUntil("'''", true, 'Expected "\'\'\'"');
    this.pos = end + 3;
    return this.src.slice(start, end) + this.closingExtras(APOS, "'");
  }

  /** Up to two more quotes right after a closing triple belong to the string: `''''x'''''` is `'x''`. */
  private closingExtras(quote: number, ch: string): string {
    if (this.at(this.pos) !== quote) return '';
    this.pos++;
    if (this.at(this.pos) !== quote) return ch;
    this.pos++;
    return ch + ch;
  }

  // basic-string = quotation-mark *basic-char quotation-mark
  private basicString(): string {
    this.pos++;
    return this.basicBody(false);
  }

  // ml-basic-string = ml-basic-string-delim [ newline ] ml-basic-body ml-basic-string-delim
  private multilineBasicString(): string {
    this.pos += 3;
    if (this.at(this.pos) === LF) this.pos++;
    return this.basicBody(true) + this.closingExtras(QUOTE, '"');
  }

  /** The text of a basic string from the cursor to its closing quote(s), escapes resolved; the cursor ends past them. */
  private basicBody(multiline: boolean): string {
    const src = this.src;
    let text = '';
    let start = this.pos;
    let pos = this.pos;
    for (;;) {
      if (pos >= src.length) this.fail(pos, 'Unterminated string');
      const c = src.charCodeAt(pos);
      if (c === QUOTE) {
        if (!multiline) {
          this.pos = pos + 1;
          return text + src.slice(start, pos);
        }
        if (src.startsWith('"""', pos)) {
          this.pos = pos + 3;
          return text + src.slice(start, pos);
        }
        pos++;
      } else if (c === BACKSLASH) {
        text += src.slice(start, pos);
        this.pos = pos;
        text += this.escape(multiline);
        start = pos = this.pos;
      } else if (isIn(c, CTRL) && c !== TAB && !(multiline && c === LF)) {
        this.fail(pos, `Illegal character ${repr(src[pos])}`);
      } else {
        pos++;
      }
    }
  }

  /** escaped = escape escape-seq-char, at the cursor; in multi-line strings also the line-ending backslash. */
  private escape(multiline: boolean): string {
    const src = this.src;
    const kind = src[this.pos + 1];
    this.pos += 2;
    if (multiline && (kind === ' ' || kind === '\t' || kind === '\n')) {
      // A backslash ending a line (spaces may follow it) removes the whitespace and newlines up to the next text.
      if (kind !== '\n') {
        this.skipWs();
        if (this.pos >= src.length) return '';
        if (this.at(this.pos) !== LF) this.fail(this.pos, "Unescaped '\\' in a string");
        this.pos++;
      }
      this.skipWsAndNewlines();
      return '';
    }
    if (kind === 'u') return this.hexEscape(4);
    if (kind === 'U') return this.hexEscape(8);
    const replacement = kind === undefined ? undefined : ESCAPES[kind];
    if (replacement === undefined) this.fail(this.pos, "Unescaped '\\' in a string");
    return replacement;
  }

  /** \uXXXX or \UXXXXXXXX: `digits` hex digits naming a Unicode scalar value (no surrogates). */
  private hexEscape(digits: number): string {
    const start = this.pos;
    for (let i = start; i < start + digits; i++) {
      if (!isIn(this.at(i), HEX)) this.fail(start, 'Invalid hex value');
    }
    this.pos += digits;
    const code = parseInt(this.src.slice(start, this.pos), 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      this.fail(this.pos, 'Escaped character is not a Unicode scalar value');
    }
    return String.fromCodePoint(code);
  }
}

/** The dict of TOML document `src` (CRLF already made LF). */
export function parseToml(src: string, makeFloat: FloatMaker, makeLongInt: LongIntMaker): PyDict<string, unknown> {
  const parser = new Parser(src, makeFloat, makeLongInt);
  parser.parseDocument();
  return parser.root;
}
