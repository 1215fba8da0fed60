/**
 * argparse's _ActionsContainer, _ArgumentGroup and _MutuallyExclusiveGroup
 * (CPython 3.11): add_argument with dest derivation, action registries,
 * conflicts, defaults and groups. State lives in Python attributes
 * (`_actions`, `_option_string_actions`, `_defaults`…) shared by reference
 * between a parser and its groups, as in CPython.
 */
import { getattr, setattr, hasattr, callMethod } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { PyDict } from '../../../builtins/dict.js';
import { DeprecationWarning, TypeError, ValueError, KeyError } from '../../../builtins/exceptions.js';
import { warnCaller } from '../warnings/fromRuntime.js';
import { repr, str } from '../../../builtins/repr.js';
import { callable } from '../../../builtins/types.js';
import { truthy } from '../../../builtins/truth.js';
import { iterate } from '../../../builtins/iteration.js';
import { PyTuple } from '../../../builtins/values.js';
import { pyClass, pyFunction } from '../pydef.js';
import { OPTIONAL, ZERO_OR_MORE, attr, isNoneish, optionStrings } from './constants.js';
import {
  ArgumentError, _AppendAction, _AppendConstAction, _CountAction, _ExtendAction, _HelpAction, _StoreAction, _StoreConstAction,
  _StoreFalseAction, _StoreTrueAction, _SubParsersAction, _VersionAction,
} from './actions.js';

const Q = 'argparse';
export type Kw = Map<string, unknown>;

export const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

export function kwOf(d: PyDict | undefined): Kw {
  const m: Kw = new Map();
  if (d !== undefined) for (const k of d) m.set(k as string, d.$get(k));
  return m;
}

export function kwRecord(m: Kw): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  for (const [k, v] of m) r[k] = v;
  return r;
}

function pop(m: Kw, key: string, dflt: unknown): unknown {
  if (!m.has(key)) return dflt;
  const v = m.get(key);
  m.delete(key);
  return v;
}

export function registryGet(self: unknown, registry: string, value: unknown, dflt: unknown): unknown {
  const regs = getattr(self, '_registries') as PyDict;
  if (!regs.$has(registry)) throw new KeyError(registry);
  const r = regs.$get(registry) as PyDict;
  return r.$has(value) ? r.$get(value) : dflt;
}

function register(self: unknown, registry: string, value: unknown, obj: unknown): null {
  const regs = getattr(self, '_registries') as PyDict;
  if (!regs.$has(registry)) regs.$set(registry, new PyDict());
  (regs.$get(registry) as PyDict).$set(value, obj);
  return null;
}

/** `_ActionsContainer.__init__`. */
export function initContainer(self: unknown, description: unknown, prefixChars: unknown, argumentDefault: unknown, conflictHandler: unknown): void {
  setattr(self, 'description', description);
  setattr(self, 'argument_default', argumentDefault);
  setattr(self, 'prefix_chars', prefixChars);
  setattr(self, 'conflict_handler', conflictHandler);
  setattr(self, '_registries', new PyDict());
  const actions: Array<[unknown, unknown]> = [
    [null, _StoreAction], ['store', _StoreAction], ['store_const', _StoreConstAction], ['store_true', _StoreTrueAction],
    ['store_false', _StoreFalseAction], ['append', _AppendAction], ['append_const', _AppendConstAction], ['count', _CountAction],
    ['help', _HelpAction], ['version', _VersionAction], ['parsers', _SubParsersAction], ['extend', _ExtendAction],
  ];
  for (const [name, cls] of actions) register(self, 'action', name, cls);
  getHandler(self);
  setattr(self, '_actions', []);
  setattr(self, '_option_string_actions', new PyDict());
  setattr(self, '_action_groups', []);
  setattr(self, '_mutually_exclusive_groups', []);
  setattr(self, '_defaults', new PyDict());
  setattr(self, '_has_negative_number_optionals', []);
}

function getHandler(self: unknown): unknown {
  const name = `_handle_conflict_${str(getattr(self, 'conflict_handler'))}`;
  if (!hasattr(self, name)) throw new ValueError(`invalid conflict_resolution value: ${repr(getattr(self, 'conflict_handler'))}`);
  return getattr(self, name);
}

function positionalKwargs(dest: unknown, kw: Kw): Kw {
  if (kw.has('required')) throw new TypeError("'required' is an invalid argument for positionals");
  const nargs = kw.get('nargs');
  if (nargs !== OPTIONAL && nargs !== ZERO_OR_MORE) kw.set('required', true);
  if (nargs === ZERO_OR_MORE && !kw.has('default')) kw.set('required', true);
  kw.set('dest', dest);
  kw.set('option_strings', []);
  return kw;
}

