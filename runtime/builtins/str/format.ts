/**
 * `str.format` and `str.format_map`: CPython's MarkupIterator, reading one
 * replacement field at a time (so an error late in the string comes after
 * the errors of earlier fields, as in CPython), auto/manual numbering,
 * `.attr` and `[key]` lookups, `!r !s !a` and nested specs.
 */
import { IndexError, KeyError, ValueError } from '../exceptions.js';
import { repr, str } from '../repr.js';
import { oneArg } from './args.js';
import { formatValue } from './formatSpec.js';
import { getattr, getitem } from './hooks.js';
import { ascii } from './repr.js';

/** Where field values come from. */
interface Source {
  /** Positional arguments, or null for format_map (which has none). */
  args: readonly unknown[] | null;
  /** A keyword's value; throws when it is missing. */
  keyword(name: string): unknown;
}

/** Field numbering so far: none yet, automatic ('{}') or manual ('{0}'). */
const Numbering = { Init: 0, Auto: 1, Manual: 2 } as const;
type Numbering = (typeof Numbering)[keyof typeof Numbering];

interface State {
  numbering: Numbering;
  next: number;
}

/** One piece of markup: literal text, then maybe a field. */
interface Markup {
  literal: string;
  field: { name: string; spec: string; expand: boolean; conversion: string } | null;
}

export class MarkupIterator {
  pos = 0;

  constructor(private readonly s: string) {}

  /** The next piece, or null at the end (CPython's MarkupIterator_next). */
  next(): Markup | null {
    const s = this.s;
    const end = s.length;
    if (this.pos >= end) return null;
    const start = this.pos;
    let c = '';
    let markup = false;
    while (this.pos < end) {
      c = s[this.pos++]!;
      if (c === '{' || c === '}') {
        markup = true;
        break;
      }
    }
    const atEnd = this.pos >= end;
    let len = this.pos - start;
    if (c === '}' && (atEnd || s[this.pos] !== '}')) throw new ValueError("Single '}' encountered in format string");
    if (atEnd && c === '{') throw new ValueError("Single '{' encountered in format string");
    if (!atEnd) {
      if (s[this.pos] === c) {
        // '{{' or '}}': the brace is literal text.
        this.pos++;
        markup = false;
      } else {
        len--;
      }
    }
    const literal = s.slice(start, start + len);
    if (!markup) return { literal, field: null };
    return { literal, field: this.parseField() };
  }

  private parseField(): NonNullable<Markup['field']> {
    const s = this.s;
    const end = s.length;
    const nameStart = this.pos;
    let c = '';
    while (this.pos < end) {
      c = s[this.pos++]!;
      if (c === '{') throw new ValueError("unexpected '{' in field name");
      if (c === '[') {
        while (this.pos < end && s[this.pos] !== ']') this.pos++;
        continue;
      }
      if (c === '}' || c === ':' || c === '!') break;
    }
    const name = s.slice(nameStart, this.pos - 1);
    if (c !== '!' && c !== ':') {
      if (c !== '}') throw new ValueError("expected '}' before end of string");
      return { name, spec: '', expand: false, conversion: '' };
    }
    let conversion = '';
    if (c === '!') {
      if (this.pos >= end) throw new ValueError('end of string while looking for conversion specifier');
      conversion = String.fromCodePoint(s.codePointAt(this.pos)!);
      this.pos += conversion.length;
      if (this.pos < end) {
        const d = s[this.pos++];
        if (d === '}') return { name, spec: '', expand: false, conversion };
        if (d !== ':') throw new ValueError("expected ':' after conversion specifier");
      }
    }
    const specStart = this.pos;
    let depth = 1;
    let expand = false;
    while (this.pos < end) {
      const d = s[this.pos++];
      if (d === '{') {
        expand = true;
        depth++;
      } else if (d === '}' && --depth === 0) {
        return { name, spec: s.slice(specStart, this.pos - 1), expand, conversion };
      }
    }
    throw new ValueError("unmatched '{' in format spec");
  }
}

/** A field name's leading integer, or -1 (only ASCII digits: CPython also takes other decimal digits). */
function parseIndex(text: string): number {
  if (text.length === 0 || !/^[0-9]+$/.test(text)) return -1;
  if (text.length > 18 && BigInt(text) > 9223372036854775807n) {
    throw new ValueError('Too many decimal digits in format string');
  }
  return Number(text);
}

