/**
 * Client for scripts/cpython-oracle.py: one python3 process per test file,
 * answering batched requests, so CPython's answers cost one interpreter
 * start-up however many cases a test checks.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ORACLE_SCRIPT = fileURLToPath(new URL('../../scripts/cpython-oracle.py', import.meta.url));

/** What CPython raised (or that it accepted the input). */
export type Outcome = Accepted | Rejected;

export interface Accepted {
  ok: true;
  /** SHA-256 of `ast.dump(tree, include_attributes=True)` (parse op only). */
  dump?: string | null;
}

export interface Rejected {
  ok: false;
  /** Exception class name: SyntaxError, IndentationError, TabError, or e.g. RecursionError. */
  type: string;
  msg: string;
  lineno?: number | null;
  offset?: number | null;
  end_lineno?: number | null;
  end_offset?: number | null;
  text?: string | null;
}

export type DigestResult = { ok: true; dump: string; dumpAttrs: string } | Rejected;

export interface DisplayRequest {
  type: 'SyntaxError' | 'IndentationError' | 'TabError';
  msg: string;
  filename: string;
  lineno: number;
  offset: number;
  text: string | null;
  end_lineno: number;
  end_offset: number;
}

export interface PyAstResult {
  stdout: string;
  /** The error display `python3 -m ast` prints after its traceback. */
  stderr: string;
  status: number;
}

export interface BenchResult {
  /** Seconds per iteration over all the sources. */
  times: number[];
  /** Files CPython rejected, left out of its timings. */
  excluded: number;
  version: string;
}

/** A function's code object as CPython compiled it: name, first line, varnames, cellvars, freevars, flags. */
export type CodeFacts = [string, number, string[], string[], string[], number];

interface Pending {
  resolve(reply: Record<string, unknown>): void;
  reject(error: Error): void;
}

export class CPythonOracle {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited: Error | null = null;

  constructor() {
    this.child = spawn('python3', ['-X', 'utf8', ORACLE_SCRIPT], {
      env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    createInterface({ input: this.child.stdout }).on('line', (line) => this.onLine(line));
    const fail = (error: Error): void => {
      this.exited = error;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    this.child.on('error', fail);
    this.child.on('exit', (code, signal) => {
      fail(new Error(`cpython-oracle exited (code ${code}, signal ${signal}): ${stderr.slice(-2000)}`));
    });
  }

  private onLine(line: string): void {
    const reply = JSON.parse(line) as Record<string, unknown>;
    const id = reply['id'] as number;
    const waiter = this.pending.get(id);
    if (!waiter) return;
    this.pending.delete(id);
    delete reply['id'];
    if (typeof reply['oracleError'] === 'string') waiter.reject(new Error(`cpython-oracle: ${reply['oracleError']}`));
    else waiter.resolve(reply);
  }

  private request<T>(op: string, payload: Record<string, unknown> = {}): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (r) => resolve(r as T), reject });
      this.child.stdin.write(JSON.stringify({ ...payload, op, id }) + '\n');
    });
  }

  /** The stdlib's `.py` files, relative to `root`, sorted; site-packages excluded. */
  stdlib(): Promise<{ root: string; files: string[] }> {
    return this.request('stdlib');
  }

  /** Per file: digests of `ast.dump(ast.parse(bytes))` without/with attributes, or the error. */
  async digest(paths: readonly string[]): Promise<DigestResult[]> {
    return (await this.request<{ results: DigestResult[] }>('digest', { paths })).results;
  }

  async dump(path: string, attrs: boolean, indent: number | null = null): Promise<string> {
    return (await this.request<{ text: string }>('dump', { path, attrs, indent })).text;
  }

  /** `compile(src, filename, 'exec')` for each source (str, not bytes: offsets are characters). */
  async compile(sources: readonly string[], filename = '<snippet>'): Promise<Outcome[]> {
    return (await this.request<{ results: Outcome[] }>('compile', { sources, filename })).results;
  }

  /**
   * The functions' code objects of each source (or of each file, given
   * `paths`), as `[co_name, co_firstlineno, co_varnames, co_cellvars,
   * co_freevars, co_flags]`; null for one that does not compile.
   */
  async codes(request: { sources: readonly string[] } | { paths: readonly string[] }): Promise<(CodeFacts[] | null)[]> {
    return (await this.request<{ results: (CodeFacts[] | null)[] }>('codes', request)).results;
  }

  /** `ast.parse(src)` for each source; accepted ones carry the attribute dump's digest. */
  async parse(sources: readonly string[]): Promise<Outcome[]> {
    return (await this.request<{ results: Outcome[] }>('parse', { sources })).results;
  }

  /** How the interpreter displays each SyntaxError (offsets used as given). */
  async display(errors: readonly DisplayRequest[]): Promise<string[]> {
    return (await this.request<{ texts: string[] }>('display', { errors })).texts;
  }

  /** `python3 -m ast ARGV`, run inside the oracle process. */
  pyast(argv: readonly string[]): Promise<PyAstResult> {
    return this.request('pyast', { argv });
  }

  bench(paths: readonly string[], iterations: number): Promise<BenchResult> {
    return this.request('bench', { paths, iterations });
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    await done;
  }
}
