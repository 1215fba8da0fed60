/** `import` statements (stub). */
import type * as t from '@babel/types';
import type * as py from '../ast/nodes.js';
import type { TransformContext } from './context.js';

export function Import(node: py.Import, ctx: TransformContext): t.Statement[] {
  return ctx.unsupported('imports', node);
}

export function ImportFrom(node: py.ImportFrom, ctx: TransformContext): t.Statement[] {
  return ctx.unsupported('imports', node);
}
