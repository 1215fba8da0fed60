/**
 * argparse's sentinel strings (CPython compares nargs and defaults to them
 * by identity; as str values they compare equal here) and small helpers
 * reading the attributes of Python-level Action objects.
 */
import { getattr } from '../../../builtins/attributes.js';
import { PyTuple } from '../../../builtins/values.js';

export const SUPPRESS = '==SUPPRESS==';
export const OPTIONAL = '?';
export const ZERO_OR_MORE = '*';
export const ONE_OR_MORE = '+';
export const PARSER = 'A...';
export const REMAINDER = '...';
export const UNRECOGNIZED_ARGS_ATTR = '_unrecognized_args';

/** An attribute of an action / group / parser object, read as Python reads it (subclass properties included). */
export function attr(obj: unknown, name: string): unknown {
  return getattr(obj, name);
}

/** `action.option_strings` as a JS list of str. */
export function optionStrings(action: unknown): string[] {
  const v = getattr(action, 'option_strings');
  return Array.isArray(v) ? (v as string[]) : [...(v as Iterable<string>)];
}

export function isNoneish(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

export function isTuple(v: unknown): v is PyTuple {
  return v instanceof PyTuple;
}