function fieldValue(name: string, source: Source, state: State): unknown {
  let i = 0;
  while (i < name.length && name[i] !== '.' && name[i] !== '[') i++;
  const first = name.slice(0, i);
  let index = parseIndex(first);
  const empty = first.length === 0;
  if (empty || index >= 0) {
    if (state.numbering === Numbering.Init) state.numbering = empty ? Numbering.Auto : Numbering.Manual;
    if (state.numbering === Numbering.Manual && empty) {
      throw new ValueError('cannot switch from manual field specification to automatic field numbering');
    }
    if (state.numbering === Numbering.Auto && !empty) {
      throw new ValueError('cannot switch from automatic field numbering to manual field specification');
    }
    if (empty) index = state.next++;
  }
  let obj: unknown;
  if (index < 0) {
    obj = source.keyword(first);
  } else {
    if (source.args === null) throw new ValueError('Format string contains positional fields');
    if (index >= source.args.length) {
      throw new IndexError(`Replacement index ${index} out of range for positional args tuple`);
    }
    obj = source.args[index];
  }
  // The rest: `.attr` and `[key]`, applied as they are read.
  while (i < name.length) {
    const c = name[i++];
    let part: string;
    if (c === '.') {
      const from = i;
      while (i < name.length && name[i] !== '.' && name[i] !== '[') i++;
      part = name.slice(from, i);
      if (part.length === 0) throw new ValueError('Empty attribute in format string');
      obj = getattr(obj, part);
    } else if (c === '[') {
      const from = i;
      while (i < name.length && name[i] !== ']') i++;
      if (i >= name.length) throw new ValueError("Missing ']' in format string");
      part = name.slice(from, i++);
      if (part.length === 0) throw new ValueError('Empty attribute in format string');
      const key = parseIndex(part);
      obj = getitem(obj, key >= 0 ? key : part);
    } else {
      throw new ValueError("Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return obj;
}

function convert(value: unknown, conversion: string): unknown {
  switch (conversion) {
    case '':
      return value;
    case 'r':
      return repr(value);
    case 's':
      return str(value);
    case 'a':
      return ascii(value);
  }
  const c = conversion.codePointAt(0)!;
  throw new ValueError(`Unknown conversion specifier ${c > 32 && c < 127 ? conversion : '\\x' + c.toString(16)}`);
}

function build(format: string, source: Source, state: State, depth: number): string {
  if (depth <= 0) throw new ValueError('Max string recursion exceeded');
  const it = new MarkupIterator(format);
  let out = '';
  for (let m = it.next(); m !== null; m = it.next()) {
    out += m.literal;
    const f = m.field;
    if (f === null) continue;
    const value = convert(fieldValue(f.name, source, state), f.conversion);
    const spec = f.expand ? build(f.spec, source, state, depth - 1) : f.spec;
    out += formatValue(value, spec);
  }
  return out;
}

/** Keyword arguments as the call layer passes them: a plain object or a Map. */
export type FormatKwargs = Readonly<Record<string, unknown>> | ReadonlyMap<string, unknown> | null | undefined;

/** `s.format(*args, **kwargs)`. */
export function strFormat(s: string, args: readonly unknown[], kwargs?: FormatKwargs): string {
  if (!s.includes('{') && !s.includes('}')) return s;
  const source: Source = {
    args,
    keyword(name) {
      if (kwargs instanceof Map) {
        if (kwargs.has(name)) return kwargs.get(name);
      } else if (kwargs && Object.prototype.hasOwnProperty.call(kwargs, name)) {
        return (kwargs as Readonly<Record<string, unknown>>)[name];
      }
      throw new KeyError(name);
    },
  };
  return build(s, source, { numbering: Numbering.Init, next: 0 }, 2);
}

/** `s.format(*args)`: the method as STR_METHODS calls it (keywords go through strFormat). */
export function str_format(s: string, ...args: unknown[]): string {
  return strFormat(s, args, null);
}

/** `s.format_map(mapping)`: keys looked up with `mapping[key]`. */
export function str_format_map(s: string, mapping: unknown): string {
  if (arguments.length !== 2) oneArg('str.format_map', arguments.length - 1);
  const source: Source = { args: null, keyword: (name) => getitem(mapping, name) };
  return build(s, source, { numbering: Numbering.Init, next: 0 }, 2);
}
