/**
 * Python's `contextvars` (PEP 567): ContextVar, Token, Context and
 * copy_context, over runtime/asyncio/contexts.ts, in whose Contexts
 * asyncio's Tasks and callbacks run. Its exports are exactly the module's
 * attributes.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { LookupError, RuntimeError, TypeError, ValueError } from '../builtins/exceptions.js';
import { callableClass } from '../builtins/callableClass.js';
import { repr } from '../builtins/repr.js';
import { ContextImpl, address, copyContext, currentContext, useContexts } from '../asyncio/contexts.js';
import { takeKeywords } from '../asyncio/keywords.js';

export const __name__ = 'contextvars';

/** A Token's `old_value` when the variable had no value: `Token.MISSING`. */
class TokenMissing {
  static readonly __name__ = 'Token.MISSING';
  __repr__(): string {
    return '<Token.MISSING>';
  }
}
const MISSING = new TokenMissing();

const NO_DEFAULT = Symbol('no default');

class ContextVarImpl {
  static readonly __name__ = 'ContextVar';
  static readonly __module__ = '_contextvars';
  readonly name: string;
  readonly $default: unknown;

  constructor(...args: unknown[]) {
    const kw = takeKeywords(args);
    const name = args[0] ?? kw?.['name'];
    if (typeof name !== 'string') throw new TypeError('context variable name must be a str');
    this.name = name;
    this.$default = kw !== null && Object.hasOwn(kw, 'default') ? kw['default'] : args.length > 1 ? args[1] : NO_DEFAULT;
    useContexts();
  }

  get(...args: unknown[]): unknown {
    const vars = currentContext().$vars;
    if (vars.has(this)) return vars.get(this);
    if (args.length > 0) return args[0];
    if (this.$default !== NO_DEFAULT) return this.$default;
    throw new LookupError(this);
  }

  set(value: unknown): TokenImpl {
    const context = currentContext();
    const old = context.$vars.has(this) ? context.$vars.get(this) : MISSING;
    context.$vars.set(this, value);
    return new TokenImpl(context, this, old);
  }

  reset(token: unknown): null {
    if (!(token instanceof TokenImpl)) throw new TypeError(`expected an instance of Token, got ${repr(token)}`);
    if (token.$used) throw new RuntimeError(`${repr(token)} has already been used once`);
    if (token.var !== this) throw new ValueError(`${repr(token)} was created by a different ContextVar`);
    const context = currentContext();
    if (token.$context !== context) throw new ValueError(`${repr(token)} was created in a different Context`);
    token.$used = true;
    if (token.old_value === MISSING) context.$vars.delete(this);
    else context.$vars.set(this, token.old_value);
    return null;
  }

  __repr__(): string {
    const dflt = this.$default === NO_DEFAULT ? '' : ` default=${repr(this.$default)}`;
    return `<ContextVar name=${repr(this.name)}${dflt} at ${address(this)}>`;
  }
}

class TokenImpl {
  static readonly __name__ = 'Token';
  static readonly __module__ = '_contextvars';
  $used = false;
  /** `token.var` (a parameter cannot be named `var`). */
  readonly var: ContextVarImpl;

  constructor(
    readonly $context: ContextImpl,
    variable: ContextVarImpl,
    readonly old_value: unknown,
  ) {
    this.var = variable;
  }

  __repr__(): string {
    return `<Token${this.$used ? ' used' : ''} var=${repr(this.var)} at ${address(this)}>`;
  }
}

export const ContextVar = callableClass(ContextVarImpl);
(ContextVar as unknown as { $kw: unknown }).$kw = (args: unknown[], kw: Record<string, unknown>) => new ContextVarImpl(...args, kw);
// A class attribute: the runtime finds a JS class's attributes on its prototype.
Object.defineProperty(TokenImpl.prototype, 'MISSING', { value: MISSING, enumerable: false });
export const Token = callableClass(TokenImpl);
export const Context = callableClass(ContextImpl);

export function copy_context(): ContextImpl {
  return copyContext();
}
