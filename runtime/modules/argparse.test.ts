/**
 * argparse's terminal width and help layout against python3's: the same
 * parser formatted at several $COLUMNS values (the fixtures cover parsing
 * and the rest of the formatting).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { callMethod, getattr } from '../builtins/attributes.js';
import { call } from '../builtins/calls.js';
import * as argparse from './argparse.js';
import { terminalColumns } from './support/argparse/formatter.js';

const saved = process.env['COLUMNS'];
afterEach(() => {
  if (saved === undefined) delete process.env['COLUMNS'];
  else process.env['COLUMNS'] = saved;
});

function pythonHelp(columns: string): string {
  const script = [
    'import argparse',
    "p = argparse.ArgumentParser(prog='w', description='word ' * 30)",
    "p.add_argument('--alpha-option', metavar='A', help='alpha ' * 12)",
    "p.add_argument('items', nargs='+', help='the items')",
    "print(p.format_help(), end='')",
  ].join('\n');
  const run = spawnSync('python3', ['-c', script], { encoding: 'utf8', env: { ...process.env, COLUMNS: columns } });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

describe('argparse', () => {
  it('reads the width from $COLUMNS, else 80 without a terminal', () => {
    process.env['COLUMNS'] = '123';
    expect(terminalColumns()).toBe(123);
    process.env['COLUMNS'] = '0';
    expect(terminalColumns()).toBe(process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80);
  });

  it.each(['30', '60', '100'])('formats help as python3 does at COLUMNS=%s', (columns) => {
    process.env['COLUMNS'] = columns;
    const p = call(argparse.ArgumentParser, [], { prog: 'w', description: 'word '.repeat(30) });
    call(getattr(p, 'add_argument'), ['--alpha-option'], { metavar: 'A', help: 'alpha '.repeat(12) });
    call(getattr(p, 'add_argument'), ['items'], { nargs: '+', help: 'the items' });
    expect(callMethod(p, 'format_help')).toBe(pythonHelp(columns));
  });
});

