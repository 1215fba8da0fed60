/**
 * configparser's exceptions, as Python 3.11 documents them: every one an
 * `Error` (an Exception whose str and repr are its `message`), with the
 * attributes the documentation names (`section`, `option`, `source`,
 * `lineno`, `reference`, `errors`…) and CPython's `args` and messages.
 * The messages are formatted with Python's own `%` and `str.format`, so a
 * caller's odd argument (a float line number) reads as in CPython.
 */
import { BaseException, DeprecationWarning, Exception, KeyError, ValueError } from '../../../builtins/exceptions.js';
import { toPython } from '../../../builtins/errors.js';
import { PyTraceback } from '../../../builtins/tracebackObjects.js';
import { callMethod, getattr, setattr } from '../../../builtins/attributes.js';
import { PyProperty } from '../../../builtins/classes.js';
import { add, mod } from '../../../builtins/operators.js';
import { truthy } from '../../../builtins/truth.js';
import { PyTuple } from '../../../builtins/values.js';
import { warnCaller } from '../warnings/fromRuntime.js';
import { pyFunction } from '../pydef.js';
import { defineClass, newException } from '../stdlib/pyclass.js';

const Q = 'configparser';

/** How many levels of references an interpolation follows before giving up. */
export const MAX_INTERPOLATION_DEPTH = 10;

const tuple = (...items: unknown[]): PyTuple => PyTuple.fromArray(items);
const orNone = (v: unknown): unknown => (v === undefined ? null : v);

/** `Error.__init__(self, msg)`: the message, which str() and repr() show, and Exception's args. */
function initError(self: unknown, msg: unknown): void {
  setattr(self, 'message', msg);
  callMethod(Exception, '__init__', self, msg);
}

const showMessage = pyFunction('self', 'Error.__repr__', Q, (self: unknown) => getattr(self, 'message'));

export const Error = defineClass(Q, 'Error', [Exception], {
  __doc__: 'Base class for ConfigParser exceptions.',
  __init__: pyFunction('self, msg=', 'Error.__init__', Q, (self: unknown, msg: unknown = '') => {
    initError(self, msg);
    return null;
  }),
  __repr__: showMessage,
  __str__: showMessage,
});

export const NoSectionError = defineClass(Q, 'NoSectionError', [Error], {
  __doc__: 'Raised when no section matches a requested option.',
  __init__: pyFunction('self, section', 'NoSectionError.__init__', Q, (self: unknown, section: unknown) => {
    initError(self, mod('No section: %r', tuple(section)));
    setattr(self, 'section', section);
    setattr(self, 'args', tuple(section));
    return null;
  }),
});

/** "Section 'a' already exists", or with the source known "While reading from 'src' [line  3]: section 'a' already exists". */
function alreadyExists(kind: 'section' | 'option', what: string, source: unknown, lineno: unknown): string {
  if (source === null) return `${kind === 'section' ? 'Section' : 'Option'} ${what} already exists`;
  let text = `While reading from ${mod('%r', tuple(source)) as string}`;
  if (lineno !== null) text += callMethod(' [line {0:2d}]', 'format', lineno) as string;
  return `${text}: ${kind} ${what} already exists`;
}

export const DuplicateSectionError = defineClass(Q, 'DuplicateSectionError', [Error], {
  __doc__: 'Raised when a section is repeated in an input source.',
  __init__: pyFunction('self, section, source=, lineno=', 'DuplicateSectionError.__init__', Q,
    (self: unknown, section: unknown, source: unknown, lineno: unknown) => {
      source = orNone(source);
      lineno = orNone(lineno);
      initError(self, alreadyExists('section', mod('%r', tuple(section)) as string, source, lineno));
      setattr(self, 'section', section);
      setattr(self, 'source', source);
      setattr(self, 'lineno', lineno);
      setattr(self, 'args', tuple(section, source, lineno));
      return null;
    }),
});

