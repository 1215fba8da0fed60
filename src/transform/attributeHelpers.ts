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
import { builtinMethodFastPaths, hasBuiltinMethodFastPaths } from './builtinMethods.js';
import type { Scope } from '../semantics/scopes.js';
import { lineCount, printStatement } from '../codegen.js';
import { ownCopy, ProcessCache } from './processCache.js';

/** The JS name of a helper: `$` never occurs in Python names, so these cannot clash. */
type HelperKind = 'get' | 'set' | 'call' | 'mcall';

function helperName(kind: HelperKind, name: string, arity?: number): string {
  return arity === undefined ? `$${kind}$${name}` : `$${kind}$${name}$${arity}`;
}

/** Whether a Python attribute name can be written as a JS property name after a dot. */
export function isPlainName(name: string): boolean {
  // `[A-Za-z_][A-Za-z0-9_]*` by code units: every attribute access asks, and a regular expression costs more per call.
  const n = name.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    const lower = c | 32;
    if (c === 95 || (lower >= 97 && lower <= 122) || (i > 0 && c >= 48 && c <= 57)) continue;
    return false;
  }
  return name !== '__proto__';
}

/**
 * One copy of each helper per scope that uses it (see `want`). The cost is
 * output size (copies are two fifths of the standard library's output) and
 * little compile time, since copies reuse one printed text (`declarations`);
 * false gives one helper per name for the whole module.
 */
const COPY_PER_SCOPE = true;

/**
 * One helper (kind, name, arity), shared by every module compiled in the
 * process: its name and, once printed, its declaration's text. A module
 * looks it up once, on its first use of the name, and keeps it with the
 * ids of its copies (ModuleHelper).
 */
interface Template {
  readonly kind: HelperKind;
  readonly name: string;
  readonly arity: number | undefined;
  /** The first copy's name (`$get$x`). */
  readonly base: string;
  printed: Printed | undefined;
}

/** A helper a module uses: the ids of its copies per scope. */
interface ModuleHelper {
  readonly template: Template;
  readonly ids: Map<Scope | null, string>;
}

export class AttributeHelpers {
  /** The helpers the module uses (each with its copies' ids), in order of first use. */
  private readonly used: ModuleHelper[] = [];
  /** Per attribute name (and for calls per arity). */
  private readonly getters = new Map<string, ModuleHelper>();
  private readonly setters = new Map<string, ModuleHelper>();
  private readonly callers = new Map<string, (ModuleHelper | undefined)[]>();
  private readonly moduleCallers = new Map<string, (ModuleHelper | undefined)[]>();

  constructor(private readonly ctx: TransformContext) {}

  get(name: string): t.Identifier {
    let helper = this.getters.get(name);
    if (helper === undefined) this.getters.set(name, (helper = this.first(template('get', name, undefined))));
    return this.want(helper);
  }

  set(name: string): t.Identifier {
    let helper = this.setters.get(name);
    if (helper === undefined) this.setters.set(name, (helper = this.first(template('set', name, undefined))));
    return this.want(helper);
  }

  call(name: string, arity: number): t.Identifier {
    let byArity = this.callers.get(name);
    if (byArity === undefined) this.callers.set(name, (byArity = []));
    const helper = (byArity[arity] ??= this.first(template('call', name, arity)));
    return this.want(helper);
  }

  /**
   * `mod.f(a)` where `mod` is a global an `import mod` binds: a helper that
   * calls a module's function directly (`$mcall$f$1`), and anything else
   * as `call` would (the name may be rebound: the helper checks).
   */
  moduleCall(name: string, arity: number): t.Identifier {
    let byArity = this.moduleCallers.get(name);
    if (byArity === undefined) this.moduleCallers.set(name, (byArity = []));
    const helper = (byArity[arity] ??= this.first(template('mcall', name, arity)));
    return this.want(helper);
  }

