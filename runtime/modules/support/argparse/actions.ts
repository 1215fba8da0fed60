/**
 * argparse's Action classes, Namespace, and its two exceptions (CPython
 * 3.11's argparse.py): Python classes, so programs subclass Action and
 * override `__call__`, and the parser reads every action attribute with
 * getattr as CPython does.
 */
import { callableClass } from '../../../builtins/callableClass.js';
import { Exception, NotImplementedError, ValueError } from '../../../builtins/exceptions.js';
import { getattr, setattr, callMethod } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { add } from '../../../builtins/operators.js';
import { repr, str } from '../../../builtins/repr.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyTuple } from '../../../builtins/values.js';
import { NotImplemented } from '../../../builtins/notImplemented.js';
import { isinstance, type, vars } from '../../../builtins/types.js';
import { eq } from '../../../builtins/equality.js';
import { in_ } from '../../../builtins/operators.js';
import { iterate } from '../../../builtins/iteration.js';
import { str_isidentifier } from '../../../builtins/str/predicates.js';
import { instanceDict } from '../../../builtins/classes/instanceAttributes.js';
import { copy as copyModuleCopy } from '../../copy.js';
import { pyClass, pyFunction } from '../pydef.js';
import { OPTIONAL, PARSER, SUPPRESS, UNRECOGNIZED_ARGS_ATTR, attr, isNoneish, optionStrings } from './constants.js';

const Q = 'argparse';
type Obj = Record<string, unknown>;

/** `_get_action_name`: how errors name an argument. */
export function actionName(argument: unknown): string | null {
  if (isNoneish(argument)) return null;
  const opts = optionStrings(argument);
  if (opts.length > 0) return opts.join('/');
  const metavar = attr(argument, 'metavar');
  if (!isNoneish(metavar) && metavar !== SUPPRESS) return str(metavar);
  const dest = attr(argument, 'dest');
  if (!isNoneish(dest) && dest !== SUPPRESS) return str(dest);
  const choices = attr(argument, 'choices');
  if (!isNoneish(choices) && [...iterate(choices)].length > 0) return `{${[...iterate(choices)].map((c) => str(c)).join(',')}}`;
  return null;
}

export const ArgumentError = callableClass(class ArgumentError extends Exception {
  static readonly __module__ = 'argparse';
  argument_name: unknown = null;

  constructor(argument: unknown, message: unknown) {
    super(argument, message);
    this.__init__(argument, message);
  }

  override __init__(...args: unknown[]): null {
    const [argument, message] = args;
    this.args = PyTuple.of(argument, message);
    this.argument_name = actionName(argument);
    this.message = message as string;
    return null;
  }

  override __str__(): string {
    const message = str(this.message);
    return this.argument_name === null ? message : `argument ${str(this.argument_name)}: ${message}`;
  }
});
export type ArgumentError = InstanceType<typeof ArgumentError>;

export const ArgumentTypeError = callableClass(class ArgumentTypeError extends Exception {
  static readonly __module__ = 'argparse';
});

/** `_AttributeHolder.__repr__`: `Name(a=1, b='x')`, non-identifier names in a trailing `**{...}`. */
function attributeHolderRepr(self: unknown): string {
  const parts: string[] = [];
  for (const a of iterate(callMethod(self, '_get_args'))) parts.push(repr(a));
  const star = new PyDict<unknown, unknown>();
  for (const item of iterate(callMethod(self, '_get_kwargs'))) {
    const [name, value] = [...iterate(item)];
    if (typeof name === 'string' && str_isidentifier(name)) parts.push(`${name}=${repr(value)}`);
    else star.$set(name, value);
  }
  if (star.$size > 0) parts.push(`**${repr(star)}`);
  return `${getattr(type(self), '__name__') as string}(${parts.join(', ')})`;
}

function dictItems(obj: unknown): PyTuple[] {
  const d = instanceDict(obj as object);
  if (d instanceof PyDict) return [...d].map((k) => PyTuple.of(k, d.$get(k)));
  return Object.entries(d as Obj).map(([k, v]) => PyTuple.of(k, v));
}

export const _AttributeHolder = pyClass('_AttributeHolder', Q, [], {
  __repr__: pyFunction('self', '_AttributeHolder.__repr__', Q, attributeHolderRepr),
  _get_kwargs: pyFunction('self', '_AttributeHolder._get_kwargs', Q, (self: unknown) => dictItems(self)),
  _get_args: pyFunction('self', '_AttributeHolder._get_args', Q, () => []),
});

