/**
 * argparse's HelpFormatter (CPython 3.11, argparse.py) as a TypeScript
 * engine: sections, usage wrapping, invocation column alignment and help
 * text filling, byte for byte as CPython lays them out. The formatter
 * classes of the module (HelpFormatter, RawDescriptionHelpFormatter…) are
 * Python classes whose instances carry one of these engines, with the
 * behaviour of each class switched on by the `FormatterStyle` flags.
 */
import { getattr, hasattr } from '../../../builtins/attributes.js';
import { iterate } from '../../../builtins/iteration.js';
import { str } from '../../../builtins/repr.js';
import { percentFormat } from '../../../builtins/str.js';
import { PyDict } from '../../../builtins/dict.js';
import { TypeError, ValueError } from '../../../builtins/exceptions.js';
import { call } from '../../../builtins/calls.js';
import { instanceDict } from '../../../builtins/classes/instanceAttributes.js';
import { truthy } from '../../../builtins/truth.js';
import { wrapText, type WrapOptions } from '../textwrap/wrapper.js';
import { ONE_OR_MORE, OPTIONAL, PARSER, REMAINDER, SUPPRESS, ZERO_OR_MORE, attr, isNoneish, isTuple, optionStrings } from './constants.js';

export interface FormatterStyle {
  rawDescription: boolean;
  rawText: boolean;
  argumentDefaults: boolean;
  metavarType: boolean;
}

/** Python's len() of a str: code points. */
function plen(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function progDict(prog: string): PyDict {
  return new PyDict<unknown, unknown>().$set('prog', prog);
}

const spaces = (n: number): string => (n > 0 ? ' '.repeat(n) : '');

/** shutil.get_terminal_size().columns as CPython computes it: $COLUMNS, the terminal, else 80. */
export function terminalColumns(): number {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined>; stdout?: { isTTY?: boolean; columns?: number } } }).process;
  const env = proc?.env?.['COLUMNS'];
  // int($COLUMNS); a value int() rejects counts as 0, which asks the terminal.
  const n = env !== undefined && /^\s*[+-]?\d+\s*$/.test(env) ? Number.parseInt(env, 10) : 0;
  if (n > 0) return n;
  if (proc?.stdout?.isTTY && proc.stdout.columns) return proc.stdout.columns;
  return 80;
}

function wrapOptions(width: number, initialIndent = '', subsequentIndent = ''): WrapOptions {
  return {
    width, initialIndent, subsequentIndent, expandTabs: true, replaceWhitespace: true, fixSentenceEndings: false,
    breakLongWords: true, dropWhitespace: true, breakOnHyphens: true, tabsize: 8, maxLines: null, placeholder: ' [...]',
  };
}

/** `re.sub(r'\s+', ' ', text, flags=re.ASCII).strip()` */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f\v]+/g, ' ').replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, '');
}

function splitLinesKeep(text: string): string[] {
  return text.match(/[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]*(?:\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]|$)/g)!.filter((s) => s !== '');
}

interface Section {
  parent: Section | null;
  heading: unknown;
  items: Array<() => string>;
}

/** Methods of a Python subclass of HelpFormatter that replace the engine's own. */
export interface FormatterHooks {
  actionInvocation?: (action: unknown) => string;
  formatArgs?: (action: unknown, defaultMetavar: string) => string;
  helpString?: (action: unknown) => string;
  splitLines?: (text: string, width: number) => string[];
  fillText?: (text: string, width: number, indent: string) => string;
  metavarOptional?: (action: unknown) => string;
  metavarPositional?: (action: unknown) => string;
}

export class HelpEngine {
  hooks: FormatterHooks = {};
  private currentIndent = 0;
  private level = 0;
  private actionMaxLength = 0;
  private readonly root: Section;
  private current: Section;
  readonly maxHelpPosition: number;

