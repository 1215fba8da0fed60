/**
 * The engine of Python's `pprint` (CPython 3.11's Lib/pprint.py, method for
 * method): `_safe_repr` (one-line repr with sorted dicts, depth limit and
 * recursion markers) and `_format` with its per-type printers, which break
 * a repr wider than the line into one item per line. Dispatch is on
 * `type(obj).__repr__`, as in CPython, so a subclass that keeps its base's
 * repr is printed as the base.
 */
import { TypeError } from '../../../builtins/exceptions.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyTuple, PyBytes, PyComplex } from '../../../builtins/values.js';
import { frozensetFrom, setFrom } from '../../../builtins/set.js';
import { callMethod, getattr } from '../../../builtins/attributes.js';
import { repr, str } from '../../../builtins/repr.js';
import { type, issubclass } from '../../../builtins/types.js';
import { isPyClass } from '../../../builtins/classes.js';
import { id, len, bytearray } from '../../../builtins/functions.js';
import { iterate } from '../../../builtins/iteration.js';
import { lt } from '../../../builtins/equality.js';
import { truthy } from '../../../builtins/truth.js';
import { str_isspace } from '../../../builtins/str/predicates.js';
import { cpLength } from '../../../builtins/str/core.js';
import { deque } from '../collections/deque.js';
import { defaultdict, OrderedDict } from '../collections/dicts.js';
import { Counter } from '../collections/counter.js';
import { ChainMap, UserDict } from '../collections/chainMaps.js';
import { UserList } from '../collections/userList.js';
import { MappingProxyType, SimpleNamespace } from '../../types.js';
import { fields as dataclassFields, is_dataclass } from '../../dataclasses.js';
import { generatedReprs } from '../dataclasses/process.js';
import type { FieldData } from '../dataclasses/field.js';
import { splitLinesKeepEnds } from '../textwrap/lines.js';

export interface PrinterOptions {
  indent: number;
  width: number;
  depth: number | null;
  compact: boolean;
  sortDicts: boolean;
  underscoreNumbers: boolean;
}

type Write = (s: string) => void;
/** The objects being printed (CPython's dict of their ids). */
export type Context = Set<unknown>;
export type FormatHook = (obj: unknown, context: Context, maxlevels: number | null, level: number) => [string, boolean, boolean];
type Handler = (p: Printer, obj: unknown, write: Write, indent: number, allowance: number, context: Context, level: number) => void;

const LIST = type([]);
const DICT = type(new PyDict());
const TUPLE = type(PyTuple.of());
const SET = type(setFrom([]));
const FROZENSET = type(frozensetFrom([]));
const STR = type('');
const BYTES = type(new PyBytes(new Uint8Array(0)));
const BYTEARRAY = type(bytearray());
const INT = type(1);
const SCALARS = new Set<unknown>([STR, BYTES, BYTEARRAY, type(0.5), type(new PyComplex(0, 1)), type(true), type(null)]);

const reprOf = (cls: unknown): unknown => getattr(cls, '__repr__');
const LIST_REPR = reprOf(LIST);
const DICT_REPR = reprOf(DICT);
const TUPLE_REPR = reprOf(TUPLE);
const INT_REPR = reprOf(INT);

const pyLen = (s: string): number => cpLength(s);
const spaces = (n: number): string => (n > 0 ? ' '.repeat(n) : '');
const className = (obj: unknown): string => getattr(type(obj), '__name__') as string;
const length = (obj: unknown): number => Number(len(obj));

function recursionMarker(obj: unknown): string {
  return `<Recursion on ${className(obj)} with id=${id(obj)}>`;
}

/** `_safe_key.__lt__`: `<`, or on TypeError the order of (str(type), id). */
function safeLess(a: unknown, b: unknown): boolean {
  try {
    return lt(a, b);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    const ta = str(type(a));
    const tb = str(type(b));
    if (ta !== tb) return ta < tb;
    return id(a) < id(b);
  }
}

/** sorted(items, key=_safe_key): Array.sort is stable, as CPython's sort. */
function safeSorted<T>(items: T[], keyOf: (item: T) => unknown): T[] {
  return items.sort((x, y) => {
    const a = keyOf(x);
    const b = keyOf(y);
    if (safeLess(a, b)) return -1;
    return safeLess(b, a) ? 1 : 0;
  });
}

