/**
 * logging's loggers, as CPython 3.11's: Logger (levels, handlers,
 * propagation to the parent, lastResort when no handler is found),
 * RootLogger, the Manager that keeps the dotted hierarchy (PlaceHolders
 * stand for parents not asked for yet), and LoggerAdapter.
 *
 * The caller of a logging call is the innermost frame of the Python stack
 * (main.ts pythonStack, source-mapped under `pyasync run` and the Node
 * loader); where that is not known, records say what CPython says when it
 * cannot find one (see record.ts).
 */
import { BaseException, DeprecationWarning, KeyError, TypeError } from '../../../builtins/exceptions.js';
import { warnCaller } from '../warnings/fromRuntime.js';
import { call } from '../../../builtins/calls.js';
import { PyDict } from '../../../builtins/dict.js';
import { callMethod, callMethodKw, getattr, setattr } from '../../../builtins/attributes.js';
import { repr, str } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { isinstance } from '../../../builtins/types.js';
import { isinstanceInt } from '../../../builtins/isinstanceFast.js';
import { PyTuple } from '../../../builtins/values.js';
import { handledException } from '../../../builtins/handledException.js';
import { pyClassOf, type PyClass } from '../../../builtins/classes.js';
import * as sys from '../../sys.js';
import { callerStack, pythonStack } from '../../../program/main.js';
import { kwargsRecord, pyClass, pyFunction } from '../pydef.js';
import { Filterer, passesFilters } from './filters.js';
import { settings } from './handlers.js';
import { CRITICAL, DEBUG, ERROR, INFO, NOTSET, WARNING, checkLevel, levelName } from './levels.js';
import { UNKNOWN_CALLER, attributes, recordFactory } from './record.js';

const Q = 'logging';

type Obj = Record<string, unknown>;

/** logging.lastResort, which the module lets Python code replace (`logging.lastResort = None`). */
export const lastResortRef: { current: unknown } = { current: null };

const LOG_KEYWORDS = 'exc_info=, extra=, stack_info=, stacklevel=';

type LevelMethod = (self: Obj, msg: unknown, args: PyTuple, excInfo: unknown, extra: unknown, stackInfo: unknown, stacklevel: unknown) => null;

function levelMethod(name: string, level: number, excDefault: unknown = null): LevelMethod {
  return pyFunction(`self, msg, *args, ${LOG_KEYWORDS}`, `Logger.${name}`, Q,
    (self: Obj, msg: unknown, args: PyTuple, excInfo: unknown, extra: unknown, stackInfo: unknown, stacklevel: unknown) => {
      if (truthy(callMethod(self, 'isEnabledFor', level))) {
        callMethod(self, '_log', level, msg, args, excInfo === undefined ? excDefault : excInfo, extra ?? null, stackInfo ?? false, stacklevel ?? 1);
      }
      return null;
    });
}

/** An exc_info argument as the record keeps it: a (type, value, traceback) tuple. */
function excInfoTuple(excInfo: unknown): unknown {
  if (!truthy(excInfo)) return null;
  if (excInfo instanceof BaseException) return sys.$excInfoOf(excInfo);
  if (excInfo instanceof PyTuple) return excInfo;
  // True: sys.exc_info(), the exception being handled.
  return sys.$excInfoOf(handledException());
}

function effectiveLevel(logger: unknown): unknown {
  let c: unknown = logger;
  while (truthy(c)) {
    const level = getattr(c, 'level');
    if (truthy(level)) return level;
    c = getattr(c, 'parent');
  }
  return NOTSET;
}

