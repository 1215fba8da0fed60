/**
 * argparse.ArgumentParser (CPython 3.11): the parsing algorithm of
 * `_parse_known_args` (the argument-string pattern of 'O', 'A' and '-'
 * matched against regular expressions built from each action's nargs),
 * value conversion and checks, help and usage output, error() and exit().
 */
import { getattr, setattr, hasattr, delattr, callMethod } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { PyDict } from '../../../builtins/dict.js';
import { BaseException, TypeError, ValueError, AttributeError, OSError } from '../../../builtins/exceptions.js';
import { repr, str } from '../../../builtins/repr.js';
import { callable, type } from '../../../builtins/types.js';
import { truthy } from '../../../builtins/truth.js';
import { iterate } from '../../../builtins/iteration.js';
import { in_ } from '../../../builtins/operators.js';
import { PyTuple } from '../../../builtins/values.js';
import { toPython } from '../../../builtins/errors.js';
import * as sys from '../../sys.js';
import { open } from '../../../builtins/files.js';
import { pyClass, pyFunction } from '../pydef.js';
import { ONE_OR_MORE, OPTIONAL, PARSER, REMAINDER, SUPPRESS, UNRECOGNIZED_ARGS_ATTR, ZERO_OR_MORE, attr, isNoneish, optionStrings } from './constants.js';
import { ArgumentError, ArgumentTypeError, Namespace, _AttributeHolder, actionName } from './actions.js';
import { NEGATIVE_NUMBER, _ActionsContainer, addContainerActions, initContainer, kwOf, kwRecord, registryGet } from './containers.js';
import { HelpFormatter, engineOf } from './formatters.js';

const Q = 'argparse';
type OptionTuple = [unknown, string, string | null];

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

const errorOf = (self: unknown, message: string): void => {
  callMethod(self, 'error', message);
};

function positionalActions(self: unknown): unknown[] {
  return (getattr(self, '_actions') as unknown[]).filter((a) => optionStrings(a).length === 0);
}

function nargsPattern(action: unknown): string {
  const nargs = attr(action, 'nargs');
  let p: string;
  if (isNoneish(nargs)) p = '(-*A-*)';
  else if (nargs === OPTIONAL) p = '(-*A?-*)';
  else if (nargs === ZERO_OR_MORE) p = '(-*[A-]*)';
  else if (nargs === ONE_OR_MORE) p = '(-*A[A-]*)';
  else if (nargs === REMAINDER) p = '([-AO]*)';
  else if (nargs === PARSER) p = '(-*A[-AO]*)';
  else if (nargs === SUPPRESS) p = '(-*-*)';
  else p = `(-*${Array<string>(Number(nargs)).fill('A').join('-*')}-*)`;
  if (optionStrings(action).length > 0) p = p.replace(/-\*/g, '').replace(/-/g, '');
  return p;
}

function matchArgument(action: unknown, pattern: string): number {
  const m = new RegExp(`^${nargsPattern(action)}`).exec(pattern);
  if (m === null) {
    const nargs = attr(action, 'nargs');
    let msg: string;
    if (isNoneish(nargs)) msg = 'expected one argument';
    else if (nargs === OPTIONAL) msg = 'expected at most one argument';
    else if (nargs === ONE_OR_MORE) msg = 'expected at least one argument';
    else msg = `expected ${str(nargs)} argument${nargs === 1 ? '' : 's'}`;
    throw new ArgumentError(action, msg);
  }
  return m[1]!.length;
}

function matchArgumentsPartial(actions: unknown[], pattern: string): number[] {
  for (let i = actions.length; i > 0; i--) {
    const re = new RegExp(`^${actions.slice(0, i).map(nargsPattern).join('')}`);
    const m = re.exec(pattern);
    if (m !== null) return m.slice(1).map((g) => (g ?? '').length);
  }
  return [];
}

