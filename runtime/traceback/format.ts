/**
 * The frame lines of a traceback (`  File "/abs/main.py", line 3, in f`,
 * the source line, its markers) for a Python exception, from the JS stack
 * V8 captured when the exception was created, mapped through the source
 * maps of the compiled modules. Frames of the runtime and of anything
 * that is not a compiled Python module are left out.
 *
 * An exception that was caught (a cause, a context, a group's member)
 * shows, as in CPython, only the frames from the one that caught it
 * inwards: the frames it shares with the exception raised while it was
 * handled are cut off, up to the catching frame.
 */
import { AttributeError, BaseException, NameError } from '../builtins/exceptions.js';
import { forEachChild } from '../../src/ast/walk.js';
import { dir } from '../builtins/types.js';
import { closestName, nameCandidates } from './suggestions.js';
import type { AST } from '../../src/ast/nodes.js';
import { limitFrames, type ExceptionRole } from '../program/main.js';
import { sourceLines } from './markers.js';
import { importStatement, locate, markerRange, type PyFrame } from './locate.js';
import { scopeOf, type Placed, type PythonModule } from './pythonSource.js';
import type { CatchSite, FrameInfo, TracebackRole, TracebackView } from '../builtins/frames.js';
import { jsFrames, stackFrames, type JsFrame } from './stack.js';
import { PyTraceback } from '../builtins/errors.js';
import { blockingSite } from '../builtins/blockingSites.js';

/**
 * The JS functions through which the runtime calls code whose exceptions it
 * reports: a callback (runtime/asyncio/events.ts), or a Task's step, which
 * starts its coroutine (runtime/asyncio/tasks.ts) — also when a step runs
 * inside another task's `await`, whose frames are not the task's; a
 * concurrent.futures Future's done callback, an executor's initializer
 * (runtime/modules/support/concurrent/), which run inside the program's call.
 */
const CALLBACK_BOUNDARIES: ReadonlySet<string | null> = new Set(['invokeCallback', '$step', 'invokeFutureCallback', 'runInitializer']);

/** Finds the compiled Python module a script URL holds, or null. */
export type ModuleLoader = (url: string) => PythonModule | null;

export class TracebackFormatter {
  private readonly modules = new Map<string, PythonModule | null>();
  private readonly frames = new WeakMap<object, readonly PyFrame[]>();
  private readonly located = new Map<string, PyFrame | null>();
  private readonly files = new Map<string, readonly string[]>();

  constructor(
    private readonly load: ModuleLoader,
    private readonly entryUrl: string | null,
    private readonly read: (path: string) => string | null = () => null,
  ) {}

  private module(url: string): PythonModule | null {
    let module = this.modules.get(url);
    if (module === undefined) {
      try {
        module = this.load(url);
      } catch {
        module = null;
      }
      this.modules.set(url, module);
    }
    return module;
  }

  /** The Python frame at a JS position, or null: found once per position (a loop that logs or raises asks again and again). */
  private locate(url: string, line: number, column: number): PyFrame | null {
    const key = `${url}:${line}:${column}`;
    let frame = this.located.get(key);
    if (frame === undefined) {
      const module = this.module(url);
      frame = module === null ? null : locate(module, line, column);
      this.located.set(key, frame);
    }
    return frame;
  }

  /** The Python frames `e` was raised through, outermost first. */
  pythonFrames(e: object): readonly PyFrame[] {
    let known = this.frames.get(e);
    if (known !== undefined) return known;
    known = this.collect(e, false);
    this.frames.set(e, known);
    return known;
  }

  /**
   * The Python frames of the stack where `here` was made (an Error made for
   * that alone), outermost first: the `wanted` innermost only, when given.
   */
  stackFrames(here: Error, wanted = Infinity): readonly PyFrame[] {
    const result: PyFrame[] = [];
    for (const frame of stackFrames(here)) {
      const located = this.pythonFrame(frame);
      if (located !== null && result.push(located) >= wanted) return result.reverse();
    }
    return this.withImports(result.reverse());
  }

  /**
   * The Python frames of `e` inside the callback the runtime called
   * (asyncio's `invokeCallback`, innermost): those of the code that called
   * the runtime are not the callback's.
   */
  private callbackFrames(e: object): readonly PyFrame[] {
    return this.collect(e, true);
  }

