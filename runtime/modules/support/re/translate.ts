/**
 * A fast path: the patterns whose meaning a JS RegExp (flags u, d, y/g)
 * has exactly are translated to one, and V8's engine runs them. Exact
 * means: no IGNORECASE (JS folds case by other rules), no backreference,
 * conditional, atomic group or possessive repeat, no capture group inside a
 * repeat or a lookaround (JS resets a repeated group's capture on each
 * iteration; sre keeps the last one), and no repeat whose body can match
 * empty (JS refuses an empty iteration, sre accepts one and stops). `\w`,
 * `\d`, `\s`, `\b`, `^`, `$`, `\A`, `\Z` and `.` are spelled out with
 * Python's meanings. Everything else runs on engine.ts.
 */
import { MAXREPEAT, type Node, type SetItem } from './ast.js';
import { widthOf } from './parser.js';

const WORD_U = '\\p{L}\\p{N}_';
const WORD_A = 'A-Za-z0-9_';
const SPACE_U = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACE_A = '\\t-\\r ';

function lit(c: number): string {
  return `\\u{${c.toString(16)}}`;
}

function hasGroups(node: Node): boolean {
  switch (node.t) {
    case 'group':
      return true;
    case 'seq':
      return node.items.some(hasGroups);
    case 'alt':
      return node.alts.some(hasGroups);
    case 'repeat':
    case 'atomic':
    case 'look':
      return hasGroups(node.body);
    case 'cond':
      return true;
    default:
      return false;
  }
}

/** Whether every group in `node` takes part whenever `node` matches (none under an alternative, an optional repeat or a lookaround). */
function mandatoryGroups(node: Node, optional: boolean): boolean {
  switch (node.t) {
    case 'group':
      return !optional && mandatoryGroups(node.body, optional);
    case 'seq':
      return node.items.every((item) => mandatoryGroups(item, optional));
    case 'alt':
      return node.alts.every((a) => mandatoryGroups(a, true));
    case 'repeat':
      return mandatoryGroups(node.body, optional || node.min === 0);
    case 'look':
    case 'atomic':
      return !hasGroups(node.body);
    case 'cond':
      return false;
    default:
      return true;
  }
}

/** The members of a class (without brackets), or null when one cannot be written as a member. */
function classItems(items: readonly SetItem[], ascii: boolean): string | null {
  let out = '';
  for (const item of items) {
    if (item.kind === 'char') out += lit(item.c);
    else if (item.kind === 'range') out += `${lit(item.lo)}-${lit(item.hi)}`;
    else if (item.cat === 'd') out += ascii ? '0-9' : '\\p{Nd}';
    else if (item.cat === 'D' && !ascii) out += '\\P{Nd}';
    else if (item.cat === 'w') out += ascii ? WORD_A : WORD_U;
    else if (item.cat === 's') out += ascii ? SPACE_A : SPACE_U;
    else return null;
  }
  return out;
}

function setSource(node: Extract<Node, { t: 'set' }>): string | null {
  const items = classItems(node.items, node.ascii);
  if (items !== null) return node.negate ? `[^${items}]` : `[${items}]`;
  // A lone complement category (\W, \S, \D under ASCII) is the complement class.
  if (node.items.length !== 1 || node.items[0]!.kind !== 'category') return null;
  const cat = node.items[0]!.cat;
  const positive = classItems([{ kind: 'category', cat: cat.toLowerCase() as 'd' | 'w' | 's' }], node.ascii);
  if (positive === null) return null;
  return node.negate ? `[${positive}]` : `[^${positive}]`;
}

function word(ascii: boolean): string {
  return `[${ascii ? WORD_A : WORD_U}]`;
}

