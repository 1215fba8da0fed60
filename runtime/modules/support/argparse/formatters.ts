/**
 * The formatter classes argparse exports. Each instance carries a
 * HelpEngine; what distinguishes the classes (raw text, defaults in help,
 * type metavars) is read from the instance's class, so user subclasses
 * combining them (`class F(ArgumentDefaultsHelpFormatter,
 * RawDescriptionHelpFormatter)`) behave as in CPython.
 */
import { issubclass, type } from '../../../builtins/types.js';
import { TypeError } from '../../../builtins/exceptions.js';
import { str } from '../../../builtins/repr.js';
import { iterate } from '../../../builtins/iteration.js';
import { intOf } from './ints.js';
import { pyClass, pyFunction } from '../pydef.js';
import { HelpEngine, terminalColumns, type FormatterHooks } from './formatter.js';
import { callMethod, getattr } from '../../../builtins/attributes.js';
import { isNoneish } from './constants.js';

const Q = 'argparse';
const engines = new WeakMap<object, HelpEngine>();

/** The engine of a formatter made by `formatter_class(prog=...)`. */
export function engineOf(formatter: unknown): HelpEngine {
  const e = typeof formatter === 'object' && formatter !== null ? engines.get(formatter) : undefined;
  if (e === undefined) throw new TypeError('pyasync: argparse formatters must be instances of argparse.HelpFormatter or a subclass');
  return e;
}

const fmt = (name: string, spec: string, f: (e: HelpEngine, ...args: never[]) => unknown): unknown =>
  pyFunction(spec, `HelpFormatter.${name}`, Q, (self: object, ...args: never[]) => f(engineOf(self), ...args));

/** The private methods a Python subclass overrides, bound to the formatter for its engine to call. */
function hooksOf(self: object, cls: unknown): FormatterHooks {
  const overrides = (name: string): boolean => getattr(cls, name) !== getattr(HelpFormatter, name);
  const method = (name: string) => (...args: unknown[]): unknown => callMethod(self, name, ...args);
  const hooks: FormatterHooks = {};
  if (overrides('_format_action_invocation')) hooks.actionInvocation = (a) => str(method('_format_action_invocation')(a));
  if (overrides('_format_args')) hooks.formatArgs = (a, m) => str(method('_format_args')(a, m));
  if (overrides('_get_help_string')) hooks.helpString = (a) => str(method('_get_help_string')(a));
  if (overrides('_split_lines')) hooks.splitLines = (t, w) => [...iterate(method('_split_lines')(t, w))].map((l) => str(l));
  if (overrides('_fill_text')) hooks.fillText = (t, w, i) => str(method('_fill_text')(t, w, i));
  if (overrides('_get_default_metavar_for_optional')) hooks.metavarOptional = (a) => str(method('_get_default_metavar_for_optional')(a));
  if (overrides('_get_default_metavar_for_positional')) hooks.metavarPositional = (a) => str(method('_get_default_metavar_for_positional')(a));
  return hooks;
}

export const HelpFormatter = pyClass('HelpFormatter', Q, [], {
  __init__: pyFunction('self, prog, indent_increment=, max_help_position=, width=', 'HelpFormatter.__init__', Q,
    (self: object, prog: unknown, indentIncrement?: unknown, maxHelpPosition?: unknown, width?: unknown) => {
      const cls = type(self);
      const w = isNoneish(width) ? terminalColumns() - 2 : intOf(width);
      engines.set(self, new HelpEngine(str(prog), indentIncrement === undefined ? 2 : intOf(indentIncrement),
        maxHelpPosition === undefined ? 24 : intOf(maxHelpPosition), w, {
          rawDescription: issubclass(cls, RawDescriptionHelpFormatter),
          rawText: issubclass(cls, RawTextHelpFormatter),
          argumentDefaults: issubclass(cls, ArgumentDefaultsHelpFormatter),
          metavarType: issubclass(cls, MetavarTypeHelpFormatter),
        }));
      engines.get(self)!.hooks = hooksOf(self, cls);
      return null;
    }),
  start_section: fmt('start_section', 'self, heading', (e, heading: unknown) => (e.startSection(heading), null)),
  end_section: fmt('end_section', 'self', (e) => (e.endSection(), null)),
  add_text: fmt('add_text', 'self, text', (e, text: unknown) => (e.addText(text), null)),
  add_usage: fmt('add_usage', 'self, usage, actions, groups, prefix=', (e, usage: unknown, actions: unknown, groups: unknown, prefix?: unknown) =>
    (e.addUsage(usage, [...iterate(actions)], [...iterate(groups)], isNoneish(prefix) ? null : str(prefix)), null)),
  add_argument: fmt('add_argument', 'self, action', (e, action: unknown) => (e.addArgument(action), null)),
  add_arguments: fmt('add_arguments', 'self, actions', (e, actions: unknown) => (e.addArguments(iterate(actions)), null)),
  format_help: fmt('format_help', 'self', (e) => e.formatHelp()),
  _format_action_invocation: fmt('_format_action_invocation', 'self, action', (e, action: unknown) => e.baseFormatActionInvocation(action)),
  _get_help_string: fmt('_get_help_string', 'self, action', (e, action: unknown) => e.baseHelpString(action)),
  _split_lines: fmt('_split_lines', 'self, text, width', (e, text: unknown, width: unknown) => e.baseSplitLines(str(text), intOf(width))),
  _fill_text: fmt('_fill_text', 'self, text, width, indent', (e, text: unknown, width: unknown, indent: unknown) =>
    e.baseFillText(str(text), intOf(width), str(indent))),
  _get_default_metavar_for_optional: fmt('_get_default_metavar_for_optional', 'self, action', (e, action: unknown) => e.baseMetavarForOptional(action)),
  _get_default_metavar_for_positional: fmt('_get_default_metavar_for_positional', 'self, action', (e, action: unknown) =>
    e.baseMetavarForPositional(action)),
  _format_args: fmt('_format_args', 'self, action, default_metavar', (e, action: unknown, dflt: unknown) => e.baseFormatArgs(action, str(dflt))),
});

export const RawDescriptionHelpFormatter = pyClass('RawDescriptionHelpFormatter', Q, [HelpFormatter], {});
export const RawTextHelpFormatter = pyClass('RawTextHelpFormatter', Q, [RawDescriptionHelpFormatter], {});
export const ArgumentDefaultsHelpFormatter = pyClass('ArgumentDefaultsHelpFormatter', Q, [HelpFormatter], {});
export const MetavarTypeHelpFormatter = pyClass('MetavarTypeHelpFormatter', Q, [HelpFormatter], {});
