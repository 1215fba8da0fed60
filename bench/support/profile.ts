/**
 * Summaries of a V8 `.cpuprofile` (what `node --cpu-prof` writes): where a
 * compiled program spends its time, by function (self and total time) and by
 * file, with repository paths made relative so runtime helpers stand out.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Entry {
  key: string;
  /** Milliseconds sampled in the function itself. */
  self: number;
  /** Milliseconds with the function anywhere on the stack (counted once per sample). */
  total: number;
}

export interface ProfileSummary {
  /** Milliseconds sampled, idle time left out. */
  sampled: number;
  functions: Entry[];
  files: Entry[];
}

/** Where a frame lives: a repository-relative path, the program itself, Node internals, or V8's pseudo-frames. */
function place(url: string, repoRoot: string, programUrl: string): string {
  if (url === programUrl) return '<program>';
  if (url === '') return '<v8>';
  if (url.startsWith('node:')) return '<node>';
  const path = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  return path.startsWith(repoRoot) ? path.slice(repoRoot.length) : path;
}

export function summarizeProfile(file: string, repoRoot: string, programUrl: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const keyOf = (node: ProfileNode): { fn: string; file: string } => {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = place(url, repoRoot, programUrl);
    const name = functionName || (where === '<v8>' ? '(v8)' : '(anonymous)');
    return { fn: where === '<v8>' ? name : `${name}  ${where}:${lineNumber + 1}`, file: where === '<v8>' ? name : where };
  };
  const fnSelf = new Map<string, number>();
  const fnTotal = new Map<string, number>();
  const fileSelf = new Map<string, number>();
  const fileTotal = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number): void => {
    map.set(key, (map.get(key) ?? 0) + ms);
  };
  let sampled = 0;
  // timeDeltas[i + 1] is the time from sample i to the next: sample i's share.
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(profile.samples[i]!);
    if (!leaf || leaf.callFrame.functionName === '(idle)') continue;
    sampled += ms;
    const leafKey = keyOf(leaf);
    add(fnSelf, leafKey.fn, ms);
    add(fileSelf, leafKey.file, ms);
    const seenFns = new Set<string>();
    const seenFiles = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const key = keyOf(byId.get(id)!);
      if (!seenFns.has(key.fn)) {
        seenFns.add(key.fn);
        add(fnTotal, key.fn, ms);
      }
      if (!seenFiles.has(key.file)) {
        seenFiles.add(key.file);
        add(fileTotal, key.file, ms);
      }
    }
  }
  const entries = (self: Map<string, number>, total: Map<string, number>): Entry[] =>
    [...total.keys()].map((key) => ({ key, self: self.get(key) ?? 0, total: total.get(key)! })).sort((a, b) => b.self - a.self);
  return { sampled, functions: entries(fnSelf, fnTotal), files: entries(fileSelf, fileTotal) };
}

export function formatSummary(summary: ProfileSummary, top: number): string {
  const pct = (ms: number): string => `${((100 * ms) / Math.max(summary.sampled, 1e-9)).toFixed(1).padStart(5)}%`;
  const line = (e: Entry): string => `    ${pct(e.self)} self ${pct(e.total)} total  ${e.key}`;
  const rootish = (e: Entry): boolean => e.key !== '(root)' && !e.key.startsWith('(program)');
  return [
    `  ${summary.sampled.toFixed(0)} ms sampled; by function (self time, top ${top}):`,
    ...summary.functions.filter(rootish).slice(0, top).map(line),
    '  by file (self time):',
    ...summary.files.filter((e) => e.self > 0).slice(0, 12).map(line),
  ].join('\n');
}
