/**
 * Python's `textwrap` module: TextWrapper (a Python class whose options are
 * instance attributes, as in CPython), wrap, fill, shorten, dedent and
 * indent. Its exports are exactly the module's attributes.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { AttributeError, TypeError } from '../builtins/exceptions.js';
import { PyDict } from '../builtins/dict.js';
import { call } from '../builtins/calls.js';
import { add } from '../builtins/operators.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { truthy } from '../builtins/truth.js';
import { isIntNumber, typeName } from '../builtins/values.js';
import type { PyClass } from '../builtins/classes.js';
import { kwargsRecord, pyClass, pyFunction } from './support/pydef.js';
import { splitLinesKeepEnds } from './support/textwrap/lines.js';
import { wrapText, type WrapOptions } from './support/textwrap/wrapper.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './textwrap.js';

export const __name__ = 'textwrap';
loadedModules.$set('textwrap', self);

const Q = 'textwrap';

/** A str argument; CPython fails on other values in the first str method it calls (`method`), or in re for dedent. */
function text(v: unknown, method: string | null): string {
  if (typeof v === 'string') return v;
  if (method === null) throw new TypeError(`expected string or bytes-like object, got '${typeName(v)}'`);
  throw new AttributeError(`'${typeName(v)}' object has no attribute '${method}'`);
}

function intOption(v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && isIntNumber(v)) return v;
  if (typeof v === 'bigint') return Number(v);
  throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** The wrapper's options, read from its attributes when it wraps (as CPython's methods read self.width…). */
function optionsOf(w: object): WrapOptions {
  const attr = (name: string): unknown => getattr(w, name);
  const maxLines = attr('max_lines');
  return {
    width: intOption(attr('width')),
    initialIndent: String(attr('initial_indent')),
    subsequentIndent: String(attr('subsequent_indent')),
    expandTabs: truthy(attr('expand_tabs')),
    replaceWhitespace: truthy(attr('replace_whitespace')),
    fixSentenceEndings: truthy(attr('fix_sentence_endings')),
    breakLongWords: truthy(attr('break_long_words')),
    dropWhitespace: truthy(attr('drop_whitespace')),
    breakOnHyphens: attr('break_on_hyphens') === true,
    tabsize: intOption(attr('tabsize')),
    maxLines: maxLines === null || maxLines === undefined ? null : intOption(maxLines),
    placeholder: String(attr('placeholder')),
  };
}

const INIT_SPEC =
  'self, width=, initial_indent=, subsequent_indent=, expand_tabs=, replace_whitespace=, fix_sentence_endings=, ' +
  'break_long_words=, drop_whitespace=, break_on_hyphens=, tabsize=, *, max_lines=, placeholder=';

export const TextWrapper: PyClass = pyClass('TextWrapper', Q, [], {
  __init__: pyFunction(INIT_SPEC, 'TextWrapper.__init__', Q,
    (w: Record<string, unknown>, width?: unknown, initialIndent?: unknown, subsequentIndent?: unknown, expandTabs?: unknown,
      replaceWhitespace?: unknown, fixSentenceEndings?: unknown, breakLongWords?: unknown, dropWhitespace?: unknown,
      breakOnHyphens?: unknown, tabsize?: unknown, maxLines?: unknown, placeholder?: unknown) => {
      w['width'] = width ?? 70;
      w['initial_indent'] = initialIndent ?? '';
      w['subsequent_indent'] = subsequentIndent ?? '';
      w['expand_tabs'] = expandTabs ?? true;
      w['replace_whitespace'] = replaceWhitespace ?? true;
      w['fix_sentence_endings'] = fixSentenceEndings ?? false;
      w['break_long_words'] = breakLongWords ?? true;
      w['drop_whitespace'] = dropWhitespace ?? true;
      w['break_on_hyphens'] = breakOnHyphens ?? true;
      w['tabsize'] = tabsize ?? 8;
      w['max_lines'] = maxLines ?? null;
      w['placeholder'] = placeholder ?? ' [...]';
      return null;
    }),
  wrap: pyFunction('self, text', 'TextWrapper.wrap', Q, (w: object, t: unknown) => wrapText(text(t, 'expandtabs'), optionsOf(w))),
  fill: pyFunction('self, text', 'TextWrapper.fill', Q, (w: object, t: unknown) => {
    const lines = callMethod(w, 'wrap', t) as string[];
    return lines.join('\n');
  }),
});

function wrapper(width: unknown, kwargs: PyDict, extra: Record<string, unknown> = {}): unknown {
  return call(TextWrapper, [], { width: width ?? 70, ...extra, ...kwargsRecord(kwargs) });
}

export const wrap = pyFunction('text, width=, **kwargs', 'wrap', Q, (t: unknown, width: unknown, kwargs: PyDict) =>
  callMethod(wrapper(width, kwargs), 'wrap', t));

export const fill = pyFunction('text, width=, **kwargs', 'fill', Q, (t: unknown, width: unknown, kwargs: PyDict) =>
  callMethod(wrapper(width, kwargs), 'fill', t));

export const shorten = pyFunction('text, width, **kwargs', 'shorten', Q, (t: unknown, width: unknown, kwargs: PyDict) => {
  const w = call(TextWrapper, [], { width, max_lines: 1, ...kwargsRecord(kwargs) });
  const words = callMethod(callMethod(t, 'strip'), 'split') as string[];
  return callMethod(w, 'fill', words.join(' '));
});

/** dedent: the whitespace-only lines emptied, then the margin common to the other lines removed. */
export const dedent = pyFunction('text', 'dedent', Q, (t: unknown) => {
  const lines = text(t, null).split('\n').map((line) => (/^[ \t]+$/.test(line) ? '' : line));
  let margin: string | null = null;
  for (const line of lines) {
    const m = /^([ \t]*)[^ \t]/.exec(line);
    if (m === null) continue;
    const indent = m[1]!;
    if (margin === null) margin = indent;
    else if (indent.startsWith(margin)) continue;
    else if (margin.startsWith(indent)) margin = indent;
    else {
      let i = 0;
      while (i < margin.length && i < indent.length && margin[i] === indent[i]) i++;
      margin = margin.slice(0, i);
    }
  }
  const m = margin;
  if (m !== null && m !== '') return lines.map((line) => (line.startsWith(m) ? line.slice(m.length) : line)).join('\n');
  return lines.join('\n');
});

export const indent = pyFunction('text, prefix, predicate=', 'indent', Q, (t: unknown, prefix: unknown, predicate: unknown = null) => {
  const p = prefix as string;
  const keep = predicate === null || predicate === undefined
    ? (line: string) => truthy(callMethod(line, 'strip'))
    : (line: string) => truthy(call(predicate, [line], null));
  return splitLinesKeepEnds(text(t, 'splitlines')).map((line) => (keep(line) ? (add(p, line) as string) : line)).join('');
});
