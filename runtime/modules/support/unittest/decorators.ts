/**
 * skip, skipIf, skipUnless and expectedFailure (CPython 3.11's
 * unittest/case.py): they mark a test method or class with
 * `__unittest_skip__`/`__unittest_skip_why__` or
 * `__unittest_expecting_failure__`, which TestCase.run and TestSuite read.
 */
import { setattr } from '../../../builtins/attributes.js';
import { call, isPyFunction } from '../../../builtins/calls.js';
import { truthy } from '../../../builtins/truth.js';
import { pyFunction } from '../pydef.js';

const Q = 'unittest.case';

function skipper(reason: unknown): unknown {
  return pyFunction('test_item', 'skip.<locals>.decorator', Q, (item: unknown) => {
    // CPython also wraps a function so that calling it directly raises SkipTest; run() reads the marks first.
    const marked = item;
    setattr(marked, '__unittest_skip__', true);
    setattr(marked, '__unittest_skip_why__', reason);
    return marked;
  });
}

export const skip = pyFunction('reason', 'skip', Q, (reason: unknown) => {
  if (isPyFunction(reason)) return call(skipper(''), [reason], null);
  return skipper(reason);
});

const identity = pyFunction('obj', '_id', Q, (obj: unknown) => obj);

export const skipIf = pyFunction('condition, reason', 'skipIf', Q, (condition: unknown, reason: unknown) =>
  truthy(condition) ? skipper(reason) : identity);

export const skipUnless = pyFunction('condition, reason', 'skipUnless', Q, (condition: unknown, reason: unknown) =>
  truthy(condition) ? identity : skipper(reason));

export const expectedFailure = pyFunction('test_item', 'expectedFailure', Q, (item: unknown) => {
  setattr(item, '__unittest_expecting_failure__', true);
  return item;
});
