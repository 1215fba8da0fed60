/**
 * Reader for the snippet tables under tests/ (format described at the top of
 * tests/syntax-errors/cases.txt): "#@ <id> [flags]" starts a case, its lines
 * follow; flag `noeol` drops the final newline, `json` means the next line
 * is the source as a JSON string.
 */
import { readFileSync } from 'node:fs';

export interface SnippetCase {
  id: string;
  /** `<source>/<group>`: the id without its last segment, used to group reports. */
  group: string;
  source: string;
}

export function readCaseFile(path: string): SnippetCase[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const cases: SnippetCase[] = [];
  let header: string[] | null = null;
  let body: string[] = [];
  const flush = (): void => {
    if (!header) return;
    const [id, ...flags] = header;
    if (!id) throw new Error(`${path}: a case without an id`);
    let source: string;
    if (flags.includes('json')) {
      source = JSON.parse(body[0] ?? '') as string;
      if (body.slice(1).some((l) => l !== '')) throw new Error(`${path}: ${id}: text after the JSON line`);
    } else {
      const kept = [...body];
      while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
      source = kept.join('\n') + (flags.includes('noeol') ? '' : '\n');
    }
    cases.push({ id, group: id.slice(0, id.lastIndexOf('/')), source });
  };
  for (const line of lines) {
    if (line.startsWith('#@ ')) {
      flush();
      header = line.slice(3).trim().split(/\s+/);
      body = [];
    } else if (header) {
      body.push(line);
    }
  }
  flush();
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) throw new Error(`${path}: duplicate case id ${c.id}`);
    ids.add(c.id);
  }
  return cases;
}
