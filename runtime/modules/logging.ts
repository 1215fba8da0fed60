/**
 * Python's `logging` module (CPython 3.11's logging/__init__.py): levels,
 * the logger hierarchy, handlers, formatters, filters, basicConfig,
 * lastResort and the module-level shortcuts. Its exports are exactly the
 * module's attributes; the classes live in support/logging/.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { DeprecationWarning, OSError, ValueError } from '../builtins/exceptions.js';
import { warnCaller } from './support/warnings/fromRuntime.js';
import { toPython } from '../builtins/errors.js';
import { callMethod, callMethodKw, getattr } from '../builtins/attributes.js';
import { call } from '../builtins/calls.js';
import { PyDict } from '../builtins/dict.js';
import { truthy } from '../builtins/truth.js';
import { PyTuple } from '../builtins/values.js';
import { atExit, preloadFrames } from '../program/main.js';
import { asyncioLogger, futuresLogger, type LoggerHook } from '../asyncio/output.js';
import { loopReport } from './support/logging/exceptions.js';
import { loadedModules } from './support/moduleTable.js';
import { kwargsRecord, pyFunction } from './support/pydef.js';
import { CRITICAL, addLevel, checkLevel, levelName, levelToName, nameToLevel } from './support/logging/levels.js';
import { attributes, recordFactory } from './support/logging/record.js';
import { Formatter, STYLES, defaultFormatter, styleError } from './support/logging/formatter.js';
import { FileHandler, StreamHandler, defaultLastResort, liveHandlers, settings } from './support/logging/handlers.js';
import { lastResortRef, loggerClass, manager, root as rootLogger } from './support/logging/loggers.js';
import * as self from './logging.js';

export const __name__ = 'logging';
loadedModules.$set('logging', self);

const Q = 'logging';

type Obj = Record<string, unknown>;

export { CRITICAL, DEBUG, ERROR, FATAL, INFO, NOTSET, WARN, WARNING } from './support/logging/levels.js';
export { LogRecord } from './support/logging/record.js';
export { Formatter, PercentStyle, StrFormatStyle, StringTemplateStyle } from './support/logging/formatter.js';
export { Filter, Filterer } from './support/logging/filters.js';
export { FileHandler, Handler, NullHandler, StreamHandler, _StderrHandler } from './support/logging/handlers.js';
export { Logger, LoggerAdapter, Manager, PlaceHolder, RootLogger } from './support/logging/loggers.js';

export const BASIC_FORMAT = '%(levelname)s:%(name)s:%(message)s';
export const root = rootLogger;
export const _defaultFormatter = defaultFormatter;
export const _defaultLastResort = defaultLastResort;
export const _levelToName = levelToName;
export const _nameToLevel = nameToLevel;
export const _checkLevel = pyFunction('level', '_checkLevel', Q, (level: unknown) => checkLevel(level));

export let lastResort: unknown = defaultLastResort;
export let raiseExceptions: unknown = true;
lastResortRef.current = lastResort;

/** Assignments from Python (`logging.lastResort = None`, `logging.raiseExceptions = False`); see sys.ts. */
export function $module$setattr(name: string, value: unknown): boolean {
  switch (name) {
    case 'lastResort':
      lastResort = value;
      lastResortRef.current = value;
      return true;
    case 'raiseExceptions':
      raiseExceptions = value;
      settings.raiseExceptions = value;
      return true;
  }
  return false;
}

// asyncio's and concurrent.futures' reports go through their loggers from now on (see asyncio/output.ts).
function logThrough(name: string): NonNullable<LoggerHook['log']> {
  return (level, text, e) => {
    const logger = callMethod(manager, 'getLogger', name);
    if (!truthy(callMethod(logger, 'isEnabledFor', level))) return true;
    if (!truthy(callMethod(logger, 'hasHandlers')) && lastResortRef.current === defaultLastResort) return false;
    const outer = loopReport.exception;
    loopReport.exception = e;
    try {
      callMethodKw(logger, 'log', [level, text], e === null ? null : { exc_info: e });
    } finally {
      loopReport.exception = outer;
    }
    return true;
  };
}
asyncioLogger.log = logThrough('asyncio');
futuresLogger.log = logThrough('concurrent.futures');

export const getLevelName = pyFunction('level', 'getLevelName', Q, (level: unknown) => levelName(level));

export const addLevelName = pyFunction('level, levelName', 'addLevelName', Q, (level: unknown, name: unknown) => {
  addLevel(level, name);
  return null;
});

export const getLevelNamesMapping = pyFunction('', 'getLevelNamesMapping', Q, () => {
  const copy = new PyDict<unknown, unknown>();
  for (const k of nameToLevel) copy.$set(k, nameToLevel.$get(k));
  return copy;
});

export const getLogger = pyFunction('name=', 'getLogger', Q, (name: unknown = null) => {
  if (!truthy(name) || name === 'root') return rootLogger;
  return callMethod(manager, 'getLogger', name);
});

export const getLoggerClass = pyFunction('', 'getLoggerClass', Q, () => loggerClass.current);

export const setLoggerClass = pyFunction('klass', 'setLoggerClass', Q, (klass: unknown) => {
  loggerClass.current = klass;
  return null;
});

export const getLogRecordFactory = pyFunction('', 'getLogRecordFactory', Q, () => recordFactory.current);

export const setLogRecordFactory = pyFunction('factory', 'setLogRecordFactory', Q, (factory: unknown) => {
  recordFactory.current = factory;
  return null;
});

export const makeLogRecord = pyFunction('dict', 'makeLogRecord', Q, (dict: unknown) => {
  const rv = call(recordFactory.current, [null, null, '', 0, '', PyTuple.fromArray([]), null, null], null);
  callMethod(attributes(rv), 'update', dict);
  return rv;
});

