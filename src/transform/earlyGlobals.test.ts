import { describe, expect, it } from 'vitest';
import { parse } from '../parser/parser.js';
import { earlyGlobals } from './earlyGlobals.js';

function early(source: string): string[] {
  const tree = parse(source);
  if (tree.nodeType !== 'Module') throw new Error('not a module');
  return [...earlyGlobals(tree.body)].sort();
}

describe('earlyGlobals', () => {
  it('stops at the first call of the module’s own code', () => {
    expect(early('import re\nN = 3\ndef f(): return M\nf()\nM = 1\n')).toEqual(['N', 'f', 're']);
  });

  it('lets library calls given data through, not ones given a function of the module', () => {
    expect(early('import re\nP = re.compile("a+")\ndef key(x): return x\nS = sorted([2, 1], key=key)\nT = 1\n')).toEqual(['P', 'key', 're']);
  });

  it('accepts classes with library or plain bases, not a base with __init_subclass__', () => {
    expect(early('class A:\n  pass\nclass B(A, Exception):\n  x = 1\nC = 1\n')).toEqual(['A', 'B', 'C']);
    expect(early('class A:\n  def __init_subclass__(cls): pass\nclass B(A):\n  pass\nC = 1\n')).toEqual(['A']);
  });

  it('stops at a decorator or a default of the module’s own', () => {
    expect(early('def deco(f): return f\n@deco\ndef g(): pass\nH = 1\n')).toEqual(['deco']);
    expect(early('def f(): return 1\ndef g(x=f()): pass\n')).toEqual(['f']);
  });

  it('looks into if and try made of plain statements', () => {
    expect(early('try:\n  import json\nexcept ImportError:\n  json = None\nif True:\n  pass\nX = 1\n')).toEqual(['X', 'json']);
  });
});
