/**
 * Test support for the str and bytes modules (not part of the runtime):
 * runs a batch of Python calls in one python3 process and compares each
 * with the runtime's answer, values and exceptions (type and message).
 */
import { spawnSync } from 'node:child_process';
import * as exceptions from '../exceptions.js';
import { BaseException, KeyError, exceptionStr } from '../exceptions.js';
import { repr } from '../repr.js';
import { NotImplemented } from '../notImplemented.js';
import { PyBytes, PyFloat, PyTuple, isIntNumber } from '../values.js';
import { PyDict, dict_items } from '../dict.js';
import { Prng } from '../../../tests/support/prng.js';

/** One call: a Python expression for a callable (`lambda s, *a: s.split(*a)`), its arguments, and ours. */
export interface Check {
  py: string;
  args: readonly unknown[];
  js: () => unknown;
}

export type Outcome = { ok: true; value: unknown } | { ok: false; type: string; msg: string };

/** JSON form of a value, the same on both sides (tags for what JSON lacks). */
export function encode(v: unknown): unknown {
  if (v === null || v === undefined || typeof v === 'boolean' || typeof v === 'string') return v ?? null;
  // 0.0 is held as -0 (values.ts).
  if (typeof v === 'number') return isIntNumber(v) ? v : { $f: Object.is(v, -0) ? '0.0' : String(v) };
  if (typeof v === 'bigint') return { $int: v.toString() };
  if (v instanceof PyFloat) return { $f: Object.is(v.value, -0) ? '-0.0' : String(v.value) };
  if (v instanceof PyTuple) return { $tuple: v.map(encode) };
  if (Array.isArray(v)) return v.map(encode);
  if (v instanceof PyBytes) return { $bytes: Array.from(v.bytes) };
  if (v instanceof Map) return { $dict: Array.from(v, ([k, x]) => [encode(k), encode(x)]) };
  if (v instanceof PyDict) return { $dict: Array.from(dict_items(v), (item) => [encode(item[0]), encode(item[1])]) };
  if (v === NotImplemented) return { $repr: 'NotImplemented' };
  throw new Error(`cannot encode ${String(v)}`);
}

const PY_SIDE = String.raw`
import json, sys
def dec(v):
    if isinstance(v, list): return [dec(x) for x in v]
    if isinstance(v, dict):
        if '$f' in v: return float(v['$f'])
        if '$int' in v: return int(v['$int'])
        if '$tuple' in v: return tuple(dec(x) for x in v['$tuple'])
        if '$bytes' in v: return bytes(v['$bytes'])
        if '$dict' in v: return {dec(k): dec(x) for k, x in v['$dict']}
    return v
def enc(v):
    if isinstance(v, bool) or v is None or isinstance(v, str): return v
    if isinstance(v, int): return v if -2**53 < v < 2**53 else {'$int': str(v)}
    if isinstance(v, float): return {'$f': repr(v)}
    if isinstance(v, tuple): return {'$tuple': [enc(x) for x in v]}
    if isinstance(v, list): return [enc(x) for x in v]
    if isinstance(v, bytes): return {'$bytes': list(v)}
    if isinstance(v, dict): return {'$dict': [[enc(k), enc(x)] for k, x in v.items()]}
    return {'$repr': repr(v)}
fns = {}
out = []
for code, args in json.load(sys.stdin):
    f = fns.get(code)
    if f is None: f = fns[code] = eval(code)
    try:
        out.append({'ok': True, 'value': enc(f(*dec(args)))})
    except BaseException as e:
        out.append({'ok': False, 'type': type(e).__name__, 'msg': str(e)})
sys.stdout.write(json.dumps(out))
`;

/** Runs the Python side of all checks in one python3 process. */
export function runPython(checks: readonly Pick<Check, 'py' | 'args'>[]): Outcome[] {
  const input = JSON.stringify(checks.map((c) => [c.py, encode(c.args)]));
  const r = spawnSync('python3', ['-X', 'utf8', '-c', PY_SIDE], {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
  });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Outcome[];
}

/** Python's str(e) (KeyError shows its key's repr). */
export function pyMessage(e: BaseException): string {
  if (e instanceof KeyError && e.args.length === 1) return repr(e.args[0]);
  return exceptionStr(e);
}

