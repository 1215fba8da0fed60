/**
 * The code generator's checks on `case` patterns (compile.c's
 * compiler_pattern_*): names bound twice, alternatives binding different
 * names, irrefutable patterns that hide later ones, duplicate mapping keys,
 * repeated class-pattern keywords. CPython moves its current location to
 * each pattern it compiles and does not move it back, and many of these
 * errors are raised at that location, so this follows its order exactly.
 */
import type { pattern, MatchAs, MatchClass, MatchMapping, MatchOr, MatchSequence } from '../ast/nodes.js';
import type { PyConstant } from '../ast/constants.js';
import { pyRepr, reprStr } from '../ast/repr.js';
import { constantsEqual, foldConstant } from './constantFolding.js';
import type { Folded } from './constantFolding.js';
import type { CodegenChecker } from './compileChecks.js';

export interface PatternContext {
  /** Names captured so far, in capture order. */
  stores: string[];
  /** Whether an irrefutable pattern (a capture or `_`) is acceptable here. */
  allowIrrefutable: boolean;
}

export function newPatternContext(allowIrrefutable: boolean): PatternContext {
  return { stores: [], allowIrrefutable };
}

function isWildcard(p: pattern): boolean {
  return p.nodeType === 'MatchAs' && p.name === null;
}

export function compilePattern(c: CodegenChecker, p: pattern, pc: PatternContext): void {
  c.loc = p;
  switch (p.nodeType) {
    case 'MatchValue':
      if (p.value.nodeType !== 'Attribute' && foldConstant(p.value) === undefined) {
        c.error('patterns may only match literals and attribute lookups');
      }
      return c.expr(p.value);
    case 'MatchSingleton':
      return;
    case 'MatchSequence':
      return sequencePattern(c, p, pc);
    case 'MatchMapping':
      return mappingPattern(c, p, pc);
    case 'MatchClass':
      return classPattern(c, p, pc);
    case 'MatchStar':
      return storeName(c, p.name, pc);
    case 'MatchAs':
      return asPattern(c, p, pc);
    case 'MatchOr':
      return orPattern(c, p, pc);
  }
}

/** A sub-pattern may be irrefutable (`[x]`, `C(_)`) whatever its parent may be. */
function subpattern(c: CodegenChecker, p: pattern, pc: PatternContext): void {
  const allow = pc.allowIrrefutable;
  pc.allowIrrefutable = true;
  compilePattern(c, p, pc);
  pc.allowIrrefutable = allow;
}

function storeName(c: CodegenChecker, name: string | null, pc: PatternContext): void {
  if (name === null) return;
  c.storeName(name);
  if (pc.stores.includes(name)) c.error(`multiple assignments to name ${reprStr(name)} in pattern`);
  pc.stores.push(name);
}

function asPattern(c: CodegenChecker, p: MatchAs, pc: PatternContext): void {
  if (p.pattern === null) {
    if (!pc.allowIrrefutable) {
      if (p.name !== null) c.error(`name capture ${reprStr(p.name)} makes remaining patterns unreachable`);
      c.error('wildcard makes remaining patterns unreachable');
    }
    return storeName(c, p.name, pc);
  }
  compilePattern(c, p.pattern, pc);
  storeName(c, p.name, pc);
}

function sequencePattern(c: CodegenChecker, p: MatchSequence, pc: PatternContext): void {
  const patterns = p.patterns;
  let star = -1;
  let onlyWildcard = true;
  let starWildcard = false;
  for (let i = 0; i < patterns.length; i++) {
    const q = patterns[i]!;
    if (q.nodeType === 'MatchStar') {
      if (star >= 0) c.error('multiple starred names in sequence pattern');
      starWildcard = q.name === null;
      onlyWildcard &&= starWildcard;
      star = i;
    } else {
      onlyWildcard &&= isWildcard(q);
    }
  }
  if (onlyWildcard) return;
  if (starWildcard) {
    // Items are fetched by index, skipping the wildcards.
    for (let i = 0; i < patterns.length; i++) {
      const q = patterns[i]!;
      if (i !== star && !isWildcard(q)) subpattern(c, q, pc);
    }
    return;
  }
  if (star >= 1 << 8 || patterns.length - star - 1 >= 0x7fffffff >> 8) {
    c.error('too many expressions in star-unpacking sequence pattern');
  }
  for (const q of patterns) subpattern(c, q, pc);
}

function mappingPattern(c: CodegenChecker, p: MatchMapping, pc: PatternContext): void {
  const keys = p.keys;
  if (keys.length === 0 && p.rest === null) return;
  const seen: Folded[] = [];
  for (const key of keys) {
    const value = foldConstant(key);
    if (value !== undefined) {
      if (seen.some((other) => constantsEqual(other, value))) {
        c.error(`mapping pattern checks duplicate key (${pyRepr(value as PyConstant)})`);
      }
      seen.push(value);
    } else if (key.nodeType !== 'Attribute') {
      c.error('mapping pattern keys may only match literals and attribute lookups');
    }
    c.expr(key);
  }
  for (const q of p.patterns) subpattern(c, q, pc);
  storeName(c, p.rest, pc);
}

function classPattern(c: CodegenChecker, p: MatchClass, pc: PatternContext): void {
  const attrs = p.kwd_attrs;
  if (attrs.length > 0) {
    // Keyword names have no node of their own: errors point at their patterns.
    for (let i = 0; i < attrs.length; i++) {
      c.loc = p.kwd_patterns[i]!;
      c.storeName(attrs[i]!);
      for (let j = i + 1; j < attrs.length; j++) {
        if (attrs[j] === attrs[i]) {
          c.loc = p.kwd_patterns[j]!;
          c.error(`attribute name repeated in class pattern: ${attrs[i]}`);
        }
      }
    }
    c.loc = p;
  }
  c.expr(p.cls);
  for (const q of p.patterns) if (!isWildcard(q)) subpattern(c, q, pc);
  for (const q of p.kwd_patterns) if (!isWildcard(q)) subpattern(c, q, pc);
}

function orPattern(c: CodegenChecker, p: MatchOr, pc: PatternContext): void {
  const outerStores = pc.stores;
  const outerAllow = pc.allowIrrefutable;
  const alternatives = p.patterns;
  let control: string[] | null = null;
  for (let i = 0; i < alternatives.length; i++) {
    const alt = alternatives[i]!;
    c.loc = alt;
    pc.stores = [];
    // Only the last alternative may be irrefutable, and only if the whole pattern may be.
    pc.allowIrrefutable = i === alternatives.length - 1 && outerAllow;
    compilePattern(c, alt, pc);
    if (control === null) {
      control = pc.stores;
    } else if (pc.stores.length !== control.length || control.some((name) => !pc.stores.includes(name))) {
      c.error('alternative patterns bind different names');
    }
  }
  pc.stores = outerStores;
  pc.allowIrrefutable = outerAllow;
  for (const name of control!) {
    if (pc.stores.includes(name)) c.error(`multiple assignments to name ${reprStr(name)} in pattern`);
    pc.stores.push(name);
  }
}
