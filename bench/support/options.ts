/**
 * The command-line options bench:programs and bench:async share
 * (`--runs N --only a,b --small --clock wall|cpu --profile --top K`), with
 * the programs `--only` selects; an unknown option value exits with status 2.
 */
import { parseArgs } from 'node:util';

export interface BenchOptions<P> {
  runs: number;
  clock: 'wall' | 'cpu';
  small: boolean;
  profile: boolean;
  top: number;
  programs: P[];
}

export function benchOptions<P extends { name: string }>(all: readonly P[]): BenchOptions<P> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      only: { type: 'string' },
      small: { type: 'boolean', default: false },
      clock: { type: 'string', default: 'wall' },
      profile: { type: 'boolean', default: false },
      top: { type: 'string', default: '15' },
    },
  });
  if (values.clock !== 'wall' && values.clock !== 'cpu') {
    console.error('--clock is wall or cpu');
    process.exit(2);
  }
  const only = values.only?.split(',').map((s) => s.trim());
  const programs = all.filter((p) => !only || only.includes(p.name));
  if (only && programs.length !== only.length) {
    console.error(`unknown program in --only; known: ${all.map((p) => p.name).join(', ')}`);
    process.exit(2);
  }
  return {
    runs: Math.max(1, Number(values.runs)),
    clock: values.clock,
    small: values.small,
    profile: values.profile,
    top: Math.max(1, Number(values.top)),
    programs,
  };
}