function optionTuples(self: unknown, optionString: string): OptionTuple[] {
  const result: OptionTuple[] = [];
  const chars = str(getattr(self, 'prefix_chars'));
  const map = getattr(self, '_option_string_actions') as PyDict;
  const c0 = optionString[0] ?? '', c1 = optionString[1] ?? '';
  if (chars.includes(c0) && c1 !== '' && chars.includes(c1)) {
    if (truthy(getattr(self, 'allow_abbrev'))) {
      let prefix = optionString;
      let explicit: string | null = null;
      const eq = optionString.indexOf('=');
      if (eq >= 0) {
        prefix = optionString.slice(0, eq);
        explicit = optionString.slice(eq + 1);
      }
      for (const k of map) {
        const o = k as string;
        if (o.startsWith(prefix)) result.push([map.$get(o), o, explicit]);
      }
    }
  } else if (chars.includes(c0) && !chars.includes(c1)) {
    const shortPrefix = optionString.slice(0, 2);
    const shortExplicit = optionString.slice(2);
    for (const k of map) {
      const o = k as string;
      if (o === shortPrefix) result.push([map.$get(o), o, shortExplicit]);
      else if (o.startsWith(optionString)) result.push([map.$get(o), o, null]);
    }
  } else {
    errorOf(self, `unexpected option string: ${optionString}`);
  }
  return result;
}

function parseOptional(self: unknown, arg: string): OptionTuple | null {
  if (!arg) return null;
  const chars = str(getattr(self, 'prefix_chars'));
  if (!chars.includes(arg[0]!)) return null;
  const map = getattr(self, '_option_string_actions') as PyDict;
  if (map.$has(arg)) return [map.$get(arg), arg, null];
  if (arg.length === 1) return null;
  const eq = arg.indexOf('=');
  if (eq >= 0) {
    const o = arg.slice(0, eq);
    if (map.$has(o)) return [map.$get(o), o, arg.slice(eq + 1)];
  }
  const tuples = optionTuples(self, arg);
  if (tuples.length > 1) {
    errorOf(self, `ambiguous option: ${arg} could match ${tuples.map((t) => t[1]).join(', ')}`);
  } else if (tuples.length === 1) {
    return tuples[0]!;
  }
  if (NEGATIVE_NUMBER.test(arg)) {
    if ((getattr(self, '_has_negative_number_optionals') as unknown[]).length === 0) return null;
  }
  if (arg.includes(' ')) return null;
  return [null, arg, null];
}

function getValue(self: unknown, action: unknown, argString: unknown): unknown {
  const typ = attr(action, 'type');
  const typeFunc = registryGet(self, 'type', typ, typ);
  if (!callable(typeFunc)) throw new ArgumentError(action, `${repr(typeFunc)} is not callable`);
  try {
    return call(typeFunc, [argString], null);
  } catch (raw) {
    const e = raw instanceof BaseException ? raw : toPython(raw);
    let error: ArgumentError;
    if (e instanceof ArgumentTypeError) {
      error = new ArgumentError(action, str(e));
    } else if (e instanceof TypeError || e instanceof ValueError) {
      const name = hasattr(typ, '__name__') ? getattr(typ, '__name__') : repr(typ);
      error = new ArgumentError(action, `invalid ${str(name)} value: ${repr(argString)}`);
    } else {
      throw e;
    }
    // Raised inside CPython's `except` clause: the conversion error is its context.
    error.__context__ = e as BaseException;
    throw error;
  }
}

function checkValue(action: unknown, value: unknown): void {
  const choices = attr(action, 'choices');
  if (!isNoneish(choices) && !in_(value, choices)) {
    const list = [...iterate(choices)].map((c) => repr(c)).join(', ');
    throw new ArgumentError(action, `invalid choice: ${repr(value)} (choose from ${list})`);
  }
}

function getValues(self: unknown, action: unknown, argStrings: unknown[]): unknown {
  const nargs = attr(action, 'nargs');
  if (nargs !== PARSER && nargs !== REMAINDER) {
    const i = argStrings.indexOf('--');
    if (i >= 0) argStrings.splice(i, 1);
  }
  let value: unknown;
  if (argStrings.length === 0 && nargs === OPTIONAL) {
    value = optionStrings(action).length > 0 ? attr(action, 'const') : attr(action, 'default');
    if (typeof value === 'string') {
      value = getValue(self, action, value);
      checkValue(action, value);
    }
  } else if (argStrings.length === 0 && nargs === ZERO_OR_MORE && optionStrings(action).length === 0) {
    const dflt = attr(action, 'default');
    value = !isNoneish(dflt) ? dflt : argStrings;
    checkValue(action, value);
  } else if (argStrings.length === 1 && (isNoneish(nargs) || nargs === OPTIONAL)) {
    value = getValue(self, action, argStrings[0]);
    checkValue(action, value);
  } else if (nargs === REMAINDER) {
    value = argStrings.map((v) => getValue(self, action, v));
  } else if (nargs === PARSER) {
    const values = argStrings.map((v) => getValue(self, action, v));
    checkValue(action, values[0]);
    value = values;
  } else if (nargs === SUPPRESS) {
    value = SUPPRESS;
  } else {
    const values = argStrings.map((v) => getValue(self, action, v));
    for (const v of values) checkValue(action, v);
    value = values;
  }
  return value;
}

