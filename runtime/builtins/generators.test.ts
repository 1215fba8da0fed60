import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../tests/support/prng.js';
import { BaseException, GeneratorExit, KeyError, StopIteration, ValueError } from './exceptions.js';
import { PyGenerator, generator, yieldFrom } from './generators.js';
import { next } from './iteration.js';
import { repr } from './repr.js';
import './str/repr.js'; // str's repr hook: reprs hold quotes
import './list.js';
import { PyTuple } from './values.js';

/**
 * Random sequences of next/send/throw/close on generators whose bodies
 * exercise try/except/finally around yields, GeneratorExit handling,
 * returns, PEP 479 and `yield from`. Each body is written twice: in
 * Python (run by python3, one process for the file) and as the JS the
 * compiler emits for it. After every step the result (or the exception's
 * type and args) and the body's log must agree.
 */
const PRELUDE = `
def catcher(x):
    n = 0
    while n < 4:
        try:
            v = yield n
            x.append(v)
        except ValueError as e:
            x.append(('VE', e.args))
        n += 1
    return 'end'

def cleanup(x):
    try:
        yield 'a'
        yield 'b'
    except GeneratorExit:
        x.append('exit')
        raise
    finally:
        x.append('finally')

def stubborn(x):
    for i in range(3):
        try:
            yield i
        except GeneratorExit:
            x.append('ignored')
    return 'stubborn done'

def leaky(x):
    yield 1
    x.append('raising')
    raise StopIteration('leak')

def delegator(x):
    r = yield from catcher(x)
    x.append(('result', r))
    yield 'after'
    return r

def over_list(x):
    try:
        r = yield from [10, 20, 30]
        x.append(('list result', r))
    except KeyError as e:
        x.append(('caught', e.args))
        yield 'recovered'
`;

type Body = (x: unknown[]) => PyGenerator;

const BODIES: Record<string, Body> = {
  catcher: (x) => generator(function* () {
    let n = 0;
    while (n < 4) {
      try {
        const v = yield n;
        x.push(v);
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        x.push(PyTuple.of<unknown>('VE', e.args));
      }
      n += 1;
    }
    return 'end';
  }, 'catcher'),
  cleanup: (x) => generator(function* () {
    try {
      yield 'a';
      yield 'b';
    } catch (e) {
      if (!(e instanceof GeneratorExit)) throw e;
      x.push('exit');
      throw e;
    } finally {
      x.push('finally');
    }
  }, 'cleanup'),
  stubborn: (x) => generator(function* () {
    for (let i = 0; i < 3; i++) {
      try {
        yield i;
      } catch (e) {
        if (!(e instanceof GeneratorExit)) throw e;
        x.push('ignored');
      }
    }
    return 'stubborn done';
  }, 'stubborn'),
  leaky: (x) => generator(function* () {
    yield 1;
    x.push('raising');
    throw new StopIteration('leak');
  }, 'leaky'),
  delegator: (x) => generator(function* () {
    const r = yield* yieldFrom(BODIES['catcher']!(x));
    x.push(PyTuple.of<unknown>('result', r));
    yield 'after';
    return r;
  }, 'delegator'),
  over_list: (x) => generator(function* () {
    try {
      const r = yield* yieldFrom([10, 20, 30]);
      x.push(PyTuple.of<unknown>('list result', r));
    } catch (e) {
      if (!(e instanceof KeyError)) throw e;
      x.push(PyTuple.of<unknown>('caught', e.args));
      yield 'recovered';
    }
  }, 'over_list'),
};

interface Op {
  py: string;
  run(g: PyGenerator): unknown;
}

const OPS: Op[] = [
  { py: 'next(g)', run: (g) => next(g) },
  { py: "next(g, 'default')", run: (g) => next(g, 'default') },
  { py: 'g.send(None)', run: (g) => g.send(null) },
  { py: 'g.send(7)', run: (g) => g.send(7) },
  { py: "g.send('s')", run: (g) => g.send('s') },
  { py: 'g.throw(ValueError)', run: (g) => g.throw(ValueError) },
  { py: "g.throw(ValueError('v'))", run: (g) => g.throw(new ValueError('v')) },
  { py: "g.throw(ValueError, ('p', 'q'))", run: (g) => g.throw(ValueError, PyTuple.of<unknown>('p', 'q')) },
  { py: "g.throw(KeyError, 'k')", run: (g) => g.throw(KeyError, 'k') },
  { py: 'g.throw(StopIteration)', run: (g) => g.throw(StopIteration) },
  { py: 'g.throw(GeneratorExit)', run: (g) => g.throw(GeneratorExit) },
  { py: 'g.close()', run: (g) => g.close() },
  { py: 'list(g)', run: (g) => [...g] },
  { py: 'g.gi_running', run: (g) => g.gi_running },
];

