/**
 * `check` against CPython: every snippet is compiled by python3 (one
 * process for the whole table) and our error, or our silence, must match
 * its msg, lineno, offset, end_lineno and end_offset.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { PySyntaxError } from '../diagnostics.js';
import { parse } from '../parser/parser.js';
import { check } from './checks.js';
import { cpythonOutcomes, checkOutcome } from './testing.js';
import type { Case, OracleResult } from './testing.js';

/** Snippets CPython refuses at compile time (after ast.parse accepted them). */
const ERRORS: Record<string, readonly string[]> = {
  'await, yield, return placement': [
    'await x',
    'def f():\n    await x',
    'def f():\n    return [await x for y in z]',
    '[await x for y in z]',
    'lambda: await x',
    'async def f():\n    lambda: await x',
    'class C:\n    await x',
    'async def f():\n    class C:\n        await x',
    'yield x',
    'x = yield',
    'class C:\n    yield',
    'def f():\n    class C:\n        yield',
    'é = 1; yield x',
    'yield from x',
    'async def f():\n    yield from x',
    'return 1',
    'class C:\n    return',
    'async def f():\n    yield 1\n    return 2',
    'async def f():\n    return 2\n    yield 1',
    'def f():\n    if x: return 2\n    yield [y async for y in z]',
    'await (yield)',
  ],
  'async statements and comprehensions': [
    'async with x: pass',
    'def f():\n    async with a: pass',
    'async for x in y: pass',
    'def f():\n    async for a in b: pass',
    'class C:\n    async for x in y: pass',
    '[x async for x in y]',
    'def f():\n    return {x async for x in z}',
    'def f():\n    return [[x async for x in y] for z in w]',
    'def f():\n    return [x for x in [y async for y in z]]',
    'async def f():\n    class C:\n        [x async for x in y]',
    'x = [y for y in (yield) if (await z)]',
    '[await x for y in (yield)]',
  ],
  'break and continue': [
    'break',
    'continue',
    'for x in y:\n    def f():\n        break',
    'while x:\n    class C:\n        continue',
    'if 0:\n    break',
    'with a:\n    break',
    'try:\n    break\nfinally:\n    x = 1',
    'for x in y:\n    pass\nelse:\n    break',
    'try:\n    pass\nexcept* E:\n    with x:\n        break',
    'for x in y:\n    try: pass\n    except* E:\n        break',
    'for x in y:\n    try: pass\n    except* E:\n        continue',
    'def f():\n    try: pass\n    except* E:\n        return 1',
    'def f():\n    try: pass\n    except* E:\n        return -1',
    'def f():\n    try: pass\n    except* E:\n        return 1 < 2',
    'for x in y:\n    try: pass\n    except* E:\n        try: break\n        finally: pass',
    'for x in y:\n    try: pass\n    except* E:\n        try: pass\n        finally: break',
    'def f():\n    try: pass\n    except* E:\n        with a: return',
    'def f():\n    try:\n        return\n        await a\n    finally:\n        await b',
  ],
  'global and nonlocal': [
    'nonlocal x',
    'def f():\n    nonlocal x',
    'class C:\n    nonlocal x',
    'class C:\n    def f(self):\n        nonlocal __x',
    'def f():\n    x = 1\n    def g():\n        global x\n        def h():\n            nonlocal x',
    'def f():\n    x = 1\n    def g():\n        nonlocal x\n        global x',
    'def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x',
    'global x\nnonlocal x',
    'def f():\n    nonlocal b\n    nonlocal a',
    'def f():\n    print(a)\n    def g():\n        nonlocal a',
    'def f(a):\n    global a',
    'def f(a):\n    nonlocal a',
    'def f():\n    a = 1\n    global a',
    'def f():\n    a\n    global a',
    'def f():\n    a: int\n    global a',
    'def f():\n    global a\n    a: int',
    'def f():\n    x = 1\n    def g():\n        nonlocal x\n        x: int',
    'class C:\n    global a\n    a: int',
    'def f():\n    a = 1\n    nonlocal a',
    'def f():\n    a\n    nonlocal a',
    'def f():\n    def g(x=a): pass\n    global a',
    'def f():\n    @a\n    def g(): pass\n    global a',
    'def f():\n    [b for b in a]\n    global a',
    'def f():\n    [y := 1 for z in w]\n    global y',
    'def f():\n    super()\n    nonlocal __class__',
    'def f():\n    def g():\n        nonlocal y\n    nonlocal x',
    'def f():\n    é = 1\n    def g():\n        é2 = 2; nonlocal é3',
  ],
  'arguments': [
    'def f(a, b, a): pass',
    'def f(a, *, a): pass',
    'def f(*a, b, a): pass',
    'def f(a, **a): pass',
    'def f(a, /, a): pass',
    'lambda a, a: 1',
    'def f(a, a=(yield)): pass',
    'class C:\n    def f(__a, _C__a): pass',
    'f(a=1, a=2)',
    'f(x=1, **k, x=2)',
    'a.f(x=(yield), y=1, x=2)',
    'class C(x=1, x=2): pass',
    'class C(x=1, x=2):\n    yield',
  ],
  'assignment expressions': [
    '[(i := 0) for j in (k := y)]',
    '[(i := 0) for j in y for k in (l := z)]',
    '[x for x in [(j := 1) for z in w]]',
    '[x for x in (lambda: (j := 1))]',
    'def f():\n    [x for i in y if (i := 1)]',
    'def f():\n    [(i := 1) for x[i] in y]',
    'def f():\n    [[(i := 0) for j in y] for i in x]',
    'def f():\n    [i for x in y if (j := 1) for j in z]',
    'class C:\n    [(i := 0) for j in y]',
    'def f():\n    [{1: (yield), (i := 0): 2} for i in x]',
    'def f():\n    [(yield (i:=1)) for i in x]',
    '@[(i := 1) for i in x]\nclass C([(j := 1) for j in x]): pass',
    'def f():\n    try: pass\n    except [(i:=1) for i in x]: pass\n    else: [(j:=1) for j in x]',
  ],
  'yield in comprehensions': [
    'def f():\n    [(yield) for x in y]',
    'def f():\n    {(yield) for x in y}',
    'def f():\n    {x: (yield) for x in y}',
    'def f():\n    ((yield) for x in y)',
    'def f():\n    [(yield from x) for x in y]',
    '[(yield) for y in (await x)]',
  ],
  'starred expressions': [
    'a, *b, *c = d',
    '[a, *b, *c] = d',
    'for a, *b, *c in d: pass',
    'with (yield) as [a, *b, *c]: pass',
    '*a = 1',
    'for *a in b: pass',
    'x = *a',
    'a = b = *c',
    Array.from({ length: 256 }, (_, i) => `a${i}`).join(', ') + ', *b = c',
  ],
  'except clauses and imports': [
    'try: pass\nexcept: pass\nexcept E: pass',
    'try: pass\nexcept:\n    await x\nexcept E: pass',
    'try: pass\nexcept E:\n    await x\nelse:\n    yield',
    'try: pass\nexcept* E:\n    await x\nelse:\n    yield',
    'class C:\n    from a import *',
    'def f():\n    from a import *',
  ],
  '__debug__': [
    '__debug__ = 1',
    '__debug__ += 1',
    '__debug__: int',
    'del __debug__',
    'del x, __debug__',
    'x.__debug__ = 1',
    '(x\n .__debug__) = 1',
    'def __debug__(): pass',
    'class __debug__: pass',
    'def f(__debug__): pass',
    'def f(__debug__=(yield)): pass',
    'lambda __debug__: 1',
    'import __debug__',
    'import a as __debug__',
    'from a import __debug__',
    'for __debug__ in x: pass',
    'with a as __debug__: pass',
    'try: pass\nexcept E as __debug__: pass',
    '(__debug__ := 1)',
    'f(__debug__=1)',
    '(a, __debug__) = 1',
    '[x for __debug__ in y]',
    'def __debug__():\n    yield from x\n    await y',
  ],
  'patterns': [
    'match x:\n    case [a, a]: pass',
    'match x:\n    case [a, *a]: pass',
    "match x:\n    case {'k': a, **a}: pass",
    'match x:\n    case C(a, b=a): pass',
    'match x:\n    case [x] as x: pass',
    'match x:\n    case (1 | x) as x: pass',
    'match x:\n    case [x, (y | x)]: pass',
    'match x:\n    case x:\n        pass\n    case 1: pass',
    'match x:\n    case _:\n        pass\n    case 1: pass',
    'match x:\n    case x | 1: pass',
    'match x:\n    case 1 | x | 2: pass',
    'match x:\n    case (x as y) | 1: pass',
    'match x:\n    case [a] | [b]: pass',
    'match x:\n    case [a] | [a, b]: pass',
    'match x:\n    case {1: [_, _], **a} | {1: [_, _]}: pass',
    'match x:\n    case [a, *_] | [_, *_, b]: pass',
    'match x:\n    case [x, (x | x)]: pass',
    'match x:\n    case C(x=1, x=2): pass',
    'match x:\n    case C(x=1, y=2, x=[a]): pass',
    'match x:\n    case C(x=[a, a], x=2): pass',
    'match x:\n    case C(__debug__=1): pass',
    'match x:\n    case __debug__: pass',
    'match x:\n    case 1 as __debug__: pass',
    'match x:\n    case {**__debug__}: pass',
    "match x:\n    case {'a': 1, 'a': 2}: pass",
    'match x:\n    case {1: x, 1.0: y}: pass',
    'match x:\n    case {1: x, True: y}: pass',
    'match x:\n    case {0: x, -0.0: y}: pass',
    'match x:\n    case {1: x, 1+0j: y}: pass',
    'match x:\n    case {-1: x, -1: y}: pass',
    'match x:\n    case {-1-2j: x, -1-2j: y}: pass',
    'match x:\n    case {-0j: x, -0j: y}: pass',
    'match x:\n    case {-0-0j: x, -0-0j: y}: pass',
    "match x:\n    case {b'a': x, b'a': y}: pass",
    'match x:\n    case {1e300: x, 1e300: y}: pass',
    'match x:\n    case {1e-7: x, 1e-7: y}: pass',
    "match x:\n    case {'a' 'b': x, 'ab': y}: pass",
    "match x:\n    case {'\\n': x, '\\n': y}: pass",
    'match x:\n    case {"\'": x, "\'": y}: pass',
    "match x:\n    case {'é': x, 'é': y}: pass",
    'match x:\n    case {0x10: x, 16: y}: pass',
    'match x:\n    case {None: x, None: y}: pass',
    'match x:\n    case [*a, *b]: pass',
    'match x:\n    case [a, [b, a]]: pass',
    'match x:\n    case [_, a, _, a]: pass',
    'match x:\n    case C(a, _, a): pass',
    'match x:\n    case {1: a, 2: _, 3: a}: pass',
    'match x:\n    case _ if g:\n        pass\n    case a: pass\n    case b: pass',
    'match x:\n    case y:\n        pass\n    case _ if g: pass',
    'match x:\n    case [' + Array.from({ length: 256 }, (_, i) => `a${i}`).join(', ') + ', *b]: pass',
  ],
  'future imports': [
    'from __future__ import braces',
    'from __future__ import nope',
    'from __future__ import annotations, nope',
    'import os\nfrom __future__ import annotations',
    "'doc'\n'doc2'\nfrom __future__ import annotations",
    'from __future__ import annotations; import os; from __future__ import division',
    "'doc'\nfrom __future__ import annotations; import os; from __future__ import division",
    'def f():\n    from __future__ import division',
    'from .__future__ import x',
    'yield\nfrom __future__ import braces',
    'from __future__ import annotations\nx: (yield)',
    'from __future__ import annotations\nx: (await y)',
    'from __future__ import annotations\nx: (y := 1)',
    'from __future__ import annotations\ndef f() -> (yield): pass',
    'from __future__ import annotations\ndef f(*, a: (yield), **k: (await x)): pass',
    'from __future__ import annotations\n@[(i := 1) for i in x]\ndef f(a: (yield)): pass',
    'from __future__ import annotations\ndef f(x: [(yield) for a in b]): pass',
    'from __future__ import annotations\ndef f():\n    x: [(y := 1) for z in w]\n    nonlocal y',
  ],
  'evaluation order': [
    '@(await x)\ndef f(a=(yield)): pass',
    'def f(a=(yield), *, b=(await x)): pass',
    'def f(a: (await x) = (yield)): pass',
    'def f(a: (await x), /, b: (yield)): pass',
    'def f(*a: (await x), b: (yield)): pass',
    'def f(**a: (await x)) -> (yield): pass',
    'x[(yield)] += (await z)',
    '__debug__ += (yield)',
    'x: (yield) = (await z)',
    'x: (yield)',
    'x[(await y)]: (yield)',
    'x[a:(await y), (yield)]: int',
    '(x): (yield)',
    'def f():\n    x[(await y)]: int',
    '{(yield): (await x), (await y): 1}',
    'f((yield), *(await y), x=(await z))',
    '(yield) if (await x) else 1',
    'assert (await x), (yield)',
    'lambda x=(yield): (await x)',
    'lambda: (yield), (await x)',
    "f'{x:{(yield)}}'",
  ],
  'nesting limit': [
    Array.from({ length: 21 }, (_, i) => ' '.repeat(i) + 'for x in y:\n').join('') + ' '.repeat(21) + 'pass',
    Array.from({ length: 21 }, (_, i) => ' '.repeat(i) + 'with a:\n').join('') + ' '.repeat(21) + 'pass',
    'with ' + Array.from({ length: 21 }, () => 'a').join(', ') + ': pass',
  ],
};

