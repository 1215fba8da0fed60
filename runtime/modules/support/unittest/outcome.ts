/**
 * What one TestCase.run gathers (CPython 3.11's case._Outcome): whether
 * every part so far succeeded, the failure an expectedFailure test is
 * expected to have, and how an exception escaping a part is reported —
 * SkipTest as a skip, _ShouldStop silently, the rest as a failure or error
 * (by the test's failureException), on a subtest when inside one.
 */
import { callMethod, getattr, hasattr } from '../../../builtins/attributes.js';
import { BaseException, Exception, KeyboardInterrupt, RuntimeWarning } from '../../../builtins/exceptions.js';
import { toPython } from '../../../builtins/errors.js';
import { str } from '../../../builtins/repr.js';
import { issubclass, isinstance, type } from '../../../builtins/types.js';
import { PyTuple } from '../../../builtins/values.js';
import { warn } from '../../warnings.js';
import { call } from '../../../builtins/calls.js';
import { pyClass } from '../pydef.js';

export const SkipTest = pyClass('SkipTest', 'unittest.case', [Exception], {});
/** Raised by a subtest that should end its test (failfast, or a failure in an expectedFailure test). */
export const ShouldStop = pyClass('_ShouldStop', 'unittest.case', [Exception], {});

export type ExcInfo = PyTuple<unknown>;

/**
 * Exceptions caught here in the runtime rather than by a Python frame: a
 * traceback seen from the runtime starts at the innermost Python frame of
 * the current stack (the one calling the runtime), which CPython's report
 * does not show (its unittest frames are left out); result.ts drops it.
 */
export const caughtByRuntime = new WeakSet<object>();

export function excInfo(e: BaseException): ExcInfo {
  return PyTuple.of(type(e), e, e.__traceback__ ?? null);
}

export function addSkip(result: unknown, test: unknown, reason: unknown): void {
  if (hasattr(result, 'addSkip')) callMethod(result, 'addSkip', test, reason);
  else call(warn, ['TestResult has no addSkip method, skips not reported', RuntimeWarning, 2], null);
}

/** A failure (the test's failureException) or an error. */
export function addError(result: unknown, test: unknown, info: ExcInfo): void {
  const failure = getattr(test, 'failureException');
  if (failure !== null && issubclass(info[0], failure)) callMethod(result, 'addFailure', test, info);
  else callMethod(result, 'addError', test, info);
}

export class Outcome {
  expecting_failure = false;
  success = true;
  expectedFailure: ExcInfo | null = null;
  readonly resultSupportsSubtests: boolean;

  constructor(readonly result: unknown) {
    this.resultSupportsSubtests = result !== null && hasattr(result, 'addSubTest');
  }

  /** A part starts: returns the success so far, which `end` combines with the part's. */
  begin(): boolean {
    const old = this.success;
    this.success = true;
    return old;
  }

  /**
   * A part ends, with the exception that escaped it or undefined: true when
   * the exception was dealt with (reported); a KeyboardInterrupt goes on.
   */
  end(old: boolean, testCase: unknown, subTest: boolean, error: unknown): boolean {
    try {
      if (error === undefined) {
        if (subTest && this.success) callMethod(this.result, 'addSubTest', getattr(testCase, 'test_case'), testCase, null);
        return true;
      }
      const e = toPython(error);
      if (!(e instanceof BaseException) || e instanceof KeyboardInterrupt) return false;
      if (isinstance(e, SkipTest)) {
        this.success = false;
        addSkip(this.result, testCase, str(e));
      } else if (isinstance(e, ShouldStop)) {
        // The subtest already reported what stops the test.
      } else if (this.expecting_failure) {
        if (!subTest) caughtByRuntime.add(e);
        this.expectedFailure = excInfo(e);
      } else {
        this.success = false;
        if (!subTest) caughtByRuntime.add(e);
        if (subTest) callMethod(this.result, 'addSubTest', getattr(testCase, 'test_case'), testCase, excInfo(e));
        else addError(this.result, testCase, excInfo(e));
      }
      return true;
    } finally {
      this.success = this.success && old;
    }
  }

  /** `with outcome.testPartExecutor(testCase)`: runs `body` (maybe asynchronous) as one part. */
  *part(testCase: unknown, body: () => unknown, subTest = false): Generator<unknown, void, unknown> {
    const old = this.begin();
    let error: unknown = undefined;
    try {
      yield body();
    } catch (e) {
      error = e ?? null;
    }
    if (!this.end(old, testCase, subTest, error)) throw error;
  }
}
