/** Generators (stub). */
import type * as t from '@babel/types';
import type * as py from '../ast/nodes.js';
import type { TransformContext } from './context.js';

export function Yield(node: py.Yield, ctx: TransformContext): t.Expression {
  return ctx.unsupported('generators', node);
}

export function YieldFrom(node: py.YieldFrom, ctx: TransformContext): t.Expression {
  return ctx.unsupported('generators', node);
}

export function GeneratorExp(node: py.GeneratorExp, ctx: TransformContext): t.Expression {
  return ctx.unsupported('generator expressions', node);
}

/**
 * The body of a generator function: called by functions.ts with the
 * function's compiled body when its scope is a generator; returns the
 * statements the JS function runs when called.
 */
export function generatorFunctionBody(node: py.FunctionDef | py.Lambda, body: t.Statement[], ctx: TransformContext): t.Statement[] {
  return ctx.unsupported('generators', node);
}
