/**
 * Python's `csv` (with what CPython takes from _csv): reader and writer
 * objects, the dialect registry (excel, excel-tab, unix), Dialect, the
 * QUOTE_* constants, field_size_limit, DictReader and DictWriter. Parsing
 * and joining follow _csv.c (support/csv/codec.ts). Sniffer is not
 * provided.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { Exception, StopIteration, TypeError, ValueError } from '../builtins/exceptions.js';
import { PyComplex, PyFloat, PyTuple, isIntNumber, typeName } from '../builtins/values.js';
import { PyDict } from '../builtins/dict.js';
import { call } from '../builtins/calls.js';
import { callMethod, getattr, hasattr, setattr } from '../builtins/attributes.js';
import { repr, str } from '../builtins/repr.js';
import { eq } from '../builtins/equality.js';
import { float, len } from '../builtins/functions.js';
import { iterate, next as pyNext, pyIter } from '../builtins/iteration.js';
import { PyProperty } from '../builtins/classes/descriptors.js';
import type { PyClass } from '../builtins/classes.js';
import { defineClass, newException } from './support/stdlib/pyclass.js';
import { kwargsRecord, pyClass, pyFunction } from './support/pydef.js';
import { ATTRIBUTES, QUOTE_ALL, QUOTE_MINIMAL, QUOTE_NONE, QUOTE_NONNUMERIC, resolveDialect, type DialectSpec } from './support/csv/dialect.js';
import { CsvError, RecordParser, joinRecord, quotedByMode, type OutField } from './support/csv/codec.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './csv.js';

export const __name__ = 'csv';
loadedModules.$set('csv', self);

export { QUOTE_ALL, QUOTE_MINIMAL, QUOTE_NONE, QUOTE_NONNUMERIC };
export const __version__ = '1.0';

const Q = 'csv';

export const Error: PyClass = defineClass('_csv', 'Error', [Exception], {});

function csvError(message: string): unknown {
  return newException(Error, [message], null);
}

/** _csv's errors, raised as csv.Error. */
function guarded<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof CsvError) throw csvError(e.message);
    throw e;
  }
}

let fieldLimit = 128 * 1024;

export const field_size_limit = pyFunction('new_limit=', 'field_size_limit', Q, (newLimit?: unknown) => {
  const old = fieldLimit;
  if (newLimit !== undefined) {
    if (typeof newLimit !== 'number' || !isIntNumber(newLimit)) throw new TypeError('limit must be an integer');
    fieldLimit = newLimit;
  }
  return old;
});

/** `_csv.Dialect`: the checked options, as the `dialect` attribute of readers and writers. */
const DialectObject = defineClass('_csv', 'Dialect', [], {});

function dialectObject(d: DialectSpec): unknown {
  const obj = call(DialectObject, [], null) as Record<string, unknown>;
  for (const name of ATTRIBUTES) obj[name] = d[name];
  return obj;
}

const dialects = new PyDict<string, unknown>();

/** CPython's keywords for a dialect: the eight options only. */
function dialectKeywords(kwargs: unknown): Record<string, unknown> {
  const kw = kwargsRecord(kwargs) ?? {};
  for (const key of Object.keys(kw)) {
    if (!(ATTRIBUTES as readonly string[]).includes(key)) throw new TypeError(`'${key}' is an invalid keyword argument for this function`);
  }
  return kw;
}

/** `_call_dialect`: a name looked up in the registry, or an object with the options as attributes. */
function dialectOf(dialect: unknown, kwargs: Record<string, unknown>): DialectSpec {
  let base: unknown = dialect === undefined ? 'excel' : dialect;
  if (typeof base === 'string') base = getDialect(base);
  return resolveDialect(base, kwargs);
}

function getDialect(name: unknown): unknown {
  if (!dialects.$has(name as string)) throw csvError('unknown dialect');
  return dialects.$get(name as string);
}

