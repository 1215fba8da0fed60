/**
 * gzip files across the two implementations: what pyasync's GzipFile and
 * gzip.open write, python3's gzip reads (contents, header fields, members),
 * and what python3's write (and hand-made headers with every optional
 * field), pyasync's read, whole, by lines, in chunks, by seeking and as
 * text. One python3 process reads pyasync's files and writes its own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../index.js';
import * as gzip from './gzip.js';
import { call } from '../builtins/calls.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { PyBytes } from '../builtins/values.js';
import { BytesIO } from './support/io/bytesIO.js';
import { open as openFile } from '../builtins/files.js';

const dir = mkdtempSync(join(tmpdir(), 'pyasync-gzip-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Data that compresses somewhat but not trivially: text runs and pseudo-random bytes. */
function sample(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = i % 97 < 60 ? 97 + (i % 26) : (x >>> 16) & 0xff;
  }
  return out;
}

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const bytes = (v: unknown): Uint8Array => (v as PyBytes).bytes;
const path = (name: string): string => join(dir, name);

interface Written {
  name: string;
  parts: Uint8Array[];
  mtime: number;
  level: number;
}

/** Writes a file with pyasync's gzip.open (each part one write, in its own member when `append`). */
function writeWithPyasync(w: Written, append = false): void {
  w.parts.forEach((part, i) => {
    const mode = append && i > 0 ? 'ab' : 'wb';
    const f = call(gzip.GzipFile, [path(w.name), mode], { compresslevel: w.level, mtime: w.mtime });
    callMethod(f, 'write', new PyBytes(part));
    callMethod(f, 'close');
  });
}

const PYTHON = String.raw`
import gzip, hashlib, io, json, os, struct, sys, zlib
d = sys.argv[1]
names = json.loads(sys.argv[2])
out = {"read": {}, "wrote": {}}
for name in names:
    p = os.path.join(d, name)
    raw = open(p, "rb").read()
    with gzip.open(p) as f:
        data = f.read()
        mtime = f.mtime
    flags = raw[3]
    fname = raw[10:raw.index(b"\0", 10)].decode("latin-1") if flags & 8 else None
    members = 0
    rest = raw
    while rest:
        members += 1
        do = zlib.decompressobj(wbits=31)
        do.decompress(rest)
        rest = do.unused_data
    out["read"][name] = {"sha": hashlib.sha256(data).hexdigest(), "size": len(data), "mtime": mtime, "xfl": raw[8], "os": raw[9],
                         "flags": flags, "fname": fname, "members": members}

def sample(n, seed):
    x = seed
    b = bytearray(n)
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0xffffffff
        b[i] = 97 + i % 26 if i % 97 < 60 else (x >> 16) & 0xff
    return bytes(b)

def wrote(name, data, mtime):
    out["wrote"][name] = {"sha": hashlib.sha256(data).hexdigest(), "size": len(data), "mtime": mtime}

data = sample(300000, 7)
with gzip.GzipFile(os.path.join(d, "py-big.gz"), "wb", mtime=1234567) as f:
    f.write(data)
wrote("py-big.gz", data, 1234567)
for level in (0, 1, 6, 9):
    data = sample(20000 + level, level)
    with gzip.open(os.path.join(d, f"py-level{level}.gz"), "wb", compresslevel=level) as f:
        f.write(data)
    wrote(f"py-level{level}.gz", data, None)
a, b = sample(5000, 1), sample(7000, 2)
with gzip.open(os.path.join(d, "py-members.gz"), "wb") as f:
    f.write(a)
with gzip.open(os.path.join(d, "py-members.gz"), "ab") as f:
    f.write(b)
wrote("py-members.gz", a + b, None)
text = "".join(f"line {i}: héllo wörld ✓\n" for i in range(3000))
with gzip.open(os.path.join(d, "py-text.gz"), "wt", encoding="utf-8") as f:
    f.write(text)
wrote("py-text.gz", text.encode("utf-8"), None)
with gzip.open(os.path.join(d, "py-empty.gz"), "wb") as f:
    pass
wrote("py-empty.gz", b"", None)
# Every optional header field CPython reads but never writes: FEXTRA, FNAME, FCOMMENT, FHCRC.
data = sample(4000, 9)
body = zlib.compress(data, 6, -15)
header = b"\x1f\x8b\x08" + bytes([4 | 8 | 16 | 2]) + struct.pack("<I", 99) + b"\x00\x03"
header += struct.pack("<H", 5) + b"extra" + b"name.txt\0" + b"a comment\0" + b"\xab\xcd"
with open(os.path.join(d, "py-fields.gz"), "wb") as f:
    f.write(header + body + struct.pack("<II", zlib.crc32(data), len(data)) + b"\0\0\0\0")
wrote("py-fields.gz", data, 99)
print(json.dumps(out))
`;

