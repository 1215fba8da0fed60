/**
 * Python's `sys` module: its exports are exactly the module's attributes
 * (this namespace object is the module object compiled code sees).
 * `sys.argv` and `sys.path` are set by the launcher (support/sysState.ts);
 * `sys.exit` raises SystemExit, which the program's main turns into the
 * exit status; `sys.stdout`/`sys.stderr` write through the runtime's
 * buffered output, and assigning `sys.stdout` redirects print().
 */
import { BaseException, OverflowError, SystemExit, TypeError, ValueError } from '../builtins/exceptions.js';
import { handledException } from '../builtins/handledException.js';
import { redirectStdout } from '../builtins/io.js';
import { PyTuple, float as pyFloat, isIntNumber, typeName } from '../builtins/values.js';
import * as state from './support/sysState.js';
import * as self from './sys.js';
import { StdinTextIOWrapper, TextIOWrapper } from './support/textio.js';
import { redirectStdin } from '../builtins/input.js';
import { loadedModules } from './support/moduleTable.js';
import { SimpleNamespace, StructSequence } from './support/structSequence.js';
import { asyncgenHooks } from '../builtins/asyncGeneratorHooks.js';
import { callable, type } from '../builtins/types.js';
import { INT_MAX_STR_DIGITS, intDigits } from '../builtins/numbers/repr.js';
import { indexArg } from '../builtins/str/args.js';
import { pyFunction } from './support/pydef.js';
import { argTypeName } from '../builtins/arity.js';

export const __name__ = 'sys';

export let argv: unknown = state.argv;
export let path: unknown = state.path;

export const __stdin__ = new StdinTextIOWrapper();
export const __stdout__ = new TextIOWrapper('<stdout>', 1);
export const __stderr__ = new TextIOWrapper('<stderr>', 2);
export let stdin: unknown = __stdin__;
export let stdout: unknown = __stdout__;
export let stderr: unknown = __stderr__;

/** 2**63 - 1, as on CPython's 64-bit builds. */
export const maxsize = 9223372036854775807n;
export const maxunicode = 0x10ffff;

export const version_info = new StructSequence('sys.version_info', ['major', 'minor', 'micro', 'releaselevel', 'serial'], [3, 11, 7, 'final', 0]);
export const hexversion = 0x30b07f0;
export const version = '3.11.7 (pyasync) [JavaScript]';

export const implementation = new SimpleNamespace({
  name: 'pyasync',
  cache_tag: null,
  version: version_info,
  hexversion,
});

export const float_info = new StructSequence(
  'sys.float_info',
  ['max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig', 'epsilon', 'radix', 'rounds'],
  [Number.MAX_VALUE, 1024, 308, pyFloat(2.2250738585072014e-308), -1021, -307, 15, 53, Number.EPSILON, 2, 1],
);

export const byteorder = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'little' : 'big';

export const platform = platformName();

/** The runtime's modules that a .py file beside the program cannot shadow (src/modules/runtimeModules.ts's `builtin`), a subset of CPython's. */
export const builtin_module_names = PyTuple.of('atexit', 'builtins', 'errno', 'gc', 'itertools', 'sys', 'time');

/** The runtime's modules the program imported; the program's own modules are not listed (see README.md). */
export const modules = loadedModules;
loadedModules.$set('sys', self);

let recursionLimit = 1000;

/** sys.exit([status]): raises SystemExit; the program's status is its code. */
export function exit(status?: unknown): never {
  if (arguments.length > 1) throw new TypeError(`exit expected at most 1 argument, got ${arguments.length}`);
  throw arguments.length === 0 ? new SystemExit() : new SystemExit(status);
}

/** sys.exception(): the exception being handled, else None (runtime/builtins/handledException.ts). */
export function exception(): BaseException | null {
  if (arguments.length > 0) throw new TypeError(`sys.exception() takes no arguments (${arguments.length} given)`);
  return handledException();
}

/** sys.exc_info(): `(type, value, traceback)` of the exception being handled, else three Nones. */
export function exc_info(): PyTuple {
  if (arguments.length > 0) throw new TypeError(`sys.exc_info() takes no arguments (${arguments.length} given)`);
  return $excInfoOf(handledException());
}

/** `(type, value, traceback)` of `e`, or three Nones for none, as sys.exc_info() gives them (`$`: not a Python attribute of sys). */
export function $excInfoOf(e: BaseException | null): PyTuple {
  return PyTuple.fromArray(e === null ? [null, null, null] : [type(e), e, e.__traceback__ ?? null]);
}

