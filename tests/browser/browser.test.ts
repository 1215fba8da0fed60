/**
 * End to end in a browser: tests/browser/app (a page whose glue imports
 * main.py) is built by Vite with pyasync/plugin, served on localhost and
 * opened in headless Chromium (Debian's `chromium`, driven by
 * playwright-core). The Python program's asyncio tasks tick a counter on
 * the page and its function handles the button's clicks; what it prints to
 * the browser's console must be what python3 prints, and what Node prints
 * running the same file (`node --import pyasync/register`).
 *
 * The program reaches the DOM itself (`from js import document`); the
 * page's glue (app/glue.js) only mirrors the console into the page. Needs
 * /usr/bin/chromium (`.ci/run` installs it); without it this test fails and
 * says so.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { build, createServer as createViteServer } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { pyasync } from '../../src/plugin/index.js';
import { ensureDist } from '../bundlers/dist.js';

const run = promisify(execFile);
const APP = join(import.meta.dirname, 'app');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const CLICKS = 2;

// The program's output, then what on_click returns for each click, from one python3 process.
const ORACLE = `
import json, runpy, sys
sys.path[0] = sys.argv[1]
program = runpy.run_path(sys.argv[1] + "/main.py", run_name="__main__")
print(json.dumps([program["on_click"]() for _ in range(${CLICKS})]))
`;

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

/** The built page, served from a folder. */
function serve(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    const file = join(root, path === '/' ? 'index.html' : path);
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const outDir = mkdtempSync(join(tmpdir(), 'pyasync-browser-'));
let python: { stdout: string; clicks: string[] };
let node: string;
let server: Server | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  await ensureDist();
  const [oracle, registered] = await Promise.all([
    run('python3', ['-c', ORACLE, APP]),
    run(process.execPath, ['--import', 'pyasync/register', join(APP, 'main.py')], { cwd: APP }),
    build({
      root: APP, configFile: false, logLevel: 'silent', plugins: [pyasync.vite()],
      build: { outDir, emptyOutDir: true, minify: false },
    }),
  ]);
  const lines = oracle.stdout.trimEnd().split('\n');
  python = { stdout: lines.slice(0, -1).join('\n') + '\n', clicks: JSON.parse(lines.at(-1)!) as string[] };
  node = registered.stdout;
  server = await serve(outDir);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

test('the Vite-built page runs the asyncio program, prints as python3 and Node do, and handles clicks in Python', async () => {
  expect(node).toBe(python.stdout);
  const page = await browser!.newPage();
  const consoleLines: string[] = [];
  const errors: string[] = [];
  const counterValues: string[] = [];
  page.on('console', (message) => (message.type() === 'log' ? consoleLines : errors).push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  // Every value the counter shows, to see it tick rather than only end.
  await page.exposeFunction('recordCounter', (value: string) => counterValues.push(value));
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const counter = document.querySelector('#counter')!;
      const record = (window as unknown as { recordCounter(value: string): void }).recordCounter;
      new MutationObserver(() => record(counter.textContent ?? '')).observe(counter, { childList: true, characterData: true, subtree: true });
    });
  });
  const { port } = server!.address() as AddressInfo;
  await page.goto(`http://127.0.0.1:${port}/`);
  // The program ends (or fails) within a second; the page then says so.
  await page.waitForFunction(() => document.querySelector('#status')?.textContent === 'done', null, { timeout: 30_000 }).catch(() => undefined);

  expect(errors).toEqual([]);
  expect(consoleLines.join('\n') + '\n').toBe(python.stdout);
  expect(await page.textContent('#status')).toBe('done');
  expect(await page.textContent('#log')).toBe(python.stdout);
  const ticks = python.stdout.split('\n').flatMap((line) => /^counter: (\d+)$/.exec(line)?.[1] ?? []);
  expect(counterValues).toEqual(ticks);
  expect(await page.textContent('#counter')).toBe(ticks.at(-1));

  for (const expected of python.clicks) {
    await page.click('#click');
    expect(await page.textContent('#clicks')).toBe(expected);
  }
  await page.close();
}, 120_000);

test("Vite's dev server serves the .py modules, reloads the page when one changes, and runs a page's .py script", async () => {
  // A copy of the app outside the repository: the dev server must reach the runtime there too.
  const root = mkdtempSync(join(tmpdir(), 'pyasync-vite-dev-'));
  cpSync(APP, root, { recursive: true });
  // The plugin's hotUpdate hook, watched: it is what reloads the page for a .py file.
  const plugin = pyasync.vite();
  const hotUpdate = plugin.hotUpdate as (this: unknown, options: { file: string }) => unknown;
  const updated: string[] = [];
  plugin.hotUpdate = function (this: unknown, options: { file: string }) {
    updated.push(options.file);
    return hotUpdate.call(this, options);
  } as typeof plugin.hotUpdate;
  const dev = await createViteServer({
    root, configFile: false, logLevel: 'silent', plugins: [plugin],
    server: { host: '127.0.0.1', port: 0 }, optimizeDeps: { noDiscovery: true, include: [] },
  });
  const page = await browser!.newPage();
  try {
    await dev.listen();
    const { port } = dev.httpServer!.address() as AddressInfo;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const done = () => page.waitForFunction(() => document.querySelector('#status')?.textContent === 'done', null, { timeout: 30_000 });
    await page.goto(`http://127.0.0.1:${port}/`);
    await done();
    expect(await page.textContent('#log')).toBe(python.stdout);

    // An edit of main.py: the page reloads by itself and runs the new program.
    const main = join(root, 'main.py');
    writeFileSync(main, readFileSync(main, 'utf8').replace('print("results:", results)', 'print("edited:", results)'));
    await page.waitForFunction(() => document.querySelector('#log')?.textContent?.includes('edited:'), null, { timeout: 30_000 });
    await done();
    expect(await page.textContent('#log')).toBe(python.stdout.replace('results:', 'edited:'));
    expect(updated).toContain(main);

    // A page whose script is the .py file itself.
    const consoleLines: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'log') consoleLines.push(message.text());
    });
    await page.goto(`http://127.0.0.1:${port}/direct.html`);
    const edited = python.stdout.replace('results:', 'edited:');
    await expect.poll(() => consoleLines.join('\n') + '\n', { timeout: 30_000 }).toBe(edited);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
    await dev.close();
    rmSync(root, { recursive: true, force: true });
  }
}, 120_000);
