/**
 * Python's `pprint`: pprint, pformat, pp, saferepr, isreadable, isrecursive
 * and PrettyPrinter (a Python class keeping its options in CPython's
 * private attributes, so a subclass sees what CPython's would). The
 * formatting itself is support/pprint/printer.ts.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { ValueError } from '../builtins/exceptions.js';
import { PyTuple } from '../builtins/values.js';
import { PyDict } from '../builtins/dict.js';
import { call } from '../builtins/calls.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { truthy } from '../builtins/truth.js';
import { id, int } from '../builtins/functions.js';
import { type } from '../builtins/types.js';
import { iterate } from '../builtins/iteration.js';
import { le } from '../builtins/equality.js';
import type { PyClass } from '../builtins/classes.js';
import { kwargsRecord, pyClass, pyFunction } from './support/pydef.js';
import { Printer, type Context, type PrinterOptions } from './support/pprint/printer.js';
import { loadedModules } from './support/moduleTable.js';
import * as sys from './sys.js';
import * as self from './pprint.js';

export const __name__ = 'pprint';
loadedModules.$set('pprint', self);

const Q = 'pprint';

function optionsOf(pp: object): PrinterOptions {
  const depth = getattr(pp, '_depth');
  return {
    indent: Number(getattr(pp, '_indent_per_level')),
    width: Number(getattr(pp, '_width')),
    depth: depth === null || depth === undefined ? null : Number(depth),
    compact: truthy(getattr(pp, '_compact')),
    sortDicts: truthy(getattr(pp, '_sort_dicts')),
    underscoreNumbers: truthy(getattr(pp, '_underscore_numbers')),
  };
}

/** The context dicts handed to a subclass's `format`, with the live sets they stand for. */
const contexts = new WeakMap<object, Context>();

function contextDict(context: Context): PyDict {
  const d = new PyDict<unknown, unknown>();
  for (const o of context) d.$set(id(o), 1);
  contexts.set(d, context);
  return d;
}

/** A printer for `pp`, calling its own `format` when its class overrides PrettyPrinter's. */
function printerFor(pp: object): Printer {
  const options = optionsOf(pp);
  if (getattr(type(pp), 'format') === defaultFormat) return new Printer(options);
  return new Printer(options, (obj, context, maxlevels, level) => {
    const result = callMethod(pp, 'format', obj, contextDict(context), maxlevels, level);
    const [rep, readable, recursive] = [...iterate(result)];
    return [rep as string, truthy(readable), truthy(recursive)];
  });
}

function formatted(pp: object, obj: unknown): string {
  const parts: string[] = [];
  printerFor(pp).format(obj, (s) => parts.push(s), 0, 0, new Set(), 0);
  return parts.join('');
}

/** (repr, readable, recursive), as PrettyPrinter.format returns it. */
function safeRepr(pp: object, obj: unknown): [string, boolean, boolean] {
  return printerFor(pp).formatValue(obj, new Set(), optionsOf(pp).depth, 0);
}

const defaultFormat = pyFunction('self, object, context, maxlevels, level', 'PrettyPrinter.format', Q,
  (pp: object, obj: unknown, context: unknown, maxlevels: unknown, level: unknown) => {
    const ctx = (context !== null && typeof context === 'object' ? contexts.get(context) : undefined) ?? new Set();
    const depth = maxlevels === null || maxlevels === undefined ? null : Number(maxlevels);
    return PyTuple.fromArray(printerFor(pp).safeRepr(obj, ctx, depth, Number(level)));
  });

