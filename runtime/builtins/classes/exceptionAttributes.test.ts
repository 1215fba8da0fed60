import { describe, expect, it } from 'vitest';
import '../../index.js';
import { AttributeError, ValueError } from '../exceptions.js';
import { getattr, hasattr, setattr } from '../attributes.js';

/** Python's view of an exception hides Error's JS names; JS's view keeps them. */
describe('exceptions as JS Errors', () => {
  it('keeps name, message and stack for JS', () => {
    const e = ValueError('bad');
    expect(e.name).toBe('ValueError');
    expect(e.message).toBe('bad');
    expect(e.stack?.split('\n')[0]).toBe('ValueError: bad');
    expect(String(e)).toBe('ValueError: bad');
  });

  it('hides them from Python until Python assigns them', () => {
    const e = ValueError('bad');
    for (const name of ['name', 'message', 'stack', 'cause', 'constructor', 'toString', 'valueOf']) {
      expect(hasattr(e, name)).toBe(false);
    }
    setattr(e, 'stack', 'mine');
    setattr(e, 'name', 'n');
    expect(getattr(e, 'stack')).toBe('mine');
    expect(getattr(e, 'name')).toBe('n');
    // JS sees the Python attribute too.
    expect(e.name).toBe('n');
  });

  it('keeps the Python name of AttributeError', () => {
    expect(getattr(AttributeError('x'), 'name')).toBe(null);
  });
});
