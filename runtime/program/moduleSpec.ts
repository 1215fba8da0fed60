/**
 * A compiled module's `__spec__` and `__loader__`, as CPython's import
 * system sets them on a module loaded from a source file: what a program
 * can look at (`__spec__.name`, `.parent`, `.origin`,
 * `.submodule_search_locations`, the loader's `name` and `path`). The
 * program's entry module, run as a script, has no spec (`__spec__` is None,
 * as under `python3 main.py`), but a loader.
 */
import { repr } from '../builtins/repr.js';
import { defaultRepr } from '../builtins/classes.js';
import { registerModuleFile } from '../builtins/codeObjects.js';

/** importlib's loader for source files (`_frozen_importlib_external.SourceFileLoader`). */
export class SourceFileLoader {
  static readonly __name__ = 'SourceFileLoader';
  static readonly __qualname__ = 'SourceFileLoader';
  static readonly __module__ = '_frozen_importlib_external';

  constructor(
    readonly name: string,
    readonly path: string | null,
  ) {}

  __repr__(): string {
    return defaultRepr(this);
  }
}

/** `importlib.machinery.ModuleSpec`. */
export class ModuleSpec {
  static readonly __name__ = 'ModuleSpec';
  static readonly __module__ = '_frozen_importlib';

  readonly loader_state = null;
  /** The compiled module has no bytecode cache. */
  readonly cached = null;

  constructor(
    readonly name: string,
    readonly loader: SourceFileLoader,
    readonly origin: string | null,
    readonly submodule_search_locations: unknown[] | null,
  ) {}

  /** The package the module is in: itself for a package, '' at the top level. */
  get parent(): string {
    if (this.submodule_search_locations !== null) return this.name;
    const dot = this.name.lastIndexOf('.');
    return dot < 0 ? '' : this.name.slice(0, dot);
  }

  get has_location(): boolean {
    return this.origin !== null;
  }

  __repr__(): string {
    const parts = [`name=${repr(this.name)}`, `loader=${repr(this.loader)}`];
    if (this.origin !== null) parts.push(`origin=${repr(this.origin)}`);
    if (this.submodule_search_locations !== null) parts.push(`submodule_search_locations=${repr(this.submodule_search_locations)}`);
    return `ModuleSpec(${parts.join(', ')})`;
  }
}

/** `__loader__`: `name` is the module's `__name__` (`__main__` for the entry), `file` its `__file__`. */
export function moduleLoader(name: string, file: string | null): SourceFileLoader {
  // Every compiled module comes here once: its functions' `__code__.co_filename` is found by their `__module__`.
  registerModuleFile(name, file);
  return new SourceFileLoader(name, file);
}

/**
 * `__spec__` of the module `realName` (its dotted name), now called `name`:
 * None for the entry module; `path` is a package's `__path__`.
 */
export function moduleSpec(name: string, realName: string, loader: SourceFileLoader, path?: unknown[]): ModuleSpec | null {
  if (name === '__main__') return null;
  return new ModuleSpec(realName, loader, loader.path, path ?? null);
}
