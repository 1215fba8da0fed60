/**
 * The random module against python3's: for many seeds (small, big and
 * negative ints, floats, str and bytes), the first draws of random(),
 * getrandbits and randrange must be CPython's exactly; SHA-512 (used for
 * str seeds) against node's. One python3 process answers all the seeds.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import '../index.js';
import * as random from './random.js';
import { repr } from '../builtins/repr.js';
import { PyBytes } from '../builtins/values.js';
import { boxFloat } from '../builtins/numbers/core.js';
import { sha512 } from './support/random/sha512.js';

type Fn = (...args: unknown[]) => unknown;
const R = random as unknown as Record<string, Fn>;

const INT_SEEDS = ['0', '1', '-1', '42', '2**31', '2**32 - 1', '2**32', '2**53 + 1', '-(2**64)', '10**40 + 7', '-(3**100)', '123456789'];
const OTHER_SEEDS = ["'a'", "''", "'héllo wörld'", "'x' * 200", "b'bytes'", '1.5', '-2.75', '1e300'];

function seedValue(src: string): unknown {
  if (src.startsWith("b'")) return new PyBytes(new TextEncoder().encode(src.slice(2, -1)));
  if (src.startsWith("'")) {
    const m = /^'(.*)'(?: \* (\d+))?$/.exec(src)!;
    return m[2] ? m[1]!.repeat(Number(m[2])) : m[1];
  }
  if (src.includes('.') || src.includes('e')) return boxFloat(Number(src));
  const big = BigInt(eval(src.replace(/(\d+)/g, '$1n')) as bigint);
  return big >= -9007199254740991n && big <= 9007199254740991n ? Number(big) : big;
}

describe('random seeding and draws', () => {
  it('give CPython\'s sequences', () => {
    const seeds = [...INT_SEEDS, ...OTHER_SEEDS];
    const script = `import random\nfor s in [${seeds.join(', ')}]:\n    random.seed(s)\n    print(repr([random.random(), random.getrandbits(7), random.getrandbits(45), random.getrandbits(200), random.randrange(10**20), random.randrange(1000), random.random()]))`;
    const run = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const expected = run.stdout.trimEnd().split('\n');
    const ours = seeds.map((s) => {
      R['seed']!(seedValue(s));
      return repr([R['random']!(), R['getrandbits']!(7), R['getrandbits']!(45), R['getrandbits']!(200), R['randrange']!(10n ** 20n), R['randrange']!(1000), R['random']!()]);
    });
    expect(ours).toEqual(expected);
  });
});

describe('sha512', () => {
  it('matches node:crypto', () => {
    for (const n of [0, 1, 55, 111, 112, 127, 128, 129, 255, 1000]) {
      const data = new Uint8Array(n).map((_, i) => (i * 37 + n) & 0xff);
      expect(Buffer.from(sha512(data)).toString('hex')).toBe(createHash('sha512').update(data).digest('hex'));
    }
  });
});
