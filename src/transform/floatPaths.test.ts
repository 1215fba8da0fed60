/**
 * Which arithmetic gets a fast path (floatPaths.ts), and the shape of each:
 * the programs' results are the fixtures' business (fixtures/numbers/float_fast_paths.py).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';

function js(source: string): string {
  return compile(source, { filename: 'm.py', runtime: 'pyasync/runtime' }).code;
}

/** The compiled body of `def f(...)`, the function's `return` or last statement line. */
function body(def: string): string {
  const code = js(def);
  const lines = code.split('\n');
  const start = lines.findIndex((l) => l.startsWith('f = $def('));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('}, '));
  return lines.slice(start + 2, end).join('\n');
}

describe('float fast path', () => {
  it('guards the operands and boxes an integral result', () => {
    expect(body('def f(x, y):\n    return x * y - 0.5 * x\n')).toBe(
      '  let $1;\n'
      + '  return typeof x === "number" && !$isInteger(x) && typeof y === "number" && !$isInteger(y)'
      + ' ? $isInteger($1 = x * y - 0.5 * x) ? $boxFloat($1) : $1 : $sub($mul(x, y), $floatMul(0.5, x));',
    );
  });

  it('is left out where the function does not compute with floats', () => {
    expect(body('def f(a, b):\n    return a * b - a\n')).toBe('  return $sub($mul(a, b), a);');
  });

  it('is left out for + alone (strings and lists join with it)', () => {
    expect(body('def f(a, b):\n    c = 0.5\n    return a + b\n')).toContain('return $add(a, b);');
  });

  it('is left out when an operand is not a number', () => {
    expect(body('def f(n):\n    return [0.5] * n - set()\n')).not.toContain('$isInteger');
  });

  it('evaluates calls first, and the variables read before them', () => {
    expect(body('def f(x):\n    return x * g() + 0.5\n')).toContain('return $1 = x, $2 = g(), typeof $1 === "number"');
  });

  it('keeps a call after an operation where CPython makes it: the inner operation gets the path', () => {
    const out = body('def f(x):\n    return x * x + g() - 0.5\n');
    expect(out).toContain('$subFloat($add(typeof x === "number" && !$isInteger(x) ? ');
    expect(out).toContain(': $mul(x, x), g()), 0.5)');
  });

  it('refuses a compound divisor (it may be zero)', () => {
    expect(body('def f(x, y):\n    return x / (y - x)\n')).toContain('return $truediv(x, typeof y');
  });

  it('stores into a list directly', () => {
    expect(body('def f(v, d):\n    v[0] += d * 0.5\n')).toContain(
      '$1 = v, $isListAt($1, 0) && typeof ($2 = $1[0]) === "number" && !$isInteger($2) && typeof d === "number" && !$isInteger(d)'
      + ' ? $1[0] = $isInteger($3 = $2 + d * 0.5) ? $boxFloat($3) : $3 : $setitemAt($1, 0, $iadd($getitemAt($1, 0), $mulFloat(d, 0.5)));',
    );
  });
});

describe('int fast path', () => {
  it('adds int32 operands, and checks a product of sums', () => {
    expect(body('def f(i, j):\n    return (i + j) * (i + j + 1) + i\n')).toContain(
      '($1 = (i + j) * (i + j + 1)) <= 9007199254740991 && $1 >= -9007199254740991 ? $1 + 0 : $mul($add(i, j), $addInt($add(i, j), 1))',
    );
  });

  it('floor-divides by a literal inside a sum, a product first checked within int32', () => {
    expect(body('def f(i, j):\n    return (i + j) * (i + j + 1) // 2 + i + 1\n')).toBe(
      '  let $1;\n'
      + '  return typeof i === "number" && (i | 0) === i && !$sameValue(i, -0) && typeof j === "number" && (j | 0) === j && !$sameValue(j, -0)'
      + ' && ($1 = (i + j) * (i + j + 1)) <= 2147483647 && $1 >= -2147483647 ? $floor($1 / 2) + 0 + i + 1'
      + ' : $addInt($add($floordivInt($mul($add(i, j), $addInt($add(i, j), 1)), 2), i), 1);',
    );
  });

  it('floor-divides a sum without a check, and keeps a lone `//` to its helper', () => {
    expect(body('def f(a, b):\n    return (a + b) // 2 - a\n')).toContain('? $floor((a + b) / 2) + 0 - a : $sub($floordivInt($add(a, b), 2), a);');
    expect(body('def f(lo, hi):\n    return (lo + hi) // 2\n')).toBe('  return $floordivInt($add(lo, hi), 2);');
  });

  it('leaves a single operation with a literal to the literal helpers', () => {
    expect(body('def f(n):\n    return n - 1\n')).toBe('  return $subInt(n, 1);');
  });
});