/** A dict's items, as a list of pairs. */
function itemsOf(obj: unknown): [unknown, unknown][] {
  const out: [unknown, unknown][] = [];
  for (const item of iterate(callMethod(obj, 'items'))) {
    const pair = [...iterate(item)];
    out.push([pair[0], pair[1]]);
  }
  return out;
}

/** `f"{n:_d}"` */
function underscored(n: number | bigint): string {
  const s = BigInt(n).toString();
  const sign = s.startsWith('-') ? '-' : '';
  const digits = sign ? s.slice(1) : s;
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '_');
}

/** `re.findall(r'\S*\s*', line)` without its final empty match: alternating words and the spaces after them. */
function wordsWithSpaces(line: string): string[] {
  const chars = Array.from(line);
  const parts: string[] = [];
  let i = 0;
  while (i < chars.length) {
    let part = '';
    while (i < chars.length && !str_isspace(chars[i]!)) part += chars[i++];
    while (i < chars.length && str_isspace(chars[i]!)) part += chars[i++];
    parts.push(part);
  }
  return parts;
}

function* wrapBytesRepr(data: Uint8Array, width: number, allowance: number): Generator<string> {
  let current = new Uint8Array(0);
  const last = Math.floor(data.length / 4) * 4;
  for (let i = 0; i < data.length; i += 4) {
    const part = data.slice(i, i + 4);
    const candidate = new Uint8Array(current.length + part.length);
    candidate.set(current);
    candidate.set(part, current.length);
    if (i === last) width -= allowance;
    if (repr(new PyBytes(candidate)).length > width) {
      if (current.length > 0) yield repr(new PyBytes(current));
      current = part;
    } else {
      current = candidate;
    }
  }
  if (current.length > 0) yield repr(new PyBytes(current));
}

export class Printer {
  readable = true;
  recursive = false;

  /**
   * `format(obj, context, maxlevels, level)`: a PrettyPrinter subclass's own
   * `format`, which CPython calls for every value (nested ones included);
   * null for the default (`safeRepr`).
   */
  constructor(
    readonly options: PrinterOptions,
    private readonly formatHook: FormatHook | null = null,
  ) {}

  /** `self.format(...)`. */
  formatValue(obj: unknown, context: Context, maxlevels: number | null, level: number): [string, boolean, boolean] {
    return this.formatHook === null ? this.safeRepr(obj, context, maxlevels, level) : this.formatHook(obj, context, maxlevels, level);
  }

  /** `_format`: the object's repr if it fits, else its type's printer. */
  format(obj: unknown, write: Write, indent: number, allowance: number, context: Context, level: number): void {
    if (context.has(obj)) {
      write(recursionMarker(obj));
      this.recursive = true;
      this.readable = false;
      return;
    }
    const rep = this.repr(obj, context, level);
    const maxWidth = this.options.width - indent - allowance;
    if (pyLen(rep) > maxWidth) {
      const handler = handlerFor(obj);
      if (handler !== undefined) {
        context.add(obj);
        handler(this, obj, write, indent, allowance, context, level + 1);
        context.delete(obj);
        return;
      }
      if (isDataclassWithGeneratedRepr(obj)) {
        context.add(obj);
        this.dataclass(obj, write, indent, allowance, context, level + 1);
        context.delete(obj);
        return;
      }
    }
    write(rep);
  }

  /** `_repr`: the one-line form, noting whether it is readable and recursive. */
  repr(obj: unknown, context: Context, level: number): string {
    const [rep, readable, recursive] = this.formatValue(obj, new Set(context), this.options.depth, level);
    if (!readable) this.readable = false;
    if (recursive) this.recursive = true;
    return rep;
  }

