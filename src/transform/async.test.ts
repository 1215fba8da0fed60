/**
 * The code `async def`, `await` and blocking calls compile to: the fast
 * paths are taken only where the coroutine object cannot escape, blocking
 * calls are awaited where the code can wait, and rejected elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';
import { PySyntaxError } from '../diagnostics.js';

function js(source: string): string {
  return compile(source, { filename: 'main.py', moduleName: '__main__' }).code;
}

function error(source: string): PySyntaxError {
  try {
    js(source);
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  throw new Error('compiled without error');
}

describe('async def', () => {
  it('returns a lazy coroutine of a separate async body function', () => {
    const code = js('async def f(a, b=2):\n    return a + b\n');
    expect(code).toContain('async function f$(a, b) {');
    expect(code).toContain('return $coroutine(f$, [a, b]);');
    expect(code).toContain("f = $asyncDef(($d0 => $def(function f(a, b = $d0) {");
    expect(code).toContain('const $top = $enter();');
    expect(code).toContain('throw $coroutineFailed($e, $top);');
    expect(code).toContain('return $ret($add(a, b), $top);');
    expect(code).toContain('"f", __file__, 1, true, true)');
  });

  it('gives the token of $enter to every end of a body only when no return of it is followed by a finally', () => {
    const code = js('async def f(x):\n    if x:\n        return 1\n    try:\n        return 2\n    finally:\n        print(x)\n');
    // The token is still taken (suspensions record their line with it), but no end gets it.
    expect(code).toContain('const $top = $enter();');
    expect(code).not.toMatch(/\$ret\([^)]*\$top|\$coroutineFailed\(\$e, \$top/);
    expect(code).toContain('return $ret(1);');
    expect(code).toContain('throw $coroutineFailed($e);');
    expect(code).toContain('"f", __file__, 1, true)');
  });

  it('calls the body directly for `await f(x)` of a module-level async def nothing rebinds, while f is still that function', () => {
    const code = js('async def f(n):\n    return await f(n - 1) if n else 0\n');
    expect(code).toContain('$un(($1 = f === f$.$def ? $now(f$($subInt(n, 1))) : $aw(f($subInt(n, 1)))) instanceof $Promise ? await $suspendAt($top, 2, $1) : $1)');
  });

  it('reports every return of a coroutine body, bare and implicit ones included, but not those of nested functions', () => {
    const code = js('async def f(x):\n    if x:\n        return\n    def g():\n        return 1\n    print(g())\n');
    expect(code).toContain('return $ret(null, $top);');
    expect(code).toMatch(/function g\(\) \{[^}]*return 1;/);
    expect(code.match(/return \$ret\(null, \$top\);/g)?.length).toBe(2);
  });

  it('keeps the coroutine object when the function may be rebound or the call does not fill every parameter', () => {
    expect(js('async def f(n=1):\n    return await f()\n')).toContain('$un(($1 = $aw(f())) instanceof $Promise ? await $suspendAt($top, 2, $1) : $1)');
    expect(js('async def f(n):\n    return await f(n)\nf = 3\n')).toContain('$un(($1 = $aw(f(n))) instanceof $Promise ? await $suspendAt($top, 2, $1) : $1)');
    // A decorator of the module's own runs its code: `f` is bound after that, so its calls are checked (earlyGlobals.ts).
    expect(js('def deco(g):\n    return g\n@deco\nasync def f(n):\n    return await f(n)\n')).toContain('$un(($1 = $aw($calledGlobal(f, "f")(n))) instanceof $Promise ? await $suspendAt($top, 5, $1) : $1)');
  });

  it('awaits asyncio.sleep without making a coroutine object', () => {
    expect(js('from asyncio import sleep\nasync def f():\n    return await sleep(1, 2)\n')).toContain('$un(await $suspendAt($top, 3, $sleepNow(1, 2)))');
    // A local variable named asyncio is not the module.
    expect(js('import asyncio\nasync def f(asyncio):\n    await asyncio.sleep(0)\n')).not.toMatch(/\$sleep(Now|Turn)/);
  });

  it('awaits asyncio.sleep(d) as a statement through a turn batch, then asks whether the task resumed', () => {
    expect(js('import asyncio\nasync def f():\n    await asyncio.sleep(0)\n')).toContain('  for ($1 = $sleepTurn(0); $1 !== null; $1 = $resumed()) await $suspendAt($top, 3, $1);');
    // With a result argument, in an expression or in an `except` block: the plain form.
    expect(js('import asyncio\nasync def f():\n    await asyncio.sleep(0, g())\n')).toContain('  await $suspendAt($top, 3, $sleepNow(0, g()));');
    expect(js('import asyncio\nasync def f():\n    x = await asyncio.sleep(0)\n')).toContain('x = $un(await $suspendAt($top, 3, $sleepNow(0)));');
    expect(js('import asyncio\nasync def f():\n    try:\n        pass\n    except Exception:\n        await asyncio.sleep(0)\n')).not.toContain('$sleepTurn');
  });

  it('unboxes an awaited value only where it is used', () => {
    const code = js('async def f(g):\n    await g()\n    x = await g()\n    return x\n');
    expect(code).toContain('\n    ($1 = $aw(g())) instanceof $Promise ? await $suspendAt($top, 2, $1) : $1;');
    expect(code).toContain('x = $un(($2 = $aw(g())) instanceof $Promise ? await $suspendAt($top, 3, $2) : $2);');
  });

  it('awaits `o.get()` and `o.put(x)` through the queue helpers, with the method-call helper as the fallback', () => {
    const code = js('async def f(q, x):\n    await q.put(x)\n    return await q.get()\n');
    expect(code).toMatch(/\$awaitPut\(q, x, \$call\$put\$1\)\) instanceof \$Promise/);
    expect(code).toMatch(/\$awaitGet\(q, \$call\$get\$0\)\) instanceof \$Promise/);
    expect(code).toContain('const $call$get$0 = function (o)');
    // Other arities, keywords and plain calls keep the general path.
    const other = js('async def f(q, d):\n    await d.get(1)\n    await q.put(1, block=True)\n    c = q.get()\n    await c\n');
    expect(other).not.toContain('$awaitGet');
    expect(other).not.toContain('$awaitPut');
  });

  it('names body functions apart when a name is defined twice', () => {
    const code = js('async def f():\n    pass\nasync def f():\n    pass\n');
    expect(code).toContain('async function f$(');
    expect(code).toContain('async function f$1(');
  });

  it('compiles an async generator to a JS async generator wrapped at the call, yielding boxed values', () => {
    const code = js('async def g(x):\n    yield x\n    await x\n    yield 2\n');
    expect(code).toContain('return $asyncGenerator(async function* () {');
    expect(code).toContain('yield $box(x);');
    expect(code).toContain('yield 2;');
    // A statement's await: no unboxing of the value nobody reads.
    expect(code).toContain('($1 = $aw(x)) instanceof $Promise ? await $1 : $1;');
    expect(code).toMatch(/g = \$asyncGenDef\(\$def\(function g\(x\)/);
  });

  it('awaits a comprehension with `await` or `async for` in place, as an async arrow', () => {
    const code = js('async def f(ait, g):\n    return [x async for x in ait if await g(x)]\n');
    expect(code).toContain('await (async $iter => {');
    expect(code).toContain('})($asyncForIter(ait))');
    expect(code).toContain('$item0 = $un(await $asyncForNext($iter));');
    expect(code).toContain('if ($e instanceof $StopAsyncIteration) break;');
    // A comprehension without either stays a plain arrow.
    expect(js('async def f(xs):\n    return [x for x in xs]\n')).not.toContain('async $iter');
  });

  it('compiles asynchronous generator expressions to async generators over the outermost iterable', () => {
    const awaiting = js('async def f(y):\n    return (await x for x in y)\n');
    expect(awaiting).toContain('$asyncGenerator(async function* ($iter) {');
    expect(awaiting).toContain('for (const $item0 of $iter)');
    expect(awaiting).toContain('"f.<locals>.<genexpr>", $iterate(y))');
    const asyncFor = js('async def f(y):\n    return list(x async for x in y)\n');
    expect(asyncFor).toContain('$item0 = $un(await $asyncForNext($iter));');
    expect(asyncFor).toContain('"f.<locals>.<genexpr>", $asyncForIter(y))');
  });
});

describe('blocking calls', () => {
  it('awaits asyncio.run at module level and makes the plain functions calling it async', () => {
    const code = js('import asyncio\nasync def m():\n    pass\ndef main():\n    return asyncio.run(m())\nif __name__ == "__main__":\n    main()\n');
    expect(code).toMatch(/main = \$def\(async function main\(\)/);
    expect(code).toContain('return $box($un(await $blk(');
    expect(code).toContain('$un(await $blk(main()))');
  });

  it('recognises run imported from asyncio and run_until_complete', () => {
    expect(js('from asyncio import run as go\nasync def m():\n    pass\ngo(m())\n')).toContain('$un(await $blk(go(m())))');
    expect(js('import asyncio\nasync def m():\n    pass\nloop = asyncio.new_event_loop()\nloop.run_until_complete(m())\n'))
      .toContain('$un(await $blk($call$run_until_complete$1(loop, m())))');
  });

  it('is a compile-time error where the code cannot wait', () => {
    const e = error('import asyncio\nasync def m():\n    pass\nclass App:\n    def go(self):\n        asyncio.run(m())\n');
    expect(e.msg).toMatch(/^pyasync cannot make this call block/);
    expect(e.lineno).toBe(6);
    expect(error('import asyncio\nasync def m():\n    pass\nf = lambda: asyncio.run(m())\n').lineno).toBe(4);
  });

  it('awaits unittest.main where it can wait (IsolatedAsyncioTestCases run on the loop), else calls it plainly', () => {
    expect(js('import unittest\nunittest.main()\n')).toMatch(/\$un\(await \$blk\(.*main.*\)\)/);
    expect(js('from unittest import main as m\ndef go():\n    m(exit=False)\ngo()\n')).toContain('$un(await $blk(go()))');
    const nested = js('import unittest\nclass App:\n    def go(self):\n        unittest.main()\n');
    expect(nested).not.toContain('await');
  });
});
