/**
 * Python's frame objects, as traceback objects (errors.ts) and the
 * traceback module's stack functions hand them out: what the runtime
 * knows of a frame from the source-mapped JS stack (runtime/traceback),
 * which runtime/program/main.ts plugs in as the frame source when it
 * loads it. Without one (not under Node, tracebacks not loaded) no
 * frame is known.
 *
 * A frame object here is a snapshot: `f_lineno` of a frame still running
 * is where it was when asked (found again on the current stack), and
 * `f_back` is known as far as the JS stack reaches (after an `await`,
 * only the coroutines resumed since). There are no `f_locals` or
 * `f_globals`: the compiled code keeps its variables in JS bindings.
 */
import { sharedCode, type PyCode } from './codeObjects.js';
import { objectId } from './classes.js';

/** One Python frame as the traceback machinery describes it. */
export interface FrameInfo {
  readonly filename: string;
  /** The line CPython's traceback entry shows (tb_lineno; FrameSummary.lineno). */
  readonly lineno: number;
  readonly name: string;
  readonly qualname: string;
  readonly firstlineno: number;
  readonly argcount: number;
  readonly posonlyargcount: number;
  readonly kwonlyargcount: number;
  /** The whole source line, as linecache.getline gives it (with its newline; '' when unknown). */
  readonly line: string;
  /** What a traceback prints under the `File` line: the stripped source line and its markers. */
  readonly source: string;
  /** The expression's range (UTF-8 columns, as co_positions), when known. */
  readonly end_lineno: number | null;
  readonly colno: number | null;
  readonly end_colno: number | null;
  /** The code object's identity (its node), shared by the frames of one function. */
  readonly scope: unknown;
}

/** A traceback seen from where it is asked about: its entries, and the stack outside them. */
export interface TracebackView {
  /** The traceback's frames, outermost (the one that caught it) first. */
  readonly frames: readonly FrameInfo[];
  /** The current stack, outermost first, up to and including the frame that caught the exception. */
  readonly outer: readonly FrameInfo[];
}

/**
 * How the traceback's exception is reached: handled where it is asked
 * about (its frames start at the one on the current stack that caught it),
 * or the cause, context or group member of `parent` (its frames start
 * where it was caught, as printed tracebacks of chained exceptions do).
 */
export type TracebackRole = 'handled' | 'cause' | 'context' | 'member';

/** Where an exception was caught: the `try` statement's line, in the module at `url`. */
export interface CatchSite {
  readonly line: number;
  readonly url: string;
}

export interface FrameSource {
  /**
   * The frames of the exception whose JS stack `origin` holds, reached as
   * `role` says; a handled one's start at the frame of `catcher`, when known.
   */
  traceback(origin: object, exception: unknown, here: Error, role: TracebackRole, parent: object | null, catcher: CatchSite | null): TracebackView;
  /** The source line `lineno` of a file, as linecache.getline ('' when unknown). */
  line(filename: string, lineno: number): string;
  /** The Python frames of the stack where `here` was made, outermost first. */
  stack(here: Error): readonly FrameInfo[];
}

let source: FrameSource | null = null;

export function setFrameSource(s: FrameSource | null): void {
  source = s;
}

export function frameSource(): FrameSource | null {
  return source;
}

/** The code object of a frame: its function's `__code__` (./codeObjects.ts). */
function codeFor(info: FrameInfo): PyCode {
  return sharedCode(info.name, info.qualname, info.filename, info.firstlineno, info.argcount, info.posonlyargcount, info.kwonlyargcount);
}

/** `types.FrameType`: where a frame's code is, its line, its caller. */
export class PyFrameObject {
  static readonly __name__ = 'frame';
  static readonly __qualname__ = 'frame';
  static readonly __module__ = 'builtins';

  constructor(
    private readonly $info: FrameInfo,
    private readonly $back: () => PyFrameObject | null,
    private readonly $line: () => number,
  ) {}

  get f_code(): PyCode {
    return codeFor(this.$info);
  }

  get f_lineno(): number {
    return this.$line();
  }

  get f_back(): PyFrameObject | null {
    return this.$back();
  }

  __repr__(): string {
    return `<frame at 0x${objectId(this).toString(16).padStart(12, '0')}, file '${this.$info.filename}', line ${this.f_lineno}, code ${this.$info.name}>`;
  }
}

/**
 * The frame objects of a stack (outermost first): each one's `f_back` is
 * the one before it. `line(i)` gives the i-th one's current line.
 */
export function stackFrameObjects(stack: readonly FrameInfo[], line: (i: number) => number = (i) => stack[i]!.lineno): PyFrameObject[] {
  const objects: PyFrameObject[] = [];
  stack.forEach((info, i) => {
    objects.push(new PyFrameObject(info, () => (i > 0 ? objects[i - 1]! : null), () => line(i)));
  });
  return objects;
}