function optionalKwargs(self: unknown, args: unknown[], kw: Kw): Kw {
  const chars = str(getattr(self, 'prefix_chars'));
  const options: string[] = [];
  const longs: string[] = [];
  for (const a of args) {
    const o = a as string;
    if (!chars.includes(o[0] ?? '\0')) {
      throw new ValueError(`invalid option string ${repr(o)}: must start with a character ${repr(chars)}`);
    }
    options.push(o);
    if (o.length > 1 && chars.includes(o[1]!)) longs.push(o);
  }
  let dest = pop(kw, 'dest', null);
  if (isNoneish(dest)) {
    const source = longs.length > 0 ? longs[0]! : options[0]!;
    let d = source;
    while (d.length > 0 && chars.includes(d[0]!)) d = d.slice(1);
    if (!d) throw new ValueError(`dest= is required for options like ${repr(options[options.length - 1])}`);
    dest = d.replace(/-/g, '_');
  }
  kw.set('dest', dest);
  kw.set('option_strings', options);
  return kw;
}

/** `add_argument(*args, **kwargs)`. */
function addArgument(self: unknown, args: readonly unknown[], kwargs: PyDict): unknown {
  const chars = str(getattr(self, 'prefix_chars'));
  let kw = kwOf(kwargs);
  const first = args[0];
  if (args.length === 0 || (args.length === 1 && !chars.includes((first as string)[0] ?? '\0'))) {
    if (args.length > 0 && kw.has('dest')) throw new ValueError('dest supplied twice for positional argument');
    if (args.length === 0 && !kw.has('dest')) throw new TypeError("_ActionsContainer._get_positional_kwargs() missing 1 required positional argument: 'dest'");
    const dest = args.length > 0 ? first : pop(kw, 'dest', null);
    kw = positionalKwargs(dest, kw);
  } else {
    kw = optionalKwargs(self, [...args], kw);
  }
  if (!kw.has('default')) {
    const dest = kw.get('dest');
    const defaults = getattr(self, '_defaults') as PyDict;
    const argumentDefault = getattr(self, 'argument_default');
    if (defaults.$has(dest)) kw.set('default', defaults.$get(dest));
    else if (!isNoneish(argumentDefault)) kw.set('default', argumentDefault);
  }
  const actionName = pop(kw, 'action', null);
  const actionClass = registryGet(self, 'action', actionName, actionName);
  if (!callable(actionClass)) throw new ValueError(`unknown action "${str(actionClass)}"`);
  const action = call(actionClass, [], kwRecord(kw));
  const typ = getattr(action, 'type');
  const typeFunc = registryGet(self, 'type', typ, typ);
  if (!callable(typeFunc)) throw new ValueError(`${repr(typeFunc)} is not callable`);
  if (hasattr(self, '_get_formatter')) {
    try {
      callMethod(callMethod(self, '_get_formatter'), '_format_args', action, null);
    } catch (e) {
      if (e instanceof TypeError) throw new ValueError('length of metavar tuple does not match nargs');
      throw e;
    }
  }
  return callMethod(self, '_add_action', action);
}

/** `_ActionsContainer._add_action`. */
function containerAddAction(self: unknown, action: unknown): unknown {
  checkConflict(self, action);
  (getattr(self, '_actions') as unknown[]).push(action);
  setattr(action, 'container', self);
  const map = getattr(self, '_option_string_actions') as PyDict;
  const opts = optionStrings(action);
  for (const o of opts) map.$set(o, action);
  for (const o of opts) {
    if (NEGATIVE_NUMBER.test(o)) {
      const has = getattr(self, '_has_negative_number_optionals') as unknown[];
      if (has.length === 0) has.push(true);
    }
  }
  return action;
}

function removeFrom(list: unknown[], item: unknown): void {
  const i = list.indexOf(item);
  if (i < 0) throw new ValueError('list.remove(x): x not in list');
  list.splice(i, 1);
}

function checkConflict(self: unknown, action: unknown): void {
  const map = getattr(self, '_option_string_actions') as PyDict;
  const conflicts: PyTuple[] = [];
  for (const o of optionStrings(action)) if (map.$has(o)) conflicts.push(PyTuple.of(o, map.$get(o)));
  if (conflicts.length > 0) call(getHandler(self), [action, conflicts], null);
}

function handleConflictError(_self: unknown, action: unknown, conflicting: unknown): never {
  const list = [...iterate(conflicting)].map((t) => (t as PyTuple)[0] as string);
  const message = list.length === 1 ? 'conflicting option string: %s' : 'conflicting option strings: %s';
  throw new ArgumentError(action, message.replace('%s', list.join(', ')));
}