export const Logger: PyClass = pyClass('Logger', Q, [Filterer], {
  __init__: pyFunction('self, name, level=', 'Logger.__init__', Q, (self: Obj, name: unknown, level: unknown = NOTSET) => {
    callMethod(Filterer, '__init__', self);
    self['name'] = name;
    self['level'] = checkLevel(level);
    self['parent'] = null;
    self['propagate'] = true;
    self['handlers'] = [];
    self['disabled'] = false;
    return null;
  }),
  setLevel: pyFunction('self, level', 'Logger.setLevel', Q, (self: Obj, level: unknown) => {
    self['level'] = checkLevel(level);
    return null;
  }),
  debug: levelMethod('debug', DEBUG),
  info: levelMethod('info', INFO),
  warning: levelMethod('warning', WARNING),
  warn: deprecatedWarn('Logger.warn'),
  error: levelMethod('error', ERROR),
  exception: levelMethod('exception', ERROR, true),
  critical: levelMethod('critical', CRITICAL),
  fatal: levelMethod('fatal', CRITICAL),
  log: pyFunction(`self, level, msg, *args, ${LOG_KEYWORDS}`, 'Logger.log', Q,
    (self: Obj, level: unknown, msg: unknown, args: PyTuple, excInfo: unknown, extra: unknown, stackInfo: unknown, stacklevel: unknown) => {
      if (!isinstanceInt(level)) {
        if (truthy(settings.raiseExceptions)) throw new TypeError('level must be an integer');
        return null;
      }
      if (truthy(callMethod(self, 'isEnabledFor', level))) {
        callMethod(self, '_log', level, msg, args, excInfo ?? null, extra ?? null, stackInfo ?? false, stacklevel ?? 1);
      }
      return null;
    }),
  findCaller: pyFunction('self, stack_info=, stacklevel=', 'Logger.findCaller', Q, (_self: Obj, stackInfo: unknown = false, stacklevel: unknown = 1) => {
    // logging's own frames are the runtime's, which the Python stack leaves out: its innermost frame is the caller.
    const level = Math.max(Number(stacklevel), 1);
    const frames = truthy(stackInfo) ? pythonStack(new Error()) : callerStack(level);
    if (frames === null || frames.length === 0) return PyTuple.fromArray([UNKNOWN_CALLER.pathname, UNKNOWN_CALLER.lineno, UNKNOWN_CALLER.funcName, null]);
    // Each level above the first goes one frame out; past the outermost, the outermost (as 3.11's findCaller).
    const depth = Math.min(level, frames.length);
    const frame = frames[frames.length - depth]!;
    let sinfo: string | null = null;
    if (truthy(stackInfo)) {
      sinfo = 'Stack (most recent call last):\n';
      for (const f of frames.slice(0, frames.length - depth + 1)) {
        sinfo += `  File "${f.filename}", line ${f.lineno}, in ${f.name}\n`;
        if (f.line.trim() !== '') sinfo += `    ${f.line.trim()}\n`;
      }
      sinfo = sinfo.slice(0, -1);
    }
    return PyTuple.fromArray([frame.filename, frame.lineno, frame.name, sinfo]);
  }),
  makeRecord: pyFunction('self, name, level, fn, lno, msg, args, exc_info, func=, extra=, sinfo=', 'Logger.makeRecord', Q,
    (_self: Obj, name: unknown, level: unknown, fn: unknown, lno: unknown, msg: unknown, args: unknown, excInfo: unknown,
      func: unknown = null, extra: unknown = null, sinfo: unknown = null) => {
      const rv = call(recordFactory.current, [name, level, fn, lno, msg, args, excInfo, func, sinfo], null);
      if (extra !== null) {
        const d = attributes(rv);
        for (const key of callMethod(extra, 'keys') as Iterable<unknown>) {
          if (key === 'message' || key === 'asctime' || d.$has(key)) throw new KeyError(`Attempt to overwrite ${repr(key)} in LogRecord`);
          d.$set(key, callMethod(extra, '__getitem__', key));
        }
      }
      return rv;
    }),
  _log: pyFunction('self, level, msg, args, exc_info=, extra=, stack_info=, stacklevel=', 'Logger._log', Q,
    (self: Obj, level: unknown, msg: unknown, args: unknown, excInfo: unknown = null, extra: unknown = null, stackInfo: unknown = false,
      stacklevel: unknown = 1) => {
      const caller = callMethod(self, 'findCaller', stackInfo, stacklevel) as PyTuple;
      const record = call(getattr(self, 'makeRecord'), [getattr(self, 'name'), level, caller[0], caller[1], msg, args,
        excInfoTuple(excInfo), caller[2], extra, caller[3]], null);
      callMethod(self, 'handle', record);
      return null;
    }),
  handle: pyFunction('self, record', 'Logger.handle', Q, (self: Obj, record: unknown) => {
    if (!truthy(getattr(self, 'disabled')) && passesFilters(self, record)) callMethod(self, 'callHandlers', record);
    return null;
  }),
  addHandler: pyFunction('self, hdlr', 'Logger.addHandler', Q, (self: Obj, hdlr: unknown) => {
    const handlers = getattr(self, 'handlers') as unknown[];
    if (!handlers.includes(hdlr)) handlers.push(hdlr);
    return null;
  }),
  removeHandler: pyFunction('self, hdlr', 'Logger.removeHandler', Q, (self: Obj, hdlr: unknown) => {
    const handlers = getattr(self, 'handlers') as unknown[];
    const i = handlers.indexOf(hdlr);
    if (i >= 0) handlers.splice(i, 1);
    return null;
  }),
  hasHandlers: pyFunction('self', 'Logger.hasHandlers', Q, (self: Obj) => {
    let c: unknown = self;
    while (truthy(c)) {
      if ((getattr(c, 'handlers') as unknown[]).length > 0) return true;
      if (!truthy(getattr(c, 'propagate'))) break;
      c = getattr(c, 'parent');
    }
    return false;
  }),
  callHandlers: pyFunction('self, record', 'Logger.callHandlers', Q, (self: Obj, record: unknown) => {
    let c: unknown = self;
    let found = 0;
    const levelno = getattr(record, 'levelno') as number;
    while (truthy(c)) {
      for (const hdlr of [...(getattr(c, 'handlers') as unknown[])]) {
        found++;
        if (levelno >= (getattr(hdlr, 'level') as number)) callMethod(hdlr, 'handle', record);
      }
      c = truthy(getattr(c, 'propagate')) ? getattr(c, 'parent') : null;
    }
    if (found === 0) {
      const last = lastResortRef.current;
      if (truthy(last)) {
        if (levelno >= (getattr(last, 'level') as number)) callMethod(last, 'handle', record);
      } else if (truthy(settings.raiseExceptions) && !truthy(getattr(manager, 'emittedNoHandlerWarning'))) {
        callMethod(sys.stderr, 'write', `No handlers could be found for logger "${str(getattr(self, 'name'))}"\n`);
        (manager as Obj)['emittedNoHandlerWarning'] = true;
      }
    }
    return null;
  }),
  getEffectiveLevel: pyFunction('self', 'Logger.getEffectiveLevel', Q, (self: Obj) => effectiveLevel(self)),
  isEnabledFor: pyFunction('self, level', 'Logger.isEnabledFor', Q, (self: Obj, level: unknown) => {
    if (truthy(getattr(self, 'disabled'))) return false;
    if ((getattr(manager, 'disable') as number) >= (level as number)) return false;
    return (level as number) >= (callMethod(self, 'getEffectiveLevel') as number);
  }),
  getChild: pyFunction('self, suffix', 'Logger.getChild', Q, (self: Obj, suffix: unknown) => {
    const name = self === root ? suffix : `${str(getattr(self, 'name'))}.${str(suffix)}`;
    return callMethod(manager, 'getLogger', name);
  }),
  __repr__: pyFunction('self', 'Logger.__repr__', Q, (self: Obj) =>
    `<${str(getattr(pyClassOf(self), '__name__'))} ${str(getattr(self, 'name'))} (${str(levelName(callMethod(self, 'getEffectiveLevel')))})>`),
});

