/**
 * logging's handlers, as CPython 3.11's: Handler (level, formatter,
 * filters; `emit` left to subclasses, Python ones included),
 * StreamHandler (sys.stderr, read when the handler is made, unless given a
 * stream), FileHandler, NullHandler and `_StderrHandler`, the lastResort
 * handler that writes to whatever sys.stderr is when it emits.
 */
import { BaseException, Exception, NotImplementedError, RecursionError } from '../../../builtins/exceptions.js';
import { call } from '../../../builtins/calls.js';
import { callMethod, getattr, hasattr } from '../../../builtins/attributes.js';
import { add } from '../../../builtins/operators.js';
import { repr, str } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { toPython } from '../../../builtins/errors.js';
import { open } from '../../../builtins/files.js';
import { PyProperty, pyClassOf, type PyClass } from '../../../builtins/classes.js';
import { formatException } from '../../../program/main.js';
import * as sys from '../../sys.js';
import { abspath } from '../../os.path.js';
import { pyClass, pyFunction } from '../pydef.js';
import { Filterer } from './filters.js';
import { checkLevel, levelName, NOTSET, WARNING } from './levels.js';
import { defaultFormatter } from './formatter.js';

const Q = 'logging';

type Obj = Record<string, unknown>;

/** What CPython's logging.raiseExceptions says: report errors met while emitting (on by default). */
export const settings = { raiseExceptions: true as unknown };

/** Every handler made and still alive, in order: shutdown() flushes and closes them, as CPython's `_handlerList` of weak references. */
const handlerRefs: WeakRef<object>[] = [];
let liveAtLastSweep = 0;

function addHandlerRef(h: object): void {
  // Dropped handlers' references are swept out whenever the list has doubled.
  if (handlerRefs.length >= 2 * liveAtLastSweep + 16) {
    const live = handlerRefs.filter((r) => r.deref() !== undefined);
    handlerRefs.length = 0;
    handlerRefs.push(...live);
    liveAtLastSweep = live.length;
  }
  handlerRefs.push(new WeakRef(h));
}

/** The handlers still alive, oldest first. */
export function liveHandlers(): unknown[] {
  const out: unknown[] = [];
  for (const r of handlerRefs) {
    const h = r.deref();
    if (h !== undefined) out.push(h);
  }
  return out;
}

/** The exception being handled while handleError runs (it reads sys.exc_info() in CPython). */
let handling: BaseException | null = null;

const getName = pyFunction('self', 'Handler.get_name', Q, (self: Obj) => getattr(self, '_name'));
const setName = pyFunction('self, name', 'Handler.set_name', Q, (self: Obj, name: unknown) => {
  self['_name'] = name;
  return null;
});

export const Handler: PyClass = pyClass('Handler', Q, [Filterer], {
  __init__: pyFunction('self, level=', 'Handler.__init__', Q, (self: Obj, level: unknown = NOTSET) => {
    callMethod(Filterer, '__init__', self);
    self['_name'] = null;
    self['level'] = checkLevel(level);
    self['formatter'] = null;
    self['_closed'] = false;
    self['lock'] = null;
    addHandlerRef(self);
    return null;
  }),
  get_name: getName,
  set_name: setName,
  name: new PyProperty(getName, setName),
  createLock: pyFunction('self', 'Handler.createLock', Q, (self: Obj) => {
    self['lock'] = null;
    return null;
  }),
  // One thread: the lock is never contended.
  acquire: pyFunction('self', 'Handler.acquire', Q, () => null),
  release: pyFunction('self', 'Handler.release', Q, () => null),
  setLevel: pyFunction('self, level', 'Handler.setLevel', Q, (self: Obj, level: unknown) => {
    self['level'] = checkLevel(level);
    return null;
  }),
  format: pyFunction('self, record', 'Handler.format', Q, (self: Obj, record: unknown) => {
    const fmt = getattr(self, 'formatter');
    return callMethod(truthy(fmt) ? fmt : defaultFormatter, 'format', record);
  }),
  emit: pyFunction('self, record', 'Handler.emit', Q, () => {
    throw new NotImplementedError('emit must be implemented by Handler subclasses');
  }),
  handle: pyFunction('self, record', 'Handler.handle', Q, (self: Obj, record: unknown) => {
    const rv = callMethod(self, 'filter', record);
    if (truthy(rv)) callMethod(self, 'emit', record);
    return rv;
  }),
  setFormatter: pyFunction('self, fmt', 'Handler.setFormatter', Q, (self: Obj, fmt: unknown) => {
    self['formatter'] = fmt;
    return null;
  }),
  flush: pyFunction('self', 'Handler.flush', Q, () => null),
  close: pyFunction('self', 'Handler.close', Q, (self: Obj) => {
    self['_closed'] = true;
    return null;
  }),
  handleError: pyFunction('self, record', 'Handler.handleError', Q, (_self: Obj, record: unknown) => {
    if (!truthy(settings.raiseExceptions) || !truthy(sys.stderr) || handling === null) return null;
    // CPython also prints the call stack of the logging call; its frames are not known here.
    let text = '--- Logging error ---\n' + formatException(handling, 'uncaught');
    try {
      text += `Message: ${repr(getattr(record, 'msg'))}\nArguments: ${str(getattr(record, 'args'))}\n`;
    } catch {
      text += 'Unable to print the message and arguments - possible formatting error.\nUse the traceback above to help find the error.\n';
    }
    callMethod(sys.stderr, 'write', text);
    return null;
  }),
  __repr__: pyFunction('self', 'Handler.__repr__', Q, (self: Obj) =>
    `<${className(self)} (${str(levelName(getattr(self, 'level')))})>`),
});

