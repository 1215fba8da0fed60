import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import '../index.js'; // every type's repr and str hooks
import {
  BaseException, Exception, IndexError, KeyError, OSError, RuntimeError, TypeError, ValueError,
} from '../builtins/exceptions.js';
import { ExceptionGroup } from '../builtins/exceptionGroups.js';
import { exitStatus, formatException, setFrameFormatter } from './main.js';
import { REPO_ROOT } from '../../tests/support/oracle.js';

type Tb = { __traceback__?: unknown };

/** Raised (it has a traceback, so a "Traceback" header), as Python's R(e) below. */
function R<E extends BaseException>(e: E): E {
  (e as Tb).__traceback__ = {};
  return e;
}

/** Never raised, as an exception Python code only constructed. */
function N<E extends BaseException>(e: E): E {
  (e as Tb).__traceback__ = null;
  return e;
}

function chain<E extends BaseException>(e: E, links: { cause?: BaseException; context?: BaseException; suppress?: boolean }): E {
  if (links.cause) {
    e.__cause__ = links.cause;
    e.__suppress_context__ = true;
  }
  if (links.context) e.__context__ = links.context;
  if (links.suppress !== undefined) e.__suppress_context__ = links.suppress;
  return e;
}

class Broken extends Exception {
  override __str__(): string {
    throw new ValueError('no str');
  }
}

class Lib extends Exception {
  static readonly __module__ = 'mylib';
}

class Main extends Exception {
  static readonly __module__ = '__main__';
}

function noted(e: BaseException, ...notes: string[]): BaseException {
  for (const n of notes) e.add_note(n);
  return e;
}

/** Each case: the exception built in JS, and the same built by Python (helpers in PY_PRELUDE). */
const CASES: [string, () => BaseException, string][] = [
  ['plain', () => R(new ValueError('boom')), "R(ValueError('boom'))"],
  ['key error', () => R(new KeyError('x')), "R(KeyError('x'))"],
  ['empty str', () => R(new ValueError('')), "R(ValueError(''))"],
  ['no args', () => R(new RuntimeError()), 'R(RuntimeError())'],
  ['several args', () => R(new ValueError('a', 1, null)), "R(ValueError('a', 1, None))"],
  ['multi-line message', () => R(new ValueError('line one\nline two')), "R(ValueError('line one\\nline two'))"],
  ['str fails', () => R(new Broken('x')), "R(Broken('x'))"],
  ['module', () => R(new Lib('x')), "R(Lib('x'))"],
  ['main module', () => R(new Main('y')), "R(Main('y'))"],
  ['notes', () => R(noted(new ValueError('v'), 'first', 'second\nline')), "R(noted(ValueError('v'), 'first', 'second\\nline'))"],
  [
    'notes not a sequence',
    () => {
      const e = R(new ValueError('v'));
      e.__notes__ = 42;
      return e;
    },
    'R(setnotes(ValueError("v"), 42))',
  ],
  [
    'notes a str',
    () => {
      const e = R(new ValueError('v'));
      e.__notes__ = 'ab';
      return e;
    },
    'R(setnotes(ValueError("v"), "ab"))',
  ],
  [
    'cause',
    () => R(chain(new RuntimeError('outer'), { cause: R(new ValueError('inner')) })),
    "R(chain(RuntimeError('outer'), cause=R(ValueError('inner'))))",
  ],
  [
    'cause never raised',
    () => R(chain(new RuntimeError('outer'), { cause: N(new ValueError('made')) })),
    "R(chain(RuntimeError('outer'), cause=ValueError('made')))",
  ],
  [
    'context',
    () => R(chain(new OSError('cleanup'), { context: R(new KeyError('k')) })),
    "R(chain(OSError('cleanup'), context=R(KeyError('k'))))",
  ],
  [
    'suppressed context',
    () => R(chain(new TypeError('t'), { context: R(new KeyError('k')), suppress: true })),
    "R(chain(TypeError('t'), context=R(KeyError('k')), suppress=True))",
  ],
  [
    'cause wins over context',
    () => R(chain(new TypeError('t'), { context: R(new KeyError('k')), cause: R(new ValueError('c')), suppress: false })),
    "R(chain(TypeError('t'), context=R(KeyError('k')), cause=R(ValueError('c')), suppress=False))",
  ],
  [
    'long chain',
    () => R(chain(new TypeError('3'), { context: R(chain(new ValueError('2'), { cause: R(new KeyError('1')) })) })),
    "R(chain(TypeError('3'), context=R(chain(ValueError('2'), cause=R(KeyError('1'))))))",
  ],
  [
    'context cycle',
    () => {
      const a = R(new ValueError('a'));
      const b = R(new TypeError('b'));
      a.__context__ = b;
      b.__context__ = a;
      return a;
    },
    'cycle()',
  ],
  [
    'seen cause stops the chain',
    () => {
      const t = R(new OSError('t'));
      const x = N(new RuntimeError('x'));
      t.__cause__ = x;
      t.__suppress_context__ = true;
      x.__cause__ = t;
      x.__context__ = N(new IndexError('z'));
      x.__suppress_context__ = false;
      return t;
    },
    'seen_cause()',
  ],
  [
    'group',
    () => R(new ExceptionGroup('eg', [N(new ValueError('a')), N(new TypeError('b'))])),
    "R(ExceptionGroup('eg', [ValueError('a'), TypeError('b')]))",
  ],
  [
    'nested groups, raised members, chains and notes',
    () =>
      R(
        new ExceptionGroup('top', [
          R(chain(new TypeError('outer'), { cause: R(new ValueError('inner')) })),
          R(chain(new OSError('ctx'), { context: R(new KeyError('k')) })),
          N(new ExceptionGroup('nested', [N(new ValueError(1)), N(new ExceptionGroup('deeper', [N(new IndexError(2))]))])),
          N(noted(new ValueError('with note'), 'a note\nline2')),
        ]),
      ),
    `R(ExceptionGroup('top', [
        R(chain(TypeError('outer'), cause=R(ValueError('inner')))),
        R(chain(OSError('ctx'), context=R(KeyError('k')))),
        ExceptionGroup('nested', [ValueError(1), ExceptionGroup('deeper', [IndexError(2)])]),
        noted(ValueError('with note'), 'a note\\nline2'),
    ]))`,
  ],
  [
    'wide group',
    () => R(new ExceptionGroup('wide', Array.from({ length: 17 }, (_, i) => N(new ValueError(i))))),
    "R(ExceptionGroup('wide', [ValueError(i) for i in range(17)]))",
  ],
  [
    'sixteen members',
    () => R(new ExceptionGroup('wide', Array.from({ length: 16 }, (_, i) => N(new ValueError(i))))),
    "R(ExceptionGroup('wide', [ValueError(i) for i in range(16)]))",
  ],
  [
    'deep group',
    () => {
      let e: BaseException = N(new ValueError('leaf'));
      for (let i = 0; i < 12; i++) e = N(new ExceptionGroup(`d${i}`, [e]));
      return R(e);
    },
    'deep()',
  ],
  [
    'group as context',
    () => R(chain(new RuntimeError('after'), { context: R(new ExceptionGroup('g', [N(new ValueError('x'))])) })),
    "R(chain(RuntimeError('after'), context=R(ExceptionGroup('g', [ValueError('x')]))))",
  ],
];

