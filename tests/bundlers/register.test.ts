/**
 * `node --import pyasync/register main.py`: Node runs .py files directly.
 * The package resolves itself (its `exports` → dist/, rebuilt here when
 * stale). Each program's output, exit status and error text are python3's,
 * from one python3 process that runs the three programs in turn (from this
 * folder, each named as the command line names it).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, test } from 'vitest';
import { ensureDist } from './dist.js';

const run = promisify(execFile);
const HERE = import.meta.dirname;

interface Outcome {
  stdout: string;
  /** For an uncaught exception: the exception's own lines (CPython's display of a SyntaxError), without the traceback's frames. */
  error: string;
  /** For an uncaught exception: what `python3 main.py` writes on stderr, the whole traceback. */
  traceback: string;
  status: number;
}

const PROGRAMS = {
  app: { file: join(HERE, 'app', 'main.py'), args: [] as string[] },
  // Relative, as typed: sys.argv[0] keeps it, tracebacks name the absolute path.
  register: { file: join('register', 'main.py'), args: ['one', 'two'] },
  broken: { file: join(HERE, 'broken', 'main.py'), args: [] as string[] },
};

const ORACLE = `
import contextlib, io, json, os, sys, traceback, types
outcomes = []
for path, args in json.loads(sys.argv[1]):
    main = os.path.abspath(path)
    sys.argv = [path, *args]
    sys.path[0] = os.path.dirname(main)
    out = io.StringIO()
    error, full, status = "", "", 0
    with contextlib.redirect_stdout(out):
        try:
            # As runpy.run_path would, but keeping sys.argv[0] as typed.
            with open(main, encoding="utf-8") as f:
                code = compile(f.read(), main, "exec")
            module = types.ModuleType("__main__")
            module.__file__ = main
            saved, sys.modules["__main__"] = sys.modules["__main__"], module
            try:
                exec(code, module.__dict__)
            finally:
                sys.modules["__main__"] = saved
        except SystemExit as e:
            status = e.code or 0
        except BaseException as e:
            # From the program's first frame, as \`python3 main.py\` prints it (the oracle's own frame left out).
            tb = e.__traceback__
            while tb is not None and tb.tb_frame.f_code.co_filename != main:
                tb = tb.tb_next
            error, full, status = "".join(traceback.format_exception_only(e)), "".join(traceback.format_exception(type(e), e, tb)), 1
    outcomes.append({"stdout": out.getvalue(), "error": error, "traceback": full, "status": status})
print(json.dumps(outcomes))
`;

let expected: Record<keyof typeof PROGRAMS, Outcome>;

beforeAll(async () => {
  const names = Object.keys(PROGRAMS) as (keyof typeof PROGRAMS)[];
  const input = JSON.stringify(names.map((name) => [PROGRAMS[name].file, PROGRAMS[name].args]));
  const [oracle] = await Promise.all([run('python3', ['-c', ORACLE, input], { cwd: HERE }), ensureDist()]);
  const outcomes = JSON.parse(oracle.stdout) as Outcome[];
  expected = Object.fromEntries(names.map((name, i) => [name, outcomes[i]!])) as typeof expected;
}, 180_000);

async function runWithRegister(program: keyof typeof PROGRAMS): Promise<{ stdout: string; stderr: string; status: number }> {
  const { file, args } = PROGRAMS[program];
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'pyasync/register', file, ...args], { cwd: HERE });
    return { stdout, stderr, status: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, status: e.code };
  }
}

test.concurrent('runs an asyncio program importing a package, as python3 does', async () => {
  const result = await runWithRegister('app');
  expect(result).toEqual({ stdout: expected.app.stdout, stderr: '', status: 0 });
});

test.concurrent("sets sys.argv and module names; an uncaught exception gives CPython's whole traceback and status 1", async () => {
  const result = await runWithRegister('register');
  expect(expected.register.traceback).toContain('^^^^');
  expect(result).toEqual({ stdout: expected.register.stdout, stderr: expected.register.traceback, status: expected.register.status });
});

test.concurrent("reports an imported module's SyntaxError as CPython displays it, with status 1", async () => {
  const result = await runWithRegister('broken');
  expect(result).toEqual({ stdout: expected.broken.stdout, stderr: expected.broken.error, status: expected.broken.status });
});
