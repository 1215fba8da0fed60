/**
 * What `$def`'s spec tells `__code__` (codeFacts.ts) against CPython's code
 * objects: co_varnames (parameters, then the plain locals in compile
 * order), co_cellvars, co_freevars and the flags the spec carries (the
 * parameters' CO_VARARGS/CO_VARKEYWORDS, CO_NESTED, CO_FUTURE_ANNOTATIONS),
 * on snippets that order names unusually and on the whole standard library.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CPythonOracle, type CodeFacts } from '../../tests/support/oracle.js';
import { compile } from '../compile.js';
import { decodeSource } from '../parser/sourceDecoding.js';

const oracle = new CPythonOracle();
afterAll(() => oracle.close());

const CO_VARARGS = 0x4;
const CO_VARKEYWORDS = 0x8;
const CO_NESTED = 0x10;
const CO_FUTURE_ANNOTATIONS = 0x1000000;
const TOLD = CO_VARARGS | CO_VARKEYWORDS | CO_NESTED | CO_FUTURE_ANNOTATIONS;

const DEF = /"((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)", __name__, (\d+)/g;

/** Our facts per `name:line` from the compiled `$def` calls (a name and line met twice is left out: ambiguous). */
function ourFacts(source: string, filename: string): Map<string, CodeFacts> {
  const { code } = compile(source, { filename, runtime: 'pyasync/runtime', moduleName: 'm' });
  const facts = new Map<string, CodeFacts>();
  const seen = new Set<string>();
  for (const m of code.matchAll(DEF)) {
    const spec = JSON.parse(`"${m[1]!}"`) as string;
    const qualname = JSON.parse(`"${m[2]!}"`) as string;
    const name = qualname.slice(qualname.lastIndexOf('.') + 1);
    const key = `${name}:${m[3]!}`;
    if (seen.has(key)) {
      facts.delete(key);
      continue;
    }
    seen.add(key);
    const [params = '', locals = '', free = '', cells = '', marks = ''] = spec.split(';');
    const positional: string[] = [];
    const keywordOnly: string[] = [];
    const rest: string[] = [];
    let flags = 0;
    let star = false;
    for (const raw of params.split(',')) {
      const p = raw.trim().replace(/=$/, '');
      if (p === '' || p === '/') continue;
      if (p.startsWith('**')) {
        rest.push(p.slice(2));
        flags |= CO_VARKEYWORDS;
      } else if (p.startsWith('*')) {
        star = true;
        if (p.length > 1) {
          rest.unshift(p.slice(1));
          flags |= CO_VARARGS;
        }
      } else (star ? keywordOnly : positional).push(p);
    }
    if (qualname.includes('<locals>') || marks.includes('n')) flags |= CO_NESTED;
    if (marks.includes('a')) flags |= CO_FUTURE_ANNOTATIONS;
    const names = (text: string): string[] => (text === '' ? [] : text.split(' '));
    facts.set(key, [name, Number(m[3]), [...positional, ...keywordOnly, ...rest, ...names(locals)], names(cells), names(free), flags]);
  }
  return facts;
}

/** The differences between CPython's code objects and ours, and how many functions were compared. */
function compare(cpython: readonly CodeFacts[], ours: Map<string, CodeFacts>, where: string): { differences: string[]; compared: number } {
  const differences: string[] = [];
  let compared = 0;
  const count = new Map<string, number>();
  for (const [name, line] of cpython) count.set(`${name}:${line}`, (count.get(`${name}:${line}`) ?? 0) + 1);
  for (const [name, line, varnames, cellvars, freevars, flags] of cpython) {
    const mine = ours.get(`${name}:${line}`);
    if (mine === undefined || count.get(`${name}:${line}`)! > 1) continue;
    compared++;
    const want = JSON.stringify([varnames, cellvars, freevars, flags & TOLD]);
    const got = JSON.stringify([mine[2], mine[3], mine[4], mine[5]]);
    if (want !== got) differences.push(`${where} ${name}:${line}: CPython ${want}, pyasync ${got}`);
  }
  return { differences, compared };
}

