/**
 * A compiled function's `__code__`: made when first asked for, from what
 * `$def` kept (the signature and the first line) and the defining module's
 * file, which `moduleLoader` records by module name. asyncio's callback
 * reprs read it for their ` at file:line`, as CPython's format_helpers do.
 */
import { BOUND, FIRSTLINE, SIGNATURE, type PyCallable } from './calls.js';
import { objectId } from './classes.js';

/** The file of each compiled module, by `__name__` (`__main__` for the entry). */
const moduleFiles = new Map<string, string>();

export function registerModuleFile(name: string, file: string | null): void {
  if (file !== null) moduleFiles.set(name, file);
}

/** `types.CodeType`, with the fields a program reads about where a function is. */
export class PyCode {
  static readonly __name__ = 'code';
  static readonly __qualname__ = 'code';
  static readonly __module__ = 'builtins';

  constructor(
    readonly co_name: string,
    readonly co_qualname: string,
    readonly co_filename: string,
    readonly co_firstlineno: number,
    readonly co_argcount: number,
    readonly co_posonlyargcount: number,
    readonly co_kwonlyargcount: number,
  ) {}

  __repr__(): string {
    return `<code object ${this.co_name} at 0x${objectId(this).toString(16)}, file "${this.co_filename}", line ${this.co_firstlineno}>`;
  }
}

const codes = new WeakMap<Function, PyCode>();

/**
 * One code object per function definition, as in CPython: the functions a
 * `def` makes each time it runs, and the frames running them
 * (./frames.ts), share it. A definition is known by its file, qualified
 * name and first line.
 */
const definitions = new Map<string, PyCode>();

export function sharedCode(
  name: string, qualname: string, filename: string, firstlineno: number, argcount: number, posonlyargcount: number, kwonlyargcount: number,
): PyCode {
  const key = `${filename}\0${qualname}\0${firstlineno}`;
  let code = definitions.get(key);
  if (code === undefined) {
    code = new PyCode(name, qualname, filename, firstlineno, argcount, posonlyargcount, kwonlyargcount);
    definitions.set(key, code);
  }
  return code;
}

/** `fn.__code__` of a compiled function (not a bound method); undefined for anything else. */
export function codeOf(fn: Function): PyCode | undefined {
  const f = fn as PyCallable & { [FIRSTLINE]?: number };
  const sig = f[SIGNATURE];
  if (sig === undefined || f[BOUND] !== undefined) return undefined;
  let code = codes.get(fn);
  if (code === undefined) {
    const file = (sig.module === null ? undefined : moduleFiles.get(sig.module)) ?? '<runtime>';
    code = file === '<runtime>'
      ? new PyCode(sig.name, sig.qualname, file, f[FIRSTLINE] ?? 0, sig.names.length, sig.posonly, sig.kwonly.length)
      : sharedCode(sig.name, sig.qualname, file, f[FIRSTLINE] ?? 0, sig.names.length, sig.posonly, sig.kwonly.length);
    codes.set(fn, code);
  }
  return code;
}

/** `file:line` of a compiled Python function, as asyncio's `_get_function_source` finds it; null for others. */
export function functionSource(fn: unknown): string | null {
  if (typeof fn !== 'function') return null;
  const code = codeOf(fn);
  if (code === undefined || code.co_filename === '<runtime>') return null;
  return `${code.co_filename}:${code.co_firstlineno}`;
}
