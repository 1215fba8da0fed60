/**
 * Rebuilds our AST objects from the JSON printed by
 * scripts/cpython-ast-json.py (CPython's own trees), for differential tests.
 * Objects get the key order of the nodes.ts factories; field-less nodes
 * (Load, Add, ...) become the shared singletons, as in our parser's output.
 */
import * as nodes from './nodes.js';
import { NODE_SPECS } from './nodes.js';
import type { AST, NodeType } from './nodes.js';
import { Ellipsis, PyBytes, PyComplex, PyStrCodePoints } from './constants.js';
import type { PyConstant } from './constants.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

/** One line of cpython-ast-json.py's output. */
export interface CPythonParseResult {
  filename: string;
  ast?: JsonValue;
  dump?: string;
  error?: {
    type: 'SyntaxError' | 'IndentationError' | 'TabError';
    msg: string;
    lineno: number | null;
    offset: number | null;
    text: string | null;
    end_lineno: number | null;
    end_offset: number | null;
  };
}

/** Parses cpython-ast-json.py's output (one JSON document per line). */
export function parseResultLines(text: string): CPythonParseResult[] {
  const results: CPythonParseResult[] = [];
  for (const line of text.split('\n')) if (line !== '') results.push(JSON.parse(line) as CPythonParseResult);
  return results;
}

const SINGLETONS = nodes as unknown as Readonly<Record<string, AST>>;

function isObject(json: JsonValue): json is JsonObject {
  return typeof json === 'object' && json !== null && !Array.isArray(json);
}

export function astFromJson(json: JsonValue): AST {
  if (!isObject(json) || typeof json['nodeType'] !== 'string' || !(json['nodeType'] in NODE_SPECS)) {
    throw new TypeError(`not an AST node: ${JSON.stringify(json)?.slice(0, 80)}`);
  }
  const nodeType = json['nodeType'] as NodeType;
  const spec = NODE_SPECS[nodeType];
  if (spec.fields.length === 0 && spec.attributes.length === 0) return SINGLETONS[nodeType]!;
  const node: Record<string, unknown> = { nodeType };
  for (const field of spec.fields) {
    const value = json[field.name];
    if (value === undefined) continue;
    node[field.name] = field.type === 'constant' ? constantFromJson(value) : fieldFromJson(value);
  }
  for (const name of spec.attributes) {
    const value = json[name];
    if (value !== undefined) node[name] = value;
  }
  return node as unknown as AST;
}

function fieldFromJson(json: JsonValue): unknown {
  if (Array.isArray(json)) return json.map(fieldFromJson);
  if (isObject(json)) return astFromJson(json);
  return json;
}

export function constantFromJson(json: JsonValue): PyConstant {
  if (json === null || typeof json === 'boolean' || typeof json === 'string') return json;
  if (isObject(json)) {
    const int = json['$int'];
    if (typeof int === 'string') return BigInt(int);
    const float = json['$float'];
    if (typeof float === 'string') return floatFromRepr(float);
    const complex = json['$complex'];
    if (Array.isArray(complex) && typeof complex[0] === 'string' && typeof complex[1] === 'string') {
      return new PyComplex(floatFromRepr(complex[0]), floatFromRepr(complex[1]));
    }
    const codePoints = json['$str'];
    if (Array.isArray(codePoints)) return stringFromCodePoints(codePoints);
    const bytes = json['$bytes'];
    if (typeof bytes === 'string') return new PyBytes(Uint8Array.from(Buffer.from(bytes, 'hex')));
    if (json['$ellipsis'] === true) return Ellipsis;
  }
  throw new TypeError(`not an encoded constant: ${JSON.stringify(json)}`);
}

/**
 * `{"$str": [code points]}`: a str that JSON, like a JS string, cannot hold
 * when a high surrogate directly precedes a low one (PyStrCodePoints).
 */
function stringFromCodePoints(json: JsonValue[]): string | PyStrCodePoints {
  const codePoints: number[] = [];
  let splitPair = false;
  for (const c of json) {
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c > 0x10ffff) {
      throw new TypeError(`not a code point: ${JSON.stringify(c)}`);
    }
    if (c >>> 10 === 0x37 && codePoints.length > 0 && codePoints[codePoints.length - 1]! >>> 10 === 0x36) splitPair = true;
    codePoints.push(c);
  }
  if (splitPair) return new PyStrCodePoints(codePoints);
  let s = '';
  for (const c of codePoints) s += String.fromCodePoint(c);
  return s;
}

function floatFromRepr(text: string): number {
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  if (text === 'nan' || text === '-nan') return NaN;
  return Number(text);
}
