/**
 * Traceback and frame objects over a frame source (the source-mapped one is
 * compared with python3 by fixtures/tracebacks/traceback_*.py): the chain
 * of entries, the frames' callers, code objects shared with functions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import '../index.js';
import { ValueError } from './exceptions.js';
import { PyTraceback } from './errors.js';
import { setFrameSource, type FrameInfo, type FrameSource } from './frames.js';
import { sharedCode } from './codeObjects.js';
import { getattr } from './attributes.js';

function info(name: string, lineno: number, scope: string): FrameInfo {
  return {
    filename: '/p/m.py', lineno, name, qualname: name, firstlineno: lineno - 1, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0,
    line: '', source: '', end_lineno: null, colno: null, end_colno: null, scope,
  };
}

/** A stack of <module> → main → f, where main caught an exception raised in g called by f. */
const source: FrameSource = {
  traceback: () => ({ frames: [info('main', 5, 'main'), info('f', 9, 'f'), info('g', 12, 'g')], outer: [info('<module>', 20, 'mod'), info('main', 6, 'main')] }),
  stack: () => [info('<module>', 20, 'mod'), info('main', 7, 'main')],
  line: () => '',
};

describe('traceback objects', () => {
  afterEach(() => setFrameSource(null));

  it('have no entries while the frames are unknown', () => {
    const tb = new PyTraceback(new ValueError());
    expect(() => getattr(tb, 'tb_lineno')).toThrow(/tb_lineno/);
  });

  it('chain the entries from the catching frame inwards, whose frames know their callers', () => {
    setFrameSource(source);
    const tb = new PyTraceback(new ValueError());
    expect(getattr(tb, 'tb_lineno')).toBe(5);
    const next = getattr(tb, 'tb_next') as PyTraceback;
    expect(getattr(next, 'tb_lineno')).toBe(9);
    expect(getattr(tb, 'tb_next')).toBe(next);
    const last = getattr(next, 'tb_next') as PyTraceback;
    expect(getattr(last, 'tb_next')).toBeNull();
    const top = getattr(tb, 'tb_frame');
    // The catching frame is still running: its line is where it is now; its caller is the module.
    expect(getattr(top, 'f_lineno')).toBe(7);
    const back = getattr(top, 'f_back');
    expect(getattr(getattr(back, 'f_code'), 'co_name')).toBe('<module>');
    expect(getattr(back, 'f_back')).toBeNull();
    expect(getattr(getattr(next, 'tb_frame'), 'f_back')).toBe(top);
    expect(getattr(getattr(last, 'tb_frame'), 'f_lineno')).toBe(12);
    expect(getattr(getattr(last, 'tb_frame'), 'f_code')).toBe(sharedCode('g', 'g', '/p/m.py', 11, 0, 0, 0));
  });
});
