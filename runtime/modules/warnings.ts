/**
 * Python's `warnings` (CPython 3.11's Lib/warnings.py, the pure-Python
 * version its C accelerator mirrors): warn, warn_explicit, the filters
 * (simplefilter, filterwarnings, resetwarnings, with CPython's default
 * list: DeprecationWarning shown in `__main__` only), the per-module
 * registries behind "default" and "once", showwarning / formatwarning
 * (replaceable: `warnings.showwarning = f`) and catch_warnings.
 *
 * Where a warning comes from is the Python frame `stacklevel` levels up,
 * found by the traceback machinery from a JS stack (runtime/program). When
 * frames cannot be known, warnings say `sys:1`, as CPython does for a
 * stacklevel beyond the stack.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { RuntimeError, TypeError, Warning, UserWarning, AssertionError } from '../builtins/exceptions.js';
import { PyTuple, isIntNumber, typeName } from '../builtins/values.js';
import { PyDict } from '../builtins/dict.js';
import { call } from '../builtins/calls.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { truthy } from '../builtins/truth.js';
import { repr, str } from '../builtins/repr.js';
import { eq } from '../builtins/equality.js';
import { isinstance, issubclass, callable } from '../builtins/types.js';
import { isClassLike, type PyClass } from '../builtins/classes.js';
import { pythonStack, preloadFrames } from '../program/main.js';
import { pyClass as makePyClass, pyFunction } from './support/pydef.js';
import { defaultFilters, filterFor, filtersState, freshRegistry, moduleNameOf, registryFor } from './support/warnings/filters.js';
import { installWarnings } from './support/warnings/fromRuntime.js';
import { loadedModules } from './support/moduleTable.js';
import { compile as reCompile, IGNORECASE } from './re.js';
import * as sys from './sys.js';
import * as self from './warnings.js';

export const __name__ = 'warnings';
loadedModules.$set('warnings', self);

const Q = 'warnings';

export let filters: unknown[] = defaultFilters();
export let defaultaction: unknown = 'default';
export let onceregistry: PyDict = new PyDict();

function filtersMutated(): void {
  filtersState.version++;
}

/** Source lines of the files warnings came from, for formatwarning (CPython reads them through linecache). */
const sourceLines = new Map<string, Map<number, string>>();

const ACTIONS = ['error', 'ignore', 'always', 'default', 'module', 'once'];

function check(ok: boolean, message: string): void {
  if (!ok) throw new AssertionError(message);
}

function checkAction(action: unknown): void {
  check(typeof action === 'string' && ACTIONS.includes(action), `invalid action: ${repr(action)}`);
}

function checkLineno(lineno: unknown): void {
  check(((typeof lineno === 'number' && isIntNumber(lineno)) || typeof lineno === 'boolean') && Number(lineno) >= 0, 'lineno must be an int >= 0');
}

function addFilter(item: PyTuple, append: boolean): void {
  if (!append) {
    const i = filters.findIndex((f) => eq(f, item));
    if (i >= 0) filters.splice(i, 1);
    filters.unshift(item);
  } else if (!filters.some((f) => eq(f, item))) {
    filters.push(item);
  }
  filtersMutated();
}

export const filterwarnings = pyFunction('action, message=, category=, module=, lineno=, append=', 'filterwarnings', Q,
  (action: unknown, message: unknown = '', category: unknown = Warning, module: unknown = '', lineno: unknown = 0, append: unknown = false) => {
    // CPython's asserts, in its order.
    checkAction(action);
    check(typeof message === 'string', 'message must be a string');
    check(isClassLike(category), 'category must be a class');
    check(issubclass(category, Warning), 'category must be a Warning subclass');
    check(typeof module === 'string', 'module must be a string');
    checkLineno(lineno);
    const msg = message ? reCompile(message, IGNORECASE) : null;
    const mod = module ? reCompile(module) : null;
    addFilter(PyTuple.of(action, msg, category, mod, lineno), truthy(append));
    return null;
  });

export const simplefilter = pyFunction('action, category=, lineno=, append=', 'simplefilter', Q,
  (action: unknown, category: unknown = Warning, lineno: unknown = 0, append: unknown = false) => {
    // CPython checks the category only when a warning is matched against the filter.
    checkAction(action);
    checkLineno(lineno);
    addFilter(PyTuple.of(action, null, category, null, lineno), truthy(append));
    return null;
  });

export const resetwarnings = pyFunction('', 'resetwarnings', Q, () => {
  filters.length = 0;
  filtersMutated();
  return null;
});

export const WarningMessage: PyClass = pyClass('WarningMessage', {
  __init__: pyFunction('self, message, category, filename, lineno, file=, line=, source=', 'WarningMessage.__init__', Q,
    (w: Record<string, unknown>, message: unknown, category: unknown, filename: unknown, lineno: unknown, file: unknown = null,
      line: unknown = null, source: unknown = null) => {
      w['message'] = message;
      w['category'] = category;
      w['filename'] = filename;
      w['lineno'] = lineno;
      w['file'] = file;
      w['line'] = line;
      w['source'] = source;
      w['_category_name'] = category === null || category === undefined ? null : getattr(category, '__name__');
      return null;
    }),
  __str__: pyFunction('self', 'WarningMessage.__str__', Q, (w: object) =>
    `{message : ${repr(getattr(w, 'message'))}, category : ${repr(getattr(w, '_category_name'))}, ` +
    `filename : ${repr(getattr(w, 'filename'))}, lineno : ${str(getattr(w, 'lineno'))}, line : ${repr(getattr(w, 'line'))}}`),
});

