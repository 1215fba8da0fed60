/**
 * shlex.read_token (CPython 3.11's Lib/shlex.py), state for state: the
 * lexer's options and its persistent state (`state`, `lineno`) are given
 * by the caller, and the input and the two push-back queues through a
 * host, so that shlex.split reads a string directly while the shlex class
 * reads its Python stream and deques.
 */
import { ValueError } from '../../../builtins/exceptions.js';

export interface LexOptions {
  readonly posix: boolean;
  readonly wordchars: string;
  readonly whitespace: string;
  readonly whitespaceSplit: boolean;
  readonly quotes: string;
  readonly escape: string;
  readonly escapedquotes: string;
  readonly commenters: string;
  readonly punctuationChars: string;
}

export interface LexState {
  /** ' ' between tokens, 'a' in a word, 'c' in punctuation, a quote or escape character, or null past the end. */
  state: string | null;
  lineno: number;
}

export interface LexHost {
  /** The next character, '' at the end. */
  read(): string;
  /** Skips the rest of the line (a comment). */
  readline(): void;
  /** `_pushback_chars`: characters read ahead (punctuation_chars mode). */
  hasPushedChar(): boolean;
  popChar(): string;
  pushChar(c: string): void;
  /** `pushback.appendleft(c)`: a character that ends a word, given back as the next token. */
  pushToken(c: string): void;
}

export const WORDCHARS = 'abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';
export const POSIX_WORDCHARS = WORDCHARS + 'ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ';

/** `c in s` for one character read: the empty string (end of input) is in every str in Python. */
function isIn(set: string, c: string): boolean {
  return set.includes(c);
}

/** One token: a str, or null for the end in POSIX mode ('' otherwise). */
export function readToken(o: LexOptions, st: LexState, host: LexHost): string | null {
  let quoted = false;
  let escapedstate = ' ';
  let token = '';
  for (;;) {
    const c = o.punctuationChars && host.hasPushedChar() ? host.popChar() : host.read();
    if (c === '\n') st.lineno++;
    const state = st.state;
    if (state === null) {
      token = '';
      break;
    } else if (state === ' ') {
      if (!c) {
        st.state = null;
        break;
      } else if (isIn(o.whitespace, c)) {
        if (token || (o.posix && quoted)) break;
      } else if (isIn(o.commenters, c)) {
        host.readline();
        st.lineno++;
      } else if (o.posix && isIn(o.escape, c)) {
        escapedstate = 'a';
        st.state = c;
      } else if (isIn(o.wordchars, c)) {
        token = c;
        st.state = 'a';
      } else if (isIn(o.punctuationChars, c)) {
        token = c;
        st.state = 'c';
      } else if (isIn(o.quotes, c)) {
        if (!o.posix) token = c;
        st.state = c;
      } else if (o.whitespaceSplit) {
        token = c;
        st.state = 'a';
      } else {
        token = c;
        if (token || (o.posix && quoted)) break;
      }
    } else if (isIn(o.quotes, state)) {
      quoted = true;
      if (!c) throw new ValueError('No closing quotation');
      if (c === state) {
        if (!o.posix) {
          token += c;
          st.state = ' ';
          break;
        }
        st.state = 'a';
      } else if (o.posix && isIn(o.escape, c) && isIn(o.escapedquotes, state)) {
        escapedstate = state;
        st.state = c;
      } else {
        token += c;
      }
    } else if (isIn(o.escape, state)) {
      if (!c) throw new ValueError('No escaped character');
      // In posix shells, only the quote itself or the escape character may be escaped within quotes.
      if (isIn(o.quotes, escapedstate) && c !== state && c !== escapedstate) token += state;
      token += c;
      st.state = escapedstate;
    } else if (state === 'a' || state === 'c') {
      if (!c) {
        st.state = null;
        break;
      } else if (isIn(o.whitespace, c)) {
        st.state = ' ';
        if (token || (o.posix && quoted)) break;
      } else if (isIn(o.commenters, c)) {
        host.readline();
        st.lineno++;
        if (o.posix) {
          st.state = ' ';
          if (token || (o.posix && quoted)) break;
        }
      } else if (state === 'c') {
        if (isIn(o.punctuationChars, c)) {
          token += c;
        } else {
          if (!isIn(o.whitespace, c)) host.pushChar(c);
          st.state = ' ';
          break;
        }
      } else if (o.posix && isIn(o.quotes, c)) {
        st.state = c;
      } else if (o.posix && isIn(o.escape, c)) {
        escapedstate = 'a';
        st.state = c;
      } else if (isIn(o.wordchars, c) || isIn(o.quotes, c) || (o.whitespaceSplit && !isIn(o.punctuationChars, c))) {
        token += c;
      } else {
        if (o.punctuationChars) host.pushChar(c);
        else host.pushToken(c);
        st.state = ' ';
        if (token || (o.posix && quoted)) break;
      }
    }
  }
  if (o.posix && !quoted && token === '') return null;
  return token;
}
