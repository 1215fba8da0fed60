import { describe, expect, it } from 'vitest';
import '../../index.js';
import { makeClass, object, type PyClass } from '../classes.js';
import { type } from '../types.js';
import { getattr } from '../attributes.js';
import { PLAIN_GET } from '../attributeKeys.js';
import { calculateMetaclass, metaclassOf } from './metaclasses.js';

const typeClass = type as unknown as PyClass;

function metaclass(name: string, bases: unknown[] = [typeClass]): PyClass {
  return makeClass(name, bases, (ns) => {
    ns['__module__'] = '__main__';
  });
}

/** A class made by `meta`, as `class Name(metaclass=meta): x = 1` makes it. */
function classOf(name: string, meta: PyClass, bases: unknown[] = []): PyClass {
  return makeClass(name, bases, (ns) => {
    ns['__module__'] = '__main__';
    ns['x'] = 1;
  }, { metaclass: meta });
}

describe('metaclasses', () => {
  it('leaves classes of plain type as they were', () => {
    const plain = makeClass('Plain', [], () => {});
    expect(metaclassOf(plain)).toBe(typeClass);
    expect(Object.getPrototypeOf(plain)).toBe(Function.prototype);
    expect(type(plain)).toBe(typeClass);
  });

  it('keeps a metaclass-made class a JS function whose fast paths defer to getattr', () => {
    const Meta = metaclass('Meta');
    const A = classOf('A', Meta);
    expect(type(A)).toBe(Meta);
    expect(typeof A.call).toBe('function');
    expect((A as unknown as Record<string, unknown>)[PLAIN_GET]).toBe(false);
    expect(getattr(A, 'x')).toBe(1);
  });

  it('picks the most derived metaclass and refuses unrelated ones', () => {
    const Meta = metaclass('Meta');
    const Sub = metaclass('Sub', [Meta]);
    const Other = metaclass('Other');
    const A = classOf('A', Meta);
    const B = classOf('B', Other);
    expect(calculateMetaclass(typeClass, [A])).toBe(Meta);
    expect(calculateMetaclass(Sub, [A])).toBe(Sub);
    expect(calculateMetaclass(Meta, [classOf('C', Sub)])).toBe(Sub);
    expect(() => calculateMetaclass(typeClass, [A, B])).toThrow(/metaclass conflict/);
    expect(calculateMetaclass(typeClass, [object])).toBe(typeClass);
  });
});