function pyClass(name: string, members: Record<string, unknown>): PyClass {
  return makePyClass(name, Q, [], members);
}

/** `_formatwarnmsg_impl`: "file:line: Category: message" and the stripped source line. */
function formatImpl(msg: object): string {
  const category = getattr(getattr(msg, 'category'), '__name__') as string;
  const filename = getattr(msg, 'filename');
  const lineno = getattr(msg, 'lineno');
  let s = `${str(filename)}:${str(lineno)}: ${category}: ${str(getattr(msg, 'message'))}\n`;
  let line = getattr(msg, 'line');
  if (line === null || line === undefined) {
    line = typeof filename === 'string' ? sourceLines.get(filename)?.get(Number(lineno)) ?? '' : '';
  }
  if (truthy(line)) s += `  ${(callMethod(line, 'strip') as string)}\n`;
  return s;
}

function newMessage(message: unknown, category: unknown, filename: unknown, lineno: unknown, file: unknown = null, line: unknown = null, source: unknown = null): object {
  return call(WarningMessage, [message, category, filename, lineno, file, line, source], null) as object;
}

const formatwarningOrig = pyFunction('message, category, filename, lineno, line=', 'formatwarning', Q,
  (message: unknown, category: unknown, filename: unknown, lineno: unknown, line: unknown = null) =>
    formatImpl(newMessage(message, category, filename, lineno, null, line)));

export let formatwarning: unknown = formatwarningOrig;

/** `_showwarnmsg_impl`, or while catch_warnings(record=True) is active, the log's append. */
let showImpl: (msg: object) => void = (msg) => {
  let file = getattr(msg, 'file');
  if (file === null || file === undefined) {
    file = sys.stderr;
    if (file === null || file === undefined) return;
  }
  callMethod(file, 'write', formatted(msg));
};

/** `_formatwarnmsg`: through a replaced warnings.formatwarning, if any. */
function formatted(msg: object): string {
  if (formatwarning !== formatwarningOrig) {
    return call(formatwarning, [getattr(msg, 'message'), getattr(msg, 'category'), getattr(msg, 'filename'), getattr(msg, 'lineno'),
      getattr(msg, 'line')], null) as string;
  }
  return formatImpl(msg);
}

const showwarningOrig = pyFunction('message, category, filename, lineno, file=, line=', 'showwarning', Q,
  (message: unknown, category: unknown, filename: unknown, lineno: unknown, file: unknown = null, line: unknown = null) => {
    showImpl(newMessage(message, category, filename, lineno, file, line));
    return null;
  });

export let showwarning: unknown = showwarningOrig;

/** `_showwarnmsg`: through a replaced warnings.showwarning, if any. */
function show(msg: object): void {
  if (showwarning !== showwarningOrig) {
    if (!callable(showwarning)) throw new TypeError('warnings.showwarning() must be set to a function or method');
    call(showwarning, [getattr(msg, 'message'), getattr(msg, 'category'), getattr(msg, 'filename'), getattr(msg, 'lineno'),
      getattr(msg, 'file'), getattr(msg, 'line')], null);
    return;
  }
  showImpl(msg);
}

function warnExplicit(message: unknown, category: unknown, filename: unknown, lineno: number, module: unknown, registry: unknown,
  source: unknown): void {
  if (module === null || module === undefined) {
    let m = typeof filename === 'string' && filename !== '' ? filename : '<unknown>';
    if (m.slice(-3).toLowerCase() === '.py') m = m.slice(0, -3);
    module = m;
  }
  const reg = registry instanceof PyDict ? registry : new PyDict();
  freshRegistry(reg);
  let text: unknown;
  if (isinstance(message, Warning)) {
    text = str(message);
    category = getattr(message, '__class__');
  } else {
    text = message;
    message = call(category, [message], null);
  }
  const key = PyTuple.of(text, category, lineno);
  if (reg.$has(key) && truthy(reg.$get(key))) return;
  const [action, matched] = filterFor(filters, defaultaction, str(text), category, str(module), lineno);
  if (action === 'ignore') return;
  if (action === 'error') throw message;
  if (action === 'once') {
    reg.$set(key, 1);
    const oncekey = PyTuple.of(text, category);
    if (onceregistry.$has(oncekey) && truthy(onceregistry.$get(oncekey))) return;
    onceregistry.$set(oncekey, 1);
  } else if (action === 'always') {
    // Shown every time.
  } else if (action === 'module') {
    reg.$set(key, 1);
    const altkey = PyTuple.of(text, category, 0);
    if (reg.$has(altkey) && truthy(reg.$get(altkey))) return;
    reg.$set(altkey, 1);
  } else if (action === 'default') {
    reg.$set(key, 1);
  } else {
    throw new RuntimeError(`Unrecognized action (${repr(action)}) in warnings.filters:\n ${repr(matched)}`);
  }
  show(newMessage(message, category, filename, lineno, null, null, source));
}