const ORACLE = `
import sys, json
base = {}
exec(sys.argv[1], base)
out = []
for name, stmts in json.load(sys.stdin):
    x = []
    g = base[name](x)
    steps = []
    for stmt in stmts:
        try:
            r = eval(stmt, base, {'g': g})
            steps.append(['ok', repr(r), repr(x)])
        except BaseException as e:
            cause = e.__cause__
            steps.append(['err', type(e).__name__, repr(e.args), repr(cause) if cause is not None else '', repr(x)])
    out.append(steps)
sys.stdout.write(json.dumps(out))
`;

function runtimeSteps(name: string, ops: Op[]): string[][] {
  const x: unknown[] = [];
  const g = BODIES[name]!(x);
  return ops.map((op) => {
    try {
      const r = op.run(g);
      return ['ok', repr(r), repr(x)];
    } catch (e) {
      if (!(e instanceof BaseException)) throw e;
      const cause = e.__cause__ ? repr(e.__cause__) : '';
      return ['err', (e.constructor as typeof BaseException).__name__, repr(e.args), cause, repr(x)];
    }
  });
}

describe('generator objects against CPython', () => {
  const rng = new Prng(Number(process.env.GENERATORS_SEED ?? 479));
  const names = Object.keys(BODIES);
  const cases = Array.from({ length: 600 }, () => ({
    name: rng.pick(names),
    ops: Array.from({ length: rng.range(1, 8) }, () => rng.pick(OPS)),
  }));
  const run = spawnSync('python3', ['-c', ORACLE, PRELUDE], {
    input: JSON.stringify(cases.map((c) => [c.name, c.ops.map((o) => o.py)])),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  const expected = JSON.parse(run.stdout) as string[][][];

  it('agrees step by step on every sequence', () => {
    for (let i = 0; i < cases.length; i++) {
      const { name, ops } = cases[i]!;
      const got = runtimeSteps(name, ops);
      const label = `${name}: ${ops.map((o) => o.py).join('; ')}`;
      if (JSON.stringify(got) !== JSON.stringify(expected[i])) expect(got, label).toEqual(expected[i]);
    }
  });
});

describe('generator objects as JS iterators', () => {
  const counter = (n: number) => generator(function* () {
    for (let i = 0; i < n; i++) yield i;
    return 'done';
  }, 'counter');

  it('work with for…of and spreads, passing None as the value of yield', () => {
    const got: unknown[] = [];
    const echo = generator(function* () {
      for (let i = 0; i < 3; i++) got.push(yield i);
    }, 'echo');
    const seen: unknown[] = [];
    for (const v of echo) seen.push(v);
    expect(seen).toEqual([0, 1, 2]);
    expect(got).toEqual([null, null, null]);
    expect([...counter(4)]).toEqual([0, 1, 2, 3]);
  });

  it('stay suspended when a for…of loop breaks (Python code may continue them)', () => {
    const g = counter(5);
    for (const v of g) if (v === 1) break;
    expect([...g]).toEqual([2, 3, 4]);
  });

  it('end with the return value in the last result', () => {
    const g = counter(1);
    expect(g.next()).toEqual({ value: 0, done: false });
    expect(g.next()).toEqual({ value: 'done', done: true });
    expect(g.next()).toEqual({ value: undefined, done: true });
  });

  it('refuse to be resumed while running', () => {
    let self: PyGenerator | null = null;
    self = generator(function* () {
      yield next(self);
    }, 'self');
    expect(() => next(self)).toThrow(ValueError);
    expect(() => next(self)).toThrow(StopIteration);
  });

  it('take their names from the qualified name', () => {
    const g = generator(function* () {}, 'C.method.<locals>.inner');
    expect(g.__name__).toBe('inner');
    expect(g.__qualname__).toBe('C.method.<locals>.inner');
    expect(repr(g)).toMatch(/^<generator object C\.method\.<locals>\.inner at 0x[0-9a-f]+>$/);
    expect(repr(g)).toBe(repr(g));
    expect(PyGenerator.__name__).toBe('generator');
  });

  it('pass a genexp argument to the body', () => {
    const g = generator(function* (source?: unknown) {
      for (const v of source as number[]) yield v * 2;
    }, '<genexpr>', [1, 2]);
    expect([...g]).toEqual([2, 4]);
  });
});