export const Namespace = pyClass('Namespace', Q, [_AttributeHolder], {
  __init__: pyFunction('self, **kwargs', 'Namespace.__init__', Q, (self: unknown, kwargs: PyDict) => {
    for (const k of kwargs) setattr(self, k as string, kwargs.$get(k));
    return null;
  }),
  __eq__: pyFunction('self, other', 'Namespace.__eq__', Q, (self: unknown, other: unknown) => {
    if (!isinstance(other, Namespace)) return NotImplemented;
    return eq(vars(self), vars(other));
  }),
  __contains__: pyFunction('self, key', 'Namespace.__contains__', Q, (self: unknown, key: unknown) => in_(key, vars(self))),
  __hash__: null,
});

const ACTION_FIELDS = ['option_strings', 'dest', 'nargs', 'const', 'default', 'type', 'choices', 'required', 'help', 'metavar'] as const;

/** `Action.__init__`: every keyword becomes an attribute. */
function initAction(self: unknown, values: Partial<Record<(typeof ACTION_FIELDS)[number], unknown>>): null {
  const defaults: Record<string, unknown> = { nargs: null, const: null, default: null, type: null, choices: null, required: false, help: null, metavar: null };
  for (const f of ACTION_FIELDS) setattr(self, f, values[f] ?? (f in defaults ? defaults[f] : null));
  return null;
}

const isNone = (v: unknown): boolean => v === undefined || v === null;
const or = (v: unknown, dflt: unknown): unknown => (v === undefined ? dflt : v);

export const Action = pyClass('Action', Q, [_AttributeHolder], {
  __init__: pyFunction('self, option_strings, dest, nargs=, const=, default=, type=, choices=, required=, help=, metavar=', 'Action.__init__', Q,
    (self: unknown, option_strings: unknown, dest: unknown, nargs?: unknown, constv?: unknown, dflt?: unknown, typ?: unknown, choices?: unknown,
      required?: unknown, help?: unknown, metavar?: unknown) =>
      initAction(self, { option_strings, dest, nargs, const: constv, default: dflt, type: typ, choices, required: or(required, false), help, metavar })),
  _get_kwargs: pyFunction('self', 'Action._get_kwargs', Q, (self: unknown) => ACTION_FIELDS.map((f) => PyTuple.of(f, getattr(self, f)))),
  format_usage: pyFunction('self', 'Action.format_usage', Q, (self: unknown) => optionStrings(self)[0]),
  __call__: pyFunction('self, parser, namespace, values, option_string=', 'Action.__call__', Q, () => {
    throw new NotImplementedError('.__call__() not defined');
  }),
});

type Init = (...args: never[]) => unknown;
type Call = (self: Obj, parser: unknown, namespace: unknown, values: unknown, optionString?: unknown) => unknown;

function actionClass(name: string, bases: unknown[], spec: string | null, init: Init | null, callImpl: Call | null, extra: Record<string, unknown> = {}): ReturnType<typeof pyClass> {
  const members: Record<string, unknown> = { ...extra };
  if (spec !== null && init !== null) members['__init__'] = pyFunction(spec, `${name}.__init__`, Q, init);
  if (callImpl !== null) members['__call__'] = pyFunction('self, parser, namespace, values, option_string=', `${name}.__call__`, Q, callImpl);
  return pyClass(name, Q, bases, members);
}

const STORE_SPEC = 'self, option_strings, dest, nargs=, const=, default=, type=, choices=, required=, help=, metavar=';

function storeInit(kind: 'store' | 'append') {
  return (self: unknown, option_strings: unknown, dest: unknown, nargs?: unknown, constv?: unknown, dflt?: unknown, typ?: unknown,
    choices?: unknown, required?: unknown, help?: unknown, metavar?: unknown): null => {
    if (nargs === 0) {
      throw new ValueError(kind === 'store'
        ? 'nargs for store actions must be != 0; if you have nothing to store, actions such as store true or store const may be more appropriate'
        : 'nargs for append actions must be != 0; if arg strings are not supplying the value to append, the append const action may be more appropriate');
    }
    if (!isNone(constv) && nargs !== OPTIONAL) throw new ValueError(`nargs must be '?' to supply const`);
    return initAction(self, { option_strings, dest, nargs, const: constv, default: dflt, type: typ, choices, required: or(required, false), help, metavar });
  };
}

/** `_copy_items`: a copy of the list so far (the default is never mutated). */
function copyItems(items: unknown): unknown[] {
  if (isNone(items)) return [];
  if (Array.isArray(items) && !(items instanceof PyTuple) && Object.getPrototypeOf(items) === Array.prototype) return items.slice();
  return call(copyModuleCopy, [items], null) as unknown[];
}

function appendTo(items: unknown, value: unknown): unknown {
  if (Array.isArray(items) && Object.getPrototypeOf(items) === Array.prototype) {
    items.push(value);
    return null;
  }
  return callMethod(items, 'append', value);
}

export const _StoreAction = actionClass('_StoreAction', [Action], STORE_SPEC, storeInit('store'), (self, _p, ns, values) => setattr(ns, attr(self, 'dest') as string, values));