/** Snippets CPython compiles. */
const VALID: readonly string[] = [
  'while x:\n    try: pass\n    finally: continue',
  'while x:\n    try: pass\n    finally: break',
  'for x in y:\n    try:\n        continue\n    finally:\n        pass',
  'def f():\n    while x:\n        try: pass\n        finally: return',
  'def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2',
  'def f():\n    x = 1\n    class C:\n        nonlocal x',
  'class C:\n    def f(self):\n        nonlocal __class__',
  'def f():\n    _C__x = 1\n    class C:\n        def g(self):\n            nonlocal __x',
  'def f():\n    def g():\n        nonlocal y\n        [y := 1 for z in w]\n    y = 1',
  'def f():\n    global y\n    [y := 1 for z in w]',
  'def f():\n    import a.b\n    global a',
  'global a\na: int',
  'class C:\n    global a\n    a.b: int',
  'async def f():\n    return [x async for x in y]',
  'async def f():\n    return [await x for x in y]',
  'async def f():\n    return [[x async for x in y] for z in w]',
  'async def f():\n    return {x: y async for x, y in z}',
  'async def f():\n    yield 1\n    return',
  'async def f():\n    async with a as b, c:\n        async for x in b:\n            await x',
  'def f():\n    return (await x for y in z)',
  '(await x for y in z)',
  'def f():\n    return ([await x for y in z] for w in v)',
  'lambda: (yield)',
  'def f():\n    x = lambda: (yield)',
  'def f():\n    [super() for x in y]',
  'class C:\n    x = [y for y in range(3)]\n    def f(self): return __class__',
  'class C:\n    [x for x in y]\n    (lambda: (z := 1))',
  'def f():\n    [(y := 1) for z in w]\n    return y',
  '[(y := 1) for z in w]',
  'def f(a, /, b, *c, d, **e): pass',
  'f(*a, *b, **c, **d)',
  'x = *a, *b',
  'a[*b] = 1',
  'del a[*b]',
  'x.__debug__ += 1',
  'del x.__debug__',
  'global __debug__',
  "'doc'\nfrom __future__ import annotations",
  'from __future__ import annotations\nfrom __future__ import division',
  'from __future__ import annotations as a',
  'from __future__ import barry_as_FLUFL',
  'from __future__ import annotations\nx: [*a, *b] = 1',
  'from __future__ import annotations\nx: (lambda: await y)',
  'from __future__ import annotations\nx: [(y := 1) for z in w]',
  'def f():\n    x: (await y)',
  'def f():\n    (x): (await y)',
  'match x:\n    case x if y:\n        pass\n    case 1: pass',
  "match x:\n    case {'k': [b, c], **a} | {'k': [b, a], **c}: pass",
  'match x:\n    case [a, b] | [b, a]: pass',
  "match x:\n    case {'a': x, b'a': y}: pass",
  'match x:\n    case {a.b: x, a.b: y}: pass',
  'match x:\n    case _ if g: pass\n    case _: pass',
  'match x:\n    case [_, *_]: pass\n    case C(_, y=_): pass\n    case _: pass',
  'for x in y:\n    try: pass\n    except* E:\n        for z in w: break',
  'try:\n    pass\nexcept* E:\n    def f():\n        return 1',
  Array.from({ length: 255 }, (_, i) => `a${i}`).join(', ') + ', *b = c',
  Array.from({ length: 20 }, (_, i) => ' '.repeat(i) + 'for x in y:\n').join('') + ' '.repeat(20) + 'pass',
  'if 1:\n    import a as b, c.d',
  'def f():\n    try:\n        return 1\n    finally:\n        x = [y for y in z]',
];

