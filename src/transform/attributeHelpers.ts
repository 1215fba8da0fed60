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
 * compile time and output size (about a quarter more on class-heavy code);
 * false gives one helper per name for the whole module.
 */
const COPY_PER_SCOPE = true;

export class AttributeHelpers {
  private readonly wanted = new Map<string, { kind: 'get' | 'set' | 'call'; name: string; arity?: number; base: string }>();
  /** Per helper kind and name: the helper's id for each scope that uses it. */
  private readonly perScope = new Map<string, Map<Scope | null, string>>();

  constructor(private readonly ctx: TransformContext) {}

  get(name: string): t.Identifier {
    return this.want('get', name);
  }

  set(name: string): t.Identifier {
    return this.want('set', name);
  }

  call(name: string, arity: number): t.Identifier {
    return this.want('call', name, arity);
  }

  /**
   * Each function (each scope) gets its own copy of a helper: V8 keeps what
   * a function has learnt about the objects it saw (its inline caches) per
   * function, and inlines that knowledge with it, so one copy per scope
   * sees only the classes that scope uses, as a hand-written `o.x` would.
   * The first copy of a helper has the plain name, later ones `$2`, `$3`…
   */
  private want(kind: 'get' | 'set' | 'call', name: string, arity?: number): t.Identifier {
    const base = helperName(kind, name, arity);
    let scopes = this.perScope.get(base);
    if (scopes === undefined) this.perScope.set(base, (scopes = new Map()));
    const scope = COPY_PER_SCOPE ? this.ctx.scope : null;
    let id = scopes.get(scope);
    if (id === undefined) {
      id = scopes.size === 0 ? base : `${base}$${scopes.size + 1}`;
      scopes.set(scope, id);
      this.wanted.set(id, { kind, name, arity, base });
    }
    return t.identifier(id);
  }

  /**
   * The helper functions the module uses, as declarations for its end (they
   * are hoisted). Each is kept small — V8 inlines small functions into their
   * callers without counting them against its inlining budget — by testing
   * string-keyed markers the runtime keeps on class prototypes (see
   * runtime/builtins/attributeKeys.ts): `$plainGet`/`$plainSet` say an
   * instance's attributes are plain properties, `m$` is the class's method
   * `m` when calling it passes the instance first.
   */
  declarations(): t.Statement[] {
    const ctx = this.ctx;
    const out: t.Statement[] = [];
    const o = t.identifier('o');
    const v = t.identifier('v');
    const f = t.identifier('f');
    const undef = t.identifier('undefined');
    const prop = (target: t.Expression, name: string): t.MemberExpression => t.memberExpression(target, t.identifier(name));
    const notNull = t.binaryExpression('!=', o, t.nullLiteral());
    // The copies of a helper share its parameters and body: printing does not mind, and it saves building them again.
    const built = new Map<string, { params: t.Identifier[]; body: t.BlockStatement }>();
    for (const [id, { kind, name, arity, base }] of [...this.wanted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const copy = built.get(base);
      if (copy !== undefined) {
        out.push(t.functionDeclaration(t.identifier(id), copy.params, copy.body));
        continue;
      }
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
      const block = t.blockStatement(body);
      built.set(base, { params, body: block });
      out.push(t.functionDeclaration(t.identifier(id), params, block));
    }
    return out;
  }
}