  private collect(e: object, callbackOnly: boolean): PyFrame[] {
    const result: PyFrame[] = [];
    for (const frame of jsFrames(e)) {
      if (callbackOnly && CALLBACK_BOUNDARIES.has(frame.name)) return result.reverse();
      const located = this.pythonFrame(frame);
      if (located !== null) result.push(located);
    }
    return this.withImports(result.reverse());
  }

  /** The Python frame a JS frame is, or null (the runtime's, a module's own helpers `$get$x`, `$call$m$1`…). */
  private pythonFrame(frame: JsFrame): PyFrame | null {
    if (frame.url === null || frame.name?.startsWith('$')) return null;
    return this.locate(frame.url, frame.line, frame.column);
  }

  /** All the frames of a stack, outermost first, with the imports that led to it. */
  private withImports(result: PyFrame[]): PyFrame[] {
    // An error in the body of an imported module: CPython's frames start with the import statements that led there.
    const outermost = result[0];
    if (outermost !== undefined && outermost.scope === null && this.entryUrl !== null && outermost.module.url !== this.entryUrl) {
      result.unshift(...this.importChain(outermost.module.url));
    }
    return result;
  }

  /**
   * The `import` statements through which the entry first imported the
   * module at `target` (ES modules are evaluated depth first, in the order
   * of their imports, as Python runs its import statements).
   */
  private importChain(target: string): PyFrame[] {
    const seen = new Set<string>();
    const search = (url: string): PyFrame[] | null => {
      if (seen.has(url)) return null;
      seen.add(url);
      const module = this.module(url);
      if (module === null) return null;
      let local: string | null = null;
      for (const imported of module.imports()) {
        if (imported.local !== null) local = imported.local;
        const rest = imported.url === target ? [] : search(imported.url);
        if (rest === null) continue;
        const statement = local === null ? null : importStatement(module, local);
        return statement === null ? rest : [statement, ...rest];
      }
      return null;
    };
    return (this.entryUrl !== null && search(this.entryUrl)) || [];
  }

  /** The frames of `e` as printed: those of a caught exception start at the frame that caught it. */
  framesFor(e: BaseException, role: ExceptionRole, parent: object | null): readonly PyFrame[] {
    if (role === 'callback') return this.callbackFrames(origin(e));
    const own = this.pythonFrames(origin(e));
    if (role === 'uncaught') return this.withBlockingSite(e, own);
    if (parent === null || own.length === 0) return own;
    // A cause's, context's or member's parent is an exception; a handled one's, the stack of its report.
    const outer = this.pythonFrames(parent instanceof BaseException ? origin(parent) : parent);
    if (role === 'handled') {
      // Where its handler was, when the compiled code said.
      const tb = e.__traceback__;
      const catcher = tb instanceof PyTraceback ? tb.$catcher : null;
      const caught = catcher === null ? -1 : caughtIndex(own, catcher);
      if (caught >= 0) return own.slice(caught);
      // The innermost of its frames whose function is on the report's stack caught it (after an `await`,
      // that stack holds only the coroutines resumed since, not what ran the first step).
      for (let i = own.length - 1; i > 0; i--) {
        const frame = own[i]!;
        if (outer.some((f) => f.scope === frame.scope && f.module === frame.module)) return own.slice(i);
      }
      return own;
    }
    let i = 0;
    while (i < own.length && i < outer.length && own[i]!.key === outer[i]!.key && own[i]!.module === outer[i]!.module) i++;
    if (i === own.length) return own.slice(own.length - 1);
    if (i < outer.length && own[i]!.scope === outer[i]!.scope && own[i]!.module === outer[i]!.module) return own.slice(i);
    return own.slice(Math.max(0, i - 1));
  }

  /** `own` after the frames outside the blocking call e came out of, unless own already runs through them. */
  private withBlockingSite(e: BaseException, own: readonly PyFrame[]): readonly PyFrame[] {
    const site = blockingSite(e);
    if (site === undefined) return own;
    const outside = this.pythonFrames(site);
    // Raised by the runtime (a signal handler's KeyboardInterrupt, a cancellation): the frames outside are all there are.
    if (own.length === 0) return outside;
    // Own frames that already reach the site's code (raised before the coroutine ever suspended) need nothing more.
    const first = own[0]!;
    const shared = outside.findIndex((f) => f.scope === first.scope && f.module === first.module);
    return shared >= 0 ? own : [...outside, ...own];
  }

