/**
 * Running a compiled program as `python3 main.py` would: import the entry
 * module; turn an uncaught exception into CPython's traceback text on
 * stderr and exit status 1, `SystemExit` into its status, and
 * `KeyboardInterrupt` into death by SIGINT; flush stdout and open files.
 *
 * Frames: formatException prints each raised exception's
 * "Traceback (most recent call last):" header followed by whatever the
 * frame formatter returns for it, then the exception line. The default
 * formatter knows no frames; under Node, runMain installs the source-mapped
 * one of runtime/traceback (loaded, with the parser it needs, only when an
 * exception reaches the top, or when the running program reports one on
 * stderr, as asyncio's default exception handler does: writeReport).
 */
import { BaseException, KeyboardInterrupt, SystemExit } from '../builtins/exceptions.js';
import { isExceptionGroup } from '../builtins/exceptionGroups.js';
import { toPython } from '../builtins/errors.js';
import { setFrameSource } from '../builtins/frames.js';
import { repr, str } from '../builtins/repr.js';
import { getattr } from '../builtins/attributes.js';
import { flushStdout, holdOutputBehind, releaseOutput, writeStderr } from '../builtins/io.js';
import { flushAllFiles } from '../builtins/files.js';
import { entryModuleUrl, setEntryModule } from './moduleName.js';
import { isIntNumber } from '../builtins/values.js';

export interface RunOptions {
  /**
   * End the process by SIGINT after an uncaught KeyboardInterrupt, as CPython
   * does (default true). Embedders running several programs turn it off and
   * get status 130.
   */
  signals?: boolean;
}

/** The JS frames kept in a stack trace (V8's default is 10), from which the Python ones are taken. */
const STACK_LIMIT = 200;

/** Imports the module at `url`; returns the process exit status Python would have. */
export async function runMain(url: string, options: RunOptions = {}): Promise<number> {
  setEntryModule(url);
  loadFrames = installTracebacks;
  let status = 0;
  const limit = Error.stackTraceLimit;
  // Deep enough for CPython's frames, while the program runs: capture costs only the frames a stack really has.
  Error.stackTraceLimit = Math.max(limit, STACK_LIMIT);
  try {
    await import(url);
    for (const wait of beforeEnd) await wait();
    // A signal handler's exception ends the program first (endProgram).
    if (ending !== null) await ending;
    await pendingReports;
  } catch (error) {
    await pendingReports;
    const e = toPython(error);
    if (e instanceof BaseException && !(e instanceof SystemExit)) await installTracebacks();
    status = reportUncaught(e, options);
  } finally {
    Error.stackTraceLimit = limit;
  }
  // A Python exit callback that raises is reported with its frames: the formatter is loaded first.
  if (exitCallbacks.some((c) => c.func !== undefined)) await preloadFrames();
  finishOutput();
  return status;
}

/**
 * What the program waits for once its code has run, before its end is
 * reported (support/signal/handlers.ts: a host turn, for a signal that came
 * during the last synchronous stretch to reach its Python handler).
 */
export const beforeEnd: (() => Promise<void>)[] = [];

/** Whether installTracebacks has run (the frames may still be unknown: not under Node, no parser). */
let tracebacksTried = false;
/** Whether writeReport's wait for installTracebacks is over: reports are written at once from then on. */
let framesReady = false;

