/**
 * collections.namedtuple: a factory of Python classes whose instances are
 * tuples (PyTuples, so every tuple operation applies) with named fields.
 * The runtime's `tuple` type has no instance layout a class statement can
 * inherit, so the class's prototype chain is joined to PyTuple's here: its
 * instances are JS arrays that are `instanceof PyTuple` and find the
 * class's methods first.
 */
import '../../../builtins/types.js';
import { AttributeError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { PyDict } from '../../../builtins/dict.js';
import { tuple } from '../../../builtins/functions.js';
import { repr } from '../../../builtins/repr.js';
import { str as strOf } from '../../../builtins/repr.js';
import { PyTuple, typeName } from '../../../builtins/values.js';
import { object, pyClassOf, type PyClass } from '../../../builtins/classes.js';
import { iterate } from '../../../builtins/iteration.js';
import { truthy } from '../../../builtins/truth.js';
import { DEFAULTS, type PyCallable } from '../../../builtins/calls.js';
import { pyClass, pyClassMethod, pyFunction, pyStaticMethod } from '../pydef.js';

const Q = 'collections';

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

function isIdentifier(s: string): boolean {
  return /^[\p{XID_Start}_][\p{XID_Continue}]*$/u.test(s);
}

/**
 * What a namedtuple class's prototype chain continues with: tuple's methods
 * and object's, then PyTuple.prototype (so instances are tuples to the
 * runtime). One per program.
 */
let bridge: object | null = null;
function tupleBridge(): object {
  if (bridge !== null) return bridge;
  const b = Object.create(PyTuple.prototype) as object;
  for (const source of [(object as PyClass).prototype, (tuple as unknown as PyClass).prototype]) {
    for (const key of Reflect.ownKeys(source)) {
      if (key === 'constructor') continue;
      Object.defineProperty(b, key, Object.getOwnPropertyDescriptor(source, key)!);
    }
  }
  bridge = b;
  return b;
}

function fieldList(names: unknown): string[] {
  if (typeof names === 'string') return names.replace(/,/g, ' ').split(/\s+/).filter((s) => s !== '');
  return [...iterate(names)].map((n) => strOf(n));
}

function make(cls: PyClass, values: readonly unknown[]): PyTuple {
  const t = Reflect.construct(PyTuple, [], cls) as PyTuple;
  for (let i = 0; i < values.length; i++) t[i] = values[i];
  return t;
}

export const namedtuple = pyFunction('typename, field_names, *, rename=, defaults=, module=', 'namedtuple', Q,
  (typename: unknown, fieldNames: unknown, renameArg?: unknown, defaultsArg?: unknown, moduleArg?: unknown) => {
    const fields = fieldList(fieldNames);
    const name = strOf(typename);
    const rename = renameArg !== undefined && truthy(renameArg);
    if (rename) {
      const seen = new Set<string>();
      fields.forEach((f, i) => {
        if (!isIdentifier(f) || KEYWORDS.has(f) || f.startsWith('_') || seen.has(f)) fields[i] = `_${i}`;
        seen.add(fields[i]!);
      });
    }
    for (const n of [name, ...fields]) {
      if (!isIdentifier(n)) throw new ValueError(`Type names and field names must be valid identifiers: ${repr(n)}`);
      if (KEYWORDS.has(n)) throw new ValueError(`Type names and field names cannot be a keyword: ${repr(n)}`);
    }
    const seen = new Set<string>();
    for (const f of fields) {
      if (f.startsWith('_') && !rename) throw new ValueError(`Field names cannot start with an underscore: ${repr(f)}`);
      if (seen.has(f)) throw new ValueError(`Encountered duplicate field name: ${repr(f)}`);
      seen.add(f);
    }
    const defaults = defaultsArg === undefined || defaultsArg === null ? [] : [...iterate(defaultsArg)];
    if (defaults.length > fields.length) throw new TypeError('Got more default values than field names');
    const fieldDefaults = new PyDict<unknown, unknown>();
    fields.slice(fields.length - defaults.length).forEach((f, i) => fieldDefaults.$set(f, defaults[i]));
    const n = fields.length;
    const argList = fields.join(', ');
    const firstDefault = n - defaults.length;
    const spec = ['_cls', ...fields.map((f, i) => (i >= firstDefault ? `${f}=` : f))].join(', ');

    const newImpl = pyFunction(spec, `${name}.__new__`, Q, (cls: PyClass, ...values: unknown[]) => {
      for (let i = firstDefault; i < n; i++) if (values[i] === undefined) values[i] = defaults[i - firstDefault];
      return make(cls, values.slice(0, n));
    });
    // `__new__.__defaults__` (and inspect.signature) show the defaults, as CPython's generated __new__ has them.
    if (defaults.length > 0) (newImpl as unknown as PyCallable)[DEFAULTS] = { defaults, kwdefaults: null };
    const newFn = pyStaticMethod(newImpl);

    const cls = pyClass(name, moduleArg === undefined || moduleArg === null ? '__main__' : strOf(moduleArg), [tuple], {
      __doc__: `${name}(${argList})`,
      __slots__: new PyTuple(),
      _fields: PyTuple.fromArray(fields),
      _field_defaults: fieldDefaults,
      __match_args__: PyTuple.fromArray(fields),
      __new__: newFn,
      _make: pyClassMethod(pyFunction('cls, iterable', `${name}._make`, Q, (c: PyClass, iterable: unknown) => {
        const values = [...iterate(iterable)];
        if (values.length !== n) throw new TypeError(`Expected ${n} arguments, got ${values.length}`);
        return make(c, values);
      })),
      _replace: pyFunction('self, /, **kwds', `${name}._replace`, Q, (self: PyTuple, kwds: PyDict) => {
        const values = [...self];
        const rest = new PyDict<unknown, unknown>();
        for (const k of kwds) rest.$set(k, kwds.$get(k));
        fields.forEach((f, i) => {
          if (rest.$has(f)) {
            values[i] = rest.$get(f);
            rest.$delete(f);
          }
        });
        if (rest.$size > 0) throw new ValueError(`Got unexpected field names: ${repr([...rest])}`);
        return make(pyClassOf(self)!, values);
      }),
      _asdict: pyFunction('self', `${name}._asdict`, Q, (self: PyTuple) => new PyDict(fields.map((f, i) => [f, self[i]] as const))),
      __getnewargs__: pyFunction('self', `${name}.__getnewargs__`, Q, (self: PyTuple) => PyTuple.fromArray([...self])),
      // No recursion guard of its own, as CPython's: a cycle goes through a container, whose repr shows `...`.
      __repr__: pyFunction('self', `${name}.__repr__`, Q, (self: PyTuple) =>
        `${pyClassOf(self)?.__name__ ?? typeName(self)}(${fields.map((f, i) => `${f}=${repr(self[i])}`).join(', ')})`),
    });
    Object.setPrototypeOf(cls.prototype, tupleBridge());
    fields.forEach((f, i) => {
      Object.defineProperty(cls.prototype, f, {
        configurable: true,
        enumerable: false,
        get(this: PyTuple) {
          return this[i];
        },
        set() {
          throw new AttributeError("can't set attribute");
        },
      });
    });
    return cls;
  });
