/**
 * One compiled module as tracebacks see it: its generated JS text, its
 * source map and the Python source and tree behind them (parsed with
 * pyasync's own parser on first use). Loaded only when a traceback is
 * printed, so nothing here weighs on running programs.
 */
import { parse } from '../../src/parser/parser.js';
import { CHILD_FIELDS, type AST, type Module, type Located } from '../../src/ast/nodes.js';
import { utf16Column } from '../../src/parser/positions.js';
import { SourceMapIndex, type RawSourceMap } from './sourceMap.js';

/** A node and how it hangs in the tree: its parent and the parent's field holding it. */
export interface Placed {
  readonly node: AST & Located;
  readonly parent: Placed | null;
  /** The field of the parent (through unlocated nodes such as `comprehension` and `arguments`) it is in. */
  readonly path: readonly { node: AST; field: string; index: number }[];
  readonly depth: number;
}

export class PythonModule {
  readonly jsLines: readonly string[];
  readonly pyLines: readonly string[];
  private tree: Module | null | undefined;
  private starts: Map<string, Placed[]> | null = null;
  private readonly placed = new Map<AST, Placed>();

  constructor(
    readonly url: string,
    readonly filename: string,
    readonly jsText: string,
    readonly map: SourceMapIndex,
    readonly pySource: string,
  ) {
    this.jsLines = jsText.split('\n');
    this.pyLines = pySource.split(/\r\n|\r|\n/);
  }

  static fromMap(url: string, jsText: string, raw: RawSourceMap, readSource: (path: string) => string | null): PythonModule | null {
    const filename = raw.sources[0];
    if (raw.sources.length !== 1 || filename === undefined || !filename.endsWith('.py')) return null;
    const source = raw.sourcesContent?.[0] ?? readSource(filename);
    if (typeof source !== 'string') return null;
    return new PythonModule(url, filename, jsText, new SourceMapIndex(raw), source);
  }

  /**
   * The program modules this one imports, in order: each specifier's URL
   * and the JS name its namespace is bound to (null for a bare
   * `import "./pkg/sub.mjs"`, which belongs with the import before it).
   */
  imports(): { url: string; local: string | null }[] {
    const result: { url: string; local: string | null }[] = [];
    for (const line of this.jsLines) {
      if (!line.startsWith('import ')) {
        // The runtime's `const` aliases and the attribute helpers (`const $get$x = …`) come between the runtime import and the
        // program's imports; the module's own code starts with its `var`s.
        if (result.length > 0 || /^(var|let|function|export) /.test(line)) break;
        continue;
      }
      const m = /^import (?:\* as ([\w$]+) from |[^"']* from )?["'](\.{1,2}\/[^"']+)["'];?$/.exec(line);
      if (m === null) continue;
      let url: string;
      try {
        url = new URL(m[2]!, this.url).href;
      } catch {
        continue;
      }
      result.push({ url, local: m[1] ?? null });
    }
    return result;
  }

  /** The tree, or null when the file no longer parses. */
  ast(): Module | null {
    if (this.tree === undefined) {
      try {
        this.tree = parse(this.pySource, { filename: this.filename });
      } catch {
        this.tree = null;
      }
    }
    return this.tree;
  }

  /** The located nodes starting at (line, UTF-16 column), outermost first. */
  nodesAt(line: number, column: number): readonly Placed[] {
    if (this.starts === null) this.index();
    return this.starts!.get(`${line}:${column}`) ?? [];
  }

  placement(node: AST): Placed | undefined {
    if (this.starts === null) this.index();
    return this.placed.get(node);
  }

  private index(): void {
    const starts = new Map<string, Placed[]>();
    this.starts = starts;
    const tree = this.ast();
    if (tree === null) return;
    const visit = (node: AST, parent: Placed | null, path: { node: AST; field: string; index: number }[], depth: number): void => {
      let here = parent;
      let nextPath = path;
      if (typeof (node as Partial<Located>).lineno === 'number' && node.nodeType !== 'arg' && node.nodeType !== 'keyword') {
        const located = node as AST & Located;
        const placed: Placed = { node: located, parent, path, depth };
        this.placed.set(node, placed);
        const line = this.pyLines[located.lineno - 1] ?? '';
        const key = `${located.lineno}:${utf16Column(line, located.col_offset)}`;
        const list = starts.get(key);
        if (list) list.push(placed);
        else starts.set(key, [placed]);
        here = placed;
        nextPath = [];
      }
      const record = node as unknown as Record<string, unknown>;
      for (const field of CHILD_FIELDS[node.nodeType]) {
        const value = record[field];
        if (Array.isArray(value)) {
          value.forEach((child, index) => {
            if (child !== null && typeof child === 'object') visit(child as AST, here, [...nextPath, { node, field, index }], depth + 1);
          });
        } else if (value !== null && typeof value === 'object') {
          visit(value as AST, here, [...nextPath, { node, field, index: 0 }], depth + 1);
        }
      }
    };
    visit(tree, null, [], 0);
    for (const list of starts.values()) list.sort((a, b) => a.depth - b.depth);
  }
}

const COMPREHENSIONS: Readonly<Record<string, string>> = {
  ListComp: '<listcomp>',
  SetComp: '<setcomp>',
  DictComp: '<dictcomp>',
  GeneratorExp: '<genexpr>',
};

/**
 * The code object a node runs in, as CPython names it (co_name): the
 * function, lambda, comprehension or class body around it, or the module.
 * Decorators, defaults, bases and a comprehension's first iterable run in
 * the enclosing scope.
 */
export function scopeOf(placed: Placed): { name: string; node: AST | null } {
  let child: Placed = placed;
  for (let p = placed.parent; p !== null; child = p, p = p.parent) {
    const scope = p.node;
    // The first step from p down towards the node.
    const step = child.path[0];
    const field = step?.field;
    switch (scope.nodeType) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
      case 'ClassDef':
        if (field === 'body') return { name: scope.name, node: scope };
        break;
      case 'Lambda':
        if (field === 'body') return { name: '<lambda>', node: scope };
        break;
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp': {
        const inner = child.path[1];
        const firstIter = field === 'generators' && step!.index === 0 && inner?.field === 'iter';
        if (!firstIter) return { name: COMPREHENSIONS[scope.nodeType]!, node: scope };
        break;
      }
      default:
        break;
    }
  }
  return { name: '<module>', node: null };
}
