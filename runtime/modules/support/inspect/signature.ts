/**
 * inspect.signature: a compiled function's parameters, from what `$def`
 * recorded (names and kinds, defaults, annotations), as Signature and
 * Parameter objects that print as CPython's, and `Signature.bind`, which
 * binds arguments with CPython's messages. `parameters` is a dict (a
 * mappingproxy in CPython).
 */
import { TypeError, ValueError } from '../../../builtins/exceptions.js';
import { ANNOTATIONS, BOUND, DEFAULTS, SIGNATURE, type PyCallable, type Signature as CompiledSignature } from '../../../builtins/calls.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyTuple } from '../../../builtins/values.js';
import { repr } from '../../../builtins/repr.js';
import { getattr } from '../../../builtins/attributes.js';
import { PyProperty, PyStaticMethod, getClassAttr, isClassLike, mroOf, object, pyClassOf, type PyClass } from '../../../builtins/classes.js';
import { callable } from '../../../builtins/types.js';
import { defineClass, newInstance, pyMethod, splitKeywords } from '../stdlib/pyclass.js';

type Attrs = Record<string, unknown>;

/** `inspect.Parameter.empty`: no default, no annotation. */
export const _empty = defineClass('inspect', '_empty', [], {});

const KIND_NAMES = ['POSITIONAL_ONLY', 'POSITIONAL_OR_KEYWORD', 'VAR_POSITIONAL', 'KEYWORD_ONLY', 'VAR_KEYWORD'] as const;
const KIND_DESCRIPTIONS = ['positional-only', 'positional or keyword', 'variadic positional', 'keyword-only', 'variadic keyword'];

function kindValue(k: unknown): number {
  if (typeof k === 'number') return k;
  return pyClassOf(k) === _ParameterKind ? ((k as Attrs)['value'] as number) : NaN;
}

/** The parameter kinds: ordered and equal to their ints, as CPython's IntEnum members are. */
export const _ParameterKind = defineClass('inspect', '_ParameterKind', [], {
  __repr__(this: Attrs): string {
    return `<_ParameterKind.${this['name'] as string}: ${this['value'] as number}>`;
  },
  __str__(this: Attrs): string {
    return this['name'] as string;
  },
  __eq__(this: Attrs, other: unknown): boolean {
    return kindValue(other) === this['value'];
  },
  __hash__(this: Attrs): number {
    return this['value'] as number;
  },
  __lt__(this: Attrs, other: unknown): boolean {
    return (this['value'] as number) < kindValue(other);
  },
  __le__(this: Attrs, other: unknown): boolean {
    return (this['value'] as number) <= kindValue(other);
  },
  __gt__(this: Attrs, other: unknown): boolean {
    return (this['value'] as number) > kindValue(other);
  },
  __ge__(this: Attrs, other: unknown): boolean {
    return (this['value'] as number) >= kindValue(other);
  },
  __int__(this: Attrs): number {
    return this['value'] as number;
  },
  __index__(this: Attrs): number {
    return this['value'] as number;
  },
});

const KINDS = KIND_NAMES.map((name, value) => {
  const kind = newInstance(_ParameterKind);
  kind['name'] = name;
  kind['value'] = value;
  kind['description'] = KIND_DESCRIPTIONS[value];
  return kind;
});

/** How an annotation prints in a signature: a class by its (module-qualified) name, anything else as its repr. */
function formatAnnotation(annotation: unknown): string {
  if (isClassLike(annotation)) {
    const cls = annotation as PyClass;
    const module = getattr(cls, '__module__');
    return module === 'builtins' ? cls.__qualname__ : `${String(module)}.${cls.__qualname__}`;
  }
  return repr(annotation);
}

function parameterText(p: Attrs): string {
  const kind = (p['kind'] as Attrs)['value'] as number;
  let text = p['name'] as string;
  if (p['annotation'] !== _empty) text += `: ${formatAnnotation(p['annotation'])}`;
  if (p['default'] !== _empty) text += p['annotation'] !== _empty ? ` = ${repr(p['default'])}` : `=${repr(p['default'])}`;
  if (kind === 2) text = `*${text}`;
  else if (kind === 4) text = `**${text}`;
  return text;
}

