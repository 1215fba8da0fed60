/**
 * unittest's results (CPython 3.11's unittest/result.py and the result half
 * of runner.py): TestResult collects (test, traceback text) pairs for
 * failures and errors, skips with their reasons, expected failures and
 * unexpected successes; TextTestResult also writes the progress (dots and
 * letters, or "test (mod.Class.test) ... ok" lines at verbosity 2) and the
 * ERROR/FAIL report blocks.
 */
import { callMethod, getattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { BaseException } from '../../../builtins/exceptions.js';
import { repr, str } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { isinstance, issubclass, type } from '../../../builtins/types.js';
import { PyTuple } from '../../../builtins/values.js';
import { callerStack, formatException } from '../../../program/main.js';
import { pyClass, pyFunction } from '../pydef.js';
import { SubTest } from './case.js';
import { caughtByRuntime } from './outcome.js';
import { resultClasses } from './classes.js';
import { strclass } from './util.js';

const Q = 'unittest.result';
type Obj = Record<string, unknown>;

const m = <F extends (...args: never[]) => unknown>(cls: string, q: string, spec: string, name: string, fn: F): F =>
  pyFunction(spec, `${cls}.${name}`, q, fn);
const r = <F extends (...args: never[]) => unknown>(spec: string, name: string, fn: F): F => m('TestResult', Q, spec, name, fn);

/** The traceback text of an exc_info triple, as the runtime prints tracebacks. */
function excInfoToString(err: unknown): string {
  const value = err instanceof PyTuple ? err[1] : err;
  if (!(value instanceof BaseException)) return str(value);
  const here = new Error();
  const text = formatException(value, 'handled', true, here);
  if (!caughtByRuntime.has(value)) return text;
  const caller = callerStack(1)?.at(-1);
  return caller === undefined ? text : withoutCallerFrame(text, `  File "${caller.filename}", line ${caller.lineno}, in ${caller.name}`);
}

const HEADER = 'Traceback (most recent call last):\n';

/** The text without the first frame of the exception's own (last) traceback block, when it is the caller's (`entry`). */
function withoutCallerFrame(text: string, entry: string): string {
  const start = text.lastIndexOf(HEADER);
  if (start < 0) return text;
  const lines = text.slice(start + HEADER.length).split('\n');
  if (lines[0] !== entry) return text;
  let end = 1;
  while (end < lines.length && lines[end]!.startsWith('    ')) end++;
  return text.slice(0, start + HEADER.length) + lines.slice(end).join('\n');
}

const push = (self: Obj, list: string, ...items: unknown[]): void => {
  (getattr(self, list) as unknown[]).push(items.length === 1 ? items[0] : PyTuple.of(...items));
};

export const TestResult = pyClass('TestResult', Q, [], {
  _previousTestClass: null,
  _testRunEntered: false,
  _moduleSetUpFailed: false,
  __init__: r('self, stream=, descriptions=, verbosity=', '__init__', (self: Obj) => {
    self['failfast'] = false;
    self['failures'] = [];
    self['errors'] = [];
    self['testsRun'] = 0;
    self['skipped'] = [];
    self['expectedFailures'] = [];
    self['unexpectedSuccesses'] = [];
    self['shouldStop'] = false;
    self['buffer'] = false;
    self['tb_locals'] = false;
    self['_stdout_buffer'] = null;
    self['_stderr_buffer'] = null;
    self['_mirrorOutput'] = false;
    return null;
  }),
  printErrors: r('self', 'printErrors', () => null),
  startTest: r('self, test', 'startTest', (self: Obj) => {
    self['testsRun'] = Number(getattr(self, 'testsRun')) + 1;
    self['_mirrorOutput'] = false;
    return null;
  }),
  startTestRun: r('self', 'startTestRun', () => null),
  stopTest: r('self, test', 'stopTest', (self: Obj) => {
    self['_mirrorOutput'] = false;
    return null;
  }),
  stopTestRun: r('self', 'stopTestRun', () => null),
  addError: r('self, test, err', 'addError', (self: Obj, test: unknown, err: unknown) => {
    push(self, 'errors', test, callMethod(self, '_exc_info_to_string', err, test));
    self['_mirrorOutput'] = true;
    return null;
  }),
  addFailure: r('self, test, err', 'addFailure', (self: Obj, test: unknown, err: unknown) => {
    push(self, 'failures', test, callMethod(self, '_exc_info_to_string', err, test));
    self['_mirrorOutput'] = true;
    return null;
  }),
  addSubTest: r('self, test, subtest, err', 'addSubTest', (self: Obj, test: unknown, subtest: unknown, err: unknown) => {
    if (err === null) return null;
    if (truthy(getattr(self, 'failfast', false))) callMethod(self, 'stop');
    const failure = getattr(test, 'failureException');
    const list = issubclass((err as PyTuple<unknown>)[0], failure) ? 'failures' : 'errors';
    push(self, list, subtest, callMethod(self, '_exc_info_to_string', err, test));
    self['_mirrorOutput'] = true;
    return null;
  }),
  addSuccess: r('self, test', 'addSuccess', () => null),
  addSkip: r('self, test, reason', 'addSkip', (self: Obj, test: unknown, reason: unknown) => {
    push(self, 'skipped', test, reason);
    return null;
  }),
  addExpectedFailure: r('self, test, err', 'addExpectedFailure', (self: Obj, test: unknown, err: unknown) => {
    push(self, 'expectedFailures', test, callMethod(self, '_exc_info_to_string', err, test));
    return null;
  }),
  addUnexpectedSuccess: r('self, test', 'addUnexpectedSuccess', (self: Obj, test: unknown) => {
    push(self, 'unexpectedSuccesses', test);
    return null;
  }),
  wasSuccessful: r('self', 'wasSuccessful', (self: Obj) =>
    (getattr(self, 'failures') as unknown[]).length === 0 && (getattr(self, 'errors') as unknown[]).length === 0
    && (getattr(self, 'unexpectedSuccesses', []) as unknown[]).length === 0),
  stop: r('self', 'stop', (self: Obj) => {
    self['shouldStop'] = true;
    return null;
  }),
  _exc_info_to_string: r('self, err, test', '_exc_info_to_string', (_self: Obj, err: unknown) => excInfoToString(err)),
  __repr__: r('self', '__repr__', (self: Obj) =>
    `<${strclass(type(self))} run=${str(getattr(self, 'testsRun'))} errors=${(getattr(self, 'errors') as unknown[]).length} failures=${(getattr(self, 'failures') as unknown[]).length}>`),
});
resultClasses.TestResult = TestResult;

const RQ = 'unittest.runner';
const t = <F extends (...args: never[]) => unknown>(spec: string, name: string, fn: F): F => m('TextTestResult', RQ, spec, name, fn);

const write = (self: Obj, text: string): void => {
  callMethod(getattr(self, 'stream'), 'write', text);
};
const writeln = (self: Obj, text = ''): void => {
  callMethod(getattr(self, 'stream'), 'writeln', text);
};
const flush = (self: Obj): void => {
  callMethod(getattr(self, 'stream'), 'flush');
};

function writeStatus(self: Obj, test: unknown, status: string): void {
  const isSubtest = isinstance(test, SubTest);
  if (isSubtest || truthy(self['_newline'])) {
    if (!truthy(self['_newline'])) writeln(self);
    if (isSubtest) write(self, '  ');
    write(self, str(callMethod(self, 'getDescription', test)));
    write(self, ' ... ');
  }
  writeln(self, status);
  flush(self);
  self['_newline'] = true;
}

/** The progress mark: the verbose status line, or the one-letter mark of verbosity 1. */
function progress(self: Obj, test: unknown, status: string, letter: string): void {
  if (truthy(getattr(self, 'showAll'))) writeStatus(self, test, status);
  else if (truthy(getattr(self, 'dots'))) {
    write(self, letter);
    flush(self);
  }
}

const sup = (self: Obj, name: string, ...args: unknown[]): void => {
  call(getattr(TestResult, name), [self, ...args], null);
};

export const TextTestResult = pyClass('TextTestResult', RQ, [TestResult], {
  separator1: '='.repeat(70),
  separator2: '-'.repeat(70),
  __init__: t('self, stream, descriptions, verbosity', '__init__', (self: Obj, stream: unknown, descriptions: unknown, verbosity: unknown) => {
    sup(self, '__init__', stream, descriptions, verbosity);
    self['stream'] = stream;
    self['showAll'] = Number(verbosity) > 1;
    self['dots'] = Number(verbosity) === 1;
    self['descriptions'] = descriptions;
    self['_newline'] = true;
    return null;
  }),
  getDescription: t('self, test', 'getDescription', (self: Obj, test: unknown) => {
    const doc = callMethod(test, 'shortDescription');
    if (truthy(getattr(self, 'descriptions')) && truthy(doc)) return `${str(test)}\n${str(doc)}`;
    return str(test);
  }),
  startTest: t('self, test', 'startTest', (self: Obj, test: unknown) => {
    sup(self, 'startTest', test);
    if (truthy(getattr(self, 'showAll'))) {
      write(self, str(callMethod(self, 'getDescription', test)));
      write(self, ' ... ');
      flush(self);
      self['_newline'] = false;
    }
    return null;
  }),
  addSubTest: t('self, test, subtest, err', 'addSubTest', (self: Obj, test: unknown, subtest: unknown, err: unknown) => {
    if (err !== null) {
      const failure = issubclass((err as PyTuple<unknown>)[0], getattr(test, 'failureException'));
      progress(self, subtest, failure ? 'FAIL' : 'ERROR', failure ? 'F' : 'E');
    }
    sup(self, 'addSubTest', test, subtest, err);
    return null;
  }),
  addSuccess: t('self, test', 'addSuccess', (self: Obj, test: unknown) => {
    sup(self, 'addSuccess', test);
    progress(self, test, 'ok', '.');
    return null;
  }),
  addError: t('self, test, err', 'addError', (self: Obj, test: unknown, err: unknown) => {
    sup(self, 'addError', test, err);
    progress(self, test, 'ERROR', 'E');
    return null;
  }),
  addFailure: t('self, test, err', 'addFailure', (self: Obj, test: unknown, err: unknown) => {
    sup(self, 'addFailure', test, err);
    progress(self, test, 'FAIL', 'F');
    return null;
  }),
  addSkip: t('self, test, reason', 'addSkip', (self: Obj, test: unknown, reason: unknown) => {
    sup(self, 'addSkip', test, reason);
    progress(self, test, `skipped ${repr(reason)}`, 's');
    return null;
  }),
  addExpectedFailure: t('self, test, err', 'addExpectedFailure', (self: Obj, test: unknown, err: unknown) => {
    sup(self, 'addExpectedFailure', test, err);
    progress(self, test, 'expected failure', 'x');
    return null;
  }),
  addUnexpectedSuccess: t('self, test', 'addUnexpectedSuccess', (self: Obj, test: unknown) => {
    sup(self, 'addUnexpectedSuccess', test);
    progress(self, test, 'unexpected success', 'u');
    return null;
  }),
  printErrors: t('self', 'printErrors', (self: Obj) => {
    if (truthy(getattr(self, 'dots')) || truthy(getattr(self, 'showAll'))) {
      writeln(self);
      flush(self);
    }
    callMethod(self, 'printErrorList', 'ERROR', getattr(self, 'errors'));
    callMethod(self, 'printErrorList', 'FAIL', getattr(self, 'failures'));
    const unexpected = getattr(self, 'unexpectedSuccesses', []) as unknown[];
    if (unexpected.length > 0) {
      writeln(self, str(getattr(self, 'separator1')));
      for (const test of unexpected) writeln(self, `UNEXPECTED SUCCESS: ${str(callMethod(self, 'getDescription', test))}`);
      flush(self);
    }
    return null;
  }),
  printErrorList: t('self, flavour, errors', 'printErrorList', (self: Obj, flavour: unknown, errors: unknown) => {
    for (const pair of errors as PyTuple<unknown>[]) {
      const [test, err] = pair;
      writeln(self, str(getattr(self, 'separator1')));
      writeln(self, `${str(flavour)}: ${str(callMethod(self, 'getDescription', test))}`);
      writeln(self, str(getattr(self, 'separator2')));
      writeln(self, str(err));
      flush(self);
    }
    return null;
  }),
});
