/**
 * `pyasync watch <inputs…> --out-dir DIR`: a build, then a rebuild after
 * every change to the sources, one line each. A rebuild recompiles only
 * what changed (and what depends on what appeared or disappeared: see
 * cli/build/builder.ts), removes the outputs of deleted, renamed and now
 * failing modules, and reports errors, and files whose errors are fixed.
 * `--run main.py` (re)starts the compiled program after each build
 * without errors.
 *
 * Changes come from `fs.watch` (one per folder on Linux, recursive
 * elsewhere: see watch()); events are gathered until the sources have
 * been quiet for a few milliseconds (editors save in several writes), but
 * never longer than MAX_WAIT after the first, so a stream of saves does
 * not hold a rebuild back.
 */
import { formatWarning } from '../../src/semantics/compileWarnings.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { Builder, type BuildReport } from '../build/builder.js';
import { formatDiagnostic, plural, seconds, styleFor, summary } from '../build/report.js';
import { builderOptions, outputOptions, prepareOutDir, type BuildArgs } from './build.js';

export interface WatchArgs extends Omit<BuildArgs, 'inputs'> {
  inputs: string[];
  run?: string;
  debounce: number;
}

export const command = 'watch <inputs..>';
export const describe = 'Build, then rebuild on every change (optionally running the program)';

export function builder(yargs: Argv): Argv<WatchArgs> {
  return outputOptions(yargs.positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'Folders (or .py files) to build and watch' }))
    .option('run', { type: 'string', describe: 'After each build without errors, (re)start this program (its compiled .js, under Node)' })
    .option('debounce', { type: 'number', default: 15, describe: 'Milliseconds of quiet to wait for after a change (a stream of changes waits at most 100 ms, or this if longer)' })
    .example('$0 watch src --out-dir dist', 'Rebuild dist/ whenever a .py under src/ changes')
    .example('$0 watch src -o dist --run src/main.py -- arg1', 'The same, restarting the program (with sys.argv[1:] == ["arg1"]) after each good build') as unknown as Argv<WatchArgs>;
}

