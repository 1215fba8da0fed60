/**
 * String literals that @babel/generator prints without jsesc. Printable
 * ASCII prints as itself in double quotes, and every other code unit is
 * escaped as jsesc escapes it with the printer's options (`"` and `\`,
 * the one-letter escapes `\n`, `\t`…, `\0` unless a digit follows, `\xHH`
 * below 0x100, `\uHHHH` above, surrogates one by one): the literal's
 * `extra.raw` says so, which spares the printer a jsesc call (a regular
 * expression replace and an options object per literal, and a callback per
 * escaped character: non-ASCII tables such as the codecs' are long). The
 * output is the same either way (quoted.test.ts compares them).
 */
import * as t from './build.js';

/** jsesc's escapes (with double quotes) of the code units below 0x60 it escapes by a letter. */
const ESCAPES: (string | undefined)[] = [];
ESCAPES[0x08] = '\\b';
ESCAPES[0x09] = '\\t';
ESCAPES[0x0a] = '\\n';
ESCAPES[0x0c] = '\\f';
ESCAPES[0x0d] = '\\r';
ESCAPES[0x22] = '\\"';
ESCAPES[0x5c] = '\\\\';

/** A code unit that is not printable ASCII, or is `"` or `\\`: one that is escaped. */
const ESCAPED = /[^ !#-[\]-~]/;

export function quoted(value: string): t.StringLiteral {
  const node = t.stringLiteral(value);
  node.extra = rawExtra(value, quotedText(value));
  return node;
}

/**
 * A literal's `extra`, whose `raw` the printer prints as it is: an
 * instance, not an object literal, for the reason the nodes are
 * (build.ts): it lives as long as the module's tree.
 */
export function rawExtra(rawValue: string, raw: string): { rawValue: string; raw: string } {
  return new RawExtra(rawValue, raw);
}

class RawExtra {
  declare rawValue: string;
  declare raw: string;
  constructor(rawValue: string, raw: string) {
    this.rawValue = rawValue;
    this.raw = raw;
  }
}

/**
 * Code units that JSON.stringify escapes otherwise than jsesc (the other
 * controls, which it writes as `\u00XX`, and lone surrogates) or leaves as
 * they are where jsesc escapes them (DEL and everything above it).
 */
const NOT_AS_JSON = /[\x00-\x07\x0b\x0e-\x1f\x7f-\uffff]/;

/** The literal `value` as the printer prints it. */
export function quotedText(value: string): string {
  // Found by a regular expression: most literals (docstrings among them) have nothing to escape.
  const first = value.search(ESCAPED);
  if (first < 0) return `"${value}"`;
  // Only quotes, backslashes and the controls with a letter escape (docstrings' newlines): JSON's escapes
  // are jsesc's, and JSON.stringify writes them in one native pass, as one flat string.
  return NOT_AS_JSON.test(value) ? escapedFrom(value, first) : JSON.stringify(value);
}

/** `value` quoted, its code units from `first` on escaped where needed. */
function escapedFrom(value: string, first: number): string {
  let raw = `"${value.slice(0, first)}`;
  let from = first;
  for (let i = first; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) continue;
    raw += from === i ? escaped(c, value, i) : value.slice(from, i) + escaped(c, value, i);
    from = i + 1;
  }
  return `${raw}${value.slice(from)}"`;
}

const HEX = '0123456789ABCDEF';

/** jsesc's escape of the code unit `c` at `value[i]`. */
function escaped(c: number, value: string, i: number): string {
  const letter = c < 0x60 ? ESCAPES[c] : undefined;
  if (letter !== undefined) return letter;
  if (c === 0) {
    const next = value.charCodeAt(i + 1);
    return next >= 0x30 && next <= 0x39 ? '\\x00' : '\\0';
  }
  if (c < 0x100) return `\\x${HEX[c >> 4]}${HEX[c & 15]}`;
  return `\\u${HEX[c >> 12]}${HEX[(c >> 8) & 15]}${HEX[(c >> 4) & 15]}${HEX[c & 15]}`;
}
