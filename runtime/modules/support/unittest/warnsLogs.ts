/**
 * assertWarns/assertWarnsRegex (CPython 3.11's _AssertWarnsContext: the
 * warnings are recorded with every filter set to "always" for the expected
 * category) and assertLogs/assertNoLogs (unittest/_log.py: the logger's
 * handlers are replaced by one that captures records and their
 * "LEVEL:name:message" text), with CPython's failure messages.
 */
import { callMethod, getattr, hasattr, setattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { BaseException, TypeError, Warning } from '../../../builtins/exceptions.js';
import { toPython } from '../../../builtins/errors.js';
import { repr, str } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { isinstance, issubclass } from '../../../builtins/types.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyTuple } from '../../../builtins/values.js';
import * as re from '../../re.js';
import * as warnings from '../../warnings.js';
import * as logging from '../../logging.js';
import { namedtuple } from '../collections/namedtuple.js';
import { pyClass, pyFunction } from '../pydef.js';
import { formatMessage, method } from './asserts.js';
import { contextCall } from './raises.js';

const Q = 'unittest.case';
type Obj = Record<string, unknown>;

function failure(ctx: Obj, standardMsg: string): never {
  const test = ctx['test_case'];
  throw call(getattr(test, 'failureException'), [formatMessage(test, ctx['msg'], standardMsg)], null);
}

const nameOf = (expected: unknown): string => (hasattr(expected, '__name__') ? str(getattr(expected, '__name__')) : str(expected));

function warnsExit(ctx: Obj, excType: unknown): boolean {
  callMethod(ctx['warnings_manager'], '__exit__', null, null, null);
  if (excType !== null) return false;
  const expected = ctx['expected'];
  const rx = ctx['expected_regex'];
  let first: unknown = null;
  for (const m of ctx['warnings'] as unknown[]) {
    const w = getattr(m, 'message');
    if (!isinstance(w, expected)) continue;
    if (first === null) first = w;
    if (rx !== null && callMethod(rx, 'search', str(w)) === null) continue;
    ctx['warning'] = w;
    ctx['filename'] = getattr(m, 'filename');
    ctx['lineno'] = getattr(m, 'lineno');
    return false;
  }
  if (first !== null) failure(ctx, `"${str(getattr(rx, 'pattern'))}" does not match "${str(first)}"`);
  if (ctx['obj_name'] !== null) failure(ctx, `${nameOf(expected)} not triggered by ${str(ctx['obj_name'])}`);
  return failure(ctx, `${nameOf(expected)} not triggered`);
}

export const AssertWarnsContext = pyClass('_AssertWarnsContext', Q, [], {
  __init__: pyFunction('self, expected, test_case, expected_regex=', '_AssertWarnsContext.__init__', Q,
    (self: Obj, expected: unknown, testCase: unknown, regex: unknown = null) => {
      self['expected'] = expected;
      self['test_case'] = testCase;
      self['expected_regex'] = typeof regex === 'string' ? call(re.compile, [regex], null) : regex;
      self['obj_name'] = null;
      self['msg'] = null;
      return null;
    }),
  __enter__: pyFunction('self', '_AssertWarnsContext.__enter__', Q, (self: Obj) => {
    const manager = call(warnings.catch_warnings, [], { record: true });
    self['warnings_manager'] = manager;
    self['warnings'] = callMethod(manager, '__enter__');
    call(warnings.simplefilter, ['always', self['expected']], null);
    return self;
  }),
  __exit__: pyFunction('self, exc_type, exc_value, tb', '_AssertWarnsContext.__exit__', Q,
    (self: Obj, excType: unknown) => warnsExit(self, excType)),
});

const isWarningType = (t: unknown): boolean => {
  try {
    if (t instanceof PyTuple) return t.length > 0 && t.every((x) => issubclass(x, Warning));
    return issubclass(t, Warning);
  } catch {
    return false;
  }
};

function handleWarns(name: string, ctx: Obj, args: unknown[], kwargs: unknown): unknown {
  if (!isWarningType(ctx['expected'])) throw new TypeError(`${name}() arg 1 must be a warning type or tuple of warning types`);
  const made = contextCall(ctx, args, kwargs);
  if (made === null) return ctx;
  callMethod(ctx, '__enter__');
  try {
    call(made.fn, made.rest, made.kw);
  } catch (e) {
    const p = toPython(e);
    if (p instanceof BaseException) callMethod(ctx, '__exit__', getattr(p, '__class__'), p, null);
    throw e;
  }
  callMethod(ctx, '__exit__', null, null, null);
  return null;
}

const LoggingWatcher = call(namedtuple, ['_LoggingWatcher', ['records', 'output']], null);
const LOGGING_FORMAT = '%(levelname)s:%(name)s:%(message)s';

/** A handler keeping each record and its text in a _LoggingWatcher (CPython's _CapturingHandler). */
const CapturingHandler = pyClass('_CapturingHandler', 'unittest._log', [logging.Handler], {
  __init__: pyFunction('self', '_CapturingHandler.__init__', 'unittest._log', (self: Obj) => {
    call(getattr(logging.Handler, '__init__'), [self], null);
    self['watcher'] = call(LoggingWatcher, [[], []], null);
    return null;
  }),
  flush: pyFunction('self', '_CapturingHandler.flush', 'unittest._log', () => null),
  emit: pyFunction('self, record', '_CapturingHandler.emit', 'unittest._log', (self: Obj, record: unknown) => {
    const watcher = self['watcher'];
    (getattr(watcher, 'records') as unknown[]).push(record);
    (getattr(watcher, 'output') as unknown[]).push(callMethod(self, 'format', record));
    return null;
  }),
});

export const AssertLogsContext = pyClass('_AssertLogsContext', 'unittest._log', [], {
  __init__: pyFunction('self, test_case, logger_name, level, no_logs', '_AssertLogsContext.__init__', 'unittest._log',
    (self: Obj, testCase: unknown, loggerName: unknown, level: unknown, noLogs: unknown) => {
      self['test_case'] = testCase;
      self['logger_name'] = loggerName;
      self['level'] = truthy(level) ? ((logging._nameToLevel as PyDict<unknown, unknown>).$get(level) ?? level) : logging.INFO;
      self['msg'] = null;
      self['no_logs'] = noLogs;
      return null;
    }),
  __enter__: pyFunction('self', '_AssertLogsContext.__enter__', 'unittest._log', (self: Obj) => {
    const name = self['logger_name'];
    const logger = isinstance(name, logging.Logger) ? name : call(logging.getLogger, [name], null);
    self['logger'] = logger;
    const handler = call(CapturingHandler, [], null) as Obj;
    callMethod(handler, 'setLevel', self['level']);
    callMethod(handler, 'setFormatter', call(logging.Formatter, [LOGGING_FORMAT], null));
    self['watcher'] = handler['watcher'];
    self['old_handlers'] = [...(getattr(logger, 'handlers') as unknown[])];
    self['old_level'] = getattr(logger, 'level');
    self['old_propagate'] = getattr(logger, 'propagate');
    setattr(logger, 'handlers', [handler]);
    callMethod(logger, 'setLevel', self['level']);
    setattr(logger, 'propagate', false);
    return truthy(self['no_logs']) ? null : handler['watcher'];
  }),
  __exit__: pyFunction('self, exc_type, exc_value, tb', '_AssertLogsContext.__exit__', 'unittest._log', (self: Obj, excType: unknown) => {
    const logger = self['logger'];
    setattr(logger, 'handlers', self['old_handlers']);
    setattr(logger, 'propagate', self['old_propagate']);
    callMethod(logger, 'setLevel', self['old_level']);
    if (excType !== null) return false;
    const watcher = self['watcher'];
    const records = getattr(watcher, 'records') as unknown[];
    if (truthy(self['no_logs'])) {
      if (records.length > 0) failure(self, `Unexpected logs found: ${repr(getattr(watcher, 'output'))}`);
    } else if (records.length === 0) {
      failure(self, `no logs of level ${str(call(logging.getLevelName, [self['level']], null))} or higher triggered on ${str(getattr(logger, 'name'))}`);
    }
    return false;
  }),
});

export const warnsLogsMethods: Record<string, unknown> = {
  assertWarns: method('self, expected_warning, *args, **kwargs', 'assertWarns',
    (self: Obj, expected: unknown, args: unknown[], kwargs: unknown) =>
      handleWarns('assertWarns', call(AssertWarnsContext, [expected, self], null) as Obj, [...args], kwargs)),
  assertWarnsRegex: method('self, expected_warning, expected_regex, *args, **kwargs', 'assertWarnsRegex',
    (self: Obj, expected: unknown, regex: unknown, args: unknown[], kwargs: unknown) =>
      handleWarns('assertWarnsRegex', call(AssertWarnsContext, [expected, self, regex], null) as Obj, [...args], kwargs)),
  assertLogs: method('self, logger=, level=', 'assertLogs', (self: Obj, logger: unknown = null, level: unknown = null) =>
    call(AssertLogsContext, [self, logger, level, false], null)),
  assertNoLogs: method('self, logger=, level=', 'assertNoLogs', (self: Obj, logger: unknown = null, level: unknown = null) =>
    call(AssertLogsContext, [self, logger, level, true], null)),
};
