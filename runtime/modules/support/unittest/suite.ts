/**
 * unittest.TestSuite (CPython 3.11's unittest/suite.py): runs its tests in
 * order, calling setUpClass/tearDownClass (and setUpModule/tearDownModule)
 * around each run of tests of one class, reporting their failures as
 * "setUpClass (mod.Class)" errors; tests are dropped once run. Running may
 * turn asynchronous (an IsolatedAsyncioTestCase), see ./steps.ts.
 */
import { callMethod, getattr, setattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { BaseException, Exception, TypeError } from '../../../builtins/exceptions.js';
import { toPython } from '../../../builtins/errors.js';
import { repr, str } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { iterate } from '../../../builtins/iteration.js';
import { isinstance, issubclass, type } from '../../../builtins/types.js';
import { PyTuple } from '../../../builtins/values.js';
import { loadedModules } from '../moduleTable.js';
import { callable, type as typeType } from '../../../index.js';
import { eq } from '../../../builtins/equality.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { pyClass, pyFunction } from '../pydef.js';
import { TestCase } from './case.js';
import { SkipTest, caughtByRuntime, excInfo } from './outcome.js';
import { drive, type Steps } from './steps.js';
import { strclass } from './util.js';

const Q = 'unittest.suite';
type Obj = Record<string, unknown>;

const s = <F extends (...args: never[]) => unknown>(spec: string, name: string, fn: F): F => pyFunction(spec, `BaseTestSuite.${name}`, Q, fn);

/** A stand-in test for a class or module fixture's error (CPython's _ErrorHolder). */
export const ErrorHolder = pyClass('_ErrorHolder', Q, [], {
  failureException: null,
  __init__: pyFunction('self, description', '_ErrorHolder.__init__', Q, (self: Obj, description: unknown) => {
    self['description'] = description;
    return null;
  }),
  id: pyFunction('self', '_ErrorHolder.id', Q, (self: Obj) => self['description']),
  shortDescription: pyFunction('self', '_ErrorHolder.shortDescription', Q, () => null),
  __repr__: pyFunction('self', '_ErrorHolder.__repr__', Q, (self: Obj) => `<ErrorHolder description=${repr(self['description'])}>`),
  __str__: pyFunction('self', '_ErrorHolder.__str__', Q, (self: Obj) => str(self['description'])),
  countTestCases: pyFunction('self', '_ErrorHolder.countTestCases', Q, () => 0),
});

function fixtureError(result: unknown, e: unknown, method: string, parent: string, info: unknown = null): void {
  const holder = call(ErrorHolder, [`${method} (${parent})`], null);
  if (isinstance(e, SkipTest) && truthy(getattr(result, 'addSkip', null))) callMethod(result, 'addSkip', holder, str(e));
  else callMethod(result, 'addError', holder, info ?? excInfo(e as BaseException));
}

/** An exception a fixture raised, as a Python exception; anything else (KeyboardInterrupt, JS faults) goes on. */
function caught(e: unknown): BaseException {
  const p = toPython(e);
  if (p instanceof BaseException && isinstance(p, Exception)) {
    caughtByRuntime.add(p);
    return p;
  }
  throw e;
}

const isTestCase = (test: unknown): boolean => {
  try {
    iterate(test);
    return false;
  } catch {
    return true;
  }
};

function moduleOf(cls: unknown): unknown {
  return loadedModules.$get(getattr(cls, '__module__') as string) ?? null;
}

function handleModuleFixture(test: unknown, result: Obj): void {
  const previous = getattr(result, '_previousTestClass', null);
  const current = type(test);
  const previousModule = previous === null ? null : getattr(previous, '__module__');
  const currentModule = getattr(current, '__module__');
  if (previousModule === currentModule) return;
  handleModuleTearDown(result);
  setattr(result, '_moduleSetUpFailed', false);
  const module = moduleOf(current);
  if (module === null) return;
  const setUpModule = getattr(module, 'setUpModule', null);
  if (setUpModule === null) return;
  try {
    call(setUpModule, [], null);
  } catch (e) {
    const p = caught(e);
    setattr(result, '_moduleSetUpFailed', true);
    fixtureError(result, p, 'setUpModule', str(currentModule));
  }
}

function handleModuleTearDown(result: Obj): void {
  const previous = getattr(result, '_previousTestClass', null);
  if (previous === null || truthy(getattr(result, '_moduleSetUpFailed', false))) return;
  const module = moduleOf(previous);
  if (module === null) return;
  const tearDownModule = getattr(module, 'tearDownModule', null);
  if (tearDownModule === null) return;
  try {
    call(tearDownModule, [], null);
  } catch (e) {
    fixtureError(result, caught(e), 'tearDownModule', str(getattr(previous, '__module__')));
  }
}

function classCleanupErrors(cls: unknown, result: unknown, method: string): void {
  callMethod(cls, 'doClassCleanups');
  for (const info of getattr(cls, 'tearDown_exceptions', []) as PyTuple<unknown>[]) {
    fixtureError(result, info[1], method, strclass(cls), info);
  }
}

function handleClassSetUp(test: unknown, result: Obj): void {
  const previous = getattr(result, '_previousTestClass', null);
  const current = type(test);
  if (current === previous) return;
  if (truthy(getattr(result, '_moduleSetUpFailed', false))) return;
  if (truthy(getattr(current, '__unittest_skip__', false))) return;
  setattr(current, '_classSetupFailed', false);
  const setUpClass = getattr(current, 'setUpClass', null);
  if (setUpClass === null) return;
  let failed = false;
  try {
    call(setUpClass, [], null);
  } catch (e) {
    const p = caught(e);
    failed = true;
    setattr(current, '_classSetupFailed', true);
    fixtureError(result, p, 'setUpClass', strclass(current));
  }
  if (failed) classCleanupErrors(current, result, 'setUpClass');
}

function tearDownPreviousClass(test: unknown, result: Obj): void {
  const previous = getattr(result, '_previousTestClass', null);
  const current = test === null ? null : type(test);
  if (current === previous || previous === null) return;
  if (truthy(getattr(previous, '_classSetupFailed', false))) return;
  if (truthy(getattr(result, '_moduleSetUpFailed', false))) return;
  if (truthy(getattr(previous, '__unittest_skip__', false))) return;
  const tearDownClass = getattr(previous, 'tearDownClass', null);
  if (tearDownClass !== null) {
    try {
      call(tearDownClass, [], null);
    } catch (e) {
      fixtureError(result, caught(e), 'tearDownClass', strclass(previous));
    }
  }
  classCleanupErrors(previous, result, 'tearDownClass');
}

function* runSteps(self: Obj, result: Obj, debug: boolean): Steps {
  let topLevel = false;
  if (!truthy(getattr(result, '_testRunEntered', false))) {
    setattr(result, '_testRunEntered', true);
    topLevel = true;
  }
  const tests = self['_tests'] as unknown[];
  for (let index = 0; index < tests.length; index++) {
    const test = tests[index];
    if (truthy(getattr(result, 'shouldStop'))) break;
    if (isTestCase(test)) {
      tearDownPreviousClass(test, result);
      handleModuleFixture(test, result);
      handleClassSetUp(test, result);
      setattr(result, '_previousTestClass', type(test));
      if (truthy(getattr(type(test), '_classSetupFailed', false)) || truthy(getattr(result, '_moduleSetUpFailed', false))) continue;
    }
    yield debug ? callMethod(test, 'debug') : call(test, [result], null);
    if (truthy(self['_cleanup'])) {
      self['_removed_tests'] = Number(self['_removed_tests']) + Number(callMethod(test, 'countTestCases'));
      tests[index] = null;
    }
  }
  if (topLevel) {
    tearDownPreviousClass(null, result);
    handleModuleTearDown(result);
    setattr(result, '_testRunEntered', false);
  }
  return result;
}

function addTest(self: Obj, test: unknown): void {
  if (!callable(test)) {
    throw new TypeError(`${repr(test)} is not callable`);
  }
  if (isinstance(test, typeType) && (issubclass(test, TestCase) || issubclass(test, TestSuite))) {
    throw new TypeError('TestCases and TestSuites must be instantiated before passing them to addTest()');
  }
  (self['_tests'] as unknown[]).push(test);
}

export const TestSuite = pyClass('TestSuite', Q, [], {
  _cleanup: true,
  __init__: s('self, tests=', '__init__', (self: Obj, tests: unknown = PyTuple.of()) => {
    self['_tests'] = [];
    self['_removed_tests'] = 0;
    callMethod(self, 'addTests', tests);
    return null;
  }),
  __repr__: s('self', '__repr__', (self: Obj) => `<${strclass(type(self))} tests=${repr([...(self['_tests'] as unknown[])])}>`),
  __eq__: s('self, other', '__eq__', (self: Obj, other: unknown) => {
    if (!isinstance(other, type(self))) return NotImplemented;
    return eq([...(self['_tests'] as unknown[])], [...((other as Obj)['_tests'] as unknown[])]);
  }),
  __iter__: s('self', '__iter__', (self: Obj) => callMethod(self['_tests'], '__iter__')),
  countTestCases: s('self', 'countTestCases', (self: Obj) => {
    let cases = Number(self['_removed_tests']);
    for (const test of self['_tests'] as unknown[]) if (test !== null) cases += Number(callMethod(test, 'countTestCases'));
    return cases;
  }),
  addTest: s('self, test', 'addTest', (self: Obj, test: unknown) => {
    addTest(self, test);
    return null;
  }),
  addTests: s('self, tests', 'addTests', (self: Obj, tests: unknown) => {
    if (typeof tests === 'string') throw new TypeError('tests must be an iterable of tests, not a string');
    for (const test of iterate(tests)) callMethod(self, 'addTest', test);
    return null;
  }),
  run: s('self, result, debug=', 'run', (self: Obj, result: Obj, debug: unknown = false) => drive(runSteps(self, result, truthy(debug)))),
  __call__: s('self, *args, **kwds', '__call__', (self: Obj, args: unknown[]) => callMethod(self, 'run', ...args)),
  debug: s('self', 'debug', (self: Obj) => {
    for (const test of self['_tests'] as unknown[]) callMethod(test, 'debug');
    return null;
  }),
});
