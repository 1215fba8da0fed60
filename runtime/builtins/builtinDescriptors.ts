/**
 * The builtin types' data descriptors in their namespaces (`int.real`,
 * `slice.start`, `BaseException.args`, `OSError.errno`…: dataDescriptors.ts),
 * and the builtin exception classes' `__module__`. Installed once the types
 * are classes (types.ts imports this module last).
 */
import { PyComplex, isFloat, isIntNumber, unbox } from './values.js';
import * as exceptions from './exceptions.js';
import { BaseExceptionGroup, ExceptionGroup } from './exceptionGroups.js';
import { AttributeError, BaseException, TypeError, isBaseException } from './exceptions.js';
import { COMPLEX_ATTRIBUTES, FLOAT_ATTRIBUTES, INT_ATTRIBUTES } from './numbers/methods.js';
import { PySlice } from './items.js';
import { PyRange } from './range.js';
import { PyMemoryView } from './memoryview/view.js';
import {
  PyClassMethod, PyProperty, PyStaticMethod, classmethod, property, staticmethod, writeInstanceAttr, type PyClass,
} from './classes.js';
import { addDataDescriptors, type FieldAccess, type FieldSpec } from './classes/dataDescriptors.js';
import { sizeHooks } from './sizes.js';
import { tupleFromIterable } from './tuple.js';
import { complex, float, int, memoryview } from './functions.js';
import { slice } from './items.js';
import { range } from './range.js';

type Fields = Record<string, unknown>;

const readonly = (get: (obj: unknown) => unknown): FieldAccess => ({ get });

/** A field read as the JS property of the same name. */
const property_ = (name: string): FieldAccess => readonly((obj) => (obj as Fields)[name]);

const getsets = (names: readonly string[], access: (name: string) => FieldAccess, docs: Record<string, string> = {}): FieldSpec[] =>
  names.map((name) => ({ name, kind: 'getset', doc: docs[name] ?? null, access: access(name) }));
const members = (names: readonly string[], access: (name: string) => FieldAccess, docs: Record<string, string> = {}): FieldSpec[] =>
  names.map((name) => ({ name, kind: 'member', doc: docs[name] ?? null, access: access(name) }));

// ---------------------------------------------------------------------------
// Numbers: read from the value (a subclass's instance holds it boxed).

const REAL_DOCS = { real: 'the real part of a complex number', imag: 'the imaginary part of a complex number' };

function numberField(table: Record<string, (self: never) => unknown>): (name: string) => FieldAccess {
  return (name) => readonly((obj) => (table[name] as (self: unknown) => unknown)(unbox(obj)));
}

function isIntValue(v: unknown): boolean {
  const b = unbox(v);
  return typeof b === 'bigint' || typeof b === 'boolean' || (typeof b === 'number' && isIntNumber(b));
}

function numberDescriptors(): void {
  addDataDescriptors(int as unknown as PyClass, getsets(['real', 'imag', 'numerator', 'denominator'], numberField(INT_ATTRIBUTES), {
    ...REAL_DOCS, numerator: 'the numerator of a rational number in lowest terms', denominator: 'the denominator of a rational number in lowest terms',
  }), isIntValue);
  addDataDescriptors(float as unknown as PyClass, getsets(['real', 'imag'], numberField(FLOAT_ATTRIBUTES), REAL_DOCS), (v) => isFloat(unbox(v)));
  addDataDescriptors(complex as unknown as PyClass, members(['real', 'imag'], numberField(COMPLEX_ATTRIBUTES), REAL_DOCS), (v) => unbox(v) instanceof PyComplex);
}

// ---------------------------------------------------------------------------
// The runtime's classes for slice, range, memoryview and the method descriptors: their JS properties.