/** `_parse_known_args`: the namespace filled in and the strings no action took. */
function parseKnownArgsImpl(self: unknown, argStrings: string[], namespace: unknown): [unknown, string[]] {
  if (!isNoneish(getattr(self, 'fromfile_prefix_chars'))) argStrings = readArgsFromFiles(self, argStrings);
  const conflictsOf = new Map<unknown, unknown[]>();
  for (const group of getattr(self, '_mutually_exclusive_groups') as unknown[]) {
    const members = getattr(group, '_group_actions') as unknown[];
    members.forEach((a, i) => {
      const list = conflictsOf.get(a) ?? [];
      conflictsOf.set(a, list);
      list.push(...members.slice(0, i), ...members.slice(i + 1));
    });
  }
  const optionIndices = new Map<number, OptionTuple>();
  const patternParts: string[] = [];
  for (let i = 0; i < argStrings.length; i++) {
    const arg = argStrings[i]!;
    if (arg === '--') {
      patternParts.push('-');
      for (i++; i < argStrings.length; i++) patternParts.push('A');
      break;
    }
    const tuple = parseOptional(self, arg);
    if (tuple === null) patternParts.push('A');
    else {
      optionIndices.set(i, tuple);
      patternParts.push('O');
    }
  }
  const pattern = patternParts.join('');
  const seen = new Set<unknown>();
  const seenNonDefault = new Set<unknown>();
  const extras: string[] = [];

  const takeAction = (action: unknown, args: unknown[], optionString: string | null = null): void => {
    seen.add(action);
    const values = getValues(self, action, args);
    if (values !== attr(action, 'default')) {
      seenNonDefault.add(action);
      for (const other of conflictsOf.get(action) ?? []) {
        if (seenNonDefault.has(other)) throw new ArgumentError(action, `not allowed with argument ${actionName(other) ?? 'None'}`);
      }
    }
    if (values !== SUPPRESS) call(action, [self, namespace, values, optionString], null);
  };

  const consumeOptional = (startIndex: number): number => {
    let [action, optionString, explicitArg] = optionIndices.get(startIndex)!;
    const tuples: Array<[unknown, unknown[], string]> = [];
    let stop = startIndex + 1;
    for (;;) {
      if (isNoneish(action)) {
        extras.push(argStrings[startIndex]!);
        return startIndex + 1;
      }
      if (explicitArg !== null) {
        const count = matchArgument(action, 'A');
        const chars = str(getattr(self, 'prefix_chars'));
        if (count === 0 && !chars.includes(optionString[1] ?? '\0') && explicitArg !== '') {
          tuples.push([action, [], optionString]);
          optionString = optionString[0]! + explicitArg[0]!;
          const next = explicitArg.slice(1) || null;
          const map = getattr(self, '_option_string_actions') as PyDict;
          if (map.$has(optionString)) {
            action = map.$get(optionString);
            explicitArg = next;
          } else {
            throw new ArgumentError(action, `ignored explicit argument ${repr(explicitArg)}`);
          }
        } else if (count === 1) {
          stop = startIndex + 1;
          tuples.push([action, [explicitArg], optionString]);
          break;
        } else {
          throw new ArgumentError(action, `ignored explicit argument ${repr(explicitArg)}`);
        }
      } else {
        const start = startIndex + 1;
        const count = matchArgument(action, pattern.slice(start));
        stop = start + count;
        tuples.push([action, argStrings.slice(start, stop), optionString]);
        break;
      }
    }
    for (const [a, args, o] of tuples) takeAction(a, args, o);
    return stop;
  };

  let positionals = positionalActions(self);
  const consumePositionals = (startIndex: number): number => {
    const counts = matchArgumentsPartial(positionals, pattern.slice(startIndex));
    counts.forEach((count, k) => {
      const args = argStrings.slice(startIndex, startIndex + count);
      startIndex += count;
      takeAction(positionals[k], args);
    });
    positionals = positionals.slice(counts.length);
    return startIndex;
  };

  let startIndex = 0;
  const indices = [...optionIndices.keys()];
  const maxOptionIndex = indices.length > 0 ? Math.max(...indices) : -1;
  while (startIndex <= maxOptionIndex) {
    const nextOptionIndex = Math.min(...indices.filter((i) => i >= startIndex));
    if (startIndex !== nextOptionIndex) {
      const end = consumePositionals(startIndex);
      if (end > startIndex) {
        startIndex = end;
        continue;
      }
      startIndex = end;
    }
    if (!optionIndices.has(startIndex)) {
      extras.push(...argStrings.slice(startIndex, nextOptionIndex));
      startIndex = nextOptionIndex;
    }
    startIndex = consumeOptional(startIndex);
  }
  const stopIndex = consumePositionals(startIndex);
  extras.push(...argStrings.slice(stopIndex));

  const required: string[] = [];
  for (const action of getattr(self, '_actions') as unknown[]) {
    if (seen.has(action)) continue;
    if (truthy(attr(action, 'required'))) {
      required.push(actionName(action) ?? 'None');
    } else {
      const dflt = attr(action, 'default');
      const dest = attr(action, 'dest') as string;
      if (typeof dflt === 'string' && hasattr(namespace, dest) && dflt === getattr(namespace, dest)) {
        setattr(namespace, dest, getValue(self, action, dflt));
      }
    }
  }
  if (required.length > 0) errorOf(self, `the following arguments are required: ${required.join(', ')}`);
  for (const group of getattr(self, '_mutually_exclusive_groups') as unknown[]) {
    if (!truthy(getattr(group, 'required'))) continue;
    const members = getattr(group, '_group_actions') as unknown[];
    if (members.some((a) => seenNonDefault.has(a))) continue;
    const names = members.filter((a) => attr(a, 'help') !== SUPPRESS).map((a) => actionName(a) ?? 'None');
    errorOf(self, `one of the arguments ${names.join(' ')} is required`);
  }
  return [namespace, extras];
}

