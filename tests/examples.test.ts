/**
 * The programs in examples/ print under pyasync what they print under
 * python3 (run from the examples folder with the same arguments).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './support/oracle.js';

const EXAMPLES = join(REPO_ROOT, 'examples');
const ENTRY = join(REPO_ROOT, 'tests', 'support', 'pyasync-from-source.ts');
const LOADER = join(REPO_ROOT, 'tests', 'support', 'register-ts.mjs');

describe('examples', () => {
  it('shop.py prints what python3 prints', () => {
    const args = ['shop.py', 'extra', 'args'];
    const python = spawnSync('python3', args, { cwd: EXAMPLES, encoding: 'utf8' });
    const pyasync = spawnSync(process.execPath, ['--import', LOADER, ENTRY, 'run', ...args], { cwd: EXAMPLES, encoding: 'utf8' });
    expect(python.status).toBe(0);
    expect(pyasync.stderr).toBe('');
    expect(pyasync.stdout).toBe(python.stdout);
    expect(pyasync.status).toBe(python.status);
  });
});
