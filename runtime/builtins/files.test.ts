import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import '../index.js'; // every type's repr
import { repr } from './repr.js';
import { call } from './calls.js';
import { callMethod } from './attributes.js';
import { BaseException, OSError } from './exceptions.js';
import { PyBytes } from './values.js';
import { flushAllFiles, open } from './files.js';

/**
 * File objects against CPython: each scenario is written in Python (run by
 * one python3 process) and in JS over the runtime, in the same directory
 * (Python's run first, then the directory is emptied for JS's); both log
 * the reprs of what they see, and the exceptions they meet (OSError
 * subclasses by name only: their text comes from exceptions.ts).
 */
const DIR = join(tmpdir(), `pyasync-files-test-${process.pid}`);
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

type Log = (v: unknown) => void;
const P = (name: string): string => join(DIR, name);
const b = (s: string): PyBytes => new PyBytes(new Uint8Array([...s].map((c) => c.charCodeAt(0))));
const kw = (f: unknown, args: unknown[], kwargs: Record<string, unknown>): unknown => call(f, args, kwargs);
const m = (obj: unknown, name: string, ...args: unknown[]): unknown => callMethod(obj, name, ...args);

const SCENARIOS: [string, string, (log: Log) => void][] = [
  [
    'x mode creates, then refuses',
    `f = open(P('x.txt'), 'x'); log(f.write('new')); f.close(); log(open(P('x.txt')).read())
open(P('x.txt'), 'x')`,
    (log) => {
      const f = open(P('x.txt'), 'x');
      log(m(f, 'write', 'new'));
      m(f, 'close');
      log(m(open(P('x.txt')), 'read'));
      open(P('x.txt'), 'x');
    },
  ],
  [
    'an unclosed file written before the next open()',
    "open(P('w.txt'), 'w').write('data')\nlog(open(P('w.txt')).read())",
    (log) => {
      m(open(P('w.txt'), 'w'), 'write', 'data');
      log(m(open(P('w.txt')), 'read'));
    },
  ],
  [
    'text tell and seek across the read-ahead chunks',
    `f = open(P('t.txt'), 'w'); f.write('é' * 5000 + '\\n' + 'x😀y' * 2000 + '\\nend'); f.close()
f = open(P('t.txt'))
log(len(f.readline())); here = f.tell(); log(here); log(f.read(5)); log(f.tell())
log(len(f.readline())); log(f.tell()); f.seek(here); log(f.read(3)); log(f.readline()[-4:]); log(f.read()); log(f.tell())`,
    (log) => {
      const w = open(P('t.txt'), 'w');
      m(w, 'write', 'é'.repeat(5000) + '\n' + 'x😀y'.repeat(2000) + '\nend');
      m(w, 'close');
      const f = open(P('t.txt'));
      log([...(m(f, 'readline') as string)].length);
      const here = m(f, 'tell');
      log(here);
      log(m(f, 'read', 5));
      log(m(f, 'tell'));
      log([...(m(f, 'readline') as string)].length);
      log(m(f, 'tell'));
      m(f, 'seek', here);
      log(m(f, 'read', 3));
      log([...(m(f, 'readline') as string)].slice(-4).join(''));
      log(m(f, 'read'));
      log(m(f, 'tell'));
    },
  ],
  [
    "'\\r\\n' split between chunks, and limits inside it",
    `f = open(P('c.txt'), 'wb'); f.write(b'a' * 8191 + b'\\r\\nb\\r\\nc\\r'); f.close()
f = open(P('c.txt')); log(len(f.readline())); log(f.readline(1)); log(f.readline()); log(f.readline(2)); log(f.readline()); f.close()
f = open(P('c.txt')); log(len(f.read(8192))); log(f.read(1)); log(f.read(3)); log(f.read()); f.close()
f = open(P('c.txt'), newline='\\r\\n'); log([len(x) for x in f.readlines()]); f.close()`,
    (log) => {
      const w = open(P('c.txt'), 'wb');
      m(w, 'write', b('a'.repeat(8191) + '\r\nb\r\nc\r'));
      m(w, 'close');
      let f = open(P('c.txt'));
      log((m(f, 'readline') as string).length);
      log(m(f, 'readline', 1));
      log(m(f, 'readline'));
      log(m(f, 'readline', 2));
      log(m(f, 'readline'));
      m(f, 'close');
      f = open(P('c.txt'));
      log((m(f, 'read', 8192) as string).length);
      log(m(f, 'read', 1));
      log(m(f, 'read', 3));
      log(m(f, 'read'));
      m(f, 'close');
      f = kw(open, [P('c.txt')], { newline: '\r\n' }) as typeof f;
      log((m(f, 'readlines') as string[]).map((x) => x.length));
      m(f, 'close');
    },
  ],
  [
    'reprs and types',
    `for mode, kw in [('r', {}), ('w', {}), ('rb', {}), ('wb', {}), ('r+b', {}), ('ab', {}), ('rb', {'buffering': 0}), ('a+', {}), ('r', {'encoding': 'latin-1'})]:
    f = open(P('w.txt'), mode, **kw); log(repr(f)); log(type(f).__name__); log(f.mode); f.close(); log(repr(f))
f = open(P('w.txt'), 'rb', buffering=0); log([f.readable(), f.writable(), f.seekable(), f.closed]); f.close(); log(f.closed)
f = open(P('w.txt'), buffering=1); log(f.line_buffering); log(repr(f.buffer)); log(f.errors); f.close()`,
    (log) => {
      const modes: [string, Record<string, unknown>][] = [
        ['r', {}], ['w', {}], ['rb', {}], ['wb', {}], ['r+b', {}], ['ab', {}], ['rb', { buffering: 0 }], ['a+', {}], ['r', { encoding: 'latin-1' }],
      ];
      for (const [mode, kwargs] of modes) {
        const f = kw(open, [P('w.txt'), mode], kwargs) as { mode: string };
        log(repr(f));
        log((f.constructor as unknown as { __name__: string }).__name__);
        log(f.mode);
        m(f, 'close');
        log(repr(f));
      }
      let f = kw(open, [P('w.txt'), 'rb'], { buffering: 0 }) as { closed: boolean };
      log([m(f, 'readable'), m(f, 'writable'), m(f, 'seekable'), f.closed]);
      m(f, 'close');
      log(f.closed);
      f = kw(open, [P('w.txt')], { buffering: 1 }) as typeof f;
      const t = f as unknown as { line_buffering: boolean; buffer: unknown; errors: string };
      log(t.line_buffering);
      log(repr(t.buffer));
      log(t.errors);
      m(f, 'close');
    },
  ],
  [
    'descriptors, closefd and __fspath__',
    `import os
fd = os.open(P('w.txt'), os.O_RDONLY)
f = open(fd, closefd=False); log(f.name == fd); log(f.read()); f.close()
f = open(fd); log(f.read()); f.seek(0); log(f.read(2)); f.close()
class Path:
    def __fspath__(self): return P('w.txt')
log(open(Path()).read())
class Bad:
    def __fspath__(self): return 3
open(Bad())`,
    (log) => {
      const fd = openSync(P('w.txt'), 'r');
      let f = kw(open, [fd], { closefd: false }) as { name: unknown };
      log(f.name === fd);
      log(m(f, 'read'));
      m(f, 'close');
      f = open(fd) as typeof f;
      log(m(f, 'read'));
      m(f, 'seek', 0);
      log(m(f, 'read', 2));
      m(f, 'close');
      expect(() => closeSync(fd)).toThrow();
      class Path {
        __fspath__(): string {
          return P('w.txt');
        }
      }
      log(m(open(new Path()), 'read'));
      class Bad {
        __fspath__(): number {
          return 3;
        }
      }
      open(new Bad());
    },
  ],
  [
    'binary reads: read1, readline limits, readlines hints, seek past the end',
    `f = open(P('b.bin'), 'w+b'); f.write(b'line1\\nline2\\nline3\\n'); f.seek(0)
log(f.read1(3)); log(f.read1()); f.seek(0); log(f.readline(3)); log(f.readline(100)); log(f.readlines(3)); log(f.readlines())
log(f.seek(25)); log(f.write(b'!')); f.seek(0); log(f.read()); log(f.truncate(4)); log(f.tell()); f.seek(0); log(f.read())
f.close()
f = open(P('b.bin'), 'rb'); f.truncate()`,
    (log) => {
      const f = open(P('b.bin'), 'w+b');
      m(f, 'write', b('line1\nline2\nline3\n'));
      m(f, 'seek', 0);
      log(m(f, 'read1', 3));
      log(m(f, 'read1'));
      m(f, 'seek', 0);
      log(m(f, 'readline', 3));
      log(m(f, 'readline', 100));
      log(m(f, 'readlines', 3));
      log(m(f, 'readlines'));
      log(m(f, 'seek', 25));
      log(m(f, 'write', b('!')));
      m(f, 'seek', 0);
      log(m(f, 'read'));
      log(m(f, 'truncate', 4));
      log(m(f, 'tell'));
      m(f, 'seek', 0);
      log(m(f, 'read'));
      m(f, 'close');
      m(open(P('b.bin'), 'rb'), 'truncate');
    },
  ],
  [
    'unbuffered binary files',
    `f = open(P('u.bin'), 'wb', buffering=0); log(f.write(b'ab\\ncd\\n')); log(open(P('u.bin'), 'rb').read()); f.close()
f = open(P('u.bin'), 'rb', buffering=0); log(f.readline()); log(f.read(1)); log(f.tell()); log(f.read()); log(list(f)); f.close()`,
    (log) => {
      let f = kw(open, [P('u.bin'), 'wb'], { buffering: 0 });
      log(m(f, 'write', b('ab\ncd\n')));
      log(m(open(P('u.bin'), 'rb'), 'read'));
      m(f, 'close');
      f = kw(open, [P('u.bin'), 'rb'], { buffering: 0 });
      log(m(f, 'readline'));
      log(m(f, 'read', 1));
      log(m(f, 'tell'));
      log(m(f, 'read'));
      log([...(f as Iterable<unknown>)]);
      m(f, 'close');
    },
  ],
  [
    'text write after read lands after the read-ahead',
    `f = open(P('r.txt'), 'w'); f.write('hello\\nworld\\n'); f.close()
f = open(P('r.txt'), 'r+'); log(f.read(2)); log(f.write('ZZ')); log(f.tell()); f.seek(0); log(f.read()); f.close()
f = open(P('r.txt'), 'r+'); log(f.write('AB')); log(f.readline()); f.close(); log(open(P('r.txt')).read())`,
    (log) => {
      const w = open(P('r.txt'), 'w');
      m(w, 'write', 'hello\nworld\n');
      m(w, 'close');
      let f = open(P('r.txt'), 'r+');
      log(m(f, 'read', 2));
      log(m(f, 'write', 'ZZ'));
      log(m(f, 'tell'));
      m(f, 'seek', 0);
      log(m(f, 'read'));
      m(f, 'close');
      f = open(P('r.txt'), 'r+');
      log(m(f, 'write', 'AB'));
      log(m(f, 'readline'));
      m(f, 'close');
      log(m(open(P('r.txt')), 'read'));
    },
  ],
  [
    'tell is refused while iterating',
    `f = open(P('r.txt'))
for line in f:
    log(line)
    try:
        f.tell()
    except OSError as e:
        log(str(e))
log(f.tell()); log(next(iter(f), 'end')); f.seek(0); log(next(f)); f.close()`,
    (log) => {
      const f = open(P('r.txt'));
      for (const line of f as Iterable<unknown>) {
        log(line);
        try {
          m(f, 'tell');
        } catch (e) {
          log(String((e as BaseException).message));
        }
      }
      log(m(f, 'tell'));
      try {
        log(m(m(f, '__iter__'), '__next__'));
      } catch {
        log('end');
      }
      m(f, 'seek', 0);
      log(m(f, '__next__'));
      m(f, 'close');
    },
  ],
  [
    'write counts characters; writelines; with-statement methods',
    `f = open(P('u.txt'), 'w', newline='\\r\\n'); log(f.write('a😀\\nb')); f.writelines(['x\\n', 'y']); log(f.__enter__() is f); log(f.__exit__(None, None, None)); log(f.closed)
log(open(P('u.txt'), 'rb').read())
f.__enter__()`,
    (log) => {
      const f = kw(open, [P('u.txt'), 'w'], { newline: '\r\n' }) as { closed: boolean };
      log(m(f, 'write', 'a😀\nb'));
      m(f, 'writelines', ['x\n', 'y']);
      log(m(f, '__enter__') === f);
      log(m(f, '__exit__', null, null, null));
      log(f.closed);
      log(m(open(P('u.txt'), 'rb'), 'read'));
      m(f, '__enter__');
    },
  ],
];