  /** Whether the module reads or calls the attribute `name` anywhere. */
  reads(name: string): boolean {
    return this.getters.has(name) || this.callers.has(name) || this.moduleCallers.has(name);
  }

  private first(template: Template): ModuleHelper {
    const helper: ModuleHelper = { template, ids: new Map() };
    this.used.push(helper);
    return helper;
  }

  /**
   * Each function (each scope) gets its own copy of a helper: V8 keeps what
   * a function has learnt about the objects it saw (its inline caches) per
   * function, and inlines that knowledge with it, so one copy per scope
   * sees only the classes that scope uses, as a hand-written `o.x` would.
   * The first copy of a helper has the plain name, later ones `$2`, `$3`…
   */
  private want(helper: ModuleHelper): t.Identifier {
    const scope = COPY_PER_SCOPE ? this.ctx.scope : null;
    const ids = helper.ids;
    let id = ids.get(scope);
    if (id === undefined) {
      id = ids.size === 0 ? helper.template.base : `${helper.template.base}$${ids.size + 1}`;
      ids.set(scope, id);
    }
    return t.identifier(id);
  }

  /**
   * The helper functions the module uses, as the text of their declarations
   * for the module's start, after the runtime import and before any code
   * that calls them: each is a `const` holding a function expression, which
   * V8's optimizing compiler treats as a constant when it inlines a call (a
   * function declaration is a mutable binding it must load and check at
   * every call). A helper's text depends only on its kind, name and arity,
   * so each is built and printed once per process (on its Template) and its
   * copies are that text under another name: a quarter or more of a
   * class-heavy module's output, at the cost of a string concatenation.
   * With the text, its line count (codegen.ts's `printAround` needs it):
   * summed from each helper's, counted once per process.
   */
  declarations(): { text: string; lines: number } {
    const ctx = this.ctx;
    // Sorted by name (code unit order, as `<` compares strings; bases are unique), each helper's copies after it
    // in the order they were made: sorting the helpers, not each copy, compares fewer strings.
    const used = this.used.sort((a, b) => (a.template.base < b.template.base ? -1 : 1));
    // Appended rather than joined: the module's text is concatenated once more (codegen.ts) and flattened
    // by whoever reads it, so a join would copy these characters (two fifths of the output) once more.
    let out = '';
    let lines = 0;
    // The runtime lists already recorded: most helpers share one (every getter's is `getattr` alone).
    let recorded: Set<RuntimeList> | null = null;
    for (let i = 0; i < used.length; i++) {
      const helper = used[i]!;
      const template = helper.template;
      let printed = template.printed;
      if (printed === undefined) {
        // printedTemplate records the runtime exports the helper uses, as ctx.rt does.
        printed = template.printed = printedTemplate(ctx, template);
        (recorded ??= new Set()).add(printed.runtime);
      } else if (!(recorded ??= new Set()).has(printed.runtime)) {
        // What ctx.rt records, without making the identifiers; once per list, as recording again changes nothing.
        recorded.add(printed.runtime);
        const imports = ctx.runtimeImports;
        for (const [local, n] of printed.runtime) imports.set(local, n);
      }
      const afterName = printed.afterName;
      // forEach: no [scope, id] pair per copy.
      helper.ids.forEach((id) => {
        out = out === '' ? `const ${id}${afterName}` : `${out}\nconst ${id}${afterName}`;
      });
      // Joined by newlines: the copies' lines add up.
      lines += printed.lines * helper.ids.size;
    }
    return { text: out, lines: out === '' ? 1 : lines };
  }

  /** The declarations `declarations()` prints, as trees (for the tests; call it after `declarations()`). */
  trees(): t.Statement[] {
    const trees: t.Statement[] = [];
    for (const { template, ids } of this.used) {
      ids.forEach((id) => trees.push(helperDeclaration(this.ctx, id, template.kind, template.name, template.arity)));
    }
    return trees;
  }
}

