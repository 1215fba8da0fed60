/**
 * logging.LogRecord: what one logging call made, with CPython's
 * attributes. The call site is not known (no frame objects here): a
 * record says what CPython's logging says when it cannot find the caller,
 * pathname and filename "(unknown file)", lineno 0, funcName
 * "(unknown function)".
 */
import { PyDict } from '../../../builtins/dict.js';
import { getattr } from '../../../builtins/attributes.js';
import { mod } from '../../../builtins/operators.js';
import { str } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { isinstance } from '../../../builtins/types.js';
import { PyTuple, float as pyFloat } from '../../../builtins/values.js';
import type { PyClass } from '../../../builtins/classes.js';
import { Mapping } from '../../collections.abc.js';
import { getpid } from '../../os.js';
import { pyClass, pyFunction } from '../pydef.js';
import { levelName } from './levels.js';

const Q = 'logging';

type Obj = Record<string, unknown>;

/** Seconds since the epoch (JS's clock counts milliseconds). */
export function now(): number {
  return Date.now() / 1000;
}

/** When the module was loaded: relativeCreated counts from here. */
export const startTime = now();

const UNKNOWN_FILE = '(unknown file)';

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function splitextRoot(p: string): string {
  const dot = p.lastIndexOf('.');
  if (dot <= 0 || /^\.+$/.test(p.slice(0, dot + 1))) return p;
  return p.slice(0, dot);
}

const INIT_SPEC = 'self, name, level, pathname, lineno, msg, args, exc_info, func=, sinfo=, **kwargs';

export const LogRecord: PyClass = pyClass('LogRecord', Q, [], {
  __init__: pyFunction(INIT_SPEC, 'LogRecord.__init__', Q,
    (self: Obj, name: unknown, level: unknown, pathname: unknown, lineno: unknown, msg: unknown, args: unknown,
      excInfo: unknown, func: unknown = null, sinfo: unknown = null) => {
      const ct = now();
      self['name'] = name;
      self['msg'] = msg;
      let a = args;
      // A sole non-empty mapping argument: `log.debug("a %(a)d", {'a': 1})`.
      if (a instanceof PyTuple && a.length === 1 && isinstance(a[0], Mapping) && truthy(a[0])) a = a[0];
      self['args'] = a;
      self['levelname'] = levelName(level);
      self['levelno'] = level;
      self['pathname'] = pathname;
      if (typeof pathname === 'string') {
        self['filename'] = basename(pathname);
        self['module'] = splitextRoot(self['filename'] as string);
      } else {
        self['filename'] = pathname;
        self['module'] = 'Unknown module';
      }
      self['exc_info'] = excInfo;
      self['exc_text'] = null;
      self['stack_info'] = sinfo;
      self['lineno'] = lineno;
      self['funcName'] = func;
      self['created'] = pyFloat(ct);
      self['msecs'] = pyFloat(Math.floor((ct - Math.floor(ct)) * 1000));
      self['relativeCreated'] = pyFloat((ct - startTime) * 1000);
      self['thread'] = 1;
      self['threadName'] = 'MainThread';
      self['processName'] = 'MainProcess';
      self['process'] = getpid();
      return null;
    }),
  getMessage: pyFunction('self', 'LogRecord.getMessage', Q, (self: Obj) => {
    const msg = str(getattr(self, 'msg'));
    const args = getattr(self, 'args');
    return truthy(args) ? (mod(msg, args) as string) : msg;
  }),
  __repr__: pyFunction('self', 'LogRecord.__repr__', Q, (self: Obj) =>
    `<LogRecord: ${str(getattr(self, 'name'))}, ${str(getattr(self, 'levelno'))}, ${str(getattr(self, 'pathname'))}, ${str(getattr(self, 'lineno'))}, "${str(getattr(self, 'msg'))}">`),
});

/** The record factory loggers use (setLogRecordFactory replaces it). */
export const recordFactory: { current: unknown } = { current: LogRecord };

export const UNKNOWN_CALLER = { pathname: UNKNOWN_FILE, lineno: 0, funcName: '(unknown function)' } as const;

/** The instance's attribute dict (`record.__dict__`), which `%`-style formats read. */
export function attributes(record: unknown): PyDict {
  return getattr(record, '__dict__') as PyDict;
}
