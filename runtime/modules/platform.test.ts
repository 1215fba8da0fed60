/**
 * platform's facts about the machine, against python3's on the same machine
 * (they differ from one machine to the next, so no fixture can hold them).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import '../index.js';
import * as platform from './platform.js';
import { call } from '../builtins/calls.js';
import { repr } from '../builtins/repr.js';
import { iterate } from '../builtins/iteration.js';

const FACTS = ['system', 'node', 'release', 'version', 'machine', 'processor', 'architecture', 'libc_ver', 'platform', 'uname', 'freedesktop_os_release'] as const;

describe('platform', () => {
  it('answers what python3 answers on this machine', () => {
    const script = `import platform\nfor name in ${JSON.stringify(FACTS)}:\n    print(repr(getattr(platform, name)()))\nprint(repr(platform.platform(terse=True)))\nprint(repr(tuple(platform.uname())))`;
    const run = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const mine = FACTS.map((name) => repr(call((platform as Record<string, unknown>)[name], [], null)));
    mine.push(repr(call(platform.platform, [], { terse: true })));
    // Python's iteration of the result, which adds the processor as a sixth item.
    mine.push(repr([...iterate(call(platform.uname, [], null))]).replace(/^\[(.*)\]$/, '($1)'));
    expect(mine).toEqual(run.stdout.trimEnd().split('\n'));
  });
});