const MEMORYVIEW_DOCS: Record<string, string> = {
  obj: 'The underlying object of the memoryview.',
  nbytes: 'The amount of space in bytes that the array would use in\n a contiguous representation.',
  readonly: 'A bool indicating whether the memory is read only.',
  itemsize: 'The size in bytes of each element of the memoryview.',
  format: 'A string containing the format (in struct module style)\n for each element in the view.',
  ndim: 'An integer indicating how many dimensions of a multi-dimensional\n array the memory represents.',
  shape: 'A tuple of ndim integers giving the shape of the memory\n as an N-dimensional array.',
  strides: 'A tuple of ndim integers giving the size in bytes to access\n each element for each dimension of the array.',
  suboffsets: 'A tuple of integers used internally for PIL-style arrays.',
  c_contiguous: 'A bool indicating whether the memory is C contiguous.',
  f_contiguous: 'A bool indicating whether the memory is Fortran contiguous.',
  contiguous: 'A bool indicating whether the memory is contiguous.',
};

function runtimeClassDescriptors(): void {
  addDataDescriptors(slice as unknown as PyClass, members(['start', 'stop', 'step'], property_), (v) => v instanceof PySlice);
  addDataDescriptors(range as unknown as PyClass, members(['start', 'stop', 'step'], property_), (v) => v instanceof PyRange);
  addDataDescriptors(property as unknown as PyClass, members(['fget', 'fset', 'fdel'], property_), (v) => v instanceof PyProperty);
  for (const [cls, kind] of [[staticmethod, PyStaticMethod], [classmethod, PyClassMethod]] as const) {
    addDataDescriptors(cls as unknown as PyClass, members(['__func__', '__wrapped__'], () => property_('__func__')), (v) => v instanceof kind);
  }
  addDataDescriptors(memoryview as unknown as PyClass, getsets(Object.keys(MEMORYVIEW_DOCS), property_, MEMORYVIEW_DOCS), (v) => v instanceof PyMemoryView);
}

// ---------------------------------------------------------------------------
// Exceptions: their fields are the instance's own properties (JS's own `name` getter is not one).

const BASE_EXCEPTION_PROTO: object = BaseException.prototype;

/**
 * An exception's field: its own property, or what its class computes (a
 * getter of StopIteration's, SystemExit's: `value` from the args), never
 * JS's `name` and `message`, which BaseException's prototype defines.
 */
function readField(e: object, name: string): unknown {
  if (Object.hasOwn(e, name)) return (e as Fields)[name];
  for (let p = Object.getPrototypeOf(e) as object | null; p !== null && p !== BASE_EXCEPTION_PROTO; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d !== undefined) return d.get !== undefined ? d.get.call(e) : d.value;
  }
  return undefined;
}

/** Stores a field: over a computing getter an own property, kept out of the exception's `__dict__` as the field is in CPython. */
function writeField(e: object, name: string, value: unknown): void {
  if (Object.hasOwn(e, name)) (e as Fields)[name] = value;
  else Object.defineProperty(e, name, { value, writable: true, configurable: true, enumerable: false });
}

/** A field CPython keeps in the exception's struct (T_OBJECT): None until set, None again once deleted. */
function exceptionMember(name: string): FieldAccess {
  return {
    get: (e) => readField(e as object, name) ?? null,
    set: (e, value) => writeField(e as object, name, value),
    delete: (e) => writeField(e as object, name, null),
  };
}

/** A field whose deletion CPython refuses (`args may not be deleted`). */
function undeletable(name: string, set: (e: Fields, value: unknown) => void): FieldAccess {
  return {
    get: (e) => readField(e as object, name) ?? null,
    set: (e, value) => set(e as Fields, value),
    delete: () => {
      throw new TypeError(`${name} may not be deleted`);
    },
  };
}

function exceptionLink(name: '__cause__' | '__context__', what: string): FieldAccess {
  return undeletable(name, (e, value) => {
    if (value !== null && value !== undefined && !isBaseException(value)) throw new TypeError(`exception ${what} must be None or derive from BaseException`);
    writeInstanceAttr(e, name, value ?? null);
    // Setting a cause suppresses the context, as `raise … from …` does.
    if (name === '__cause__') writeInstanceAttr(e, '__suppress_context__', true);
  });
}

