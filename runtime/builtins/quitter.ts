/**
 * `exit` and `quit`: CPython's site module puts two `_sitebuiltins.Quitter`
 * instances in builtins. Calling one raises SystemExit(code); its repr is the
 * hint the REPL prints. Made by the runtime's class factory, so type(),
 * vars(), callable() and argument errors behave as for a Python class.
 */
import { makeClass } from './classes.js';
import { checkArgs, def } from './calls.js';
import { SystemExit } from './exceptions.js';
import { raise } from './errors.js';
import { getattr, setattr } from './attributes.js';
import { closeStdin } from './input.js';

/** An instance of a callable class is a JS function: its attributes go through the attribute protocol. */
type Self = object;

const MODULE = '_sitebuiltins';

// Pure calls: a bundle that uses neither exit nor quit drops the class and both instances.
const Quitter = /*#__PURE__*/ makeClass('Quitter', [], (ns) => {
  ns['__module__'] = MODULE;
  ns['__qualname__'] = 'Quitter';
  ns['__init__'] = def(function __init__(self: Self, name: unknown, eof: unknown): void {
    if (arguments.length !== 3) checkArgs(arguments.length, __init__);
    setattr(self, 'name', name);
    setattr(self, 'eof', eof);
  }, 'self, name, eof', 'Quitter.__init__', MODULE);
  ns['__repr__'] = def(function __repr__(self: Self): string {
    if (arguments.length !== 1) checkArgs(arguments.length, __repr__);
    return `Use ${String(getattr(self, 'name'))}() or ${String(getattr(self, 'eof'))} to exit`;
  }, 'self', 'Quitter.__repr__', MODULE);
  // sys.stdin is closed first, as CPython's Quitter does (for shells like IDLE).
  ns['__call__'] = def(function __call__(_self: Self, code: unknown = null): never {
    if (arguments.length < 1 || arguments.length > 2) checkArgs(arguments.length, __call__);
    closeStdin();
    throw raise(new SystemExit(code));
  }, 'self, code=', 'Quitter.__call__', MODULE, 0, [null]);
});

const newQuitter = Quitter as unknown as (name: string, eof: string) => unknown;

export const exit = /*#__PURE__*/ newQuitter('exit', 'Ctrl-D (i.e. EOF)');
export const quit = /*#__PURE__*/ newQuitter('quit', 'Ctrl-D (i.e. EOF)');