export const _StoreConstAction = actionClass('_StoreConstAction', [Action], 'self, option_strings, dest, const=, default=, required=, help=, metavar=',
  (self: unknown, option_strings: unknown, dest: unknown, constv?: unknown, dflt?: unknown, required?: unknown, help?: unknown) =>
    initAction(self, { option_strings, dest, nargs: 0, const: constv, default: dflt, required: or(required, false), help }),
  (self, _p, ns) => setattr(ns, attr(self, 'dest') as string, attr(self, 'const')));

function storeBool(value: boolean) {
  return (self: unknown, option_strings: unknown, dest: unknown, dflt?: unknown, required?: unknown, help?: unknown) =>
    initAction(self, { option_strings, dest, nargs: 0, const: value, default: or(dflt, !value), required: or(required, false), help });
}

export const _StoreTrueAction = actionClass('_StoreTrueAction', [_StoreConstAction], 'self, option_strings, dest, default=, required=, help=', storeBool(true), null);
export const _StoreFalseAction = actionClass('_StoreFalseAction', [_StoreConstAction], 'self, option_strings, dest, default=, required=, help=', storeBool(false), null);

export const _AppendAction = actionClass('_AppendAction', [Action], STORE_SPEC, storeInit('append'), (self, _p, ns, values) => {
  const dest = attr(self, 'dest') as string;
  const items = copyItems(getattr(ns, dest, null));
  appendTo(items, values);
  return setattr(ns, dest, items);
});

export const _AppendConstAction = actionClass('_AppendConstAction', [Action], 'self, option_strings, dest, const=, default=, required=, help=, metavar=',
  (self: unknown, option_strings: unknown, dest: unknown, constv?: unknown, dflt?: unknown, required?: unknown, help?: unknown, metavar?: unknown) =>
    initAction(self, { option_strings, dest, nargs: 0, const: constv, default: dflt, required: or(required, false), help, metavar }),
  (self, _p, ns) => {
    const dest = attr(self, 'dest') as string;
    const items = copyItems(getattr(ns, dest, null));
    appendTo(items, attr(self, 'const'));
    return setattr(ns, dest, items);
  });

export const _CountAction = actionClass('_CountAction', [Action], 'self, option_strings, dest, default=, required=, help=',
  (self: unknown, option_strings: unknown, dest: unknown, dflt?: unknown, required?: unknown, help?: unknown) =>
    initAction(self, { option_strings, dest, nargs: 0, default: dflt, required: or(required, false), help }),
  (self, _p, ns) => {
    const dest = attr(self, 'dest') as string;
    let count = getattr(ns, dest, null);
    if (isNone(count)) count = 0;
    return setattr(ns, dest, add(count, 1));
  });

export const _HelpAction = actionClass('_HelpAction', [Action], 'self, option_strings, dest=, default=, help=',
  (self: unknown, option_strings: unknown, dest?: unknown, dflt?: unknown, help?: unknown) =>
    initAction(self, { option_strings, dest: or(dest, SUPPRESS), default: or(dflt, SUPPRESS), nargs: 0, help }),
  (_self, parser) => {
    callMethod(parser, 'print_help');
    return callMethod(parser, 'exit');
  });

export const _VersionAction = actionClass('_VersionAction', [Action], 'self, option_strings, version=, dest=, default=, help=',
  (self: unknown, option_strings: unknown, version?: unknown, dest?: unknown, dflt?: unknown, help?: unknown) => {
    initAction(self, { option_strings, dest: or(dest, SUPPRESS), default: or(dflt, SUPPRESS), nargs: 0, help: or(help, "show program's version number and exit") });
    setattr(self, 'version', or(version, null));
    return null;
  },
  (self, parser) => {
    let version = attr(self, 'version');
    if (isNone(version)) version = getattr(parser, 'version');
    const formatter = callMethod(parser, '_get_formatter');
    callMethod(formatter, 'add_text', version);
    callMethod(parser, '_print_message', callMethod(formatter, 'format_help'), stdoutRef.get());
    return callMethod(parser, 'exit');
  });

/** sys.stdout as it is when the action runs (redirect_stdout replaces it); set by argparse.ts. */
export const stdoutRef: { get: () => unknown } = { get: () => null };

const ChoicesPseudoAction = actionClass('_ChoicesPseudoAction', [Action], 'self, name, aliases, help',
  (self: unknown, name: unknown, aliases: unknown, help: unknown) => {
    let metavar = str(name);
    const list = [...iterate(aliases)].map((a) => str(a));
    if (list.length > 0) metavar += ` (${list.join(', ')})`;
    return initAction(self, { option_strings: [], dest: name, help, metavar });
  }, null);

