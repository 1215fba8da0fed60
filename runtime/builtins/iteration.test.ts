import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BaseException, IndexError, StopIteration } from './exceptions.js';
import { def } from './calls.js';
import { generator } from './generators.js';
import { iter, iterate, next, unpack, unpackStar } from './iteration.js';
import { PyDict } from './dict.js';
import { PySet } from './set.js';
import { range } from './range.js';
import { repr } from './repr.js';
import './str/repr.js'; // str's repr hook: error messages hold quotes
import './list.js';
import { PyBytes, PyTuple } from './values.js';

/**
 * iterate/unpack/iter/next on builtin values, generators and objects
 * following Python's iterator protocol (made here as Python classes are:
 * `$def` functions taking `self` on the prototype), each case checked
 * against python3 (one process for the file).
 */
const PRELUDE = `
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration('spent')
        self.n -= 1
        return self.n + 1

class Squares:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i

class Fresh:
    def __iter__(self):
        return Countdown(2)

class Bad:
    def __iter__(self):
        return 42

class Plain:
    pass

def gen(n):
    for i in range(n):
        yield i
    return 'returned'

def take(it, n):
    return [next(it) for _ in range(n)]

def drain(it):
    out = []
    while True:
        try:
            out.append(next(it))
        except StopIteration as e:
            out.append(('stop', e.args))
            return out
`;

/** A Python-like class: methods taking `self` explicitly, on the prototype. */
function pyClass(name: string, methods: Record<string, (self: never, ...args: never[]) => unknown>): (...args: unknown[]) => object {
  const proto: Record<string, unknown> = {};
  for (const [key, f] of Object.entries(methods)) proto[key] = def(f, 'self', `${name}.${key}`);
  const cls = { [name]: class {} }[name]!;
  Object.setPrototypeOf(proto, cls.prototype);
  (cls as unknown as { __name__: string }).__name__ = name;
  proto['constructor'] = cls;
  return (...args: unknown[]) => {
    const obj = Object.create(proto) as Record<string, unknown>;
    const init = methods['__init__'] as ((self: unknown, ...a: unknown[]) => unknown) | undefined;
    if (init) init(obj, ...args);
    return obj;
  };
}

interface Self {
  n: number;
}

const Countdown = pyClass('Countdown', {
  __init__: (self: Self, n: number) => {
    self.n = n;
  },
  __iter__: (self: Self) => self,
  __next__: (self: Self) => {
    if (self.n <= 0) throw new StopIteration('spent');
    self.n -= 1;
    return self.n + 1;
  },
});

const Squares = pyClass('Squares', {
  __getitem__: (_self: Self, i: number) => {
    if (i >= 4) throw new IndexError(i);
    return i * i;
  },
});

const Fresh = pyClass('Fresh', { __iter__: () => Countdown(2) });
const Bad = pyClass('Bad', { __iter__: () => 42 });
const Plain = pyClass('Plain', {});

const gen = (n: number) => generator(function* () {
  for (let i = 0; i < n; i++) yield i;
  return 'returned';
}, 'gen');

function take(it: unknown, n: number): unknown[] {
  return Array.from({ length: n }, () => next(it));
}

function drain(it: unknown): unknown[] {
  const out: unknown[] = [];
  for (;;) {
    try {
      out.push(next(it));
    } catch (e) {
      if (!(e instanceof StopIteration)) throw e;
      out.push(PyTuple.of<unknown>('stop', e.args));
      return out;
    }
  }
}

interface Case {
  py: string;
  run(): unknown;
}

const SOURCES: { py: string; make(): unknown }[] = [
  { py: '[1, 2, 3]', make: () => [1, 2, 3] },
  { py: '(4, 5)', make: () => PyTuple.of(4, 5) },
  { py: "'hé!'", make: () => 'hé!' },
  { py: 'range(3)', make: () => range(3) },
  { py: "{'a': 1, 'b': 2}", make: () => new PyDict([['a', 1], ['b', 2]]) },
  { py: '{7}', make: () => new PySet([7]) },
  { py: "b'xy'", make: () => new PyBytes(Uint8Array.of(120, 121)) },
  { py: 'gen(3)', make: () => gen(3) },
  { py: 'Countdown(3)', make: () => Countdown(3) },
  { py: 'Squares()', make: () => Squares() },
  { py: 'Fresh()', make: () => Fresh() },
  { py: 'Bad()', make: () => Bad() },
  { py: 'Plain()', make: () => Plain() },
  { py: '5', make: () => 5 },
  { py: 'None', make: () => null },
  { py: '2.5', make: () => 2.5 },
];