const PY_PRELUDE = `
import io, json, re, sys

def R(e):
    try:
        raise e
    except BaseException as x:
        return x

def chain(e, cause=None, context=None, suppress=None):
    if cause is not None:
        e.__cause__ = cause
    if context is not None:
        e.__context__ = context
    if suppress is not None:
        e.__suppress_context__ = suppress
    return e

def noted(e, *notes):
    for n in notes:
        e.add_note(n)
    return e

def setnotes(e, notes):
    e.__notes__ = notes
    return e

class Broken(Exception):
    def __str__(self):
        raise ValueError('no str')

class Lib(Exception):
    pass
Lib.__module__ = 'mylib'

class Main(Exception):
    pass

def cycle():
    a = R(ValueError('a'))
    b = R(TypeError('b'))
    a.__context__ = b
    b.__context__ = a
    return a

def seen_cause():
    t = R(OSError('t'))
    x = RuntimeError('x')
    t.__cause__ = x
    x.__cause__ = t
    x.__context__ = IndexError('z')
    x.__suppress_context__ = False
    return t

def deep():
    e = ValueError('leaf')
    for i in range(12):
        e = ExceptionGroup(f'd{i}', [e])
    return R(e)

FRAME = re.compile(r'^[ |+]*File "<string>", line \\d+, in \\S+\\n', re.M)

def shown(e):
    buf = io.StringIO()
    saved = sys.stderr
    sys.stderr = buf
    try:
        sys.__excepthook__(type(e), e, e.__traceback__)
    finally:
        sys.stderr = saved
    return {'bare': FRAME.sub('', buf.getvalue()), 'full': buf.getvalue()}
`;

/** CPython's display of each case: without its frame lines, and as it is. */
function cpythonDisplays(): { bare: string; full: string }[] {
  const script = `${PY_PRELUDE}\nprint(json.dumps([shown(e) for e in [\n${CASES.map((c) => c[2]).join(',\n')}\n]]))`;
  const run = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { bare: string; full: string }[];
}