  constructor(
    readonly prog: string,
    readonly indentIncrement: number,
    maxHelpPosition: number,
    readonly width: number,
    readonly style: FormatterStyle,
  ) {
    this.maxHelpPosition = Math.min(maxHelpPosition, Math.max(width - 20, indentIncrement * 2));
    this.root = { parent: null, heading: null, items: [] };
    this.current = this.root;
  }

  private indent(): void {
    this.currentIndent += this.indentIncrement;
    this.level++;
  }

  private dedent(): void {
    this.currentIndent -= this.indentIncrement;
    this.level--;
  }

  private formatSection(section: Section): string {
    if (section.parent !== null) this.indent();
    const itemHelp = section.items.map((f) => f()).join('');
    if (section.parent !== null) this.dedent();
    if (!itemHelp) return '';
    const heading = section.heading !== SUPPRESS && !isNoneish(section.heading) ? `${spaces(this.currentIndent)}${str(section.heading)}:\n` : '';
    return `\n${heading}${itemHelp}\n`;
  }

  startSection(heading: unknown): void {
    this.indent();
    const section: Section = { parent: this.current, heading, items: [] };
    this.current.items.push(() => this.formatSection(section));
    this.current = section;
  }

  endSection(): void {
    this.current = this.current.parent ?? this.root;
    this.dedent();
  }

  addText(text: unknown): void {
    if (text !== SUPPRESS && !isNoneish(text)) this.current.items.push(() => this.formatText(str(text)));
  }

  addUsage(usage: unknown, actions: unknown[], groups: unknown[], prefix: string | null = null): void {
    if (usage !== SUPPRESS) this.current.items.push(() => this.formatUsage(usage, actions, groups, prefix));
  }

  addArgument(action: unknown): void {
    if (attr(action, 'help') === SUPPRESS) return;
    const invocations = [this.formatActionInvocation(action)];
    const subs = this.subactions(action);
    if (subs !== null) {
      this.indent();
      for (const sub of subs) invocations.push(this.formatActionInvocation(sub));
      this.dedent();
    }
    const invocationLength = Math.max(...invocations.map(plen));
    this.actionMaxLength = Math.max(this.actionMaxLength, invocationLength + this.currentIndent);
    this.current.items.push(() => this.formatAction(action));
  }

  addArguments(actions: Iterable<unknown>): void {
    for (const a of actions) this.addArgument(a);
  }

  formatHelp(): string {
    let help = this.formatSection(this.root);
    if (help) {
      help = help.replace(/\n\n\n+/g, '\n\n');
      help = help.replace(/^\n+|\n+$/g, '') + '\n';
    }
    return help;
  }

  /** The usage line(s), `usage: ` prefix included, with CPython's wrapping. */
  formatUsage(usageArg: unknown, actions: unknown[], groups: unknown[], prefixArg: string | null): string {
    const prefix = prefixArg ?? 'usage: ';
    let usage: string;
    if (!isNoneish(usageArg)) {
      usage = percentFormat(str(usageArg), progDict(this.prog));
    } else if (actions.length === 0) {
      usage = this.prog;
    } else {
      const prog = this.prog;
      const optionals = actions.filter((a) => optionStrings(a).length > 0);
      const positionals = actions.filter((a) => optionStrings(a).length === 0);
      const actionUsage = this.formatActionsUsage([...optionals, ...positionals], groups);
      usage = [prog, actionUsage].filter((s) => s).join(' ');
      const textWidth = this.width - this.currentIndent;
      if (plen(prefix) + plen(usage) > textWidth) {
        const partRegexp = /\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+/g;
        const optParts = this.formatActionsUsage(optionals, groups).match(partRegexp) ?? [];
        const posParts = this.formatActionsUsage(positionals, groups).match(partRegexp) ?? [];
        const getLines = (parts: string[], indent: string, pre: string | null = null): string[] => {
          const lines: string[] = [];
          let line: string[] = [];
          let lineLen = pre !== null ? plen(pre) - 1 : plen(indent) - 1;
          for (const part of parts) {
            if (lineLen + 1 + plen(part) > textWidth && line.length > 0) {
              lines.push(indent + line.join(' '));
              line = [];
              lineLen = plen(indent) - 1;
            }
            line.push(part);
            lineLen += plen(part) + 1;
          }
          if (line.length > 0) lines.push(indent + line.join(' '));
          if (pre !== null) lines[0] = lines[0]!.slice(indent.length);
          return lines;
        };
        let lines: string[];
        if (plen(prefix) + plen(prog) <= 0.75 * textWidth) {
          const indent = spaces(plen(prefix) + plen(prog) + 1);
          if (optParts.length > 0) {
            lines = getLines([prog, ...optParts], indent, prefix);
            lines.push(...getLines(posParts, indent));
          } else if (posParts.length > 0) {
            lines = getLines([prog, ...posParts], indent, prefix);
          } else {
            lines = [prog];
          }
        } else {
          const indent = spaces(plen(prefix));
          lines = getLines([...optParts, ...posParts], indent);
          if (lines.length > 1) lines = [...getLines(optParts, indent), ...getLines(posParts, indent)];
          lines = [prog, ...lines];
        }
        usage = lines.join('\n');
      }
    }
    return `${prefix}${usage}\n\n`;
  }