/** The limit only answers getrecursionlimit(): the JS stack is what limits recursion here. */
export function getrecursionlimit(): number {
  return recursionLimit;
}

export function setrecursionlimit(limit: unknown): null {
  if (typeof limit !== 'number' || !isIntNumber(limit)) {
    if (typeof limit === 'bigint') throw new OverflowError('Python int too large to convert to C int');
    throw new TypeError(`'${typeName(limit)}' object cannot be interpreted as an integer`);
  }
  if (limit < 1) throw new ValueError('recursion limit must be greater or equal than 1');
  recursionLimit = limit;
  return null;
}

export const int_info = new StructSequence(
  'sys.int_info', ['bits_per_digit', 'sizeof_digit', 'default_max_str_digits', 'str_digits_check_threshold'], [30, 4, INT_MAX_STR_DIGITS, 640],
);

// The runtime hashes as a 64-bit CPython does (builtins/equality.ts), str included apart from its random seed.
export const hash_info = new StructSequence(
  'sys.hash_info', ['width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits', 'cutoff'],
  [64, 2305843009213693951n, 314159, 0, 1000003, 'siphash13', 64, 128, 0],
);

export const float_repr_style = 'short';

export function get_int_max_str_digits(): number {
  return intDigits.limit;
}

export const set_int_max_str_digits = pyFunction('maxdigits', 'set_int_max_str_digits', 'sys', (maxdigits: unknown) => {
  const n = indexArg(maxdigits);
  if (n !== 0 && n < 640) throw new ValueError('maxdigits must be 0 or larger than 640');
  intDigits.limit = n;
  return null;
});

/** The async generator hooks in force (an event loop installs its own while it runs). */
export function get_asyncgen_hooks(): StructSequence {
  return new StructSequence('asyncgen_hooks', ['firstiter', 'finalizer'], [asyncgenHooks.firstiter, asyncgenHooks.finalizer]);
}

/** sys.set_asyncgen_hooks([firstiter[, finalizer]]), by position or keyword: each given one is replaced (None clears it). */
export function set_asyncgen_hooks(...args: unknown[]): null {
  const last = args[args.length - 1];
  const kw = last !== null && typeof last === 'object' && Object.getPrototypeOf(last) === Object.prototype ? (args.pop() as Record<string, unknown>) : {};
  if (args.length > 2) throw new TypeError(`set_asyncgen_hooks() takes at most 2 arguments (${args.length} given)`);
  for (const key of Object.keys(kw)) {
    if (key !== 'firstiter' && key !== 'finalizer') throw new TypeError(`'${key}' is an invalid keyword argument for this function`);
  }
  const given: Partial<Record<'firstiter' | 'finalizer', unknown>> = {};
  if (args.length > 0) given.firstiter = args[0];
  if (args.length > 1) given.finalizer = args[1];
  Object.assign(given, kw);
  for (const name of ['firstiter', 'finalizer'] as const) {
    const hook = given[name];
    if (hook !== undefined && hook !== null && !callable(hook)) throw new TypeError(`callable ${name} expected, got ${typeName(hook)}`);
  }
  if (given.finalizer !== undefined) asyncgenHooks.finalizer = given.finalizer;
  if (given.firstiter !== undefined) asyncgenHooks.firstiter = given.firstiter;
  return null;
}

export function getdefaultencoding(): string {
  return 'utf-8';
}

/** Strings are values in JS: interning returns the string itself. */
export function intern(s: unknown): string {
  if (typeof s !== 'string') throw new TypeError(`intern() argument must be str, not ${argTypeName(s)}`);
  return s;
}

/**
 * Assignments to the module's attributes from Python (`sys.stdout = f`):
 * an ES namespace cannot be assigned to, so the runtime calls this (see
 * support/namespaces.ts). False for names sys does not let you rebind here.
 */
export function $module$setattr(name: string, value: unknown): boolean {
  switch (name) {
    case 'stdin':
      stdin = value;
      redirectStdin(value === __stdin__ ? null : value);
      return true;
    case 'stdout':
      stdout = value;
      redirectStdout(value === __stdout__ ? null : value);
      return true;
    case 'stderr':
      stderr = value;
      return true;
    case 'argv':
      argv = value;
      return true;
    case 'path':
      path = value;
      return true;
  }
  return false;
}

function platformName(): string {
  const p = (globalThis as { process?: { platform?: string } }).process?.platform;
  if (p === undefined) return 'unknown';
  // CPython's names for the platforms Node runs on.
  if (p === 'win32' || p === 'cygwin') return p;
  if (p === 'sunos') return 'sunos5';
  return p;
}