/** The one frame of an exception R() raised and caught: the line of its `raise e` in the script. */
const R_FRAME = `  File "<string>", line ${PY_PRELUDE.split('\n').indexOf('        raise e') + 1}, in R\n`;

describe('formatException (as sys.excepthook)', () => {
  const expected = cpythonDisplays();
  afterAll(() => setFrameFormatter(null));
  CASES.forEach(([name, build], i) => {
    it(name, () => {
      setFrameFormatter(null);
      expect(formatException(build())).toBe(expected[i]!.bare);
      // With frames: each raised exception's goes under its header, inside group margins too.
      setFrameFormatter((e) => ((e as Tb).__traceback__ ? R_FRAME : null));
      expect(formatException(build())).toBe(expected[i]!.full);
    });
  });
});

describe('exitStatus', () => {
  it('takes ints modulo 256 as the OS does, None as 0, bools as ints', () => {
    // python3 -c "raise SystemExit(n)"; echo $?
    const cases: [unknown, number][] = [
      [null, 0], [0, 0], [3, 3], [255, 255], [256, 0], [-1, 255], [-256, 0], [2 ** 31, 0], [2 ** 32 + 3, 3],
      [2 ** 53 - 1, 255], [2n ** 62n + 7n, 7], [2n ** 70n, 255], [-(2n ** 70n), 255], [true, 1], [false, 0],
    ];
    for (const [code, status] of cases) expect(exitStatus(code), String(code)).toBe(status);
  });
});

/** Child processes running runMain on a JS module, as `pyasync run` does. */
describe('runMain in a process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pyasync-main-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const runtime = pathToFileURL(join(REPO_ROOT, 'runtime', 'index.ts')).href;
  const main = pathToFileURL(join(REPO_ROOT, 'runtime', 'program', 'main.ts')).href;
  const loader = join(REPO_ROOT, 'tests', 'support', 'register-ts.mjs');

  interface Outcome {
    stdout: string;
    stderr: string;
    status: number | null;
    signal: string | null;
  }

  /** Runs `body` (JS importing the runtime as `rt`) as a program; `consume` reads only part of stdout when given. */
  function run(name: string, body: string, stdoutBytes?: number): Promise<Outcome> {
    const program = join(dir, `${name}.mjs`);
    writeFileSync(program, `import * as rt from '${runtime}';\n${body}\n`);
    const launcher = `const { runMain } = await import('${main}'); process.exitCode = await runMain('${pathToFileURL(program).href}');`;
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', loader, '--input-type=module', '-e', launcher], { cwd: REPO_ROOT });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString('utf8');
        // A reader that goes away (`| head -c N`).
        if (stdoutBytes !== undefined && stdout.length >= stdoutBytes) child.stdout.destroy();
      });
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      child.on('close', (status, signal) => resolve({ stdout, stderr, status, signal }));
    });
  }

  it('flushes stdout before the traceback and exits with 1', async () => {
    const got = await run('uncaught', "rt.print('before'); rt.print('x', 'y'); throw new rt.ValueError('boom');");
    expect(got).toEqual({ stdout: 'before\nx y\n', stderr: 'Traceback (most recent call last):\nValueError: boom\n', status: 1, signal: null });
  });

  it('turns SystemExit into the status, printing a non-int code', async () => {
    expect((await run('exit3', 'throw new rt.SystemExit(3);')).status).toBe(3);
    expect((await run('exit256', "rt.print('out'); throw new rt.SystemExit(256);"))).toMatchObject({ status: 0, stdout: 'out\n', stderr: '' });
    expect(await run('exitnone', 'throw new rt.SystemExit();')).toMatchObject({ status: 0, stderr: '' });
    expect(await run('exitmsg', "throw new rt.SystemExit('bye now');")).toMatchObject({ status: 1, stderr: 'bye now\n' });
  });

  it('ends by SIGINT after an uncaught KeyboardInterrupt, as CPython', async () => {
    const got = await run('interrupt', "rt.print('working'); throw new rt.KeyboardInterrupt();");
    expect(got).toEqual({ stdout: 'working\n', stderr: 'Traceback (most recent call last):\nKeyboardInterrupt\n', status: null, signal: 'SIGINT' });
  });

  it('reports a closed stdout pipe as BrokenPipeError, without a Node stack', async () => {
    const got = await run('epipe', "for (let i = 0; ; i++) rt.print('line', i);", 1000);
    expect(got.status).toBe(1);
    expect(got.stderr).not.toMatch(/\n\s+at /);
    expect(got.stderr.trimEnd().split('\n').pop()).toMatch(/^(BrokenPipeError|OSError).*Broken pipe/);
  });
});