export const DuplicateOptionError = defineClass(Q, 'DuplicateOptionError', [Error], {
  __doc__: 'Raised by strict parsers when an option is repeated in an input source.',
  __init__: pyFunction('self, section, option, source=, lineno=', 'DuplicateOptionError.__init__', Q,
    (self: unknown, section: unknown, option: unknown, source: unknown, lineno: unknown) => {
      source = orNone(source);
      lineno = orNone(lineno);
      initError(self, alreadyExists('option', mod('%r in section %r', tuple(option, section)) as string, source, lineno));
      setattr(self, 'section', section);
      setattr(self, 'option', option);
      setattr(self, 'source', source);
      setattr(self, 'lineno', lineno);
      setattr(self, 'args', tuple(section, option, source, lineno));
      return null;
    }),
});

export const NoOptionError = defineClass(Q, 'NoOptionError', [Error], {
  __doc__: 'A requested option was not found.',
  __init__: pyFunction('self, option, section', 'NoOptionError.__init__', Q, (self: unknown, option: unknown, section: unknown) => {
    initError(self, mod('No option %r in section: %r', tuple(option, section)));
    setattr(self, 'option', option);
    setattr(self, 'section', section);
    setattr(self, 'args', tuple(option, section));
    return null;
  }),
});

function initInterpolationError(self: unknown, option: unknown, section: unknown, msg: unknown): void {
  initError(self, msg);
  setattr(self, 'option', option);
  setattr(self, 'section', section);
  setattr(self, 'args', tuple(option, section, msg));
}

export const InterpolationError = defineClass(Q, 'InterpolationError', [Error], {
  __doc__: 'Base class for interpolation-related exceptions.',
  __init__: pyFunction('self, option, section, msg', 'InterpolationError.__init__', Q,
    (self: unknown, option: unknown, section: unknown, msg: unknown) => {
      initInterpolationError(self, option, section, msg);
      return null;
    }),
});

export const InterpolationMissingOptionError = defineClass(Q, 'InterpolationMissingOptionError', [InterpolationError], {
  __doc__: 'A string substitution required a setting which was not available.',
  __init__: pyFunction('self, option, section, rawval, reference', 'InterpolationMissingOptionError.__init__', Q,
    (self: unknown, option: unknown, section: unknown, rawval: unknown, reference: unknown) => {
      const msg = callMethod(
        'Bad value substitution: option {!r} in section {!r} contains an interpolation key {!r} which is not a valid option name. Raw value: {!r}',
        'format', option, section, reference, rawval);
      initInterpolationError(self, option, section, msg);
      setattr(self, 'reference', reference);
      setattr(self, 'args', tuple(option, section, rawval, reference));
      return null;
    }),
});

export const InterpolationSyntaxError = defineClass(Q, 'InterpolationSyntaxError', [InterpolationError], {
  __doc__: 'Raised when the source text contains invalid syntax.\n\n    Current implementation raises this exception when the source text into\n    which substitutions are made does not conform to the required syntax.\n    ',
});

export const InterpolationDepthError = defineClass(Q, 'InterpolationDepthError', [InterpolationError], {
  __doc__: 'Raised when substitutions are nested too deeply.',
  __init__: pyFunction('self, option, section, rawval', 'InterpolationDepthError.__init__', Q,
    (self: unknown, option: unknown, section: unknown, rawval: unknown) => {
      const msg = callMethod(
        'Recursion limit exceeded in value substitution: option {!r} in section {!r} contains an interpolation key which cannot be substituted in {} steps. Raw value: {!r}',
        'format', option, section, MAX_INTERPOLATION_DEPTH, rawval);
      initInterpolationError(self, option, section, msg);
      setattr(self, 'args', tuple(option, section, rawval));
      return null;
    }),
});

const FILENAME_DEPRECATED = "The 'filename' attribute will be removed in Python 3.12. Use 'source' instead.";