function handleConflictResolve(self: unknown, _action: unknown, conflicting: unknown): null {
  const map = getattr(self, '_option_string_actions') as PyDict;
  for (const t of iterate(conflicting)) {
    const [o, action] = t as PyTuple;
    removeFrom(getattr(action, 'option_strings') as unknown[], o);
    map.$delete(o);
    if (optionStrings(action).length === 0) callMethod(getattr(action, 'container'), '_remove_action', action);
  }
  return null;
}

/** `_add_container_actions`: a parent parser's arguments, groups kept. */
export function addContainerActions(self: unknown, container: unknown): void {
  const titleGroupMap = new PyDict<unknown, unknown>();
  for (const group of getattr(self, '_action_groups') as unknown[]) {
    const title = getattr(group, 'title');
    if (titleGroupMap.$has(title)) throw new ValueError(`cannot merge actions - two groups are named ${repr(title)}`);
    titleGroupMap.$set(title, group);
  }
  const groupMap = new Map<unknown, unknown>();
  for (const group of getattr(container, '_action_groups') as unknown[]) {
    const title = getattr(group, 'title');
    if (!titleGroupMap.$has(title)) {
      titleGroupMap.$set(title, call(getattr(self, 'add_argument_group'), [], {
        title, description: getattr(group, 'description'), conflict_handler: getattr(group, 'conflict_handler'),
      }));
    }
    for (const a of getattr(group, '_group_actions') as unknown[]) groupMap.set(a, titleGroupMap.$get(title));
  }
  for (const group of getattr(container, '_mutually_exclusive_groups') as unknown[]) {
    const mutex = call(getattr(self, 'add_mutually_exclusive_group'), [], { required: getattr(group, 'required') });
    for (const a of getattr(group, '_group_actions') as unknown[]) groupMap.set(a, mutex);
  }
  for (const a of getattr(container, '_actions') as unknown[]) callMethod(groupMap.has(a) ? groupMap.get(a) : self, '_add_action', a);
}

function addArgumentGroup(self: unknown, args: PyTuple, kwargs: PyDict): unknown {
  const group = call(_ArgumentGroup, [self, ...args], kwRecord(kwOf(kwargs)));
  (getattr(self, '_action_groups') as unknown[]).push(group);
  return group;
}

function addMutuallyExclusiveGroup(self: unknown, kwargs: PyDict): unknown {
  const group = call(_MutuallyExclusiveGroup, [self], kwRecord(kwOf(kwargs)));
  (getattr(self, '_mutually_exclusive_groups') as unknown[]).push(group);
  return group;
}

export const _ActionsContainer = pyClass('_ActionsContainer', Q, [], {
  __init__: pyFunction('self, description, prefix_chars, argument_default, conflict_handler', '_ActionsContainer.__init__', Q,
    (self: unknown, d: unknown, p: unknown, a: unknown, c: unknown) => (initContainer(self, d, p, a, c), null)),
  register: pyFunction('self, registry_name, value, object', '_ActionsContainer.register', Q, (self: unknown, r: unknown, v: unknown, o: unknown) =>
    register(self, str(r), v, o)),
  _registry_get: pyFunction('self, registry_name, value, default=', '_ActionsContainer._registry_get', Q,
    (self: unknown, r: unknown, v: unknown, d?: unknown) => registryGet(self, str(r), v, d ?? null)),
  set_defaults: pyFunction('self, **kwargs', '_ActionsContainer.set_defaults', Q, (self: unknown, kwargs: PyDict) => {
    const defaults = getattr(self, '_defaults') as PyDict;
    for (const k of kwargs) defaults.$set(k, kwargs.$get(k));
    for (const action of getattr(self, '_actions') as unknown[]) {
      const dest = getattr(action, 'dest');
      if (kwargs.$has(dest)) setattr(action, 'default', kwargs.$get(dest));
    }
    return null;
  }),
  get_default: pyFunction('self, dest', '_ActionsContainer.get_default', Q, (self: unknown, dest: unknown) => {
    for (const action of getattr(self, '_actions') as unknown[]) {
      if (getattr(action, 'dest') === dest && !isNoneish(getattr(action, 'default'))) return getattr(action, 'default');
    }
    const defaults = getattr(self, '_defaults') as PyDict;
    return defaults.$has(dest) ? defaults.$get(dest) : null;
  }),
  add_argument: pyFunction('self, *args, **kwargs', '_ActionsContainer.add_argument', Q, (self: unknown, args: PyTuple, kwargs: PyDict) =>
    addArgument(self, args, kwargs)),
  add_argument_group: pyFunction('self, *args, **kwargs', '_ActionsContainer.add_argument_group', Q, addArgumentGroup),
  add_mutually_exclusive_group: pyFunction('self, **kwargs', '_ActionsContainer.add_mutually_exclusive_group', Q, addMutuallyExclusiveGroup),
  _add_action: pyFunction('self, action', '_ActionsContainer._add_action', Q, containerAddAction),
  _remove_action: pyFunction('self, action', '_ActionsContainer._remove_action', Q, (self: unknown, action: unknown) =>
    (removeFrom(getattr(self, '_actions') as unknown[], action), null)),
  _add_container_actions: pyFunction('self, container', '_ActionsContainer._add_container_actions', Q, (self: unknown, c: unknown) =>
    (addContainerActions(self, c), null)),
  _handle_conflict_error: pyFunction('self, action, conflicting_actions', '_ActionsContainer._handle_conflict_error', Q, handleConflictError),
  _handle_conflict_resolve: pyFunction('self, action, conflicting_actions', '_ActionsContainer._handle_conflict_resolve', Q, handleConflictResolve),
});

