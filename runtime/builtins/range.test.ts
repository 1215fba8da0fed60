/** range (small and beyond-double bounds) and reversed() against python3. */
import { describe, expect, it } from 'vitest';
import { PyTuple } from './values.js';
import { repr } from './repr.js';
import { range, PyRange } from './range.js';
import { slice } from './items.js';
import { reversed } from './reversed.js';
import { pyHash } from './equality.js';
import { truthy } from './truth.js';
import { len } from './functions.js';
import { eq } from './operators.js';
import { Prng, mismatches, runPython } from './str/testing.js';
import type { Check } from './str/testing.js';

const rng = new Prng(2024);
const BIG = [2n ** 53n, 2n ** 64n, -(2n ** 70n), 2n ** 70n + 3n, 9007199254740991, -9007199254740993n];
const bound = (): number | bigint => (rng.chance(0.2) ? rng.pick(BIG) : rng.range(-30, 30));
const stepOf = (): number | bigint => (rng.chance(0.1) ? rng.pick([2n ** 62n, -(2n ** 65n)]) : rng.pick([1, 2, 3, -1, -2, -7, 0]));

const checks: Check[] = [];

function first5(it: Iterator<unknown>): unknown[] {
  const out: unknown[] = [];
  for (let r = it.next(); !r.done && out.length < 5; r = it.next()) out.push(r.value);
  return out;
}
const R = (a: unknown, b: unknown, c: unknown): PyRange => range(a, b, c);
const MK = 'lambda a, b, c, *r: (lambda r: ';
for (let k = 0; k < 400; k++) {
  const [a, b, c] = [bound(), bound(), stepOf()];
  const add = (body: string, js: (r: PyRange) => unknown, ...extra: unknown[]): void => {
    checks.push({ py: `${MK}${body})(range(a, b, c))`, args: [a, b, c, ...extra], js: () => js(R(a, b, c)) });
  };
  add('repr(r)', (r) => repr(r));
  add('bool(r)', (r) => truthy(r));
  add('len(r)', (r) => len(r));
  const i = rng.pick<number>([0, 1, -1, 5, -3, 100]);
  checks.push({ py: `lambda a, b, c, i: range(a, b, c)[i]`, args: [a, b, c, i], js: () => R(a, b, c).item(i) });
  const [x, y, z] = [rng.pick([null, 0, 2, -2, 50, -50]), rng.pick([null, 3, -1, 40, -40]), rng.pick([null, 1, 2, -1, -3, 2n ** 66n])];
  checks.push({ py: 'lambda a, b, c, x, y, z: repr(range(a, b, c)[x:y:z])', args: [a, b, c, x, y, z], js: () => repr(R(a, b, c).slice(x, y, z)) });
  // CPython searches a range item by item for a non-int: only small ranges get those.
  const small = [a, b, c].every((x) => typeof x === 'number' && Math.abs(x) < 100);
  const v = rng.pick<unknown>(small ? [0, 3, -4, 2n ** 64n, 1.0, 2.5, true, 'x'] : [0, 3, -4, 2n ** 64n, 2n ** 64n + 1n, true]);
  checks.push({ py: 'lambda a, b, c, v: (v in range(a, b, c), range(a, b, c).count(v))', args: [a, b, c, v], js: () => PyTuple.of<unknown>(R(a, b, c).has(v), R(a, b, c).count(v)) });
  checks.push({ py: 'lambda a, b, c, v: range(a, b, c).index(v)', args: [a, b, c, v], js: () => R(a, b, c).index(v) });
  checks.push({ py: 'lambda a, b, c: list(__import__("itertools").islice(reversed(range(a, b, c)), 5))', args: [a, b, c], js: () => first5(reversed(R(a, b, c))) });
  checks.push({ py: 'lambda a, b, c: list(__import__("itertools").islice(range(a, b, c), 5))', args: [a, b, c], js: () => first5(R(a, b, c)[Symbol.iterator]()) });
  const [d, e, f] = rng.chance(0.5) ? [a, b, c] : [bound(), bound(), stepOf()];
  checks.push({
    py: 'lambda a, b, c, d, e, f: (range(a, b, c) == range(d, e, f), hash(range(a, b, c)) == hash(range(d, e, f)))',
    args: [a, b, c, d, e, f],
    js: () => PyTuple.of(eq(R(a, b, c), R(d, e, f)), pyHash(R(a, b, c)) === pyHash(R(d, e, f))),
  });
}
// Slicing through a slice object, as compiled code passes it.
checks.push({ py: 'lambda: repr(range(3, 20, 4)[1:3])', args: [], js: () => repr(R(3, 20, 4).slice(slice(1, 3).start, slice(1, 3).stop, null)) });

const expected = runPython(checks);

describe('range against python3', () => {
  it(`${checks.length} operations agree`, () => {
    expect(mismatches(checks, expected)).toEqual([]);
  });
});
