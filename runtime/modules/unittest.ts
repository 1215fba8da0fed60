/**
 * Python's `unittest` (CPython 3.11's unittest package, without discovery,
 * FunctionTestCase, the signal handlers and unittest.mock): TestCase and
 * its assert methods, IsolatedAsyncioTestCase, the skip decorators,
 * TestSuite, TestLoader (and the deprecated makeSuite, findTestCases and
 * getTestCaseNames), TestResult, TextTestResult, TextTestRunner and main. The classes live in support/unittest/.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './unittest.js';

export const __name__ = 'unittest';
loadedModules.$set('unittest', self);

export { TestCase } from './support/unittest/case.js';
export { SkipTest } from './support/unittest/outcome.js';
export { skip, skipIf, skipUnless, expectedFailure } from './support/unittest/decorators.js';
export { TestSuite } from './support/unittest/suite.js';
export { TestLoader, defaultTestLoader, findTestCases, getTestCaseNames, makeSuite } from './support/unittest/loader.js';
export { TestResult, TextTestResult } from './support/unittest/result.js';
export { TextTestRunner } from './support/unittest/runner.js';
export { TestProgram, main } from './support/unittest/program.js';
export { IsolatedAsyncioTestCase } from './support/unittest/asyncCase.js';

// Failure reports leave out the frame that called the runtime (support/unittest/result.ts): it needs the frames.
import { preloadFrames } from '../program/main.js';
await preloadFrames();