const PY_RUNNER = `
import json, os, sys
DIR = sys.argv[1]
def P(name): return os.path.join(DIR, name)
results = []
def scenario(source):
    log_ = []
    def log(v): log_.append(v if isinstance(v, str) and v.startswith('!') else repr(v))
    try:
        exec(source, {'P': P, 'log': log})
    except Exception as e:
        log_.append('!' + type(e).__name__ + ('' if isinstance(e, OSError) and type(e).__name__ != 'UnsupportedOperation' else ': ' + str(e)))
    results.append(log_)
for source in json.loads(sys.stdin.read()):
    scenario(source)
print(json.dumps(results))
`;

function freshDir(): void {
  flushAllFiles();
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
}

function cpython(): string[][] {
  freshDir();
  const run = spawnSync('python3', ['-c', PY_RUNNER, DIR], { input: JSON.stringify(SCENARIOS.map((s) => s[1])), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

function ours(): string[][] {
  freshDir();
  return SCENARIOS.map(([, , body]) => {
    const logged: string[] = [];
    try {
      body((v) => logged.push(repr(v)));
    } catch (e) {
      if (!(e instanceof BaseException)) throw e;
      const name = (e.constructor as unknown as { __name__: string }).__name__;
      logged.push('!' + name + (e instanceof OSError && name !== 'UnsupportedOperation' ? '' : ': ' + e.message));
    }
    return logged;
  });
}

describe('file objects against CPython', () => {
  const expected = cpython();
  const got = ours();
  SCENARIOS.forEach(([name], i) => {
    it(name, () => {
      expect(got[i]).toEqual(expected[i]);
    });
  });
});

describe('open() speed', () => {
  it('writes and reads a few megabytes of lines quickly', () => {
    freshDir();
    const started = performance.now();
    const f = open(P('big.txt'), 'w');
    for (let i = 0; i < 200_000; i++) m(f, 'write', `line ${i} of the file\n`);
    m(f, 'close');
    let count = 0;
    let chars = 0;
    for (const line of open(P('big.txt')) as Iterable<string>) {
      count++;
      chars += line.length;
    }
    expect(count).toBe(200_000);
    expect(chars).toBe(readFileSync(P('big.txt')).length);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
