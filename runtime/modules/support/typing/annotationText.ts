/**
 * The text of an annotation (`"List[Node]"`, `"str | None"`, `"dict[str, 'C']"`),
 * parsed and evaluated as CPython's `eval` evaluates it for
 * typing.ForwardRef: pyasync has no `eval`, so this reads the expressions
 * annotations are made of — names, attributes, subscriptions, `|`, tuples,
 * lists, strings, numbers, None/True/False, `...`, a starred `*Ts` — and
 * refuses the rest as a SyntaxError (where CPython would evaluate a call
 * or a lambda).
 */
import { KeyError, nameNotFound } from '../../../builtins/exceptions.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyTuple, float } from '../../../builtins/values.js';
import { getattr } from '../../../builtins/attributes.js';
import { getitem } from '../../../builtins/items.js';
import { or_, neg } from '../../../builtins/operators.js';
import { iterate } from '../../../builtins/iteration.js';
import { Ellipsis } from '../../../builtins/types.js';
import { builtinValue } from './builtinNames.js';

export type Expr =
  | { readonly kind: 'name'; readonly id: string }
  | { readonly kind: 'constant'; readonly value: unknown }
  | { readonly kind: 'attribute'; readonly value: Expr; readonly attr: string }
  | { readonly kind: 'subscript'; readonly value: Expr; readonly slice: Expr }
  | { readonly kind: 'tuple'; readonly elts: readonly Expr[] }
  | { readonly kind: 'list'; readonly elts: readonly Expr[] }
  | { readonly kind: 'or'; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'neg'; readonly operand: Expr }
  | { readonly kind: 'starred'; readonly value: Expr };

type Token = { readonly kind: 'name' | 'number' | 'string' | 'op' | 'end'; readonly text: string; readonly value?: unknown };

class Unparsable extends Error {}