/** Corner cases, errors or not: whatever CPython says. */
const MIXED: readonly string[] = [
  'def f(é, é): pass',
  "match x:\n case {'\\x00': x, '\\x00': y}: pass",
  "match x:\n case {'\\u2028': x, '\\u2028': y}: pass",
  "match x:\n case {'😀': x, '😀': y}: pass",
  'def f():\n for x in y:\n  try:\n   return g()\n  finally:\n   break',
  'def f():\n' + Array.from({ length: 19 }, (_, i) => ' '.repeat(i + 1) + 'for x in y:\n').join('') + ' '.repeat(20) + 'try:\n' + ' '.repeat(21) + 'return g()\n' + ' '.repeat(20) + 'finally:\n' + ' '.repeat(21) + 'pass',
  'def f():\n' + Array.from({ length: 18 }, (_, i) => ' '.repeat(i + 1) + 'for x in y:\n').join('') + ' '.repeat(19) + 'try:\n' + ' '.repeat(20) + 'return g()\n' + ' '.repeat(19) + 'finally:\n' + ' '.repeat(20) + 'pass',
  'class C:\n def f(self):\n  super()\n  global __class__',
  'async def f():\n @(await x)\n class C: pass',
  'async def f():\n (await x for y in z)',
  'def f():\n x: int = 1\n global x',
  'def f():\n [(x := 1) for x.y in z]',
  'def f():\n [(x := 1) for y[x] in z]',
  '[i for i in range(3) if (j := i)]\nprint(j)',
  'class C:\n x = [(lambda: (y := 1)) for z in w]',
  'def f():\n lambda: (yield)\n return 1',
  'def f():\n class C:\n  return 1',
  'async def f():\n [x for x in y if await z]\n yield 1\n return 2',
  'def f():\n [x for x in y if await z]',
  'def f():\n (x for x in y if await z)',
  'def g():\n def f(a=(yield)): pass',
  'with a as (b, *c, *d): pass',
  'match x:\n case [1, 2, *rest] if rest:\n  pass\n case {"k": v, **kw}:\n  pass\n case Point(x=0, y=0) | Point(x=1, y=1):\n  pass\n case _:\n  pass',
  'match x:\n case 1 | 2 | 3: pass\n case (a | a): pass',
  'match x:\n case 1+2j | -1-2j | -1.5 | 1e10: pass\n case {-1.5: x, -1.5: y}: pass',
  'try:\n  pass\nexcept* E:\n  pass\nfinally:\n  break',
  'for a in b:\n try:\n  pass\n except* E:\n  pass\n finally:\n  break',
  'def f():\n try:\n  pass\n except* E:\n  return\n finally:\n  pass',
  'x = 1\nfrom __future__ import annotations\ndef f():\n yield from x\n await y',
  'from __future__ import annotations\nclass C:\n x: (yield)\n y: int = (yield)',
  'from __future__ import annotations\nclass C:\n x: [(y := 1) for z in w]',
  'nonlocal x, y',
  'def f():\n global x\n def g():\n  nonlocal x',
  'def f():\n x = 1\n def g():\n  def h():\n   nonlocal x\n  global x',
];

