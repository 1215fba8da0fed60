/**
 * string.Formatter, as CPython's string.py writes it: format → vformat →
 * _vformat, each step a method a subclass may override (parse, get_field,
 * get_value, check_unused_args, format_field, convert_field). parse() reads
 * the format string with str.format's own markup reader.
 */
import { ValueError } from '../../../builtins/exceptions.js';
import { PyDict } from '../../../builtins/dict.js';
import { PySet } from '../../../builtins/set.js';
import { PyTuple, isInt } from '../../../builtins/values.js';
import { callMethod, getattr } from '../../../builtins/attributes.js';
import { getitem } from '../../../builtins/items.js';
import { iterate } from '../../../builtins/iteration.js';
import { repr, str as strOf } from '../../../builtins/repr.js';
import { ascii, format } from '../../../builtins/functions.js';
import { MarkupIterator } from '../../../builtins/str/format.js';
import type { PyClass } from '../../../builtins/classes.js';
import { pyClass, pyFunction } from '../pydef.js';

const Q = 'string';
type Obj = Record<string, unknown>;

/** _string.formatter_parser: (literal, field name, spec, conversion) tuples, None for what a piece lacks. */
function parseFormat(s: string): PyTuple[] {
  const it = new MarkupIterator(s);
  const out: PyTuple[] = [];
  for (let m = it.next(); m !== null; m = it.next()) {
    const f = m.field;
    out.push(f === null ? PyTuple.of<unknown>(m.literal, null, null, null) : PyTuple.of<unknown>(m.literal, f.name, f.spec, f.conversion === '' ? null : f.conversion));
  }
  return out;
}

/** A key of a field name: an int when it is all digits. */
function keyOf(text: string): unknown {
  return /^[0-9]+$/.test(text) ? Number(text) : text;
}

/** _string.formatter_field_name_split: the first part, and the `.attr` / `[key]` parts as (is_attr, name) pairs. */
function splitFieldName(name: string): [unknown, [boolean, unknown][]] {
  let i = 0;
  while (i < name.length && name[i] !== '.' && name[i] !== '[') i++;
  const first = keyOf(name.slice(0, i));
  const rest: [boolean, unknown][] = [];
  while (i < name.length) {
    const c = name[i++];
    if (c === '.') {
      const from = i;
      while (i < name.length && name[i] !== '.' && name[i] !== '[') i++;
      const part = name.slice(from, i);
      if (part.length === 0) throw new ValueError('Empty attribute in format string');
      rest.push([true, part]);
    } else if (c === '[') {
      const from = i;
      while (i < name.length && name[i] !== ']') i++;
      if (i >= name.length) throw new ValueError("Missing ']' in format string");
      const part = name.slice(from, i++);
      if (part.length === 0) throw new ValueError('Empty attribute in format string');
      rest.push([false, keyOf(part)]);
    } else {
      throw new ValueError("Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return [first, rest];
}

/** Formatter._vformat: the text, and the automatic numbering's state (false once fields are numbered by hand). */
function vformatInner(self: Obj, formatString: unknown, args: unknown, kwargs: unknown, used: PySet, depth: number, autoIndex: number | false): [string, number | false] {
  if (depth < 0) throw new ValueError('Max string recursion exceeded');
  let result = '';
  for (const piece of iterate(callMethod(self, 'parse', formatString))) {
    const [literal, fieldName0, spec0, conversion] = [...iterate(piece)];
    if (literal) result += strOf(literal);
    if (fieldName0 === null || fieldName0 === undefined) continue;
    let fieldName = strOf(fieldName0);
    if (fieldName === '') {
      if (autoIndex === false) throw new ValueError('cannot switch from manual field specification to automatic field numbering');
      fieldName = String(autoIndex);
      autoIndex++;
    } else if (/^[0-9]+$/.test(fieldName)) {
      if (autoIndex !== false && autoIndex !== 0) {
        throw new ValueError('cannot switch from manual field specification to automatic field numbering');
      }
      autoIndex = false;
    }
    const [obj, argUsed] = [...iterate(callMethod(self, 'get_field', fieldName, args, kwargs))];
    used.add(argUsed);
    const converted = callMethod(self, 'convert_field', obj, conversion);
    const [spec, nextIndex] = vformatInner(self, spec0, args, kwargs, used, depth - 1, autoIndex);
    autoIndex = nextIndex;
    result += strOf(callMethod(self, 'format_field', converted, spec));
  }
  return [result, autoIndex];
}

export const Formatter: PyClass = pyClass('Formatter', Q, [], {
  format: pyFunction('self, format_string, /, *args, **kwargs', 'Formatter.format', Q, (self: Obj, formatString: unknown, args: PyTuple, kwargs: PyDict) =>
    callMethod(self, 'vformat', formatString, args, kwargs)),
  vformat: pyFunction('self, format_string, args, kwargs', 'Formatter.vformat', Q, (self: Obj, formatString: unknown, args: unknown, kwargs: unknown) => {
    const used = new PySet();
    const [result] = vformatInner(self, formatString, args, kwargs, used, 2, 0);
    callMethod(self, 'check_unused_args', used, args, kwargs);
    return result;
  }),
  get_value: pyFunction('self, key, args, kwargs', 'Formatter.get_value', Q, (_self: Obj, key: unknown, args: unknown, kwargs: unknown) =>
    isInt(key) ? getitem(args, key) : getitem(kwargs, key)),
  check_unused_args: pyFunction('self, used_args, args, kwargs', 'Formatter.check_unused_args', Q, () => null),
  format_field: pyFunction('self, value, format_spec', 'Formatter.format_field', Q, (_self: Obj, value: unknown, spec: unknown) => format(value, spec)),
  convert_field: pyFunction('self, value, conversion', 'Formatter.convert_field', Q, (_self: Obj, value: unknown, conversion: unknown) => {
    if (conversion === null || conversion === undefined) return value;
    if (conversion === 's') return strOf(value);
    if (conversion === 'r') return repr(value);
    if (conversion === 'a') return ascii(value);
    throw new ValueError(`Unknown conversion specifier ${strOf(conversion)}`);
  }),
  parse: pyFunction('self, format_string', 'Formatter.parse', Q, (_self: Obj, formatString: unknown) =>
    parseFormat(strOf(formatString))[Symbol.iterator]()),
  get_field: pyFunction('self, field_name, args, kwargs', 'Formatter.get_field', Q, (self: Obj, fieldName: unknown, args: unknown, kwargs: unknown) => {
    const [first, rest] = splitFieldName(strOf(fieldName));
    let obj = callMethod(self, 'get_value', first, args, kwargs);
    for (const [isAttr, key] of rest) obj = isAttr ? getattr(obj, key as string) : getitem(obj, key);
    return PyTuple.of(obj, first);
  }),
});