  /**
   * The traceback of the exception whose stack `source` holds, as seen from
   * where `here` was made: its frames from the one that caught it (as
   * framesFor's 'handled'), and the stack down to that frame.
   */
  tracebackView(
    source: object, exception: unknown, here: Error, role: TracebackRole = 'handled', parent: object | null = null, catcher: CatchSite | null = null,
  ): TracebackView {
    const own = this.pythonFrames(source);
    const stack = this.pythonFrames(here);
    const innermost = own.at(-1);
    const attributeError = exception instanceof AttributeError;
    let unbound: string | null = null;
    if (exception instanceof NameError && typeof exception.name === 'string') unbound = exception.name;
    else if (source instanceof globalThis.ReferenceError) unbound = /^(\S+) is not defined$/.exec(source.message)?.[1]?.replace(/\$$/, '') ?? null;
    const describe = (frames: readonly PyFrame[]): FrameInfo[] => frames.map((f) => describeFrame(f, f === innermost, attributeError, unbound));
    if (role !== 'handled' && exception instanceof BaseException && parent !== null) {
      // Caught where it was, long since: its frames as its printed traceback has them.
      return { frames: describe(this.framesFor(exception, role, parent)), outer: [] };
    }
    // The innermost entry of the stack running `frame`'s code, or -1.
    const onStack = (frame: PyFrame): number => {
      let j = stack.length - 1;
      while (j >= 0 && !(stack[j]!.scope === frame.scope && stack[j]!.module === frame.module)) j--;
      return j;
    };
    const caught = catcher === null ? -1 : caughtIndex(own, catcher);
    if (caught >= 0) {
      // The stack down to the frame that caught it, while that frame still runs.
      const j = onStack(own[caught]!);
      return { frames: describe(own.slice(caught)), outer: stack.slice(0, j + 1).map((f) => describeFrame(f)) };
    }
    for (let i = own.length - 1; i >= 0; i--) {
      const j = onStack(own[i]!);
      // As framesFor: the outermost frame is taken whole when no inner one is on the stack.
      if (j >= 0) return { frames: describe(own.slice(i)), outer: stack.slice(0, j + 1).map((f) => describeFrame(f)) };
    }
    return { frames: describe(own), outer: [] };
  }

  /** Line `lineno` of a file: from a compiled module's source, else the file itself (linecache.getline). */
  line(filename: string, lineno: number): string {
    let lines = this.files.get(filename);
    if (lines === undefined) {
      let text: string | null = null;
      for (const module of this.modules.values()) if (module !== null && module.filename === filename) text = module.pySource;
      text ??= this.read(filename);
      // As linecache has them: universal newlines, each line (the last too) ending with one.
      const normal = (text ?? '').replace(/\r\n?/g, '\n');
      const body = normal.endsWith('\n') ? normal.slice(0, -1) : normal;
      lines = body === '' ? [] : body.split('\n').map((l) => `${l}\n`);
      this.files.set(filename, lines);
    }
    return lines[lineno - 1] ?? '';
  }

  /** The Python frames of the stack where `here` was made, described. */
  stackInfo(here: Error): FrameInfo[] {
    return this.stackFrames(here).map((f) => describeFrame(f));
  }

  /**
   * The name an uncaught AttributeError or NameError (those exact types, as
   * CPython's) may have meant: among dir(obj), or the innermost frame's
   * locals, its globals, then the builtins; null when none is close.
   */
  suggestion(e: BaseException): string | null {
    const name = (e as { name?: unknown }).name;
    if (typeof name !== 'string') return null;
    if (e.constructor === AttributeError) return closestName(dir((e as AttributeError).obj), name);
    if (e.constructor !== NameError) return null;
    const innermost = this.framesFor(e, 'uncaught', null).at(-1);
    if (innermost === undefined) return null;
    for (const candidates of nameCandidates(innermost)) {
      const found = closestName(candidates, name);
      if (found !== null) return found;
    }
    return null;
  }

