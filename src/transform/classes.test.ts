import { describe, expect, it } from 'vitest';
import { compile } from '../compile.js';

/** How many `__classcell__` assignments the compiled module makes. */
function classCells(source: string): number {
  return compile(source, { filename: 'm.py' }).code.split('$ns.__classcell__ = __class__').length - 1;
}

describe('the __class__ cell', () => {
  it('is made for a class whose method calls super()', () => {
    expect(classCells('class A:\n    def f(self):\n        return super().f()\n')).toBe(1);
  });

  it('is made for a method naming __class__', () => {
    expect(classCells('class A:\n    def f(self):\n        return __class__\n')).toBe(1);
  });

  it('is not made when no function in the body names either', () => {
    expect(classCells('class A:\n    x = 1\n    def f(self):\n        return self.x\n')).toBe(0);
  });

  it('is not made for super named in the class body itself, nor in a comment or a string', () => {
    expect(classCells('class A:\n    # super()\n    s = "super __class__"\n    t = super\n')).toBe(0);
  });

  it('belongs to the nested class whose method calls super(), not to the enclosing one', () => {
    expect(classCells('class A:\n    class B:\n        def f(self):\n            return super().f()\n')).toBe(1);
  });

  it('is made for a name spelled with letters NFKC turns into super', () => {
    expect(classCells('class A:\n    def f(self):\n        return \uff53uper().f()\n')).toBe(1);
  });
});