function cases(): Case[] {
  const out: Case[] = [];
  for (const s of SOURCES) {
    out.push({ py: `list(${s.py})`, run: () => [...iterate(s.make())] });
    for (let n = 0; n <= 4; n++) {
      out.push({ py: `unpack_(${s.py}, ${n})`, run: () => PyTuple.fromArray(unpack(s.make(), n)) });
    }
    out.push({ py: `star_(${s.py}, 1, 1)`, run: () => PyTuple.fromArray(unpackStar(s.make(), 1, 1)) });
    out.push({ py: `drain(iter(${s.py}))`, run: () => drain(iter(s.make())) });
    out.push({ py: `take(iter(${s.py}), 1)`, run: () => take(iter(s.make()), 1) });
    out.push({ py: `next(${s.py}, 'default')`, run: () => next(s.make(), 'default') });
    out.push({ py: `(lambda it: iter(it) is it)(iter(${s.py}))`, run: () => ((it: unknown) => iter(it) === it)(iter(s.make())) });
  }
  out.push({ py: 'list(iter([3, 2, 1, 0, 5].pop, 0))', run: () => [...iterate(iter(((a) => () => a.pop())([3, 2, 1, 0, 5]), 0))] });
  out.push({ py: "list(iter(iter([1, 2, 'x', 3]).__next__, 'x'))", run: () => [...iterate(iter(((it) => () => next(it))(iter([1, 2, 'x', 3])), 'x'))] });
  out.push({ py: 'iter(5, 0)', run: () => iter(5, 0) });
  out.push({ py: "list(iter((lambda it: lambda: next(it))(iter([1, 2])), 'never'))", run: () => [...iterate(iter(((it) => () => next(it))(iter([1, 2])), 'never'))] });
  return out;
}

const ORACLE = `
import sys, json
base = {}
exec(sys.argv[1], base)
def unpack_(x, n):
    names = ['v%d' % i for i in range(n)]
    src = '(' + ', '.join(names) + (',' if n == 1 else '') + ') = x' if n else '[] = x'
    env = {'x': x}
    exec(src, env)
    return tuple(env[v] for v in names)
def star_(x, before, after):
    a, *b, c = x
    return (a, b, c)
base['unpack_'] = unpack_
base['star_'] = star_
def run(src):
    try:
        return repr(eval(src, base))
    except BaseException as e:
        return type(e).__name__ + repr(e.args)
sys.stdout.write(json.dumps([run(c) for c in json.load(sys.stdin)]))
`;

function outcome(f: () => unknown): string {
  try {
    return repr(f());
  } catch (e) {
    if (!(e instanceof BaseException)) throw e;
    return `${(e.constructor as typeof BaseException).__name__}${repr(e.args)}`;
  }
}

describe('the iterator protocol against CPython', () => {
  const all = cases();
  const texts = all.map((c) => c.py);
  const run = spawnSync('python3', ['-c', ORACLE, PRELUDE], { input: JSON.stringify(texts), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  const expected = JSON.parse(run.stdout) as string[];

  it('agrees on every case', () => {
    expect(all.length).toBeGreaterThan(150);
    const wrong: string[] = [];
    for (let i = 0; i < all.length; i++) {
      const got = outcome(all[i]!.run);
      if (got !== expected[i]) wrong.push(`${texts[i]}: got ${got}, CPython ${expected[i]}`);
    }
    expect(wrong).toEqual([]);
  });

  it('leaves a JS generator open when a for…of over iterate() breaks, as a Python loop leaves its iterator', () => {
    function* letters(): Generator<string> {
      yield* ['a', 'b', 'c'];
    }
    const it = letters();
    for (const v of iterate(it)) if (v === 'a') break;
    expect([...iterate(it)]).toEqual(['b', 'c']);
  });

  it('reads one item past the targets when unpacking too many, and no further', () => {
    let produced = 0;
    const g = generator(function* () {
      for (;;) yield ++produced;
    }, 'forever');
    expect(() => unpack(g, 2)).toThrow('too many values to unpack (expected 2)');
    expect(produced).toBe(3);
  });
});
