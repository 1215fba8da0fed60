/**
 * typing.get_type_hints and what it evaluates with (CPython's `_eval_type`,
 * `ForwardRef._evaluate`, `_type_check`, `_strip_annotations`). A string
 * annotation (written so, or kept as text by the compiler: see
 * src/transform/annotations.ts) is read in the namespace of the module that
 * defined the class or function: compiled modules with such annotations
 * register their globals by name (moduleNamespace.ts), standing for
 * CPython's `sys.modules[cls.__module__].__dict__` and `f.__globals__`.
 */
import { TypeError } from '../../../builtins/exceptions.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyTuple } from '../../../builtins/values.js';
import { NoneType, type as typeOf, builtinFunctionType, functionType, methodType } from '../../../builtins/types.js';
import { getattr, hasattr } from '../../../builtins/attributes.js';
import { getClassAttr, isClassLike, isinstance, mroOf, type PyClass } from '../../../builtins/classes.js';
import { genericAlias, genericAliasClass } from '../../../builtins/genericAlias.js';
import { unionTypeClass } from '../../../builtins/unionType.js';
import { or_ } from '../../../builtins/operators.js';
import { eq } from '../../../builtins/equality.js';
import { repr } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { registeredGlobals } from '../../../builtins/moduleNamespace.js';
import { isModule } from '../namespaces.js';
import { evaluate } from './annotationText.js';
import { ForwardRef, GenericAlias, SpecialForm, copyWith, forwardCode, genericClasses, makeForwardRef } from './forms.js';

type Obj = Record<string, unknown>;

/** typing's special forms by name, which typing.ts registers (their objects live there). */
export const specialForms: Record<string, unknown> = {};

function form(name: string): unknown {
  return specialForms[name];
}

/** CPython's `_type_check`: None is NoneType, text a ForwardRef; forms that cannot stand alone refused. */
function typeCheck(arg: unknown, msg: string, isArgument: boolean, allowSpecialForms: boolean): unknown {
  const invalid: unknown[] = [genericClasses.Generic, genericClasses.Protocol];
  if (!allowSpecialForms) {
    invalid.push(form('ClassVar'));
    if (isArgument) invalid.push(form('Final'));
  }
  const t = arg === null ? NoneType : typeof arg === 'string' ? makeForwardRef(arg, true, allowSpecialForms) : arg;
  if (isinstance(t, GenericAlias) && invalid.includes((t as Obj)['__origin__'])) throw new TypeError(`${repr(t)} is not valid as type argument`);
  if (['Any', 'LiteralString', 'NoReturn', 'Never', 'Self', 'TypeAlias'].some((n) => form(n) === t)) return t;
  if (allowSpecialForms && (t === form('ClassVar') || t === form('Final'))) return t;
  if (isinstance(t, SpecialForm) || t === genericClasses.Generic || t === genericClasses.Protocol) {
    throw new TypeError(`Plain ${repr(t)} is not valid as type argument`);
  }
  if (t instanceof PyTuple) throw new TypeError(`${msg} Got ${repr(t).slice(0, 100)}.`);
  return t;
}

/** `ForwardRef._evaluate`. */
function evaluateRef(ref: Obj, globals: PyDict | null, locals: unknown, guard: ReadonlySet<string>): unknown {
  const arg = ref['__forward_arg__'] as string;
  if (guard.has(arg)) return ref;
  if (ref['__forward_evaluated__'] !== true || locals !== globals) {
    let g = globals;
    let l = locals;
    if (g === null && l === null) {
      g = new PyDict();
      l = g;
    } else if (g === null) {
      g = l instanceof PyDict ? l : new PyDict();
    } else if (l === null) {
      l = g;
    }
    const module = ref['__forward_module__'];
    if (module !== null && module !== undefined) g = registeredGlobals(module) ?? g;
    const t = typeCheck(evaluate(forwardCode(ref), g, l), 'Forward references must evaluate to types.',
      truthy(ref['__forward_is_argument__']), truthy(ref['__forward_is_class__']));
    ref['__forward_value__'] = evalType(t, g, l, new Set([...guard, arg]));
    ref['__forward_evaluated__'] = true;
  }
  return ref['__forward_value__'];
}

/** CPython's `_eval_type`: forward references evaluated, inside aliases and unions too. */
export function evalType(t: unknown, globals: PyDict | null, locals: unknown, guard: ReadonlySet<string> = new Set()): unknown {
  if (isinstance(t, ForwardRef)) return evaluateRef(t as Obj, globals, locals, guard);
  const pep585 = typeOf(t) === genericAliasClass();
  const union = typeOf(t) === unionTypeClass();
  if (!(pep585 || union || isinstance(t, GenericAlias))) return t;
  const a = t as Obj;
  let args = [...(a['__args__'] as PyTuple)];
  // A PEP 585 alias keeps text as text (`dict[str, 'C']`): typing reads it as forward references.
  if (pep585) args = args.map((x) => (typeof x === 'string' ? makeForwardRef(x) : x));
  const evaluated = args.map((x) => evalType(x, globals, locals, guard));
  if (!pep585 && evaluated.every((x, i) => x === args[i])) return t;
  if (pep585) return evaluated.every((x, i) => eq(x, (a['__args__'] as PyTuple)[i])) ? t : genericAlias(a['__origin__'], PyTuple.fromArray(evaluated));
  if (union) return evaluated.reduce((x, y) => or_(x, y));
  return copyWith(a, evaluated);
}

