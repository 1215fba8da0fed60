/**
 * traceback.TracebackException: an exception's report captured for later
 * rendering, as CPython's Lib/traceback.py builds it — `stack` (a
 * StackSummary of its traceback), `exc_type`, `_str`, `__notes__`, the
 * chained `__cause__`/`__context__` and a group's `exceptions`, each a
 * TracebackException of its own whose stack starts where it was caught.
 * Its text (format, format_exception_only) is the runtime's traceback
 * printer's (runtime/program/main.ts), which the traceback module's
 * functions print too; it is written from the exception it was made from.
 */
import { BaseException, SyntaxError } from '../../../builtins/exceptions.js';
import { isExceptionGroup } from '../../../builtins/exceptionGroups.js';
import { callMethod, getattr, setattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { eq } from '../../../builtins/equality.js';
import { PyGenerator } from '../../../builtins/generators.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { str } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { isinstance, issubclass, type } from '../../../builtins/types.js';
import { PyTuple } from '../../../builtins/values.js';
import { PyTraceback } from '../../../builtins/errors.js';
import { frameSource, type TracebackRole } from '../../../builtins/frames.js';
import { exceptionOnly, formatException, type ExceptionRole } from '../../../program/main.js';
import * as sys from '../../sys.js';
import { newInstance } from '../stdlib/pyclass.js';
import { kwargsRecord, pyClass, pyClassMethod, pyFunction } from '../pydef.js';
import { extractTraceback, frameSummary, limited, limitOf, StackSummary } from './summaries.js';
import { chunks } from './chunks.js';

const Q = 'traceback';

/** What a TracebackException was made from, to write its text: the exception, how it was reached, the limit. */
interface Origin {
  readonly exception: BaseException;
  readonly role: ExceptionRole;
  /** The stack of its report (an Error made where it was built), or the exception it was reached from. */
  readonly parent: object | null;
  readonly limit: number | null;
}

const origins = new WeakMap<object, Origin>();

interface Options {
  readonly limit: number | null;
  readonly lookupLines: boolean;
  readonly compact: boolean;
  readonly maxGroupWidth: unknown;
  readonly maxGroupDepth: unknown;
}

/** `_safe_string(value, what)`: str(value), or a placeholder when that raises. */
function safeString(value: unknown, what: string): string {
  try {
    return str(value);
  } catch {
    return `<${what} str() failed>`;
  }
}

/**
 * The stack of `tb`: from the runtime's frames as `role` reaches its
 * exception (a cause's start where it was caught), else by walking it.
 */
function stackOf(tb: unknown, exception: unknown, role: TracebackRole, parent: object | null, options: Options): unknown {
  const source = frameSource();
  if (role !== 'handled' && tb instanceof PyTraceback && tb.$exception !== null && source !== null) {
    const view = source.traceback(tb.$exception, exception, new Error(), role, parent, tb.$catcher);
    const summaries = limited(view.frames, options.limit).map((info) => frameSummary(info, true));
    const result = call(StackSummary, [], null);
    for (const s of summaries) callMethod(result, 'append', s);
    return result;
  }
  return extractTraceback(tb, options.limit);
}

/** Fills `self` as TracebackException.__init__ does, apart from the chained exceptions. */
function fill(self: object, excType: unknown, excValue: unknown, tb: unknown, options: Options, role: TracebackRole, parent: object | null): void {
  setattr(self, 'max_group_width', options.maxGroupWidth);
  setattr(self, 'max_group_depth', options.maxGroupDepth);
  setattr(self, 'stack', stackOf(tb, excValue, role, parent, options));
  setattr(self, 'exc_type', excType);
  setattr(self, '_str', safeString(excValue, 'exception'));
  setattr(self, '__notes__', excValue === null ? null : getattr(excValue, '__notes__', null));
  if (excType !== null && issubclass(excType, SyntaxError)) {
    setattr(self, 'filename', getattr(excValue, 'filename', null));
    const lineno = getattr(excValue, 'lineno', null);
    setattr(self, 'lineno', lineno === null ? null : str(lineno));
    const endLineno = getattr(excValue, 'end_lineno', null);
    setattr(self, 'end_lineno', endLineno === null ? null : str(endLineno));
    setattr(self, 'text', getattr(excValue, 'text', null));
    setattr(self, 'offset', getattr(excValue, 'offset', null));
    setattr(self, 'end_offset', getattr(excValue, 'end_offset', null));
    setattr(self, 'msg', getattr(excValue, 'msg', null));
  }
  setattr(self, '__suppress_context__', excValue instanceof BaseException ? excValue.__suppress_context__ : false);
}

/** TracebackException(type(e), e, e.__traceback__) for a chained exception (CPython makes them of the base class). */
function chained(e: BaseException, options: Options, role: 'cause' | 'context' | 'member', parent: BaseException, seen: Set<unknown>): object {
  seen.add(e);
  const te = newInstance(TracebackException);
  fill(te, type(e), e, e.__traceback__, options, role, parent);
  origins.set(te, { exception: e, role, parent, limit: options.limit });
  return te;
}

/** The chained exceptions of each TracebackException, found breadth first from `top` as CPython's queue does. */
function chain(top: object, value: unknown, options: Options, seen: Set<unknown>): void {
  const queue: [object, unknown][] = [[top, value]];
  while (queue.length > 0) {
    const [te, e] = queue.pop()!;
    const exc = e instanceof BaseException ? e : null;
    const causeValue = exc?.__cause__;
    const cause = exc !== null && causeValue instanceof BaseException && !seen.has(causeValue) ? chained(causeValue, options, 'cause', exc, seen) : null;
    const needContext = options.compact ? cause === null && exc !== null && !exc.__suppress_context__ : true;
    const contextValue = exc?.__context__;
    const context = exc !== null && contextValue instanceof BaseException && needContext && !seen.has(contextValue)
      ? chained(contextValue, options, 'context', exc, seen) : null;
    let members: object[] | null = null;
    if (exc !== null && isExceptionGroup(exc)) members = exc.exceptions.map((m) => chained(m, options, 'member', exc, seen));
    setattr(te, '__cause__', cause);
    setattr(te, '__context__', context);
    setattr(te, 'exceptions', members);
    if (cause !== null) queue.push([cause, causeValue]);
    if (context !== null) queue.push([context, contextValue]);
    if (members !== null) members.forEach((m, i) => queue.push([m, (exc as unknown as { exceptions: unknown[] }).exceptions[i]]));
  }
}

function originOf(self: object): Origin | null {
  return origins.get(self) ?? null;
}

/** The text of `self` as TracebackException.format yields it. */
function formatted(self: object, withChain: boolean): string[] {
  const origin = originOf(self);
  if (origin === null) return exceptionOnlyLines(self);
  const text = formatException(origin.exception, origin.role, withChain, origin.parent, origin.limit);
  return chunks(text);
}

function exceptionOnlyLines(self: object): string[] {
  const origin = originOf(self);
  if (origin !== null) return chunks(exceptionOnly(origin.exception));
  // Made of no exception (TracebackException(None, None, None)): CPython's line for a type of None.
  const s = str(getattr(self, '_str'));
  return [s === '' ? 'None\n' : `None: ${s}\n`];
}

export const TracebackException = pyClass('TracebackException', Q, [], {
  __init__: pyFunction(
    'self, exc_type, exc_value, exc_traceback, *, limit=, lookup_lines=, capture_locals=, compact=, max_group_width=, max_group_depth=, _seen=',
    'TracebackException.__init__', Q,
    (self: object, excType: unknown, excValue: unknown, tb: unknown, limit: unknown = null, lookupLines: unknown = true, _captureLocals: unknown = false,
      compact: unknown = false, maxGroupWidth: unknown = 15, maxGroupDepth: unknown = 10, _seen: unknown = null): null => {
      const options: Options = { limit: limitOf(limit), lookupLines: truthy(lookupLines), compact: truthy(compact), maxGroupWidth, maxGroupDepth };
      const here = new Error();
      fill(self, excType, excValue, tb, options, 'handled', null);
      if (excValue instanceof BaseException) origins.set(self, { exception: excValue, role: 'handled', parent: here, limit: options.limit });
      chain(self, excValue, options, new Set([excValue]));
      return null;
    },
  ),
  from_exception: pyClassMethod(pyFunction('cls, exc, /, *args, **kwargs', 'TracebackException.from_exception', Q,
    (cls: unknown, exc: unknown, args: PyTuple, kwargs: unknown) =>
      call(cls, [type(exc), exc, getattr(exc, '__traceback__'), ...args], kwargsRecord(kwargs) ?? null))),
  __eq__: pyFunction('self, other', 'TracebackException.__eq__', Q, (self: object, other: unknown) =>
    isinstance(other, TracebackException) ? eq(getattr(self, '__dict__'), getattr(other, '__dict__')) : NotImplemented),
  __hash__: null,
  __str__: pyFunction('self', 'TracebackException.__str__', Q, (self: object) => getattr(self, '_str')),
  format_exception_only: pyFunction('self', 'TracebackException.format_exception_only', Q, (self: object) =>
    new PyGenerator(generate(exceptionOnlyLines(self)), 'TracebackException.format_exception_only')),
  format: pyFunction('self, *, chain=, _ctx=', 'TracebackException.format', Q, (self: object, withChain: unknown = true) =>
    new PyGenerator(generate(formatted(self, truthy(withChain))), 'TracebackException.format')),
  print: pyFunction('self, *, file=, chain=', 'TracebackException.print', Q, (self: object, file: unknown = null, withChain: unknown = true) => {
    const target = file === null ? sys.stderr : file;
    for (const line of formatted(self, truthy(withChain))) callMethod(target, 'write', line);
    return null;
  }),
});

function* generate(lines: readonly string[]): Generator<string, null, unknown> {
  yield* lines;
  return null;
}