function readArgsFromFiles(self: unknown, argStrings: string[]): string[] {
  const prefixes = str(getattr(self, 'fromfile_prefix_chars'));
  const out: string[] = [];
  for (const arg of argStrings) {
    if (!arg || !prefixes.includes(arg[0]!)) {
      out.push(arg);
      continue;
    }
    try {
      const file = call(open, [arg.slice(1)], null);
      const lines = callMethod(callMethod(file, 'read'), 'splitlines') as string[];
      callMethod(file, 'close');
      const read: string[] = [];
      for (const line of lines) for (const a of iterate(callMethod(self, 'convert_arg_line_to_args', line))) read.push(a as string);
      out.push(...readArgsFromFiles(self, read));
    } catch (e) {
      if (e instanceof OSError) errorOf(self, str(e));
      else throw e;
    }
  }
  return out;
}

function parseKnownArgs(self: unknown, args: unknown, namespace: unknown): PyTuple {
  let list: string[];
  if (isNoneish(args)) list = (sys.argv as string[]).slice(1);
  else list = [...iterate(args)] as string[];
  const ns = isNoneish(namespace) ? call(Namespace, [], null) : namespace;
  for (const action of getattr(self, '_actions') as unknown[]) {
    const dest = attr(action, 'dest');
    if (dest === SUPPRESS || hasattr(ns, dest as string)) continue;
    const dflt = attr(action, 'default');
    if (dflt !== SUPPRESS) setattr(ns, dest as string, dflt);
  }
  const defaults = getattr(self, '_defaults') as PyDict;
  for (const k of defaults) if (!hasattr(ns, k as string)) setattr(ns, k as string, defaults.$get(k));
  let result: [unknown, string[]] = [ns, list];
  if (truthy(getattr(self, 'exit_on_error'))) {
    try {
      result = parseKnownArgsImpl(self, list, ns);
    } catch (e) {
      if (!(e instanceof ArgumentError)) throw e;
      errorOf(self, str(e));
    }
  } else {
    result = parseKnownArgsImpl(self, list, ns);
  }
  const [outNs, extras] = result;
  if (hasattr(outNs, UNRECOGNIZED_ARGS_ATTR)) {
    extras.push(...([...iterate(getattr(outNs, UNRECOGNIZED_ARGS_ATTR))] as string[]));
    delattr(outNs, UNRECOGNIZED_ARGS_ATTR);
  }
  return PyTuple.of(outNs, extras);
}

