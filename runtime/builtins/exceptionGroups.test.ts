import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BaseException, Exception, KeyError, KeyboardInterrupt, OSError, TypeError, ValueError } from './exceptions.js';
import { BaseExceptionGroup, ExceptionGroup, exceptStar } from './exceptionGroups.js';
import { PyTuple } from './values.js';
import { repr } from './repr.js';
import './str/repr.js'; // str's repr hook: reprs hold quotes
import './list.js';
import './tuple.js';

/**
 * Exception groups built and split through the runtime's API, and except*
 * statements played through ExceptStar, each against the Python program
 * doing the same (one python3 process for the file). A case's Python code
 * leaves its answer in `r`; both sides print it with repr, or an error as
 * `Type: message`.
 */
interface Case {
  py: string;
  run(): unknown;
}

const EG = (msg: unknown, excs: unknown): BaseException => new ExceptionGroup(msg, excs);
const BEG = (msg: unknown, excs: unknown): BaseException => new BaseExceptionGroup(msg, excs);
const V = (n: number): BaseException => new ValueError(n);
const T = (n: number): BaseException => new TypeError(n);
const K = (n: number): BaseException => new KeyError(n);
const call = (obj: unknown, name: string, ...args: unknown[]): unknown => (obj as Record<string, (...a: unknown[]) => unknown>)[name]!(...args);
const nested = (): BaseException => EG('m', [V(1), EG('n', [T(2), V(3)]), K(4)]);
const NESTED_PY = "ExceptionGroup('m', [ValueError(1), ExceptionGroup('n', [TypeError(2), ValueError(3)]), KeyError(4)])";