  /** The frame lines of e; null when `limit` keeps none of them (CPython then prints no header). */
  format(e: BaseException, role: ExceptionRole, parent: object | null, limit: number | null = null): string | null {
    const unbound = e instanceof NameError && typeof e.name === 'string' ? e.name : null;
    const frames = this.framesFor(e, role, parent);
    const shown = limitFrames(frames, limit);
    if (limit !== null && shown.length === 0) return null;
    return formatFrames(shown, e instanceof AttributeError, unbound, frames.at(-1));
  }
}

/** The innermost of the frames whose code holds the `try` statement at the catch site; -1 for none. */
function caughtIndex(frames: readonly PyFrame[], catcher: CatchSite): number {
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i]!;
    if (frame.module.url !== catcher.url) continue;
    const scope = frame.scope as (AST & { lineno?: number; end_lineno?: number | null }) | null;
    if (scope === null || (scope.lineno !== undefined && scope.lineno <= catcher.line && catcher.line <= (scope.end_lineno ?? scope.lineno))) return i;
  }
  return -1;
}

/**
 * What holds e's frames in its JS stack: e, unless e shares the traceback of
 * another (a group split by `except*`) or was made from a JS error.
 */
function origin(e: BaseException): BaseException | Error {
  const tb = e.__traceback__;
  return tb instanceof PyTraceback && tb.$exception !== null ? tb.$exception : e;
}

/**
 * The text of the frames, runs of more than three identical entries folded
 * as CPython folds them. `innermost` is the frame the exception came from
 * (the last, unless a limit left it out), which is placed as CPython places it.
 */
export function formatFrames(frames: readonly PyFrame[], attributeError = false, unboundName: string | null = null, innermost = frames.at(-1)): string {
  let text = '';
  let last = '';
  let count = 0;
  frames.forEach((frame) => {
    const entry = renderFrame(frame, frame === innermost, attributeError, unboundName);
    if (entry.head === last) {
      count++;
      if (count > 3) return;
    } else {
      if (count > 3) text += repeated(count - 3);
      last = entry.head;
      count = 1;
    }
    text += entry.head + entry.source;
  });
  if (count > 3) text += repeated(count - 3);
  return text;
}

function repeated(n: number): string {
  return `  [Previous line repeated ${n} more time${n > 1 ? 's' : ''}]\n`;
}

/**
 * The node a frame's entry shows: the one V8 placed it at, moved as CPython
 * places the innermost frame's (the exception's origin).
 */
function placeFrame(frame: PyFrame, innermost: boolean, attributeError: boolean, unboundName: string | null): Placed | null {
  let placed = frame.placed;
  // V8 places a global it cannot find at its statement: CPython points at the name read.
  if (innermost && unboundName !== null && placed !== null && placed.node.nodeType !== 'Name') {
    const read = firstRead(placed.node, unboundName);
    if (read !== null) placed = frame.module.placement(read) ?? placed;
  }
  // `obj.method(…)` failing to find the method: CPython points at the attribute, not the call.
  if (innermost && attributeError && placed !== null && placed.node.nodeType === 'Call' && placed.node.func.nodeType === 'Attribute') {
    placed = frame.module.placement(placed.node.func) ?? placed;
  }
  // V8 records where the exception object was made: for `raise E(…)`, CPython shows the raise statement.
  if (innermost && placed !== null && placed.node.nodeType === 'Call' && placed.parent?.node.nodeType === 'Raise' && placed.path[0]?.field === 'exc') {
    placed = placed.parent;
  }
  return placed;
}

function renderFrame(frame: PyFrame, innermost: boolean, attributeError: boolean, unboundName: string | null): { head: string; source: string } {
  const info = describeFrame(frame, innermost, attributeError, unboundName);
  return { head: `  File "${info.filename}", line ${info.lineno}, in ${info.name}\n`, source: info.source };
}

