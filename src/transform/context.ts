/**
 * State shared by the transform's handlers: the runtime names a module
 * imports, temporaries, source positions for the source map, and the
 * symbol table of the scope being compiled.
 */
import * as t from '@babel/types';
import type { AST, Located } from '../ast/nodes.js';
import type { Scope, SymbolTable } from '../semantics/scopes.js';
import { PySyntaxError } from '../diagnostics.js';
import { LineIndex } from '../lineIndex.js';
import { utf16Column } from '../parser/positions.js';

/** Names JS reserves (or gives meaning to) that Python allows as identifiers. */
const JS_RESERVED = new Set([
  'arguments', 'await', 'case', 'catch', 'const', 'debugger', 'default', 'delete', 'do', 'enum', 'eval', 'export',
  'extends', 'function', 'implements', 'instanceof', 'interface', 'let', 'new', 'package', 'private', 'protected',
  'public', 'static', 'super', 'switch', 'this', 'throw', 'typeof', 'var', 'void', 'yield', 'undefined', 'NaN',
  'Infinity', 'Object', 'Array', 'Symbol', 'Promise', 'Error', 'Math', 'JSON', 'globalThis',
]);

/**
 * The JS name of a Python identifier: itself, or with a `$` appended when JS
 * reserves it. Python identifiers never contain `$`, so runtime helpers
 * (`$add`) and temporaries (`$1`) cannot clash with them.
 */
export function jsName(name: string): string {
  return JS_RESERVED.has(name) ? name + '$' : name;
}

export class CompileError extends PySyntaxError {}

export class TransformContext {
  /** Runtime exports used: local name → exported name (one export may be imported under two names). */
  readonly runtimeImports = new Map<string, string>();
  private temps = 0;
  loopLabels = 0;
  /** Per enclosing loop: the label a `break` must leave when the loop has an `else:`. */
  readonly breakLabels: (t.Identifier | null)[] = [];
  /** The variables holding the exceptions being handled: a bare `raise` re-raises the innermost. */
  readonly handledExceptions: t.Identifier[] = [];
  /** Temporaries each function (or the module) declares, innermost last. */
  private readonly tempFrames: t.Identifier[][] = [[]];
  /** The symbol-table scopes enclosing the code being compiled, innermost last. */
  private readonly scopes: Scope[];
  private readonly lines: LineIndex;

  constructor(
    readonly filename: string,
    readonly source: string,
    readonly symbols: SymbolTable,
  ) {
    this.scopes = [symbols.top];
    this.lines = new LineIndex(source);
  }

  get scope(): Scope {
    return this.scopes[this.scopes.length - 1]!;
  }

  /** Innermost scope first. */
  scopeChain(): Scope[] {
    return [...this.scopes].reverse();
  }

  /** Compiles `body` inside the scope `node` opens; returns what it built and the temporaries it used. */
  inScope<T>(node: AST, body: () => T): { result: T; temps: t.Identifier[] } {
    const scope = this.symbols.scopes.get(node);
    if (!scope) throw new Error('internal: no scope for ' + node.nodeType);
    this.scopes.push(scope);
    this.tempFrames.push([]);
    try {
      const result = body();
      return { result, temps: this.tempFrames[this.tempFrames.length - 1]! };
    } finally {
      this.scopes.pop();
      this.tempFrames.pop();
    }
  }

  /** The module's own temporaries, to declare at its top. */
  moduleTemps(): t.Identifier[] {
    return this.tempFrames[0]!;
  }

  /** A runtime helper, imported as `$name` (`$add`, `$truthy`). */
  rt(name: string): t.Identifier {
    const local = '$' + name;
    this.runtimeImports.set(local, name);
    return t.identifier(local);
  }

  /** A Python builtin (print, len…) imported under its Python name. */
  builtin(name: string): t.Identifier {
    this.runtimeImports.set(name, name);

    return t.identifier(name);
  }

  temp(): t.Identifier {
    const id = t.identifier(`$${++this.temps}`);
    this.tempFrames[this.tempFrames.length - 1]!.push(id);
    return id;
  }

  /** Gives a JS node the Python node's range, in the source map's UTF-16 columns. */
  at<N extends t.Node>(py: Located, node: N): N {
    const line = this.lines.line(py.lineno) ?? '';
    const endLineno = py.end_lineno ?? py.lineno;
    const endLine = endLineno === py.lineno ? line : this.lines.line(endLineno) ?? '';
    node.loc = {
      start: { line: py.lineno, column: utf16Column(line, py.col_offset), index: -1 },
      end: { line: endLineno, column: utf16Column(endLine, py.end_col_offset ?? py.col_offset), index: -1 },
      filename: this.filename,
      identifierName: undefined,
    };
    return node;
  }

  /**
   * An identifier for a name CPython's AST gives no position of its own
   * (`def name`, `except E as name`): located by finding it on the
   * statement's line, after `after` when given.
   */
  nameAt(py: Located, name: string, after: string | null = null): t.Identifier {
    const id = t.identifier(jsName(name));
    const line = this.lines.line(py.lineno) ?? '';
    let from = utf16Column(line, py.col_offset);
    if (after !== null) {
      const a = line.indexOf(after, from);
      if (a >= 0) from = a + after.length;
    }
    const match = new RegExp(`(?<![\\p{L}\\p{N}_])${name.replace(/[^\p{L}\p{N}_]/gu, '')}(?![\\p{L}\\p{N}_])`, 'u').exec(line.slice(from));
    if (match) {
      const column = from + match.index;
      id.loc = {
        start: { line: py.lineno, column, index: -1 },
        end: { line: py.lineno, column: column + name.length, index: -1 },
        filename: this.filename,
        identifierName: name,
      };
    }
    return id;
  }

  unsupported(what: string, py: Located): never {
    const line = this.lines.line(py.lineno);
    throw new CompileError(
      'SyntaxError', `pyasync does not compile ${what} yet`, this.filename, py.lineno, py.col_offset + 1, line, py.end_lineno ?? py.lineno,
      (py.end_col_offset ?? py.col_offset) + 1,
    );
  }
}
