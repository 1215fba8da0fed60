/**
 * The traceback module's FrameSummary and StackSummary, and the walk over
 * a traceback's entries that extract_tb and TracebackException make them
 * from: CPython's Lib/traceback.py, with the frames the runtime knows
 * (runtime/builtins/frames.ts). A summary made from a traceback keeps
 * the entry's source line and PEP 657 markers as the runtime's own
 * tracebacks print them (runtime/traceback/markers.ts), used while its
 * line and position are left as they were; one made or moved by the
 * program is formatted here, with plain `^` markers (CPython parses the segment to
 * draw `~` under the operands of a binary operation or subscript).
 */
import { AttributeError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { callMethod, getattr, setattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { eq } from '../../../builtins/equality.js';
import { getitem } from '../../../builtins/items.js';
import { iter, iterate } from '../../../builtins/iteration.js';
import { list } from '../../../builtins/functions.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { PyProperty } from '../../../builtins/classes/descriptors.js';
import { repr, str } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { isinstance } from '../../../builtins/types.js';
import { PyTuple, isIntNumber, typeName } from '../../../builtins/values.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyTraceback } from '../../../builtins/errors.js';
import { frameSource, type FrameInfo } from '../../../builtins/frames.js';
import { pyClass, pyClassMethod, pyFunction } from '../pydef.js';

const Q = 'traceback';
const RECURSIVE_CUTOFF = 3;

/** A `limit=` argument: null for None (all frames), else an int (CPython compares it with 0, then slices). */
export function limitOf(limit: unknown): number | null {
  if (limit === undefined || limit === null) return null;
  if (typeof limit === 'boolean') return limit ? 1 : 0;
  if (typeof limit === 'number' && isIntNumber(limit)) return limit;
  if (typeof limit === 'bigint') return Number(limit);
  if (typeof limit === 'number') throw new ValueError('Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.');
  throw new TypeError(`'>=' not supported between instances of '${typeName(limit)}' and 'int'`);
}

/** The items a limit keeps: the first `limit`, or the last `-limit` when negative (itertools.islice, collections.deque(maxlen=)). */
export function limited<T>(items: readonly T[], limit: number | null): readonly T[] {
  if (limit === null) return items;
  return limit >= 0 ? items.slice(0, limit) : items.slice(Math.max(0, items.length + limit));
}

/** linecache.getline, from the sources the runtime knows ('' for none). */
function getline(filename: unknown, lineno: unknown): string {
  const source = frameSource();
  if (source === null || typeof filename !== 'string' || typeof lineno !== 'number') return '';
  return source.line(filename, lineno);
}

/** What a summary made from a traceback entry was made with: its text stands while its fields are these. */
const entries = new WeakMap<object, FrameInfo>();

export const FrameSummary = pyClass('FrameSummary', Q, [], {
  __init__: pyFunction(
    'self, filename, lineno, name, *, lookup_line=, locals=, line=, end_lineno=, colno=, end_colno=', 'FrameSummary.__init__', Q,
    (self: object, filename: unknown, lineno: unknown, name: unknown, lookupLine: unknown = true, locals: unknown = null,
      line: unknown = null, endLineno: unknown = null, colno: unknown = null, endColno: unknown = null): null => {
      setattr(self, 'filename', filename);
      setattr(self, 'lineno', lineno);
      setattr(self, 'name', name);
      setattr(self, '_line', line ?? null);
      if (truthy(lookupLine)) getattr(self, 'line');
      setattr(self, 'locals', truthy(locals) ? localsRepr(locals) : null);
      setattr(self, 'end_lineno', endLineno ?? null);
      setattr(self, 'colno', colno ?? null);
      setattr(self, 'end_colno', endColno ?? null);
      return null;
    },
  ),
  __eq__: pyFunction('self, other', 'FrameSummary.__eq__', Q, (self: object, other: unknown): unknown => {
    if (isinstance(other, FrameSummary)) {
      return ['filename', 'lineno', 'name', 'locals'].every((k) => eq(getattr(self, k), getattr(other, k)));
    }
    if (other instanceof PyTuple) return eq(asTuple(self), other);
    return NotImplemented;
  }),
  __hash__: null,
  __getitem__: pyFunction('self, pos', 'FrameSummary.__getitem__', Q, (self: object, pos: unknown) => getitem(asTuple(self), pos)),
  __iter__: pyFunction('self', 'FrameSummary.__iter__', Q, (self: object) => iter([...asTuple(self)])),
  __len__: pyFunction('self', 'FrameSummary.__len__', Q, () => 4),
  __repr__: pyFunction('self', 'FrameSummary.__repr__', Q, (self: object) =>
    `<FrameSummary file ${str(getattr(self, 'filename'))}, line ${str(getattr(self, 'lineno'))} in ${str(getattr(self, 'name'))}>`),
  _original_line: new PyProperty(pyFunction('self', 'FrameSummary._original_line', Q, (self: object) => {
    getattr(self, 'line');
    return getattr(self, '_line');
  })),
  line: new PyProperty(pyFunction('self', 'FrameSummary.line', Q, (self: object) => {
    let line = getattr(self, '_line');
    if (line === null) {
      const lineno = getattr(self, 'lineno');
      if (lineno === null) return null;
      line = getline(getattr(self, 'filename'), lineno);
      setattr(self, '_line', line);
    }
    return callMethod(line, 'strip');
  })),
});

function asTuple(self: object): PyTuple {
  return PyTuple.fromArray([getattr(self, 'filename'), getattr(self, 'lineno'), getattr(self, 'name'), getattr(self, 'line')]);
}

/** `{k: repr(v) for k, v in locals.items()}`. */
function localsRepr(locals: unknown): PyDict<unknown, unknown> {
  const out = new PyDict<unknown, unknown>();
  for (const item of iterate(callMethod(locals, 'items'))) {
    const [k, v] = [...iterate(item)];
    out.$set(k, repr(v));
  }
  return out;
}

/** A FrameSummary of a traceback entry or stack frame the runtime knows; without its position for `positions: false`. */
export function frameSummary(info: FrameInfo, positions: boolean): object {
  const summary = call(FrameSummary, [info.filename, info.lineno, info.name], { lookup_line: false, line: info.line }) as object;
  if (positions) {
    setattr(summary, 'end_lineno', info.end_lineno);
    setattr(summary, 'colno', info.colno);
    setattr(summary, 'end_colno', info.end_colno);
    entries.set(summary, info);
  }
  return summary;
}

/** `klass()` filled with the summaries. */
function summaryOf(klass: unknown, summaries: Iterable<object>): unknown {
  const result = call(klass, [], null);
  for (const s of summaries) callMethod(result, 'append', s);
  return result;
}

/**
 * StackSummary._extract_from_extended_frame_gen over a traceback: its
 * entries as the runtime knows them, with their positions. A traceback
 * object of the runtime whose frames are unknown raises AttributeError,
 * as reading its tb_frame does.
 */
export function extractTraceback(tb: unknown, limit: number | null, klass: unknown = StackSummary): unknown {
  if (tb === null) return summaryOf(klass, []);
  if (tb instanceof PyTraceback) {
    const frames = tb.$frames();
    if (frames === null) throw new AttributeError("'traceback' object has no attribute 'tb_frame' (its frames are unknown here)");
    return summaryOf(klass, limited(frames, limit).map((f) => frameSummary(f, true)));
  }
  return extract(klass, walk(tb), limit, true);
}

/** `(tb.tb_frame, tb.tb_lineno)` along tb_next: walk_tb. */
export function* walk(tb: unknown): Generator<PyTuple> {
  while (tb !== null) {
    yield PyTuple.fromArray([getattr(tb, 'tb_frame'), getattr(tb, 'tb_lineno')]);
    tb = getattr(tb, 'tb_next');
  }
}

/** `(f, f.f_lineno)` along f_back: walk_stack from a frame. */
export function* walkStack(f: unknown): Generator<PyTuple> {
  while (f !== null) {
    yield PyTuple.fromArray([f, getattr(f, 'f_lineno')]);
    f = getattr(f, 'f_back');
  }
}

/** StackSummary.extract: FrameSummaries of `(frame, lineno)` pairs, without positions. */
export function extract(klass: unknown, frameGen: Iterable<unknown>, limit: number | null, lookupLines: boolean): unknown {
  const pairs: unknown[] = [];
  if (limit === null || limit < 0) for (const p of iterate(frameGen)) pairs.push(p);
  else for (const p of iterate(frameGen)) {
    if (pairs.length >= limit) break;
    pairs.push(p);
  }
  const summaries = limited(pairs, limit).map((pair) => {
    const [f, lineno] = [...iterate(pair)];
    const code = getattr(f, 'f_code');
    return call(FrameSummary, [getattr(code, 'co_filename'), lineno, getattr(code, 'co_name')], { lookup_line: false }) as object;
  });
  const result = summaryOf(klass, summaries);
  if (lookupLines) for (const s of summaries) getattr(s, 'line');
  return result;
}

/** A FrameSummary as CPython's StackSummary.format_frame_summary writes it. */
function formatFrameSummary(fs: object): string {
  const filename = getattr(fs, 'filename');
  const lineno = getattr(fs, 'lineno');
  const name = getattr(fs, 'name');
  let row = `  File "${str(filename)}", line ${str(lineno)}, in ${str(name)}\n`;
  const known = entries.get(fs);
  const locals = getattr(fs, 'locals');
  if (known !== undefined && unchanged(fs, known)) return row + known.source + localsText(locals);
  const summaryLine = getattr(fs, 'line');
  if (truthy(summaryLine)) {
    const stripped = str(callMethod(summaryLine, 'strip'));
    row += `    ${stripped}\n`;
    const line = str(getattr(fs, '_original_line'));
    const chars = Array.from(line);
    const strippedCharacters = chars.length - Array.from(str(callMethod(summaryLine, 'lstrip'))).length;
    const colno = getattr(fs, 'colno');
    const endColno = getattr(fs, 'end_colno');
    if (colno !== null && endColno !== null) {
      const start = byteToCharOffset(line, colno);
      let end = byteToCharOffset(line, endColno);
      if (!eq(lineno, getattr(fs, 'end_lineno'))) end = Array.from(line.trimEnd()).length;
      if (end - start < Array.from(stripped).length) {
        const dpStart = displayWidth(chars, start) + 1;
        const dpEnd = displayWidth(chars, end) + 1;
        row += '    ' + ' '.repeat(Math.max(0, dpStart - strippedCharacters)) + '^'.repeat(Math.max(0, dpEnd - dpStart)) + '\n';
      }
    }
  }
  return row + localsText(locals);
}

/** Whether what the entry's text was drawn from (its line and position) is still the summary's. */
function unchanged(fs: object, info: FrameInfo): boolean {
  return getattr(fs, 'lineno') === info.lineno && getattr(fs, '_line') === info.line && getattr(fs, 'colno') === info.colno
    && getattr(fs, 'end_colno') === info.end_colno && getattr(fs, 'end_lineno') === info.end_lineno;
}

function localsText(locals: unknown): string {
  if (!truthy(locals)) return '';
  const items = [...iterate(callMethod(locals, 'items'))].map((item) => [...iterate(item)]);
  items.sort((a, b) => (str(a[0]) < str(b[0]) ? -1 : str(a[0]) > str(b[0]) ? 1 : 0));
  return items.map(([k, v]) => `    ${str(k)} = ${str(v)}\n`).join('');
}

/** `len(line.encode()[:offset].decode(errors="replace"))`. */
function byteToCharOffset(line: string, offset: unknown): number {
  const n = typeof offset === 'number' ? offset : Number(offset);
  const bytes = new TextEncoder().encode(line).slice(0, Math.max(0, n));
  return Array.from(new TextDecoder().decode(bytes)).length;
}

/** The columns the first `offset` characters take on a terminal: wide East Asian characters and emoji take two. */
function displayWidth(chars: readonly string[], offset: number): number {
  let width = 0;
  for (const ch of chars.slice(0, offset)) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

function isWide(c: number): boolean {
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) || (c >= 0xac00 && c <= 0xd7a3)
    || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)
    || (c >= 0x1f300 && c <= 0x1f64f) || (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd);
}

/** StackSummary.format: each entry's text, runs of more than three identical entries folded. */
function formatSummary(self: unknown): string[] {
  const result: string[] = [];
  let lastFile: unknown = null;
  let lastLine: unknown = null;
  let lastName: unknown = null;
  let count = 0;
  const repeated = (): void => {
    count -= RECURSIVE_CUTOFF;
    result.push(`  [Previous line repeated ${count} more time${count > 1 ? 's' : ''}]\n`);
  };
  for (const fs of iterate(self)) {
    const formatted = callMethod(self, 'format_frame_summary', fs);
    if (formatted === null) continue;
    const filename = getattr(fs, 'filename');
    const lineno = getattr(fs, 'lineno');
    const name = getattr(fs, 'name');
    if (lastFile === null || !eq(lastFile, filename) || lastLine === null || !eq(lastLine, lineno) || lastName === null || !eq(lastName, name)) {
      if (count > RECURSIVE_CUTOFF) repeated();
      lastFile = filename;
      lastLine = lineno;
      lastName = name;
      count = 0;
    }
    count++;
    if (count > RECURSIVE_CUTOFF) continue;
    result.push(formatted as string);
  }
  if (count > RECURSIVE_CUTOFF) repeated();
  return result;
}

export const StackSummary = pyClass('StackSummary', Q, [list], {
  extract: pyClassMethod(pyFunction('klass, frame_gen, *, limit=, lookup_lines=, capture_locals=', 'StackSummary.extract', Q,
    (klass: unknown, frameGen: unknown, limit: unknown = null, lookupLines: unknown = true) =>
      extract(klass, frameGen as Iterable<unknown>, limitOf(limit), truthy(lookupLines)))),
  from_list: pyClassMethod(pyFunction('klass, a_list', 'StackSummary.from_list', Q, (_klass: unknown, aList: unknown) => {
    const summaries: object[] = [];
    for (const frame of iterate(aList)) {
      if (isinstance(frame, FrameSummary)) summaries.push(frame as object);
      else {
        const parts = [...iterate(frame)];
        if (parts.length !== 4) throw new ValueError(`${parts.length < 4 ? 'not enough' : 'too many'} values to unpack (expected 4${parts.length < 4 ? `, got ${parts.length}` : ''})`);
        const [filename, lineno, name, line] = parts;
        summaries.push(call(FrameSummary, [filename, lineno, name], { line }) as object);
      }
    }
    return summaryOf(StackSummary, summaries);
  })),
  format_frame_summary: pyFunction('self, frame_summary', 'StackSummary.format_frame_summary', Q, (_self: unknown, fs: object) => formatFrameSummary(fs)),
  format: pyFunction('self', 'StackSummary.format', Q, (self: unknown) => formatSummary(self)),
});