/**
 * `parse_known_intermixed_args`: optionals first with the positionals
 * suppressed, then the positionals from what is left, as CPython does
 * (its "Do not expect ..." warning is not issued).
 */
function parseKnownIntermixedArgs(self: unknown, args: unknown, namespace: unknown): PyTuple {
  const positionals = positionalActions(self);
  const bad = positionals.find((a) => attr(a, 'nargs') === PARSER || attr(a, 'nargs') === REMAINDER);
  if (bad !== undefined) throw new TypeError(`parse_intermixed_args: positional arg with nargs=${str(attr(bad, 'nargs'))}`);
  for (const group of getattr(self, '_mutually_exclusive_groups') as unknown[]) {
    if ((getattr(group, '_group_actions') as unknown[]).some((a) => positionals.includes(a))) {
      throw new TypeError('parse_intermixed_args: positional in mutuallyExclusiveGroup');
    }
  }
  const saveUsage = getattr(self, 'usage');
  try {
    let remaining: unknown;
    const saved = positionals.map((a) => [attr(a, 'nargs'), attr(a, 'default')] as const);
    try {
      if (isNoneish(saveUsage)) setattr(self, 'usage', str(callMethod(self, 'format_usage')).slice(7));
      for (const a of positionals) {
        setattr(a, 'nargs', SUPPRESS);
        setattr(a, 'default', SUPPRESS);
      }
      [namespace, remaining] = [...iterate(callMethod(self, 'parse_known_args', args, namespace))];
      for (const a of positionals) {
        const dest = attr(a, 'dest') as string;
        const v = hasattr(namespace, dest) ? getattr(namespace, dest) : undefined;
        if (Array.isArray(v) && v.length === 0 && !(v instanceof PyTuple)) delattr(namespace, dest);
      }
    } finally {
      positionals.forEach((a, i) => {
        setattr(a, 'nargs', saved[i]![0]);
        setattr(a, 'default', saved[i]![1]);
      });
    }
    const optionals = (getattr(self, '_actions') as unknown[]).filter((a) => optionStrings(a).length > 0);
    const groups = getattr(self, '_mutually_exclusive_groups') as unknown[];
    const savedRequired = optionals.map((a) => attr(a, 'required'));
    const savedGroups = groups.map((g) => getattr(g, 'required'));
    try {
      for (const a of optionals) setattr(a, 'required', false);
      for (const g of groups) setattr(g, 'required', false);
      return callMethod(self, 'parse_known_args', remaining, namespace) as PyTuple;
    } finally {
      optionals.forEach((a, i) => setattr(a, 'required', savedRequired[i]));
      groups.forEach((g, i) => setattr(g, 'required', savedGroups[i]));
    }
  } finally {
    setattr(self, 'usage', saveUsage);
  }
}

function formatter(self: unknown): unknown {
  return callMethod(self, '_get_formatter');
}

function formatUsage(self: unknown): string {
  const f = formatter(self);
  engineOf(f).addUsage(getattr(self, 'usage'), [...(getattr(self, '_actions') as unknown[])], [...(getattr(self, '_mutually_exclusive_groups') as unknown[])]);
  return engineOf(f).formatHelp();
}

function formatHelp(self: unknown): string {
  const e = engineOf(formatter(self));
  e.addUsage(getattr(self, 'usage'), [...(getattr(self, '_actions') as unknown[])], [...(getattr(self, '_mutually_exclusive_groups') as unknown[])]);
  e.addText(getattr(self, 'description'));
  for (const group of getattr(self, '_action_groups') as unknown[]) {
    e.startSection(getattr(group, 'title'));
    e.addText(getattr(group, 'description'));
    e.addArguments(getattr(group, '_group_actions') as unknown[]);
    e.endSection();
  }
  e.addText(getattr(self, 'epilog'));
  return e.formatHelp();
}

function printMessage(message: unknown, file: unknown): null {
  if (!truthy(message)) return null;
  const target = truthy(file) ? file : sys.stderr;
  try {
    callMethod(target, 'write', message);
  } catch (e) {
    if (!(e instanceof AttributeError || e instanceof OSError)) throw e;
  }
  return null;
}

