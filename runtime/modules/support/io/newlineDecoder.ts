/**
 * io.IncrementalNewlineDecoder(decoder, translate, errors='strict'): wraps
 * an incremental decoder (or None, for str input) and translates '\r\n' and
 * '\r' to '\n' when `translate` is true, holding back a final '\r' until it
 * knows whether a '\n' follows; `newlines` names the kinds seen. Also
 * io.text_encoding().
 */
import { TypeError } from '../../../builtins/exceptions.js';
import { PyBytes, PyTuple, TYPE_NAME, typeName } from '../../../builtins/values.js';
import { callMethod } from '../../../builtins/attributes.js';
import { def } from '../../../builtins/calls.js';
import { truthy } from '../../../builtins/truth.js';
import { unpackKeywords, type ClinicSignature } from '../../../builtins/arity.js';
import { NATIVE_REINIT, isKeywordObject } from '../../../builtins/classes/nativeInit.js';
import { madeBare } from '../../../builtins/ioBases.js';
import { iterate } from '../../../builtins/iteration.js';

const SEEN_LF = 1;
const SEEN_CR = 2;
const SEEN_CRLF = 4;
const NEWLINES: readonly unknown[] = [
  null, '\n', '\r', PyTuple.fromArray(['\r', '\n']), '\r\n', PyTuple.fromArray(['\n', '\r\n']), PyTuple.fromArray(['\r', '\r\n']),
  PyTuple.fromArray(['\r', '\n', '\r\n']),
];

const SIGNATURE: ClinicSignature = { name: 'IncrementalNewlineDecoder', params: ['decoder', 'translate', 'errors'], posonly: 0, minpos: 2, maxpos: 3 };
const DECODE_SIGNATURE: ClinicSignature = { name: 'decode', params: ['input', 'final'], posonly: 0, minpos: 1, maxpos: 2 };

function count(s: string, sub: string): number {
  let n = 0;
  for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

export class IncrementalNewlineDecoder {
  static readonly __name__ = 'IncrementalNewlineDecoder';
  static readonly [TYPE_NAME] = '_io.IncrementalNewlineDecoder';
  static readonly __module__ = '_io';
  static $kw(this: new (...args: unknown[]) => IncrementalNewlineDecoder, args: unknown[], kwargs: Record<string, unknown>): IncrementalNewlineDecoder {
    return new this(...args, kwargs);
  }
  #decoder: unknown = null;
  #translate = false;
  #seen = 0;
  #pendingCr = false;
  errors: unknown = 'strict';

  constructor(...args: unknown[]) {
    if (!madeBare(new.target, args)) this.#init(args);
  }

  [NATIVE_REINIT](...args: unknown[]): void {
    this.#init(args);
  }

  #init(args: unknown[]): void {
    const kw = args.length > 0 && isKeywordObject(args[args.length - 1]) ? (args[args.length - 1] as Record<string, unknown>) : null;
    const [decoder, translate, errors] = unpackKeywords(SIGNATURE, kw === null ? args : args.slice(0, -1), kw);
    this.#decoder = decoder ?? null;
    this.#translate = truthy(translate);
    this.errors = errors ?? 'strict';
    this.#seen = 0;
    this.#pendingCr = false;
  }

  decode(...args: unknown[]): string {
    const kw = args.length > 0 && isKeywordObject(args[args.length - 1]) ? (args[args.length - 1] as Record<string, unknown>) : null;
    const [input, finalArg] = unpackKeywords(DECODE_SIGNATURE, kw === null ? args : args.slice(0, -1), kw);
    const final = finalArg === undefined ? false : truthy(finalArg);
    const decoded = this.#decoder === null ? input : callMethod(this.#decoder, 'decode', input, final);
    if (typeof decoded !== 'string') throw new TypeError(`decoder should return a string result, not '${typeName(decoded)}'`);
    let output = decoded;
    if (this.#pendingCr && (output !== '' || final)) {
      output = '\r' + output;
      this.#pendingCr = false;
    }
    // A final '\r' waits for the next input: with a '\n' after it, it is one '\r\n'.
    if (output.endsWith('\r') && !final) {
      output = output.slice(0, -1);
      this.#pendingCr = true;
    }
    const crlf = count(output, '\r\n');
    const cr = count(output, '\r') - crlf;
    const lf = count(output, '\n') - crlf;
    this.#seen |= (lf > 0 ? SEEN_LF : 0) | (cr > 0 ? SEEN_CR : 0) | (crlf > 0 ? SEEN_CRLF : 0);
    if (this.#translate) {
      if (crlf > 0) output = output.replaceAll('\r\n', '\n');
      if (cr > 0) output = output.replaceAll('\r', '\n');
    }
    return output;
  }

  getstate(): PyTuple {
    let buffer: unknown = new PyBytes(new Uint8Array(0));
    let flag = 0;
    if (this.#decoder !== null) {
      const [b, f] = [...iterate(callMethod(this.#decoder, 'getstate'))];
      buffer = b;
      flag = Number(f);
    }
    flag = flag * 2 + (this.#pendingCr ? 1 : 0);
    return PyTuple.fromArray([buffer, flag]);
  }

  setstate(state: unknown): null {
    const [buffer, flagValue] = [...iterate(state)];
    const flag = Number(flagValue);
    this.#pendingCr = (flag & 1) === 1;
    if (this.#decoder !== null) callMethod(this.#decoder, 'setstate', PyTuple.fromArray([buffer, Math.floor(flag / 2)]));
    return null;
  }

  reset(): null {
    this.#seen = 0;
    this.#pendingCr = false;
    if (this.#decoder !== null) callMethod(this.#decoder, 'reset');
    return null;
  }

  /** The newline kinds seen: None, one of them, or a tuple of several. */
  get newlines(): unknown {
    return NEWLINES[this.#seen];
  }
}

/** io.text_encoding(encoding, stacklevel=2, /): the encoding, or 'locale' for None (CPython outside UTF-8 mode). */
export const text_encoding = def(function text_encoding(encoding: unknown, stacklevel: unknown = 2): unknown {
  void stacklevel;
  return encoding === null ? 'locale' : encoding;
}, 'encoding, stacklevel=, /', 'text_encoding', 'io');