export const RootLogger: PyClass = pyClass('RootLogger', Q, [Logger], {
  __init__: pyFunction('self, level', 'RootLogger.__init__', Q, (self: Obj, level: unknown) => {
    callMethod(Logger, '__init__', self, 'root', level);
    return null;
  }),
});

export const PlaceHolder: PyClass = pyClass('PlaceHolder', Q, [], {
  __init__: pyFunction('self, alogger', 'PlaceHolder.__init__', Q, (self: Obj, alogger: unknown) => {
    const map = new PyDict<unknown, unknown>();
    map.$set(alogger, null);
    self['loggerMap'] = map;
    return null;
  }),
  append: pyFunction('self, alogger', 'PlaceHolder.append', Q, (self: Obj, alogger: unknown) => {
    const map = self['loggerMap'] as PyDict<unknown, unknown>;
    if (!map.$has(alogger)) map.$set(alogger, null);
    return null;
  }),
});

function loggerDict(self: unknown): PyDict<unknown, unknown> {
  return getattr(self, 'loggerDict') as PyDict<unknown, unknown>;
}

/** Links a new logger to its nearest existing ancestor, leaving PlaceHolders on the way. */
function fixupParents(self: unknown, alogger: Obj): void {
  const name = str(alogger['name']);
  const dict = loggerDict(self);
  let i = name.lastIndexOf('.');
  let rv: unknown = null;
  while (i > 0 && rv === null) {
    const substr = name.slice(0, i);
    const obj = dict.$get(substr);
    if (obj === undefined) dict.$set(substr, call(PlaceHolder, [alogger], null));
    else if (isinstance(obj, Logger)) rv = obj;
    else callMethod(obj, 'append', alogger);
    i = name.lastIndexOf('.', i - 1);
  }
  alogger['parent'] = rv ?? getattr(self, 'root');
}

