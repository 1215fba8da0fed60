/**
 * ES modules imported from Python by a name the build maps to a specifier
 * (`jsModules: { fs: 'node:fs', lodash: 'lodash-es' }`): `import fs` and
 * `from lodash import chunk` compile to static ES imports of those
 * specifiers (bundlers see them), and the values come to Python as JS
 * values do (runtime/interop). The mapping wins over every other module of
 * the same name: it is the build's explicit choice.
 */
import type { ModuleResolver, ResolvedModule } from './resolver.js';

export type JsModuleMap = Readonly<Record<string, string>>;

/** A name a mapping may use: one identifier (a top-level module, so `import name` binds it). */
const MODULE_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** The resolver that also finds the mapped JS modules; `resolver` itself when there are none. */
export function withJsModules(resolver: ModuleResolver, modules: JsModuleMap | undefined): ModuleResolver {
  if (modules === undefined || Object.keys(modules).length === 0) return resolver;
  for (const [name, specifier] of Object.entries(modules)) {
    if (!MODULE_NAME.test(name)) throw new globalThis.TypeError(`jsModules: '${name}' is not a Python module name`);
    // Compiled code reaches these modules' helpers by their names.
    if (name === 'js' || name === 'pyasync') throw new globalThis.TypeError(`jsModules: '${name}' is pyasync's own module`);
    if (typeof specifier !== 'string' || specifier === '') throw new globalThis.TypeError(`jsModules: '${name}' needs a module specifier`);
  }
  return {
    get checks() {
      return resolver.checks;
    },
    find(name: string): ResolvedModule | null {
      if (Object.hasOwn(modules, name)) return { kind: 'runtime', name, names: [], open: true, specifier: modules[name] };
      return resolver.find(name);
    },
    facts: (module) => resolver.facts(module),
    submodules: (pkg) => resolver.submodules(pkg),
  };
}
