/**
 * The facts a thread takes of a module (the names `from m import x`
 * checks) go to the other threads of the build, whether it took them
 * compiling the module or parsing it for an importer: a thread given
 * them does not read the module again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileJob, Resolvers } from './compileJob.js';
import { makeJob } from './plan.js';
import type { CompileSettings, JobResult } from './types.js';

const SETTINGS: CompileSettings = { runtime: 'pyasync/runtime', topLevelAwait: false, esTopLevelAwait: true, declarations: false };

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pyasync-compilejob-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function compile(resolvers: Resolvers, name: string): JobResult {
  return compileJob(resolvers, makeJob(root, name, false, join(root, `${name}.py`), name, root), SETTINGS);
}

function write(name: string, text: string): void {
  writeFileSync(join(root, `${name}.py`), text);
}

describe('facts shared between threads', () => {
  it('hands on the facts of an imported module parsed for an importer, with the hash they are of', () => {
    write('a', 'x = 1\n');
    write('b', 'from a import x\n');
    const first = new Resolvers();
    expect(compile(first, 'b').ok).toBe(true);
    const shared = first.drain();
    expect(shared.map((s) => s.path).sort()).toEqual([join(root, 'a.py'), join(root, 'b.py')]);
    expect([...shared.find((s) => s.path === join(root, 'a.py'))!.facts!.globals]).toContain('x');
    // Drained: handed on once.
    expect(first.drain()).toEqual([]);

    // Another thread given them does not parse a.py: its `x` is still found after the file lost it.
    write('a', 'y = 1\n');
    write('c', 'from a import x\n');
    const second = new Resolvers();
    second.seed(shared);
    const result = compile(second, 'c');
    expect(result.ok).toBe(true);
    const deps = result.ok ? result.output.deps : null;
    // What c's cache entry records of a.py is the hash of the bytes the facts were taken from.
    const hashOfA = shared.find((s) => s.path === join(root, 'a.py'))!.hash;
    expect(deps?.facts).toContainEqual([join(root, 'a.py'), hashOfA]);
    // It hands on only what it took itself (c's own facts).
    expect(second.drain().map((s) => s.path)).toEqual([join(root, 'c.py')]);
  });

  it('hands on that an imported module does not compile, as null facts', () => {
    write('a', 'def (:\n');
    write('b', 'from a import x\n');
    const first = new Resolvers();
    compile(first, 'b');
    const shared = first.drain().find((s) => s.path === join(root, 'a.py'));
    expect(shared?.facts).toBeNull();

    // A thread given them takes the module's names as unknown, as its own parse of that file
    // would; it does not parse it again (the file now defining only `y` would fail the import).
    write('a', 'y = 1\n');
    write('c', 'from a import x\n');
    const second = new Resolvers();
    second.seed([shared!]);
    expect(compile(second, 'c').ok).toBe(true);
    const third = new Resolvers();
    expect(compile(third, 'c').ok).toBe(false);
  });
});
