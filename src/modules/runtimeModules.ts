/**
 * The modules the runtime provides (runtime/modules/<name>.ts), with the
 * names each defines: `from math import *` binds them, and importing a name
 * a module lacks is a compile-time ImportError. A test checks each list
 * against the module's actual exports.
 */

export interface RuntimeModuleSpec {
  /** Every name the module defines (its public names, plus `__name__`). */
  readonly names: readonly string[];
  /**
   * Built into CPython's interpreter (sys.builtin_module_names): a .py file
   * of the same name beside the program cannot shadow it. Other modules
   * (math is a lib-dynload extension) are shadowed by a local .py file, as
   * in CPython where sys.path[0] comes first.
   */
  readonly builtin: boolean;
}

export const RUNTIME_MODULES: Readonly<Record<string, RuntimeModuleSpec>> = {
  sys: {
    builtin: true,
    names: [
      '__name__', '__stderr__', '__stdout__', 'argv', 'byteorder', 'exit', 'float_info', 'getdefaultencoding', 'getrecursionlimit', 'hexversion',
      'implementation', 'intern', 'maxsize', 'maxunicode', 'modules', 'path', 'platform', 'setrecursionlimit',
      'stderr', 'stdout', 'version', 'version_info',
    ],
  },
  asyncio: {
    builtin: false,
    names: [
      '__name__', 'ALL_COMPLETED', 'AbstractEventLoop', 'BaseEventLoop', 'BoundedSemaphore', 'CancelledError',
      'Condition', 'Event', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'Future', 'Handle', 'IncompleteReadError',
      'InvalidStateError', 'LifoQueue', 'LimitOverrunError', 'Lock', 'PriorityQueue', 'Queue', 'QueueEmpty',
      'QueueFull', 'Runner', 'Semaphore', 'SendfileNotAvailableError', 'Task', 'TaskGroup', 'Timeout', 'TimeoutError',
      'TimerHandle', '_get_running_loop', '_set_running_loop', 'all_tasks', 'as_completed', 'create_task',
      'current_task', 'ensure_future', 'gather', 'get_event_loop', 'get_running_loop', 'iscoroutine',
      'iscoroutinefunction', 'isfuture', 'new_event_loop', 'run', 'set_event_loop', 'shield', 'sleep', 'timeout',
      'timeout_at', 'wait', 'wait_for',
    ],
  },
  math: {
    builtin: false,
    names: [
      '__name__', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'cbrt', 'ceil', 'comb', 'copysign', 'cos',
      'cosh', 'degrees', 'dist', 'e', 'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'factorial', 'floor', 'fmod',
      'frexp', 'fsum', 'gamma', 'gcd', 'hypot', 'inf', 'isclose', 'isfinite', 'isinf', 'isnan', 'isqrt', 'lcm',
      'ldexp', 'lgamma', 'log', 'log10', 'log1p', 'log2', 'modf', 'nan', 'nextafter', 'perm', 'pi', 'pow', 'prod',
      'radians', 'remainder', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'tau', 'trunc', 'ulp',
    ],
  },
};

export function runtimeModule(name: string): RuntimeModuleSpec | undefined {
  return Object.hasOwn(RUNTIME_MODULES, name) ? RUNTIME_MODULES[name] : undefined;
}

/**
 * The specifier compiled code imports runtime module `name` from, given the
 * runtime's: a package path gets `/<name>` (`pyasync/runtime/math`, an
 * entry of package.json's exports); a file (`…/runtime/index.js`, a URL
 * or path) gets `modules/<name>` in its folder, with the same extension.
 */
export function runtimeModuleSpecifier(runtime: string, name: string): string {
  const file = /\/[^/]*(\.[cm]?[jt]s)$/.exec(runtime);
  if (file) return `${runtime.slice(0, file.index)}/modules/${name}${file[1]}`;
  return `${runtime.replace(/\/$/, '')}/${name}`;
}