  private formatActionsUsage(actions: unknown[], groups: unknown[]): string {
    const groupActions = new Set<unknown>();
    const inserts = new Map<number, string>();
    const addInsert = (i: number, s: string): void => {
      const old = inserts.get(i);
      inserts.set(i, old === undefined ? s : `${old} ${s}`);
    };
    for (const group of groups) {
      const members = attr(group, '_group_actions') as unknown[];
      if (members.length === 0) throw new ValueError(`empty group ${str(group)}`);
      const start = actions.indexOf(members[0]);
      if (start < 0) continue;
      const end = start + members.length;
      if (members.every((a, k) => actions[start + k] === a) && end <= actions.length) {
        let suppressed = 0;
        for (const a of members) {
          groupActions.add(a);
          if (attr(a, 'help') === SUPPRESS) suppressed++;
        }
        if (!truthy(attr(group, 'required'))) {
          addInsert(start, '[');
          addInsert(end, ']');
        } else if (members.length - suppressed > 1) {
          addInsert(start, '(');
          addInsert(end, ')');
        }
        for (let i = start + 1; i < end; i++) inserts.set(i, '|');
      }
    }
    const parts: Array<string | null> = [];
    actions.forEach((action, i) => {
      if (attr(action, 'help') === SUPPRESS) {
        parts.push(null);
        if (inserts.get(i) === '|') inserts.delete(i);
        else if (inserts.get(i + 1) === '|') inserts.delete(i + 1);
      } else if (optionStrings(action).length === 0) {
        let part = this.formatArgs(action, this.defaultMetavarForPositional(action));
        if (groupActions.has(action) && part.startsWith('[') && part.endsWith(']')) part = part.slice(1, -1);
        parts.push(part);
      } else {
        const optionString = optionStrings(action)[0]!;
        let part: string;
        if (attr(action, 'nargs') === 0) part = str(callFormatUsage(action));
        else part = `${optionString} ${this.formatArgs(action, this.defaultMetavarForOptional(action))}`;
        if (!truthy(attr(action, 'required')) && !groupActions.has(action)) part = `[${part}]`;
        parts.push(part);
      }
    });
    const all: Array<string | null> = [...parts];
    for (const i of [...inserts.keys()].sort((a, b) => b - a)) all.splice(i, 0, inserts.get(i)!);
    let text = all.filter((p): p is string => p !== null).join(' ');
    text = text.replace(/([[(]) /g, '$1');
    text = text.replace(/ ([\])])/g, '$1');
    text = text.replace(/[[(] *[\])]/g, '');
    return text.trim();
  }

  private formatText(text: string): string {
    if (text.includes('%(prog)')) text = percentFormat(text, progDict(this.prog));
    const textWidth = Math.max(this.width - this.currentIndent, 11);
    const indent = spaces(this.currentIndent);
    return this.fillText(text, textWidth, indent) + '\n\n';
  }

