/**
 * Differential testing of container operations: the same random sequences
 * of statements run in one python3 process and in the runtime; after each
 * step the statement's result `r`, the container `x` (as reprs) or the
 * exception's type and args are compared. Used by the list, dict and set
 * tests in runtime/builtins/.
 */
import { spawnSync } from 'node:child_process';
import { BaseException } from '../../runtime/builtins/exceptions.js';
import { repr } from '../../runtime/builtins/repr.js';

/** ['ok', repr(r), repr(x)] or ['err', type, repr(args), repr(x)]. */
export type Step = string[];

export interface Op<Env> {
  /** The statement for CPython: sets `r`, works on `x`. */
  py: string;
  /** The same operation on the runtime's values. */
  run(env: Env): unknown;
}

const ORACLE = `
import sys, json
base = {}
exec(sys.argv[1], base)
out = []
for case in json.load(sys.stdin):
    env = dict(base)
    steps = []
    for stmt in case:
        env['r'] = None
        try:
            exec(stmt, env)
            steps.append(['ok', repr(env['r']), repr(env.get('x'))])
        except Exception as e:
            steps.append(['err', type(e).__name__, repr(e.args), repr(env.get('x'))])
    out.append(steps)
sys.stdout.write(json.dumps(out))
`;

/** CPython's steps for every case; `prelude` is Python run once to define helpers the statements use. */
export function cpythonSteps(cases: string[][], prelude = ''): Step[][] {
  const run = spawnSync('python3', ['-c', ORACLE, prelude], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Step[][];
}

/** The runtime's steps for one case, starting from `env` (whose `x` is the container). */
export function runtimeSteps<Env extends { x: unknown }>(ops: readonly Op<Env>[], env: Env): Step[] {
  return ops.map((op): Step => {
    try {
      const r = op.run(env);
      return ['ok', repr(r), repr(env.x)];
    } catch (e) {
      if (!(e instanceof BaseException)) throw e;
      return ['err', (e.constructor as typeof BaseException).__name__, repr(e.args), repr(env.x)];
    }
  });
}
