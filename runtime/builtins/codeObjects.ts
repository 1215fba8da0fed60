/**
 * A compiled function's `__code__`: made when first asked for, from what
 * `$def` kept (the signature with the compiler's facts about the code, and
 * the first line) and the defining module's file, which `moduleLoader`
 * records by module name. asyncio's callback reprs read it for their
 * ` at file:line`, as CPython's format_helpers do. Also the function's
 * `__closure__`: cells reading the variables through the function `$cells`
 * gave it.
 */
import { BOUND, CELLS, FIRSTLINE, SIGNATURE, type PyCallable, type Signature } from './calls.js';
import { objectId } from './classes.js';
import { PyTuple, typeName } from './values.js';
import { RuntimeError, TypeError, ValueError } from './exceptions.js';
import { COROUTINE_FUNCTION } from '../asyncio/coroutineFunctions.js';

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

  /** What the compiler told of the code (codeOf attaches it); a code object only a frame made has none. */
  $details: CodeDetails | null = null;

  get co_varnames(): PyTuple {
    return this.$details?.varnames ?? EMPTY;
  }

  get co_nlocals(): number {
    return this.co_varnames.length;
  }

  get co_cellvars(): PyTuple {
    return this.$details?.cellvars ?? EMPTY;
  }

  get co_freevars(): PyTuple {
    return this.$details?.freevars ?? EMPTY;
  }

  get co_flags(): number {
    return this.$details?.flags ?? (CO_OPTIMIZED | CO_NEWLOCALS);
  }

  __repr__(): string {
    return `<code object ${this.co_name} at 0x${objectId(this).toString(16)}, file "${this.co_filename}", line ${this.co_firstlineno}>`;
  }
}

interface CodeDetails {
  readonly varnames: PyTuple;
  readonly cellvars: PyTuple;
  readonly freevars: PyTuple;
  readonly flags: number;
}

const EMPTY = PyTuple.fromArray([]);

// CPython's code flags (Include/cpython/code.h), as inspect exports them.
const CO_OPTIMIZED = 0x1;
const CO_NEWLOCALS = 0x2;
const CO_VARARGS = 0x4;
const CO_VARKEYWORDS = 0x8;
const CO_NESTED = 0x10;
const CO_GENERATOR = 0x20;
const CO_COROUTINE = 0x80;
const CO_ASYNC_GENERATOR = 0x200;
const CO_FUTURE_ANNOTATIONS = 0x1000000;

const ASYNC_GENERATOR_FUNCTION = Symbol.for('pyasync.asyncGeneratorFunction');

const generatorFunctions = new WeakMap<Function, boolean>();

/**
 * Whether `f` is a compiled generator function. The compiler gives them no
 * flag of their own; their body is recognisable: the function returns
 * `$generator(function* () …)` right after checking its arguments (a
 * function returning a generator expression returns `$generator(function*
 * ($iter) …)`, which takes the outermost iterable).
 */
export function isCompiledGeneratorFunction(f: Function): boolean {
  let known = generatorFunctions.get(f);
  if (known === undefined) {
    known = /\breturn\s+\$generator\(function\*\s*\(\)/.test(Function.prototype.toString.call(f));
    generatorFunctions.set(f, known);
  }
  return known;
}

function names(text: string | undefined): string[] {
  return text === undefined || text === '' ? [] : text.split(' ');
}

/** co_varnames, co_cellvars, co_freevars and co_flags of a compiled function, from its signature's facts. */
function detailsOf(fn: Function, sig: Signature): CodeDetails {
  const [locals, free, cells, marks = ''] = sig.facts.split(';');
  const params = [...sig.names, ...sig.kwonly];
  if (sig.vararg !== null) params.push(sig.vararg);
  if (sig.kwarg !== null) params.push(sig.kwarg);
  const freevars = names(free);
  let flags = CO_OPTIMIZED | CO_NEWLOCALS;
  if (sig.vararg !== null) flags |= CO_VARARGS;
  if (sig.kwarg !== null) flags |= CO_VARKEYWORDS;
  if (sig.qualname.includes('<locals>') || marks.includes('n')) flags |= CO_NESTED;
  const marked = fn as unknown as Record<symbol, unknown>;
  if (marked[COROUTINE_FUNCTION] === true) flags |= CO_COROUTINE;
  else if (marked[ASYNC_GENERATOR_FUNCTION] === true) flags |= CO_ASYNC_GENERATOR;
  else if (isCompiledGeneratorFunction(fn)) flags |= CO_GENERATOR;
  if (marks.includes('a')) flags |= CO_FUTURE_ANNOTATIONS;
  return {
    varnames: PyTuple.fromArray([...params, ...names(locals)]),
    cellvars: PyTuple.fromArray(names(cells)),
    freevars: PyTuple.fromArray(freevars),
    flags,
  };
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
    // A frame of the definition may have made the shared code object first, knowing only where it is.
    code.$details ??= detailsOf(fn, sig);
    codes.set(fn, code);
  }
  return code;
}