const cases: Case[] = [
  // The constructor's checks.
  { py: "r = ExceptionGroup('m')", run: () => new ExceptionGroup('m') },
  { py: "r = ExceptionGroup('m', [ValueError()], 3)", run: () => new ExceptionGroup('m', [new ValueError()], 3) },
  { py: 'r = ExceptionGroup(1, [ValueError()])', run: () => EG(1, [new ValueError()]) },
  { py: 'r = BaseExceptionGroup(None, [ValueError()])', run: () => BEG(null, [new ValueError()]) },
  { py: "r = ExceptionGroup('m', 1)", run: () => EG('m', 1) },
  { py: "r = ExceptionGroup('m', {'a': 1}.keys())", run: () => EG('m', new Set(['a'])) },
  { py: "r = ExceptionGroup('m', [])", run: () => EG('m', []) },
  { py: "r = ExceptionGroup('m', ())", run: () => EG('m', new PyTuple()) },
  { py: "r = ExceptionGroup('m', [1])", run: () => EG('m', [1]) },
  { py: "r = ExceptionGroup('m', [ValueError(), 'x'])", run: () => EG('m', [new ValueError(), 'x']) },
  { py: "r = ExceptionGroup('m', 'ab')", run: () => EG('m', 'ab') },
  { py: "r = ExceptionGroup('m', [KeyboardInterrupt()])", run: () => EG('m', [new KeyboardInterrupt()]) },
  { py: "r = BaseExceptionGroup('m', [KeyboardInterrupt()])", run: () => BEG('m', [new KeyboardInterrupt()]) },
  { py: "r = type(BaseExceptionGroup('m', [ValueError()])).__name__", run: () => BEG('m', [new ValueError()]).constructor.name },
  { py: "r = type(BaseExceptionGroup('m', [KeyboardInterrupt(), ValueError()])).__name__", run: () => BEG('m', [new KeyboardInterrupt(), new ValueError()]).constructor.name },
  // Attributes, str and repr.
  { py: "r = ExceptionGroup('m', (ValueError(1),))", run: () => EG('m', PyTuple.of(V(1))) },
  { py: "r = ExceptionGroup('m', [ValueError(1)]).args", run: () => EG('m', [V(1)]).args },
  { py: "r = ExceptionGroup('m', [ValueError(1)]).exceptions", run: () => (EG('m', [V(1)]) as ExceptionGroup).exceptions },
  { py: "r = ExceptionGroup('msg', [ValueError(1)]).message", run: () => EG('msg', [V(1)]).message },
  { py: "r = str(ExceptionGroup('msg', [ValueError(1)]))", run: () => EG('msg', [V(1)]).__str__() },
  { py: "r = str(ExceptionGroup('msg', [ValueError(1), TypeError(2)]))", run: () => EG('msg', [V(1), T(2)]).__str__() },
  { py: "r = str(BaseExceptionGroup('', [KeyboardInterrupt()] * 3))", run: () => BEG('', [new KeyboardInterrupt(), new KeyboardInterrupt(), new KeyboardInterrupt()]).__str__() },
  { py: "r = isinstance(ExceptionGroup('m', [ValueError()]), BaseExceptionGroup)", run: () => EG('m', [V(1)]) instanceof BaseExceptionGroup },
  { py: "r = isinstance(ExceptionGroup('m', [ValueError()]), Exception)", run: () => EG('m', [V(1)]) instanceof Exception },
  { py: "r = isinstance(BaseExceptionGroup('m', [KeyboardInterrupt()]), Exception)", run: () => BEG('m', [new KeyboardInterrupt()]) instanceof Exception },
  { py: 'r = isinstance(ValueError(), BaseExceptionGroup)', run: () => V(1) instanceof BaseExceptionGroup },
  // split, subgroup, derive.
  { py: `r = ${NESTED_PY}.split(ValueError)`, run: () => call(nested(), 'split', ValueError) },
  { py: `r = ${NESTED_PY}.split(TypeError)`, run: () => call(nested(), 'split', TypeError) },
  { py: `r = ${NESTED_PY}.split((TypeError, KeyError))`, run: () => call(nested(), 'split', PyTuple.of(TypeError, KeyError)) },
  { py: `r = ${NESTED_PY}.split(OSError)`, run: () => call(nested(), 'split', OSError) },
  { py: `r = ${NESTED_PY}.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1)`, run: () => call(nested(), 'split', (e: BaseException) => e instanceof ValueError && (e.args[0] as number) > 1) },
  { py: `r = ${NESTED_PY}.split(lambda e: isinstance(e, ExceptionGroup) and e.message == 'n')`, run: () => call(nested(), 'split', (e: BaseException) => e instanceof ExceptionGroup && e.message === 'n') },
  { py: `e = ${NESTED_PY}; r = e.split(Exception)[0] is e`, run: () => { const e = nested(); return (call(e, 'split', Exception) as PyTuple)[0] === e; } },
  { py: `e = ${NESTED_PY}; r = e.split(KeyboardInterrupt)[1] is e`, run: () => { const e = nested(); return (call(e, 'split', KeyboardInterrupt) as PyTuple)[1] === e; } },
  { py: `r = ${NESTED_PY}.subgroup(ValueError)`, run: () => call(nested(), 'subgroup', ValueError) },
  { py: `r = ${NESTED_PY}.subgroup(KeyboardInterrupt)`, run: () => call(nested(), 'subgroup', KeyboardInterrupt) },
  { py: `r = ${NESTED_PY}.split(1)`, run: () => call(nested(), 'split', 1) },
  { py: `r = ${NESTED_PY}.split(ValueError())`, run: () => call(nested(), 'split', V(1)) },
  { py: `r = ${NESTED_PY}.split((ValueError, 1))`, run: () => call(nested(), 'split', PyTuple.of<unknown>(ValueError, 1)) },
  { py: `r = ${NESTED_PY}.split()`, run: () => call(nested(), 'split') },
  { py: `r = ${NESTED_PY}.subgroup()`, run: () => call(nested(), 'subgroup') },
  { py: `r = ${NESTED_PY}.derive([KeyError(9)])`, run: () => call(nested(), 'derive', [K(9)]) },
  { py: `r = ${NESTED_PY}.derive([KeyboardInterrupt()])`, run: () => call(nested(), 'derive', [new KeyboardInterrupt()]) },
  { py: `r = ${NESTED_PY}.derive([])`, run: () => call(nested(), 'derive', []) },
  {
    py: "e = ExceptionGroup('m', [ValueError(1), TypeError(2)]); e.__cause__ = KeyError('c'); e.add_note('n1'); m = e.split(ValueError)[0]; r = (m.__cause__, m.__context__, m.__notes__, m.__notes__ is e.__notes__, m.__suppress_context__)",
    run: () => {
      const e = EG('m', [V(1), T(2)]);
      e.__cause__ = new KeyError('c');
      e.__suppress_context__ = true;
      e.add_note('n1');
      const m = (call(e, 'split', ValueError) as PyTuple)[0] as BaseException;
      return PyTuple.of(m.__cause__, m.__context__, m.__notes__, m.__notes__ === e.__notes__, m.__suppress_context__);
    },
  },
  { py: "e = ValueError(); e.add_note(3)", run: () => V(1).add_note(3) },
  // except*: what the statement lets escape.
  ...exceptStarCases(),
];