/** CPython's `_strip_annotations` (include_extras=False): Annotated[T, …], Required[T] and NotRequired[T] are T. */
function stripAnnotations(t: unknown): unknown {
  if (!isinstance(t, GenericAlias) && typeOf(t) !== genericAliasClass() && typeOf(t) !== unionTypeClass()) return t;
  const a = t as Obj;
  const args = [...(a['__args__'] as PyTuple)];
  const origin = a['__origin__'];
  if (origin === form('Annotated') || origin === form('Required') || origin === form('NotRequired')) return stripAnnotations(args[0]);
  const stripped = args.map(stripAnnotations);
  if (stripped.every((x, i) => x === args[i])) return t;
  if (typeOf(t) === genericAliasClass()) return genericAlias(origin, PyTuple.fromArray(stripped));
  if (typeOf(t) === unionTypeClass()) return stripped.reduce((x, y) => or_(x, y));
  return copyWith(a, stripped);
}

/** What CPython's `_allowed_types` holds: objects that could have annotations, whose lack of them means none. */
function couldHaveAnnotations(obj: unknown): boolean {
  const t = typeOf(obj);
  return isModule(obj) || t === functionType || t === methodType || t === builtinFunctionType;
}

/** The globals of a class's or function's module, or an empty dict (CPython's `getattr(sys.modules.get(m), '__dict__', {})`). */
function moduleGlobals(obj: unknown): PyDict {
  return registeredGlobals(getattr(obj, '__module__', null)) ?? new PyDict();
}

function hintsDict(hints: [unknown, unknown][], includeExtras: boolean): PyDict {
  const d = new PyDict();
  for (const [k, v] of hints) d.$set(k, includeExtras ? v : stripAnnotations(v));
  return d;
}

/** typing.get_type_hints(obj, globalns=None, localns=None, include_extras=False). */
export function getTypeHints(obj: unknown, globalns: unknown, localns: unknown, includeExtras: boolean): PyDict {
  if (truthy(getattr(obj, '__no_type_check__', null))) return new PyDict();
  const globalsGiven = globalns === null ? null : (globalns as PyDict);
  if (isClassLike(obj) && !isinstance(obj, GenericAlias)) {
    const hints = new Map<unknown, unknown>();
    const order: unknown[] = [];
    for (const base of [...mroOf(obj as PyClass)].reverse()) {
      let baseGlobals: unknown = globalsGiven ?? moduleGlobals(base);
      const own = getClassAttr(base as PyClass, '__dict__') as PyDict;
      const ann = own.$get('__annotations__');
      let baseLocals: unknown = localns ?? new PyDict([...own].map((k) => [k, own.$get(k)] as [unknown, unknown]));
      // CPython swaps them when neither is given: the module's names come first.
      if (localns === null && globalns === null) [baseGlobals, baseLocals] = [baseLocals, baseGlobals];
      if (!(ann instanceof PyDict)) continue;
      for (const name of ann) {
        let value = ann.$get(name);
        if (value === null) value = NoneType;
        if (typeof value === 'string') value = makeForwardRef(value, false, true);
        if (!hints.has(name)) order.push(name);
        hints.set(name, evalType(value, baseGlobals as PyDict, baseLocals));
      }
    }
    return hintsDict(order.map((k) => [k, hints.get(k)]), includeExtras);
  }
  let globals: PyDict;
  let locals: unknown = localns;
  if (globalsGiven === null) {
    let nsobj = obj;
    while (hasattr(nsobj, '__wrapped__')) nsobj = getattr(nsobj, '__wrapped__');
    globals = isModule(obj) ? new PyDict() : moduleGlobals(nsobj);
    if (locals === null) locals = globals;
  } else {
    globals = globalsGiven;
    if (locals === null) locals = globals;
  }
  const raw = getattr(obj, '__annotations__', null);
  if (raw === null) {
    if (couldHaveAnnotations(obj)) return new PyDict();
    throw new TypeError(`${repr(obj)} is not a module, class, method, or function.`);
  }
  const ann = raw as PyDict;
  const hints: [unknown, unknown][] = [];
  for (const name of ann) {
    let value = ann.$get(name);
    if (value === null) value = NoneType;
    if (typeof value === 'string') value = makeForwardRef(value, !isModule(obj), false);
    hints.push([name, evalType(value, globals, locals)]);
  }
  return hintsDict(hints, includeExtras);
}