const exceptionMembers = (cls: unknown, docs: Record<string, string>): void =>
  addDataDescriptors(cls as PyClass, members(Object.keys(docs), exceptionMember, docs));

function exceptionDescriptors(): void {
  addDataDescriptors(BaseException as unknown as PyClass, [
    {
      name: '__suppress_context__', kind: 'member', access: {
        get: (e) => (e as Fields)['__suppress_context__'] ?? false,
        set: (e, value) => writeInstanceAttr(e as object, '__suppress_context__', value),
        delete: () => {
          throw new TypeError("can't delete numeric/char attribute");
        },
      },
    },
    { name: 'args', kind: 'getset', access: undeletable('args', (e, value) => writeInstanceAttr(e, 'args', tupleFromIterable(value))) },
    { name: '__traceback__', kind: 'getset', access: undeletable('__traceback__', (e, value) => writeInstanceAttr(e, '__traceback__', value)) },
    { name: '__context__', kind: 'getset', doc: 'exception context', access: exceptionLink('__context__', 'context') },
    { name: '__cause__', kind: 'getset', doc: 'exception cause', access: exceptionLink('__cause__', 'cause') },
  ]);

  exceptionMembers(exceptions.StopIteration, { value: 'generator return value' });
  exceptionMembers(exceptions.SystemExit, { code: 'exception code' });
  exceptionMembers(exceptions.ImportError, { msg: 'exception message', name: 'module name', path: 'module path' });
  exceptionMembers(exceptions.OSError, {
    errno: 'POSIX exception code', strerror: 'exception strerror', filename: 'exception filename', filename2: 'second exception filename',
  });
  addDataDescriptors(exceptions.OSError as unknown as PyClass, [{
    name: 'characters_written', kind: 'getset', access: {
      get: (e) => {
        if (!Object.hasOwn(e as object, 'characters_written')) throw new AttributeError('characters_written');
        return (e as Fields)['characters_written'];
      },
      set: (e, value) => writeInstanceAttr(e as object, 'characters_written', value),
      delete: (e) => {
        if (!Object.hasOwn(e as object, 'characters_written')) throw new AttributeError('characters_written');
        delete (e as Fields)['characters_written'];
      },
    },
  }]);
  exceptionMembers(exceptions.SyntaxError, {
    msg: 'exception msg', filename: 'exception filename', lineno: 'exception lineno', offset: 'exception offset', text: 'exception text',
    end_lineno: 'exception end lineno', end_offset: 'exception end offset', print_file_and_line: 'exception print_file_and_line',
  });
  exceptionMembers(exceptions.NameError, { name: 'name' });
  exceptionMembers(exceptions.AttributeError, { name: 'attribute name', obj: 'object' });
  for (const cls of [exceptions.UnicodeDecodeError, exceptions.UnicodeEncodeError, exceptions.UnicodeTranslateError]) {
    exceptionMembers(cls, { encoding: 'exception encoding', object: 'exception object', start: 'exception start', end: 'exception end', reason: 'exception reason' });
}
exceptionMembers(BaseExceptionGroup, { message: 'exception message', exceptions: 'nested exceptions' });
}

// ---------------------------------------------------------------------------
// The builtin exception classes: module `builtins`, and C types for `__sizeof__`.

/** Installs the descriptors and the exceptions' module: called by types.ts once the builtin types are classes. */
export function installBuiltinDescriptors(): void {
  numberDescriptors();
  runtimeClassDescriptors();
  exceptionDescriptors();
  for (const cls of BUILTIN_EXCEPTIONS) {
    Object.defineProperty(cls, '__module__', { value: 'builtins', writable: true, configurable: true, enumerable: false });
  }
  sizeHooks.isBuiltinException = (cls) => BUILTIN_EXCEPTIONS.has(cls);
}

const BUILTIN_EXCEPTIONS = new Set<unknown>([BaseExceptionGroup, ExceptionGroup]);
for (const value of Object.values(exceptions)) {
  if (typeof value === 'function' && (value === BaseException || exceptions.isExceptionClass(value))) BUILTIN_EXCEPTIONS.add(value);
}
