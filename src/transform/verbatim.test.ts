import { describe, expect, it } from 'vitest';
import * as t from '@babel/types';
import { printStatement } from '../codegen.js';
import { compile } from '../compile.js';
import { verbatimStatement } from './verbatim.js';

const count = (): t.MemberExpression => t.memberExpression(t.identifier('arguments'), t.identifier('length'));
const checkArgs = (test: t.Expression, ...named: t.Expression[]): t.Statement =>
  t.ifStatement(test, t.expressionStatement(t.callExpression(t.identifier('$checkArgs'), [count(), ...named])));

describe('verbatimStatement', () => {
  it('prints its text and the semicolon, as the statements written as text print as trees', () => {
    const cases: [string, t.Statement][] = [
      ['if (arguments.length !== 2) $checkArgs(arguments.length, f)', checkArgs(t.binaryExpression('!==', count(), t.numericLiteral(2)), t.identifier('f'))],
      [
        'if (arguments.length < 1 || arguments.length > 3) $checkArgs(arguments.length, "a, b=, c=", "C.<lambda>")',
        checkArgs(
          t.logicalExpression('||', t.binaryExpression('<', count(), t.numericLiteral(1)), t.binaryExpression('>', count(), t.numericLiteral(3))),
          t.stringLiteral('a, b=, c='),
          t.stringLiteral('C.<lambda>'),
        ),
      ],
      ['let a, b, $1', t.variableDeclaration('let', ['a', 'b', '$1'].map((n) => t.variableDeclarator(t.identifier(n))))],
    ];
    for (const [text, tree] of cases) expect(printStatement(verbatimStatement(text))).toBe(printStatement(tree));
  });

  it('indents with the block it is in', () => {
    const code = compile('def f(a, b=1):\n    x = a\n    return x\n', { filename: 'f.py' }).code;
    expect(code).toContain('\n  if (arguments.length < 1 || arguments.length > 2) $checkArgs(arguments.length, f);\n  let x;\n');
  });
});