describe('gzip files shared with python3', () => {
  const written: Written[] = [
    { name: 'pa-big.txt.gz', parts: [sample(250_000, 3)], mtime: 1_700_000_000, level: 9 },
    { name: 'pa-level0.gz', parts: [sample(30_000, 4)], mtime: 1, level: 0 },
    { name: 'pa-level1.gz', parts: [sample(30_000, 5)], mtime: 2, level: 1 },
    { name: 'pa-level6.gz', parts: [sample(30_000, 6)], mtime: 3, level: 6 },
    { name: 'pa-members.gz', parts: [sample(3000, 7), sample(4000, 8), new Uint8Array(0)], mtime: 4, level: 9 },
    { name: 'pa-empty.gz', parts: [new Uint8Array(0)], mtime: 5, level: 9 },
  ];
  for (const w of written) writeWithPyasync(w, w.name === 'pa-members.gz');
  // Text mode, written in many small writes through TextIOWrapper.
  const text = Array.from({ length: 2000 }, (_, i) => `row ${i}: naïve café ✓\n`).join('');
  const tf = call(gzip.open, [path('pa-text.gz'), 'wt'], { encoding: 'utf-8' });
  for (const line of text.split(/(?<=\n)/)) callMethod(tf, 'write', line);
  callMethod(tf, 'close');
  // Through a file object that is a BytesIO, then saved.
  const memory = new BytesIO();
  const mf = call(gzip.GzipFile, [], { fileobj: memory, mode: 'wb', mtime: 77 });
  callMethod(mf, 'write', new PyBytes(sample(10_000, 10)));
  callMethod(mf, 'close');
  const memoryFile = path('pa-bytesio.gz');
  const fh = call(openFile, [memoryFile, 'wb'], null);
  callMethod(fh, 'write', callMethod(memory, 'getvalue'));
  callMethod(fh, 'close');

  const names = [...written.map((w) => w.name), 'pa-text.gz', 'pa-bytesio.gz'];
  const run = spawnSync('python3', ['-c', PYTHON, dir, JSON.stringify(names)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const answer = run.status === 0 ? (JSON.parse(run.stdout) as { read: Record<string, Record<string, unknown>>; wrote: Record<string, { sha: string; size: number; mtime: number | null }> }) : null;

  it('python3 reads what pyasync wrote', () => {
    expect(run.status, run.stderr).toBe(0);
    for (const w of written) {
      let size = 0;
      for (const p of w.parts) size += p.length;
      const all = new Uint8Array(size);
      let at = 0;
      for (const p of w.parts) {
        all.set(p, at);
        at += p.length;
      }
      const fname = w.name.endsWith('.gz') ? w.name.slice(0, -3) : w.name;
      expect({ name: w.name, ...answer!.read[w.name] }).toEqual({
        name: w.name, sha: sha(all), size, mtime: w.mtime, xfl: w.level === 9 ? 2 : w.level === 1 ? 4 : 0, os: 255, flags: 8, fname,
        members: w.name === 'pa-members.gz' ? 3 : 1,
      });
    }
    expect(answer!.read['pa-text.gz']).toMatchObject({ sha: sha(new TextEncoder().encode(text)), fname: 'pa-text' });
    // A BytesIO has no name: no FNAME field.
    expect(answer!.read['pa-bytesio.gz']).toMatchObject({ sha: sha(sample(10_000, 10)), mtime: 77, flags: 0, fname: null });
  });

  it('pyasync reads what python3 wrote, whole and in pieces', () => {
    expect(run.status, run.stderr).toBe(0);
    for (const [name, facts] of Object.entries(answer!.wrote)) {
      const f = call(gzip.open, [path(name)], null);
      const whole = bytes(callMethod(f, 'read'));
      expect({ name, sha: sha(whole), size: whole.length }).toEqual({ name, sha: facts.sha, size: facts.size });
      if (facts.mtime !== null) expect(getattr(f, 'mtime')).toBe(facts.mtime);
      // Back to the start, then in odd-sized reads, then by lines.
      callMethod(f, 'rewind');
      const pieces: Uint8Array[] = [];
      for (;;) {
        const got = bytes(callMethod(f, 'read', 4093));
        if (got.length === 0) break;
        pieces.push(got);
      }
      expect(sha(Buffer.concat(pieces))).toBe(facts.sha);
      callMethod(f, 'seek', 0);
      const lines: Uint8Array[] = [];
      for (const line of callMethod(f, 'readlines') as PyBytes[]) lines.push(line.bytes);
      expect(sha(Buffer.concat(lines))).toBe(facts.sha);
      if (facts.size > 100) {
        callMethod(f, 'seek', facts.size - 100);
        expect(bytes(callMethod(f, 'read'))).toEqual(whole.subarray(facts.size - 100));
        callMethod(f, 'seek', 10);
        expect(bytes(callMethod(f, 'read', 20))).toEqual(whole.subarray(10, 30));
      }
      callMethod(f, 'close');
    }
    const t = call(gzip.open, [path('py-text.gz'), 'rt'], { encoding: 'utf-8' });
    const decoded = callMethod(t, 'read') as string;
    callMethod(t, 'close');
    expect(sha(new TextEncoder().encode(decoded))).toBe(answer!.wrote['py-text.gz']!.sha);
    expect(readFileSync(path('py-fields.gz'))[3]).toBe(30);
  });
});
