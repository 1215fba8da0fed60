/**
 * Python's `shlex`: split (the shlex lexer in its whitespace_split mode,
 * POSIX or not, with or without comments), quote and join. The shlex
 * class (token streams, punctuation_chars, push_token, push_source) is
 * provided too, without source inclusion (`source`, `sourcehook`).
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { DeprecationWarning, StopIteration, TypeError } from '../builtins/exceptions.js';
import { warnCaller } from './support/warnings/fromRuntime.js';
import { typeName } from '../builtins/values.js';
import { truthy } from '../builtins/truth.js';
import { iterate } from '../builtins/iteration.js';
import { PyTuple } from '../builtins/values.js';
import { call } from '../builtins/calls.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { str } from '../builtins/repr.js';
import { eq } from '../builtins/equality.js';
import { int } from '../builtins/functions.js';
import { PyProperty } from '../builtins/classes/descriptors.js';
import { StringIO } from './io.js';
import { deque } from './support/collections/deque.js';
import * as sys from './sys.js';
import { pyClass, pyFunction } from './support/pydef.js';
import { POSIX_WORDCHARS, WORDCHARS, readToken, type LexHost, type LexOptions, type LexState } from './support/shlex/lexer.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './shlex.js';

export const __name__ = 'shlex';
loadedModules.$set('shlex', self);

const Q = 'shlex';

/** shlex.split's lexer: whitespace_split over a string, no punctuation characters. */
function lex(s: string, posix: boolean, commenters: string): string[] {
  const chars = Array.from(s);
  let pos = 0;
  const options: LexOptions = {
    posix, wordchars: posix ? POSIX_WORDCHARS : WORDCHARS, whitespace: ' \t\r\n', whitespaceSplit: true, quotes: '\'"', escape: '\\',
    escapedquotes: '"', commenters, punctuationChars: '',
  };
  const tokens: string[] = [];
  const host: LexHost = {
    read: () => (pos < chars.length ? chars[pos++]! : ''),
    readline: () => {
      while (pos < chars.length && chars[pos++] !== '\n');
    },
    hasPushedChar: () => false,
    popChar: () => '',
    pushChar: () => undefined,
    // Unreachable with whitespace_split: every character extends a word.
    pushToken: (c) => tokens.push(c),
  };
  const state: LexState = { state: ' ', lineno: 1 };
  for (;;) {
    const token = readToken(options, state, host);
    // The end: None in POSIX mode, '' otherwise.
    if (token === null || (!posix && token === '')) return tokens;
    tokens.push(token);
  }
}

export const split = pyFunction('s, comments=, posix=', 'split', Q, (s: unknown, comments: unknown = false, posix: unknown = true) => {
  if (s === null) {
    warnCaller("Passing None for 's' to shlex.split() is deprecated.", DeprecationWarning, 2);
    // shlex's input stream is then sys.stdin.
    s = sys.stdin;
  }
  // A stream (anything with read()) is read to its end, as shlex reads its instream.
  const text = typeof s === 'string' ? s : callMethod(s, 'read');
  if (typeof text !== 'string') throw new TypeError(`initial_value must be str or None, not ${typeName(text)}`);
  return lex(text, truthy(posix), truthy(comments) ? '#' : '');
});

const UNSAFE = /[^\w@%+=:,./-]/;

function quoteArg(s: unknown): string {
  if (!truthy(s)) return "''";
  if (typeof s !== 'string') throw new TypeError(`expected string or bytes-like object, got '${typeName(s)}'`);
  if (!UNSAFE.test(s)) return s;
  // Single quotes, and a single quote as '"'"'.
  return "'" + s.replace(/'/g, "'\"'\"'") + "'";
}

export const quote = pyFunction('s', 'quote', Q, (s: unknown) => quoteArg(s));

export const join = pyFunction('split_command', 'join', Q, (command: unknown) => [...iterate(command)].map(quoteArg).join(' '));

type Obj = Record<string, unknown>;

function attr(lx: object, name: string): string {
  return getattr(lx, name) as string;
}

/** read_token on a shlex object: its options and state are its attributes, its input its stream. */
function readTokenOf(lx: Obj): string | null {
  const options: LexOptions = {
    posix: truthy(lx['posix']), wordchars: attr(lx, 'wordchars'), whitespace: attr(lx, 'whitespace'),
    whitespaceSplit: truthy(lx['whitespace_split']), quotes: attr(lx, 'quotes'), escape: attr(lx, 'escape'),
    escapedquotes: attr(lx, 'escapedquotes'), commenters: attr(lx, 'commenters'), punctuationChars: attr(lx, '_punctuation_chars'),
  };
  const host: LexHost = {
    read: () => callMethod(lx['instream'], 'read', 1) as string,
    readline: () => {
      callMethod(lx['instream'], 'readline');
    },
    hasPushedChar: () => truthy(lx['_pushback_chars']),
    popChar: () => callMethod(lx['_pushback_chars'], 'pop') as string,
    pushChar: (c) => {
      callMethod(lx['_pushback_chars'], 'append', c);
    },
    pushToken: (c) => {
      callMethod(lx['pushback'], 'appendleft', c);
    },
  };
  const state: LexState = { state: lx['state'] as string | null, lineno: Number(lx['lineno']) };
  try {
    return readToken(options, state, host);
  } finally {
    lx['state'] = state.state;
    lx['lineno'] = state.lineno;
    lx['token'] = '';
  }
}

