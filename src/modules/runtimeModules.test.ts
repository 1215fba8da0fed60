/**
 * The compiler's table of runtime modules against the modules themselves
 * (their exports are the names) and against CPython's (which must have
 * every name listed; math must have no more).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { INTEROP_MODULES, RUNTIME_MODULES, runtimeModule, runtimeModuleSpecifier } from './runtimeModules.js';
import * as sys from '../../runtime/modules/sys.js';
import * as math from '../../runtime/modules/math.js';
import * as functools from '../../runtime/modules/functools.js';
import * as itertools from '../../runtime/modules/itertools.js';
import * as dataclasses from '../../runtime/modules/dataclasses.js';
import * as typing from '../../runtime/modules/typing.js';
import * as enumModule from '../../runtime/modules/enum.js';
import * as contextlib from '../../runtime/modules/contextlib.js';
import * as abc from '../../runtime/modules/abc.js';
import * as future from '../../runtime/modules/__future__.js';
import * as time from '../../runtime/modules/time.js';
import * as os from '../../runtime/modules/os.js';
import * as osPath from '../../runtime/modules/os.path.js';
import * as pathlib from '../../runtime/modules/pathlib.js';
import * as random from '../../runtime/modules/random.js';
import * as contextvars from '../../runtime/modules/contextvars.js';
import * as io from '../../runtime/modules/io.js';
import * as json from '../../runtime/modules/json.js';
import * as jsonDecoder from '../../runtime/modules/json.decoder.js';
import * as jsonEncoder from '../../runtime/modules/json.encoder.js';
import * as collections from '../../runtime/modules/collections.js';
import * as heapq from '../../runtime/modules/heapq.js';
import * as bisect from '../../runtime/modules/bisect.js';
import * as operator from '../../runtime/modules/operator.js';
import * as copy from '../../runtime/modules/copy.js';
import * as string from '../../runtime/modules/string.js';
import * as textwrap from '../../runtime/modules/textwrap.js';
import * as argparse from '../../runtime/modules/argparse.js';
import * as datetimeModule from '../../runtime/modules/datetime.js';
import * as logging from '../../runtime/modules/logging.js';
import * as traceback from '../../runtime/modules/traceback.js';
import * as asyncio from '../../runtime/modules/asyncio.js';
import * as asyncioSubprocess from '../../runtime/modules/asyncio.subprocess.js';
import * as js from '../../runtime/modules/js.js';
import * as pyasync from '../../runtime/modules/pyasync.js';
import * as pyasyncFfi from '../../runtime/modules/pyasync.ffi.js';
import * as re from '../../runtime/modules/re.js';
import * as inspect from '../../runtime/modules/inspect.js';
import * as types from '../../runtime/modules/types.js';
import * as collectionsAbc from '../../runtime/modules/collections.abc.js';
import * as pprint from '../../runtime/modules/pprint.js';
import * as warnings from '../../runtime/modules/warnings.js';
import * as base64 from '../../runtime/modules/base64.js';
import * as binascii from '../../runtime/modules/binascii.js';
import * as csv from '../../runtime/modules/csv.js';
import * as struct from '../../runtime/modules/struct.js';
import * as arrayModule from '../../runtime/modules/array.js';
import * as shlex from '../../runtime/modules/shlex.js';
import * as fnmatch from '../../runtime/modules/fnmatch.js';
import * as glob from '../../runtime/modules/glob.js';
import * as shutil from '../../runtime/modules/shutil.js';
import * as tempfile from '../../runtime/modules/tempfile.js';
import * as subprocess from '../../runtime/modules/subprocess.js';
import * as html from '../../runtime/modules/html.js';
import * as htmlEntities from '../../runtime/modules/html.entities.js';
import * as urllib from '../../runtime/modules/urllib.js';
import * as urllibParse from '../../runtime/modules/urllib.parse.js';
import * as statistics from '../../runtime/modules/statistics.js';
import * as hashlib from '../../runtime/modules/hashlib.js';
import * as hmac from '../../runtime/modules/hmac.js';
import * as keyword from '../../runtime/modules/keyword.js';
import * as colorsys from '../../runtime/modules/colorsys.js';
import * as gcModule from '../../runtime/modules/gc.js';
import * as platformModule from '../../runtime/modules/platform.js';
import * as zlibModule from '../../runtime/modules/zlib.js';
import * as threadingModule from '../../runtime/modules/threading.js';
import * as gzipModule from '../../runtime/modules/gzip.js';
import * as signalModule from '../../runtime/modules/signal.js';
import * as unicodedata from '../../runtime/modules/unicodedata.js';
import * as uuid from '../../runtime/modules/uuid.js';
import * as secrets from '../../runtime/modules/secrets.js';
import * as graphlib from '../../runtime/modules/graphlib.js';
import * as tomllib from '../../runtime/modules/tomllib.js';
import * as configparser from '../../runtime/modules/configparser.js';
import * as difflib from '../../runtime/modules/difflib.js';
import * as unittest from '../../runtime/modules/unittest.js';
import * as unittestMock from '../../runtime/modules/unittest.mock.js';
import * as reprlib from '../../runtime/modules/reprlib.js';
import * as numbers from '../../runtime/modules/numbers.js';
import * as fractions from '../../runtime/modules/fractions.js';
import * as decimalModule from '../../runtime/modules/decimal.js';
import * as calendarModule from '../../runtime/modules/calendar.js';
import * as cmath from '../../runtime/modules/cmath.js';
import * as queueModule from '../../runtime/modules/queue.js';
import * as weakref from '../../runtime/modules/weakref.js';
import * as atexit from '../../runtime/modules/atexit.js';
import * as errno from '../../runtime/modules/errno.js';
import * as builtinsModule from '../../runtime/modules/builtins.js';
import * as concurrent from '../../runtime/modules/concurrent.js';
import * as concurrentFutures from '../../runtime/modules/concurrent.futures.js';
import * as concurrentFuturesBase from '../../runtime/modules/concurrent.futures._base.js';
import * as concurrentFuturesThread from '../../runtime/modules/concurrent.futures.thread.js';
import * as concurrentFuturesProcess from '../../runtime/modules/concurrent.futures.process.js';

const MODULES: Record<string, Record<string, unknown>> = { sys, math, functools, itertools, dataclasses, typing, enum: enumModule, contextlib, abc, __future__: future, time, os, 'os.path': osPath, pathlib, random, contextvars, io, json, 'json.decoder': jsonDecoder, 'json.encoder': jsonEncoder, collections, heapq, bisect, operator, copy, string, textwrap, argparse, datetime: datetimeModule, logging, traceback, asyncio, 'asyncio.subprocess': asyncioSubprocess, re, inspect, types, 'collections.abc': collectionsAbc, pprint, warnings, base64, binascii, struct, array: arrayModule, csv, shlex, fnmatch, glob, shutil, subprocess, tempfile, html, 'html.entities': htmlEntities, urllib, 'urllib.parse': urllibParse, statistics, hashlib, hmac, keyword, colorsys, unicodedata, reprlib, graphlib, secrets, uuid, numbers, fractions, decimal: decimalModule, calendar: calendarModule, cmath, queue: queueModule, difflib, unittest, 'unittest.mock': unittestMock, weakref, atexit, errno, gc: gcModule, platform: platformModule, zlib: zlibModule, threading: threadingModule, gzip: gzipModule, signal: signalModule, builtins: builtinsModule };
Object.assign(MODULES, {
  concurrent, 'concurrent.futures': concurrentFutures, 'concurrent.futures._base': concurrentFuturesBase, 'concurrent.futures.thread': concurrentFuturesThread,
  'concurrent.futures.process': concurrentFuturesProcess, tomllib, configparser,
});

function exportsOf(name: string): string[] {
  // `$`-names are the runtime's own (no Python identifier has one).
  return Object.keys(MODULES[name] ?? {}).filter((k) => !k.includes('$')).sort();
}

describe('RUNTIME_MODULES', () => {
  it('lists exactly what each runtime module exports', () => {
    expect(Object.keys(RUNTIME_MODULES).sort()).toEqual(Object.keys(MODULES).sort());
    for (const [name, spec] of Object.entries(RUNTIME_MODULES)) {
      expect({ name, names: exportsOf(name) }).toEqual({ name, names: [...spec.names].sort() });
    }
  });

  it('names the modules flagged builtin in sys.builtin_module_names', () => {
    const flagged = Object.entries(RUNTIME_MODULES).filter(([, spec]) => spec.builtin).map(([name]) => name).sort();
    const sys = MODULES['sys'] as { builtin_module_names: Iterable<string> };
    expect([...sys.builtin_module_names]).toEqual(flagged);
  });

  it('lists only names CPython\'s modules have, and all of math\'s', () => {
    const others = Object.keys(RUNTIME_MODULES).filter((n) => n !== 'sys' && n !== 'math');
    // A module's names are what dir() lists and what it holds: concurrent.futures' __dir__ lists only its __all__.
    const script = `import json, sys, math, importlib\nothers = ${JSON.stringify(others)}\nprint(json.dumps({"sys": dir(sys), "math": [n for n in dir(math) if not n.startswith("_")] + ["__name__"], **{n: sorted(set(dir(m := importlib.import_module(n))) | set(vars(m))) for n in others}}))`;
    const run = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const cpython = JSON.parse(run.stdout) as Record<string, string[]>;
    expect(RUNTIME_MODULES['sys']!.names.filter((n) => !cpython['sys']!.includes(n))).toEqual([]);
    expect(RUNTIME_MODULES['asyncio']!.names.filter((n) => !cpython['asyncio']!.includes(n))).toEqual([]);
    expect([...RUNTIME_MODULES['math']!.names].sort()).toEqual(cpython['math']!.sort());
    for (const name of others) expect({ name, extra: RUNTIME_MODULES[name]!.names.filter((n) => !cpython[name]!.includes(n)) }).toEqual({ name, extra: [] });
  });

  it('leaves out of `from m import *` exactly the public names CPython\'s does', () => {
    const listed = Object.fromEntries(Object.entries(RUNTIME_MODULES).filter(([n]) => n !== '__future__').map(([n, spec]) => [n, spec.names]));
    const script = `import json\nlisted = ${JSON.stringify(listed)}\nout = {}\nfor n, names in listed.items():\n    ns = {}\n    exec(f"from {n} import *", ns)\n    out[n] = sorted(x for x in names if not x.startswith("_") and x not in ns)\nprint(json.dumps(out))`;
    const run = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const hidden = JSON.parse(run.stdout) as Record<string, string[]>;
    for (const [name, notBound] of Object.entries(hidden)) {
      expect({ name, notInAll: [...(RUNTIME_MODULES[name]!.notInAll ?? [])].sort() }).toEqual({ name, notInAll: notBound });
    }
  });

  it('marks as builtin the modules CPython builds into the interpreter', () => {
    const run = spawnSync('python3', ['-c', 'import json, sys\nprint(json.dumps(sys.builtin_module_names))'], { encoding: 'utf8' });
    const builtin = JSON.parse(run.stdout) as string[];
    for (const [name, spec] of Object.entries(RUNTIME_MODULES)) expect({ name, builtin: spec.builtin }).toEqual({ name, builtin: builtin.includes(name) });
  });

  it('marks as packages the modules that are packages in CPython', () => {
    const script = 'import importlib, json, sys\nnames = json.loads(sys.argv[1])\nprint(json.dumps([n for n in names if hasattr(importlib.import_module(n), "__path__")]))';
    const run = spawnSync('python3', ['-c', script, JSON.stringify(Object.keys(RUNTIME_MODULES))], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const packages = JSON.parse(run.stdout) as string[];
    for (const [name, spec] of Object.entries(RUNTIME_MODULES)) expect({ name, package: spec.package === true }).toEqual({ name, package: packages.includes(name) });
  });
});

describe('INTEROP_MODULES', () => {
  // pyasync's own modules (no CPython counterpart to compare with): the table against their exports.
  const modules: Record<string, Record<string, unknown>> = { js, pyasync, 'pyasync.ffi': pyasyncFfi };

  it('lists exactly what each interop module exports, and only js is open', () => {
    expect(Object.keys(INTEROP_MODULES).sort()).toEqual(Object.keys(modules).sort());
    for (const [name, spec] of Object.entries(INTEROP_MODULES)) {
      const names = Object.keys(modules[name]!).filter((k) => !k.includes('$')).sort();
      expect({ name, names }).toEqual({ name, names: [...spec.names].sort() });
      expect({ name, open: spec.open === true }).toEqual({ name, open: name === 'js' });
    }
  });

  it('are found by name, and never shadow a CPython module', () => {
    expect(runtimeModule('js')?.open).toBe(true);
    expect(runtimeModule('pyasync.ffi')?.names).toContain('to_js');
    for (const name of Object.keys(INTEROP_MODULES)) expect(Object.hasOwn(RUNTIME_MODULES, name)).toBe(false);
  });
});

describe('runtimeModuleSpecifier', () => {
  it('adds the module to a package path, or finds it beside a runtime file', () => {
    expect(runtimeModuleSpecifier('pyasync/runtime', 'math')).toBe('pyasync/runtime/math');
    expect(runtimeModuleSpecifier('pyasync/runtime/', 'math')).toBe('pyasync/runtime/math');
    expect(runtimeModuleSpecifier('file:///x/dist/runtime/index.js', 'sys')).toBe('file:///x/dist/runtime/modules/sys.js');
    expect(runtimeModuleSpecifier('/abs/runtime/index.ts', 'math')).toBe('/abs/runtime/modules/math.ts');
    expect(runtimeModuleSpecifier('./vendor/runtime/index.mjs', 'math')).toBe('./vendor/runtime/modules/math.mjs');
    expect(runtimeModuleSpecifier('/srv/static/pyasync.js', 'sys')).toBe('/srv/static/modules/sys.js');
  });
});
