/**
 * re.Scanner (undocumented, but in re's namespace): a lexicon of (phrase,
 * action) pairs matched as one alternation, each phrase its own group; scan()
 * applies the action of the phrase that matched at each step.
 */
import { TypeError } from '../../../builtins/exceptions.js';
import { call } from '../../../builtins/calls.js';
import { iterate } from '../../../builtins/iteration.js';
import { PyTuple, typeName } from '../../../builtins/values.js';
import { pyClass, pyFunction } from '../pydef.js';
import type { Node } from './ast.js';
import { MATCH, Program } from './engine.js';
import { raisePython } from './errors.js';
import { MatchState, groupValue, newMatch, type PatternState } from './match.js';
import { parse } from './parser.js';
import { Subject } from './subject.js';

const Q = 're';
const STATE = Symbol('pyasync.re.scanner');

interface ScannerState {
  actions: unknown[];
  p: PatternState;
}

function flagsOf(v: unknown): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && typeof (v as Record<string, unknown>)['_value_'] === 'number') return (v as Record<string, number>)['_value_']!;
  throw new TypeError(`unsupported operand type(s) for &: '${typeName(v)}' and 'int'`);
}

export const Scanner = pyClass('Scanner', Q, [], {
  __init__: pyFunction('self, lexicon, flags=', 'Scanner.__init__', Q, (self: Record<string | symbol, unknown>, lexicon: unknown, flags?: unknown) => {
    self['lexicon'] = lexicon;
    const f = flagsOf(flags);
    const alts: Node[] = [];
    const actions: unknown[] = [];
    let groups = 0;
    for (const entry of iterate(lexicon)) {
      const [phrase, action] = [...iterate(entry)];
      if (typeof phrase !== 'string') throw new TypeError('Scanner phrases must be str patterns');
      let parsed;
      try {
        parsed = parse(phrase, f, true);
      } catch (e) {
        raisePython(e, phrase);
      }
      // Each phrase is parsed on its own (its groups numbered from 1, as in CPython) and captured as group n.
      alts.push({ t: 'group', n: alts.length + 1, body: parsed.root });
      actions.push(action);
      groups = Math.max(groups, parsed.groups);
    }
    groups = Math.max(groups, alts.length);
    const root: Node = { t: 'alt', alts };
    const p: PatternState = {
      source: '', text: '', flags: f, isBytes: false, groups, groupindex: new Map(), program: new Program(root, groups), templates: new Map(),
    };
    const state: ScannerState = { actions, p };
    Object.defineProperty(self, STATE, { value: state, enumerable: false });
    return null;
  }),
  scan: pyFunction('self, string', 'Scanner.scan', Q, (self: Record<string | symbol, unknown>, string: unknown) => {
    const state = self[STATE] as ScannerState;
    const subject = Subject.of(string);
    const out: unknown[] = [];
    let i = 0;
    for (;;) {
      const caps = state.p.program.exec(subject, i, subject.length, MATCH, false, false);
      if (caps === null) break;
      const j = caps[1]!;
      if (i === j) break;
      let action = state.actions[caps[caps.length - 1]! - 1];
      if (typeof action === 'function') {
        const m = newMatch(self as object, state.p, subject, caps, i, subject.length);
        self['match'] = m;
        action = call(action, [self, groupValue(new MatchState(self, state.p, subject, caps, i, subject.length), 0, null)], null);
      }
      if (action !== null && action !== undefined) out.push(action);
      i = j;
    }
    return PyTuple.of(out, subject.slice(i, subject.length));
  }),
});
