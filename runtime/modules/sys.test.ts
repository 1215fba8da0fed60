/**
 * The sys module's values against python3's, and its behaviour: exit,
 * the standard streams, assigning its attributes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as sys from './sys.js';
import { SystemExit, TypeError } from '../builtins/exceptions.js';
import { repr } from '../builtins/repr.js';
import { PyTuple } from '../builtins/values.js';
import { stdoutRedirection } from '../builtins/io.js';
import { moduleGetattr, moduleRepr, moduleSetattr } from './support/namespaces.js';
import '../builtins/functions.js';

const SYS = sys as unknown as Record<string, unknown>;

function python(expression: string): string {
  const run = spawnSync('python3', ['-c', `import sys\nprint(repr(${expression}))`], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout.trimEnd();
}

describe('sys values', () => {
  it('are CPython 3.11\'s', () => {
    const expressions = ['sys.maxsize', 'sys.version_info[:2]', 'sys.byteorder', 'sys.platform', 'sys.maxunicode', 'sys.getdefaultencoding()', 'sys.getrecursionlimit()', 'sys.version_info[3:]', 'sys.stdout', 'sys.stderr'];
    const ours = [
      repr(sys.maxsize), repr(PyTuple.fromArray(sys.version_info.slice(0, 2))), repr(sys.byteorder), repr(sys.platform), repr(sys.maxunicode),
      repr(sys.getdefaultencoding()), repr(sys.getrecursionlimit()), repr(PyTuple.fromArray(sys.version_info.slice(3))), repr(sys.stdout), repr(sys.stderr),
    ];
    expect(ours).toEqual(expressions.map(python));
    expect(sys.version.startsWith('3.11')).toBe(true);
  });

  it('version_info and float_info are tuples with named fields', () => {
    expect(sys.version_info).toBeInstanceOf(PyTuple);
    expect([(sys.version_info as unknown as { major: number }).major, (sys.version_info as unknown as { minor: number }).minor]).toEqual([3, 11]);
    expect(sys.version_info.__repr__()).toBe(python('sys.version_info').replace(/micro=\d+/, 'micro=7'));
    expect((sys.float_info as unknown as { epsilon: number }).epsilon).toBe(Number.EPSILON);
    expect(sys.float_info.__repr__()).toBe(python('sys.float_info'));
  });

  it('the module is a module', () => {
    expect(moduleRepr(sys as never)).toBe("<module 'sys' (built-in)>");
    expect(moduleGetattr(sys as never, 'maxsize')).toBe(sys.maxsize);
    expect(() => moduleGetattr(sys as never, 'nope')).toThrow("module 'sys' has no attribute 'nope'");
  });
});

describe('sys functions', () => {
  it('exit raises SystemExit with its code', () => {
    for (const [args, code] of [[[], null], [[3], 3], [['bye'], 'bye'], [[null], null]] as [unknown[], unknown][]) {
      try {
        (sys.exit as (...a: unknown[]) => never)(...args);
      } catch (e) {
        expect(e).toBeInstanceOf(SystemExit);
        expect((e as SystemExit).code).toBe(code);
        continue;
      }
      throw new Error('exit returned');
    }
    expect(() => (sys.exit as (...a: unknown[]) => never)(1, 2)).toThrow('exit expected at most 1 argument, got 2');
  });

  it('setrecursionlimit records its limit and checks it', () => {
    sys.setrecursionlimit(4000);
    expect(sys.getrecursionlimit()).toBe(4000);
    expect(() => sys.setrecursionlimit(0)).toThrow('recursion limit must be greater or equal than 1');
    expect(() => sys.setrecursionlimit(1.5)).toThrow("'float' object cannot be interpreted as an integer");
    sys.setrecursionlimit(1000);
  });

  it('stdout.write takes a str and returns its length in characters', () => {
    const stdout = sys.stdout as { write(s: unknown): number };
    expect(() => stdout.write(3)).toThrow(TypeError);
    expect(() => stdout.write(3)).toThrow('write() argument must be str, not int');
    expect(stdout.write('')).toBe(0);
  });
});

describe('assigning sys attributes', () => {
  afterEach(() => {
    moduleSetattr(sys as never, 'stdout', sys.__stdout__);
    moduleSetattr(sys as never, 'argv', ['x']);
  });

  it('sys.stdout = obj redirects print(), and restoring it ends that', () => {
    const target = { write: () => 0 };
    moduleSetattr(sys as never, 'stdout', target);
    expect(SYS['stdout']).toBe(target);
    expect(stdoutRedirection()).toBe(target);
    moduleSetattr(sys as never, 'stdout', sys.__stdout__);
    expect(stdoutRedirection()).toBeNull();
  });

  it('sys.argv can be replaced; unknown attributes are kept beside the module', () => {
    moduleSetattr(sys as never, 'argv', ['a', 'b']);
    expect(SYS['argv']).toEqual(['a', 'b']);
    moduleSetattr(sys as never, 'custom', 42);
    expect(moduleGetattr(sys as never, 'custom')).toBe(42);
  });
});
