/**
 * Python's `argparse` module (CPython 3.11's argparse.py): ArgumentParser,
 * the Action classes, Namespace, the help formatters, FileType and the two
 * exceptions. Its exports are exactly the module's attributes; the classes
 * live in support/argparse/.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { ValueError } from '../builtins/exceptions.js';
import { OSError } from '../builtins/exceptions.js';
import { getattr, setattr } from '../builtins/attributes.js';
import { type } from '../builtins/types.js';
import { call } from '../builtins/calls.js';
import { repr, str } from '../builtins/repr.js';
import { open as builtinOpen } from '../builtins/files.js';
import { loadedModules } from './support/moduleTable.js';
import { pyClass, pyFunction } from './support/pydef.js';
import * as sys from './sys.js';
import { ArgumentTypeError, stdoutRef, actionName } from './support/argparse/actions.js';
import * as self from './argparse.js';

export const __name__ = 'argparse';
loadedModules.$set('argparse', self);
stdoutRef.get = () => sys.stdout;

const Q = 'argparse';

export { ONE_OR_MORE, OPTIONAL, PARSER, REMAINDER, SUPPRESS, ZERO_OR_MORE, UNRECOGNIZED_ARGS_ATTR as _UNRECOGNIZED_ARGS_ATTR } from './support/argparse/constants.js';
export {
  Action, ArgumentError, ArgumentTypeError, BooleanOptionalAction, Namespace, _AppendAction, _AppendConstAction, _AttributeHolder, _CountAction,
  _ExtendAction, _HelpAction, _StoreAction, _StoreConstAction, _StoreFalseAction, _StoreTrueAction, _SubParsersAction, _VersionAction,
} from './support/argparse/actions.js';
export { _ActionsContainer, _ArgumentGroup, _MutuallyExclusiveGroup } from './support/argparse/containers.js';
export { ArgumentParser } from './support/argparse/parser.js';
export {
  ArgumentDefaultsHelpFormatter, HelpFormatter, MetavarTypeHelpFormatter, RawDescriptionHelpFormatter, RawTextHelpFormatter,
} from './support/argparse/formatters.js';

export const __version__ = '1.1';

export const __all__ = [
  'ArgumentParser', 'ArgumentError', 'ArgumentTypeError', 'BooleanOptionalAction', 'FileType', 'HelpFormatter',
  'ArgumentDefaultsHelpFormatter', 'RawDescriptionHelpFormatter', 'RawTextHelpFormatter', 'MetavarTypeHelpFormatter',
  'Namespace', 'Action', 'ONE_OR_MORE', 'OPTIONAL', 'PARSER', 'REMAINDER', 'SUPPRESS', 'ZERO_OR_MORE',
];

export const _get_action_name = pyFunction('argument', '_get_action_name', Q, (argument: unknown) => actionName(argument));

/** FileType(mode, bufsize, encoding, errors): a `type=` that opens the named file ('-' is stdin/stdout). */
export const FileType = pyClass('FileType', Q, [], {
  __init__: pyFunction('self, mode=, bufsize=, encoding=, errors=', 'FileType.__init__', Q,
    (s: unknown, mode?: unknown, bufsize?: unknown, encoding?: unknown, errors?: unknown) => {
      setattr(s, '_mode', mode ?? 'r');
      setattr(s, '_bufsize', bufsize ?? -1);
      setattr(s, '_encoding', encoding ?? null);
      setattr(s, '_errors', errors ?? null);
      return null;
    }),
  __call__: pyFunction('self, string', 'FileType.__call__', Q, (s: unknown, string: unknown) => {
    const mode = str(getattr(s, '_mode'));
    if (string === '-') {
      if (mode.includes('r')) return mode.includes('b') ? getattr(sys.stdin, 'buffer') : sys.stdin;
      if (/[wax]/.test(mode)) return mode.includes('b') ? getattr(sys.stdout, 'buffer') : sys.stdout;
      throw new ValueError(`argument "-" with mode ${repr(mode)}`);
    }
    try {
      return call(builtinOpen, [string, mode, getattr(s, '_bufsize'), getattr(s, '_encoding'), getattr(s, '_errors')], null);
    } catch (e) {
      if (e instanceof OSError) throw new ArgumentTypeError(`can't open '${str(string)}': ${str(e)}`);
      throw e;
    }
  }),
  __repr__: pyFunction('self', 'FileType.__repr__', Q, (s: unknown) => {
    const args = [getattr(s, '_mode'), getattr(s, '_bufsize')].filter((a) => a !== -1).map((a) => repr(a));
    for (const k of ['encoding', 'errors']) {
      const v = getattr(s, `_${k}`);
      if (v !== null) args.push(`${k}=${repr(v)}`);
    }
    return `${str(getattr(type(s), '__name__'))}(${args.join(', ')})`;
  }),
});
