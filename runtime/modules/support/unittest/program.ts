/**
 * unittest.main (CPython 3.11's TestProgram): reads the command line (-v,
 * -q, -f, -b, -k patterns, test names), loads the tests of the `__main__`
 * module, runs them with a TextTestRunner and exits with status 0 when
 * they succeeded, 1 otherwise (unless exit=False). The program's own
 * modules are not in sys.modules here, so the `__main__` module's tests are
 * the TestCase classes it defined (registered as they are made).
 */
import { callMethod, getattr, setattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { str } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { isinstance } from '../../../builtins/types.js';
import { type as typeType } from '../../../index.js';
import * as sys from '../../sys.js';
import { loadedModules } from '../moduleTable.js';
import { pyClass, pyFunction } from '../pydef.js';
import { testCaseClasses } from './case.js';
import { defaultTestLoader } from './loader.js';
import { TextTestRunner } from './runner.js';

const Q = 'unittest.main';
type Obj = Record<string, unknown>;

/** A module's stand-in holding the TestCase classes defined in it, by name. */
const ModuleTests = pyClass('_ModuleTests', Q, [], {});

function moduleNamed(name: string): unknown {
  const known = loadedModules.$get(name);
  if (known !== undefined) return known;
  const holder = call(ModuleTests, [], null) as Obj;
  for (const cls of testCaseClasses) {
    if (getattr(cls, '__module__') === name) setattr(holder, String(getattr(cls, '__name__')), cls);
  }
  return holder;
}

/** loadTestsFromModule of a module stand-in: its classes in the order of their names, as dir() lists a module's. */
function moduleSuite(loader: unknown, holder: Obj): unknown {
  const names = Object.keys(holder).filter((k) => !k.startsWith('$')).sort();
  const tests = names.map((name) => callMethod(loader, 'loadTestsFromTestCase', holder[name]));
  return call(getattr(loader, 'suiteClass'), [tests], null);
}

interface Options {
  verbosity: unknown;
  failfast: unknown;
  buffer: unknown;
  patterns: string[];
  names: string[];
}

function parseArgv(argv: string[], opts: Options): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-v' || arg === '--verbose') opts.verbosity = 2;
    else if (arg === '-q' || arg === '--quiet') opts.verbosity = 0;
    else if (arg === '-f' || arg === '--failfast') opts.failfast = true;
    else if (arg === '-b' || arg === '--buffer') opts.buffer = true;
    else if (arg === '-c' || arg === '--catch') continue;
    else if (arg === '--locals') continue;
    else if (arg === '-k') opts.patterns.push(argv[++i] ?? '');
    else if (arg.startsWith('-k')) opts.patterns.push(arg.slice(2));
    else opts.names.push(arg);
  }
}

export const TestProgram = pyClass('TestProgram', Q, [], {
  module: null,
  verbosity: 1,
  failfast: null,
  catchbreak: null,
  buffer: null,
  progName: null,
  warnings: null,
  testNamePatterns: null,
});

function finish(program: Obj, result: unknown, exit: boolean): unknown {
  program['result'] = result;
  if (exit) sys.exit(!truthy(callMethod(result, 'wasSuccessful')));
  return program;
}

export const main = pyFunction(
  'module=, defaultTest=, argv=, testRunner=, testLoader=, exit=, verbosity=, failfast=, catchbreak=, buffer=, warnings=, *, tb_locals=',
  'TestProgram.__init__', Q,
  (module: unknown = '__main__', defaultTest: unknown = null, argv: unknown = null, testRunner: unknown = null, testLoader: unknown = undefined,
    exit: unknown = true, verbosity: unknown = 1, failfast: unknown = null, _catchbreak: unknown = null, buffer: unknown = null,
    warnings: unknown = null, tbLocals: unknown = false) => {
    const program = call(TestProgram, [], null) as Obj;
    const loader = testLoader === undefined ? defaultTestLoader : testLoader;
    const mod = typeof module === 'string' ? moduleNamed(module) : module;
    const args = (argv === null ? (sys.argv as unknown[]) : [...(argv as Iterable<unknown>)]).map((a) => str(a));
    const opts: Options = { verbosity, failfast, buffer, patterns: [], names: [] };
    parseArgv(args.slice(1), opts);
    // DeprecationWarnings shown while the tests run, unless the caller chose (no -W options are read: sys.warnoptions is empty).
    if (warnings === null) warnings = 'default';
    Object.assign(program, { module: mod, exit, verbosity: opts.verbosity, failfast: opts.failfast, buffer: opts.buffer, warnings, tb_locals: tbLocals });
    if (opts.patterns.length > 0) {
      setattr(loader, 'testNamePatterns', opts.patterns.map((p) => (p.includes('*') ? p : `*${p}*`)));
    }
    let names: string[] | null = opts.names.length > 0 ? opts.names : null;
    if (names === null && defaultTest !== null) names = typeof defaultTest === 'string' ? [defaultTest] : [...(defaultTest as Iterable<string>)];
    program['testNames'] = names;
    program['test'] = names !== null ? callMethod(loader, 'loadTestsFromNames', names, mod)
      : isinstance(mod, ModuleTests) ? moduleSuite(loader, mod as Obj) : callMethod(loader, 'loadTestsFromModule', mod);
    const runnerClass = testRunner ?? TextTestRunner;
    const runner = isinstance(runnerClass, typeType)
      ? call(runnerClass, [], { verbosity: opts.verbosity, failfast: opts.failfast ?? false, buffer: opts.buffer ?? false, warnings, tb_locals: tbLocals })
      : runnerClass;
    program['testRunner'] = runner;
    const result = callMethod(runner, 'run', program['test']);
    if (result instanceof Promise) return result.then((r) => finish(program, r, truthy(exit)));
    return finish(program, result, truthy(exit));
  },
);