/** Our outcome of one check; JS errors that are not Python exceptions propagate. */
export function runJs(check: Check): Outcome {
  try {
    return { ok: true, value: encode(check.js()) };
  } catch (e) {
    if (e instanceof BaseException) return { ok: false, type: (e.constructor as typeof BaseException).__name__, msg: pyMessage(e) };
    throw e;
  }
}

/** The checks whose outcomes differ from Python's, described for a test failure (at most `limit`, 3 per Python callable). */
export function mismatches(checks: readonly Check[], expected: readonly Outcome[], limit = 30): string[] {
  const bad: string[] = [];
  const perCallable = new Map<string, number>();
  for (let i = 0; i < checks.length && bad.length < limit; i++) {
    if ((perCallable.get(checks[i]!.py) ?? 0) >= 3) continue;
    let got: Outcome | string;
    try {
      got = runJs(checks[i]!);
    } catch (e) {
      got = `JS error ${String(e)}`;
    }
    const want = expected[i]!;
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      perCallable.set(checks[i]!.py, (perCallable.get(checks[i]!.py) ?? 0) + 1);
      bad.push(`${checks[i]!.py} ${JSON.stringify(encode(checks[i]!.args))}: python ${JSON.stringify(want)}, ours ${JSON.stringify(got)}`);
    }
  }
  return bad;
}

/** Characters for random strings, by kind. */
export const POOLS = {
  ascii: 'abcxyzABCXYZ019_-.,;:!?\'"\\/ #%{}[]()',
  space: '\t\n\x0b\x0c\r \x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\u200b\ufeff',
  latin1: '\xe9\xdf\xff\xb5\xc0\xd7\xaa\xba\xb2\xbd\x80\x9f\xad',
  bmp: '\u03a3\u03c3\u03c2\u0391\u03b1\u0130\u0131\u01c5\u01c4\u01c6\u1e9e\ufb01\u0587\u10d0\u1c90\u13a0\uab70\u4e00\u4e09\u0660\u0967\u2160\u00bd\u2460\u0345\u0301\u200d\u3042\u30fb\u1f80\u1fbc\uff21\ufffd\ue000\uffff\u019b\u0264\u0295\ua7cb',
  astral: '\u{1f600}\u{1d400}\u{10400}\u{10428}\u{1e900}\u{1e922}\u{10d50}\u{16ea0}\u{1f1e6}\u{20000}\u{1d7ce}\u{11066}',
  /** Lone surrogates: draw highs or lows for one string, never both (a high then a low makes a pair in JS). */
  high: '\ud800\udbff',
  low: '\udc00\udfff',
};

export type PoolName = keyof typeof POOLS;

/** A random string of up to `maxLen` code points drawn from the named pools. */
export function randomString(rng: Prng, pools: readonly PoolName[], maxLen: number): string {
  const chars = pools.flatMap((p) => Array.from(POOLS[p]));
  const n = rng.int(maxLen + 1);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += rng.pick(chars);
  }
  return s;
}

export { Prng };

/**
 * Stands in for the numbers module's formatHooks.number in tests: a first
 * pass records every (value, spec) the code asks for, python3 answers them
 * in the same batch as the checks, and a second pass replays the answers
 * (exceptions included). So str.format and % are checked end to end
 * without depending on how numbers are printed.
 */
export class NumberFormats {
  private readonly asked = new Map<string, [unknown, string]>();
  private answers = new Map<string, Outcome>();

  readonly record = (value: unknown, spec: string): string => {
    this.asked.set(JSON.stringify(encode([value, spec])), [value, spec]);
    // What an empty spec gives (str of the number), in case a nested spec is built from it.
    return spec === '' ? String(value instanceof PyFloat ? value.value : value) : '';
  };

  /** The questions for python3, to run with the checks. */
  checks(): Check[] {
    return Array.from(this.asked.values(), ([value, spec]) => ({ py: 'format', args: [value, spec], js: () => null }));
  }

  setAnswers(outcomes: readonly Outcome[]): void {
    const keys = Array.from(this.asked.keys());
    this.answers = new Map(keys.map((k, i) => [k, outcomes[i]!]));
  }

  readonly replay = (value: unknown, spec: string): string => {
    const outcome = this.answers.get(JSON.stringify(encode([value, spec])));
    if (outcome === undefined) throw new Error(`format(${String(value)}, ${spec}) was not asked in the first pass`);
    if (outcome.ok) return outcome.value as string;
    const ctor = (exceptions as unknown as Record<string, new (msg: string) => BaseException>)[outcome.type];
    throw new ctor(outcome.msg);
  };
}