function className(o: unknown): string {
  return str(getattr(pyClassOf(o), '__name__'));
}

/** CPython's `except Exception: self.handleError(record)` around an emit. */
export function guardEmit(self: unknown, record: unknown, body: () => void): void {
  try {
    body();
  } catch (raw) {
    const e = toPython(raw);
    if (e instanceof RecursionError || !(e instanceof Exception)) throw e;
    const outer = handling;
    handling = e;
    try {
      callMethod(self, 'handleError', record);
    } finally {
      handling = outer;
    }
  }
}

function streamEmit(self: Obj, record: unknown): void {
  guardEmit(self, record, () => {
    const msg = callMethod(self, 'format', record);
    callMethod(getattr(self, 'stream'), 'write', add(msg, getattr(self, 'terminator')));
    callMethod(self, 'flush');
  });
}

export const StreamHandler: PyClass = pyClass('StreamHandler', Q, [Handler], {
  terminator: '\n',
  __init__: pyFunction('self, stream=', 'StreamHandler.__init__', Q, (self: Obj, stream: unknown = null) => {
    callMethod(Handler, '__init__', self);
    self['stream'] = stream ?? sys.stderr;
    return null;
  }),
  flush: pyFunction('self', 'StreamHandler.flush', Q, (self: Obj) => {
    const stream = getattr(self, 'stream');
    if (truthy(stream) && hasattr(stream, 'flush')) callMethod(stream, 'flush');
    return null;
  }),
  emit: pyFunction('self, record', 'StreamHandler.emit', Q, (self: Obj, record: unknown) => {
    streamEmit(self, record);
    return null;
  }),
  setStream: pyFunction('self, stream', 'StreamHandler.setStream', Q, (self: Obj, stream: unknown) => {
    const old = getattr(self, 'stream');
    if (stream === old) return null;
    callMethod(self, 'flush');
    self['stream'] = stream;
    return old;
  }),
  __repr__: pyFunction('self', 'StreamHandler.__repr__', Q, (self: Obj) => {
    let name = str(getattr(getattr(self, 'stream'), 'name', ''));
    if (name !== '') name += ' ';
    return `<${className(self)} ${name}(${str(levelName(getattr(self, 'level')))})>`;
  }),
});

export const FileHandler: PyClass = pyClass('FileHandler', Q, [StreamHandler], {
  __init__: pyFunction('self, filename, mode=, encoding=, delay=, errors=', 'FileHandler.__init__', Q,
    (self: Obj, filename: unknown, mode: unknown = 'a', encoding: unknown = null, delay: unknown = false, errors: unknown = null) => {
      self['baseFilename'] = abspath(filename);
      self['mode'] = mode;
      self['encoding'] = encoding;
      self['errors'] = errors;
      self['delay'] = delay;
      if (truthy(delay)) {
        callMethod(Handler, '__init__', self);
        self['stream'] = null;
      } else {
        callMethod(StreamHandler, '__init__', self, callMethod(self, '_open'));
      }
      return null;
    }),
  _open: pyFunction('self', 'FileHandler._open', Q, (self: Obj) =>
    call(open, [getattr(self, 'baseFilename'), getattr(self, 'mode')], { encoding: getattr(self, 'encoding'), errors: getattr(self, 'errors') })),
  close: pyFunction('self', 'FileHandler.close', Q, (self: Obj) => {
    const stream = getattr(self, 'stream');
    if (truthy(stream)) {
      try {
        callMethod(self, 'flush');
      } finally {
        self['stream'] = null;
        if (hasattr(stream, 'close')) callMethod(stream, 'close');
      }
    }
    self['_closed'] = true;
    return null;
  }),
  emit: pyFunction('self, record', 'FileHandler.emit', Q, (self: Obj, record: unknown) => {
    if (getattr(self, 'stream') === null) {
      if (getattr(self, 'mode') !== 'w' || !truthy(getattr(self, '_closed'))) self['stream'] = callMethod(self, '_open');
    }
    if (truthy(getattr(self, 'stream'))) streamEmit(self, record);
    return null;
  }),
  __repr__: pyFunction('self', 'FileHandler.__repr__', Q, (self: Obj) =>
    `<${className(self)} ${str(getattr(self, 'baseFilename'))} (${str(levelName(getattr(self, 'level')))})>`),
});

export const NullHandler: PyClass = pyClass('NullHandler', Q, [Handler], {
  handle: pyFunction('self, record', 'NullHandler.handle', Q, () => null),
  emit: pyFunction('self, record', 'NullHandler.emit', Q, () => null),
  createLock: pyFunction('self', 'NullHandler.createLock', Q, (self: Obj) => {
    self['lock'] = null;
    return null;
  }),
});

export const _StderrHandler: PyClass = pyClass('_StderrHandler', Q, [StreamHandler], {
  __init__: pyFunction('self, level=', '_StderrHandler.__init__', Q, (self: Obj, level: unknown = NOTSET) => {
    callMethod(Handler, '__init__', self, level);
    return null;
  }),
  // Whatever sys.stderr is when it emits: redirect_stderr and captured stderr see lastResort's output.
  stream: new PyProperty(pyFunction('self', '_StderrHandler.stream', Q, () => sys.stderr)),
});

/** `logging.lastResort`: used when a record finds no handler at all. */
export const defaultLastResort = call(_StderrHandler, [WARNING], null);
