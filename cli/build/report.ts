/**
 * How build and watch talk to the terminal: diagnostics as
 * `file:line:col: Kind: message` followed by CPython's source line and
 * caret, coloured when stderr is a terminal (NO_COLOR turns colour off,
 * FORCE_COLOR on: https://no-color.org, https://force-color.org), a
 * progress line that rewrites itself on a terminal, and summaries.
 */
import type { Diagnostic } from './types.js';

export interface Style {
  bold(text: string): string;
  red(text: string): string;
  green(text: string): string;
  dim(text: string): string;
}

const plain: Style = { bold: (s) => s, red: (s) => s, green: (s) => s, dim: (s) => s };
const ansi: Style = {
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  red: (s) => `\x1b[31m${s}\x1b[39m`,
  green: (s) => `\x1b[32m${s}\x1b[39m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
};

export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (force === '0' || force === 'false') return false;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  return useColour(stream, env) ? ansi : plain;
}

export function formatDiagnostic(d: Diagnostic, style: Style): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  let out = `${style.bold(where)}: ${style.red(style.bold(d.kind))}: ${d.message}\n`;
  if (d.snippet !== '') {
    const lines = d.snippet.split('\n');
    // The last line of the snippet is the caret line (when there is one).
    out += lines
      .map((line, i) => (i === lines.length - 2 && /^\s*\^+$/.test(line) ? style.red(line) : line))
      .join('\n');
  }
  return out;
}

/** A line on stderr that rewrites itself, only on a terminal; at most ten updates a second. */
export class Progress {
  private last = 0;
  private shown = false;
  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  get active(): boolean {
    return this.stream.isTTY === true;
  }

  update(done: number, total: number, current: string): void {
    if (!this.active) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const width = (this.stream.columns || 80) - 1;
    const line = `[${done}/${total}] ${current}`;
    this.stream.write(`\r\x1b[K${line.length > width ? `…${line.slice(line.length - width + 1)}` : line}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}

export interface Counts {
  compiled: number;
  unchanged: number;
  failed: number;
  removed?: number;
  seconds: number;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `compiled 412 files in 1.3 s (3 unchanged, 2 failed)`. */
export function summary(c: Counts): string {
  const extra = [
    c.unchanged ? `${c.unchanged} unchanged` : '',
    c.removed ? `${c.removed} removed` : '',
    c.failed ? `${c.failed} failed` : '',
  ].filter(Boolean);
  return `compiled ${plural(c.compiled, 'file')} in ${seconds(c.seconds)}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

export function seconds(s: number): string {
  return s < 0.1 ? `${Math.round(s * 1000)} ms` : `${s.toFixed(s < 10 ? 2 : 1)} s`;
}