/** A logger replacing a PlaceHolder becomes the parent of the loggers below it. */
function fixupChildren(ph: unknown, alogger: Obj): void {
  const name = str(alogger['name']);
  for (const c of getattr(ph, 'loggerMap') as PyDict<unknown, unknown>) {
    const child = c as Obj;
    if (!str(getattr(child['parent'], 'name')).startsWith(name)) {
      alogger['parent'] = child['parent'];
      child['parent'] = alogger;
    }
  }
}

/** The class getLogger makes loggers of (setLoggerClass). */
export const loggerClass: { current: unknown } = { current: Logger };

export const Manager: PyClass = pyClass('Manager', Q, [], {
  __init__: pyFunction('self, rootnode', 'Manager.__init__', Q, (self: Obj, rootnode: unknown) => {
    self['root'] = rootnode;
    self['disable'] = 0;
    self['emittedNoHandlerWarning'] = false;
    self['loggerDict'] = new PyDict();
    self['loggerClass'] = null;
    self['logRecordFactory'] = null;
    return null;
  }),
  getLogger: pyFunction('self, name', 'Manager.getLogger', Q, (self: Obj, name: unknown) => {
    if (typeof name !== 'string') throw new TypeError('A logger name must be a string');
    const dict = loggerDict(self);
    let rv = dict.$get(name);
    const make = (): Obj => {
      const cls = getattr(self, 'loggerClass');
      const logger = call(truthy(cls) ? cls : loggerClass.current, [name], null) as Obj;
      logger['manager'] = self;
      dict.$set(name, logger);
      return logger;
    };
    if (rv === undefined) {
      rv = make();
      fixupParents(self, rv as Obj);
    } else if (isinstance(rv, PlaceHolder)) {
      const ph = rv;
      rv = make();
      fixupChildren(ph, rv as Obj);
      fixupParents(self, rv as Obj);
    }
    return rv;
  }),
  _clear_cache: pyFunction('self', 'Manager._clear_cache', Q, () => null),
});

export const root = call(RootLogger, [WARNING], null) as Obj;
export const manager = call(Manager, [root], null) as Obj;
setattr(Logger, 'root', root);
setattr(Logger, 'manager', manager);

