/**
 * The parsed form of a Python regular expression. Flags that change how a
 * node matches (IGNORECASE, MULTILINE, DOTALL, ASCII) are resolved while
 * parsing, where scoped flags `(?i:…)` are known, and stored on the node.
 */

export const FLAG_TEMPLATE = 1;
export const FLAG_IGNORECASE = 2;
export const FLAG_LOCALE = 4;
export const FLAG_MULTILINE = 8;
export const FLAG_DOTALL = 16;
export const FLAG_UNICODE = 32;
export const FLAG_VERBOSE = 64;
export const FLAG_DEBUG = 128;
export const FLAG_ASCII = 256;

/** A member of a character set: one code point, a range, or a category escape. */
export type SetItem =
  | { kind: 'char'; c: number }
  | { kind: 'range'; lo: number; hi: number }
  | { kind: 'category'; cat: Category };

export type Category = 'd' | 'D' | 'w' | 'W' | 's' | 'S';

export type AtKind = 'begin' | 'end' | 'beginString' | 'endString' | 'boundary' | 'nonBoundary';

export type Node =
  | { t: 'char'; c: number; ic: boolean; ascii: boolean }
  | { t: 'set'; negate: boolean; items: SetItem[]; ic: boolean; ascii: boolean }
  | { t: 'any'; dotall: boolean }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'group'; n: number; body: Node }
  | { t: 'repeat'; min: number; max: number; kind: 'greedy' | 'lazy' | 'possessive'; body: Node }
  | { t: 'at'; kind: AtKind; multiline: boolean; ascii: boolean }
  | { t: 'backref'; n: number; ic: boolean; ascii: boolean }
  | { t: 'look'; behind: boolean; negate: boolean; body: Node; width: number }
  | { t: 'atomic'; body: Node }
  | { t: 'cond'; n: number; yes: Node; no: Node | null };

/** Python's MAXREPEAT: an unbounded repeat. */
export const MAXREPEAT = 4294967295;

export interface ParsedPattern {
  root: Node;
  /** The flags after inline global flags, UNICODE added for str patterns without ASCII. */
  flags: number;
  /** Capturing groups, group 0 excluded. */
  groups: number;
  groupindex: Map<string, number>;
}