/** With ast.PyCF_ALLOW_TOP_LEVEL_AWAIT. */
const TOP_LEVEL_AWAIT: readonly string[] = [
  'await x',
  'async for x in y: pass',
  'async with x: pass',
  '[x async for x in y]',
  '[await x for y in z]',
  'class C:\n    await x',
  'class C:\n    [x async for x in y]',
  'class C:\n    async with x: pass',
  'def f():\n    await x',
  'def g():\n    [x async for x in y]',
  'lambda: await x',
  'yield',
  'return 1',
  '[[x async for x in y] for z in w]',
  'async for x in y:\n    yield',
  'if x:\n    await y',
  'try:\n    await x\nfinally:\n    async with y: pass',
  'x = [i async for i in y] + [await z]',
  'await x\nasync def f():\n    yield 1\n    return 2',
];

const errorCases: Case[] = Object.values(ERRORS).flat().map((source) => ({ source }));
const validCases: Case[] = VALID.map((source) => ({ source }));
const mixedCases: Case[] = MIXED.map((source) => ({ source }));
const tlaCases: Case[] = TOP_LEVEL_AWAIT.map((source) => ({ source, topLevelAwait: true }));
const allCases = [...errorCases, ...validCases, ...mixedCases, ...tlaCases];

let expected = new Map<Case, OracleResult>();