export const warn_explicit = pyFunction('message, category, filename, lineno, module=, registry=, module_globals=, source=', 'warn_explicit', Q,
  (message: unknown, category: unknown, filename: unknown, lineno: unknown, module: unknown = null, registry: unknown = null,
    _moduleGlobals: unknown = null, source: unknown = null) => {
    warnExplicit(message, category, filename, Number(lineno), module, registry, source);
    return null;
  });

export const warn = pyFunction('message, category=, stacklevel=, source=', 'warn', Q,
  (message: unknown, category: unknown = null, stacklevel: unknown = 1, source: unknown = null) => {
    const here = new Error();
    if (isinstance(message, Warning)) category = getattr(message, '__class__');
    if (category === null || category === undefined) category = UserWarning;
    if (!(isClassLike(category) && issubclass(category, Warning))) {
      throw new TypeError(`category must be a Warning subclass, not '${typeName(category)}'`);
    }
    warnAt(here, Number(stacklevel), message, category, source);
    return null;
  });

/** `warn` from the Python frame `level` levels up the stack `here` was made in (counting only Python frames). */
function warnAt(here: Error, level: number, message: unknown, category: unknown, source: unknown): void {
  const frames = pythonStack(here);
  const frame = frames !== null && level >= 1 && level <= frames.length ? frames[frames.length - level]! : null;
  if (frame === null) {
    warnExplicit(message, category, 'sys', 1, 'sys', registryFor('sys'), source);
    return;
  }
  let lines = sourceLines.get(frame.filename);
  if (lines === undefined) {
    lines = new Map();
    sourceLines.set(frame.filename, lines);
  }
  lines.set(frame.lineno, frame.line);
  const module = moduleNameOf(frame.filename, frame.entry);
  warnExplicit(message, category, frame.filename, frame.lineno, module, registryFor(frame.filename), source);
}

// The runtime's own modules warn through this module once it is loaded (before, only the default filters can apply).
installWarnings((here, level, message, category) => warnAt(here, level, message, category, null));

export const catch_warnings: PyClass = pyClass('catch_warnings', {
  __init__: pyFunction('self, *, record=, module=, action=, category=, lineno=, append=', 'catch_warnings.__init__', Q,
    (cw: Record<string, unknown>, record: unknown = false, _module: unknown = null, action: unknown = null, category: unknown = Warning,
      lineno: unknown = 0, append: unknown = false) => {
      cw['_record'] = record;
      cw['_module'] = self;
      cw['_entered'] = false;
      cw['_filter'] = action === null || action === undefined ? null : PyTuple.of(action, category, lineno, append);
      return null;
    }),
  __repr__: pyFunction('self', 'catch_warnings.__repr__', Q, (cw: object) =>
    `${getattr(getattr(cw, '__class__'), '__name__') as string}(${truthy(getattr(cw, '_record')) ? 'record=True' : ''})`),
  __enter__: pyFunction('self', 'catch_warnings.__enter__', Q, (cw: Record<string, unknown>) => {
    if (truthy(cw['_entered'])) throw new RuntimeError(`Cannot enter ${repr(cw)} twice`);
    cw['_entered'] = true;
    const saved = { filters, show: showwarning, impl: showImpl };
    savedStates.set(cw, saved);
    filters = [...filters];
    filtersMutated();
    let log: unknown = null;
    if (truthy(cw['_record'])) {
      const entries: unknown[] = [];
      log = entries;
      showImpl = (msg) => {
        entries.push(msg);
      };
      showwarning = showwarningOrig;
    }
    const filter = cw['_filter'];
    if (filter instanceof PyTuple) call(simplefilter, [...filter], null);
    return log;
  }),
  __exit__: pyFunction('self, *exc_info', 'catch_warnings.__exit__', Q, (cw: Record<string, unknown>) => {
    const saved = savedStates.get(cw);
    if (!truthy(cw['_entered']) || saved === undefined) throw new RuntimeError(`Cannot exit ${repr(cw)} without entering first`);
    filters = saved.filters;
    filtersMutated();
    showwarning = saved.show;
    showImpl = saved.impl;
    return null;
  }),
});

const savedStates = new WeakMap<object, { filters: unknown[]; show: unknown; impl: (msg: object) => void }>();

/** Assignments from Python (`warnings.showwarning = f`, `warnings.filters = […]`): see support/namespaces.ts. */
export function $module$setattr(name: string, value: unknown): boolean {
  switch (name) {
    case 'showwarning':
      showwarning = value;
      return true;
    case 'formatwarning':
      formatwarning = value;
      return true;
    case 'filters':
      filters = value as unknown[];
      return true;
    case 'defaultaction':
      defaultaction = value;
      return true;
    case 'onceregistry':
      onceregistry = value as PyDict;
      return true;
  }
  return false;
}

// warn() finds its caller's frame synchronously: the traceback machinery must be loaded before the program runs.
await preloadFrames();
