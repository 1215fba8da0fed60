/**
 * A plain-JavaScript mirror of the sources (src/, cli/, runtime/,
 * tests/support/) under .cache/test-build/, rebuilt before every test run,
 * for the hundreds of processes the fixture tests spawn: each would
 * otherwise route every module through the loader hooks' thread, which costs
 * more than the program it runs. The mirror is made from the current
 * sources each time (through the shared transpile cache), never from dist/.
 */
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transpile } from './transpile.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TEST_BUILD = join(ROOT, '.cache', 'test-build');
const TREES = ['src', 'cli', 'runtime', join('tests', 'support')];

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

async function writeIfChanged(path, content) {
  // Unchanged files keep their mtime, which the compile cache keys on.
  try {
    if ((await readFile(path, 'utf8')) === content) return;
  } catch {
    // Not there yet.
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

/** Brings the mirror up to date and returns its root. */
export async function buildTestMirror() {
  const wanted = new Set();
  const jobs = [];
  for (const tree of TREES) {
    for await (const path of files(join(ROOT, tree))) {
      if (path.endsWith('.test.ts')) continue;
      const rel = relative(ROOT, path);
      if (path.endsWith('.ts')) {
        const target = join(TEST_BUILD, rel.slice(0, -3) + '.js');
        wanted.add(target);
        jobs.push(readFile(path, 'utf8').then((code) => transpile(path, code)).then((js) => writeIfChanged(target, js)));
      } else {
        const target = join(TEST_BUILD, rel);
        wanted.add(target);
        jobs.push(mkdir(dirname(target), { recursive: true }).then(() => copyFile(path, target)));
      }
    }
  }
  const pkg = join(TEST_BUILD, 'package.json');
  wanted.add(pkg);
  jobs.push(readFile(join(ROOT, 'package.json'), 'utf8').then((text) => writeIfChanged(pkg, text)));
  await Promise.all(jobs);
  // A source deleted since the last run must not linger as an importable module.
  for await (const path of files(TEST_BUILD)) if (!wanted.has(path)) await rm(path);
  return TEST_BUILD;
}