export const Parameter = defineClass('inspect', 'Parameter', [], {
  empty: _empty,
  POSITIONAL_ONLY: KINDS[0],
  POSITIONAL_OR_KEYWORD: KINDS[1],
  VAR_POSITIONAL: KINDS[2],
  KEYWORD_ONLY: KINDS[3],
  VAR_KEYWORD: KINDS[4],
  __str__(this: Attrs): string {
    return parameterText(this);
  },
  __repr__(this: Attrs): string {
    return `<Parameter "${parameterText(this)}">`;
  },
});

function makeParameter(name: string, kind: number, dflt: unknown, annotation: unknown): Attrs {
  const p = newInstance(Parameter);
  p['name'] = name;
  p['kind'] = KINDS[kind];
  p['default'] = dflt;
  p['annotation'] = annotation;
  return p;
}

/** A Signature's Parameter objects, in order. */
function paramsOf(s: Attrs): Attrs[] {
  const parameters = s['parameters'] as PyDict;
  return [...parameters].map((k) => parameters.$get(k) as Attrs);
}

function signatureText(s: Attrs): string {
  const parts: string[] = [];
  let lastKind = -1;
  for (const p of paramsOf(s)) {
    const kind = (p['kind'] as Attrs)['value'] as number;
    if (lastKind === 0 && kind !== 0) parts.push('/');
    if (kind === 3 && lastKind !== 2 && lastKind !== 3) parts.push('*');
    parts.push(parameterText(p));
    lastKind = kind;
  }
  if (lastKind === 0) parts.push('/');
  const ret = s['return_annotation'] === _empty ? '' : ` -> ${formatAnnotation(s['return_annotation'])}`;
  return `(${parts.join(', ')})${ret}`;
}

export const BoundArguments = defineClass('inspect', 'BoundArguments', [], {
  args: new PyProperty(pyMethod((b: Attrs) => PyTuple.fromArray(boundSplit(b)[0]), 'self', 'BoundArguments.args', 'inspect')),
  kwargs: new PyProperty(pyMethod((b: Attrs) => boundSplit(b)[1], 'self', 'BoundArguments.kwargs', 'inspect')),
  apply_defaults(this: Attrs): null {
    const given = this['arguments'] as PyDict;
    const all = new PyDict();
    for (const p of paramsOf(this['signature'] as Attrs)) {
      const name = p['name'] as string;
      const kind = (p['kind'] as Attrs)['value'] as number;
      if (given.$has(name)) all.$set(name, given.$get(name));
      else if (p['default'] !== _empty) all.$set(name, p['default']);
      else if (kind === 2) all.$set(name, new PyTuple());
      else if (kind === 4) all.$set(name, new PyDict());
    }
    given.$clear();
    for (const k of all) given.$set(k, all.$get(k));
    return null;
  },
  __repr__(this: Attrs): string {
    const parts: string[] = [];
    const args = this['arguments'] as PyDict;
    for (const k of args) parts.push(`${k as string}=${repr(args.$get(k))}`);
    return `<BoundArguments (${parts.join(', ')})>`;
  },
});

/** BoundArguments.args and .kwargs: positional values up to the first keyword-only (or skipped) parameter, the rest as keywords. */
function boundSplit(b: Attrs): [unknown[], PyDict] {
  const args: unknown[] = [];
  const kwargs = new PyDict();
  const given = b['arguments'] as PyDict;
  let positional = true;
  for (const p of paramsOf(b['signature'] as Attrs)) {
    const name = p['name'] as string;
    const kind = (p['kind'] as Attrs)['value'] as number;
    if (kind >= 3 || !given.$has(name)) positional = positional && kind < 3 && given.$has(name);
    if (!given.$has(name)) continue;
    const value = given.$get(name);
    if (kind === 2) args.push(...(value as unknown[]));
    else if (kind === 4) for (const k of value as PyDict) kwargs.$set(k, (value as PyDict).$get(k));
    else if (positional && kind < 3) args.push(value);
    else kwargs.$set(name, value);
  }
  return [args, kwargs];
}

