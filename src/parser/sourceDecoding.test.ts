/**
 * decodeSource against CPython 3.11: python3 (one process per batch) reads
 * the same bytes with ast.parse and with tokenize.detect_encoding, so each
 * case checks either the decoded text or the SyntaxError CPython raises.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PySyntaxError } from '../diagnostics.js';
import { decodeSource, escapedUtf8ErrorMessage } from './sourceDecoding.js';
import { tokenize } from './tokenizer.js';
import { tokenError, TokenKind } from './tokens.js';

const ORACLE = String.raw`
import ast, io, json, sys, tokenize, warnings, sysconfig
warnings.simplefilter('ignore')
req = json.load(sys.stdin)
if req['op'] == 'stdlib':
    print(json.dumps(sysconfig.get_paths()['stdlib']))
    sys.exit()
out = []
for h in req['cases']:
    b = bytes.fromhex(h)
    r = {}
    try:
        ast.parse(b)
        r['error'] = None
    except SyntaxError as e:
        r['error'] = [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text]
    try:
        enc, _ = tokenize.detect_encoding(io.BytesIO(b).readline)
        r['text'] = b.decode(enc, 'surrogateescape' if enc in ('utf-8', 'utf-8-sig') else 'strict')
    except SyntaxError:
        # detect_encoding decodes the first two lines strictly; CPython's
        # tokenizer does not (bad bytes in comments are fine).
        r['text'] = (b[3:] if b.startswith(b'\xef\xbb\xbf') else b).decode('utf-8', 'surrogateescape')
    except Exception:
        r['text'] = None
    out.append(r)
sys.stdout.write(json.dumps(out))
`;

interface Answer {
  error: [string, string, number | null, number | null, number | null, number | null, string | null] | null;
  text: string | null;
}

function python<T>(payload: Record<string, unknown>): T {
  const out = execFileSync('python3', ['-c', ORACLE], { input: JSON.stringify(payload), encoding: 'utf8' });
  return JSON.parse(out) as T;
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...enc(p)] : p)));

const STDLIB = python<string>({ op: 'stdlib' });
const DATA = join(STDLIB, 'test', 'tokenizedata');
const dataFile = (name: string): Uint8Array => new Uint8Array(readFileSync(join(DATA, name)));

const CASES: [string, Uint8Array][] = [
  ['bad_coding.py', dataFile('bad_coding.py')],
  ['bad_coding2.py', dataFile('bad_coding2.py')],
  ['badsyntax_pep3120.py', dataFile('badsyntax_pep3120.py')],
  ['badsyntax_3131.py', dataFile('badsyntax_3131.py')],
  ['coding20731.py', dataFile('coding20731.py')],
  ['latin1 cookie + BOM', dataFile('tokenize_tests-latin1-coding-cookie-and-utf8-bom-sig.txt')],
  ['BOM only', dataFile('tokenize_tests-no-coding-cookie-and-utf8-bom-sig-only.txt')],
  ['utf8 cookie', dataFile('tokenize_tests-utf8-coding-cookie-and-no-utf8-bom-sig.txt')],
  ['utf8 cookie + BOM', dataFile('tokenize_tests-utf8-coding-cookie-and-utf8-bom-sig.txt')],
  ['plain utf-8', bytes('x = "é€😀"\n')],
  ['BOM', bytes([0xef, 0xbb, 0xbf], 'x = 1\n')],
  ['latin-1', bytes('# -*- coding: latin-1 -*-\nx = "', [0xe9, 0x80], '"\n')],
  ['iso-8859-1 on line 2', bytes('#!/usr/bin/env python\n# coding=iso-8859-1\nx = "', [0xff], '"\n')],
  ['Latin_1 spelled oddly', bytes('# coding: Latin_1\nx = "', [0xe9], '"\n')],
  ['iso-8859-15', bytes('# coding: iso-8859-15\nx = "', [0xa4], '"\n')],
  ['vim fileencoding', bytes('# vim: set fileencoding=cp1252 :\nx = "', [0x80], '"\n')],
  ['utf8 alias', bytes('# coding: utf8\nx = "é"\n')],
  ['UTF-8 upper case', bytes('# coding: UTF-8\nx = "é"\n')],
  ['euc-jp', bytes('# coding: euc-jp\nx = "', [0xa4, 0xa2], '"\n')],
  ['shift_jis', bytes('# coding: shift_jis\nx = "', [0x82, 0xa0], '"\n')],
  ['koi8-r', bytes('# coding: koi8-r\nx = "', [0xc1], '"\n')],
  ['cookie after code is ignored', bytes('x = 1\n# coding: latin-1\ny = "é"\n')],
  ['cookie needs a comment line', bytes('x = 1 # coding: latin-1\n')],
  ['unknown encoding', bytes('# coding: foo\nx=1\n')],
  ['unknown encoding on line 2', bytes('#!/bin/sh\n# coding: foo\n')],
  ['latin-1 with BOM', bytes([0xef, 0xbb, 0xbf], '# coding: latin-1\nx=1\n')],
  ['utf8 with BOM', bytes([0xef, 0xbb, 0xbf], '# coding: utf8\nx=1\n')],
  ['utf-8 with BOM', bytes([0xef, 0xbb, 0xbf], '# coding: utf-8\nx=1\n')],
  ['ascii cookie, non-ascii byte', bytes('# coding: ascii\nx="', [0xf6], '"\n')],
  ['bad byte in a comment', bytes('# ', [0xf6], '\nx = 1 # ', [0xff, 0xfe], '\n')],
  ['bad byte in an identifier', bytes('x = 1\n', [0xf6], ' = 2\n')],
  ['bad bytes in an identifier', bytes('ab', [0xe2, 0x82], 'c = 2\n')],
  ['CRLF kept', bytes('x = 1\r\ny = 2\r\n')],
  ['cp1252 0x80 is the euro sign', bytes('# coding: cp1252\nx = "', [0x80, 0x9f], '"\n')],
  ['cp1252 0x81 is undefined', bytes('# coding: cp1252\nx = "', [0x81], '"\n')],
  ['windows-1250', bytes('# coding: windows-1250\nx = "', [0x8a, 0xb9], '"\n')],
  ['iso8859_11 0xdb is undefined', bytes('# coding: iso8859_11\nx = "', [0xdb], '"\n')],
  ['mac_roman', bytes('# coding: macintosh\nx = "', [0x80, 0xa5], '"\n')],
  ['cp437', bytes('# coding: cp437\nx = "', [0xb0, 0xe1], '"\n')],
  ['utf8 cookie decodes strictly', bytes('# coding: utf8\nx=1 # ', [0xff], '\n')],
  ['latin-1 bytes 0x80-0x9f', bytes('# coding: latin-1\nx = "', [0x80, 0x9f], '"\n')],
];

describe('decodeSource', () => {
  const answers = python<Answer[]>({ op: 'cases', cases: CASES.map(([, b]) => Buffer.from(b).toString('hex')) });
  CASES.forEach(([name, b], i) => {
    it(name, () => {
      const want = answers[i]!;
      let text: string;
      try {
        text = decodeSource(b, 'f.py');
      } catch (e) {
        expect(e).toBeInstanceOf(PySyntaxError);
        const err = e as PySyntaxError;
        // CPython gives no end (None) for these; we give 0.
        expect([err.kind, err.msg, err.lineno, err.offset, err.text]).toEqual([
          want.error![0],
          want.error![1],
          want.error![2],
          want.error![3],
          want.error![6],
        ]);
        return;
      }
      expect(text).toBe(want.text);
      const toks = tokenize(text, 'f.py');
      const last = toks.at(-1)!;
      if (want.error === null) {
        expect(last.kind).toBe(TokenKind.ENDMARKER);
      } else if (last.kind === TokenKind.ERRORTOKEN) {
        const e = tokenError(last)!;
        expect([e.kind, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text]).toEqual(want.error);
      } else {
        // The error is the string literal decoder's: its message must be
        // what escapedUtf8ErrorMessage gives for the literal's body.
        const str = toks.find((t) => t.kind === TokenKind.STRING && /[\udc80-\udcff]/.test(t.value))!;
        const q = str.value.search(/['"]/);
        const body = str.value.slice(q + 1, -1);
        expect(`(unicode error) ${escapedUtf8ErrorMessage(body, 0, body.length)}`).toBe(want.error[1]);
      }
    });
  });
});

describe('escapedUtf8ErrorMessage', () => {
  it("words the error as Python's UTF-8 decoder does", () => {
    expect(escapedUtf8ErrorMessage('é😀', 0, 3)).toBeNull();
    expect(escapedUtf8ErrorMessage('b\udcf6se', 0, 4)).toBe(
      "'utf-8' codec can't decode byte 0xf6 in position 1: invalid start byte",
    );
    expect(escapedUtf8ErrorMessage('é\udce2\udc82', 0, 3)).toBe(
      "'utf-8' codec can't decode bytes in position 2-3: unexpected end of data",
    );
    expect(escapedUtf8ErrorMessage('\udce2x', 0, 2)).toBe(
      "'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte",
    );
  });

  it('agrees with Python on these byte strings', () => {
    const samples = [[0xf6], [0x61, 0xc3], [0xe2, 0x82], [0xe2, 0x82, 0x41], [0xed, 0xa0, 0x80], [0xf0, 0x90, 0x80], [0xc0, 0xaf]];
    const want = JSON.parse(
      execFileSync('python3', ['-c', 'import json,sys\nout=[]\nfor b in json.load(sys.stdin):\n  try: bytes(b).decode("utf-8"); out.append(None)\n  except UnicodeDecodeError as e: out.append(str(e))\nprint(json.dumps(out))'], {
        input: JSON.stringify(samples),
        encoding: 'utf8',
      }),
    ) as (string | null)[];
    samples.forEach((s, i) => {
      const text = decodeSource(Uint8Array.from(s), 'f.py');
      expect(escapedUtf8ErrorMessage(text, 0, text.length)).toBe(want[i]);
    });
  });
});
