/**
 * The compiler's list of builtins against CPython's and the runtime's: a
 * builtin the runtime exports must compile, and one it does not must be a
 * compile-time error, never a failed import at run time.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as runtime from '../../runtime/index.js';
import { PROVIDED_BUILTINS, PYTHON_BUILTINS } from './builtinNames.js';

describe('builtin names', () => {
  it("are CPython's public builtins", () => {
    const run = spawnSync('python3', ['-c', "import builtins; print(' '.join(n for n in dir(builtins) if not n.startswith('_') and n not in ('True', 'False', 'None')))"], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect([...PYTHON_BUILTINS].sort()).toEqual(run.stdout.trim().split(' ').sort());
  });

  it('provided are exactly the builtins the runtime exports', () => {
    const exported = [...PYTHON_BUILTINS].filter((n) => n in runtime).sort();
    expect([...PROVIDED_BUILTINS].sort()).toEqual(exported);
  });
});