  /** `_safe_repr`: (repr, readable, recursive). */
  safeRepr(obj: unknown, context: Context, maxlevels: number | null, level: number): [string, boolean, boolean] {
    const typ = type(obj);
    if (SCALARS.has(typ)) return [repr(obj), true, false];
    const r = getattr(typ, '__repr__', null);
    if (issubclass(typ, INT) && r === INT_REPR) {
      return [this.options.underscoreNumbers ? underscored(obj as number | bigint) : repr(obj), true, false];
    }
    if (issubclass(typ, DICT) && r === DICT_REPR) {
      if (!truthy(obj)) return ['{}', true, false];
      if (maxlevels && level >= maxlevels) return ['{...}', false, context.has(obj)];
      if (context.has(obj)) return [recursionMarker(obj), false, true];
      context.add(obj);
      let readable = true;
      let recursive = false;
      const components: string[] = [];
      level += 1;
      let items = itemsOf(obj);
      if (this.options.sortDicts) items = safeSorted(items, (kv) => kv[0]);
      for (const [k, v] of items) {
        const [krepr, kreadable, krecur] = this.formatValue(k, context, maxlevels, level);
        const [vrepr, vreadable, vrecur] = this.formatValue(v, context, maxlevels, level);
        components.push(`${krepr}: ${vrepr}`);
        readable = readable && kreadable && vreadable;
        if (krecur || vrecur) recursive = true;
      }
      context.delete(obj);
      return [`{${components.join(', ')}}`, readable, recursive];
    }
    const isList = issubclass(typ, LIST) && r === LIST_REPR;
    if (isList || (issubclass(typ, TUPLE) && r === TUPLE_REPR)) {
      let open: string;
      let close: string;
      const n = length(obj);
      if (isList) {
        if (n === 0) return ['[]', true, false];
        [open, close] = ['[', ']'];
      } else if (n === 1) {
        [open, close] = ['(', ',)'];
      } else {
        if (n === 0) return ['()', true, false];
        [open, close] = ['(', ')'];
      }
      if (maxlevels && level >= maxlevels) return [`${open}...${close}`, false, context.has(obj)];
      if (context.has(obj)) return [recursionMarker(obj), false, true];
      context.add(obj);
      let readable = true;
      let recursive = false;
      const components: string[] = [];
      level += 1;
      for (const o of iterate(obj)) {
        const [orepr, oreadable, orecur] = this.formatValue(o, context, maxlevels, level);
        components.push(orepr);
        if (!oreadable) readable = false;
        if (orecur) recursive = true;
      }
      context.delete(obj);
      return [open + components.join(', ') + close, readable, recursive];
    }
    const rep = repr(obj);
    return [rep, rep !== '' && !rep.startsWith('<'), false];
  }

  dictItems(items: [unknown, unknown][], write: Write, indent: number, allowance: number, context: Context, level: number): void {
    indent += this.options.indent;
    const delimnl = ',\n' + spaces(indent);
    const lastIndex = items.length - 1;
    items.forEach(([key, ent], i) => {
      const last = i === lastIndex;
      const rep = this.repr(key, context, level);
      write(rep);
      write(': ');
      this.format(ent, write, indent + pyLen(rep) + 2, last ? allowance : 1, context, level);
      if (!last) write(delimnl);
    });
  }

  namespaceItems(items: [string, unknown][], write: Write, indent: number, allowance: number, context: Context, level: number): void {
    const delimnl = ',\n' + spaces(indent);
    const lastIndex = items.length - 1;
    items.forEach(([key, ent], i) => {
      const last = i === lastIndex;
      write(key);
      write('=');
      // A field holding an object being printed shows as `...`, as the dataclass repr does.
      if (context.has(ent)) write('...');
      else this.format(ent, write, indent + pyLen(key) + 1, last ? allowance : 1, context, level);
      if (!last) write(delimnl);
    });
  }

  /** `_format_items`: one item per line, or as many as fit with compact=True. */
  items(items: Iterable<unknown>, write: Write, indent: number, allowance: number, context: Context, level: number): void {
    indent += this.options.indent;
    if (this.options.indent > 1) write(spaces(this.options.indent - 1));
    const delimnl = ',\n' + spaces(indent);
    let delim = '';
    let width = this.options.width - indent + 1;
    let maxWidth = width;
    const it = items[Symbol.iterator]();
    let next = it.next();
    if (next.done === true) return;
    let last = false;
    while (!last) {
      const ent = next.value;
      next = it.next();
      if (next.done === true) {
        last = true;
        maxWidth -= allowance;
        width -= allowance;
      }
      if (this.options.compact) {
        const rep = this.repr(ent, context, level);
        const w = pyLen(rep) + 2;
        if (width < w) {
          width = maxWidth;
          if (delim) delim = delimnl;
        }
        if (width >= w) {
          width -= w;
          write(delim);
          delim = ', ';
          write(rep);
          continue;
        }
      }
      write(delim);
      delim = delimnl;
      this.format(ent, write, indent, last ? allowance : 1, context, level);
    }
  }

  dict(obj: unknown, write: Write, indent: number, allowance: number, context: Context, level: number): void {
    write('{');
    if (this.options.indent > 1) write(spaces(this.options.indent - 1));
    if (length(obj) > 0) {
      let items = itemsOf(obj);
      if (this.options.sortDicts) items = safeSorted(items, (kv) => kv[0]);
      this.dictItems(items, write, indent, allowance + 1, context, level);
    }
    write('}');
  }

