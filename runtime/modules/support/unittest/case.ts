/**
 * unittest.TestCase (CPython 3.11's unittest/case.py): the fixture and
 * test-method calls of `run` with their reporting order, cleanups, subTest,
 * skipTest, id/str/repr/shortDescription, and the assert methods
 * (./asserts.ts, ./raises.ts). `run` is a sequence of steps (./steps.ts)
 * so that IsolatedAsyncioTestCase, whose parts are asynchronous, shares it.
 */
import { callMethod, callMethodKw, getattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { AssertionError, AttributeError, DeprecationWarning, ValueError } from '../../../builtins/exceptions.js';
import { warnCaller } from '../warnings/fromRuntime.js';
import { repr, str } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { hash } from '../../../builtins/functions.js';
import { type } from '../../../builtins/types.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyTuple } from '../../../builtins/values.js';
import { pyClass, pyClassMethod, pyFunction } from '../pydef.js';
import { assertMethods, method } from './asserts.js';
import { raisesMethods } from './raises.js';
import { warnsLogsMethods } from './warnsLogs.js';
import { Outcome, SkipTest, ShouldStop, addSkip } from './outcome.js';
import { drive, type Steps } from './steps.js';
import { strclass } from './util.js';
import { resultClasses } from './classes.js';

const Q = 'unittest.case';
type Obj = Record<string, unknown>;

/** The Outcome of the run in progress of each test (CPython's `_outcome`), kept out of the instance's attributes. */
const outcomes = new WeakMap<object, Outcome>();

interface SubTestState {
  readonly params: Map<string, unknown>;
  readonly test: Obj;
}
const subtests = new WeakMap<object, SubTestState>();

const cleanupsOf = (self: Obj): [unknown, unknown[], Record<string, unknown> | null][] =>
  self['_cleanups'] as [unknown, unknown[], Record<string, unknown> | null][];

function kwargsOf(d: unknown): Record<string, unknown> | null {
  if (!(d instanceof PyDict) || d.$size === 0) return null;
  const out: Record<string, unknown> = {};
  for (const k of d) out[k as string] = d.$get(k);
  return out;
}

function* cleanupSteps(self: Obj): Steps<boolean> {
  const outcome = outcomes.get(self) ?? new Outcome(null);
  const cleanups = cleanupsOf(self);
  while (cleanups.length > 0) {
    const [fn, args, kwargs] = cleanups.pop()!;
    yield* outcome.part(self, () => callMethodKw(self, '_callCleanup', [fn, ...args], kwargs));
  }
  return outcome.success;
}

/**
 * The tests whose `run` TestCase.__call__ is calling, when `run` is the
 * runtime's own (not overridden in Python): CPython's frame above `run` is
 * then case.py's `__call__`, a library frame, where the warning for a test
 * method returning a value is placed (`stacklevel=3` from _callTestMethod).
 */
const calledByLibrary = new WeakSet<object>();

/** Whether the `run` in progress of each test was called by library code, for _callTestMethod's warning. */
const runCallers = new WeakMap<object, boolean>();

/** CPython's warning for a test method that returned a value, placed at the caller of `run` (sys:1 for the library's). */
export function warnReturned(self: object, method: unknown, returned: unknown): void {
  if (returned === null || returned === undefined) return;
  const message = `It is deprecated to return a value that is not None from a test case (${str(method)})`;
  warnCaller(message, DeprecationWarning, runCallers.get(self) === true ? 1 : 2);
}

/** The runtime's `run` methods (TestCase's, IsolatedAsyncioTestCase's): library code calling TestCase.run. */
export const runtimeRuns = new Set<unknown>();

/** TestCase.__call__: `self.run(*args, **kwds)`. */
function callRun(self: Obj, args: unknown[], kwds: unknown): unknown {
  if (runtimeRuns.has(getattr(type(self), 'run'))) calledByLibrary.add(self);
  try {
    return callMethodKw(self, 'run', [...args], kwargsOf(kwds));
  } finally {
    calledByLibrary.delete(self);
  }
}

function* runSteps(self: Obj, given: unknown): Steps {
  runCallers.set(self, calledByLibrary.has(self));
  calledByLibrary.delete(self);
  let result = given;
  let stopTestRun: unknown = null;
  if (result === null || result === undefined) {
    result = callMethod(self, 'defaultTestResult');
    const start = getattr(result, 'startTestRun', null);
    stopTestRun = getattr(result, 'stopTestRun', null);
    if (start !== null) call(start, [], null);
  }
  callMethod(result, 'startTest', self);
  try {
    const testMethod = getattr(self, self['_testMethodName'] as string);
    const cls = type(self);
    if (truthy(getattr(cls, '__unittest_skip__', false)) || truthy(getattr(testMethod, '__unittest_skip__', false))) {
      const why = getattr(cls, '__unittest_skip_why__', '');
      addSkip(result, self, truthy(why) ? why : getattr(testMethod, '__unittest_skip_why__', ''));
      return result;
    }
    const expecting = truthy(getattr(self, '__unittest_expecting_failure__', false))
      || truthy(getattr(testMethod, '__unittest_expecting_failure__', false));
    const outcome = new Outcome(result);
    try {
      outcomes.set(self, outcome);
      yield* outcome.part(self, () => callMethod(self, '_callSetUp'));
      if (outcome.success) {
        outcome.expecting_failure = expecting;
        yield* outcome.part(self, () => callMethod(self, '_callTestMethod', testMethod));
        outcome.expecting_failure = false;
        yield* outcome.part(self, () => callMethod(self, '_callTearDown'));
      }
      yield callMethod(self, 'doCleanups');
      if (outcome.success) {
        if (expecting) {
          if (outcome.expectedFailure !== null) callMethod(result, 'addExpectedFailure', self, outcome.expectedFailure);
          else callMethod(result, 'addUnexpectedSuccess', self);
        } else {
          callMethod(result, 'addSuccess', self);
        }
      }
      return result;
    } finally {
      outcome.expectedFailure = null;
      outcomes.delete(self);
    }
  } finally {
    callMethod(result, 'stopTest', self);
    if (stopTestRun !== null) call(stopTestRun, [], null);
  }
}

export function runTest(self: Obj, result: unknown): unknown {
  return drive(runSteps(self, result));
}

const SUBTEST_SENTINEL = {};

/** The context manager `self.subTest(msg, **params)` returns. */
function subTestContext(self: Obj, msg: unknown, params: Map<string, unknown>): Obj {
  const outcome = outcomes.get(self);
  let old = true;
  let parent: SubTestState | undefined;
  let subtest: Obj | null = null;
  const enter = (): unknown => {
    if (outcome === undefined || !outcome.resultSupportsSubtests) return null;
    parent = subtests.get(self);
    // The innermost subtest's parameters first, then the enclosing ones it does not override (CPython's _OrderedChainMap).
    const merged = new Map(params);
    for (const [k, v] of parent?.params ?? []) if (!merged.has(k)) merged.set(k, v);
    subtest = call(SubTest, [self, msg === SUBTEST_SENTINEL ? SUBTEST_SENTINEL : msg, merged], null) as Obj;
    subtests.set(self, { params: merged, test: subtest });
    old = outcome.begin();
    return null;
  };
  const exit = (_t: unknown, value: unknown): boolean => {
    if (outcome === undefined || subtest === null) return false;
    try {
      const handled = outcome.end(old, subtest, true, value === null ? undefined : value);
      if (!handled) return false;
      if (!outcome.success) {
        const result = outcome.result;
        if (result !== null && truthy(getattr(result, 'failfast', false))) throw call(ShouldStop, [], null);
      } else if (outcome.expectedFailure !== null) {
        throw call(ShouldStop, [], null);
      }
      return true;
    } finally {
      if (parent === undefined) subtests.delete(self);
      else subtests.set(self, parent);
    }
  };
  return call(SubTestContextClass, [enter, exit], null) as Obj;
}

const SubTestContextClass = pyClass('_SubTestContext', Q, [], {
  __init__: pyFunction('self, enter, exit', '_SubTestContext.__init__', Q, (self: Obj, enter: unknown, exit: unknown) => {
    self['$enter'] = enter;
    self['$exit'] = exit;
    return null;
  }),
  __enter__: pyFunction('self', '_SubTestContext.__enter__', Q, (self: Obj) => (self['$enter'] as () => unknown)()),
  __exit__: pyFunction('self, exc_type, exc_value, tb', '_SubTestContext.__exit__', Q, (self: Obj, t: unknown, v: unknown) =>
    (self['$exit'] as (t: unknown, v: unknown) => boolean)(t, v)),
});

const testCaseRun = method('self, result=', 'run', (self: Obj, result: unknown = null) => runTest(self, result));
runtimeRuns.add(testCaseRun);

/** Every TestCase subclass, in creation order: unittest.main finds the `__main__` module's tests here (program.ts). */
export const testCaseClasses: unknown[] = [];

export const TestCase = pyClass('TestCase', Q, [], {
  __init_subclass__: pyClassMethod(pyFunction('cls, **kwargs', 'TestCase.__init_subclass__', Q, (cls: unknown) => {
    testCaseClasses.push(cls);
    return null;
  })),
  failureException: AssertionError,
  longMessage: true,
  maxDiff: 80 * 8,
  _diffThreshold: 2 ** 16,
  _classSetupFailed: false,
  __init__: method('self, methodName=', '__init__', (self: Obj, methodName: unknown = 'runTest') => {
    self['_testMethodName'] = methodName;
    self['_outcome'] = null;
    self['_testMethodDoc'] = 'No test';
    try {
      const m = getattr(self, methodName as string);
      self['_testMethodDoc'] = getattr(m, '__doc__', null);
    } catch (e) {
      if (!(e instanceof AttributeError)) throw e;
      if (methodName !== 'runTest') throw new ValueError(`no such test method in ${str(type(self))}: ${str(methodName)}`);
    }
    self['_cleanups'] = [];
    self['_subtest'] = null;
    return null;
  }),
  setUp: method('self', 'setUp', () => null),
  tearDown: method('self', 'tearDown', () => null),
  setUpClass: pyClassMethod(pyFunction('cls', 'TestCase.setUpClass', Q, () => null)),
  tearDownClass: pyClassMethod(pyFunction('cls', 'TestCase.tearDownClass', Q, () => null)),
  addClassCleanup: pyClassMethod(pyFunction('cls, function, /, *args, **kwargs', 'TestCase.addClassCleanup', Q,
    (cls: Obj, fn: unknown, args: unknown[], kwargs: unknown) => {
      classCleanups(cls).push([fn, [...args], kwargsOf(kwargs)]);
      return null;
    })),
  doClassCleanups: pyClassMethod(pyFunction('cls', 'TestCase.doClassCleanups', Q, (cls: Obj) => {
    const errors: unknown[] = [];
    cls['tearDown_exceptions'] = errors;
    const cleanups = classCleanups(cls);
    while (cleanups.length > 0) {
      const [fn, args, kwargs] = cleanups.pop()!;
      try {
        call(fn, args, kwargs);
      } catch (e) {
        errors.push(PyTuple.of(type(e), e, (e as Obj)['__traceback__'] ?? null));
      }
    }
    return null;
  })),
  countTestCases: method('self', 'countTestCases', () => 1),
  defaultTestResult: method('self', 'defaultTestResult', () => call(resultClasses.TestResult, [], null)),
  shortDescription: method('self', 'shortDescription', (self: Obj) => {
    const doc = self['_testMethodDoc'];
    if (typeof doc !== 'string' || doc === '') return null;
    return doc.trim().split('\n')[0]!.trim();
  }),
  id: method('self', 'id', (self: Obj) => `${strclass(type(self))}.${str(self['_testMethodName'])}`),
  __eq__: method('self, other', '__eq__', (self: Obj, other: unknown) =>
    type(self) === type(other) && self['_testMethodName'] === (other as Obj)['_testMethodName']),
  __hash__: method('self', '__hash__', (self: Obj) => hash(PyTuple.of(type(self), self['_testMethodName']))),
  __str__: method('self', '__str__', (self: Obj) =>
    `${str(self['_testMethodName'])} (${strclass(type(self))}.${str(self['_testMethodName'])})`),
  __repr__: method('self', '__repr__', (self: Obj) => `<${strclass(type(self))} testMethod=${str(self['_testMethodName'])}>`),
  addCleanup: method('self, function, /, *args, **kwargs', 'addCleanup', (self: Obj, fn: unknown, args: unknown[], kwargs: unknown) => {
    cleanupsOf(self).push([fn, [...args], kwargsOf(kwargs)]);
    return null;
  }),
  doCleanups: method('self', 'doCleanups', (self: Obj) => drive(cleanupSteps(self))),
  _callSetUp: method('self', '_callSetUp', (self: Obj) => callMethod(self, 'setUp')),
  _callTestMethod: method('self, method', '_callTestMethod', (self: Obj, m: unknown) => {
    warnReturned(self, m, call(m, [], null));
    return null;
  }),
  _callTearDown: method('self', '_callTearDown', (self: Obj) => callMethod(self, 'tearDown')),
  _callCleanup: method('self, function, /, *args, **kwargs', '_callCleanup', (_self: Obj, fn: unknown, args: unknown[], kwargs: unknown) =>
    call(fn, [...args], kwargsOf(kwargs))),
  skipTest: method('self, reason', 'skipTest', (_self: Obj, reason: unknown) => {
    throw call(SkipTest, [reason], null);
  }),
  subTest: method('self, msg=, **params', 'subTest', (self: Obj, msg: unknown = SUBTEST_SENTINEL, params: unknown) => {
    const map = new Map<string, unknown>();
    if (params instanceof PyDict) for (const k of params) map.set(k as string, params.$get(k));
    return subTestContext(self, msg, map);
  }),
  run: testCaseRun,
  __call__: method('self, *args, **kwds', '__call__', (self: Obj, args: unknown[], kwds: unknown) => callRun(self, args, kwds)),
  ...assertMethods,
  ...raisesMethods,
  ...warnsLogsMethods,
  ...deprecatedAliases(),
});

/**
 * CPython's `_deprecate`d aliases (failUnlessEqual, assertEquals…): the
 * original method, called as it is (not looked up on the test), after a
 * DeprecationWarning for the caller.
 */
function deprecatedAliases(): Record<string, unknown> {
  const originals: Record<string, unknown> = { ...assertMethods, ...raisesMethods };
  const aliases: Record<string, string[]> = {
    assertEqual: ['failUnlessEqual', 'assertEquals'],
    assertNotEqual: ['failIfEqual', 'assertNotEquals'],
    assertAlmostEqual: ['failUnlessAlmostEqual', 'assertAlmostEquals'],
    assertNotAlmostEqual: ['failIfAlmostEqual', 'assertNotAlmostEquals'],
    assertTrue: ['failUnless', 'assert_'],
    assertRaises: ['failUnlessRaises'],
    assertFalse: ['failIf'],
    assertRaisesRegex: ['assertRaisesRegexp'],
    assertRegex: ['assertRegexpMatches'],
    assertNotRegex: ['assertNotRegexpMatches'],
  };
  const out: Record<string, unknown> = {};
  for (const [name, names] of Object.entries(aliases)) {
    const original = originals[name];
    const deprecated = pyFunction('*args, **kwargs', 'TestCase._deprecate.<locals>.deprecated_func', Q, (args: PyTuple, kwargs: PyDict) => {
      warnCaller(`Please use ${name} instead.`, DeprecationWarning, 2);
      return call(original, [...args], kwargsOf(kwargs));
    });
    for (const alias of names) out[alias] = deprecated;
  }
  return out;
}

function classCleanups(cls: Obj): [unknown, unknown[], Record<string, unknown> | null][] {
  if (!Object.prototype.hasOwnProperty.call(cls, '$classCleanups')) {
    Object.defineProperty(cls, '$classCleanups', { value: [], enumerable: false });
  }
  return cls['$classCleanups'] as [unknown, unknown[], Record<string, unknown> | null][];
}

/** A subtest as the results see it (CPython's _SubTest): the test's id and description plus its message and parameters. */
export const SubTest = pyClass('_SubTest', Q, [TestCase], {
  __init__: pyFunction('self, test_case, message, params', '_SubTest.__init__', Q, (self: Obj, testCase: Obj, message: unknown, params: unknown) => {
    self['_message'] = message;
    self['test_case'] = testCase;
    self['$params'] = params;
    self['failureException'] = getattr(testCase, 'failureException');
    self['_testMethodName'] = 'runTest';
    self['_testMethodDoc'] = null;
    self['_cleanups'] = [];
    return null;
  }),
  runTest: pyFunction('self', '_SubTest.runTest', Q, () => {
    throw new ValueError('subtests cannot be run directly');
  }),
  _subDescription: pyFunction('self', '_SubTest._subDescription', Q, (self: Obj) => subDescription(self)),
  id: pyFunction('self', '_SubTest.id', Q, (self: Obj) => `${str(callMethod(self['test_case'], 'id'))} ${subDescription(self)}`),
  shortDescription: pyFunction('self', '_SubTest.shortDescription', Q, (self: Obj) => callMethod(self['test_case'], 'shortDescription')),
  __str__: pyFunction('self', '_SubTest.__str__', Q, (self: Obj) => `${str(self['test_case'])} ${subDescription(self)}`),
});

function subDescription(self: Obj): string {
  const parts: string[] = [];
  if (self['_message'] !== SUBTEST_SENTINEL) parts.push(`[${str(self['_message'])}]`);
  const params = self['$params'] as Map<string, unknown>;
  if (params.size > 0) parts.push(`(${[...params].map(([k, v]) => `${k}=${repr(v)}`).join(', ')})`);
  return parts.join(' ') || '(<subtest>)';
}

export { SkipTest };
