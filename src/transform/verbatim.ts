/**
 * Statements the transform writes as text rather than as trees: boilerplate
 * made the same way in every function and class (the argument-count check,
 * the `let` of the locals, a class body's `__module__` and `__qualname__`),
 * which would otherwise cost @babel/generator up to a dozen nodes each (an
 * eighth of all the nodes it printed over the standard library, each a
 * dispatch, parenthesis checks and source-map marks) for text that is known
 * whole before printing.
 *
 * The text rides in a string literal's `extra.raw`, which the printer
 * prints as it is (the way it keeps a literal's original spelling), as the
 * expression of an expression statement: the printer puts the statement's
 * `;` after it. So the text is one line, without the `;`, and must print as
 * the statement it stands for would (verbatim.test.ts compares them). Like
 * any other node it maps to its `loc` when it has one; the names inside it
 * get no mappings of their own.
 */
import * as t from './build.js';
import { rawExtra } from './quoted.js';

/** `text;`: `text` is one line, a statement without its `;`. */
export function verbatimStatement(text: string): t.ExpressionStatement {
  const literal = t.stringLiteral(text);
  literal.extra = rawExtra(text, text);
  return t.expressionStatement(literal);
}

/**
 * `text` as an expression, where any expression printed without
 * parentheses would print the same: the printer never parenthesizes a
 * string literal, so `text` must need no parentheses where it goes
 * (a call's argument, an `if`'s test, an element of a sequence).
 */
export function verbatimExpression(text: string): t.StringLiteral {
  const literal = t.stringLiteral(text);
  literal.extra = rawExtra(text, text);
  return literal;
}

/** `let a, b, $1;`: the names a scope binds and the temporaries its code uses, declared at its top. */
export function letStatement(names: readonly string[]): t.ExpressionStatement {
  return verbatimStatement(`let ${names.join(', ')}`);
}
