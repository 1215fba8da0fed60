/**
 * Replacement templates of sub() and Match.expand(): literal text with
 * `\1`, `\g<1>`, `\g<name>` group references and the escapes `\n`, `\t`…
 * CPython's errors and positions. Bytes templates arrive as latin-1 text.
 */
import { IndexError } from '../../../builtins/exceptions.js';
import { PatternError, Tokenizer, isIdentifier, len, pyQuote } from './parser.js';

/** Literal pieces (strings) and group numbers, in order. */
export type Template = (string | number)[];


const ESCAPES: Record<string, string> = {
  '\\a': '\x07', '\\b': '\b', '\\f': '\f', '\\n': '\n', '\\r': '\r', '\\t': '\t', '\\v': '\v', '\\\\': '\\',
};
const DIGITS = '0123456789';
const OCTDIGITS = '01234567';

export function parseTemplate(source: string, groups: number, groupindex: ReadonlyMap<string, number>): Template {
  const s = new Tokenizer(source);
  const out: Template = [];
  let literal = '';
  const addGroup = (index: number, pos: number): void => {
    if (index > groups) throw s.error(`invalid group reference ${index}`, pos);
    if (literal !== '') out.push(literal);
    literal = '';
    out.push(index);
  };
  for (;;) {
    let t = s.get();
    if (t === null) break;
    if (t[0] !== '\\') {
      literal += t;
      continue;
    }
    const c = t[1]!;
    if (c === 'g') {
      if (!s.match('<')) throw s.error('missing <');
      const name = s.getuntil('>', 'group name');
      let index: number;
      if (isIdentifier(name)) {
        const g = groupindex.get(name);
        if (g === undefined) throw new IndexError(`unknown group name ${pyQuote(name)}`);
        index = g;
      } else {
        if (!/^\s*\+?[0-9](?:_?[0-9])*\s*$/.test(name)) throw s.error(`bad character in group name ${pyQuote(name)}`, len(name) + 1);
        index = Number(name.trim().replace(/_/g, ''));
        if (index >= 1073741823) throw s.error(`invalid group reference ${index}`, len(name) + 1);
      }
      addGroup(index, len(name) + 1);
    } else if (c === '0') {
      if (s.next !== null && OCTDIGITS.includes(s.next)) {
        t += s.get()!;
        if (s.next !== null && OCTDIGITS.includes(s.next)) t += s.get()!;
      }
      literal += String.fromCharCode(parseInt(t.slice(1), 8) & 0xff);
    } else if (DIGITS.includes(c)) {
      let octal = false;
      if (s.next !== null && DIGITS.includes(s.next)) {
        t += s.get()!;
        if (OCTDIGITS.includes(c) && OCTDIGITS.includes(t[2]!) && s.next !== null && OCTDIGITS.includes(s.next)) {
          t += s.get()!;
          octal = true;
          const v = parseInt(t.slice(1), 8);
          if (v > 0o377) throw s.error(`octal escape value ${t} outside of range 0-0o377`, t.length);
          literal += String.fromCharCode(v);
        }
      }
      if (!octal) addGroup(Number(t.slice(1)), t.length - 1);
    } else {
      const e = ESCAPES[t];
      if (e !== undefined) literal += e;
      else {
        if (/^[a-zA-Z]$/.test(c)) throw s.error(`bad escape ${t}`, t.length);
        literal += t;
      }
    }
  }
  if (literal !== '') out.push(literal);
  return out;
}

export { PatternError };
