/**
 * Attribute access specialised per name. `obj.x`, `obj.x = v` and
 * `obj.m(a)` compile to calls of small functions the module defines once per
 * attribute name (`$get$x(obj)`, `$set$x(obj, v)`, `$call$m$1(obj, a)`):
 * each reads the property by its literal name, so V8 caches the lookup for
 * the classes that name is used with, and instances of Python classes take
 * the direct path; anything else (builtin values, modules, descriptors,
 * `__getattr__`, `__setattr__`, `__slots__`) goes on to the runtime's
 * general `getattr`/`setattr`/`callMethod`.
 */
import * as t from './build.js';
import type { TransformContext } from './context.js';

/** The JS name of a helper: `$` never occurs in Python names, so these cannot clash. */
function helperName(kind: 'get' | 'set' | 'call', name: string, arity?: number): string {
  return arity === undefined ? `$${kind}$${name}` : `$${kind}$${name}$${arity}`;
}

/** Whether a Python attribute name can be written as a JS property name after a dot. */
export function isPlainName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && name !== '__proto__';
}

export class AttributeHelpers {
  private readonly wanted = new Map<string, { kind: 'get' | 'set' | 'call'; name: string; arity?: number }>();

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

  private want(kind: 'get' | 'set' | 'call', name: string, arity?: number): t.Identifier {
    const id = helperName(kind, name, arity);
    if (!this.wanted.has(id)) this.wanted.set(id, { kind, name, arity });
    return t.identifier(id);
  }

  /** The helper functions the module uses, as declarations for its end (they are hoisted). */
  declarations(): t.Statement[] {
    const ctx = this.ctx;
    const out: t.Statement[] = [];
    const o = t.identifier('o');
    const v = t.identifier('v');
    const f = t.identifier('f');
    const prop = (target: t.Expression, name: string): t.MemberExpression => t.memberExpression(target, t.identifier(name));
    const sym = (target: t.Expression, symbol: string): t.MemberExpression => t.memberExpression(target, ctx.rt(symbol), true);
    for (const [id, { kind, name, arity }] of [...this.wanted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const literal = t.stringLiteral(name);
      const isInstance = t.binaryExpression('!==', sym(o, 'CLASS'), t.identifier('undefined'));
      let body: t.Statement[];
      let params: t.Identifier[];
      if (kind === 'get') {
        // An instance's own attribute or a class constant; functions (to bind) take the general path.
        // (staticmethod/classmethod are accessors on the prototype, so no descriptor object is found here.)
        params = [o];
        const found = t.logicalExpression('&&', t.binaryExpression('!==', v, t.identifier('undefined')), t.logicalExpression('&&',
          t.binaryExpression('!==', t.unaryExpression('typeof', v), t.stringLiteral('function')), isInstance));
        body = [
          t.variableDeclaration('const', [t.variableDeclarator(v, t.optionalMemberExpression(o, t.identifier(name), false, true))]),
          t.returnStatement(t.conditionalExpression(found, v, t.callExpression(ctx.rt('getattr'), [o, literal]))),
        ];
      } else if (kind === 'set') {
        params = [o, v];
        const plain = t.logicalExpression('&&', t.binaryExpression('!=', o, t.nullLiteral()), t.logicalExpression('&&', isInstance,
          t.binaryExpression('===', sym(o, 'CUSTOM_SETATTR'), t.identifier('undefined'))));
        body = [t.ifStatement(plain,
          t.blockStatement([t.expressionStatement(t.assignmentExpression('=', prop(o, name), v))]),
          t.blockStatement([t.expressionStatement(t.callExpression(ctx.rt('setattr'), [o, literal, v]))]))];
      } else {
        // A Python function found on the instance's class (not shadowed by an own attribute) gets the instance first.
        const args = Array.from({ length: arity! }, (_, i) => t.identifier(`a${i}`));
        params = [o, ...args];
        const method = t.logicalExpression('&&', t.binaryExpression('===', t.unaryExpression('typeof', f), t.stringLiteral('function')),
          t.logicalExpression('&&', t.binaryExpression('!==', sym(f, 'SIGNATURE'), t.identifier('undefined')), t.logicalExpression('&&', isInstance,
            t.binaryExpression('===', prop(t.callExpression(t.memberExpression(t.identifier('Object'), t.identifier('getPrototypeOf')), [o]), name), f))));
        body = [
          t.variableDeclaration('const', [t.variableDeclarator(f, t.optionalMemberExpression(o, t.identifier(name), false, true))]),
          t.returnStatement(t.conditionalExpression(method, t.callExpression(f, [o, ...args]), t.callExpression(ctx.rt('callMethod'), [o, literal, ...args]))),
        ];
      }
      out.push(t.functionDeclaration(t.identifier(id), params, t.blockStatement(body)));
    }
    return out;
  }
}