beforeAll(() => {
  const results = cpythonOutcomes(allCases);
  expected = new Map(allCases.map((c, i) => [c, results[i]!]));
});

function label(source: string): string {
  return JSON.stringify(source.length > 70 ? source.slice(0, 67) + '...' : source);
}

function expectSameAsCPython(c: Case, wantError: boolean | null): void {
  const want = expected.get(c)!;
  expect(want, 'python3 must parse the snippet (else it is a parser case)').not.toEqual({ parsed: false });
  if (wantError !== null) expect((want as { ok: boolean }).ok, 'the table entry is misfiled').toBe(!wantError);
  expect(checkOutcome(c.source, c.topLevelAwait)).toEqual(want);
}

describe('check: errors CPython raises at compile time', () => {
  let k = 0;
  for (const [group, sources] of Object.entries(ERRORS)) {
    describe(group, () => {
      for (const source of sources) {
        const c = errorCases[k++]!;
        it(label(source), () => expectSameAsCPython(c, true));
      }
    });
  }
});

describe('check: programs CPython compiles', () => {
  validCases.forEach((c) => it(label(c.source), () => expectSameAsCPython(c, false)));
});

describe('check: corner cases', () => {
  mixedCases.forEach((c) => it(label(c.source), () => expectSameAsCPython(c, null)));
});

