/**
 * unittest.TextTestRunner (CPython 3.11's unittest/runner.py): runs a test
 * or suite with a TextTestResult on a stream (sys.stderr by default, read
 * when the runner is made), then prints the errors, the "Ran N tests in
 * X.XXXs" line and the OK / FAILED (failures=…, errors=…, skipped=…)
 * summary. The tests run under the runner's `warnings` filter (unittest.main
 * passes "default"), restored afterwards.
 */
import { callMethod, getattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { AttributeError, DeprecationWarning } from '../../../builtins/exceptions.js';
import { truthy } from '../../../builtins/truth.js';
import { PyFloat } from '../../../builtins/values.js';
import { pyClass, pyFunction } from '../pydef.js';
import * as sys from '../../sys.js';
import * as warnings from '../../warnings.js';
import { perf_counter } from '../../time.js';
import { TextTestResult } from './result.js';
import { drive, type Steps } from './steps.js';

const Q = 'unittest.runner';
type Obj = Record<string, unknown>;

/** A stream with `writeln` (CPython's _WritelnDecorator): every other attribute is the stream's own. */
export const WritelnDecorator = pyClass('_WritelnDecorator', Q, [], {
  __init__: pyFunction('self, stream', '_WritelnDecorator.__init__', Q, (self: Obj, stream: unknown) => {
    self['stream'] = stream;
    return null;
  }),
  __getattr__: pyFunction('self, attr', '_WritelnDecorator.__getattr__', Q, (self: Obj, attr: unknown) => {
    // Looked up before __init__ set it (copy, pickle): no recursion into the stream.
    if (attr === 'stream' || attr === '__getstate__') throw new AttributeError(attr as string);
    return getattr(self['stream'], attr as string);
  }),
  writeln: pyFunction('self, arg=', '_WritelnDecorator.writeln', Q, (self: Obj, arg: unknown = null) => {
    if (arg !== null) callMethod(self, 'write', arg);
    callMethod(self, 'write', '\n');
    return null;
  }),
});


const seconds = (): number => {
  const t = perf_counter();
  return t instanceof PyFloat ? t.valueOf() : Number(t);
};

function* runSteps(self: Obj, test: unknown): Steps {
  const result = callMethod(self, '_makeResult') as Obj;
  result['failfast'] = self['failfast'];
  result['buffer'] = self['buffer'];
  result['tb_locals'] = self['tb_locals'];
  // The tests run under filters of their own (`with warnings.catch_warnings()`), given by the runner's `warnings`.
  const saved = call(warnings.catch_warnings, [], null);
  callMethod(saved, '__enter__');
  let start: number;
  let stop: number;
  try {
    const action = self['warnings'];
    if (truthy(action)) {
      call(warnings.simplefilter, [action], null);
      // The deprecated assert aliases are noisy: shown once per module.
      if (action === 'default' || action === 'always') {
        call(warnings.filterwarnings, ['module'], { category: DeprecationWarning, message: 'Please use assert\\w+ instead.' });
      }
    }
    start = seconds();
    const startTestRun = getattr(result, 'startTestRun', null);
    if (startTestRun !== null) call(startTestRun, [], null);
    try {
      yield call(test, [result], null);
    } finally {
      const stopTestRun = getattr(result, 'stopTestRun', null);
      if (stopTestRun !== null) call(stopTestRun, [], null);
    }
    stop = seconds();
  } finally {
    callMethod(saved, '__exit__', null, null, null);
  }
  const taken = stop - start;
  callMethod(result, 'printErrors');
  const stream = self['stream'];
  const writeln = (text?: string): unknown => (text === undefined ? callMethod(stream, 'writeln') : callMethod(stream, 'writeln', text));
  if (getattr(result, 'separator2', null) !== null) writeln(String(getattr(result, 'separator2')));
  const run = Number(getattr(result, 'testsRun'));
  writeln(`Ran ${run} test${run !== 1 ? 's' : ''} in ${taken.toFixed(3)}s`);
  writeln();
  const count = (name: string): number => (getattr(result, name, []) as unknown[]).length;
  const infos: string[] = [];
  if (!truthy(callMethod(result, 'wasSuccessful'))) {
    callMethod(stream, 'write', 'FAILED');
    const failed = count('failures');
    const errored = count('errors');
    if (failed) infos.push(`failures=${failed}`);
    if (errored) infos.push(`errors=${errored}`);
  } else {
    callMethod(stream, 'write', 'OK');
  }
  const skipped = count('skipped');
  const expectedFails = count('expectedFailures');
  const unexpected = count('unexpectedSuccesses');
  if (skipped) infos.push(`skipped=${skipped}`);
  if (expectedFails) infos.push(`expected failures=${expectedFails}`);
  if (unexpected) infos.push(`unexpected successes=${unexpected}`);
  if (infos.length > 0) writeln(` (${infos.join(', ')})`);
  else callMethod(stream, 'write', '\n');
  callMethod(stream, 'flush');
  return result;
}

export const TextTestRunner = pyClass('TextTestRunner', Q, [], {
  resultclass: TextTestResult,
  __init__: pyFunction('self, stream=, descriptions=, verbosity=, failfast=, buffer=, resultclass=, warnings=, *, tb_locals=',
    'TextTestRunner.__init__', Q,
    (self: Obj, stream: unknown = null, descriptions: unknown = true, verbosity: unknown = 1, failfast: unknown = false,
      buffer: unknown = false, resultclass: unknown = null, warnings: unknown = null, tbLocals: unknown = false) => {
      self['stream'] = call(WritelnDecorator, [stream ?? sys.stderr], null);
      self['descriptions'] = descriptions;
      self['verbosity'] = verbosity;
      self['failfast'] = failfast;
      self['buffer'] = buffer;
      self['tb_locals'] = tbLocals ?? false;
      self['warnings'] = warnings;
      if (resultclass !== null) self['resultclass'] = resultclass;
      return null;
    }),
  _makeResult: pyFunction('self', 'TextTestRunner._makeResult', Q, (self: Obj) =>
    call(getattr(self, 'resultclass'), [self['stream'], self['descriptions'], self['verbosity']], null)),
  run: pyFunction('self, test', 'TextTestRunner.run', Q, (self: Obj, test: unknown) => drive(runSteps(self, test))),
});