  private formatAction(action: unknown): string {
    const helpPosition = Math.min(this.actionMaxLength + 2, this.maxHelpPosition);
    const helpWidth = Math.max(this.width - helpPosition, 11);
    const actionWidth = helpPosition - this.currentIndent - 2;
    let header = this.formatActionInvocation(action);
    const help = attr(action, 'help');
    let indentFirst = 0;
    if (!truthy(help)) {
      header = `${spaces(this.currentIndent)}${header}\n`;
    } else if (plen(header) <= actionWidth) {
      header = `${spaces(this.currentIndent)}${header}${spaces(actionWidth - plen(header))}  `;
      indentFirst = 0;
    } else {
      header = `${spaces(this.currentIndent)}${header}\n`;
      indentFirst = helpPosition;
    }
    const parts = [header];
    if (truthy(help) && str(help).trim()) {
      const helpText = this.expandHelp(action);
      if (helpText) {
        const lines = this.splitLines(helpText, helpWidth);
        parts.push(`${spaces(indentFirst)}${lines[0] ?? ''}\n`);
        for (const line of lines.slice(1)) parts.push(`${spaces(helpPosition)}${line}\n`);
      }
    } else if (!header.endsWith('\n')) {
      parts.push('\n');
    }
    const subs = this.subactions(action);
    if (subs !== null) {
      this.indent();
      for (const sub of subs) parts.push(this.formatAction(sub));
      this.dedent();
    }
    return parts.join('');
  }

  private subactions(action: unknown): unknown[] | null {
    if (!hasattr(action, '_get_subactions')) return null;
    return [...iterate(call(getattr(action, '_get_subactions'), [], null))];
  }

  // What a formatter subclass overrides in Python runs instead of the base behaviour.
  private formatActionInvocation(action: unknown): string {
    return this.hooks.actionInvocation ? this.hooks.actionInvocation(action) : this.baseFormatActionInvocation(action);
  }

  private formatArgs(action: unknown, defaultMetavar: string): string {
    return this.hooks.formatArgs ? this.hooks.formatArgs(action, defaultMetavar) : this.baseFormatArgs(action, defaultMetavar);
  }

  private helpString(action: unknown): string {
    return this.hooks.helpString ? this.hooks.helpString(action) : this.baseHelpString(action);
  }

  private splitLines(text: string, width: number): string[] {
    return this.hooks.splitLines ? this.hooks.splitLines(text, width) : this.baseSplitLines(text, width);
  }

  private fillText(text: string, width: number, indent: string): string {
    return this.hooks.fillText ? this.hooks.fillText(text, width, indent) : this.baseFillText(text, width, indent);
  }

  private defaultMetavarForOptional(action: unknown): string {
    return this.hooks.metavarOptional ? this.hooks.metavarOptional(action) : this.baseMetavarForOptional(action);
  }

  private defaultMetavarForPositional(action: unknown): string {
    return this.hooks.metavarPositional ? this.hooks.metavarPositional(action) : this.baseMetavarForPositional(action);
  }

  baseFormatActionInvocation(action: unknown): string {
    const opts = optionStrings(action);
    if (opts.length === 0) {
      const mv = this.metavarFormatter(action, this.defaultMetavarForPositional(action))(1);
      if (mv.length !== 1) throw new ValueError(`too many values to unpack (expected 1)`);
      return mv[0]!;
    }
    if (attr(action, 'nargs') === 0) return opts.join(', ');
    const args = this.formatArgs(action, this.defaultMetavarForOptional(action));
    return opts.map((o) => `${o} ${args}`).join(', ');
  }

  private metavarFormatter(action: unknown, defaultMetavar: string): (size: number) => string[] {
    const metavar = attr(action, 'metavar');
    const choices = attr(action, 'choices');
    let result: unknown;
    if (!isNoneish(metavar)) result = metavar;
    else if (!isNoneish(choices)) result = `{${[...iterate(choices)].map((c) => str(c)).join(',')}}`;
    else result = defaultMetavar;
    return (size) => (isTuple(result) ? result.map((r) => str(r)) : Array<string>(size).fill(str(result)));
  }