export const register_dialect = pyFunction('name, dialect=, **fmtparams', 'register_dialect', Q,
  (name: unknown, dialect: unknown, fmtparams: PyDict) => {
    if (typeof name !== 'string') throw new TypeError('dialect name must be a string');
    const spec = dialectOf(dialect === undefined ? null : dialect, dialectKeywords(fmtparams));
    dialects.$set(name, dialectObject(spec));
    return null;
  });

export const unregister_dialect = pyFunction('name', 'unregister_dialect', Q, (name: unknown) => {
  if (!dialects.$delete(name as string)) throw csvError('unknown dialect');
  return null;
});

export const get_dialect = pyFunction('name', 'get_dialect', Q, (name: unknown) => getDialect(name));

export const list_dialects = pyFunction('', 'list_dialects', Q, () => [...dialects]);

interface ReaderState {
  readonly input: unknown;
  readonly parser: RecordParser;
  readonly dialect: DialectSpec;
}

const readerStates = new WeakMap<object, ReaderState>();
const END = Symbol('end');

const ReaderType = defineClass('_csv', 'reader', [], {
  __iter__: pyFunction('self', 'reader.__iter__', '_csv', (r: object) => r),
  __next__: pyFunction('self', 'reader.__next__', '_csv', (r: Record<string, unknown>) => {
    const st = readerStates.get(r)!;
    const p = st.parser;
    p.reset();
    return guarded(() => {
      do {
        const line = pyNext(st.input, END);
        if (line === END) {
          if (p.pending) {
            if (st.dialect.strict) throw new CsvError('unexpected end of data');
            p.saveField();
            break;
          }
          throw new StopIteration();
        }
        if (typeof line !== 'string') {
          throw new CsvError(`iterator should return strings, not ${typeName(line)} (the file should be opened in text mode)`);
        }
        r['line_num'] = (r['line_num'] as number) + 1;
        p.feedLine(line);
      } while (!p.complete);
      return p.takeFields();
    });
  }),
});

export const reader = pyFunction('csvfile, dialect=, **fmtparams', 'reader', Q, (csvfile: unknown, dialect: unknown, fmtparams: PyDict) => {
  const input = pyIter(csvfile);
  const spec = guardedDialect(dialect, fmtparams);
  const r = call(ReaderType, [], null) as Record<string, unknown>;
  r['line_num'] = 0;
  r['dialect'] = dialectObject(spec);
  readerStates.set(r, { input, dialect: spec, parser: new RecordParser(spec, () => fieldLimit, (s) => float(s)) });
  return r;
});

function guardedDialect(dialect: unknown, fmtparams: unknown): DialectSpec {
  return dialectOf(dialect, dialectKeywords(fmtparams));
}

/** PyNumber_Check: what QUOTE_NONNUMERIC leaves unquoted. */
function isNumber(v: unknown): boolean {
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyFloat || v instanceof PyComplex) return true;
  if (v === null || v === undefined || typeof v === 'string') return false;
  return hasattr(v, '__index__') || hasattr(v, '__float__') || hasattr(v, '__int__');
}

const writerStates = new WeakMap<object, { write: unknown; dialect: DialectSpec }>();

function writeRow(w: object, row: unknown): unknown {
  const st = writerStates.get(w)!;
  let items: Iterable<unknown>;
  try {
    items = iterate(row);
  } catch (e) {
    if (e instanceof TypeError) throw csvError(`iterable expected, not ${typeName(row)}`);
    throw e;
  }
  const fields: OutField[] = [];
  for (const v of items) {
    const text = typeof v === 'string' ? v : v === null || v === undefined ? null : str(v);
    fields.push({ text, quoted: quotedByMode(st.dialect, isNumber(v)) });
  }
  const line = guarded(() => (fields.length === 0 ? st.dialect.lineterminator : joinRecord(st.dialect, fields)));
  return call(st.write, [line], null);
}

