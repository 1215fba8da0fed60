/** `TryStar` (stub: filled in by its owner). */
import type * as t from '@babel/types';
import type * as py from '../ast/nodes.js';
import type { TransformContext } from './context.js';

export function TryStar(node: py.TryStar, ctx: TransformContext): t.Statement[] {
  return ctx.unsupported('except*', node);
}
