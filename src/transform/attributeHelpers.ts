/**
 * Attribute access specialised per name. `obj.x`, `obj.x = v` and
 * `obj.m(a)` compile to calls of small functions the module defines per
 * attribute name and scope (`$get$x(obj)`, `$set$x(obj, v)`, `$call$m$1(obj, a)`):
 * each reads the property by its literal name, so V8 caches the lookup for
 * the classes that scope uses that name with, and instances of Python classes take
 * the direct path; anything else (builtin values, modules, descriptors,
 * `__getattr__`, `__setattr__`, `__slots__`) goes on to the runtime's
 * general `getattr`/`setattr`/`callMethod`.
 */
import * as t from './build.js';
import type { TransformContext } from './context.js';
import { builtinMethodFastPaths } from './builtinMethods.js';
import type { Scope } from '../semantics/scopes.js';
import { printStatement } from '../codegen.js';

/** The JS name of a helper: `$` never occurs in Python names, so these cannot clash. */
function helperName(kind: 'get' | 'set' | 'call', name: string, arity?: number): string {
  return arity === undefined ? `$${kind}$${name}` : `$${kind}$${name}$${arity}`;
}

/** Whether a Python attribute name can be written as a JS property name after a dot. */
export function isPlainName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && name !== '__proto__';
}

/**
 * One copy of each helper per scope that uses it (see `want`). The cost is
 * output size (copies are two fifths of the standard library's output) and
 * little compile time, since copies reuse one printed text (`declarations`);
 * false gives one helper per name for the whole module.
 */
const COPY_PER_SCOPE = true;

export class AttributeHelpers {
  private readonly wanted = new Map<string, { kind: 'get' | 'set' | 'call'; name: string; arity?: number; base: string }>();
  /** Per attribute name (and for calls per arity): the helper's id for each scope that uses it. */
  private readonly getters = new Map<string, Map<Scope | null, string>>();
  private readonly setters = new Map<string, Map<Scope | null, string>>();
  private readonly callers = new Map<string, (Map<Scope | null, string> | undefined)[]>();

  constructor(private readonly ctx: TransformContext) {}

  get(name: string): t.Identifier {
    return this.want(scopesOf(this.getters, name), 'get', name);
  }

  set(name: string): t.Identifier {
    return this.want(scopesOf(this.setters, name), 'set', name);
  }

  call(name: string, arity: number): t.Identifier {
    let byArity = this.callers.get(name);
    if (byArity === undefined) this.callers.set(name, (byArity = []));
    const scopes = (byArity[arity] ??= new Map());
    return this.want(scopes, 'call', name, arity);
  }

  /**
   * Each function (each scope) gets its own copy of a helper: V8 keeps what
   * a function has learnt about the objects it saw (its inline caches) per
   * function, and inlines that knowledge with it, so one copy per scope
   * sees only the classes that scope uses, as a hand-written `o.x` would.
   * The first copy of a helper has the plain name, later ones `$2`, `$3`…
   */
  private want(scopes: Map<Scope | null, string>, kind: 'get' | 'set' | 'call', name: string, arity?: number): t.Identifier {
    const scope = COPY_PER_SCOPE ? this.ctx.scope : null;
    let id = scopes.get(scope);
    if (id === undefined) {
      const base = helperName(kind, name, arity);
      id = scopes.size === 0 ? base : `${base}$${scopes.size + 1}`;
      scopes.set(scope, id);
      this.wanted.set(id, { kind, name, arity, base });
    }
    return t.identifier(id);
  }

  /**
   * The helper functions the module uses, as the text of their declarations
   * for the module's end (they are hoisted). A helper's text depends only on
   * its kind, name and arity, so each is built and printed once per process
   * (PRINTED) and its copies are that text under another name: a quarter or
   * more of a class-heavy module's output, at the cost of a string concatenation.
   */
  declarations(): string {
    const ctx = this.ctx;
    const out: string[] = [];
    // Sorted by name (code unit order, as `<` compares strings).
    for (const id of [...this.wanted.keys()].sort()) {
      const { kind, name, arity, base } = this.wanted.get(id)!;
      let printed = PRINTED.get(base);
      if (printed === undefined) {
        if (PRINTED.size >= PRINTED_LIMIT) PRINTED.clear();
        const runtime: string[] = [];
        // ctx itself, except that it records the runtime exports the helper uses, to import them again on later uses of the text.
        const recording = Object.create(ctx, { rt: { value: (n: string) => (runtime.push(n), ctx.rt(n)) } }) as TransformContext;
        const text = printStatement(helperDeclaration(recording, base, kind, name, arity));
        printed = { afterName: text.slice(`function ${base}`.length), runtime };
        PRINTED.set(base, printed);
      } else {
        for (const n of printed.runtime) ctx.rt(n);
      }
      out.push(`function ${id}${printed.afterName}`);
    }
    return out.join('\n');
  }
}