const NAME = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/uy;
const NUMBER = /(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][+-]?\d+)?)/y;
const STRING = /([rRbBuU]{0,2})('''|"""|'|")/y;
const KEYWORDS = new Set(['and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
  'while', 'with', 'yield']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
      i++;
      continue;
    }
    STRING.lastIndex = i;
    const s = STRING.exec(text);
    if (s !== null && (s[1] === '' || /^[rRuU]$/.test(s[1]!))) {
      const quote = s[2]!;
      const raw = /[rR]/.test(s[1]!);
      let j = i + s[0].length;
      let value = '';
      for (;;) {
        if (j >= text.length) throw new Unparsable();
        if (text.startsWith(quote, j)) break;
        const ch = text[j]!;
        if (quote.length === 1 && ch === '\n') throw new Unparsable();
        if (ch === '\\' && !raw) {
          const next = text[j + 1] ?? '';
          const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
          if (next in simple) value += simple[next];
          else value += `\\${next}`;
          j += 2;
          continue;
        }
        value += ch;
        j++;
      }
      tokens.push({ kind: 'string', text: text.slice(i, j + quote.length), value });
      i = j + quote.length;
      continue;
    }
    NAME.lastIndex = i;
    const n = NAME.exec(text);
    if (n !== null) {
      tokens.push({ kind: 'name', text: n[0] });
      i += n[0].length;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(text);
    if (num !== null && num[0] !== '.' && /\d/.test(num[0])) {
      tokens.push({ kind: 'number', text: num[0], value: numberValue(num[0]) });
      i += num[0].length;
      continue;
    }
    if (text.startsWith('...', i)) {
      tokens.push({ kind: 'op', text: '...' });
      i += 3;
      continue;
    }
    if ('[](),.|*-'.includes(c)) {
      tokens.push({ kind: 'op', text: c });
      i++;
      continue;
    }
    throw new Unparsable();
  }
  tokens.push({ kind: 'end', text: '' });
  return tokens;
}

function numberValue(text: string): unknown {
  const t = text.replace(/_/g, '');
  if (/^0[xXoObB]/.test(t) || /^\d+$/.test(t)) {
    const big = BigInt(t);
    return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  }
  const v = Number(t);
  return float(v);
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private take(op?: string): Token {
    const t = this.tokens[this.pos]!;
    if (op !== undefined && !(t.kind === 'op' && t.text === op)) throw new Unparsable();
    this.pos++;
    return t;
  }

  private at(op: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === op;
  }

  /** The whole text: one expression, or a bare tuple (`int, str`), as `eval` reads it. */
  whole(): Expr {
    if (this.peek().kind === 'end') throw new Unparsable();
    const e = this.sequence(() => this.peek().kind === 'end');
    if (this.peek().kind !== 'end') throw new Unparsable();
    return e;
  }

  /** Expressions separated by commas until `done()`: one without a comma is itself, else a tuple. */
  private sequence(done: () => boolean): Expr {
    const elts: Expr[] = [];
    let comma = false;
    while (!done()) {
      elts.push(this.item());
      if (!this.at(',')) break;
      this.take(',');
      comma = true;
    }
    if (elts.length === 1 && !comma) return elts[0]!;
    if (elts.length === 0 && !done()) throw new Unparsable();
    return { kind: 'tuple', elts };
  }

  private item(): Expr {
    if (this.at('*')) {
      this.take('*');
      return { kind: 'starred', value: this.or() };
    }
    return this.or();
  }

  private or(): Expr {
    let left = this.unary();
    while (this.at('|')) {
      this.take('|');
      left = { kind: 'or', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.at('-')) {
      this.take('-');
      return { kind: 'neg', operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expr {
    let e = this.atom();
    for (;;) {
      if (this.at('.')) {
        this.take('.');
        const name = this.take();
        if (name.kind !== 'name' || KEYWORDS.has(name.text)) throw new Unparsable();
        e = { kind: 'attribute', value: e, attr: name.text };
      } else if (this.at('[')) {
        this.take('[');
        if (this.at(']')) throw new Unparsable();
        const slice = this.sequence(() => this.at(']'));
        this.take(']');
        e = { kind: 'subscript', value: e, slice };
      } else {
        return e;
      }
    }
  }

  private atom(): Expr {
    const t = this.take();
    if (t.kind === 'name') {
      if (t.text === 'None') return { kind: 'constant', value: null };
      if (t.text === 'True') return { kind: 'constant', value: true };
      if (t.text === 'False') return { kind: 'constant', value: false };
      if (KEYWORDS.has(t.text)) throw new Unparsable();
      return { kind: 'name', id: t.text };
    }
    if (t.kind === 'number') return { kind: 'constant', value: t.value };
    if (t.kind === 'string') {
      // Adjacent strings concatenate.
      let value = t.value as string;
      while (this.peek().kind === 'string') value += this.take().value as string;
      return { kind: 'constant', value };
    }
    if (t.kind === 'op' && t.text === '...') return { kind: 'constant', value: Ellipsis };
    if (t.kind === 'op' && t.text === '(') {
      const e = this.sequence(() => this.at(')'));
      this.take(')');
      return e;
    }
    if (t.kind === 'op' && t.text === '[') {
      const elts: Expr[] = [];
      while (!this.at(']')) {
        elts.push(this.item());
        if (!this.at(',')) break;
        this.take(',');
      }
      this.take(']');
      return { kind: 'list', elts };
    }
    throw new Unparsable();
  }
}

/** The parsed text, or null where CPython's `compile(text, '<string>', 'eval')` would raise SyntaxError (and what this reader does not know). */
export function parseAnnotation(text: string): Expr | null {
  try {
    return new Parser(tokenize(text)).whole();
  } catch (e) {
    if (e instanceof Unparsable) return null;
    throw e;
  }
}

/** A name as `eval(code, globals, locals)` finds it: locals (any mapping), globals, then the builtins. */
function lookup(name: string, globals: PyDict | null, locals: unknown): unknown {
  if (locals instanceof PyDict) {
    const v = locals.$get(name);
    if (v !== undefined) return v;
  } else if (locals !== null && locals !== undefined) {
    try {
      return getitem(locals, name);
    } catch (e) {
      if (!(e instanceof KeyError)) throw e;
    }
  }
  const g = globals?.$get(name);
  if (g !== undefined) return g;
  const b = builtinValue(name);
  if (b !== undefined) return b;
  throw nameNotFound(`name '${name}' is not defined`, name);
}

export function evaluate(e: Expr, globals: PyDict | null, locals: unknown): unknown {
  switch (e.kind) {
    case 'name':
      return lookup(e.id, globals, locals);
    case 'constant':
      return e.value;
    case 'attribute':
      return getattr(evaluate(e.value, globals, locals), e.attr);
    case 'subscript':
      return getitem(evaluate(e.value, globals, locals), evaluate(e.slice, globals, locals));
    case 'tuple':
      return PyTuple.fromArray(elements(e.elts, globals, locals));
    case 'list':
      return elements(e.elts, globals, locals);
    case 'or':
      return or_(evaluate(e.left, globals, locals), evaluate(e.right, globals, locals));
    case 'neg':
      return neg(evaluate(e.operand, globals, locals));
    case 'starred':
      // Only inside a tuple or list (elements() spreads it); `*Ts` alone is CPython's `(*Ts,)[0]`.
      return [...iterate(evaluate(e.value, globals, locals))][0];
  }
}

function elements(elts: readonly Expr[], globals: PyDict | null, locals: unknown): unknown[] {
  const out: unknown[] = [];
  for (const elt of elts) {
    if (elt.kind === 'starred') out.push(...iterate(evaluate(elt.value, globals, locals)));
    else out.push(evaluate(elt, globals, locals));
  }
  return out;
}
