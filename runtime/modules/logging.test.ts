/**
 * The logging module from TypeScript: level names both ways, the logger
 * hierarchy a PlaceHolder keeps until the parent is asked for, filters by
 * name, the asyncio hook's choice between a handler and lastResort, and
 * the weak list shutdown() walks. Behaviour against CPython is in
 * fixtures/modules/logging_*.py.
 */
import { describe, expect, it } from 'vitest';
import * as logging from './logging.js';
import { call } from '../builtins/calls.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { TypeError, ValueError } from '../builtins/exceptions.js';
import { asyncioLogger } from '../asyncio/output.js';
import { liveHandlers } from './support/logging/handlers.js';

function logger(name: string): unknown {
  return call(logging.getLogger, [name], null);
}

describe('levels', () => {
  it('names levels and levels names, and checks them', () => {
    expect(logging.getLevelName(10)).toBe('DEBUG');
    expect(logging.getLevelName('WARN')).toBe(30);
    expect(logging.getLevelName(15)).toBe('Level 15');
    expect(logging._checkLevel('ERROR')).toBe(40);
    expect(() => logging._checkLevel('LOUD')).toThrow(ValueError);
    expect(() => logging._checkLevel(null)).toThrow(TypeError);
  });
});

describe('hierarchy', () => {
  it('links a parent made after its children', () => {
    const child = logger('t1.mid.leaf');
    expect(getattr(child, 'parent')).toBe(logging.root);
    const top = logger('t1');
    expect(getattr(child, 'parent')).toBe(top);
    const mid = logger('t1.mid');
    expect(getattr(child, 'parent')).toBe(mid);
    expect(getattr(mid, 'parent')).toBe(top);
    expect(logger('t1.mid.leaf')).toBe(child);
    expect(call(logging.getLogger, [], null)).toBe(logging.root);
  });

  it('filters by name prefix at a dot', () => {
    const f = call(logging.Filter, ['a.b'], null);
    const passes = (name: string): unknown => callMethod(f, 'filter', recordNamed(name));
    expect([passes('a.b'), passes('a.b.c'), passes('a.bc'), passes('a')]).toEqual([true, true, false, false]);
  });
});

function recordNamed(name: string): unknown {
  return call(logging.LogRecord, [name, 20, 'p', 1, 'm', null, null], null);
}

describe('asyncio hook', () => {
  it('leaves a report to the caller when only lastResort would see it, and takes it once a handler exists', () => {
    const hook = asyncioLogger.log!;
    expect(hook(40, 'report', null)).toBe(false);
    const seen: unknown[] = [];
    const h = call(logging.NullHandler, [], null) as Record<string, unknown>;
    h['handle'] = (record: unknown): null => {
      seen.push(callMethod(record, 'getMessage'));
      return null;
    };
    const asyncio = logger('asyncio');
    callMethod(asyncio, 'addHandler', h);
    try {
      expect(hook(40, 'report', null)).toBe(true);
      expect(seen).toEqual(['report']);
    } finally {
      callMethod(asyncio, 'removeHandler', h);
    }
  });
});

describe('shutdown', () => {
  it('knows the handlers made', () => {
    const h = call(logging.StreamHandler, [], null);
    expect(liveHandlers()).toContain(h);
  });
});