/** `try: raise <raised> / except* …` in Python, and the same through ExceptStar. */
function exceptStarCases(): Case[] {
  type Handler = [type: unknown, pyType: string, action: 'pass' | 'raise' | ['new', () => BaseException, string]];
  const make = (raised: () => BaseException, pyRaised: string, handlers: Handler[]): Case => {
    const lines = ['def f():', '    try:', `        raise ${pyRaised}`];
    for (const [, pyType, action] of handlers) {
      lines.push(`    except* ${pyType}:`);
      lines.push(action === 'pass' ? '        pass' : action === 'raise' ? '        raise' : `        raise ${action[2]}`);
    }
    lines.push('try:', '    f()', '    r = None', 'except BaseException as e:', '    r = (e, e.__context__)');
    return {
      py: lines.join('\n'),
      run: () => {
        const state = exceptStar(raised());
        try {
          for (const [type, , action] of handlers) {
            const match = state.match(type);
            if (match === null) continue;
            if (action === 'raise') state.raised(match);
            else if (action !== 'pass') state.raised(action[1]());
          }
          state.reraise();
          return null;
        } catch (e) {
          return PyTuple.of(e, (e as BaseException).__context__);
        }
      },
    };
  };
  const group = (): BaseException => EG('m', [V(1), T(2), K(3)]);
  const PY_GROUP = "ExceptionGroup('m', [ValueError(1), TypeError(2), KeyError(3)])";
  return [
    make(group, PY_GROUP, [[ValueError, 'ValueError', 'pass']]),
    make(group, PY_GROUP, [[ValueError, 'ValueError', 'pass'], [TypeError, 'TypeError', 'pass'], [KeyError, 'KeyError', 'pass']]),
    make(group, PY_GROUP, [[PyTuple.of(ValueError, KeyError), '(ValueError, KeyError)', 'pass']]),
    make(group, PY_GROUP, [[Exception, 'Exception', 'pass']]),
    make(group, PY_GROUP, [[Exception, 'Exception', 'raise']]),
    make(group, PY_GROUP, [[ValueError, 'ValueError', 'raise'], [TypeError, 'TypeError', 'raise']]),
    make(group, PY_GROUP, [[ValueError, 'ValueError', ['new', () => K(9), 'KeyError(9)']]]),
    make(group, PY_GROUP, [[ValueError, 'ValueError', ['new', () => K(9), 'KeyError(9)']], [TypeError, 'TypeError', 'raise']]),
    make(group, PY_GROUP, [[ValueError, 'ValueError', ['new', () => K(9), 'KeyError(9)']], [TypeError, 'TypeError', ['new', () => K(8), 'KeyError(8)']], [KeyError, 'KeyError', 'pass']]),
    make(group, PY_GROUP, [[KeyboardInterrupt, 'KeyboardInterrupt', 'pass']]),
    make(group, PY_GROUP, [[ExceptionGroup, 'ExceptionGroup', 'pass']]),
    make(group, PY_GROUP, [[PyTuple.of(ValueError, BaseExceptionGroup), '(ValueError, BaseExceptionGroup)', 'pass']]),
    make(group, PY_GROUP, [[ValueError, 'ValueError', 'pass'], [1, '1', 'pass']]),
    make(group, PY_GROUP, [[ValueError, 'ValueError', 'pass'], [OSError, 'OSError', 'pass'], [1, '1', 'pass']]),
    make(group, PY_GROUP, [[OSError, 'OSError', 'pass'], [1, '1', 'pass']]),
    make(() => V(5), 'ValueError(5)', [[ValueError, 'ValueError', 'pass']]),
    make(() => V(5), 'ValueError(5)', [[TypeError, 'TypeError', 'pass']]),
    make(() => V(5), 'ValueError(5)', [[ValueError, 'ValueError', 'raise']]),
    make(() => V(5), 'ValueError(5)', [[ValueError, 'ValueError', ['new', () => K(9), 'KeyError(9)']]]),
    make(() => new KeyboardInterrupt(), 'KeyboardInterrupt()', [[KeyboardInterrupt, 'KeyboardInterrupt', 'raise']]),
    make(() => EG('m', [V(1), T(2)]), "ExceptionGroup('m', [ValueError(1), TypeError(2)])", [[ValueError, 'ValueError', ['new', () => new KeyboardInterrupt(), 'KeyboardInterrupt()']]]),
    make(nested, NESTED_PY, [[ValueError, 'ValueError', 'pass'], [TypeError, 'TypeError', 'raise']]),
  ];
}

function outcome(run: () => unknown): string {
  try {
    return repr(run());
  } catch (e) {
    if (e instanceof BaseException) return `${(e.constructor as typeof BaseException).__name__}: ${e.__str__()}`;
    throw e;
  }
}

describe('exception groups and except*, against CPython', () => {
  const script = `
import json, sys
out = []
for src in json.load(sys.stdin):
    ns = {}
    try:
        exec(src, ns)
        out.append(repr(ns['r']))
    except BaseException as e:
        out.append(type(e).__name__ + ': ' + str(e))
sys.stdout.write(json.dumps(out))
`;
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(cases.map((c) => c.py)), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  const expected = JSON.parse(run.stdout) as string[];

  it.each(cases.map((c, i) => [c.py.split('\n')[0]!.slice(0, 90) + (c.py.includes('\n') ? ` …#${i}` : ''), i] as const))('%s', (_, i) => {
    expect(outcome(cases[i]!.run), cases[i]!.py).toBe(expected[i]);
  });
});