/** The runtime exports a helper's declaration uses, as [local name, export name] for the module's runtime import. */
type RuntimeList = readonly (readonly [string, string])[];

interface Printed {
  readonly afterName: string;
  /** The declaration's lines (the name holds no newline). */
  readonly lines: number;
  /** Shared by the helpers whose lists are equal (runtimeList). */
  readonly runtime: RuntimeList;
}

/** One list object per content, so that a module records each list once (`declarations`); few differ. */
const RUNTIME_LISTS = new ProcessCache<RuntimeList>();

function runtimeList(runtime: [string, string][]): RuntimeList {
  const key = runtime.map(([local, name]) => `${local} ${name}`).join(',');
  let list = RUNTIME_LISTS.get(key);
  if (list === undefined) RUNTIME_LISTS.set(key, (list = runtime));
  return list;
}

/** Per helper kind and attribute name (per arity for calls): the process's templates. */
const GETTERS = new ProcessCache<Template>();
const SETTERS = new ProcessCache<Template>();
const CALLERS = new ProcessCache<(Template | undefined)[]>();
const MODULE_CALLERS = new ProcessCache<(Template | undefined)[]>();

/** The process's template for a helper, made on first use anywhere. */
function template(kind: HelperKind, name: string, arity: number | undefined): Template {
  const callers = kind === 'call' ? CALLERS : kind === 'mcall' ? MODULE_CALLERS : null;
  const byArity = callers?.get(name);
  const found = callers !== null ? byArity?.[arity!] : (kind === 'get' ? GETTERS : SETTERS).get(name);
  if (found !== undefined) return found;
  const own = ownCopy(name);
  // Made once per process: a module's sort compares it (a rope, flattened by its first comparison).
  const made: Template = { kind, name: own, arity, base: helperName(kind, own, arity), printed: undefined };
  if (callers === null) {
    (kind === 'get' ? GETTERS : SETTERS).set(own, made);
  } else if (byArity !== undefined) {
    byArity[arity!] = made;
  } else {
    const list: (Template | undefined)[] = [];
    list[arity!] = made;
    callers.set(own, list);
  }
  return made;
}

/**
 * A helper's declaration printed, for the first module of the process that
 * uses it. Helpers of one kind and arity differ only by the attribute's
 * name (as a property and in a string literal), unless builtin methods of
 * that name add fast paths or the name needs escaping: the others copy one
 * printed shape with the name put in, as printing each would give.
 */
function printedTemplate(ctx: TransformContext, template: Template): Printed {
  const { kind, name, arity } = template;
  if (isPlainName(name) && !(kind === 'call' && hasBuiltinMethodFastPaths(name))) {
    const shapes = SHAPES[kind];
    const shape = (shapes[arity ?? 0] ??= printedShape(ctx, kind, arity));
    // What ctx.rt records, without making the identifiers.
    for (const [local, n] of shape.runtime) ctx.runtimeImports.set(local, n);
    return { afterName: shape.parts.join(name), lines: shape.lines, runtime: shape.runtime };
  }
  const printed = printedDeclaration(ctx, template.base, kind, name, arity);
  return { afterName: printed.afterName, lines: lineCount(printed.afterName), runtime: runtimeList(printed.runtime) };
}

/** A name no helper's fixed text contains, standing for the attribute's. */
const NAME = 'pyasync$name';

interface Shape {
  /** The declaration after its name, cut where the attribute's name goes. */
  readonly parts: readonly string[];
  readonly lines: number;
  readonly runtime: RuntimeList;
}

/** Per kind, per arity (0 for get and set): the shape helpers of plain names share. */
const SHAPES: Record<Template['kind'], (Shape | undefined)[]> = { get: [], set: [], call: [], mcall: [] };

function printedShape(ctx: TransformContext, kind: Template['kind'], arity: number | undefined): Shape {
  const { afterName, runtime } = printedDeclaration(ctx, helperName(kind, NAME, arity), kind, NAME, arity);
  return { parts: afterName.split(NAME), lines: lineCount(afterName), runtime: runtimeList(runtime) };
}

