/**
 * warnCaller without the warnings module and without known frames (no
 * program running under runMain): the warning is placed as CPython places
 * one whose stacklevel passes the top of the stack, at `sys:1` in module
 * `sys`, and the default filters decide (DeprecationWarning hidden, others
 * shown once), written to sys.stderr as it is then.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import '../../../index.js';
import { DeprecationWarning, FutureWarning, RuntimeWarning, UserWarning } from '../../../builtins/exceptions.js';
import { callMethod } from '../../../builtins/attributes.js';
import * as sys from '../../sys.js';
import { StringIO } from '../io/stringIO.js';
import { warnCaller } from './fromRuntime.js';

const CASES: [string, unknown, string][] = [
  ['first', UserWarning, 'UserWarning'],
  ['first', UserWarning, 'UserWarning'],
  ['hidden', DeprecationWarning, 'DeprecationWarning'],
  ['later', FutureWarning, 'FutureWarning'],
  ['first', RuntimeWarning, 'RuntimeWarning'],
];

describe('warnCaller with the default filters', () => {
  it('writes what CPython writes for a warning beyond the stack', () => {
    const script = `import warnings\n${CASES.map(([m, , c]) => `warnings.warn(${JSON.stringify(m)}, ${c}, stacklevel=50)`).join('\n')}\n`;
    const run = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const captured = new StringIO();
    const saved = sys.stderr;
    sys.$module$setattr('stderr', captured);
    try {
      for (const [message, category] of CASES) warnCaller(message, category, 50);
    } finally {
      sys.$module$setattr('stderr', saved);
    }
    expect(callMethod(captured, 'getvalue')).toBe(run.stderr);
  });
});