export const PrettyPrinter: PyClass = pyClass('PrettyPrinter', Q, [], {
  __init__: pyFunction('self, indent=, width=, depth=, stream=, *, compact=, sort_dicts=, underscore_numbers=',
    'PrettyPrinter.__init__', Q,
    (pp: Record<string, unknown>, indent?: unknown, width?: unknown, depth?: unknown, stream?: unknown, compact?: unknown,
      sortDicts?: unknown, underscoreNumbers?: unknown) => {
      const ind = int(indent ?? 1) as number;
      const w = int(width ?? 80) as number;
      if (ind < 0) throw new ValueError('indent must be >= 0');
      if (depth !== undefined && depth !== null && le(depth, 0)) throw new ValueError('depth must be > 0');
      if (Number(w) === 0) throw new ValueError('width must be != 0');
      pp['_depth'] = depth ?? null;
      pp['_indent_per_level'] = ind;
      pp['_width'] = w;
      pp['_stream'] = stream === undefined || stream === null ? sys.stdout : stream;
      pp['_compact'] = truthy(compact ?? false);
      pp['_sort_dicts'] = sortDicts ?? true;
      pp['_underscore_numbers'] = underscoreNumbers ?? false;
      return null;
    }),
  pprint: pyFunction('self, object', 'PrettyPrinter.pprint', Q, (pp: object, obj: unknown) => {
    const stream = getattr(pp, '_stream');
    if (stream !== null && stream !== undefined) {
      printerFor(pp).format(obj, (s) => callMethod(stream, 'write', s), 0, 0, new Set(), 0);
      callMethod(stream, 'write', '\n');
    }
    return null;
  }),
  pformat: pyFunction('self, object', 'PrettyPrinter.pformat', Q, (pp: object, obj: unknown) => formatted(pp, obj)),
  isrecursive: pyFunction('self, object', 'PrettyPrinter.isrecursive', Q, (pp: object, obj: unknown) => safeRepr(pp, obj)[2]),
  isreadable: pyFunction('self, object', 'PrettyPrinter.isreadable', Q, (pp: object, obj: unknown) => {
    const [, readable, recursive] = safeRepr(pp, obj);
    return readable && !recursive;
  }),
  format: defaultFormat,
});

function printer(kw: Record<string, unknown>): unknown {
  return call(PrettyPrinter, [], kw);
}

const OPTIONS = 'indent=, width=, depth=, *, compact=, sort_dicts=, underscore_numbers=';

/** Only the options given are passed on, so PrettyPrinter's defaults apply to the rest. */
function given(entries: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) out[k] = v;
  return out;
}

export const pprint = pyFunction(`object, stream=, ${OPTIONS}`, 'pprint', Q,
  (obj: unknown, stream?: unknown, indent?: unknown, width?: unknown, depth?: unknown, compact?: unknown, sortDicts?: unknown,
    underscoreNumbers?: unknown) => {
    const pp = printer(given({ stream, indent, width, depth, compact, sort_dicts: sortDicts, underscore_numbers: underscoreNumbers }));
    callMethod(pp, 'pprint', obj);
    return null;
  });

export const pformat = pyFunction(`object, ${OPTIONS}`, 'pformat', Q,
  (obj: unknown, indent?: unknown, width?: unknown, depth?: unknown, compact?: unknown, sortDicts?: unknown, underscoreNumbers?: unknown) =>
    callMethod(printer(given({ indent, width, depth, compact, sort_dicts: sortDicts, underscore_numbers: underscoreNumbers })), 'pformat', obj));

export const pp = pyFunction('object, *args, sort_dicts=, **kwargs', 'pp', Q,
  (obj: unknown, args: PyTuple, sortDicts: unknown, kwargs: PyDict) =>
    call(pprint, [obj, ...args], { sort_dicts: sortDicts ?? false, ...kwargsRecord(kwargs) }));

export const saferepr = pyFunction('object', 'saferepr', Q, (obj: unknown) => safeRepr(printer({}) as object, obj)[0]);
export const isreadable = pyFunction('object', 'isreadable', Q, (obj: unknown) => safeRepr(printer({}) as object, obj)[1]);
export const isrecursive = pyFunction('object', 'isrecursive', Q, (obj: unknown) => safeRepr(printer({}) as object, obj)[2]);