/** `helperDeclaration` printed, without `const <id>`, and the runtime exports it uses. */
function printedDeclaration(ctx: TransformContext, id: string, kind: Template['kind'], name: string, arity: number | undefined): { afterName: string; runtime: [string, string][] } {
  const runtime: [string, string][] = [];
  // ctx itself, except that it records the runtime exports the helper uses, to import them again on later uses of the text.
  const recording = Object.create(ctx, {
    rt: { value: (n: string) => { const local = ctx.rt(n); runtime.push([local.name, n]); return local; } },
  }) as TransformContext;
  const text = printStatement(helperDeclaration(recording, id, kind, name, arity));
  return { afterName: text.slice(`const ${id}`.length), runtime };
}

/**
 * A helper's declaration, `const $get$x = function (o) {…};`. Each is kept
 * small, since every inlined helper spends its caller's inlining budget
 * (their 41–60 bytes of bytecode are above the size V8 inlines for free,
 * `--max-inlined-bytecode-size-small`, 27; richards measured 11% faster
 * with that limit raised to 61), by testing string-keyed markers the
 * runtime keeps on class prototypes (see
 * runtime/builtins/attributeKeys.ts): `$plainGet`/`$plainSet` say an
 * instance's attributes are plain properties, `m$` is the class's method
 * `m` when calling it passes the instance first.
 */
export function helperDeclaration(ctx: TransformContext, id: string, kind: HelperKind, name: string, arity: number | undefined): t.Statement {
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
  } else if (kind === 'mcall') {
    // A module's function whose call needs no keyword handling (runtime calls.ts `plainCallable`): called as it is,
    // with the property read by its literal name (a keyed read of a module namespace is slow); else as `call` would.
    const args = Array.from({ length: arity! }, (_, i) => t.identifier(`a${i}`));
    params = [o, ...args];
    body = [
      t.ifStatement(t.callExpression(ctx.rt('isModule'), [o]), t.blockStatement([
        t.variableDeclaration('const', [t.variableDeclarator(f, prop(o, name))]),
        t.ifStatement(t.callExpression(ctx.rt('plainCallable'), [f]), t.returnStatement(t.callExpression(f, args))),
      ])),
      t.returnStatement(t.callExpression(ctx.rt('callMethod'), [o, literal, ...args])),
    ];
  } else {
    // The class's plain Python method, not shadowed by an own attribute: called with the instance first.
    // The alias is read only once `o` is known not to be null, never as `o?.m$`: that read's value would
    // merge with the undefined of the null case, and TurboFan then calls `f` as an unknown function
    // rather than inlining the method its feedback names (as it does for a hand-written `o.m()`).
    const args = Array.from({ length: arity! }, (_, i) => t.identifier(`a${i}`));
    params = [o, ...args];
    const method = t.logicalExpression('&&', t.logicalExpression('&&', t.binaryExpression('!==', f, undef),
      t.binaryExpression('===', prop(o, name), f)), t.binaryExpression('!==', prop(o, '$plainGet'), t.booleanLiteral(false)));
    body = [
      ...builtinMethodFastPaths(ctx, name, o, args),
      t.ifStatement(notNull, t.blockStatement([
        t.variableDeclaration('const', [t.variableDeclarator(f, prop(o, `${name}$`))]),
        t.ifStatement(method, t.returnStatement(t.callExpression(f, [o, ...args]))),
      ])),
      t.returnStatement(t.callExpression(ctx.rt('callMethod'), [o, literal, ...args])),
    ];
  }
  // Anonymous: V8 names the function after the constant, so stacks show `$get$x` (which tracebacks leave out).
  return t.variableDeclaration('const', [t.variableDeclarator(t.identifier(id), t.functionExpression(null, params, t.blockStatement(body)))]);
}