/** How closureOf makes a closure's cells (a call from Python makes a cell of its own). */
const CLOSURE_CELL = Symbol('pyasync.closureCell');

/**
 * `types.CellType`: a variable of the scope a closure was defined in, read
 * as it is now through the function `$cells` gave the closure; or, made by
 * `CellType([value])`, a cell holding its own value.
 */
export class PyCell {
  static readonly __name__ = 'cell';
  static readonly __qualname__ = 'cell';
  static readonly __module__ = 'builtins';
  private readonly $read: (() => unknown[]) | null = null;
  private readonly $index: number = 0;
  /** A cell made by CellType(): its value (undefined when empty). */
  private $value: unknown = undefined;

  constructor(...args: unknown[]) {
    if (args[0] === CLOSURE_CELL) {
      this.$read = args[1] as () => unknown[];
      this.$index = args[2] as number;
    } else {
      if (args.length > 1) throw new TypeError(`cell expected at most 1 argument, got ${args.length}`);
      this.$value = args[0];
    }
  }

  /** The value, or undefined when the variable is unbound (never assigned, or deleted, in the compiled code). */
  private get $contents(): unknown {
    return this.$read === null ? this.$value : this.$read()[this.$index];
  }

  get cell_contents(): unknown {
    const value = this.$contents;
    if (value === undefined) throw new ValueError('Cell is empty');
    return value;
  }

  set cell_contents(value: unknown) {
    if (this.$read !== null) {
      throw new RuntimeError("pyasync cannot assign a closure's cell (its variable lives in the compiled function): assign the variable there");
    }
    this.$value = value;
  }

  __repr__(): string {
    const at = `<cell at 0x${objectId(this).toString(16).padStart(12, '0')}: `;
    const value = this.$contents;
    if (value === undefined) return `${at}empty>`;
    const shown = value !== null && (typeof value === 'object' || typeof value === 'function') ? objectId(value) : objectId(this) + 8;
    return `${at}${typeName(value)} object at 0x${shown.toString(16).padStart(12, '0')}>`;
  }
}

const closures = new WeakMap<Function, PyTuple>();

/** `fn.__closure__`: None for a function without free variables, else one cell per name in co_freevars (the same tuple each time). */
export function closureOf(fn: Function): PyTuple | null {
  const read = (fn as unknown as { [CELLS]?: () => unknown[] })[CELLS];
  if (read === undefined) return null;
  let tuple = closures.get(fn);
  if (tuple === undefined) {
    const n = (fn as PyCallable)[SIGNATURE]!.facts.split(';')[1]!.split(' ').length;
    tuple = PyTuple.fromArray(Array.from({ length: n }, (_, i) => new PyCell(CLOSURE_CELL, read, i)));
    closures.set(fn, tuple);
  }
  return tuple;
}

/** `file:line` of a compiled Python function, as asyncio's `_get_function_source` finds it; null for others. */
export function functionSource(fn: unknown): string | null {
  if (typeof fn !== 'function') return null;
  const code = codeOf(fn);
  if (code === undefined || code.co_filename === '<runtime>') return null;
  return `${code.co_filename}:${code.co_firstlineno}`;
}
