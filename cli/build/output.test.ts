import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeIfChanged } from './output.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pyasync-output-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeIfChanged', () => {
  it('writes a new file (and its folder), leaves one already right alone, rewrites one that differs', () => {
    const path = join(dir, 'a', 'b.js');
    expect(writeIfChanged(path, 'x = 1;\n')).toBe(true);
    expect(writeIfChanged(path, 'x = 1;\n')).toBe(false);
    // Same size, other content: read and compared, not judged by size.
    expect(writeIfChanged(path, 'x = 2;\n')).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('x = 2;\n');
    // Same length in UTF-16, other size in bytes.
    expect(writeIfChanged(path, 'x = é;\n')).toBe(true);
    expect(writeIfChanged(path, 'x = é;\n')).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('x = é;\n');
    expect(readdirSync(join(dir, 'a'))).toEqual(['b.js']);
  });
});
