/**
 * The format-spec mini-language: the parser every type's `__format__`
 * shares (CPython's parse_internal_render_format_spec, errors included),
 * str's own formatting, and `format(value, spec)` dispatching to the
 * modules that own the other types.
 */
import { MemoryError, TypeError, ValueError } from '../exceptions.js';
import { str } from '../repr.js';
import { PyComplex, PyFloat, typeName } from '../values.js';
import { MAX_STRING_UNITS, codePoints, cpLength, fromCodePoints } from './core.js';

export interface FormatSpec {
  /** One character ('' when not given: the type's default, a space). */
  fill: string;
  /** '' when not given. */
  align: '' | '<' | '>' | '^' | '=';
  sign: '' | '+' | '-' | ' ';
  /** 'z': negative zero becomes positive. */
  noNegZero: boolean;
  /** '#'. */
  alternate: boolean;
  /** -1 when not given. */
  width: number;
  grouping: '' | ',' | '_';
  /** -1 when not given. */
  precision: number;
  /** The presentation type, or the default given to the parser. */
  type: string;
}

/** The hooks that format other types than str. */
export const formatHooks: {
  /** `format(v, spec)` for int, bool (spec not empty), float and complex. */
  number?: (value: number | bigint | boolean | PyFloat | PyComplex, spec: string) => string;
  /** A user object's `__format__`, or undefined when it has none. */
  object?: (value: object, spec: string) => string | undefined;
} = {};

const ALIGNS = '<>^=';

/** How CPython quotes a presentation type in messages: printable ASCII as is, else `\x` + hex. */
export function formatCodeText(type: string): string {
  const c = type.codePointAt(0)!;
  return c > 32 && c < 128 ? type : '\\x' + c.toString(16);
}

function parseNumber(cps: number[], pos: number): [number, number] {
  let value = 0;
  let digits = '';
  let i = pos;
  while (i < cps.length && cps[i]! >= 0x30 && cps[i]! <= 0x39) {
    digits += String.fromCharCode(cps[i]!);
    value = value * 10 + (cps[i]! - 0x30);
    i++;
  }
  if (digits.length > 18 && BigInt(digits) > 9223372036854775807n) {
    throw new ValueError('Too many decimal digits in format string');
  }
  return [i === pos ? -1 : value, i];
}

/**
 * Parses `spec` for an object of type `objType` (named in errors), with
 * `defaultType` when the spec gives none and `defaultAlign` ('<' for str,
 * '>' for numbers, which makes the '0' flag mean '=' alignment).
 */
export function parseFormatSpec(spec: string, objType: string, defaultType: string, defaultAlign: '<' | '>'): FormatSpec {
  const f: FormatSpec = {
    fill: '',
    align: '',
    sign: '',
    noNegZero: false,
    alternate: false,
    width: -1,
    grouping: '',
    precision: -1,
    type: defaultType,
  };
  if (spec.length === 0) return f;
  const cps = codePoints(spec);
  const n = cps.length;
  let pos = 0;
  let fillGiven = false;
  if (n >= 2 && ALIGNS.includes(String.fromCharCode(cps[1]!))) {
    f.fill = String.fromCodePoint(cps[0]!);
    f.align = String.fromCharCode(cps[1]!) as FormatSpec['align'];
    fillGiven = true;
    pos = 2;
  } else if (n >= 1 && ALIGNS.includes(String.fromCharCode(cps[0]!))) {
    f.align = String.fromCharCode(cps[0]!) as FormatSpec['align'];
    pos = 1;
  }
  const c0 = cps[pos];
  if (c0 === 0x2b || c0 === 0x2d || c0 === 0x20) {
    f.sign = String.fromCharCode(c0) as FormatSpec['sign'];
    pos++;
  }
  if (cps[pos] === 0x7a) {
    f.noNegZero = true;
    pos++;
  }
  if (cps[pos] === 0x23) {
    f.alternate = true;
    pos++;
  }
  if (!fillGiven && cps[pos] === 0x30) {
    f.fill = '0';
    if (f.align === '' && defaultAlign === '>') f.align = '=';
    pos++;
  }
  [f.width, pos] = parseNumber(cps, pos);
  if (cps[pos] === 0x2c) {
    f.grouping = ',';
    pos++;
  }
  if (cps[pos] === 0x5f) {
    if (f.grouping !== '') throw new ValueError("Cannot specify both ',' and '_'.");
    f.grouping = '_';
    pos++;
  }
  if (cps[pos] === 0x2c && f.grouping === '_') throw new ValueError("Cannot specify both ',' and '_'.");
  if (cps[pos] === 0x2e) {
    [f.precision, pos] = parseNumber(cps, pos + 1);
    if (f.precision < 0) throw new ValueError('Format specifier missing precision');
  }
  if (n - pos > 1) throw new ValueError(`Invalid format specifier '${spec}' for object of type '${objType}'`);
  if (n - pos === 1) f.type = String.fromCodePoint(cps[pos]!);
  if (f.grouping !== '') {
    const t = f.type;
    const ok = t === '' || (t.length === 1 && ('defgEG%F'.includes(t) || (f.grouping === '_' && 'boxX'.includes(t))));
    if (!ok) {
      throw new ValueError(`Cannot specify '${f.grouping}' with '${formatCodeText(t)}'.`);
    }
  }
  return f;
}

