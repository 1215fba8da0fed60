/**
 * unittest.TestLoader (CPython 3.11's unittest/loader.py, the part that
 * does not touch the file system): the test method names of a class
 * (`testMethodPrefix`, sorted by `sortTestMethodsUsing`, filtered by
 * `testNamePatterns`), the suite of a TestCase class, of a module's
 * TestCase classes, and of dotted names; and the deprecated module
 * functions over a loader made for the call (makeSuite, findTestCases,
 * getTestCaseNames).
 */
import { callMethod, getattr, hasattr, setattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { AttributeError, DeprecationWarning, TypeError } from '../../../builtins/exceptions.js';
import { warnCaller } from '../warnings/fromRuntime.js';
import { truthy } from '../../../builtins/truth.js';
import { isinstance, issubclass } from '../../../builtins/types.js';
import { callable, dir, type as typeType } from '../../../index.js';
import { cmpToKeySort } from './sorting.js';
import * as fnmatch from '../../fnmatch.js';
import { pyClass, pyFunction, pyStaticMethod } from '../pydef.js';
import { TestCase } from './case.js';
import { TestSuite } from './suite.js';
import { strclass } from './util.js';

const Q = 'unittest.loader';
type Obj = Record<string, unknown>;

const l = <F extends (...args: never[]) => unknown>(spec: string, name: string, fn: F): F => pyFunction(spec, `TestLoader.${name}`, Q, fn);

/** Python 2's cmp for the default ordering of test names. */
const threeWayCmp = pyFunction('x, y', 'three_way_cmp', 'unittest.util', (x: unknown, y: unknown) => {
  const a = String(x);
  const b = String(y);
  return a < b ? -1 : a > b ? 1 : 0;
});

function testCaseNames(self: Obj, cls: unknown): string[] {
  const prefix = String(getattr(self, 'testMethodPrefix'));
  const patterns = getattr(self, 'testNamePatterns', null);
  const full = `${strclass(cls)}.`;
  const names = (dir(cls) as string[]).filter((name) => {
    if (!name.startsWith(prefix)) return false;
    if (!callable(getattr(cls, name))) return false;
    if (patterns === null) return true;
    return (patterns as unknown[]).some((p) => truthy(call(fnmatch.fnmatchcase, [full + name, p], null)));
  });
  return cmpToKeySort(names, getattr(self, 'sortTestMethodsUsing'));
}

function suiteOf(self: Obj, tests: unknown[]): unknown {
  return call(getattr(self, 'suiteClass'), [tests], null);
}

export const TestLoader = pyClass('TestLoader', Q, [], {
  testMethodPrefix: 'test',
  sortTestMethodsUsing: pyStaticMethod(threeWayCmp),
  testNamePatterns: null,
  suiteClass: TestSuite,
  _top_level_dir: null,
  __init__: l('self', '__init__', (self: Obj) => {
    self['errors'] = [];
    self['_loading_packages'] = null;
    return null;
  }),
  getTestCaseNames: l('self, testCaseClass', 'getTestCaseNames', (self: Obj, cls: unknown) => testCaseNames(self, cls)),
  loadTestsFromTestCase: l('self, testCaseClass', 'loadTestsFromTestCase', (self: Obj, cls: unknown) => {
    if (issubclass(cls, TestSuite)) {
      throw new TypeError('Test cases should not be derived from TestSuite. Maybe you meant to derive from TestCase?');
    }
    let names = callMethod(self, 'getTestCaseNames', cls) as string[];
    if (names.length === 0 && hasattr(cls, 'runTest')) names = ['runTest'];
    return suiteOf(self, names.map((name) => call(cls, [name], null)));
  }),
  loadTestsFromModule: l('self, module, *args, pattern=, **kws', 'loadTestsFromModule', (self: Obj, module: unknown) => {
    const tests: unknown[] = [];
    for (const name of dir(module) as string[]) {
      const obj = getattr(module, name);
      if (isinstance(obj, typeType) && issubclass(obj, TestCase)) tests.push(callMethod(self, 'loadTestsFromTestCase', obj));
    }
    const loadTests = getattr(module, 'load_tests', null);
    const suite = suiteOf(self, tests);
    if (loadTests !== null) return call(loadTests, [self, suite, null], null);
    return suite;
  }),
  loadTestsFromName: l('self, name, module=', 'loadTestsFromName', (self: Obj, name: unknown, module: unknown = null) => {
    const parts = String(name).split('.');
    let obj: unknown = module;
    let parent: unknown = null;
    for (const part of parts) {
      parent = obj;
      try {
        obj = getattr(obj, part);
      } catch (e) {
        if (!(e instanceof AttributeError)) throw e;
        throw e;
      }
    }
    if (isinstance(obj, typeType) && issubclass(obj, TestCase)) return callMethod(self, 'loadTestsFromTestCase', obj);
    if (isinstance(obj, TestSuite)) return obj;
    if (isinstance(parent, typeType) && issubclass(parent, TestCase)) {
      return suiteOf(self, [call(parent, [parts[parts.length - 1]], null)]);
    }
    if (obj !== null && isinstance(obj, TestCase)) return obj;
    if (callable(obj)) return call(obj, [], null);
    throw new TypeError(`don't know how to make test from: ${String(obj)}`);
  }),
  loadTestsFromNames: l('self, names, module=', 'loadTestsFromNames', (self: Obj, names: unknown, module: unknown = null) =>
    suiteOf(self, (Array.from(names as Iterable<unknown>)).map((n) => callMethod(self, 'loadTestsFromName', n, module)))),
});

export const defaultTestLoader = call(TestLoader, [], null);

/** loader.py's _makeLoader: a TestLoader with the deprecated functions' arguments as its attributes. */
function makeLoader(prefix: unknown, sortUsing: unknown, suiteClass: unknown = null, testNamePatterns: unknown = null): unknown {
  const loader = call(TestLoader, [], null);
  setattr(loader, 'sortTestMethodsUsing', sortUsing);
  setattr(loader, 'testMethodPrefix', prefix);
  setattr(loader, 'testNamePatterns', testNamePatterns);
  if (truthy(suiteClass)) setattr(loader, 'suiteClass', suiteClass);
  return loader;
}

const deprecated = (name: string, instead: string): void =>
  warnCaller(`unittest.${name}() is deprecated and will be removed in Python 3.13. Please use unittest.TestLoader.${instead}() instead.`, DeprecationWarning, 2);

export const getTestCaseNames = pyFunction('testCaseClass, prefix, sortUsing=, testNamePatterns=', 'getTestCaseNames', Q,
  (cls: unknown, prefix: unknown, sortUsing: unknown = threeWayCmp, testNamePatterns: unknown = null) => {
    deprecated('getTestCaseNames', 'getTestCaseNames');
    return callMethod(makeLoader(prefix, sortUsing, null, testNamePatterns), 'getTestCaseNames', cls);
  });

export const makeSuite = pyFunction('testCaseClass, prefix=, sortUsing=, suiteClass=', 'makeSuite', Q,
  (cls: unknown, prefix: unknown = 'test', sortUsing: unknown = threeWayCmp, suiteClass: unknown = TestSuite) => {
    deprecated('makeSuite', 'loadTestsFromTestCase');
    return callMethod(makeLoader(prefix, sortUsing, suiteClass), 'loadTestsFromTestCase', cls);
  });

export const findTestCases = pyFunction('module, prefix=, sortUsing=, suiteClass=', 'findTestCases', Q,
  (module: unknown, prefix: unknown = 'test', sortUsing: unknown = threeWayCmp, suiteClass: unknown = TestSuite) => {
    deprecated('findTestCases', 'loadTestsFromModule');
    return callMethod(makeLoader(prefix, sortUsing, suiteClass), 'loadTestsFromModule', module);
  });
