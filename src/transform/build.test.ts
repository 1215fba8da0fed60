/**
 * build.ts against @babel/types: every node the transform makes for the
 * fixtures (and a program using the rarer constructs) is rebuilt with
 * @babel/types' validating builder from its own fields, with each optional
 * argument left out in turn, and must come out the same as build.ts's
 * builder makes it from the same arguments: same fields, in the same
 * order, with the same values. @babel/types' builder throwing means the
 * transform made a node it would have rejected.
 */
import { describe, expect, it } from 'vitest';
import * as babel from '@babel/types';
import * as build from './build.js';
import { fixturePrograms, programOf } from './testing.js';
import { parse } from '../parser/parser.js';
import { analyze } from '../semantics/checks.js';
import { TransformContext } from './context.js';
import { helperDeclaration } from './attributeHelpers.js';

type Builder = (...args: unknown[]) => Record<string, unknown>;

/** The builders build.ts defines itself (the rest are @babel/types' own). */
const OWN = new Set(Object.keys(build).filter((name) => {
  const ours = (build as Record<string, unknown>)[name];
  return typeof ours === 'function' && ours !== (babel as Record<string, unknown>)[name];
}));
const ours = build as unknown as Record<string, Builder>;
const theirs = babel as unknown as Record<string, Builder>;

const builderName = (type: string): string => type[0]!.toLowerCase() + type.slice(1);

const RARE = `
def g(a, *b, c=1, **d):
    x = yield a
    y = yield from b
    return x
for i in range(3):
    if i: break
    while i:
        continue
else:
    pass
try:
    1 / 0
except* ValueError as e:
    pass
match g:
    case [1, *rest]: pass
    case {"k": v, **kw}: pass
    case str() | bytes(): pass
with open("f") as f, open("g") as h:
    pass
n = 10 ** 30
del n
import os.path as p
from os import sep
print(f"{n!r:>{n}}", -n, not n, n if n else p, [*b], {**d}, lambda q=1: q)
`;

function* nodes(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) {
    for (const v of value) yield* nodes(v);
  } else if (value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
    const node = value as Record<string, unknown>;
    yield node;
    for (const key of babel.VISITOR_KEYS[node.type as string] ?? []) yield* nodes(node[key]);
  }
}

/**
 * Same fields in the same order, each the same value (a fresh default array counts as the same when its items are),
 * but for the `loc: null` slot build.ts adds last.
 */
function sameShape(ours: Record<string, unknown>, theirs: Record<string, unknown>): boolean {
  const keys = Object.keys(ours);
  if (keys[keys.length - 1] !== 'loc' || ours.loc !== null || 'loc' in theirs) return false;
  keys.pop();
  const theirKeys = Object.keys(theirs);
  if (keys.join() !== theirKeys.join()) return false;
  return keys.every((k) => {
    const a = ours[k];
    const b = theirs[k];
    if (Object.is(a, b)) return true;
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  });
}

describe('build.ts', () => {
  it('defines its builders over @babel/types', () => {
    expect(OWN.size).toBeGreaterThan(40);
    for (const name of OWN) expect(typeof (babel as Record<string, unknown>)[name]).toBe('function');
  });

  it("makes the nodes @babel/types' builders make, and the transform's nodes all validate", () => {
    const programs = [...fixturePrograms()].map((f) => f.program);
    const rare = programOf('rare.py', RARE);
    expect(rare).not.toBeNull();
    programs.push(rare!);
    // The attribute helpers are printed apart from the program (attributeHelpers.ts), but are built with build.ts too.
    const ctx = new TransformContext('helpers.py', '', analyze(parse(''), 'helpers.py', ''));
    programs.push(build.program([
      helperDeclaration(ctx, '$get$x', 'get', 'x', undefined),
      helperDeclaration(ctx, '$set$x', 'set', 'x', undefined),
      helperDeclaration(ctx, '$call$m$2', 'call', 'm', 2),
      helperDeclaration(ctx, '$call$append$1', 'call', 'append', 1),
      helperDeclaration(ctx, '$call$strip$0', 'call', 'strip', 0),
      helperDeclaration(ctx, '$call$get$2', 'call', 'get', 2),
    ]));
    const met = new Set<string>();
    const failures: string[] = [];
    let checked = 0;
    for (const program of programs) {
      for (const node of nodes(program)) {
        const name = builderName(node.type as string);
        if (!OWN.has(name)) continue;
        met.add(name);
        const keys = babel.BUILDER_KEYS[node.type as string]!;
        const args = keys.map((k) => node[k]);
        // All arguments given: @babel/types validates them (and throws if the transform made a bad node).
        if (!sameShape(ours[name]!(...args), theirs[name]!(...args))) failures.push(`${name}(${keys.join(', ')})`);
        // Trailing arguments left out: the same defaults.
        for (let n = args.length - 1; n >= 0; n--) {
          let real: Record<string, unknown>;
          try {
            real = theirs[name]!(...args.slice(0, n));
          } catch {
            break;
          }
          if (!sameShape(ours[name]!(...args.slice(0, n)), real)) failures.push(`${name} with ${n} arguments`);
        }
        checked++;
      }
    }
    expect([...new Set(failures)]).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
    expect([...OWN].filter((name) => !met.has(name))).toEqual([]);
  });
});
