/**
 * textwrap's wrapping algorithm as CPython 3.11 runs it: the text is split
 * into chunks (words, whitespace runs, hyphenated parts, em-dashes) by the
 * same pattern, then the chunks are laid out greedily, long words broken,
 * whitespace dropped at line ends, and max_lines/placeholder applied.
 * Lengths count code points.
 */
import { ValueError } from '../../../builtins/exceptions.js';
import { pyLen } from './lines.js';

export interface WrapOptions {
  width: number;
  initialIndent: string;
  subsequentIndent: string;
  expandTabs: boolean;
  replaceWhitespace: boolean;
  fixSentenceEndings: boolean;
  breakLongWords: boolean;
  dropWhitespace: boolean;
  breakOnHyphens: boolean;
  tabsize: number;
  maxLines: number | null;
  placeholder: string;
}

const WS = '[\\t\\n\\x0b\\x0c\\r ]';
const NWS = '[^\\t\\n\\x0b\\x0c\\r ]';
const WORD = '[\\p{L}\\p{N}_]';
const WORD_PUNCT = '[\\p{L}\\p{N}_!"\'&.,?]';
const LETTER = '[\\p{L}\\p{Nl}\\p{No}_]';

/** Words possibly hyphenated, em-dashes between words, and whitespace runs, each a chunk. */
const WORDSEP = new RegExp(
  `(${WS}+` +
    `|(?<=${WORD_PUNCT})-{2,}(?=${WORD})` +
    `|${NWS}+?(?:-(?:(?<=${LETTER}{2}-)|(?<=${LETTER}-${LETTER}-))(?=${LETTER}-?${LETTER})|(?=${WS}|$)|(?<=${WORD_PUNCT})(?=-{2,}${WORD})))`,
  'u',
);
const WORDSEP_SIMPLE = new RegExp(`(${WS}+)`, 'u');
const SENTENCE_END = /[a-z][.!?]["']?$/;
const WHITESPACE_CHARS = /[\t\n\x0b\x0c\r]/g;

/** str.expandtabs(tabsize): columns restart after \n and \r. */
export function expandTabs(s: string, tabsize: number): string {
  let out = '';
  let column = 0;
  for (const ch of s) {
    if (ch === '\t') {
      if (tabsize > 0) {
        const n = tabsize - (column % tabsize);
        out += ' '.repeat(n);
        column += n;
      }
    } else {
      out += ch;
      column = ch === '\n' || ch === '\r' ? 0 : column + 1;
    }
  }
  return out;
}

function isBlank(s: string): boolean {
  return s.trim() === '' && !/\ufeff/.test(s);
}

/** The first `n` code points of s, and the rest. */
function splitAt(s: string, n: number): [string, string] {
  const chars = [...s];
  return [chars.slice(0, n).join(''), chars.slice(n).join('')];
}

export function chunksOf(text: string, o: WrapOptions): string[] {
  let t = text;
  if (o.expandTabs) t = expandTabs(t, o.tabsize);
  if (o.replaceWhitespace) t = t.replace(WHITESPACE_CHARS, ' ');
  const parts = t.split(o.breakOnHyphens ? WORDSEP : WORDSEP_SIMPLE);
  return parts.filter((c) => c !== undefined && c !== '');
}

function fixSentenceEndings(chunks: string[]): void {
  let i = 0;
  while (i < chunks.length - 1) {
    if (chunks[i + 1] === ' ' && SENTENCE_END.test(chunks[i]!)) {
      chunks[i + 1] = '  ';
      i += 2;
    } else {
      i++;
    }
  }
}

function handleLongWord(reversed: string[], line: string[], lineLen: number, width: number, o: WrapOptions): void {
  const spaceLeft = width < 1 ? 1 : width - lineLen;
  if (o.breakLongWords) {
    let end = spaceLeft;
    const chunk = reversed[reversed.length - 1]!;
    if (o.breakOnHyphens && pyLen(chunk) > spaceLeft) {
      const head = [...chunk].slice(0, spaceLeft).join('');
      const hyphen = [...head].lastIndexOf('-');
      if (hyphen > 0 && [...head].slice(0, hyphen).some((c) => c !== '-')) end = hyphen + 1;
    }
    const [taken, rest] = splitAt(chunk, end);
    line.push(taken);
    reversed[reversed.length - 1] = rest;
  } else if (line.length === 0) {
    line.push(reversed.pop()!);
  }
}

function totalLength(parts: readonly string[]): number {
  let n = 0;
  for (const p of parts) n += pyLen(p);
  return n;
}

export function wrapChunks(chunks: string[], o: WrapOptions): string[] {
  const lines: string[] = [];
  if (o.width <= 0) throw new ValueError(`invalid width ${o.width} (must be > 0)`);
  if (o.maxLines !== null) {
    const indent = o.maxLines > 1 ? o.subsequentIndent : o.initialIndent;
    if (pyLen(indent) + pyLen(o.placeholder.trimStart()) > o.width) throw new ValueError('placeholder too large for max width');
  }
  const reversed = [...chunks].reverse();
  while (reversed.length > 0) {
    const line: string[] = [];
    let lineLen = 0;
    const indent = lines.length > 0 ? o.subsequentIndent : o.initialIndent;
    const width = o.width - pyLen(indent);
    if (o.dropWhitespace && isBlank(reversed[reversed.length - 1]!) && lines.length > 0) reversed.pop();
    while (reversed.length > 0) {
      const n = pyLen(reversed[reversed.length - 1]!);
      if (lineLen + n <= width) {
        line.push(reversed.pop()!);
        lineLen += n;
      } else {
        break;
      }
    }
    if (reversed.length > 0 && pyLen(reversed[reversed.length - 1]!) > width) {
      handleLongWord(reversed, line, lineLen, width, o);
      lineLen = totalLength(line);
    }
    if (o.dropWhitespace && line.length > 0 && isBlank(line[line.length - 1]!)) {
      lineLen -= pyLen(line[line.length - 1]!);
      line.pop();
    }
    if (line.length === 0) continue;
    const fits =
      o.maxLines === null ||
      lines.length + 1 < o.maxLines ||
      ((reversed.length === 0 || (o.dropWhitespace && reversed.length === 1 && isBlank(reversed[0]!))) && lineLen <= width);
    if (fits) {
      lines.push(indent + line.join(''));
      continue;
    }
    let placed = false;
    while (line.length > 0) {
      if (!isBlank(line[line.length - 1]!) && lineLen + pyLen(o.placeholder) <= width) {
        line.push(o.placeholder);
        lines.push(indent + line.join(''));
        placed = true;
        break;
      }
      lineLen -= pyLen(line[line.length - 1]!);
      line.pop();
    }
    if (!placed) {
      if (lines.length > 0) {
        const prev = lines[lines.length - 1]!.trimEnd();
        if (pyLen(prev) + pyLen(o.placeholder) <= o.width) {
          lines[lines.length - 1] = prev + o.placeholder;
          break;
        }
      }
      lines.push(indent + o.placeholder.trimStart());
    }
    break;
  }
  return lines;
}

export function wrapText(text: string, o: WrapOptions): string[] {
  const chunks = chunksOf(text, o);
  if (o.fixSentenceEndings) fixSentenceEndings(chunks);
  return wrapChunks(chunks, o);
}
