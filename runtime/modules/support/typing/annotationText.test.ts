/**
 * The reader of annotation text typing.ForwardRef uses: what it parses,
 * and what it refuses as CPython's compile would (or as it does not read).
 */
import { describe, expect, it } from 'vitest';
import '../../../index.js';
import { parseAnnotation } from './annotationText.js';

describe('parseAnnotation', () => {
  it('reads the expressions annotations are made of', () => {
    expect(parseAnnotation('List[Node]')).toEqual({ kind: 'subscript', value: { kind: 'name', id: 'List' }, slice: { kind: 'name', id: 'Node' } });
    expect(parseAnnotation('str | None')).toEqual({ kind: 'or', left: { kind: 'name', id: 'str' }, right: { kind: 'constant', value: null } });
    expect(parseAnnotation('Callable[[int, "C"], ...]')?.kind).toBe('subscript');
    expect(parseAnnotation('typing.Dict[str, int]')?.kind).toBe('subscript');
    expect(parseAnnotation('Literal[-1, 0x10, "a" "b"]')?.kind).toBe('subscript');
    expect(parseAnnotation('(int, str)')).toEqual({ kind: 'tuple', elts: [{ kind: 'name', id: 'int' }, { kind: 'name', id: 'str' }] });
    expect(parseAnnotation('*Ts')).toEqual({ kind: 'starred', value: { kind: 'name', id: 'Ts' } });
    expect(parseAnnotation('Tuple[()]')?.kind).toBe('subscript');
  });

  it('refuses what is no expression, and what it does not read', () => {
    for (const text of ['a b', '', 'List[', 'x[]', 'def', 'lambda: 1', 'f(x)', 'a < b', '"open']) expect(parseAnnotation(text)).toBeNull();
  });
});