function underNode(): boolean {
  return (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== undefined;
}

/** Reports of the running program waiting for the frame formatter, in order; null when none ever had to. */
let pendingReports: Promise<void> | null = null;

/**
 * How writeReport gets the frame formatter: set by runMain only, so that a
 * bundle which never calls runMain leaves out the dynamic import of the
 * traceback module (Rollup would otherwise split it into its own chunk).
 */
let loadFrames: (() => Promise<void>) | null = null;

/**
 * Writes `head` followed by the traceback of `e` on the real stderr, for a program that goes
 * on running (asyncio's "Exception in callback …"). The frames need the
 * traceback module, loaded on the first report: until it is, the report
 * keeps its place and all later output waits behind it (runMain waits for
 * it before the program ends), so the order stays CPython's.
 */
export function writeReport(head: string, e: BaseException): void {
  if (framesReady || loadFrames === null) {
    writeStderr(head + formatException(e, 'callback'));
    return;
  }
  holdUntilFramesLoad(() => head + formatException(e, 'callback'));
}

/** Holds all further output behind `report` (a stderr text made once the frame formatter has loaded), and starts that load. */
function holdUntilFramesLoad(report: () => string): void {
  holdOutputBehind(report);
  pendingReports ??= preloadFrames().then(() => {
    try {
      releaseOutput();
    } catch {
      // stderr or stdout itself is gone: nothing more can be said.
    }
  });
}

/** Whether pythonStack answers now: the frame formatter has loaded, or never will be (no runMain, not Node). */
export function framesSettled(): boolean {
  return framesReady || loadFrames === null;
}

/**
 * Until the frame formatter has loaded: holds all later output behind the
 * stderr text `use` returns then, given the Python frames of the stack
 * `here` was made in (a warning a runtime module raises for its Python
 * caller keeps its place in the output while its file and line are still
 * unknown). Starts that load.
 */
export function holdForFrames(here: Error, use: (frames: CallerFrame[] | null) => string): void {
  holdUntilFramesLoad(() => use(pythonStack(here)));
}

/**
 * Loads the frame formatter (whether or not that succeeds, reports are
 * written at once from then on): for writeReport, and for a module that
 * formats tracebacks as the program runs (logging's `exception()`), which
 * awaits it at its top level, before the program's code runs. Nothing to
 * wait for outside runMain.
 */
export function preloadFrames(): Promise<void> {
  if (framesReady || loadFrames === null) return Promise.resolve();
  const ready = (): void => {
    framesReady = true;
  };
  return loadFrames().then(ready, ready);
}

/** Source-mapped frames, when the platform lets them be read (Node); else tracebacks keep only their last line. */
async function installTracebacks(): Promise<void> {
  if (frameFormatter !== noFrames || tracebacksTried || !underNode()) return;
  tracebacksTried = true;
  try {
    const { nodeTracebacks } = (await import('../traceback/node.js')) as typeof import('../traceback/node.js');
    const tracebacks = nodeTracebacks(entryModuleUrl());
    callerFrames = (here, wanted) => tracebacks.stackFrames(here, wanted).map((frame) => {
      const lineno = frame.placed?.node.lineno ?? frame.lineno;
      const url = frame.module.url;
      return { filename: frame.filename, lineno, name: frame.name, line: frame.module.pyLines[lineno - 1] ?? '', entry: url === entryModuleUrl() };
    });
    setFrameFormatter((e, role, parent, limit) => {
      const known = noFrames(e, role, parent, null);
      return known === null ? null : tracebacks.format(e, role, parent, limit);
    });
    suggester = (e) => tracebacks.suggestion(e);
    setFrameSource({
      traceback: (origin, exception, here, role, parent, catcher) => tracebacks.tracebackView(origin, exception, here, role, parent, catcher),
      line: (filename, lineno) => tracebacks.line(filename, lineno),
      stack: (here) => tracebacks.stackInfo(here),
    });
  } catch {
    // Without the parser or the file system, the frames stay unknown.
  }
}

/** A Python frame as `warnings` and `logging` need it: where the call is, its function, its source line, whether it is in `__main__`. */
export interface CallerFrame {
  readonly filename: string;
  readonly lineno: number;
  /** co_name. */
  readonly name: string;
  readonly line: string;
  readonly entry: boolean;
}

let callerFrames: ((here: Error, wanted?: number) => CallerFrame[]) | null = null;

/**
 * The Python frames of the stack where `here` was made, outermost first,
 * or null when they cannot be known (the traceback module is not loaded:
 * await preloadFrames() first; not under Node).
 */
export function pythonStack(here: Error): CallerFrame[] | null {
  return callerFrames === null ? null : callerFrames(here);
}

/** More JS frames than the runtime's own between a Python call and the runtime function it reaches (logging.warning: 16). */
const RUNTIME_FRAMES = 20;

/**
 * The `wanted` innermost Python frames of the caller's stack, outermost
 * first (all of them when the stack is not so deep): V8 captures only as
 * many JS frames as that needs, which keeps a call that asks for its caller
 * (logging's) cheap in a deep stack. Null when frames cannot be known.
 */
export function callerStack(wanted: number): CallerFrame[] | null {
  if (callerFrames === null) return null;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = Math.min(limit, wanted + RUNTIME_FRAMES);
  let here: Error;
  try {
    here = new Error();
  } finally {
    Error.stackTraceLimit = limit;
  }
  const frames = callerFrames(here, wanted);
  return frames.length >= wanted ? frames : callerFrames(new Error());
}

/**
 * A callback run at exit before the output is flushed, the last registered
 * first (CPython's atexit list: logging.shutdown, the program's
 * atexit.register). `func` is the Python callable it stands for, which
 * atexit.unregister compares and an "Exception ignored" report names.
 */
export interface ExitCallback {
  readonly run: () => void;
  readonly func?: unknown;
}

/** The exit callbacks in registration order; atexit edits it (unregister, _clear). */
export const exitCallbacks: ExitCallback[] = [];

export function atExit(handler: () => void, func?: unknown): void {
  exitCallbacks.push(func === undefined ? { run: handler } : { run: handler, func });
}

/**
 * Runs and removes the exit callbacks, the last registered first. One that
 * raises is reported as CPython does ("Exception ignored in atexit
 * callback: <func>" and its traceback) and the others still run.
 */
export function runExitCallbacks(): void {
  while (exitCallbacks.length > 0) {
    const callback = exitCallbacks.pop()!;
    try {
      callback.run();
    } catch (raw) {
      try {
        const e = toPython(raw);
        if (e instanceof BaseException && callback.func !== undefined) writeReport(`Exception ignored in atexit callback: ${repr(callback.func)}\n`, e);
      } catch {
        // stderr itself is gone: nothing more can be said.
      }
    }
  }
}

/**
 * What CPython's finalization does once the atexit callbacks have run:
 * objects' finalizers that write (a GzipFile left open for writing writes
 * its end), before the open files are flushed. Not atexit's to run or clear.
 */
const shutdownHandlers: (() => void)[] = [];

export function atShutdown(handler: () => void): void {
  shutdownHandlers.push(handler);
}

/** What the interpreter does at exit with what is still buffered; a reader gone by then is no longer told anything. */
function finishOutput(): void {
  runExitCallbacks();
  for (const handler of shutdownHandlers.splice(0)) {
    try {
      handler();
    } catch {
      // As an exception in a finalizer at shutdown: not the program's.
    }
  }
  try {
    flushAllFiles();
    flushStdout();
  } catch {
    // CPython reports "Exception ignored" here; the status stays the program's.
  }
}

/**
 * Ends the program with an exception no Python code can receive (what a
 * signal handler run from the host's event raised while no event loop
 * runs), as if it had reached the top: reported, then the exit status.
 */
export function endProgram(error: unknown): void {
  const e = toPython(error);
  const end = (): void => {
    const status = reportUncaught(e);
    finishOutput();
    const proc = (globalThis as { process?: { exit?(code: number): void } }).process;
    proc?.exit?.(status);
  };
  if (loadFrames !== null && e instanceof BaseException && !(e instanceof SystemExit)) ending = loadFrames().then(end, end);
  else end();
}

/** endProgram's report while the frame formatter loads, which runMain waits for. */
let ending: Promise<void> | null = null;

/** Reports an exception that ended the program (on stderr) and returns the exit status. */
export function reportUncaught(error: unknown, options: RunOptions = {}): number {
  try {
    if (error instanceof SystemExit) return exitStatus(error.code);
    if (error instanceof BaseException) {
      writeStderr(formatException(error));
      if (error instanceof KeyboardInterrupt) {
        if (options.signals !== false) dieBySigint();
        return 130;
      }
      return 1;
    }
    writeStderr(`${(error as Error | null)?.stack ?? String(error)}\n`);
  } catch {
    // stderr itself is gone (a closed pipe): nothing more can be said.
  }
  return 1;
}

/**
 * SystemExit's code as the OS reports it: None is 0, an int is taken modulo
 * 256 (beyond a C long it is -1, so 255), anything else is printed and is 1.
 */
export function exitStatus(code: unknown): number {
  if (code === null || code === undefined) return 0;
  if (typeof code === 'boolean') return code ? 1 : 0;
  if (typeof code === 'number' && isIntNumber(code)) return code & 0xff;
  if (typeof code === 'bigint') {
    return code >= -(2n ** 63n) && code < 2n ** 63n ? Number(BigInt.asUintN(8, code)) : 255;
  }
  writeStderr(str(code) + '\n');
  return 1;
}

/** After the output is flushed, the process ends by the signal, so a shell sees 130 and a parent sees SIGINT. */
function dieBySigint(): void {
  const proc = (globalThis as { process?: { once(e: 'exit', f: () => void): unknown; kill(pid: number, sig: string): unknown; pid: number } })
    .process;
  proc?.once('exit', () => {
    finishOutput();
    proc.kill(proc.pid, 'SIGINT');
  });
}

// ---------------------------------------------------------------------------
// The traceback text

/**
 * How an exception was reached from the one being printed: its frames are
 * looked up accordingly. 'callback': raised by a callback the runtime
 * called and reported while the program goes on (its frames start at the
 * callback, as CPython's start at the frame that caught it). 'handled':
 * caught, and reported by the program (traceback.print_exc, logging's
 * exc_info) from the frame that caught it: its frames start there, found
 * as the frames it shares with `parent`, the stack of the report.
 */
export type ExceptionRole = 'uncaught' | 'callback' | 'handled' | 'cause' | 'context' | 'member';

/**
 * The frame lines of an exception (`  File "x.py", line 3, in f\n    src\n`…),
 * '' when they are unknown, or null when it was never raised (CPython then
 * prints no "Traceback" header for it).
 */
export type FrameFormatter = (e: BaseException, role: ExceptionRole, parent: object | null, limit: number | null) => string | null;

/**
 * The frames a `limit` keeps, as CPython's StackSummary.extract: the
 * outermost `limit` when it is positive or zero, the innermost `-limit`
 * when it is negative; all for null.
 */
export function limitFrames<T>(frames: readonly T[], limit: number | null): readonly T[] {
  if (limit === null) return frames;
  return limit >= 0 ? frames.slice(0, limit) : frames.slice(Math.max(0, frames.length + limit));
}

/**
 * Without frame information: an exception with a `__traceback__` attribute
 * was raised when it is not None; without one, the uncaught exception, a
 * context (always an exception being handled) and a cause are taken as
 * raised, a group's members (usually made for the group) as not. A
 * reported exception that was never raised (`fut.set_exception(E())`,
 * `traceback.format_exception(E())`) has no traceback, as in CPython: the
 * runtime gives everything it catches one (errors.ts toPython).
 */
const noFrames: FrameFormatter = (e, role, _parent, limit) => {
  const tb = (e as { __traceback__?: unknown }).__traceback__;
  // No frame kept: CPython prints no "Traceback" header (its stack is empty).
  if (limit === 0) return null;
  if (role === 'uncaught') return '';
  if (role === 'callback' || role === 'handled') return tb === null ? null : '';
  if (tb !== undefined) return tb === null ? null : '';
  return role === 'member' ? null : '';
};

let frameFormatter: FrameFormatter = noFrames;

/** The ". Did you mean" name for an uncaught exception (traceback/suggestions.ts), when tracebacks are known. */
let suggester: (e: BaseException) => string | null = () => null;

export function setFrameFormatter(formatter: FrameFormatter | null): void {
  frameFormatter = formatter ?? noFrames;
}

const CAUSE_MESSAGE = '\nThe above exception was the direct cause of the following exception:\n\n';
const CONTEXT_MESSAGE = '\nDuring handling of the above exception, another exception occurred:\n\n';
const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

/**
 * The traceback text CPython's sys.excepthook writes for `e`, chained
 * exceptions (unless `chain` is false) and group members included. A
 * 'handled' exception's report needs `here`, an Error made where it is
 * reported; a cause's, context's or member's (as a TracebackException of
 * its own formats it), the exception it was reached from.
 */
export function formatException(
  e: BaseException,
  role: ExceptionRole = 'uncaught',
  chain = true,
  here: object | null = null,
  limit: number | null = null,
): string {
  // Only the interpreter's own report suggests names (CPython 3.11's traceback module does not).
  const printer = new TracebackPrinter(role === 'uncaught', limit);
  if (chain) printer.exception(e, role, here);
  else printer.alone(e, role, here);
  return printer.lines.join('');
}

class TracebackPrinter {
  readonly lines: string[] = [];

  /** The traceback module's `limit=`, which applies to each exception of the chain (null: all frames). */
  constructor(
    private readonly suggest: boolean,
    private readonly limit: number | null,
  ) {}

  /** Printed (or being printed) already: a cycle of causes or contexts stops at them. */
  private readonly seen = new Set<BaseException>();
  /** Nesting of exception groups: each level indents the text and gives it a margin. */
  private depth = 0;
  /** Whether the group member being printed last must draw the group's closing line. */
  private needClose = false;

  private indent(): string {
    return ' '.repeat(2 * this.depth);
  }

  /** Each line of `text` with the current indentation and margin. */
  private emit(text: string, margin = '|'): void {
    if (this.depth === 0) {
      this.lines.push(text);
      return;
    }
    const prefix = `${this.indent()}${margin} `;
    const parts = text.split('\n');
    const last = parts.pop();
    for (const line of parts) this.lines.push(`${prefix}${line}\n`);
    if (last) this.lines.push(prefix + last);
  }

  /** `e` after its cause or context (CPython prints the oldest first). */
  exception(e: BaseException, role: ExceptionRole, parent: object | null = null): void {
    this.seen.add(e);
    this.chained(e);
    this.single(e, role, parent);
  }

  /** `e` without its cause or context (traceback.format_exception's `chain=False`). */
  alone(e: BaseException, role: ExceptionRole, parent: object | null): void {
    this.seen.add(e);
    this.single(e, role, parent);
  }

  private chained(e: BaseException): void {
    const cause = e.__cause__;
    if (cause !== null && cause !== undefined) {
      // A cause already printed ends the chain (the context is not tried instead).
      if (cause instanceof BaseException && !this.seen.has(cause)) {
        this.exception(cause, 'cause', e);
        this.emit(CAUSE_MESSAGE);
      }
      return;
    }
    const context = e.__context__;
    if (e.__suppress_context__ || context === null || context === undefined) return;
    if (context instanceof BaseException && !this.seen.has(context)) {
      this.exception(context, 'context', e);
      this.emit(CONTEXT_MESSAGE);
    }
  }

  private single(e: BaseException, role: ExceptionRole, parent: object | null): void {
    const frames = frameFormatter(e, role, parent, this.limit);
    if (!isExceptionGroup(e)) {
      if (frames !== null) this.emit('Traceback (most recent call last):\n' + frames);
      this.emit(exceptionOnly(e, this.suggest ? suggestionFor(e) : null));
      return;
    }
    if (this.depth > MAX_GROUP_DEPTH) {
      this.emit(`... (max_group_depth is ${MAX_GROUP_DEPTH})\n`);
      return;
    }
    const topLevel = this.depth === 0;
    if (topLevel) this.depth++;
    if (frames !== null) {
      // Only the header line of the outermost group carries the '+' corner.
      this.emit('Exception Group Traceback (most recent call last):\n', topLevel ? '+' : '|');
      this.emit(frames);
    }
    this.emit(exceptionOnly(e));
    const members = e.exceptions;
    const shown = members.length > MAX_GROUP_WIDTH ? MAX_GROUP_WIDTH + 1 : members.length;
    this.needClose = false;
    for (let i = 0; i < shown; i++) {
      const last = i === shown - 1;
      if (last) this.needClose = true;
      const truncated = i >= MAX_GROUP_WIDTH;
      const title = truncated ? '...' : String(i + 1);
      this.lines.push(`${this.indent()}${i === 0 ? '+-' : '  '}+---------------- ${title} ----------------\n`);
      this.depth++;
      if (!truncated) this.exception(members[i]!, 'member', e);
      else {
        const more = members.length - MAX_GROUP_WIDTH;
        this.emit(`and ${more} more exception${more > 1 ? 's' : ''}\n`);
      }
      if (last && this.needClose) {
        this.lines.push(`${this.indent()}+------------------------------------\n`);
        this.needClose = false;
      }
      this.depth--;
    }
    if (topLevel) this.depth = 0;
  }
}

/** The suggester's answer; a failure in it (a dir() that raises) gives none, as in CPython. */
function suggestionFor(e: BaseException): string | null {
  try {
    return suggester(e);
  } catch {
    return null;
  }
}

/** `ValueError: boom` (with `. Did you mean: 'x'?` when there is a suggestion) and the notes after it, as traceback.format_exception_only. */
export function exceptionOnly(e: BaseException, suggestion: string | null = null): string {
  let text: string;
  try {
    text = str(e);
    if (typeof text !== 'string') text = '<exception str() failed>';
  } catch {
    text = '<exception str() failed>';
  }
  const label = typeLabel(e);
  const hint = suggestion === null ? '' : `. Did you mean: '${suggestion}'?`;
  return (text === '' ? label : `${label}: ${text}`) + hint + '\n' + notesText(e);
}

/** The class as tracebacks name it: its qualified name, after its module unless that is `__main__` or `builtins`. */
function typeLabel(e: BaseException): string {
  const cls = e.constructor;
  let qualname = getattr(cls, '__qualname__', undefined);
  if (typeof qualname !== 'string') qualname = (cls as { __name__?: unknown }).__name__ ?? cls.name;
  let module: unknown;
  try {
    module = getattr(cls, '__module__', undefined);
  } catch {
    module = null;
  }
  // The runtime's own exception classes have no __module__: they are builtins.
  if (module === undefined) return String(qualname);
  if (typeof module !== 'string') return `<unknown>.${String(qualname)}`;
  return module === '__main__' || module === 'builtins' ? String(qualname) : `${module}.${String(qualname)}`;
}

/** `__notes__`, one per line; CPython writes the repr of a non-sequence as it is, with no newline. */
function notesText(e: BaseException): string {
  const notes = (e as { __notes__?: unknown }).__notes__;
  if (notes === undefined) return '';
  if (typeof notes !== 'string' && !Array.isArray(notes)) {
    try {
      return repr(notes);
    } catch {
      return '<__notes__ repr() failed>';
    }
  }
  let text = '';
  for (const note of notes) {
    if (typeof note === 'string') text += note + '\n';
    else {
      try {
        text += str(note) + '\n';
      } catch {
        text += '<note str() failed>\n';
      }
    }
  }
  return text;
}
