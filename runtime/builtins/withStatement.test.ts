import { describe, expect, it } from 'vitest';
import '../index.js'; // the whole runtime: type names and repr hooks
import { withEnter, withError, withExit } from './withStatement.js';
import { KeyError, RuntimeError, TypeError, ValueError } from './exceptions.js';
import { makeClass } from './classes.js';
import { def } from './calls.js';

/** A runtime object whose special methods are JS methods (`this` is the manager). */
class JsManager {
  log: unknown[] = [];
  constructor(private readonly swallow: unknown = false) {}
  __enter__(): unknown {
    this.log.push('enter');
    return 'value';
  }
  __exit__(type: unknown, value: unknown, tb: unknown): unknown {
    this.log.push(['exit', type, value, tb]);
    return this.swallow;
  }
}

/** The statement as compiled code runs it. */
function runWith(manager: unknown, body: (value: unknown) => void): void {
  const exit = withExit(manager);
  const value = withEnter(manager);
  let pending = true;
  try {
    body(value);
  } catch (error) {
    pending = false;
    withError(exit, error);
  } finally {
    if (pending) exit(null, null, null);
  }
}

describe('with statement helpers', () => {
  it('calls __enter__ and __exit__ with Nones around a body that completes', () => {
    const m = new JsManager();
    let seen: unknown;
    runWith(m, (v) => (seen = v));
    expect(seen).toBe('value');
    expect(m.log).toEqual(['enter', ['exit', null, null, null]]);
  });

  it('passes the exception to __exit__ and re-raises it unless the result is true', () => {
    const m = new JsManager(0);
    const error = new ValueError('boom');
    expect(() => runWith(m, () => { throw error; })).toThrow(error);
    expect(m.log[1]).toEqual(['exit', ValueError, error, null]);
    const swallowing = new JsManager([1]);
    expect(() => runWith(swallowing, () => { throw new KeyError('k'); })).not.toThrow();
  });

  it("an exception from __exit__ replaces the body's, which becomes its context", () => {
    const raising = { __proto__: { __enter__() { return null; }, __exit__() { throw new RuntimeError('exit'); } } };
    const body = new ValueError('body');
    try {
      runWith(raising, () => { throw body; });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RuntimeError);
      expect((e as RuntimeError).__context__).toBe(body);
    }
  });

  it('calls Python methods with the manager as self', () => {
    const calls: unknown[] = [];
    const CM = makeClass('CM', [], (ns) => {
      ns['__enter__'] = def(function __enter__(self: unknown) { calls.push(['enter', self]); return 42; }, 'self', 'CM.__enter__');
      ns['__exit__'] = def(function __exit__(self: unknown, t: unknown) { calls.push(['exit', self, t]); return null; }, 'self, t, v, tb', 'CM.__exit__');
    });
    const m = (CM as () => unknown)();
    runWith(m, (v) => calls.push(v));
    expect(calls).toEqual([['enter', m], 42, ['exit', m, null]]);
  });

  it("raises CPython's TypeErrors for objects that are no context managers", () => {
    expect(() => withExit(3)).toThrow(new TypeError("'int' object does not support the context manager protocol"));
    expect(() => withExit(null)).toThrow("'NoneType' object does not support the context manager protocol");
    const enterOnly = { __proto__: { __enter__() { return null; } } };
    expect(() => withExit(enterOnly)).toThrow('does not support the context manager protocol (missed __exit__ method)');
    // Special methods are looked up on the type: an instance's own attributes do not count.
    expect(() => withExit({ __enter__() {}, __exit__() {} })).toThrow('does not support the context manager protocol');
  });
});