function bind(sig: Attrs, rest: unknown[], partial: boolean): Attrs {
  const [args, kw] = splitKeywords(rest);
  const keywords = { ...kw };
  const params = paramsOf(sig);
  const out = new PyDict();
  let i = 0;
  let varKeyword: Attrs | null = null;
  for (const p of params) {
    const name = p['name'] as string;
    const kind = (p['kind'] as Attrs)['value'] as number;
    if (kind === 2) {
      out.$set(name, PyTuple.fromArray(args.slice(i)));
      i = args.length;
      continue;
    }
    if (kind === 4) {
      varKeyword = p;
      continue;
    }
    if (kind <= 1 && i < args.length) {
      if (kind === 1 && Object.hasOwn(keywords, name)) throw new TypeError(`multiple values for argument '${name}'`);
      out.$set(name, args[i++]);
      continue;
    }
    if (kind >= 1 && Object.hasOwn(keywords, name)) {
      out.$set(name, keywords[name]);
      delete keywords[name];
      continue;
    }
    if (kind === 0 && Object.hasOwn(keywords, name) && varKeyword === null && !params.some((q) => ((q['kind'] as Attrs)['value'] as number) === 4)) {
      throw new TypeError(`'${name}' parameter is positional only, but was passed as a keyword`);
    }
    if (!partial && p['default'] === _empty) throw new TypeError(`missing a required argument: '${name}'`);
  }
  if (i < args.length) throw new TypeError('too many positional arguments');
  const extra = Object.keys(keywords);
  if (extra.length > 0) {
    if (varKeyword === null) throw new TypeError(`got an unexpected keyword argument '${extra[0]}'`);
    const d = new PyDict();
    for (const k of extra) d.$set(k, keywords[k]);
    out.$set(varKeyword['name'], d);
  }
  const bound = newInstance(BoundArguments);
  bound['signature'] = sig;
  bound['arguments'] = out;
  return bound;
}

export const Signature = defineClass('inspect', 'Signature', [], {
  empty: _empty,
  __str__(this: Attrs): string {
    return signatureText(this);
  },
  __repr__(this: Attrs): string {
    return `<Signature ${signatureText(this)}>`;
  },
  bind(this: Attrs, ...rest: unknown[]): Attrs {
    return bind(this, rest, false);
  },
  bind_partial(this: Attrs, ...rest: unknown[]): Attrs {
    return bind(this, rest, true);
  },
});

function makeSignature(params: Attrs[], returnAnnotation: unknown): Attrs {
  const s = newInstance(Signature);
  const parameters = new PyDict();
  for (const p of params) parameters.$set(p['name'], p);
  s['parameters'] = parameters;
  s['return_annotation'] = returnAnnotation;
  return s;
}

/** The parameters of a compiled function, from its `$def` records. */
function compiledParameters(fn: PyCallable, sig: CompiledSignature): [Attrs[], unknown] {
  const defaults = fn[DEFAULTS]?.defaults ?? [];
  const kwdefaults = fn[DEFAULTS]?.kwdefaults ?? {};
  const annotations = (fn as { [ANNOTATIONS]?: Record<string, unknown> })[ANNOTATIONS] ?? {};
  const ann = (name: string): unknown => (Object.hasOwn(annotations, name) ? annotations[name] : _empty);
  const params: Attrs[] = [];
  const firstDefault = sig.names.length - defaults.length;
  sig.names.forEach((name, i) => {
    params.push(makeParameter(name, i < sig.posonly ? 0 : 1, i >= firstDefault ? defaults[i - firstDefault] : _empty, ann(name)));
  });
  if (sig.vararg !== null) params.push(makeParameter(sig.vararg, 2, _empty, ann(sig.vararg)));
  for (const name of sig.kwonly) params.push(makeParameter(name, 3, Object.hasOwn(kwdefaults, name) ? kwdefaults[name] : _empty, ann(name)));
  if (sig.kwarg !== null) params.push(makeParameter(sig.kwarg, 4, _empty, ann(sig.kwarg)));
  return [params, Object.hasOwn(annotations, 'return') ? annotations['return'] : _empty];
}