export const LoggerAdapter: PyClass = pyClass('LoggerAdapter', Q, [], {
  __init__: pyFunction('self, logger, extra=', 'LoggerAdapter.__init__', Q, (self: Obj, logger: unknown, extra: unknown = null) => {
    self['logger'] = logger;
    self['extra'] = extra;
    return null;
  }),
  process: pyFunction('self, msg, kwargs', 'LoggerAdapter.process', Q, (self: Obj, msg: unknown, kwargs: unknown) => {
    callMethod(kwargs, '__setitem__', 'extra', getattr(self, 'extra'));
    return PyTuple.fromArray([msg, kwargs]);
  }),
  debug: adapterMethod('debug', DEBUG),
  info: adapterMethod('info', INFO),
  warning: adapterMethod('warning', WARNING),
  warn: deprecatedWarn('LoggerAdapter.warn'),
  error: adapterMethod('error', ERROR),
  exception: adapterMethod('exception', ERROR, true),
  critical: adapterMethod('critical', CRITICAL),
  log: pyFunction('self, level, msg, *args, **kwargs', 'LoggerAdapter.log', Q,
    (self: Obj, level: unknown, msg: unknown, args: PyTuple, kwargs: PyDict<unknown, unknown>) => {
      adapterLog(self, level, msg, args, kwargs);
      return null;
    }),
  isEnabledFor: pyFunction('self, level', 'LoggerAdapter.isEnabledFor', Q, (self: Obj, level: unknown) =>
    callMethod(getattr(self, 'logger'), 'isEnabledFor', level)),
  setLevel: pyFunction('self, level', 'LoggerAdapter.setLevel', Q, (self: Obj, level: unknown) =>
    callMethod(getattr(self, 'logger'), 'setLevel', level)),
  getEffectiveLevel: pyFunction('self', 'LoggerAdapter.getEffectiveLevel', Q, (self: Obj) =>
    callMethod(getattr(self, 'logger'), 'getEffectiveLevel')),
  hasHandlers: pyFunction('self', 'LoggerAdapter.hasHandlers', Q, (self: Obj) => callMethod(getattr(self, 'logger'), 'hasHandlers')),
  __repr__: pyFunction('self', 'LoggerAdapter.__repr__', Q, (self: Obj) => {
    const logger = getattr(self, 'logger');
    return `<${str(getattr(pyClassOf(self), '__name__'))} ${str(getattr(logger, 'name'))} (${str(levelName(callMethod(logger, 'getEffectiveLevel')))})>`;
  }),
});

function adapterLog(self: Obj, level: unknown, msg: unknown, args: PyTuple, kwargs: PyDict<unknown, unknown>): void {
  const logger = getattr(self, 'logger');
  if (!truthy(callMethod(logger, 'isEnabledFor', level))) return;
  const processed = callMethod(self, 'process', msg, kwargs) as PyTuple;
  callMethodKw(logger, 'log', [level, processed[0], ...args], kwargsRecord(processed[1]) ?? null);
}

/** `warn()`, warning's deprecated alias: CPython's DeprecationWarning for its caller, then `self.warning(…)`. */
function deprecatedWarn(qualname: string): unknown {
  return pyFunction('self, msg, *args, **kwargs', qualname, Q, (self: Obj, msg: unknown, args: PyTuple, kwargs: PyDict<unknown, unknown>) => {
    warnCaller("The 'warn' method is deprecated, use 'warning' instead", DeprecationWarning, 2);
    callMethodKw(self, 'warning', [msg, ...args], kwargsRecord(kwargs) ?? null);
    return null;
  });
}

function adapterMethod(name: string, level: number, excDefault?: unknown): unknown {
  return pyFunction('self, msg, *args, **kwargs', `LoggerAdapter.${name}`, Q,
    (self: Obj, msg: unknown, args: PyTuple, kwargs: PyDict<unknown, unknown>) => {
      if (excDefault !== undefined && !kwargs.$has('exc_info')) kwargs.$set('exc_info', excDefault);
      adapterLog(self, level, msg, args, kwargs);
      return null;
    });
}