function getToken(lx: Obj): unknown {
  if (truthy(lx['pushback'])) return callMethod(lx['pushback'], 'popleft');
  let raw: unknown = readTokenOf(lx);
  while (raw === lx['eof']) {
    if (!truthy(lx['filestack'])) return lx['eof'];
    popSource(lx);
    raw = getToken(lx);
  }
  return raw;
}

function popSource(lx: Obj): void {
  callMethod(lx['instream'], 'close');
  const [infile, instream, lineno] = [...iterate(callMethod(lx['filestack'], 'popleft'))];
  lx['infile'] = infile;
  lx['instream'] = instream;
  lx['lineno'] = lineno;
  lx['state'] = ' ';
}

const Q_CLASS = 'shlex';

export const shlex = pyClass('shlex', Q, [], {
  __init__: pyFunction('self, instream=, infile=, posix=, punctuation_chars=', 'shlex.__init__', Q_CLASS,
    (lx: Obj, instream: unknown = null, infile: unknown = null, posix: unknown = false, punctuationChars: unknown = false) => {
      if (typeof instream === 'string') instream = call(StringIO, [instream], null);
      if (instream !== null) {
        lx['instream'] = instream;
        lx['infile'] = infile;
      } else {
        lx['instream'] = sys.stdin;
        lx['infile'] = null;
      }
      lx['posix'] = posix;
      lx['eof'] = truthy(posix) ? null : '';
      lx['commenters'] = '#';
      lx['wordchars'] = truthy(posix) ? POSIX_WORDCHARS : WORDCHARS;
      lx['whitespace'] = ' \t\r\n';
      lx['whitespace_split'] = false;
      lx['quotes'] = '\'"';
      lx['escape'] = '\\';
      lx['escapedquotes'] = '"';
      lx['state'] = ' ';
      lx['pushback'] = call(deque, [], null);
      lx['lineno'] = 1;
      lx['debug'] = 0;
      lx['token'] = '';
      lx['filestack'] = call(deque, [], null);
      lx['source'] = null;
      let punct: unknown = punctuationChars;
      if (!truthy(punct)) punct = '';
      else if (punct === true) punct = '();<>|&';
      lx['_punctuation_chars'] = punct;
      if (truthy(punct)) {
        lx['_pushback_chars'] = call(deque, [], null);
        // Allowed in file names, arguments and wildcards; the punctuation characters are no word characters.
        const chars = new Set(iterate(punct) as Iterable<string>);
        lx['wordchars'] = [...((lx['wordchars'] as string) + '~-./*?=')].filter((c) => !chars.has(c)).join('');
      }
      return null;
    }),
  punctuation_chars: new PyProperty(pyFunction('self', 'shlex.punctuation_chars', Q_CLASS, (lx: Obj) => lx['_punctuation_chars'])),
  push_token: pyFunction('self, tok', 'shlex.push_token', Q_CLASS, (lx: Obj, tok: unknown) => {
    callMethod(lx['pushback'], 'appendleft', tok);
    return null;
  }),
  push_source: pyFunction('self, newstream, newfile=', 'shlex.push_source', Q_CLASS, (lx: Obj, newstream: unknown, newfile: unknown = null) => {
    if (typeof newstream === 'string') newstream = call(StringIO, [newstream], null);
    callMethod(lx['filestack'], 'appendleft', PyTuple.of(lx['infile'], lx['instream'], lx['lineno']));
    lx['infile'] = newfile;
    lx['instream'] = newstream;
    lx['lineno'] = 1;
    return null;
  }),
  pop_source: pyFunction('self', 'shlex.pop_source', Q_CLASS, (lx: Obj) => {
    popSource(lx);
    return null;
  }),
  get_token: pyFunction('self', 'shlex.get_token', Q_CLASS, (lx: Obj) => getToken(lx)),
  read_token: pyFunction('self', 'shlex.read_token', Q_CLASS, (lx: Obj) => readTokenOf(lx)),
  error_leader: pyFunction('self, infile=, lineno=', 'shlex.error_leader', Q_CLASS, (lx: Obj, infile: unknown = null, lineno: unknown = null) => {
    const file = infile === null ? lx['infile'] : infile;
    const line = lineno === null ? lx['lineno'] : lineno;
    return `"${str(file)}", line ${str(call(int, [line], null))}: `;
  }),
  __iter__: pyFunction('self', 'shlex.__iter__', Q_CLASS, (lx: Obj) => lx),
  __next__: pyFunction('self', 'shlex.__next__', Q_CLASS, (lx: Obj) => {
    const token = callMethod(lx, 'get_token');
    if (eq(token, lx['eof'])) throw new StopIteration();
    return token;
  }),
});