function translateNode(node: Node): string | null {
  switch (node.t) {
    case 'char':
      return node.ic ? null : lit(node.c);
    case 'set':
      return node.ic ? null : setSource(node);
    case 'any':
      return node.dotall ? '[\\s\\S]' : '[^\\n]';
    case 'seq': {
      let out = '';
      for (const item of node.items) {
        const t = translateNode(item);
        if (t === null) return null;
        out += t;
      }
      return out;
    }
    case 'alt': {
      const parts: string[] = [];
      for (const a of node.alts) {
        const t = translateNode(a);
        if (t === null) return null;
        parts.push(t);
      }
      return `(?:${parts.join('|')})`;
    }
    case 'group': {
      const body = translateNode(node.body);
      return body === null ? null : `(${body})`;
    }
    case 'repeat': {
      if (node.kind === 'possessive' || widthOf(node.body, [])[0] === 0) return null;
      // One iteration at most (`(…)?`), or groups that take part in every iteration: JS's reset of them changes nothing.
      if (node.max !== 1 && !mandatoryGroups(node.body, false)) return null;
      const body = translateNode(node.body);
      if (body === null) return null;
      const max = node.max === MAXREPEAT ? '' : String(node.max);
      const quant = node.min === node.max ? `{${node.min}}` : `{${node.min},${max}}`;
      return `(?:${body})${quant}${node.kind === 'lazy' ? '?' : ''}`;
    }
    case 'at': {
      const w = word(node.ascii);
      switch (node.kind) {
        case 'beginString':
          return '(?<![\\s\\S])';
        case 'endString':
          return '(?![\\s\\S])';
        case 'begin':
          return node.multiline ? '(?<![^\\n])' : '(?<![\\s\\S])';
        case 'end':
          return node.multiline ? '(?=\\n|(?![\\s\\S]))' : '(?=\\n?(?![\\s\\S]))';
        case 'boundary':
          return `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`;
        case 'nonBoundary':
          // sre's \B never matches in an empty string.
          return `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w})(?:(?<=[\\s\\S])|(?=[\\s\\S])))`;
      }
      return null;
    }
    case 'look': {
      if (hasGroups(node.body)) return null;
      const body = translateNode(node.body);
      if (body === null) return null;
      return `(?${node.behind ? '<' : ''}${node.negate ? '!' : '='}${body})`;
    }
    default:
      return null;
  }
}

/** The groups in the order their `)` close (post-order): the last that took part is sre's lastindex. */
function closeOrder(node: Node, out: number[]): number[] {
  switch (node.t) {
    case 'group':
      closeOrder(node.body, out);
      out.push(node.n);
      break;
    case 'seq':
      for (const item of node.items) closeOrder(item, out);
      break;
    case 'alt':
      for (const a of node.alts) closeOrder(a, out);
      break;
    case 'repeat':
    case 'look':
    case 'atomic':
      closeOrder(node.body, out);
      break;
    default:
      break;
  }
  return out;
}

export interface Translation {
  /** Search from lastIndex. */
  search: RegExp;
  /** Match at lastIndex. */
  sticky: RegExp;
  /** Match at lastIndex up to the end. */
  full: RegExp;
  /**
   * The same three without the indices flag (`d`), which makes V8 build the
   * spans of every group on each exec (several times the match's own cost):
   * for a match whose group spans may never be read.
   */
  quick: { search: RegExp; sticky: RegExp; full: RegExp };
  closeOrder: number[];
}

export function translate(node: Node, groups: number): Translation | null {
  const source = translateNode(node);
  if (source === null) return null;
  // Without groups the match's index and length are enough: no indices array to build.
  const d = groups > 0 ? 'd' : '';
  const fullSource = `(?:${source})(?![\\s\\S])`;
  try {
    const search = new RegExp(source, `${d}gu`);
    const sticky = new RegExp(source, `${d}yu`);
    const full = new RegExp(fullSource, `${d}yu`);
    const quick = groups > 0
      ? { search: new RegExp(source, 'gu'), sticky: new RegExp(source, 'yu'), full: new RegExp(fullSource, 'yu') }
      : { search, sticky, full };
    return { search, sticky, full, quick, closeOrder: closeOrder(node, []) };
  } catch {
    return null;
  }
}