  dataclass(obj: unknown, write: Write, indent: number, allowance: number, context: Context, level: number): void {
    const name = className(obj);
    indent += pyLen(name) + 1;
    const items: [string, unknown][] = [];
    for (const f of dataclassFields(obj) as FieldData[]) {
      if (!truthy(f.repr)) continue;
      const fname = f.name as string;
      items.push([fname, getattr(obj, fname)]);
    }
    write(name + '(');
    this.namespaceItems(items, write, indent, allowance, context, level);
    write(')');
  }
}

function isDataclassWithGeneratedRepr(obj: unknown): boolean {
  if (isPyClass(obj) || !is_dataclass(obj)) return false;
  const method = reprOf(type(obj));
  return typeof method === 'object' || typeof method === 'function' ? generatedReprs.has(method as object) : false;
}

const pprintStr: Handler = (p, obj, write, indent, allowance, _context, level) => {
  const s = obj as string;
  if (s.length === 0) {
    write(repr(s));
    return;
  }
  const chunks: string[] = [];
  const lines = splitLinesKeepEnds(s);
  if (level === 1) {
    indent += 1;
    allowance += 1;
  }
  const maxWidth = p.options.width - indent;
  let maxWidth1 = maxWidth;
  let rep = '';
  lines.forEach((line, i) => {
    rep = repr(line);
    if (i === lines.length - 1) maxWidth1 -= allowance;
    if (pyLen(rep) <= maxWidth1) {
      chunks.push(rep);
      return;
    }
    const parts = wordsWithSpaces(line);
    let maxWidth2 = maxWidth;
    let current = '';
    parts.forEach((part, j) => {
      const candidate = current + part;
      if (j === parts.length - 1 && i === lines.length - 1) maxWidth2 -= allowance;
      if (pyLen(repr(candidate)) > maxWidth2) {
        if (current) chunks.push(repr(current));
        current = part;
      } else {
        current = candidate;
      }
    });
    if (current) chunks.push(repr(current));
  });
  if (chunks.length === 1) {
    write(rep);
    return;
  }
  if (level === 1) write('(');
  chunks.forEach((chunk, i) => {
    if (i > 0) write('\n' + spaces(indent));
    write(chunk);
  });
  if (level === 1) write(')');
};

function pprintBytesData(p: Printer, data: Uint8Array, write: Write, indent: number, allowance: number, level: number): void {
  if (data.length <= 4) {
    write(repr(new PyBytes(data)));
    return;
  }
  const parens = level === 1;
  if (parens) {
    indent += 1;
    allowance += 1;
    write('(');
  }
  let delim = '';
  for (const rep of wrapBytesRepr(data, p.options.width - indent, allowance)) {
    write(delim);
    write(rep);
    if (!delim) delim = '\n' + spaces(indent);
  }
  if (parens) write(')');
}

function bytesOf(obj: unknown): Uint8Array {
  return Uint8Array.from([...iterate(obj)] as number[]);
}

const pprintSet: Handler = (p, obj, write, indent, allowance, context, level) => {
  if (length(obj) === 0) {
    write(repr(obj));
    return;
  }
  const typ = type(obj);
  let endchar: string;
  if (typ === SET) {
    write('{');
    endchar = '}';
  } else {
    const name = getattr(typ, '__name__') as string;
    write(name + '({');
    endchar = '})';
    indent += pyLen(name) + 1;
  }
  const items = safeSorted([...iterate(obj)], (x) => x);
  p.items(items, write, indent, allowance + endchar.length, context, level);
  write(endchar);
};

const pprintBytearray: Handler = (p, obj, write, indent, allowance, _context, level) => {
  write('bytearray(');
  pprintBytesData(p, bytesOf(obj), write, indent + 10, allowance + 1, level + 1);
  write(')');
};


const BYTEARRAY_REPR = reprOf(BYTEARRAY);

/** The printer for `type(obj).__repr__` (bytearray's for a subclass that keeps it, as CPython's _dispatch). */
function handlerFor(obj: unknown): Handler | undefined {
  const r = reprOf(type(obj));
  if (r === BYTEARRAY_REPR) return pprintBytearray;
  return DISPATCH.get(r);
}

