import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { isKeyword } from './state.js';

describe('isKeyword', () => {
  it("agrees with CPython's keyword.kwlist, soft keywords and near misses excluded", () => {
    const kwlist = JSON.parse(execFileSync('python3', ['-c', 'import json, keyword; print(json.dumps(keyword.kwlist))'], { encoding: 'utf8' })) as string[];
    for (const k of kwlist) expect(isKeyword(k)).toBe(true);
    for (const name of ['match', 'case', '_', 'self', 'x', 'i', 'nonlocals', 'Non', 'none', 'asyn', 'é', 'ifé', '']) {
      expect(isKeyword(name)).toBe(false);
    }
  });
});
