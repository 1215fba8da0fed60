/**
 * The JS frames an error was created in, read from V8's stack: the
 * structured call sites when its `stack` has not been formatted yet
 * (Error.prepareStackTrace is swapped in for that one read, then put
 * back), else the text V8 wrote. Only read when a traceback is printed or
 * asked for, so raising stays as cheap as V8's own capture.
 */

export interface JsFrame {
  /** The script's URL (`file:///…/main.mjs`), or null for native and eval'd code. */
  readonly url: string | null;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** The JS function's name, if it has one. */
  readonly name: string | null;
}

interface CallSite {
  getFileName(): string | undefined | null;
  getScriptNameOrSourceURL?(): string | undefined | null;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
  getFunctionName(): string | null;
  toString(): string;
}

type Prepare = (error: Error, sites: CallSite[]) => unknown;

const frames = new WeakMap<object, readonly JsFrame[]>();

export function jsFrames(error: unknown): readonly JsFrame[] {
  if (typeof error !== 'object' || error === null) return [];
  const known = frames.get(error);
  if (known !== undefined) return known;
  const result = readFrames(error);
  frames.set(error, result);
  return result;
}

function readFrames(error: object): readonly JsFrame[] {
  const ErrorClass = Error as unknown as { prepareStackTrace?: Prepare };
  const saved = ErrorClass.prepareStackTrace;
  let sites: CallSite[] | null = null;
  let stack: unknown;
  try {
    ErrorClass.prepareStackTrace = (e, s) => {
      sites = s;
      // What the error's `stack` would otherwise have said, so JS readers still get it.
      if (saved) return saved(e, s);
      let head: string;
      try {
        head = String(e);
      } catch {
        head = 'Error';
      }
      return head + s.map((site) => `\n    at ${site}`).join('');
    };
    stack = (error as { stack?: unknown }).stack;
  } catch {
    stack = undefined;
  } finally {
    ErrorClass.prepareStackTrace = saved;
  }
  if (sites !== null) return (sites as CallSite[]).map(fromSite);
  return typeof stack === 'string' ? parseStack(stack) : [];
}

/**
 * The frames of an Error made only to read the stack where it was made,
 * innermost first, each read from V8's call site when asked for: a reader
 * that stops early pays for what it read. The Error's `stack` is left empty
 * (no one reads it), saving its formatting.
 */
export function* stackFrames(here: Error): Generator<JsFrame> {
  const ErrorClass = Error as unknown as { prepareStackTrace?: Prepare };
  const saved = ErrorClass.prepareStackTrace;
  let sites: CallSite[] = [];
  try {
    ErrorClass.prepareStackTrace = (_e, s) => {
      sites = s;
      return '';
    };
    void here.stack;
  } finally {
    ErrorClass.prepareStackTrace = saved;
  }
  for (const site of sites) yield fromSite(site);
}

function fromSite(site: CallSite): JsFrame {
  let url: string | null = null;
  try {
    url = site.getFileName() ?? site.getScriptNameOrSourceURL?.() ?? null;
  } catch {
    url = null;
  }
  let name: string | null = null;
  try {
    name = site.getFunctionName();
  } catch {
    name = null;
  }
  return { url: url || null, line: site.getLineNumber() ?? 0, column: site.getColumnNumber() ?? 0, name: name || null };
}

const FRAME_LINE = /^\s+at (?:(?:async |new )?([^\s(]+) \()?((?:file|https?|node):[^\s()]*?|\/[^\s()]*?):(\d+):(\d+)\)?$/;

/** Frames from a formatted V8 stack (`    at f (file:///x.mjs:3:5)`). */
export function parseStack(stack: string): JsFrame[] {
  const result: JsFrame[] = [];
  for (const line of stack.split('\n')) {
    const m = FRAME_LINE.exec(line);
    if (m) result.push({ url: m[2]!, line: Number(m[3]), column: Number(m[4]), name: m[1] ?? null });
    else if (/^\s+at /.test(line)) result.push({ url: null, line: 0, column: 0, name: null });
  }
  return result;
}