const INIT_SPEC = 'self, prog=, usage=, description=, epilog=, parents=, formatter_class=, prefix_chars=, fromfile_prefix_chars=, ' +
  'argument_default=, conflict_handler=, add_help=, allow_abbrev=, exit_on_error=';

export const ArgumentParser = pyClass('ArgumentParser', Q, [_AttributeHolder, _ActionsContainer], {
  __init__: pyFunction(INIT_SPEC, 'ArgumentParser.__init__', Q,
    (self: unknown, prog?: unknown, usage?: unknown, description?: unknown, epilog?: unknown, parents?: unknown, formatterClass?: unknown,
      prefixChars?: unknown, fromfilePrefixChars?: unknown, argumentDefault?: unknown, conflictHandler?: unknown, addHelp?: unknown,
      allowAbbrev?: unknown, exitOnError?: unknown) => {
      const chars = prefixChars === undefined ? '-' : str(prefixChars);
      initContainer(self, description ?? null, chars, argumentDefault ?? null, conflictHandler ?? 'error');
      setattr(self, 'prog', isNoneish(prog) ? basename(str((sys.argv as unknown[])[0])) : prog);
      setattr(self, 'usage', usage ?? null);
      setattr(self, 'epilog', epilog ?? null);
      setattr(self, 'formatter_class', formatterClass ?? HelpFormatter);
      setattr(self, 'fromfile_prefix_chars', fromfilePrefixChars ?? null);
      setattr(self, 'add_help', addHelp ?? true);
      setattr(self, 'allow_abbrev', allowAbbrev ?? true);
      setattr(self, 'exit_on_error', exitOnError ?? true);
      setattr(self, '_positionals', callMethod(self, 'add_argument_group', 'positional arguments'));
      setattr(self, '_optionals', callMethod(self, 'add_argument_group', 'options'));
      setattr(self, '_subparsers', null);
      callMethod(self, 'register', 'type', null, identity);
      const defaultPrefix = chars.includes('-') ? '-' : chars[0]!;
      if (truthy(getattr(self, 'add_help'))) {
        call(getattr(self, 'add_argument'), [`${defaultPrefix}h`, `${defaultPrefix}${defaultPrefix}help`], {
          action: 'help', default: SUPPRESS, help: 'show this help message and exit',
        });
      }
      for (const parent of parents === undefined ? [] : iterate(parents)) {
        addContainerActions(self, parent);
        if (hasattr(parent, '_defaults')) {
          const mine = getattr(self, '_defaults') as PyDict;
          const theirs = getattr(parent, '_defaults') as PyDict;
          for (const k of theirs) mine.$set(k, theirs.$get(k));
        }
      }
      return null;
    }),
  _get_kwargs: pyFunction('self', 'ArgumentParser._get_kwargs', Q, (self: unknown) =>
    ['prog', 'usage', 'description', 'formatter_class', 'conflict_handler', 'add_help'].map((n) => PyTuple.of(n, getattr(self, n)))),
  add_subparsers: pyFunction('self, **kwargs', 'ArgumentParser.add_subparsers', Q, (self: unknown, kwargs: PyDict) => {
    if (!isNoneish(getattr(self, '_subparsers'))) errorOf(self, 'cannot have multiple subparser arguments');
    const kw = kwOf(kwargs);
    if (!kw.has('parser_class')) kw.set('parser_class', type(self));
    if (kw.has('title') || kw.has('description')) {
      const title = kw.has('title') ? kw.get('title') : 'subcommands';
      const description = kw.has('description') ? kw.get('description') : null;
      kw.delete('title');
      kw.delete('description');
      setattr(self, '_subparsers', callMethod(self, 'add_argument_group', title, description));
    } else {
      setattr(self, '_subparsers', getattr(self, '_positionals'));
    }
    if (isNoneish(kw.get('prog'))) {
      const e = engineOf(formatter(self));
      e.addUsage(getattr(self, 'usage'), positionalActions(self), [...(getattr(self, '_mutually_exclusive_groups') as unknown[])], '');
      kw.set('prog', e.formatHelp().trim());
    }
    const actionKey = kw.has('action') ? kw.get('action') : 'parsers';
    kw.delete('action');
    const parsersClass = registryGet(self, 'action', actionKey, actionKey);
    const action = call(parsersClass, [], { option_strings: [], ...kwRecord(kw) });
    callMethod(getattr(self, '_subparsers'), '_add_action', action);
    return action;
  }),
  _add_action: pyFunction('self, action', 'ArgumentParser._add_action', Q, (self: unknown, action: unknown) => {
    callMethod(getattr(self, optionStrings(action).length > 0 ? '_optionals' : '_positionals'), '_add_action', action);
    return action;
  }),
  _get_optional_actions: pyFunction('self', 'ArgumentParser._get_optional_actions', Q, (self: unknown) =>
    (getattr(self, '_actions') as unknown[]).filter((a) => optionStrings(a).length > 0)),
  _get_positional_actions: pyFunction('self', 'ArgumentParser._get_positional_actions', Q, positionalActions),
  parse_args: pyFunction('self, args=, namespace=', 'ArgumentParser.parse_args', Q, (self: unknown, args?: unknown, namespace?: unknown) => {
    const [ns, argv] = [...iterate(callMethod(self, 'parse_known_args', args ?? null, namespace ?? null))] as [unknown, string[]];
    if (argv.length > 0) errorOf(self, `unrecognized arguments: ${argv.join(' ')}`);
    return ns;
  }),
  parse_known_args: pyFunction('self, args=, namespace=', 'ArgumentParser.parse_known_args', Q, (self: unknown, args?: unknown, namespace?: unknown) =>
    parseKnownArgs(self, args, namespace)),
  parse_intermixed_args: pyFunction('self, args=, namespace=', 'ArgumentParser.parse_intermixed_args', Q, (self: unknown, args?: unknown, namespace?: unknown) => {
    const [ns, argv] = [...iterate(callMethod(self, 'parse_known_intermixed_args', args ?? null, namespace ?? null))] as [unknown, string[]];
    if (argv.length > 0) errorOf(self, `unrecognized arguments: ${argv.join(' ')}`);
    return ns;
  }),
  parse_known_intermixed_args: pyFunction('self, args=, namespace=', 'ArgumentParser.parse_known_intermixed_args', Q,
    (self: unknown, args?: unknown, namespace?: unknown) => parseKnownIntermixedArgs(self, args ?? null, namespace ?? null)),
  convert_arg_line_to_args: pyFunction('self, arg_line', 'ArgumentParser.convert_arg_line_to_args', Q, (_self: unknown, line: unknown) => [line]),
  format_usage: pyFunction('self', 'ArgumentParser.format_usage', Q, formatUsage),
  format_help: pyFunction('self', 'ArgumentParser.format_help', Q, formatHelp),
  _get_formatter: pyFunction('self', 'ArgumentParser._get_formatter', Q, (self: unknown) =>
    call(getattr(self, 'formatter_class'), [], { prog: getattr(self, 'prog') })),
  print_usage: pyFunction('self, file=', 'ArgumentParser.print_usage', Q, (self: unknown, file?: unknown) =>
    callMethod(self, '_print_message', callMethod(self, 'format_usage'), isNoneish(file) ? sys.stdout : file)),
  print_help: pyFunction('self, file=', 'ArgumentParser.print_help', Q, (self: unknown, file?: unknown) =>
    callMethod(self, '_print_message', callMethod(self, 'format_help'), isNoneish(file) ? sys.stdout : file)),
  _print_message: pyFunction('self, message, file=', 'ArgumentParser._print_message', Q, (_self: unknown, message: unknown, file?: unknown) =>
    printMessage(message, file ?? null)),
  exit: pyFunction('self, status=, message=', 'ArgumentParser.exit', Q, (self: unknown, status?: unknown, message?: unknown) => {
    if (truthy(message ?? null)) callMethod(self, '_print_message', message, sys.stderr);
    return call(sys.exit, [status === undefined ? 0 : status], null);
  }),
  error: pyFunction('self, message', 'ArgumentParser.error', Q, (self: unknown, message: unknown) => {
    callMethod(self, 'print_usage', sys.stderr);
    return callMethod(self, 'exit', 2, `${str(getattr(self, 'prog'))}: error: ${str(message)}\n`);
  }),
});

const identity = pyFunction('string', 'ArgumentParser.__init__.<locals>.identity', Q, (s: unknown) => s);