function scopesOf(helpers: Map<string, Map<Scope | null, string>>, name: string): Map<Scope | null, string> {
  let scopes = helpers.get(name);
  if (scopes === undefined) helpers.set(name, (scopes = new Map()));
  return scopes;
}

/** Per helper (`$get$x`): its printed declaration after `function $get$x`, and the runtime exports it uses. */
const PRINTED = new Map<string, { afterName: string; runtime: string[] }>();
/** Bounds the cache for long-lived compilers (a bundler's watch mode); the standard library has fewer distinct helpers. */
const PRINTED_LIMIT = 50_000;

/**
 * A helper's declaration. Each is kept small — V8 inlines small functions
 * into their callers without counting them against its inlining budget —
 * by testing string-keyed markers the runtime keeps on class prototypes (see
 * runtime/builtins/attributeKeys.ts): `$plainGet`/`$plainSet` say an
 * instance's attributes are plain properties, `m$` is the class's method
 * `m` when calling it passes the instance first.
 */
export function helperDeclaration(ctx: TransformContext, id: string, kind: 'get' | 'set' | 'call', name: string, arity: number | undefined): t.Statement {
  const o = t.identifier('o');
  const v = t.identifier('v');
  const f = t.identifier('f');
  const undef = t.identifier('undefined');
  const prop = (target: t.Expression, name: string): t.MemberExpression => t.memberExpression(target, t.identifier(name));
  const notNull = t.binaryExpression('!=', o, t.nullLiteral());
  const literal = t.stringLiteral(name);
  let body: t.Statement[];
  let params: t.Identifier[];
  if (kind === 'get') {
    // An instance's own attribute or a class constant; functions (to bind) take the general path.
    params = [o];
    body = [
      t.ifStatement(t.logicalExpression('&&', notNull, prop(o, '$plainGet')), t.blockStatement([
        t.variableDeclaration('const', [t.variableDeclarator(v, prop(o, name))]),
        t.ifStatement(t.logicalExpression('&&', t.binaryExpression('!==', v, undef),
          t.binaryExpression('!==', t.unaryExpression('typeof', v), t.stringLiteral('function'))), t.returnStatement(v)),
      ])),
      t.returnStatement(t.callExpression(ctx.rt('getattr'), [o, literal])),
    ];
  } else if (kind === 'set') {
    // A function stored on an instance takes the general path, which keeps it from being called as a method.
    params = [o, v];
    const plain = t.logicalExpression('&&', t.logicalExpression('&&', notNull, prop(o, '$plainSet')),
      t.binaryExpression('!==', t.unaryExpression('typeof', v), t.stringLiteral('function')));
    body = [t.ifStatement(plain,
      t.expressionStatement(t.assignmentExpression('=', prop(o, name), v)),
      t.expressionStatement(t.callExpression(ctx.rt('setattr'), [o, literal, v])))];
  } else {
    // The class's plain Python method, not shadowed by an own attribute: called with the instance first.
    const args = Array.from({ length: arity! }, (_, i) => t.identifier(`a${i}`));
    params = [o, ...args];
    const method = t.logicalExpression('&&', t.logicalExpression('&&', t.binaryExpression('!==', f, undef),
      t.binaryExpression('===', prop(o, name), f)), t.binaryExpression('!==', prop(o, '$plainGet'), t.booleanLiteral(false)));
    body = [
      ...builtinMethodFastPaths(ctx, name, o, args),
      t.variableDeclaration('const', [t.variableDeclarator(f, t.optionalMemberExpression(o, t.identifier(`${name}$`), false, true))]),
      t.returnStatement(t.conditionalExpression(method, t.callExpression(f, [o, ...args]), t.callExpression(ctx.rt('callMethod'), [o, literal, ...args]))),
    ];
  }
  return t.functionDeclaration(t.identifier(id), params, t.blockStatement(body));
}
