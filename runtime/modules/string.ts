/**
 * Python's `string` module: the character constants, capwords, and
 * Template ($-substitution, subclassable with another `delimiter` or
 * `idpattern`). Its exports are exactly the module's attributes.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { KeyError, ValueError } from '../builtins/exceptions.js';
import { PyDict } from '../builtins/dict.js';
import { getitem } from '../builtins/items.js';
import { str as strOf } from '../builtins/repr.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { iterate } from '../builtins/iteration.js';
import type { PyClass } from '../builtins/classes.js';
import { pyClass, pyFunction } from './support/pydef.js';
import { pyLen, splitLinesKeepEnds } from './support/textwrap/lines.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './string.js';

export const __name__ = 'string';
loadedModules.$set('string', self);

export const whitespace = ' \t\n\r\v\f';
export const ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz';
export const ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const ascii_letters = ascii_lowercase + ascii_uppercase;
export const digits = '0123456789';
export const hexdigits = digits + 'abcdef' + 'ABCDEF';
export const octdigits = '01234567';
export const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
export const printable = digits + ascii_letters + punctuation + whitespace;

export const capwords = pyFunction('s, sep=', 'capwords', 'string', (s: unknown, sep: unknown = null) => {
  const words = [...iterate(callMethod(s, 'split', sep))];
  const joiner = sep === null || sep === '' ? ' ' : sep;
  return callMethod(joiner, 'join', words.map((w) => callMethod(w, 'capitalize')));
});

const DEFAULT_ID = '(?a:[_a-z][_a-z0-9]*)';

/** A Python id pattern as JS regex source: the default's ASCII letters; others with `(?a:…)` unwrapped. */
function idSource(pattern: string): string {
  if (pattern === DEFAULT_ID) return '[_a-zA-Z][_a-zA-Z0-9]*';
  const m = /^\(\?a:(.*)\)$/s.exec(pattern);
  return m ? m[1]! : pattern;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** The pattern CPython's Template compiles from the class's delimiter and id patterns (IGNORECASE, as its default flags). */
function patternOf(t: object): RegExp {
  const delimiter = strOf(getattr(t, 'delimiter'));
  const id = idSource(strOf(getattr(t, 'idpattern')));
  const braced = getattr(t, 'braceidpattern');
  const bid = braced === null || braced === undefined ? id : idSource(strOf(braced));
  const d = escapeRegex(delimiter);
  return new RegExp(`${d}(?:(${d})|(${id})|\\{(${bid})\\}|())`, 'gi');
}

function templateText(t: object): string {
  return strOf(getattr(t, 'template'));
}

function invalid(text: string, i: number): ValueError {
  const lines = splitLinesKeepEnds(text.slice(0, i));
  let lineno = 1;
  let colno = 1;
  if (lines.length > 0) {
    lineno = lines.length;
    colno = pyLen(text.slice(0, i)) - pyLen(lines.slice(0, -1).join(''));
  }
  return new ValueError(`Invalid placeholder in string: line ${lineno}, col ${colno}`);
}

/** Looks names up in the keywords, then the mapping (CPython's ChainMap(kws, mapping)). */
function lookup(mapping: unknown, kws: PyDict): (name: string) => unknown {
  return (name) => (kws.$has(name) ? kws.$get(name) : getitem(mapping, name));
}

function substituteImpl(t: object, mapping: unknown, kws: PyDict, safe: boolean): string {
  const text = templateText(t);
  const get = lookup(mapping ?? new PyDict(), kws);
  return text.replace(patternOf(t), (whole: string, escaped?: string, named?: string, braced?: string, _inv?: string, offset?: number) => {
    if (escaped !== undefined) return escaped;
    const name = named ?? braced;
    if (name !== undefined) {
      if (!safe) return strOf(get(name));
      try {
        return strOf(get(name));
      } catch (e) {
        if (e instanceof KeyError) return whole;
        throw e;
      }
    }
    if (safe) return whole;
    throw invalid(text, offset! + whole.length);
  });
}

export const Template: PyClass = pyClass('Template', 'string', [], {
  delimiter: '$',
  idpattern: DEFAULT_ID,
  braceidpattern: null,
  __init__: pyFunction('self, template', 'Template.__init__', 'string', (t: Record<string, unknown>, template: unknown) => {
    t['template'] = template;
    return null;
  }),
  substitute: pyFunction('self, mapping=, /, **kws', 'Template.substitute', 'string', (t: object, mapping: unknown, kws: PyDict) =>
    substituteImpl(t, mapping, kws, false)),
  safe_substitute: pyFunction('self, mapping=, /, **kws', 'Template.safe_substitute', 'string', (t: object, mapping: unknown, kws: PyDict) =>
    substituteImpl(t, mapping, kws, true)),
  get_identifiers: pyFunction('self', 'Template.get_identifiers', 'string', (t: object) => {
    const text = templateText(t);
    const ids: string[] = [];
    const re = patternOf(t);
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const name = m[2] ?? m[3];
      if (name !== undefined && !ids.includes(name)) ids.push(name);
      else if (name === undefined && m[1] === undefined && m[4] === undefined) throw new ValueError(`Unrecognized named group in pattern ${re.source}`);
    }
    return ids;
  }),
  is_valid: pyFunction('self', 'Template.is_valid', 'string', (t: object) => {
    const text = templateText(t);
    const re = patternOf(t);
    for (let m = re.exec(text); m !== null; m = re.exec(text)) if (m[4] !== undefined) return false;
    return true;
  }),
});


export { Formatter } from './support/string/formatter.js';
