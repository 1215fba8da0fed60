"""Random Python programs for differential tests of the compile checks.

Built from the constructs the checks care about (nested functions, classes,
lambdas, comprehensions, loops, try/finally/except*, with, match, global,
nonlocal, walrus, yield, await, starred targets, __debug__), with a `risk`
knob: the probability of choosing a construct that may be refused where it
stands. Deterministic for a given seed. Some programs do not parse; the
oracle drops those.
"""
import random

class G:
    def __init__(self, seed, risk):
        self.r = random.Random(seed)
        self.risk = risk
    def bad(self):
        return self.r.random() < self.risk
    def name(self):
        r = self.r
        if self.bad() and r.random() < 0.3: return r.choice(['__debug__', '__p', 'super'])
        return r.choice(['x', 'y', 'z', 'a', 'b'])
    def safe_name(self):
        return self.r.choice(['x', 'y', 'z', 'a', 'b'])
    def expr(self, d=0):
        r = self.r
        if d > 2 or r.random() < 0.4:
            return r.choice(['a', self.name(), '1', '-1', "'s'", 'None', '(1, 2)', '__debug__'])
        if self.bad():
            k = r.randrange(8)
            if k == 0: return '(yield %s)' % self.expr(d+1)
            if k == 1: return '(yield from %s)' % self.expr(d+1)
            if k == 2: return '(await %s)' % self.expr(d+1)
            if k == 3: return '[%s async for %s in %s]' % (self.expr(d+1), self.name(), self.expr(d+1))
            if k == 4: return '(%s := %s)' % (self.name(), self.expr(d+1))
            if k == 5: return 'f(%s=1, %s=2)' % (self.name(), self.name())
            if k == 6: return '(%s for %s in %s)' % (self.expr(d+1), self.name(), self.expr(d+1))
            return '[%s for %s in %s if (%s := 1)]' % (self.expr(d+1), self.name(), self.expr(d+1), self.name())
        k = r.randrange(10)
        if k == 0: return '[%s for %s in %s]' % (self.expr(d+1), self.name(), self.expr(d+1))
        if k == 1: return '{%s: %s for %s, %s in %s}' % (self.name(), self.expr(d+1), self.name(), self.name(), self.expr(d+1))
        if k == 2: return '(lambda %s=%s: %s)' % (self.name(), self.expr(d+1), self.expr(d+1))
        if k == 3: return 'f(%s, *%s, k=%s, **%s)' % (self.expr(d+1), self.name(), self.expr(d+1), self.name())
        if k == 4: return '(%s if %s else %s)' % (self.expr(d+1), self.expr(d+1), self.expr(d+1))
        if k == 5: return 'a.m(%s, k=%s)' % (self.expr(d+1), self.expr(d+1))
        if k == 6: return '{%s: %s, **%s}' % (self.expr(d+1), self.expr(d+1), self.name())
        if k == 7: return 'f"{%s!r:>{%s}}"' % (self.name(), self.name())
        if k == 8: return '(%s < %s < %s)' % (self.expr(d+1), self.expr(d+1), self.expr(d+1))
        return '(%s, *%s)' % (self.expr(d+1), self.name())
    def target(self):
        r = self.r
        k = r.randrange(8)
        if k == 0: return '%s, *%s' % (self.name(), self.name())
        if k == 1 and self.bad(): return '*%s, *%s' % (self.name(), self.name())
        if k == 2: return 'a.%s' % self.name()
        if k == 3: return '[%s, (%s, %s)]' % (self.name(), self.name(), self.name())
        if k == 4: return 'a[%s]' % self.expr()
        return self.name()
    def pattern(self, d=0):
        r = self.r
        if d > 2: return r.choice([self.name(), '_', '1', '-1.5', '1+2j', "'k'"])
        k = r.randrange(12)
        if k == 0: return '[%s, %s]' % (self.pattern(d+1), self.pattern(d+1))
        if k == 1: return '%s | %s' % (self.pattern(d+1), self.pattern(d+1))
        if k == 2: return '{%s: %s, %s: %s}' % (r.choice(['1', "'a'", '-1', '2j']), self.pattern(d+1), r.choice(['1', '2', 'True', '1.0', '-1', "'a'", 'a.b', '-0.0', '0', '1-0j', "b'a'"]), self.pattern(d+1))
        if k == 3: return 'C(%s, %s=%s, %s=%s)' % (self.pattern(d+1), self.name(), self.pattern(d+1), self.name(), self.pattern(d+1))
        if k == 4: return '(%s) as %s' % (self.pattern(d+1), self.name())
        if k == 5: return '[*%s, %s]' % (r.choice([self.name(), '_']), self.pattern(d+1))
        if k == 6: return '{1: %s, **%s}' % (self.pattern(d+1), self.name())
        return r.choice([self.name(), '_', '1', 'a.b', 'None', '[]', '{}'])
    def simple(self):
        r = self.r
        safe = [
            lambda: 'pass', lambda: self.expr(), lambda: '%s = %s' % (self.target(), self.expr()),
            lambda: '%s: int = %s' % (self.name(), self.expr()), lambda: 'a.b: %s' % self.expr(),
            lambda: 'a[%s]: %s' % (self.expr(), self.expr()), lambda: '(%s): %s' % (self.name(), self.expr()),
            lambda: 'import m.n as %s' % self.name(), lambda: 'from m import %s' % self.name(),
            lambda: '%s += %s' % (self.name(), self.expr()), lambda: 'del %s, a[1]' % self.name(),
            lambda: 'raise %s from %s' % (self.expr(), self.expr()), lambda: 'assert %s, %s' % (self.expr(), self.expr()),
            lambda: 'print(%s)' % self.expr(),
        ]
        risky = [
            lambda: 'break', lambda: 'continue', lambda: 'return', lambda: 'return %s' % self.expr(),
            lambda: 'global %s' % self.name(), lambda: 'nonlocal %s' % self.name(),
            lambda: '%s: int' % self.name(), lambda: 'from m import *', lambda: 'yield', lambda: 'await a',
        ]
        return r.choice(risky if self.bad() else safe)()
    def block(self, depth, indent):
        out = []
        for _ in range(self.r.randint(1, 3)):
            out += self.stmt(depth, indent)
        return out
    def stmt(self, depth, indent):
        r = self.r
        pad = ' ' * indent
        if depth >= 4 or r.random() < 0.4:
            return [pad + self.simple()]
        sub = lambda: self.block(depth + 1, indent + 1)
        k = r.randrange(16)
        if k == 0:
            params = r.sample(['a', 'b', 'x', 'y', 'z'], 5) if not self.bad() else [self.name() for _ in range(5)]
            return [pad + 'def f(%s, /, %s=%s, *%s, %s, **%s):' % (params[0], params[1], self.expr(), params[2], params[3], params[4])] + sub()
        if k == 1: return [pad + 'async def g(%s):' % self.name()] + sub()
        if k == 2: return [pad + '@%s' % self.expr(), pad + 'class C(%s):' % r.choice(['', 'B', 'metaclass=M', self.expr()])] + sub()
        if k == 3: return [pad + 'for %s in %s:' % (self.target(), self.expr())] + sub() + ([pad + 'else:'] + sub() if r.random() < 0.3 else [])
        if k == 4:
            if not self.bad():
                return [pad + 'async def ag():', pad + ' async for %s in %s:' % (self.name(), self.expr())] + self.block(depth + 2, indent + 2)
            return [pad + 'async for %s in %s:' % (self.name(), self.expr())] + sub()
        if k == 5: return [pad + 'while %s:' % self.expr()] + sub()
        if k == 6: return [pad + 'if %s:' % self.expr()] + sub() + ([pad + 'elif %s:' % self.expr()] + sub() if r.random() < 0.3 else [])
        if k == 7: return [pad + 'with %s as %s, %s:' % (self.expr(), self.target(), self.expr())] + sub()
        if k == 8:
            if not self.bad():
                return [pad + 'async def ag():', pad + ' async with a as %s:' % self.name()] + self.block(depth + 2, indent + 2)
            return [pad + 'async with a as %s:' % self.name()] + sub()
        if k == 9: return [pad + 'try:'] + sub() + [pad + 'finally:'] + sub()
        # Handler names avoid __debug__: CPython ignores that error there and
        # reports whatever fails next (see compileChecks.ts).
        if k == 10: return [pad + 'try:'] + sub() + [pad + 'except* E as %s:' % self.safe_name()] + sub() + ([pad + 'else:'] + sub() if r.random() < 0.3 else [])
        if k == 11:
            out = [pad + 'try:'] + sub()
            hs = ['except E:', 'except (E, F) as %s:' % self.safe_name()] + (['except:'] if self.bad() else [])
            for h in r.sample(hs, r.randint(1, len(hs))):
                out += [pad + h] + sub()
            if r.random() < 0.3: out += [pad + 'else:'] + sub()
            if r.random() < 0.3: out += [pad + 'finally:'] + sub()
            return out
        if k == 12:
            out = [pad + 'match %s:' % self.expr()]
            for _ in range(r.randint(1, 3)):
                out += [pad + ' case %s%s:' % (self.pattern(), r.choice(['', ' if %s' % self.expr()]))] + self.block(depth + 1, indent + 2)
            return out
        if k == 13: return [pad + 'def h(%s: %s = %s) -> %s:' % (self.name(), self.expr(), self.expr(), self.expr())] + sub()
        if k == 14: return [pad + 'class D:'] + sub()
        return [pad + 'def k():'] + sub()

def programs(seed, count, risk):
    out = []
    for i in range(count):
        g = G(seed * 100003 + i, risk)
        prefix = ''
        if g.r.random() < 0.1: prefix = 'from __future__ import annotations\n'
        out.append(prefix + '\n'.join(g.block(0, 0)) + '\n')
    return out