function factoryMethod(cls: PyClass): PyCallable | null {
  for (const base of mroOf(cls)) {
    const dict = getClassAttr(base, '__dict__') as PyDict<unknown, unknown>;
    for (const name of ['__new__', '__init__']) {
      let f = dict.$get(name);
      if (f instanceof PyStaticMethod) f = f.__func__;
      if (typeof f === 'function' && (f as PyCallable)[SIGNATURE] !== undefined) return f as PyCallable;
    }
  }
  return null;
}

/** inspect.signature(obj): of a compiled function, a bound method (without its first parameter), a class (its __init__'s) or a callable instance. */
export function signature(obj: unknown): Attrs {
  if (!callable(obj)) throw new TypeError(`${repr(obj)} is not a callable object`);
  const fn = obj as PyCallable;
  if (typeof obj === 'function' && fn[BOUND] !== undefined) {
    const inner = signature(fn[BOUND].func);
    const params = paramsOf(inner);
    const first = params[0];
    if (first === undefined || ((first['kind'] as Attrs)['value'] as number) >= 3) throw new ValueError(`invalid method signature`);
    if (((first['kind'] as Attrs)['value'] as number) !== 2) params.shift();
    return makeSignature(params, inner['return_annotation']);
  }
  if (typeof obj === 'function' && fn[SIGNATURE] !== undefined) {
    const [params, ret] = compiledParameters(fn, fn[SIGNATURE]);
    return makeSignature(params, ret);
  }
  if (isClassLike(obj)) {
    // As CPython: the first class of the MRO with a Python-written `__new__` or `__init__` of its own gives the
    // signature (a namedtuple's is its `__new__`'s), without its first parameter and keeping its return annotation.
    const factory = factoryMethod(obj as PyClass);
    if (factory === null) return makeSignature([], _empty);
    const inner = signature(factory);
    const params = paramsOf(inner).slice(1);
    return makeSignature(params, inner['return_annotation']);
  }
  if (pyClassOf(obj) !== undefined && pyClassOf(obj) !== object) return signature(getattr(obj, '__call__'));
  throw new ValueError(`no signature found for builtin ${repr(obj)}`);
}

/**
 * inspect.getfullargspec(func)'s fields, in FullArgSpec's order: from the
 * signature with a bound method's first parameter kept, as CPython's.
 */
export function fullArgSpecFields(func: unknown): unknown[] {
  let fn = func as PyCallable;
  if (typeof func === 'function' && fn[BOUND] !== undefined) fn = fn[BOUND].func as PyCallable;
  if (typeof fn !== 'function' || fn[SIGNATURE] === undefined) {
    if (!callable(func)) throw new TypeError('unsupported callable');
    return fullArgSpecFields(signatureTarget(func));
  }
  const [params, ret] = compiledParameters(fn, fn[SIGNATURE]);
  const args: unknown[] = [];
  const kwonlyargs: unknown[] = [];
  const defaults: unknown[] = [];
  const kwdefaults = new PyDict();
  const annotations = new PyDict();
  let varargs: unknown = null;
  let varkw: unknown = null;
  if (ret !== _empty) annotations.$set('return', ret);
  for (const p of params) {
    const name = p['name'];
    switch ((p['kind'] as Attrs)['value'] as number) {
      case 0:
      case 1:
        args.push(name);
        if (p['default'] !== _empty) defaults.push(p['default']);
        break;
      case 2:
        varargs = name;
        break;
      case 3:
        kwonlyargs.push(name);
        if (p['default'] !== _empty) kwdefaults.$set(name, p['default']);
        break;
      case 4:
        varkw = name;
        break;
    }
    if (p['annotation'] !== _empty) annotations.$set(name, p['annotation']);
  }
  return [args, varargs, varkw, defaults.length > 0 ? PyTuple.fromArray(defaults) : null, kwonlyargs,
    kwdefaults.size > 0 ? kwdefaults : null, annotations];
}

/** What a class or callable instance's signature comes from, for getfullargspec (which keeps its first parameter). */
function signatureTarget(obj: unknown): unknown {
  if (isClassLike(obj)) {
    const factory = factoryMethod(obj as PyClass);
    if (factory === null) throw new TypeError('unsupported callable');
    return factory;
  }
  if (pyClassOf(obj) !== undefined && pyClassOf(obj) !== object) return getattr(obj, '__call__');
  throw new TypeError('unsupported callable');
}
