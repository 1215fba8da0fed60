/**
 * A package folder's importable entries. Kept apart (and light) because
 * run's cache re-lists folders to check a cached program is still valid.
 */
import { readdirSync } from 'node:fs';

const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;

/** The importable entries of a package's folder: `x.py` files and folders named as identifiers, sorted. */
export function listSubmodules(dir: string): string[] {
  const names = new Set<string>();
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (entry.isDirectory() && IDENTIFIER.test(entry.name) && entry.name !== '__pycache__') names.add(entry.name);
    else if (entry.name.endsWith('.py') && entry.name !== '__init__.py' && IDENTIFIER.test(entry.name.slice(0, -3))) names.add(entry.name.slice(0, -3));
  }
  return [...names].sort();
}

