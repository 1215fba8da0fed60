/**
 * Warnings the runtime's own modules raise for the Python code that called
 * them (threading's deprecated aliases, gzip's FutureWarning…), placed as
 * CPython places a warning its Python-written module raises with
 * `warnings.warn(message, category, stacklevel)`.
 *
 * Once the `warnings` module is loaded (any module of the program that
 * imports it is loaded before the program runs: imports are static), the
 * warning goes through it, filters, registries, showwarning and all.
 * Without it, nothing can have changed CPython's default filters, so those
 * decide here, without loading `warnings` (and `re`) into every program
 * that imports threading. The Python frames come from the traceback
 * machinery, which such a program may not have loaded yet: the warning's
 * text is then made once it has, and all later output waits behind it
 * (runtime/program/main.ts holdForFrames), so it keeps its place.
 */
import { callMethod, getattr } from '../../../builtins/attributes.js';
import { PyTuple } from '../../../builtins/values.js';
import { truthy } from '../../../builtins/truth.js';
import { framesSettled, holdForFrames, pythonStack, type CallerFrame } from '../../../program/main.js';
import * as sys from '../../sys.js';
import { defaultFilters, filterFor, freshRegistry, moduleNameOf, registryFor } from './filters.js';

/** How the warnings module takes a warning: from the Python frame `level` levels up `here`'s stack (Python frames only). */
type WarnAt = (here: Error, level: number, message: string, category: unknown) => void;

let warnings: WarnAt | null = null;

/** Called by the warnings module as it loads. */
export function installWarnings(warnAt: WarnAt): void {
  warnings = warnAt;
}

/**
 * `warnings.warn(message, category, stacklevel)` as a runtime function
 * written in Python would call it. Levels count as in CPython: 1 is the
 * runtime function itself (which has no Python frame here: a warning that
 * would point at CPython's own library file goes, as one beyond the stack
 * does, to `sys:1`), 2 its Python caller (CPython's `stacklevel=2` of a
 * deprecated function), 3 that caller's caller, and so on.
 */
export function warnCaller(message: string, category: unknown, stacklevel = 2): void {
  const here = new Error();
  const level = stacklevel - 1;
  if (warnings !== null) {
    warnings(here, level, message, category);
    return;
  }
  // CPython's showwarning writes to sys.stderr as it is when the warning is shown.
  const file = sys.stderr;
  if (framesSettled()) {
    const text = shownByDefault(pythonStack(here), level, message, category);
    if (text !== '' && file !== null && file !== undefined) callMethod(file, 'write', text);
    return;
  }
  holdForFrames(here, (frames) => {
    const text = shownByDefault(frames, level, message, category);
    if (text === '' || file === null || file === undefined) return '';
    if (file === sys.__stderr__) return text;
    // A replaced sys.stderr gets the text now, after what was written to it meanwhile (see README, Differences).
    callMethod(file, 'write', text);
    return '';
  });
}

let defaults: unknown[] | null = null;

/** What `warnings.warn` would write under the default filters: "file:line: Category: message" and the source line, or '' when not shown. */
function shownByDefault(frames: CallerFrame[] | null, level: number, message: string, category: unknown): string {
  const frame = frames !== null && level >= 1 && level <= frames.length ? frames[frames.length - level]! : null;
  const filename = frame === null ? 'sys' : frame.filename;
  const lineno = frame === null ? 1 : frame.lineno;
  const module = frame === null ? 'sys' : moduleNameOf(frame.filename, frame.entry);
  defaults ??= defaultFilters();
  // The default list holds only "default" and "ignore" actions (and "default" is also the default action).
  const [action] = filterFor(defaults, 'default', message, category, module, lineno);
  if (action === 'ignore') return '';
  const registry = registryFor(filename);
  freshRegistry(registry);
  const key = PyTuple.of<unknown>(message, category, lineno);
  if (registry.$has(key) && truthy(registry.$get(key))) return '';
  registry.$set(key, 1);
  const line = frame === null ? '' : (callMethod(frame.line, 'strip') as string);
  return `${filename}:${lineno}: ${getattr(category, '__name__') as string}: ${message}\n${line === '' ? '' : `  ${line}\n`}`;
}
