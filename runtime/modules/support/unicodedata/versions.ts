/**
 * The two databases `unicodedata` answers from: the current one (Unicode
 * 14.0.0), whose functions are the module's, and `ucd_3_2_0`, Unicode 3.2.0
 * as CPython keeps it for IDNA: the current data overlaid with the
 * differences of properties320.ts. Characters added since 3.2.0 are
 * unassigned there (no name, decomposition, combining class or numeric
 * value), except that `digit`, the lookup of computed names and the
 * composition step of normalization read the current data, as CPython's do.
 */
import * as db from './database.js';
import { Runs, type Decomposition } from './database.js';
import { codeOfName, isComputedName, lookupName, nameOfCode } from './nameTable.js';
import type { DecompositionData } from './normalization.js';
import * as T from './properties320.js';

export interface Database {
  readonly version: string;
  category(cp: number): string;
  bidirectional(cp: number): string;
  eastAsianWidth(cp: number): string;
  combining(cp: number): number;
  mirrored(cp: number): number;
  decomposition(cp: number): Decomposition | undefined;
  name(cp: number): string | null;
  decimal(cp: number): number | undefined;
  digit(cp: number): number | undefined;
  numeric(cp: number): number | undefined;
  lookup(name: string): string | null;
  /** Null for the current database, which normalizes with CPython's quick check first. */
  readonly normalization: DecompositionData | null;
}

function digit(cp: number): number | undefined {
  const v = db.numeric(cp);
  return v !== undefined && v.kind !== 'N' ? v.value : undefined;
}

export const current: Database = {
  version: '14.0.0',
  category: (cp) => db.category.get(cp),
  bidirectional: (cp) => db.bidirectional.get(cp),
  eastAsianWidth: (cp) => db.eastAsianWidth.get(cp),
  combining: (cp) => db.combining.get(cp),
  mirrored: (cp) => db.mirrored.get(cp),
  decomposition: db.decomposition,
  name: nameOfCode,
  decimal(cp) {
    const v = db.numeric(cp);
    return v?.kind === 'D' ? v.value : undefined;
  },
  digit,
  numeric: (cp) => db.numeric(cp)?.value,
  lookup: lookupName,
  normalization: null,
};

const category = new Runs<string | null>(T.CATEGORY, T.CATEGORY_VALUES);
const bidirectional = new Runs<string | null>(T.BIDIRECTIONAL, T.BIDIRECTIONAL_VALUES);
const eastAsianWidth = new Runs<string | null>(T.EAST_ASIAN_WIDTH, T.EAST_ASIAN_WIDTH_VALUES);
const mirrored = new Runs<number | null>(T.MIRRORED, T.MIRRORED_VALUES);

/** Assigned since 3.2.0: Cn there, something else now (the category table holds only differences). */
const added = (cp: number): boolean => category.get(cp) === 'Cn';

let numerics: Map<number, [number | undefined, number | undefined]> | null = null;

function numericChange(cp: number): [number | undefined, number | undefined] | undefined {
  if (numerics === null) {
    numerics = new Map();
    for (const entry of T.NUMERIC.split(' ')) {
      const [code, decimal, numeric] = entry.split(':') as [string, string, string];
      numerics.set(parseInt(code, 36), [decimal === '' ? undefined : Number(decimal), numeric === '' ? undefined : Number(numeric)]);
    }
  }
  return numerics.get(cp);
}

let corrections: Map<number, number> | null = null;

export const v3_2_0: Database = {
  version: '3.2.0',
  category: (cp) => category.get(cp) ?? db.category.get(cp),
  bidirectional: (cp) => bidirectional.get(cp) ?? db.bidirectional.get(cp),
  eastAsianWidth: (cp) => eastAsianWidth.get(cp) ?? db.eastAsianWidth.get(cp),
  combining: (cp) => (added(cp) ? 0 : db.combining.get(cp)),
  mirrored: (cp) => mirrored.get(cp) ?? db.mirrored.get(cp),
  decomposition: (cp) => (added(cp) ? undefined : db.decomposition(cp)),
  name: (cp) => (added(cp) ? null : nameOfCode(cp)),
  decimal(cp) {
    if (added(cp)) return undefined;
    const change = numericChange(cp);
    return change !== undefined ? change[0] : current.decimal(cp);
  },
  digit,
  numeric(cp) {
    if (added(cp)) return undefined;
    const change = numericChange(cp);
    return change !== undefined ? change[1] : current.numeric(cp);
  },
  lookup(name) {
    // No aliases or named sequences; computed names are found whatever their version.
    const cp = codeOfName(name, false);
    return cp >= 0 && (isComputedName(name) || !added(cp)) ? String.fromCodePoint(cp) : null;
  },
  normalization: {
    correction(cp) {
      corrections ??= new Map(T.CORRECTIONS.split(' ').map((e) => e.split(':').map((x) => parseInt(x, 36)) as [number, number]));
      return corrections.get(cp) ?? -1;
    },
    decomposition: (cp) => (added(cp) ? undefined : db.decomposition(cp)),
  },
};