export const ParsingError = defineClass(Q, 'ParsingError', [Error], {
  __doc__: 'Raised when a configuration file does not follow legal syntax.',
  __init__: pyFunction('self, source=, filename=', 'ParsingError.__init__', Q, (self: unknown, source: unknown, filename: unknown) => {
    source = orNone(source);
    filename = orNone(filename);
    // `filename` is the argument's name before 3.2, still taken (the attribute of that name warns).
    if (truthy(filename) && truthy(source)) throw new ValueError("Cannot specify both `filename' and `source'. Use `source'.");
    if (!truthy(filename) && !truthy(source)) throw new ValueError("Required argument `source' not given.");
    if (truthy(filename)) source = filename;
    // `% source`, not `% (source,)`: a tuple source is the format's arguments, as in CPython.
    initError(self, mod('Source contains parsing errors: %r', source));
    setattr(self, 'source', source);
    setattr(self, 'errors', []);
    setattr(self, 'args', tuple(source));
    return null;
  }),
  filename: new PyProperty(
    pyFunction('self', 'ParsingError.filename', Q, (self: unknown) => {
      warnCaller(FILENAME_DEPRECATED, DeprecationWarning, 2);
      return getattr(self, 'source');
    }),
    pyFunction('self, value', 'ParsingError.filename', Q, (self: unknown, value: unknown) => {
      warnCaller(FILENAME_DEPRECATED, DeprecationWarning, 2);
      setattr(self, 'source', value);
      return null;
    }),
  ),
  append: pyFunction('self, lineno, line', 'ParsingError.append', Q, (self: unknown, lineno: unknown, line: unknown) => {
    callMethod(getattr(self, 'errors'), 'append', tuple(lineno, line));
    setattr(self, 'message', add(getattr(self, 'message'), mod('\n\t[line %2d]: %s', tuple(lineno, line))));
    return null;
  }),
});

export const MissingSectionHeaderError = defineClass(Q, 'MissingSectionHeaderError', [ParsingError], {
  __doc__: 'Raised when a key-value pair is found before any section header.',
  __init__: pyFunction('self, filename, lineno, line', 'MissingSectionHeaderError.__init__', Q,
    (self: unknown, filename: unknown, lineno: unknown, line: unknown) => {
      initError(self, mod('File contains no section headers.\nfile: %r, line: %d\n%r', tuple(filename, lineno, line)));
      setattr(self, 'source', filename);
      setattr(self, 'lineno', lineno);
      setattr(self, 'line', line);
      setattr(self, 'args', tuple(filename, lineno, line));
      return null;
    }),
});

/** `cls(*args)` raised by the module, with the stack of the raise. */
export function configError(cls: unknown, ...args: unknown[]): globalThis.Error {
  return newException(cls, args, null);
}

/** A JS error with no stack frames. */
function stackless(): globalThis.Error {
  // `Error` here is configparser's class.
  const JsError = globalThis.Error;
  const limit = JsError.stackTraceLimit;
  JsError.stackTraceLimit = 0;
  try {
    return new JsError();
  } finally {
    JsError.stackTraceLimit = limit;
  }
}

/**
 * `error` raised in CPython's `except` handler of `context` (`suppress`:
 * with `from None`): its context, which an uncaught report prints before
 * it unless suppressed. The context was raised and caught inside the
 * library (the KeyError of a dict lookup, a TypeError, the NoOptionError
 * of a `get` the interpolation made): CPython's report shows none of the
 * program's frames for it, so it gets a traceback without them.
 */
export function chained(error: globalThis.Error, context: unknown, suppress: boolean): globalThis.Error {
  const ctx = toPython(context);
  if (ctx instanceof BaseException) ctx.__traceback__ = new PyTraceback(stackless(), ctx);
  const e = error as unknown as BaseException;
  e.__context__ = ctx instanceof BaseException ? ctx : null;
  if (suppress) e.__suppress_context__ = true;
  return error;
}

/** `error` raised where CPython's lookup of `key` in a dict failed (`except KeyError:`). */
export function afterKeyError(error: globalThis.Error, key: unknown, suppress: boolean): globalThis.Error {
  return chained(error, new KeyError(key), suppress);
}