const WriterType = defineClass('_csv', 'writer', [], {
  writerow: pyFunction('self, row', 'writer.writerow', '_csv', (w: object, row: unknown) => writeRow(w, row)),
  writerows: pyFunction('self, rows', 'writer.writerows', '_csv', (w: object, rows: unknown) => {
    for (const row of iterate(rows)) writeRow(w, row);
    return null;
  }),
});

export const writer = pyFunction('csvfile, dialect=, **fmtparams', 'writer', Q, (csvfile: unknown, dialect: unknown, fmtparams: PyDict) => {
  if (!hasattr(csvfile, 'write')) throw new TypeError('argument 1 must have a "write" method');
  const write = getattr(csvfile, 'write');
  const spec = guardedDialect(dialect, fmtparams);
  const w = call(WriterType, [], null) as Record<string, unknown>;
  w['dialect'] = dialectObject(spec);
  writerStates.set(w, { write, dialect: spec });
  return w;
});

export const Dialect: PyClass = pyClass('Dialect', Q, [], {
  _name: '',
  _valid: false,
  delimiter: null,
  quotechar: null,
  escapechar: null,
  doublequote: null,
  skipinitialspace: null,
  lineterminator: null,
  quoting: null,
  __init__: pyFunction('self', 'Dialect.__init__', Q, (d: object) => {
    if (getattr(d, '__class__') !== Dialect) setattr(d, '_valid', true);
    callMethod(d, '_validate');
    return null;
  }),
  _validate: pyFunction('self', 'Dialect._validate', Q, (d: object) => {
    try {
      resolveDialect(d, {});
    } catch (e) {
      if (e instanceof TypeError) throw csvError(str(e));
      throw e;
    }
    return null;
  }),
});

export const excel: PyClass = pyClass('excel', Q, [Dialect], {
  delimiter: ',', quotechar: '"', doublequote: true, skipinitialspace: false, lineterminator: '\r\n', quoting: QUOTE_MINIMAL,
});
export const excel_tab: PyClass = pyClass('excel_tab', Q, [excel], { delimiter: '\t' });
export const unix_dialect: PyClass = pyClass('unix_dialect', Q, [Dialect], {
  delimiter: ',', quotechar: '"', doublequote: true, skipinitialspace: false, lineterminator: '\n', quoting: QUOTE_ALL,
});
dialects.$set('excel', dialectObject(resolveDialect(excel, {})));
dialects.$set('excel-tab', dialectObject(resolveDialect(excel_tab, {})));
dialects.$set('unix', dialectObject(resolveDialect(unix_dialect, {})));

type Obj = Record<string, unknown>;

/** A list given as an iterator is read once into a list, as CPython's `iter(fieldnames) is fieldnames`. */
function fieldnamesArg(fieldnames: unknown): unknown {
  if (fieldnames !== null && fieldnames !== undefined && pyIter(fieldnames) === fieldnames) return [...iterate(fieldnames)];
  return fieldnames;
}

function fieldnamesOf(r: Obj): unknown {
  if (r['_fieldnames'] === null) {
    const first = pyNext(r['reader'], END);
    if (first !== END) r['_fieldnames'] = first;
  }
  r['line_num'] = getattr(r['reader'], 'line_num');
  return r['_fieldnames'];
}