export async function handler(argv: ArgumentsCamelCase<WatchArgs>): Promise<void> {
  const problem = prepareOutDir(argv['out-dir']);
  if (problem !== null) {
    process.stderr.write(`${problem}\n`);
    process.exitCode = 1;
    return;
  }
  const watcher = new Watcher(argv);
  await watcher.start();
  // Runs until interrupted.
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      void watcher.stop().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

const IGNORED_PARTS = new Set(['__pycache__', 'node_modules']);
/** Milliseconds a rebuild waits at most after the first change of a burst. */
const MAX_WAIT = 100;

export class Watcher {
  private readonly builder: Builder;
  /** One watcher per folder (Linux) or per input (elsewhere), by folder. */
  private readonly watchers = new Map<string, FSWatcher>();
  /** Each watched input folder. */
  private roots: string[] = [];
  /** Diagnostics are the same objects from build to build while their module is unchanged: formatted once. */
  private readonly formatted = new WeakMap<object, string>();
  private readonly pending = new Map<string, boolean>();
  private timer: NodeJS.Timeout | null = null;
  private building: Promise<void> | null = null;
  private failing = new Set<string>();
  private shown = new Map<string, string>();
  private child: ChildProcess | null = null;
  private readonly outDir: string;
  private readonly style = styleFor(process.stderr);
  /** When the first unhandled change arrived: the latency reported is from there. */
  private firstChange = 0;

  constructor(private readonly argv: WatchArgs) {
    this.builder = new Builder({ ...builderOptions(argv as BuildArgs, argv.inputs, true) });
    this.outDir = resolve(argv['out-dir']);
  }

  async start(): Promise<void> {
    const report = await this.builder.build();
    this.print(report, 'initial build');
    this.watch();
    process.stderr.write(`watching ${this.argv.inputs.join(', ')} for changes\n`);
    if (report.failed === 0) this.restart();
    // The first rebuild may compile in this thread: load the compiler now rather than then.
    await this.builder.warmUp();
  }

  /**
   * Watches each input's folder and everything below it. After a change of
   * structure, rewatch() closes the watches at and under the changed paths
   * and makes them again for what is there now: a renamed folder keeps its
   * watch under the old name otherwise.
   *
   * On Linux each folder gets a watch of its own rather than Node 20's
   * recursive mode, which watches files by inode: after an editor's atomic
   * save (a temporary file renamed over the old one) it reports only the
   * temporary name, and misses every later edit of the new file.
   */
  private watch(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    this.roots = [];
    for (const input of this.argv.inputs) {
      const path = resolve(input);
      let folder = path;
      try {
        if (!statSync(path).isDirectory()) folder = dirname(path);
      } catch {
        continue;
      }
      this.roots.push(folder);
      if (process.platform === 'linux') this.watchTree(folder, folder);
      else this.watchFolder(folder, folder, true);
    }
  }

  /** The watches of changed paths made again (Linux; elsewhere recursive watches follow on their own). */
  private rewatch(paths: readonly string[]): void {
    if (process.platform !== 'linux') return;
    for (const path of paths) {
      for (const [folder, watcher] of this.watchers) {
        if (folder === path || folder.startsWith(path + sep)) {
          watcher.close();
          this.watchers.delete(folder);
        }
      }
      const root = this.roots.find((r) => path.startsWith(r + sep));
      if (root === undefined || relative(root, path).split(sep).some(skipped) || path === this.outDir) continue;
      let isDirectory = false;
      try {
        isDirectory = statSync(path).isDirectory();
      } catch {
        // Gone: nothing to watch.
      }
      if (isDirectory) this.watchTree(root, path);
    }
  }

  private watchTree(root: string, folder: string): void {
    if (!this.watchFolder(root, folder, false)) return;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (!e.isDirectory() || skipped(e.name)) continue;
      const path = join(folder, e.name);
      if (path !== this.outDir) this.watchTree(root, path);
    }
  }

  private watchFolder(root: string, folder: string, recursive: boolean): boolean {
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { recursive }, (event, name) => {
        if (name === null) return;
        const path = join(folder, name.toString());
        // The folders a build skips (hidden ones: .git, .venv…; node_modules, __pycache__), below the watched folder only.
        if (relative(root, path).split(sep).some(skipped)) return;
        this.changed(path, event === 'rename');
      });
    } catch {
      // Gone since it was listed: the change that removed it is on its way.
      return false;
    }
    watcher.on('error', (error) => process.stderr.write(`pyasync watch: ${error.message}\n`));
    this.watchers.get(folder)?.close();
    this.watchers.set(folder, watcher);
    return true;
  }

  async stop(): Promise<void> {
    for (const w of this.watchers.values()) w.close();
    if (this.timer) clearTimeout(this.timer);
    await this.building;
    await this.stopChild();
    await this.builder.close();
  }

  private changed(path: string, structure: boolean): void {
    if (path === this.outDir || path.startsWith(this.outDir + sep)) return;
    const base = path.slice(path.lastIndexOf(sep) + 1);
    // .py files, and folders (a renamed or removed package): not editors' temporary files.
    if (!base.endsWith('.py') && base.includes('.')) return;
    if (this.pending.size === 0 && this.timer === null) this.firstChange = performance.now();
    this.pending.set(path, (this.pending.get(path) ?? false) || structure);
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.min(this.argv.debounce, Math.max(0, this.firstChange + Math.max(MAX_WAIT, this.argv.debounce) - performance.now()));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.rebuild();
    }, wait);
  }

  private async rebuild(): Promise<void> {
    if (this.building) {
      // Rebuild again once the running build is done: these changes may have come too late for it.
      await this.building;
      if (this.isBuilding() || this.pending.size === 0) return;
    }
    const paths = [...this.pending.keys()];
    const structure = [...this.pending.values()].some(Boolean) || paths.some((p) => !p.endsWith('.py'));
    this.pending.clear();
    const since = this.firstChange;
    if (structure) this.rewatch(paths);
    this.building = (async () => {
      try {
        const report = await this.builder.build({ paths, structure });
        const names = paths.map((p) => relative(process.cwd(), p) || p);
        const what = names.length === 1 ? names[0]! : `${names[0]} and ${plural(names.length - 1, 'other')}`;
        this.print(report, `${what} changed`, (performance.now() - since) / 1000);
        if (report.failed === 0 && (report.changed.length > 0 || this.child === null)) this.restart();
      } catch (error) {
        process.stderr.write(`pyasync watch: internal error: ${(error as Error).message}\n`);
      } finally {
        this.building = null;
      }
    })();
    await this.building;
    if (this.pending.size > 0 && this.timer === null) await this.rebuild();
  }

  private isBuilding(): boolean {
    return this.building !== null;
  }

  private print(report: BuildReport, what: string, latency?: number): void {
    const time = new Date().toTimeString().slice(0, 8);
    // Warnings come with each compilation of a module, as compileall's do.
    for (const w of report.warnings) process.stderr.write(formatWarning(w));
    for (const line of report.errors) process.stderr.write(`${line}\n`);
    // Errors already shown (same file, same text) are counted in the summary, not repeated.
    const shown = new Map<string, string>();
    for (const d of report.diagnostics) {
      let text = this.formatted.get(d);
      if (text === undefined) {
        text = formatDiagnostic(d, this.style);
        this.formatted.set(d, text);
      }
      shown.set(d.file, (shown.get(d.file) ?? '') + text);
    }
    for (const [file, text] of shown) if (this.shown.get(file) !== text) process.stderr.write(text);
    this.shown = shown;
    const nowFailing = new Set(report.diagnostics.map((d) => d.file));
    const fixed = [...this.failing].filter((f) => !nowFailing.has(f) && exists(f));
    this.failing = nowFailing;
    const parts = [`[${time}] ${what}: ${summary(report)}`];
    if (fixed.length > 0) parts.push(`fixed: ${fixed.join(', ')}`);
    if (latency !== undefined) parts.push(`${seconds(latency)} after the change`);
    process.stderr.write(`${parts.join('; ')}\n`);
  }

  private restart(): void {
    const main = this.argv.run;
    if (main === undefined) return;
    const js = this.builder.compiledFile(resolve(main));
    if (js === undefined) {
      process.stderr.write(`pyasync watch: ${main} is not among the files built\n`);
      return;
    }
    void this.stopChild().then(() => {
      const child = spawn(process.execPath, [...process.execArgv, '--enable-source-maps', js, ...this.programArgs()], { stdio: 'inherit' });
      this.child = child;
      child.on('exit', (code, signal) => {
        if (this.child === child) this.child = null;
        if (signal === null) process.stderr.write(`${main} exited with status ${code}\n`);
      });
    });
  }

  /** What follows `--` on the command line is the program's sys.argv[1:]. */
  private programArgs(): string[] {
    return ((this.argv as { _?: (string | number)[] })._ ?? []).slice(1).map(String);
  }

  private stopChild(): Promise<void> {
    const child = this.child;
    if (child === null || child.exitCode !== null) return Promise.resolve();
    this.child = null;
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

function skipped(part: string): boolean {
  return IGNORED_PARTS.has(part) || part.startsWith('.');
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

export const watchCommand: CommandModule<object, WatchArgs> = { command, describe, builder, handler };