const DISPATCH = new Map<unknown, Handler>([
  [DICT_REPR, (p, obj, write, indent, allowance, context, level) => p.dict(obj, write, indent, allowance, context, level)],
  [reprOf(OrderedDict), (p, obj, write, indent, allowance, context, level) => {
    if (length(obj) === 0) {
      write(repr(obj));
      return;
    }
    const name = className(obj);
    write(name + '(');
    const items = itemsOf(obj).map(([k, v]) => PyTuple.of(k, v));
    p.format(items, write, indent + pyLen(name) + 1, allowance + 1, context, level);
    write(')');
  }],
  [LIST_REPR, (p, obj, write, indent, allowance, context, level) => {
    write('[');
    p.items(iterate(obj), write, indent, allowance + 1, context, level);
    write(']');
  }],
  [TUPLE_REPR, (p, obj, write, indent, allowance, context, level) => {
    write('(');
    const endchar = length(obj) === 1 ? ',)' : ')';
    p.items(iterate(obj), write, indent, allowance + endchar.length, context, level);
    write(endchar);
  }],
  [reprOf(SET), pprintSet],
  [reprOf(FROZENSET), pprintSet],
  [reprOf(STR), pprintStr],
  [reprOf(BYTES), (p, obj, write, indent, allowance, _context, level) => {
    pprintBytesData(p, (obj as PyBytes).bytes, write, indent, allowance, level);
  }],
  [reprOf(MappingProxyType), (p, obj, write, indent, allowance, context, level) => {
    write('mappingproxy(');
    p.format(callMethod(obj, 'copy'), write, indent + 13, allowance + 1, context, level);
    write(')');
  }],
  [reprOf(SimpleNamespace), (p, obj, write, indent, allowance, context, level) => {
    const name = type(obj) === SimpleNamespace ? 'namespace' : className(obj);
    indent += pyLen(name) + 1;
    const items = itemsOf(getattr(obj, '__dict__')) as [string, unknown][];
    write(name + '(');
    p.namespaceItems(items, write, indent, allowance, context, level);
    write(')');
  }],
  [reprOf(defaultdict), (p, obj, write, indent, allowance, context, level) => {
    if (length(obj) === 0) {
      write(repr(obj));
      return;
    }
    const rdf = p.repr(getattr(obj, 'default_factory'), context, level);
    const name = className(obj);
    indent += pyLen(name) + 1;
    write(`${name}(${rdf},\n${spaces(indent)}`);
    p.dict(obj, write, indent, allowance + 1, context, level);
    write(')');
  }],
  [reprOf(Counter), (p, obj, write, indent, allowance, context, level) => {
    if (length(obj) === 0) {
      write(repr(obj));
      return;
    }
    const name = className(obj);
    write(name + '({');
    if (p.options.indent > 1) write(spaces(p.options.indent - 1));
    const items = [...iterate(callMethod(obj, 'most_common'))].map((t) => [...iterate(t)] as [unknown, unknown]);
    p.dictItems(items, write, indent + pyLen(name) + 1, allowance + 2, context, level);
    write('})');
  }],
  [reprOf(ChainMap), (p, obj, write, indent, allowance, context, level) => {
    const maps = [...iterate(getattr(obj, 'maps'))];
    if (maps.length === 0) {
      write(repr(obj));
      return;
    }
    const name = className(obj);
    write(name + '(');
    indent += pyLen(name) + 1;
    maps.forEach((m, i) => {
      if (i === maps.length - 1) {
        p.format(m, write, indent, allowance + 1, context, level);
        write(')');
      } else {
        p.format(m, write, indent, 1, context, level);
        write(',\n' + spaces(indent));
      }
    });
  }],
  [reprOf(deque), (p, obj, write, indent, allowance, context, level) => {
    if (length(obj) === 0) {
      write(repr(obj));
      return;
    }
    const name = className(obj);
    write(name + '(');
    indent += pyLen(name) + 1;
    write('[');
    const maxlen = getattr(obj, 'maxlen');
    if (maxlen === null || maxlen === undefined) {
      p.items(iterate(obj), write, indent, allowance + 2, context, level);
      write('])');
    } else {
      p.items(iterate(obj), write, indent, 2, context, level);
      const rml = p.repr(maxlen, context, level);
      write(`],\n${spaces(indent)}maxlen=${rml})`);
    }
  }],
  [reprOf(UserDict), (p, obj, write, indent, allowance, context, level) => {
    p.format(getattr(obj, 'data'), write, indent, allowance, context, level - 1);
  }],
  [reprOf(UserList), (p, obj, write, indent, allowance, context, level) => {
    p.format(getattr(obj, 'data'), write, indent, allowance, context, level - 1);
  }],
]);