export const disable = pyFunction('level=', 'disable', Q, (level: unknown = CRITICAL) => {
  (manager as Obj)['disable'] = checkLevel(level);
  return null;
});

function pop(kwargs: PyDict<unknown, unknown>, key: string, fallback: unknown): unknown {
  if (!kwargs.$has(key)) return fallback;
  const v = kwargs.$get(key);
  kwargs.$delete(key);
  return v;
}

export const basicConfig = pyFunction('**kwargs', 'basicConfig', Q, (kwargs: PyDict<unknown, unknown>) => {
  const force = pop(kwargs, 'force', false);
  const encoding = pop(kwargs, 'encoding', null);
  let errors = pop(kwargs, 'errors', 'backslashreplace');
  const rootHandlers = getattr(rootLogger, 'handlers') as unknown[];
  if (truthy(force)) {
    for (const h of [...rootHandlers]) {
      callMethod(rootLogger, 'removeHandler', h);
      callMethod(h, 'close');
    }
  }
  if (rootHandlers.length > 0) return null;
  let handlers = pop(kwargs, 'handlers', null);
  if (handlers === null) {
    if (kwargs.$has('stream') && kwargs.$has('filename')) throw new ValueError("'stream' and 'filename' should not be specified together");
  } else if (kwargs.$has('stream') || kwargs.$has('filename')) {
    throw new ValueError("'stream' or 'filename' should not be specified together with 'handlers'");
  }
  if (handlers === null) {
    const filename = pop(kwargs, 'filename', null);
    const mode = pop(kwargs, 'filemode', 'a');
    let h: unknown;
    if (truthy(filename)) {
      if (String(mode).includes('b')) errors = null;
      h = call(FileHandler, [filename, mode], { encoding, errors });
    } else {
      h = call(StreamHandler, [pop(kwargs, 'stream', null)], null);
    }
    handlers = [h];
  }
  const dfs = pop(kwargs, 'datefmt', null);
  const style = pop(kwargs, 'style', '%');
  const known = typeof style === 'string' ? STYLES.get(style) : undefined;
  if (known === undefined) throw styleError();
  const fs = pop(kwargs, 'format', known[1]);
  const fmt = call(Formatter, [fs, dfs, style], null);
  for (const h of [...(callMethod(handlers, '__iter__') as Iterable<unknown>)]) {
    if (getattr(h, 'formatter') === null) callMethod(h, 'setFormatter', fmt);
    callMethod(rootLogger, 'addHandler', h);
  }
  const level = pop(kwargs, 'level', null);
  if (level !== null) callMethod(rootLogger, 'setLevel', level);
  if (kwargs.$size > 0) throw new ValueError(`Unrecognised argument(s): ${[...kwargs].map(String).join(', ')}`);
  return null;
});

/** The module-level shortcuts configure the root logger first when it has no handler. */
function rootMethod(name: string): unknown {
  return pyFunction('msg, *args, **kwargs', name, Q, (msg: unknown, args: PyTuple, kwargs: PyDict<unknown, unknown>) => {
    if ((getattr(rootLogger, 'handlers') as unknown[]).length === 0) call(basicConfig, [], null);
    callMethodKw(rootLogger, name, [msg, ...args], kwargsRecord(kwargs) ?? null);
    return null;
  });
}

export const debug = rootMethod('debug');
export const info = rootMethod('info');
export const warning = rootMethod('warning');
export const warn = pyFunction('msg, *args, **kwargs', 'warn', Q, (msg: unknown, args: PyTuple, kwargs: PyDict<unknown, unknown>) => {
  warnCaller("The 'warn' function is deprecated, use 'warning' instead", DeprecationWarning, 2);
  call(warning, [msg, ...args], kwargsRecord(kwargs) ?? null);
  return null;
});
export const error = rootMethod('error');
export const critical = rootMethod('critical');
export const fatal = rootMethod('fatal');

export const exception = pyFunction('msg, *args, exc_info=, **kwargs', 'exception', Q,
  (msg: unknown, args: PyTuple, excInfo: unknown, kwargs: PyDict<unknown, unknown>) => {
    if ((getattr(rootLogger, 'handlers') as unknown[]).length === 0) call(basicConfig, [], null);
    callMethodKw(rootLogger, 'error', [msg, ...args], { ...kwargsRecord(kwargs), exc_info: excInfo ?? true });
    return null;
  });

export const log = pyFunction('level, msg, *args, **kwargs', 'log', Q,
  (level: unknown, msg: unknown, args: PyTuple, kwargs: PyDict<unknown, unknown>) => {
    if ((getattr(rootLogger, 'handlers') as unknown[]).length === 0) call(basicConfig, [], null);
    callMethodKw(rootLogger, 'log', [level, msg, ...args], kwargsRecord(kwargs) ?? null);
    return null;
  });

/** Flushes and closes the handlers, newest first, ignoring OSError and ValueError; runs at exit as in CPython. */
export const shutdown = pyFunction('handlerList=', 'shutdown', Q, (list: unknown = null) => {
  const handlers = list === null ? liveHandlers() : [...(list as Iterable<unknown>)];
  for (const h of handlers.reverse()) {
    try {
      if (truthy(getattr(h, 'flushOnClose', true))) callMethod(h, 'flush');
      callMethod(h, 'close');
    } catch (raw) {
      const e = toPython(raw);
      if (!(e instanceof OSError || e instanceof ValueError)) throw e;
    }
  }
  return null;
});

atExit(() => call(shutdown, [], null), shutdown);

// `exception()` and `exc_info=True` print the frames of a traceback while the program runs: under
// `pyasync run` the source-mapped frame formatter is loaded before the program's code does.
await preloadFrames();