describe('check: allowTopLevelAwait (PyCF_ALLOW_TOP_LEVEL_AWAIT)', () => {
  tlaCases.forEach((c) => it(label(c.source), () => expectSameAsCPython(c, null)));

  it('refuses top-level await without the option', () => {
    expect(checkOutcome('await x').ok).toBe(false);
    expect(checkOutcome('await x', true).ok).toBe(true);
  });
});

describe('check: the error object', () => {
  function thrown(source: string, filename: string): PySyntaxError {
    try {
      check(parse(source, { filename }), filename, source);
    } catch (e) {
      if (e instanceof PySyntaxError) return e;
      throw e;
    }
    throw new Error('check accepted the source');
  }

  it('is a SyntaxError with the filename and the source line as text', () => {
    const e = thrown('x = 1\nwhile x:\n    pass\nbreak\n', 'mod.py');
    expect([e.kind, e.filename, e.text, e.lineno, e.offset, e.end_offset]).toEqual(['SyntaxError', 'mod.py', 'break\n', 4, 1, 6]);
  });

  it('counts columns in UTF-8 bytes, as CPython 3.11 does for compiler errors', () => {
    // compile() gives offset 12, end_offset 19 here: 'é' and 'ü' are two bytes each.
    const e = thrown('é = "ü"; yield x\r\nz = 1', 'u.py');
    expect([e.text, e.offset, e.end_offset]).toEqual(['é = "ü"; yield x\r\n', 12, 19]);
  });

  it('has no text for compiler-made code (line -1)', () => {
    const e = thrown('try:\n    pass\nexcept* E:\n    with x:\n        break\n', 'g.py');
    expect([e.lineno, e.offset, e.text, e.end_lineno, e.end_offset]).toEqual([-1, 0, null, -1, 0]);
  });
});