const SNIPPETS = [
  // Values before targets, `else` before handlers, finally bodies copied where jumps leave them.
  `def f(n):
    total = count = 0
    result = (w := n + 1)
    for i, item in enumerate(range(n)):
        total += item
    try:
        t1 = 1
    except ValueError as err:
        t2 = err
    else:
        t3 = 2
    finally:
        t4 = 3
    d = {k: v for k, v in []}
    del d
    import os.path
    from os import sep as separator
`,
  `def f(flag):
    try:
        p = 1
        if flag:
            return p
        q = 2
    finally:
        r = 3
    s = 4

def g(xs):
    for x in xs:
        try:
            if x:
                break
            m = 1
        finally:
            n = 2
        o = 3
    while xs:
        try:
            continue
        finally:
            cc = 1
        dd = 2
    else:
        ee = 3
`,
  // Match captures are stored after the pattern's loads; try/except* runs its handlers before its else.
  `def f(v):
    match v:
        case [a, Cls(b)] if a:
            pass
        case {"k": c, **rest}:
            pass
        case (d, e) | [e, d]:
            pass
        case f.g:
            pass
        case h as i:
            pass
    Cls = f = None

def g():
    try:
        u = 1
    except* ValueError as eg:
        w = 2
    else:
        z = 3
`,
  // A nested def's decorators, defaults and annotations before its name; bare annotations emit nothing.
  `def f(T):
    x: int
    y: int = 1
    @deco(late)
    def inner(a: T, b: U2 = early) -> R:
        pass
    early = late = U = 1
    class K(Base, metaclass=meta):
        pass
    Base = meta = None
    lam = lambda q, r=(zz := 2): q + r
    values = {key: val, other: key2}
    key = val = other = key2 = None
    return inner
`,
  // Cells (parameters first), free variables passed through, __class__, nonlocal, global.
  `def closures(b, a, *args, kw, **rest):
    c = 1
    d = 2
    def inner(x):
        nonlocal c
        c += x
        return a + c + rest
    def deeper():
        def deepest():
            return d, b
        return deepest
    return inner, deeper

class C:
    def method(self):
        return super().method()
    def other(self):
        return __class__

def outer():
    global glob
    def glob():
        pass
    counter = 0
    fs = [lambda: i for i in range(3)]
    return glob
fs = [lambda: i for i in range(3)]
`,
  `from __future__ import annotations
def f(a: int) -> str:
    def g(b: Local) -> None:
        return a
    Local = 1
    return g
`,
];

describe('__code__ facts in $def specs', () => {
  it('match CPython on snippets', async () => {
    const cpython = await oracle.codes({ sources: SNIPPETS });
    const differences: string[] = [];
    let compared = 0;
    SNIPPETS.forEach((source, i) => {
      const r = compare(cpython[i]!, ourFacts(source, '<snippet>'), `snippet ${i}`);
      differences.push(...r.differences);
      compared += r.compared;
    });
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(18);
  });

  it('match CPython on the standard library', { timeout: 600_000 }, async () => {
    const { root, files } = await oracle.stdlib();
    const paths = files.map((f) => `${root}/${f}`);
    const cpython = await oracle.codes({ paths });
    const differences: string[] = [];
    let compared = 0;
    paths.forEach((path, i) => {
      const want = cpython[i];
      if (want === null || want === undefined) return;
      let ours: Map<string, CodeFacts>;
      try {
        ours = ourFacts(decodeSource(readFileSync(path), path), path);
      } catch {
        // What pyasync does not compile yet (exec, a runtime __import__…) has its own tests.
        return;
      }
      const r = compare(want, ours, path);
      differences.push(...r.differences);
      compared += r.compared;
    });
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(8000);
  });
});
