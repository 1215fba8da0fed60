/**
 * `parse`: Python source to CPython's AST (what `ast.parse` returns).
 * Compiler checks (`'await' outside function`…) are a separate pass in
 * src/semantics, as in CPython, where `ast.parse` does not run them.
 */
import { TypeIgnore, type Module } from '../ast/nodes.js';
import type { TypeIgnoreComment } from './tokens.js';
import { tokenize } from './tokenizer.js';
import { Parser, TOO_DEEP } from './state.js';
import { file } from './statements.js';
import { PySyntaxError } from '../diagnostics.js';

export interface ParseOptions {
  /** Shown in SyntaxError messages, as CPython's `filename` argument. Default `<unknown>`. */
  filename?: string;
  /**
   * CPython's `type_comments`: fill `type_comment` fields and
   * `Module.type_ignores` from `# type:` comments. Off by default, as in
   * `ast.parse`; `python3 -m ast` turns it on.
   */
  typeComments?: boolean;
}

export function parse(source: string, options: ParseOptions = {}): Module {
  const filename = options.filename ?? '<unknown>';
  const typeIgnores: TypeIgnoreComment[] = [];
  const tokens = tokenize(source, filename, { typeComments: options.typeComments ?? false, typeIgnores });
  const p = new Parser(tokens, source, filename);
  try {
    const tree = file(p);
    for (const t of typeIgnores) tree.type_ignores.push(TypeIgnore(t.lineno, t.tag));
    return tree;
  } catch (e) {
    // A generic "unexpected indent/unindent" is final in CPython: no re-tokenizing after it.
    if (e instanceof PySyntaxError) throw (e.msg.startsWith('unexpected ') ? null : p.tokenizerErrorAfter(e)) ?? e;
    // Nesting that CPython accepts can still exhaust a cold V8 stack before
    // the parser's own depth limit: report it as that limit's error.
    if (e instanceof RangeError) throw p.makeError('SyntaxError', TOO_DEEP, p.tok.lineno, p.tok.col_offset, p.tok.end_lineno, p.tok.end_col_offset);
    throw e;
  }
}
