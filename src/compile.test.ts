/**
 * compile(): an ES module and a v3 source map. The map is checked the way
 * esbuild checks its own: marker identifiers placed all over a program must
 * map back to the same identifier in the .py source.
 */
import { describe, expect, it } from 'vitest';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { compile } from './compile.js';

const PROGRAM = `def marker_fn(marker_a, marker_b=1):
    marker_c = marker_a + marker_b
    if marker_c > 10:
        return marker_c * 2
    for marker_i in range(marker_c):
        marker_c = marker_c - marker_i
    while marker_c < 0:
        marker_c += 1
    return [marker_a, (marker_b, marker_c)]

marker_x = marker_fn(5)
marker_y = f"{marker_x!r:>{marker_x}} é {marker_x}"
try:
    marker_z = marker_x[0] if marker_y else marker_x
except IndexError as marker_e:
    print(marker_e)

class MarkerClass(marker_x.__class__):
    marker_attr = marker_x
    def marker_method(self, marker_p, *, marker_k=2, **marker_kw):
        return super().marker_method(marker_p) + marker_k
    @property
    def marker_prop(self):
        return [marker_q * 2 for marker_q in self.marker_attr if marker_q]
marker_l = lambda marker_v: marker_v.marker_method(1, marker_k=3)
`;


describe('compile', () => {
  const { code, map } = compile(PROGRAM, { filename: 'markers.py' });

  it('returns an ES module importing the runtime, and a v3 map with the source inlined', () => {
    expect(code).toMatch(/^import \{.*\} from "pyasync\/runtime";/);
    expect(code).toContain('export {');
    expect(map.version).toBe(3);
    expect(map.sources).toEqual(['markers.py']);
    expect(map.sourcesContent).toEqual([PROGRAM]);
  });

  it('maps every marker identifier back to itself in the .py file', () => {
    const tracer = new TraceMap(map as never);
    const pyLines = PROGRAM.split('\n');
    const jsLines = code.split('\n');
    let checked = 0;
    // The module's generated helpers (`const $get$x = function (o) {…};`) come before the program's code, its footer after.
    const footerStart = jsLines.findIndex((line) => line.startsWith("// Assignments to this module's globals"));
    let inHelper = false;
    jsLines.forEach((line, i) => {
      if (footerStart >= 0 && i >= footerStart) return;
      if (line.startsWith('const $') && line.endsWith('{')) inHelper = true;
      if (inHelper) {
        if (line === '};') inHelper = false;
        return;
      }
      // Declarations and the export list are the module's own, not the program's.
      if (/^\s*(let|var|export) /.test(line)) return;
      // Names inside string literals (a `$def` signature) are data, not code.
      const code = line.replace(/"(?:[^"\\]|\\.)*"/g, (s) => ' '.repeat(s.length));
      for (const m of code.matchAll(/(?<![\w$])marker_[a-z]+/g)) {
        const pos = originalPositionFor(tracer, { line: i + 1, column: m.index! });
        expect(pos.source, `${m[0]} at ${i + 1}:${m.index}`).toBe('markers.py');
        const original = pyLines[pos.line! - 1]!.slice(pos.column!);
        expect(original.startsWith(m[0]), `${m[0]} at ${i + 1}:${m.index} maps to ${JSON.stringify(original)}`).toBe(true);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(30);
  });

  it('reports what it does not compile yet as a SyntaxError-shaped error with the position', () => {
    expect(() => compile('x = 1\nbreakpoint()\n', { filename: 'c.py' })).toThrow(
      expect.objectContaining({ msg: "pyasync does not compile the builtin 'breakpoint' yet", lineno: 2, offset: 1 }),
    );
  });
});
