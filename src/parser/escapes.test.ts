/**
 * The escape decoders against CPython 3.11 on random literal bodies: values,
 * error messages (with their positions in CPython's rewritten buffer) and
 * the DeprecationWarning for the first invalid escape. One python3 run.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PyStrCodePoints } from '../ast/constants.js';
import { appendCodePoints, decodeBytesEscapes, decodeStrEscapes, EscapeError } from './escapes.js';

const ORACLE = String.raw`
import ast, json, sys, warnings

def run(item):
    prefix, body = item
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        try:
            value = ast.parse(prefix + "'" + body + "'").body[0].value.value
        except SyntaxError as e:
            if not e.msg.startswith(('(unicode error)', '(value error)')):
                return {'skip': e.msg}
            return {'error': e.msg, 'warnings': [str(w.message) for w in caught]}
    out = list(value) if isinstance(value, bytes) else [ord(c) for c in value]
    return {'value': out, 'warnings': [str(w.message) for w in caught]}

print(json.dumps([run(item) for item in json.load(sys.stdin)]))
`;

interface Answer {
  skip?: string;
  value?: number[];
  error?: string;
  warnings?: string[];
}

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STR_PIECES = [
  'a', 'é', '€', '𝄞', ' ', '\\', '\\', '\\', '\\\\', '\\\n', 'x', 'u', 'U', 'N', '{', '}', '0', '7', '8', '4', '1',
  'A', 'f', 'F', 'g', 'DIGIT ONE', 'digit one', 'CJK UNIFIED IDEOGRAPH-4E00', 'HANGUL SYLLABLE GAG', '"', "\\'",
  'n', 't', 'd', '10FFFF', '110000', '00', 'e9',
  // Surrogates: escaped halves that Python keeps apart, and astral characters.
  '\\ud800', '\\uDBFF', '\\udc00', '\\uDFFF', '\\U0000d834', '\\U0000DD20', '\\U00010002', '𐀂', 'D8', 'DC',
];
const BYTES_PIECES = ['a', ' ', '\\', '\\', '\\', '\\\\', '\\\n', 'x', 'u', 'N', '0', '7', '8', '4', 'A', 'f', 'g', '"', "\\'", 'n', 'd', '00'];

function bodies(pieces: readonly string[], count: number, seed: number): string[] {
  const rnd = random(seed);
  const out: string[] = [];
  while (out.length < count) {
    let body = '';
    const n = 1 + Math.floor(rnd() * 8);
    for (let i = 0; i < n; i++) body += pieces[Math.floor(rnd() * pieces.length)];
    if (!body.includes('\\')) body += '\\d';
    out.push(body);
  }
  return out;
}

function ours(body: string, bytes: boolean): Answer {
  const warnings: string[] = [];
  const src = `'${body}'`;
  try {
    if (bytes) return { value: [...decodeBytesEscapes(src, 1, src.length - 1, (m) => warnings.push(m))], warnings };
    const value = decodeStrEscapes(src, 1, src.length - 1, (m) => warnings.push(m));
    // A JS string read by code point never shows a high surrogate before a
    // low one, so comparing code points also checks which shape was chosen.
    if (value instanceof PyStrCodePoints) {
      if (!hasSplitPair(value.codePoints)) throw new Error(`needless PyStrCodePoints for ${body}`);
      return { value: [...value.codePoints], warnings };
    }
    const codes: number[] = [];
    appendCodePoints(codes, value);
    return { value: codes, warnings };
  } catch (e) {
    if (e instanceof EscapeError) return { error: e.message, warnings };
    throw e;
  }
}

function hasSplitPair(codePoints: readonly number[]): boolean {
  for (let i = 1; i < codePoints.length; i++) {
    if (codePoints[i - 1]! >>> 10 === 0x36 && codePoints[i]! >>> 10 === 0x37) return true;
  }
  return false;
}

describe('escape decoding', () => {
  const strBodies = bodies(STR_PIECES, 3000, 7);
  const bytesBodies = bodies(BYTES_PIECES, 1500, 11);
  const items = [...strBodies.map((b) => ['', b]), ...bytesBodies.map((b) => ['b', b])];
  const answers = JSON.parse(
    execFileSync('python3', ['-c', ORACLE], { input: JSON.stringify(items), maxBuffer: 1 << 28 }).toString('utf8'),
  ) as Answer[];

  it('decodes str bodies as CPython', () => {
    let checked = 0;
    strBodies.forEach((body, i) => {
      const answer = answers[i]!;
      if (answer.skip !== undefined) return;
      checked++;
      expect({ body, ...ours(body, false) }).toEqual({ body, ...answer });
    });
    expect(checked).toBeGreaterThan(2000);
  });

  it('keeps escaped surrogate halves apart as CPython', () => {
    const split = strBodies.filter((body, i) => answers[i]!.value !== undefined && hasSplitPair(answers[i]!.value!));
    expect(split.length).toBeGreaterThan(20);
    const src = "'\\ud800\\udc02|\\ud800\\U00010002\\udc00|𐀂\\udc00|\\U0001d120'";
    const value = decodeStrEscapes(src, 1, src.length - 1, null);
    expect(value).toEqual(new PyStrCodePoints([0xd800, 0xdc02, 0x7c, 0xd800, 0x10002, 0xdc00, 0x7c, 0x10002, 0xdc00, 0x7c, 0x1d120]));
    const lone = "'\\udc00\\ud800|\\ud800𐀂|\\U0001d120\\udc00'";
    expect(decodeStrEscapes(lone, 1, lone.length - 1, null)).toBe('\udc00\ud800|\ud800𐀂|\u{1d120}\udc00');
  });

  it('decodes bytes bodies as CPython', () => {
    let checked = 0;
    bytesBodies.forEach((body, i) => {
      const answer = answers[strBodies.length + i]!;
      if (answer.skip !== undefined) return;
      checked++;
      expect({ body, ...ours(body, true) }).toEqual({ body, ...answer });
    });
    expect(checked).toBeGreaterThan(1000);
  });
});