const SHARED = ['_registries', '_actions', '_option_string_actions', '_defaults', '_has_negative_number_optionals', '_mutually_exclusive_groups'];

function initGroup(self: unknown, container: unknown, title: unknown, description: unknown, kwargs: Kw): void {
  const get = (k: string): unknown => (kwargs.has(k) ? kwargs.get(k) : getattr(container, k));
  initContainer(self, description, get('prefix_chars'), get('argument_default'), get('conflict_handler'));
  setattr(self, 'title', title);
  setattr(self, '_group_actions', []);
  for (const k of SHARED) setattr(self, k, getattr(container, k));
}

export const _ArgumentGroup = pyClass('_ArgumentGroup', Q, [_ActionsContainer], {
  __init__: pyFunction('self, container, title=, description=, **kwargs', '_ArgumentGroup.__init__', Q,
    (self: unknown, container: unknown, title: unknown, description: unknown, kwargs: PyDict) => {
      const kw = kwOf(kwargs);
      for (const k of kw.keys()) {
        if (!['prefix_chars', 'argument_default', 'conflict_handler'].includes(k)) {
          throw new TypeError(`_ActionsContainer.__init__() got an unexpected keyword argument '${k}'`);
        }
      }
      initGroup(self, container, title ?? null, description ?? null, kw);
      return null;
    }),
  _add_action: pyFunction('self, action', '_ArgumentGroup._add_action', Q, (self: unknown, action: unknown) => {
    const a = containerAddAction(self, action);
    (getattr(self, '_group_actions') as unknown[]).push(a);
    return a;
  }),
  _remove_action: pyFunction('self, action', '_ArgumentGroup._remove_action', Q, (self: unknown, action: unknown) => {
    removeFrom(getattr(self, '_actions') as unknown[], action);
    removeFrom(getattr(self, '_group_actions') as unknown[], action);
    return null;
  }),
  add_argument_group: pyFunction('self, *args, **kwargs', '_ArgumentGroup.add_argument_group', Q, (self: unknown, args: PyTuple, kwargs: PyDict) => {
    warnCaller('Nesting argument groups is deprecated.', DeprecationWarning, 2);
    return addArgumentGroup(self, args, kwargs);
  }),
});

export const _MutuallyExclusiveGroup = pyClass('_MutuallyExclusiveGroup', Q, [_ArgumentGroup], {
  __init__: pyFunction('self, container, required=', '_MutuallyExclusiveGroup.__init__', Q, (self: unknown, container: unknown, required?: unknown) => {
    initGroup(self, container, null, null, new Map());
    setattr(self, 'required', required ?? false);
    setattr(self, '_container', container);
    return null;
  }),
  _add_action: pyFunction('self, action', '_MutuallyExclusiveGroup._add_action', Q, (self: unknown, action: unknown) => {
    if (truthy(attr(action, 'required'))) throw new ValueError('mutually exclusive arguments must be optional');
    const a = callMethod(getattr(self, '_container'), '_add_action', action);
    (getattr(self, '_group_actions') as unknown[]).push(a);
    return a;
  }),
  _remove_action: pyFunction('self, action', '_MutuallyExclusiveGroup._remove_action', Q, (self: unknown, action: unknown) => {
    callMethod(getattr(self, '_container'), '_remove_action', action);
    removeFrom(getattr(self, '_group_actions') as unknown[], action);
    return null;
  }),
  add_mutually_exclusive_group: pyFunction('self, **kwargs', '_MutuallyExclusiveGroup.add_mutually_exclusive_group', Q, (self: unknown, kwargs: PyDict) => {
    warnCaller('Nesting mutually exclusive groups is deprecated.', DeprecationWarning, 2);
    return addMutuallyExclusiveGroup(self, kwargs);
  }),
});

