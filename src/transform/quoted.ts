/**
 * String literals that @babel/generator prints without jsesc. Printable
 * ASCII prints as itself in double quotes, with `"`, `\` and the control
 * characters that have a one-letter escape (`\n`, `\t`…) escaped as jsesc
 * escapes them: the literal's `extra.raw` says so, which spares the printer
 * a jsesc call (a regular expression replace and an options object per
 * literal) for most of the literals the transform makes. Strings with other
 * characters are left to jsesc. The output is the same either way.
 */
import * as t from './build.js';

/** jsesc's escapes (with double quotes) of the code units below 0x60 it escapes by a letter; other control characters are not handled here. */
const ESCAPES: (string | undefined)[] = [];
ESCAPES[0x08] = '\\b';
ESCAPES[0x09] = '\\t';
ESCAPES[0x0a] = '\\n';
ESCAPES[0x0c] = '\\f';
ESCAPES[0x0d] = '\\r';
ESCAPES[0x22] = '\\"';
ESCAPES[0x5c] = '\\\\';

export function quoted(value: string): t.StringLiteral {
  const node = t.stringLiteral(value);
  let raw = '"';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) continue;
    const escape = c < 0x60 ? ESCAPES[c] : undefined;
    if (escape === undefined) return node;
    raw += value.slice(from, i) + escape;
    from = i + 1;
  }
  raw += from === 0 ? `${value}"` : `${value.slice(from)}"`;
  node.extra = { rawValue: value, raw };
  return node;
}
