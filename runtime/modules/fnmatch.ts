/**
 * Python's `fnmatch`: Unix shell-style wildcards. translate() gives
 * CPython 3.11's exact regular expression (atomic groups between stars),
 * which the runtime's `re` compiles; fnmatch, fnmatchcase and filter match
 * with it (POSIX: no case normalisation). Patterns and names are str;
 * bytes patterns are not provided.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { TypeError } from '../builtins/exceptions.js';
import { typeName } from '../builtins/values.js';
import { callMethod } from '../builtins/attributes.js';
import { iterate } from '../builtins/iteration.js';
import { pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import { compile as reCompile, escape as reEscape } from './re.js';
import { fspath } from './support/os/node.js';
import * as self from './fnmatch.js';

export const __name__ = 'fnmatch';
loadedModules.$set('fnmatch', self);

const Q = 'fnmatch';

const STAR = Symbol('*');

/** fnmatch.translate, step for step. */
function translatePattern(pat: string): string {
  const chars = Array.from(pat);
  const n = chars.length;
  const slice = (a: number, b: number): string => chars.slice(a, b).join('');
  const res: (string | typeof STAR)[] = [];
  let i = 0;
  while (i < n) {
    const c = chars[i]!;
    i++;
    if (c === '*') {
      if (res.length === 0 || res[res.length - 1] !== STAR) res.push(STAR);
    } else if (c === '?') {
      res.push('.');
    } else if (c === '[') {
      let j = i;
      if (j < n && chars[j] === '!') j++;
      if (j < n && chars[j] === ']') j++;
      while (j < n && chars[j] !== ']') j++;
      if (j >= n) {
        res.push('\\[');
        continue;
      }
      let stuff = slice(i, j);
      if (!stuff.includes('-')) {
        stuff = stuff.replace(/\\/g, '\\\\');
      } else {
        const chunks: string[] = [];
        let k = chars[i] === '!' ? i + 2 : i + 1;
        for (;;) {
          k = chars.indexOf('-', k);
          if (k < 0 || k >= j) break;
          chunks.push(slice(i, k));
          i = k + 1;
          k = k + 3;
        }
        const chunk = slice(i, j);
        if (chunk) chunks.push(chunk);
        else chunks[chunks.length - 1] += '-';
        // Remove empty ranges: invalid in re.
        for (let m = chunks.length - 1; m > 0; m--) {
          const prev = Array.from(chunks[m - 1]!);
          const cur = Array.from(chunks[m]!);
          if (prev[prev.length - 1]! > cur[0]!) {
            chunks[m - 1] = prev.slice(0, -1).join('') + cur.slice(1).join('');
            chunks.splice(m, 1);
          }
        }
        stuff = chunks.map((s) => s.replace(/\\/g, '\\\\').replace(/-/g, '\\-')).join('-');
      }
      // Escape set operations (&&, ~~ and ||).
      stuff = stuff.replace(/([&~|])/g, '\\$1');
      i = j + 1;
      if (!stuff) {
        // Empty range: never match.
        res.push('(?!)');
      } else if (stuff === '!') {
        // Negated empty range: match any character.
        res.push('.');
      } else {
        if (stuff[0] === '!') stuff = '^' + stuff.slice(1);
        else if (stuff[0] === '^' || stuff[0] === '[') stuff = '\\' + stuff;
        res.push(`[${stuff}]`);
      }
    } else {
      res.push(reEscape(c) as string);
    }
  }
  // Between two stars, the fixed part is matched lazily in an atomic group, so that a failure does not backtrack.
  const out: string[] = [];
  i = 0;
  const m = res.length;
  while (i < m && res[i] !== STAR) out.push(res[i++] as string);
  while (i < m) {
    i++;
    if (i === m) {
      out.push('.*');
      break;
    }
    let fixed = '';
    while (i < m && res[i] !== STAR) fixed += res[i++] as string;
    if (i === m) {
      out.push('.*');
      out.push(fixed);
    } else {
      out.push(`(?>.*?${fixed})`);
    }
  }
  return `(?s:${out.join('')})\\Z`;
}

function patternText(pat: unknown): string {
  if (typeof pat !== 'string') throw new TypeError(`object of type '${typeName(pat)}' has no len()`);
  return pat;
}

/** `_compile_pattern` (CPython keeps 32768 in an lru_cache). */
const compiled = new Map<string, unknown>();

function matcher(pat: string): (name: unknown) => boolean {
  let regex = compiled.get(pat);
  if (regex === undefined) {
    if (compiled.size >= 32768) compiled.clear();
    regex = reCompile(translatePattern(pat));
    compiled.set(pat, regex);
  }
  const r = regex;
  return (name) => callMethod(r, 'match', name) !== null;
}

export const translate = pyFunction('pat', 'translate', Q, (pat: unknown) => translatePattern(patternText(pat)));

export const fnmatchcase = pyFunction('name, pat', 'fnmatchcase', Q, (name: unknown, pat: unknown) => matcher(patternText(pat))(name));

/** On POSIX, os.path.normcase is os.fspath. */
export const fnmatch = pyFunction('name, pat', 'fnmatch', Q, (name: unknown, pat: unknown) => {
  const n = fspath(name);
  return matcher(patternText(fspath(pat)))(n);
});

export const filter = pyFunction('names, pat', 'filter', Q, (names: unknown, pat: unknown) => {
  const match = matcher(patternText(fspath(pat)));
  const result: unknown[] = [];
  for (const name of iterate(names)) if (match(name)) result.push(name);
  return result;
});
