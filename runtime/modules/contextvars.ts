/**
 * Python's `contextvars` (PEP 567): ContextVar, Token, Context and
 * copy_context, made in runtime/asyncio/contexts.ts, in whose Contexts
 * asyncio's Tasks and callbacks run. Its exports are exactly the module's
 * attributes.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { callableClass } from '../builtins/callableClass.js';
import { ContextImpl, ContextVarImpl, TokenImpl, copyContext } from '../asyncio/contexts.js';

export const __name__ = 'contextvars';

export const ContextVar = callableClass(ContextVarImpl);
(ContextVar as unknown as { $kw: unknown }).$kw = (args: unknown[], kw: Record<string, unknown>) => new ContextVarImpl(...args, kw);
export const Token = callableClass(TokenImpl);
export const Context = callableClass(ContextImpl);

export function copy_context(): ContextImpl {
  return copyContext();
}
