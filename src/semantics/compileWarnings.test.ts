/**
 * The SyntaxWarnings of compile() against CPython's: every snippet is
 * compiled by one python3 process with warnings recorded, and by `compile`.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';

const SNIPPETS = [
  'x is 1',
  'x is not "a"',
  'x is None or x is True or x is ... or x is not False',
  'x is -1; y is (); z is (1, 2); x is (a, 1)',
  '1 is x is 2',
  'if x is "s":\n    pass',
  'while x is not 0.5 and y:\n    pass',
  'assert (x, "msg")',
  'assert (1, 2)',
  'assert ()',
  'assert x, (1, 2)',
  '(1)()',
  '"abc"()',
  'f"a{x}"()',
  '[x for x in y]()',
  '(1, 2) (3, 4)',
  '[(1, 2) (3, 4)]',
  '{1: 2}()',
  '(x, y)()',
  'None[0]',
  'True[0]',
  '(1.5)[x]',
  '{1, 2}[0]',
  '(lambda: 0)[0]',
  '(i for i in x)[0]',
  '"abc"["x"]',
  '"abc"[1.0]',
  'b"abc"[x]',
  '[1, 2][1.5]',
  '[1, 2]["a":]',
  '(1, 2)[(1, 2)]',
  '[1][x]',
  'x[1.5]',
  'x["a"] = None[0] = 1',
  'del "abc"["x"]',
  'def f():\n    return (\n        1 is x)',
  'class C:\n    y = x is 1\n    def m(self):\n        return [1][None]',
  'x = [a is 1 for a in b]',
  'async def f():\n    await x is 1',
  'x is __debug__; __debug__[0]',
  'print(x is 1, x is 1)',
  'x.m(1)(2)',
  '"a".join(b)',
  'x = 1 if (1)() else 2',
];

interface Seen {
  message: string;
  lineno: number;
  line: string | null;
}

function cpythonWarnings(sources: readonly string[]): Seen[][] {
  const script = `
import json, sys, warnings, linecache
out = []
for i, src in enumerate(json.load(sys.stdin)):
    name = f"<snippet{i}>"
    linecache.cache[name] = (len(src), None, src.splitlines(True), name)
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        compile(src, name, "exec")
    out.append([{"message": str(w.message), "lineno": w.lineno, "line": (linecache.getline(name, w.lineno).strip() or None)} for w in got])
print(json.dumps(out))
`;
  const child = spawnSync('python3', ['-X', 'utf8', '-c', script], { input: JSON.stringify(sources), encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as Seen[][];
}

describe('SyntaxWarnings', () => {
  it("are CPython's, in its order, at its lines", () => {
    const expected = cpythonWarnings(SNIPPETS);
    const got = SNIPPETS.map((src, i) =>
      compile(src, { filename: `<snippet${i}>`, topLevelAwait: true }).warnings.map(({ message, lineno, line }) => ({ message, lineno, line })),
    );
    const differing = SNIPPETS.map((src, i) => ({ src, got: got[i], expected: expected[i] })).filter((c) => JSON.stringify(c.got) !== JSON.stringify(c.expected));
    expect(differing).toEqual([]);
    // The table must exercise each kind of warning.
    expect(expected.flat().length).toBeGreaterThan(30);
  });
});