  baseFormatArgs(action: unknown, defaultMetavar: string): string {
    const get = this.metavarFormatter(action, defaultMetavar);
    const nargs = attr(action, 'nargs');
    const one = (): string => {
      const m = get(1);
      if (m.length !== 1) throw new TypeError('not all arguments converted during string formatting');
      return m[0]!;
    };
    if (isNoneish(nargs)) return one();
    if (nargs === OPTIONAL) return `[${one()}]`;
    if (nargs === ZERO_OR_MORE) {
      const m = get(1);
      return m.length === 2 ? `[${m[0]} [${m[1]} ...]]` : `[${m[0]} ...]`;
    }
    if (nargs === ONE_OR_MORE) {
      const m = get(2);
      return `${m[0]} [${m[1]} ...]`;
    }
    if (nargs === REMAINDER) return '...';
    if (nargs === PARSER) return `${one()} ...`;
    if (nargs === SUPPRESS) return '';
    if (typeof nargs !== 'number') throw new ValueError('invalid nargs value');
    const m = get(nargs);
    if (m.length !== nargs) throw new TypeError('not enough arguments for format string');
    return m.join(' ');
  }

  private expandHelp(action: unknown): string {
    const params = new PyDict<unknown, unknown>();
    const dict = instanceDict(action as object);
    const entries: Array<[unknown, unknown]> = dict instanceof PyDict ? [...dict].map((k) => [k, dict.$get(k)]) : Object.entries(dict as object);
    for (const [k, v] of entries) params.$set(k, v);
    params.$set('prog', this.prog);
    for (const k of [...params]) if (params.$get(k) === SUPPRESS) params.$delete(k);
    for (const k of [...params]) {
      const v = params.$get(k);
      if (v !== null && v !== undefined && (typeof v === 'object' || typeof v === 'function') && hasattr(v, '__name__')) params.$set(k, getattr(v, '__name__'));
    }
    const choices = params.$get('choices');
    if (!isNoneish(choices)) params.$set('choices', [...iterate(choices)].map((c) => str(c)).join(', '));
    return percentFormat(this.helpString(action), params);
  }

  baseHelpString(action: unknown): string {
    const help = attr(action, 'help');
    if (!this.style.argumentDefaults) return str(help);
    let text = isNoneish(help) ? '' : str(help);
    if (!text.includes('%(default)') && attr(action, 'default') !== SUPPRESS) {
      const nargs = attr(action, 'nargs');
      if (optionStrings(action).length > 0 || nargs === OPTIONAL || nargs === ZERO_OR_MORE) text += ' (default: %(default)s)';
    }
    return text;
  }

  baseSplitLines(text: string, width: number): string[] {
    if (this.style.rawText) return splitLinesKeep(text).map((l) => l.replace(/(?:\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])$/, ''));
    return wrapText(collapse(text), wrapOptions(width));
  }

  baseFillText(text: string, width: number, indent: string): string {
    if (this.style.rawDescription || this.style.rawText) return splitLinesKeep(text).map((l) => indent + l).join('');
    return wrapText(collapse(text), wrapOptions(width, indent, indent)).join('\n');
  }

  baseMetavarForOptional(action: unknown): string {
    if (this.style.metavarType) return str(getattr(attr(action, 'type'), '__name__'));
    return str(attr(action, 'dest')).toUpperCase();
  }

  baseMetavarForPositional(action: unknown): string {
    if (this.style.metavarType) return str(getattr(attr(action, 'type'), '__name__'));
    return str(attr(action, 'dest'));
  }
}

/** `action.format_usage()`, through Python so subclasses' overrides apply. */
function callFormatUsage(action: unknown): unknown {
  return call(getattr(action, 'format_usage'), [], null);
}