/**
 * Specs parsed before, for one kind of object (its type name in errors,
 * default type and alignment): a loop formatting with the same spec parses
 * it once. The specs given are shared, so nothing may change them.
 */
export class SpecCache {
  private readonly specs = new Map<string, FormatSpec>();

  constructor(
    private readonly objType: string,
    private readonly defaultType: string,
    private readonly defaultAlign: '<' | '>',
  ) {}

  parse(spec: string): Readonly<FormatSpec> {
    let f = this.specs.get(spec);
    if (f === undefined) {
      f = parseFormatSpec(spec, this.objType, this.defaultType, this.defaultAlign);
      if (this.specs.size >= 256) this.specs.clear();
      this.specs.set(spec, f);
    }
    return f;
  }
}

/** `Unknown format code 'd' for object of type 'str'`. */
export function unknownFormatCode(type: string, objType: string): ValueError {
  return new ValueError(`Unknown format code '${formatCodeText(type)}' for object of type '${objType}'`);
}

/**
 * Pads `body` (of `length` code points) to the spec's width: `align` '>'
 * pads left, '^' splits (the odd one to the right), anything else pads right.
 */
export function padToWidth(body: string, length: number, width: number, align: string, fill: string): string {
  if (width <= length) return body;
  const total = width - length;
  const left = align === '>' ? total : align === '^' ? Math.floor(total / 2) : 0;
  if (total * fill.length > MAX_STRING_UNITS) throw new MemoryError();
  return fill.repeat(left) + body + fill.repeat(total - left);
}

const STR_SPECS = new SpecCache('str', 's', '<');

/** `format(s, spec)` for a str. */
export function formatStr(s: string, spec: string): string {
  if (spec.length === 0) return s;
  const f = STR_SPECS.parse(spec);
  if (f.type !== 's') throw unknownFormatCode(f.type, 'str');
  if (f.sign !== '') {
    throw new ValueError(f.sign === ' ' ? 'Space not allowed in string format specifier' : 'Sign not allowed in string format specifier');
  }
  if (f.noNegZero) throw new ValueError('Negative zero coercion (z) not allowed in string format specifier');
  if (f.alternate) throw new ValueError('Alternate form (#) not allowed in string format specifier');
  if (f.align === '=') throw new ValueError("'=' alignment not allowed in string format specifier");
  let body = s;
  let length = -1;
  if (f.precision >= 0) {
    length = cpLength(s);
    if (length > f.precision) {
      body = length === s.length ? s.slice(0, f.precision) : fromCodePoints(codePoints(s).slice(0, f.precision));
      length = f.precision;
    }
  }
  if (f.width < 0) return body;
  if (length < 0) length = cpLength(body);
  return padToWidth(body, length, f.width, f.align || '<', f.fill || ' ');
}

/** `format(value, spec)`: the `format()` builtin and f-strings' `{x:spec}`. */
export function formatValue(value: unknown, spec: string): string {
  if (typeof value === 'string') return spec.length === 0 ? value : formatStr(value, spec);
  if (typeof value === 'boolean' && spec.length === 0) return value ? 'True' : 'False';
  if (
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    typeof value === 'boolean' ||
    value instanceof PyFloat ||
    value instanceof PyComplex
  ) {
    if (formatHooks.number) return formatHooks.number(value, spec);
    if (spec.length === 0) return str(value);
    throw new globalThis.Error('formatting numbers needs formatHooks.number (the numbers module)');
  }
  if (value !== null && typeof value === 'object' && formatHooks.object) {
    const out = formatHooks.object(value, spec);
    if (out !== undefined) return out;
  }
  // object.__format__.
  if (spec.length > 0) throw new TypeError(`unsupported format string passed to ${typeName(value)}.__format__`);
  return str(value);
}