export const DictReader: PyClass = pyClass('DictReader', Q, [], {
  __init__: pyFunction('self, f, fieldnames=, restkey=, restval=, dialect=, *args, **kwds', 'DictReader.__init__', Q,
    (r: Obj, f: unknown, fieldnames: unknown = null, restkey: unknown = null, restval: unknown = null, dialect: unknown = 'excel',
      args: PyTuple, kwds: PyDict) => {
      r['_fieldnames'] = fieldnamesArg(fieldnames);
      r['restkey'] = restkey;
      r['restval'] = restval;
      r['reader'] = call(reader, [f, dialect, ...args], kwargsRecord(kwds) ?? null);
      r['dialect'] = dialect;
      r['line_num'] = 0;
      return null;
    }),
  __iter__: pyFunction('self', 'DictReader.__iter__', Q, (r: Obj) => r),
  fieldnames: new PyProperty(
    pyFunction('self', 'DictReader.fieldnames', Q, (r: Obj) => fieldnamesOf(r)),
    pyFunction('self, value', 'DictReader.fieldnames', Q, (r: Obj, value: unknown) => {
      r['_fieldnames'] = value;
      return null;
    }),
  ),
  __next__: pyFunction('self', 'DictReader.__next__', Q, (r: Obj) => {
    if (eq(r['line_num'], 0)) fieldnamesOf(r);
    let row = pyNext(r['reader']) as unknown[];
    r['line_num'] = getattr(r['reader'], 'line_num');
    while (Array.isArray(row) && row.length === 0) row = pyNext(r['reader']) as unknown[];
    const names = [...iterate(getattr(r, 'fieldnames'))];
    const values = [...iterate(row)];
    const d = new PyDict<unknown, unknown>();
    for (let i = 0; i < Math.min(names.length, values.length); i++) d.$set(names[i], values[i]);
    const lf = Number(len(getattr(r, 'fieldnames')));
    const lr = values.length;
    if (lf < lr) d.$set(r['restkey'], values.slice(lf));
    else if (lf > lr) for (const key of names.slice(lr)) d.$set(key, r['restval']);
    return d;
  }),
});

function dictToList(w: Obj, rowdict: unknown): unknown[] {
  const names = [...iterate(w['fieldnames'])];
  if (w['extrasaction'] === 'raise') {
    const wrong = [...iterate(callMethod(rowdict, 'keys'))].filter((k) => !names.some((n) => eq(n, k)));
    if (wrong.length > 0) throw new ValueError('dict contains fields not in fieldnames: ' + wrong.map((x) => repr(x)).join(', '));
  }
  return names.map((key) => callMethod(rowdict, 'get', key, w['restval']));
}

export const DictWriter: PyClass = pyClass('DictWriter', Q, [], {
  __init__: pyFunction('self, f, fieldnames, restval=, extrasaction=, dialect=, *args, **kwds', 'DictWriter.__init__', Q,
    (w: Obj, f: unknown, fieldnames: unknown, restval: unknown = '', extrasaction: unknown = 'raise', dialect: unknown = 'excel',
      args: PyTuple, kwds: PyDict) => {
      w['fieldnames'] = fieldnamesArg(fieldnames);
      w['restval'] = restval;
      const action = callMethod(extrasaction, 'lower');
      if (action !== 'raise' && action !== 'ignore') {
        throw new ValueError(`extrasaction (${str(extrasaction)}) must be 'raise' or 'ignore'`);
      }
      w['extrasaction'] = extrasaction;
      w['writer'] = call(writer, [f, dialect, ...args], kwargsRecord(kwds) ?? null);
      return null;
    }),
  writeheader: pyFunction('self', 'DictWriter.writeheader', Q, (w: Obj) => {
    const names = [...iterate(w['fieldnames'])];
    const header = new PyDict<unknown, unknown>();
    for (const n of names) header.$set(n, n);
    return callMethod(w, 'writerow', header);
  }),
  writerow: pyFunction('self, rowdict', 'DictWriter.writerow', Q, (w: Obj, rowdict: unknown) =>
    callMethod(w['writer'], 'writerow', dictToList(w, rowdict))),
  writerows: pyFunction('self, rowdicts', 'DictWriter.writerows', Q, (w: Obj, rowdicts: unknown) => {
    // Row by row, as CPython's writer.writerows(map(...)): the rows before a bad one are written.
    for (const row of iterate(rowdicts)) callMethod(w['writer'], 'writerow', dictToList(w, row));
    return null;
  }),
});
