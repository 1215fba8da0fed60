/**
 * Python's `random` module: CPython's Mersenne Twister and random.py's
 * methods, so that a seeded program draws CPython's numbers. `Random` is a
 * Python class (subclassable); the module's functions are methods bound to
 * one hidden instance, as in CPython. Its exports are exactly the module's
 * attributes.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { bindMethod, type PyClass } from '../builtins/classes.js';
import { call } from '../builtins/calls.js';
import { getattr } from '../builtins/attributes.js';
import { construct, pyClassOf } from '../builtins/classes.js';
import { PyBytes, PyTuple, float, intFromBigInt } from '../builtins/values.js';
import { NotImplementedError, ValueError } from '../builtins/exceptions.js';
import { toIndex } from './support/math/args.js';
import { lt } from '../builtins/operators.js';
import { truthy } from '../builtins/truth.js';
import { pyClass, pyFunction } from './support/pydef.js';
import * as m from './support/random/methods.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './random.js';

export const __name__ = 'random';
loadedModules.$set('random', self);

const Q = 'random';
type Fn = (...args: never[]) => unknown;
const method = <F extends Fn>(spec: string, name: string, f: F): F => pyFunction(spec, `Random.${name}`, Q, f);

export const Random: PyClass = pyClass('Random', Q, [], {
  VERSION: 3,
  __init__: method('self, x=', '__init__', (r: unknown, x: unknown = null) => {
    call(getattr(r, 'seed'), [x], null);
    return null;
  }),
  seed: method('self, a=, version=', 'seed', m.seed),
  random: method('self, /', 'random', m.random),
  getrandbits: method('self, k, /', 'getrandbits', m.getrandbits),
  getstate: method('self', 'getstate', m.getstate),
  setstate: method('self, state', 'setstate', m.setstate),
  randrange: method('self, start, stop=, step=', 'randrange', m.randrange),
  randint: method('self, a, b', 'randint', m.randint),
  _randbelow: method('self, n', '_randbelow', m.randbelow),
  choice: method('self, seq', 'choice', m.choice),
  shuffle: method('self, x', 'shuffle', m.shuffle),
  sample: method('self, population, k, *, counts=', 'sample', m.sample),
  choices: method('self, population, weights=, *, cum_weights=, k=', 'choices', m.choices),
  uniform: method('self, a, b', 'uniform', m.uniform),
  triangular: method('self, low=, high=, mode=', 'triangular', m.triangular),
  gauss: method('self, mu=, sigma=', 'gauss', m.gauss),
  normalvariate: method('self, mu=, sigma=', 'normalvariate', m.normalvariate),
  lognormvariate: method('self, mu, sigma', 'lognormvariate', m.lognormvariate),
  expovariate: method('self, lambd', 'expovariate', m.expovariate),
  paretovariate: method('self, alpha', 'paretovariate', m.paretovariate),
  weibullvariate: method('self, alpha, beta', 'weibullvariate', m.weibullvariate),
  randbytes: method('self, n', 'randbytes', m.randbytes),
  vonmisesvariate: method('self, mu, kappa', 'vonmisesvariate', m.vonmisesvariate),
  gammavariate: method('self, alpha, beta', 'gammavariate', m.gammavariate),
  betavariate: method('self, alpha, beta', 'betavariate', m.betavariate),
  __getstate__: method('self', '__getstate__', m.getstate),
  __setstate__: method('self, state', '__setstate__', m.setstate),
  __reduce__: method('self', '__reduce__', (r: unknown) => PyTuple.of<unknown>(pyClassOf(r), new PyTuple(), m.getstate(r))),
});

m.setRandomClass(Random);
const inst = construct(Random, [], null);
const bound = (name: string): unknown => bindMethod(Random.prototype[name], inst);

export const seed = bound('seed');
export const random = bound('random');
export const getrandbits = bound('getrandbits');
export const getstate = bound('getstate');
export const setstate = bound('setstate');
export const randrange = bound('randrange');
export const randint = bound('randint');
export const choice = bound('choice');
export const shuffle = bound('shuffle');
export const sample = bound('sample');
export const choices = bound('choices');
export const uniform = bound('uniform');
export const triangular = bound('triangular');
export const gauss = bound('gauss');
export const normalvariate = bound('normalvariate');
export const lognormvariate = bound('lognormvariate');
export const expovariate = bound('expovariate');
export const paretovariate = bound('paretovariate');
export const weibullvariate = bound('weibullvariate');
export const randbytes = bound('randbytes');
export const vonmisesvariate = bound('vonmisesvariate');
export const gammavariate = bound('gammavariate');
export const betavariate = bound('betavariate');

/** Bytes from the system's entropy source (os.urandom). */
function urandom(n: number): Uint8Array {
  const out = new Uint8Array(n);
  const crypto = (globalThis as { crypto?: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto;
  // getRandomValues fills at most 65536 bytes at a time.
  for (let i = 0; i < n; i += 65536) crypto!.getRandomValues(out.subarray(i, Math.min(n, i + 65536)));
  return out;
}

function bytesToInt(bytes: Uint8Array): bigint {
  let x = 0n;
  for (const b of bytes) x = (x << 8n) | BigInt(b);
  return x;
}

const noState = (): never => {
  throw new NotImplementedError('System entropy source does not have state.');
};

/** random.SystemRandom: Random's methods over the system's entropy source (no seed, no state). */
export const SystemRandom: PyClass = pyClass('SystemRandom', Q, [Random], {
  random: method('self', 'random', () => float(Number(bytesToInt(urandom(7)) >> 3n) * 2 ** -53)),
  getrandbits: method('self, k', 'getrandbits', (_r: unknown, k: unknown) => {
    // `if k < 0` comes first in random.py: a str fails the comparison, a float the urandom() call.
    if (truthy(lt(k, 0))) throw new ValueError('number of bits must be non-negative');
    const bits = Number(toIndex(k));
    const numbytes = Math.floor((bits + 7) / 8);
    return intFromBigInt(bytesToInt(urandom(numbytes)) >> BigInt(numbytes * 8 - bits));
  }),
  randbytes: method('self, n', 'randbytes', (_r: unknown, n: unknown) => {
    const count = Number(toIndex(n));
    if (count < 0) throw new ValueError('negative argument not allowed');
    return new PyBytes(urandom(count));
  }),
  seed: method('self, *args, **kwds', 'seed', () => null),
  getstate: method('self, *args, **kwds', 'getstate', noState),
  setstate: method('self, *args, **kwds', 'setstate', noState),
});
