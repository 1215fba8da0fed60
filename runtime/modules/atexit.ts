/**
 * Python's `atexit` (CPython 3.11's Modules/atexitmodule.c): functions run
 * when the program ends normally (also after an uncaught exception or
 * sys.exit), the last registered first, before the output is flushed. The
 * list is the one the runtime runs at exit (program/main.ts), shared with
 * logging's shutdown, as CPython's logging registers it through atexit.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { TypeError } from '../builtins/exceptions.js';
import { call } from '../builtins/calls.js';
import { callable } from '../builtins/types.js';
import { eqTest } from '../builtins/operators.js';
import { atExit, exitCallbacks, runExitCallbacks } from '../program/main.js';
import { noKeywords, splitKeywords } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './atexit.js';

export const __name__ = 'atexit';
loadedModules.$set('atexit', self);

export const __doc__ = 'allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n';

/** `register(func, *args, **kwargs)`: func is called with them at exit; returns func, so it serves as a decorator. */
export function register(...raw: unknown[]): unknown {
  const { args, kw } = splitKeywords(raw);
  if (args.length < 1) throw new TypeError(`register() takes at least 1 argument (${args.length} given)`);
  const [func, ...rest] = args;
  if (!callable(func)) throw new TypeError('the first argument must be callable');
  atExit(() => {
    call(func, rest, kw);
  }, func);
  return func;
}

/** `unregister(func)`: forgets every registration of a function equal to func. */
export const unregister = noKeywords(function unregister(...args: unknown[]): null {
  if (args.length !== 1) throw new TypeError(`atexit.unregister() takes exactly one argument (${args.length} given)`);
  const func = args[0];
  for (let i = exitCallbacks.length - 1; i >= 0; i--) {
    const registered = exitCallbacks[i]!.func;
    if (registered !== undefined && eqTest(registered, func)) exitCallbacks.splice(i, 1);
  }
  return null;
}, 'atexit.unregister');

export const _clear = noKeywords(function _clear(): null {
  exitCallbacks.length = 0;
  return null;
}, 'atexit._clear');

export const _ncallbacks = noKeywords(function _ncallbacks(): number {
  return exitCallbacks.filter((c) => c.func !== undefined).length;
}, 'atexit._ncallbacks');

export const _run_exitfuncs = noKeywords(function _run_exitfuncs(): null {
  runExitCallbacks();
  return null;
}, 'atexit._run_exitfuncs');