/** What the traceback module and frame objects know of a frame (runtime/builtins/frames.ts). */
export function describeFrame(frame: PyFrame, innermost = false, attributeError = false, unboundName: string | null = null): FrameInfo {
  const placed = placeFrame(frame, innermost, attributeError, unboundName);
  const lineno = placed?.node.lineno ?? frame.lineno;
  const line = frame.module.pyLines[lineno - 1] ?? '';
  // As linecache.getline gives it: every line ends with a newline.
  const cached = lineno >= 1 && lineno <= frame.module.pyLines.length ? `${line}\n` : '';
  let source: string;
  if (placed === null) source = sourceLines(line, null, null);
  else {
    const { range, anchors } = markerRange(frame, placed.node);
    source = sourceLines(line, range, anchors);
  }
  const code = codeFacts(frame.module, frame.scope);
  return {
    filename: frame.filename,
    lineno,
    name: frame.name,
    ...code,
    line: cached,
    source,
    end_lineno: placed?.node.end_lineno ?? null,
    colno: placed?.node.col_offset ?? null,
    end_colno: placed?.node.end_col_offset ?? null,
    scope: frame.scope ?? frame.module,
  };
}

type CodeFacts = Pick<FrameInfo, 'qualname' | 'firstlineno' | 'argcount' | 'posonlyargcount' | 'kwonlyargcount'>;

/** The code object's fields CPython would give for the scope node (null: the module). */
function codeFacts(module: PythonModule, scope: AST | null): CodeFacts {
  if (scope === null) return { qualname: '<module>', firstlineno: 1, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0 };
  let firstlineno = (scope as AST & { lineno?: number }).lineno ?? 1;
  let argcount = 0;
  let posonlyargcount = 0;
  let kwonlyargcount = 0;
  if (scope.nodeType === 'FunctionDef' || scope.nodeType === 'AsyncFunctionDef' || scope.nodeType === 'Lambda') {
    posonlyargcount = scope.args.posonlyargs.length;
    argcount = posonlyargcount + scope.args.args.length;
    kwonlyargcount = scope.args.kwonlyargs.length;
  } else if (scope.nodeType !== 'ClassDef') {
    // A comprehension's code takes its first iterable as its one argument.
    argcount = 1;
  }
  // A decorated definition's code starts at its first decorator.
  if ((scope.nodeType === 'FunctionDef' || scope.nodeType === 'AsyncFunctionDef' || scope.nodeType === 'ClassDef') && scope.decorator_list.length > 0) {
    firstlineno = scope.decorator_list[0]!.lineno;
  }
  return { qualname: qualnameOf(module, scope), firstlineno, argcount, posonlyargcount, kwonlyargcount };
}

/** co_qualname: the names of the enclosing classes and functions (`f.<locals>.g`, `C.m`). */
function qualnameOf(module: PythonModule, scope: AST): string {
  const own = scope.nodeType === 'FunctionDef' || scope.nodeType === 'AsyncFunctionDef' || scope.nodeType === 'ClassDef' ? scope.name : scopeName(scope);
  const placed = module.placement(scope);
  if (placed === undefined) return own;
  const parent = scopeOf(placed).node;
  if (parent === null) return own;
  return parent.nodeType === 'ClassDef' ? `${qualnameOf(module, parent)}.${own}` : `${qualnameOf(module, parent)}.<locals>.${own}`;
}

function scopeName(scope: AST): string {
  switch (scope.nodeType) {
    case 'Lambda':
      return '<lambda>';
    case 'ListComp':
      return '<listcomp>';
    case 'SetComp':
      return '<setcomp>';
    case 'DictComp':
      return '<dictcomp>';
    case 'GeneratorExp':
      return '<genexpr>';
    default:
      return '<module>';
  }
}

/** The first `Name` node reading `id` in the node's tree, in source order, in its own scope (a comprehension's first iterable only). */
function firstRead(node: AST, id: string): AST | null {
  if (node.nodeType === 'Name') return node.id === id && node.ctx.nodeType === 'Load' ? node : null;
  if (node.nodeType === 'FunctionDef' || node.nodeType === 'AsyncFunctionDef' || node.nodeType === 'ClassDef' || node.nodeType === 'Lambda') return null;
  if (node.nodeType === 'ListComp' || node.nodeType === 'SetComp' || node.nodeType === 'DictComp' || node.nodeType === 'GeneratorExp') {
    return firstRead(node.generators[0]!.iter, id);
  }
  let found: AST | null = null;
  forEachChild(node, (child) => {
    if (found === null) found = firstRead(child, id);
  });
  return found;
}
