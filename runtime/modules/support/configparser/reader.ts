/**
 * The INI reader of configparser (RawConfigParser._read), with the rules
 * Python 3.11 documents: section headers, `key = value` lines split at the
 * first delimiter, values continued on more-indented lines, comments whole
 * (comment_prefixes, after leading whitespace) or inline
 * (inline_comment_prefixes, after whitespace), empty lines kept in values
 * or ending them, and in strict mode no section or option twice in one
 * source. A line that is none of these is a ParsingError, reported (with
 * all such lines) once the whole source is read; an option before any
 * section is a MissingSectionHeaderError at once.
 *
 * Values are collected as lists of lines and joined when the source ends,
 * as CPython does (so a source that fails midway leaves lists behind, as
 * there). The section and option patterns are the parser's: the module's
 * own are matched by equivalent JS regexps, a subclass's through Python.
 */
import { callMethod, getattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { TypeError } from '../../../builtins/exceptions.js';
import { iterate } from '../../../builtins/iteration.js';
import { getitem, setitem } from '../../../builtins/items.js';
import { in_, eqTest } from '../../../builtins/operators.js';
import { repr } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { PyBytes, PyTuple } from '../../../builtins/values.js';
import { DuplicateOptionError, DuplicateSectionError, MissingSectionHeaderError, configError } from './errors.js';
import { SectionProxy } from './proxies.js';

/** Python's whitespace (str.isspace, and `\s` of a str pattern), as a character class. */
export const SPACE_CLASS = '[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';

/** Whether UTF-16 unit `c` is a character str.isspace() accepts (none is outside the BMP). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000;
}

/** The index of the first character of `s` that is not whitespace, or -1. */
function firstNonSpace(s: string): number {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return i;
  return -1;
}

/** Python's str.strip() / rstrip() without arguments. */
export function pyStrip(s: string): string {
  let i = 0;
  let j = s.length;
  while (i < j && isSpace(s.charCodeAt(i))) i++;
  while (j > i && isSpace(s.charCodeAt(j - 1))) j--;
  return i === 0 && j === s.length ? s : s.slice(i, j);
}

export function pyRstrip(s: string): string {
  let j = s.length;
  while (j > 0 && isSpace(s.charCodeAt(j - 1))) j--;
  return j === s.length ? s : s.slice(0, j);
}

/** The JS regexps that match as the module's compiled patterns do (same groups, in order). */
const EQUIVALENTS = new WeakMap<object, RegExp>();

export function registerPattern(pattern: unknown, js: RegExp): void {
  EQUIVALENTS.set(pattern as object, js);
}

/** The groups `names` of `pattern.match(text)`, or null when it does not match (None for a group that took no part). */
function matchGroups(pattern: unknown, text: string, names: readonly string[]): unknown[] | null {
  const js = EQUIVALENTS.get(pattern as object);
  if (js !== undefined) {
    const m = js.exec(text);
    if (m === null) return null;
    return names.map((_, i) => m[i + 1] ?? null);
  }
  const m = callMethod(pattern, 'match', text);
  if (m === null) return null;
  if (names.length === 1) return [callMethod(m, 'group', names[0])];
  return [...(callMethod(m, 'group', ...names) as PyTuple)];
}

/** `s.find(sub, start)` of Python, for a str `sub` (a start past the end finds nothing, not even ''). */
function find(s: string, sub: unknown, start: number): number {
  if (typeof sub !== 'string') return Number(callMethod(s, 'find', sub, start));
  return start > s.length ? -1 : s.indexOf(sub, start);
}

function startsWith(s: string, prefix: unknown): boolean {
  return typeof prefix === 'string' ? s.startsWith(prefix) : truthy(callMethod(s, 'startswith', prefix));
}

/** Where an inline comment starts in `line` (a prefix at its start or after whitespace), or -1. */
function inlineCommentStart(line: string, prefixes: readonly unknown[]): number {
  let start = Infinity;
  // Each prefix's last find, moved on past occurrences that follow no whitespace, until one starts a comment.
  let searching = new Map<unknown, number>(prefixes.map((p) => [p, -1]));
  while (start === Infinity && searching.size > 0) {
    const next = new Map<unknown, number>();
    for (const [prefix, last] of searching) {
      const index = find(line, prefix, last + 1);
      if (index === -1) continue;
      next.set(prefix, index);
      if (index === 0 || (index > 0 && isSpace(line.charCodeAt(index - 1)))) start = Math.min(start, index);
    }
    searching = next;
  }
  return start === Infinity ? -1 : start;
}

/** A line that is not a str: the str operation CPython applies first fails on it as there. */
function notStrLine(line: unknown, comment: readonly unknown[], inline: readonly unknown[]): never {
  for (const prefix of inline) callMethod(line, 'find', prefix, 0);
  const stripped = callMethod(line, 'strip');
  for (const prefix of comment) callMethod(stripped, 'startswith', prefix);
  if (line instanceof PyBytes) throw new TypeError('cannot use a string pattern on a bytes-like object');
  throw new TypeError(`expected string or bytes-like object, got '${repr(line)}'`);
}

type Obj = Record<string, unknown>;

/** What a strict reader has seen of one source: sections, and options by section. */
class Seen {
  private readonly sections = new Set<string>();
  private readonly options = new Map<string, Set<string>>();

  hasSection(name: string): boolean {
    return this.sections.has(name);
  }

  addSection(name: string): void {
    this.sections.add(name);
  }

  /** Records the option, saying whether it was already there. */
  addOption(section: string, option: unknown): boolean {
    // An optionxform that returns something other than a str: its repr stands for it.
    const key = typeof option === 'string' ? option : `\u0000${repr(option)}`;
    let seen = this.options.get(section);
    if (seen === undefined) this.options.set(section, (seen = new Set()));
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  }
}

/** RawConfigParser._read: the lines of `fp` into the parser's sections. */
export function readSource(self: Obj, fp: unknown, fpname: unknown): void {
  const sections = getattr(self, '_sections');
  const defaultsDict = getattr(self, '_defaults');
  const proxies = getattr(self, '_proxies');
  const strict = truthy(getattr(self, '_strict'));
  const emptyLinesInValues = truthy(getattr(self, '_empty_lines_in_values'));
  const commentPrefixes = [...iterate(getattr(self, '_comment_prefixes'))];
  const inlinePrefixes = [...iterate(getattr(self, '_inline_comment_prefixes'))];
  const sectcre = getattr(self, 'SECTCRE');
  const optcre = getattr(self, '_optcre');
  const dictType = getattr(self, '_dict');

  const seen = new Seen();
  let cursect: unknown = null;
  let sectname = '';
  let optname: unknown = null;
  let indentLevel = 0;
  let error: unknown = null;
  let lineno = 0;
  for (const line of iterate(fp)) {
    lineno++;
    if (typeof line !== 'string') notStrLine(line, commentPrefixes, inlinePrefixes);
    let commentStart = inlinePrefixes.length > 0 ? inlineCommentStart(line, inlinePrefixes) : -1;
    if (commentPrefixes.length > 0) {
      const stripped = pyStrip(line);
      for (const prefix of commentPrefixes) {
        if (startsWith(stripped, prefix)) {
          commentStart = 0;
          break;
        }
      }
    }
    const value = pyStrip(commentStart < 0 ? line : line.slice(0, commentStart));
    if (value === '') {
      if (emptyLinesInValues) {
        // An empty line belongs to the value being read, unless it held a comment.
        if (commentStart < 0 && cursect !== null && truthy(optname)) {
          const lines = getitem(cursect, optname);
          if (lines !== null) callMethod(lines, 'append', '');
        }
      } else {
        indentLevel = Infinity;
      }
      continue;
    }
    const curIndentLevel = Math.max(firstNonSpace(line), 0);
    if (cursect !== null && truthy(optname) && curIndentLevel > indentLevel) {
      const lines = getitem(cursect, optname);
      if (Array.isArray(lines)) lines.push(value);
      else callMethod(lines, 'append', value);
      continue;
    }
    indentLevel = curIndentLevel;
    const header = matchGroups(sectcre, value, ['header']);
    if (header !== null) {
      sectname = header[0] as string;
      if (in_(sectname, sections)) {
        if (strict && seen.hasSection(sectname)) throw configError(DuplicateSectionError, sectname, fpname, lineno);
        cursect = getitem(sections, sectname);
        seen.addSection(sectname);
      } else if (eqTest(sectname, getattr(self, 'default_section'))) {
        cursect = defaultsDict;
      } else {
        cursect = call(dictType, [], null);
        setitem(sections, sectname, cursect);
        setitem(proxies, sectname, call(SectionProxy, [self, sectname], null));
        seen.addSection(sectname);
      }
      // A section's first line cannot continue a value.
      optname = null;
      continue;
    }
    if (cursect === null) throw configError(MissingSectionHeaderError, fpname, lineno, line);
    const groups = matchGroups(optcre, value, ['option', 'vi', 'value']);
    if (groups === null) {
      // Not fatal: every such line is reported together once the source has been read.
      error = callMethod(self, '_handle_error', error, fpname, lineno, line);
      continue;
    }
    const [rawName, , optval] = groups;
    if (!truthy(rawName)) error = callMethod(self, '_handle_error', error, fpname, lineno, line);
    optname = callMethod(self, 'optionxform', typeof rawName === 'string' ? pyRstrip(rawName) : callMethod(rawName, 'rstrip'));
    if (seen.addOption(sectname, optname) && strict) throw configError(DuplicateOptionError, sectname, optname, fpname, lineno);
    if (optval !== null) setitem(cursect, optname, [typeof optval === 'string' ? pyStrip(optval) : callMethod(optval, 'strip')]);
    else setitem(cursect, optname, null);
  }
  callMethod(self, '_join_multiline_values');
  if (error !== null && truthy(error)) throw error;
}