export const _SubParsersAction = actionClass('_SubParsersAction', [Action], 'self, option_strings, prog, parser_class, dest=, required=, help=, metavar=',
  (self: Obj, option_strings: unknown, prog: unknown, parserClass: unknown, dest?: unknown, required?: unknown, help?: unknown, metavar?: unknown) => {
    setattr(self, '_prog_prefix', prog);
    setattr(self, '_parser_class', parserClass);
    const map = new PyDict<unknown, unknown>();
    setattr(self, '_name_parser_map', map);
    setattr(self, '_choices_actions', []);
    return initAction(self, { option_strings, dest: or(dest, SUPPRESS), nargs: PARSER, choices: map, required: or(required, false), help, metavar });
  },
  (self, _parser, ns, values) => {
    const list = values as unknown[];
    const parserName = list[0];
    const argStrings = list.slice(1);
    const dest = attr(self, 'dest');
    if (dest !== SUPPRESS) setattr(ns, dest as string, parserName);
    const map = attr(self, '_name_parser_map') as PyDict;
    if (!map.$has(parserName)) {
      const choices = [...map].map((k) => str(k)).join(', ');
      throw new ArgumentError(self, `unknown parser ${repr(parserName)} (choices: ${choices})`);
    }
    const result = callMethod(map.$get(parserName), 'parse_known_args', argStrings, null);
    const [sub, rest] = [...iterate(result)] as [unknown, unknown[]];
    for (const item of dictItems(sub)) setattr(ns, item[0] as string, item[1]);
    if (rest.length > 0) {
      if (!in_(UNRECOGNIZED_ARGS_ATTR, vars(ns))) setattr(ns, UNRECOGNIZED_ARGS_ATTR, []);
      callMethod(getattr(ns, UNRECOGNIZED_ARGS_ATTR), 'extend', rest);
    }
    return null;
  },
  {
    _ChoicesPseudoAction: ChoicesPseudoAction,
    add_parser: pyFunction('self, name, **kwargs', '_SubParsersAction.add_parser', Q, (self: unknown, name: unknown, kwargs: PyDict) => {
      if (isNone(kwargs.$get('prog'))) kwargs.$set('prog', `${str(attr(self, '_prog_prefix'))} ${str(name)}`);
      const aliases = kwargs.$has('aliases') ? kwargs.$get('aliases') : PyTuple.of();
      kwargs.$delete('aliases');
      const map = attr(self, '_name_parser_map') as PyDict;
      if (map.$has(name)) throw new ArgumentError(self, `conflicting subparser: ${str(name)}`);
      for (const alias of iterate(aliases)) {
        if (map.$has(alias)) throw new ArgumentError(self, `conflicting subparser alias: ${str(alias)}`);
      }
      if (kwargs.$has('help')) {
        const help = kwargs.$get('help');
        kwargs.$delete('help');
        (attr(self, '_choices_actions') as unknown[]).push(call(ChoicesPseudoAction, [name, aliases, help], null));
      }
      const record: Record<string, unknown> = {};
      for (const k of kwargs) record[k as string] = kwargs.$get(k);
      const parser = call(attr(self, '_parser_class'), [], record);
      map.$set(name, parser);
      for (const alias of iterate(aliases)) map.$set(alias, parser);
      return parser;
    }),
    _get_subactions: pyFunction('self', '_SubParsersAction._get_subactions', Q, (self: unknown) => attr(self, '_choices_actions')),
  });

export const _ExtendAction = actionClass('_ExtendAction', [_AppendAction], null, null, (self, _p, ns, values) => {
  const dest = attr(self, 'dest') as string;
  const items = copyItems(getattr(ns, dest, null));
  if (Array.isArray(items) && Object.getPrototypeOf(items) === Array.prototype) items.push(...iterate(values));
  else callMethod(items, 'extend', values);
  return setattr(ns, dest, items);
});

export const BooleanOptionalAction = actionClass('BooleanOptionalAction', [Action], 'self, option_strings, dest, default=, type=, choices=, required=, help=, metavar=',
  (self: unknown, option_strings: unknown, dest: unknown, dflt?: unknown, typ?: unknown, choices?: unknown, required?: unknown, help?: unknown, metavar?: unknown) => {
    const opts: string[] = [];
    for (const o of iterate(option_strings)) {
      const s = o as string;
      opts.push(s);
      if (s.startsWith('--')) opts.push(`--no-${s.slice(2)}`);
    }
    return initAction(self, { option_strings: opts, dest, nargs: 0, default: dflt, type: typ, choices, required: or(required, false), help, metavar });
  },
  (self, _p, ns, _values, optionString) => {
    if (optionString !== undefined && optionString !== null && optionStrings(self).includes(optionString as string)) {
      setattr(ns, attr(self, 'dest') as string, !(optionString as string).startsWith('--no-'));
    }
    return null;
  },
  { format_usage: pyFunction('self', 'BooleanOptionalAction.format_usage', Q, (self: unknown) => optionStrings(self).join(' | ')) });
