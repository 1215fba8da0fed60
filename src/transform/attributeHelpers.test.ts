/** isPlainName against the pattern it implements by code units; the shape of the method-call helper. */
import { describe, expect, it } from 'vitest';
import { helperDeclaration, isPlainName } from './attributeHelpers.js';
import { parse } from '../parser/parser.js';
import { analyze } from '../semantics/checks.js';
import { TransformContext } from './context.js';
import { printStatement } from '../codegen.js';

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

describe('isPlainName', () => {
  it('accepts exactly the names matching [A-Za-z_][A-Za-z0-9_]*, except __proto__', () => {
    const names = ['', '_', 'x', 'X1', '1x', '__init__', 'a_b9', 'é', 'aé', 'a-b', 'a$', '__proto__', 'proto', 'a b', '\u212a'];
    // Code units alone and after a letter: the character classes' edges (`@`, `[`, `` ` ``, `{`, `/`, `:`), and
    // those that `| 32` would fold onto a letter if the test were not exact.
    for (const c of [...Array(0x300).keys(), 0x1041, 0x1061, 0x2041, 0xff41, 0xd800, 0xffff]) names.push(String.fromCharCode(c), `a${String.fromCharCode(c)}`);
    const wrong = names.filter((name) => isPlainName(name) !== (PLAIN.test(name) && name !== '__proto__'));
    expect(wrong).toEqual([]);
  });
});

describe('the method-call helper', () => {
  it("reads the method's alias once the object is known not to be None, never as `o?.m$`", () => {
    // `o?.m$` merges the alias with the undefined of the None case, and TurboFan then no longer inlines the
    // method its call feedback names (richards' methods stayed calls); a plain read after the test does not.
    const ctx = new TransformContext('helpers.py', '', analyze(parse(''), 'helpers.py', ''));
    const text = printStatement(helperDeclaration(ctx, '$call$m$1', 'call', 'm', 1));
    expect(text).not.toContain('?.');
    expect(text).toContain('if (o != null) {\n    const f = o.m$;');
  });
});

describe('printed helpers', () => {
  it('read as each helper printed on its own, whether shared shapes or Babel print them', () => {
    // Names of plain shape (first use and reuse), names with builtin fast paths, a name needing escapes.
    const names = ['x', 'value', 'x', 'append', 'strip', 'get', 'énergie', 'a_rather_long_attribute_name'];
    const ctx = new TransformContext('helpers.py', '', analyze(parse(''), 'helpers.py', ''));
    const expected: string[] = [];
    for (const name of names) {
      ctx.attributes.get(name);
      ctx.attributes.set(name);
      for (const arity of [0, 2]) ctx.attributes.call(name, arity);
    }
    for (const name of [...new Set(names)]) {
      expected.push(printStatement(helperDeclaration(ctx, `$get$${name}`, 'get', name, undefined)));
      expected.push(printStatement(helperDeclaration(ctx, `$set$${name}`, 'set', name, undefined)));
      for (const arity of [0, 2]) expected.push(printStatement(helperDeclaration(ctx, `$call$${name}$${arity}`, 'call', name, arity)));
    }
    const { text, lines } = ctx.attributes.declarations();
    expect(text.split('\nconst ').map((s, i) => (i === 0 ? s : `const ${s}`)).sort()).toEqual(expected.sort());
    expect(lines).toBe(text.split('\n').length);
  });
});
