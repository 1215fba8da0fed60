/**
 * `ast.dump` of CPython 3.11, reproduced byte for byte over the node shapes
 * of nodes.ts and driven by NODE_SPECS.
 *
 * CPython formats children first and then picks the layout; the layout of a
 * node only depends on how many arguments it prints and whether they are all
 * "simple" (scalars, empty lists, nodes printing no arguments), which we can
 * tell without formatting them. So the output is written front to back into
 * one string, with no intermediate strings per subtree.
 */
import { NODE_SPECS } from './nodes.js';
import type { AST, FieldSpec, NodeSpec } from './nodes.js';
import type { PyConstant } from './constants.js';
import { pyRepr, reprStr } from './repr.js';

export interface DumpOptions {
  /** `annotate_fields` (default true): `False` leaves out field names until one is skipped. */
  annotateFields?: boolean;
  /** `include_attributes` (default false): also print positions. */
  includeAttributes?: boolean;
  /** `indent`: null for one line; a number of spaces or a string per level. */
  indent?: number | string | null;
}

type Dumpable = AST | AST[] | PyConstant;
type Fields = Readonly<Record<string, unknown>>;

interface State {
  out: string;
  readonly annotate: boolean;
  readonly attributes: boolean;
  /** null: single line. */
  readonly indent: string | null;
  /** `'\n' + indent * level`, by level. */
  readonly prefixes: string[];
  /** `',\n' + indent * level`, by level. */
  readonly separators: string[];
}

/** `name=` for every field and attribute name, built once. */
const LABELS = new Map<string, string>();
for (const spec of Object.values(NODE_SPECS) as NodeSpec[]) {
  for (const field of spec.fields) LABELS.set(field.name, field.name + '=');
  for (const name of spec.attributes) LABELS.set(name, name + '=');
}

export function dump(node: Dumpable, options: DumpOptions = {}): string {
  const rawIndent = options.indent ?? null;
  const indent = typeof rawIndent === 'number' ? ' '.repeat(Math.max(0, rawIndent)) : rawIndent;
  const state: State = {
    out: '',
    annotate: options.annotateFields ?? true,
    attributes: options.includeAttributes ?? false,
    indent,
    prefixes: ['\n'],
    separators: [',\n'],
  };
  writeValue(state, node, false, 0);
  return state.out;
}

function isNode(value: unknown): value is AST {
  return typeof value === 'object' && value !== null && (value as { nodeType?: unknown }).nodeType !== undefined;
}

function prefix(state: State, level: number): string {
  const prefixes = state.prefixes;
  while (prefixes.length <= level) prefixes.push(prefixes[prefixes.length - 1] + state.indent!);
  return prefixes[level]!;
}

function separator(state: State, level: number): string {
  const separators = state.separators;
  while (separators.length <= level) separators.push(',' + prefix(state, separators.length));
  return separators[level]!;
}

/**
 * CPython leaves out a missing field, and a `None` one whose class default is
 * `None`: optional (`?`) fields.
 */
function skipsField(field: FieldSpec, value: unknown): boolean {
  return value === undefined || (value === null && field.quantifier === '?');
}

/** The same for attributes: the end positions are optional, except on patterns. */
function skipsAttribute(spec: NodeSpec, name: string, value: unknown): boolean {
  return (
    value === undefined ||
    (value === null && spec.base !== 'pattern' && (name === 'end_lineno' || name === 'end_col_offset'))
  );
}

/** `level` is the caller's (already incremented) level, as in CPython's `_format`. */
function writeValue(state: State, value: unknown, isInt: boolean, level: number): void {
  if (Array.isArray(value)) writeList(state, value, level);
  else if (isNode(value)) writeNode(state, value, level);
  else if (typeof value === 'number' && isInt) state.out += String(value);
  else if (typeof value === 'string') state.out += reprStr(value);
  else state.out += pyRepr(value as PyConstant);
}

function writeList(state: State, list: readonly unknown[], level: number): void {
  if (list.length === 0) {
    state.out += '[]';
    return;
  }
  level++;
  const multiline = state.indent !== null;
  const sep = multiline ? separator(state, level) : ', ';
  state.out += multiline ? '[' + prefix(state, level) : '[';
  for (let k = 0; k < list.length; k++) {
    if (k > 0) state.out += sep;
    writeValue(state, list[k], false, level);
  }
  state.out += ']';
}

function writeNode(state: State, node: AST, level: number): void {
  level++;
  const spec = NODE_SPECS[node.nodeType];
  const record = node as unknown as Fields;
  let sep = ', ';
  state.out += node.nodeType + '(';
  if (state.indent !== null && !printsInline(state, spec, record)) {
    sep = separator(state, level);
    state.out += prefix(state, level);
  }
  let first = true;
  let keywords = state.annotate;
  const fields = spec.fields;
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    const value = record[field.name];
    if (skipsField(field, value)) {
      keywords = true;
      continue;
    }
    if (!first) state.out += sep;
    first = false;
    if (keywords) state.out += LABELS.get(field.name)!;
    writeValue(state, value, field.type === 'int', level);
  }
  if (state.attributes) {
    const attributes = spec.attributes;
    for (let a = 0; a < attributes.length; a++) {
      const name = attributes[a]!;
      const value = record[name];
      if (skipsAttribute(spec, name, value)) continue;
      if (!first) state.out += sep;
      first = false;
      state.out += LABELS.get(name)!;
      writeValue(state, value, true, level);
    }
  }
  state.out += ')';
}

/** CPython's `allsimple and len(args) <= 3`. */
function printsInline(state: State, spec: NodeSpec, record: Fields): boolean {
  let count = 0;
  const fields = spec.fields;
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    const value = record[field.name];
    if (skipsField(field, value)) continue;
    if (++count > 3 || !isSimple(state, value)) return false;
  }
  if (state.attributes) {
    const attributes = spec.attributes;
    for (let a = 0; a < attributes.length; a++) {
      const name = attributes[a]!;
      const value = record[name];
      if (skipsAttribute(spec, name, value)) continue;
      if (++count > 3 || !isSimple(state, value)) return false;
    }
  }
  return true;
}

/** Scalars and empty lists are simple; a node is simple when it prints no arguments. */
function isSimple(state: State, value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (!isNode(value)) return true;
  const spec = NODE_SPECS[value.nodeType];
  const record = value as unknown as Fields;
  const fields = spec.fields;
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    if (!skipsField(field, record[field.name])) return false;
  }
  if (state.attributes) {
    const attributes = spec.attributes;
    for (let a = 0; a < attributes.length; a++) {
      const name = attributes[a]!;
      if (!skipsAttribute(spec, name, record[name])) return false;
    }
  }
  return true;
}
