/**
 * Python's `urllib.parse` (CPython 3.11.7's Lib/urllib/parse.py, function
 * for function): urlsplit/urlparse and their result named tuples (with
 * username, password, hostname, port and geturl), urlunsplit/urlunparse,
 * urljoin, urldefrag, quote/quote_plus/quote_from_bytes,
 * unquote/unquote_plus/unquote_to_bytes, urlencode, parse_qs/parse_qsl.
 * URLs are str: the bytes forms of the parsing functions (ParseResultBytes…)
 * are not provided; quote and unquote do take bytes.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { AttributeError, TypeError, ValueError } from '../builtins/exceptions.js';
import { PyBytes, PyTuple, typeName, unbox } from '../builtins/values.js';
import { PyByteArray } from '../builtins/bytearray.js';
import { PyDict } from '../builtins/dict.js';
import { call } from '../builtins/calls.js';
import { callMethod, getattr, hasattr } from '../builtins/attributes.js';
import { truthy } from '../builtins/truth.js';
import { repr, str } from '../builtins/repr.js';
import { len } from '../builtins/functions.js';
import { iterate } from '../builtins/iteration.js';
import { getitem } from '../builtins/items.js';
import { PyProperty } from '../builtins/classes/descriptors.js';
import type { PyClass } from '../builtins/classes.js';
import { encodeStr, decodeBytes } from '../builtins/str/codecs.js';
import { str_isalpha } from '../builtins/str/predicates.js';
import { namedtuple } from './support/collections/namedtuple.js';
import { pyClass, pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './urllib.parse.js';

export const __name__ = 'urllib.parse';
loadedModules.$set('urllib.parse', self);

const Q = 'urllib.parse';

export const uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https', 'shttp', 'mms', 'prospero', 'rtsp',
  'rtsps', 'rtspu', 'sftp', 'svn', 'svn+ssh', 'ws', 'wss'];
export const uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms', 'https', 'shttp', 'snews',
  'prospero', 'rtsp', 'rtsps', 'rtspu', 'rsync', 'svn', 'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh', 'ws', 'wss'];
export const uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp', 'rtsps', 'rtspu', 'sip', 'sips', 'mms',
  'sftp', 'tel'];
export const non_hierarchical = ['gopher', 'hdl', 'mailto', 'news', 'telnet', 'wais', 'imap', 'snews', 'sip', 'sips'];
export const uses_query = ['', 'http', 'wais', 'imap', 'https', 'shttp', 'mms', 'gopher', 'rtsp', 'rtsps', 'rtspu', 'sip', 'sips'];
export const uses_fragment = ['', 'ftp', 'hdl', 'http', 'gopher', 'news', 'nntp', 'wais', 'https', 'shttp', 'snews', 'file', 'prospero'];
export const scheme_chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.';

const C0_CONTROL_OR_SPACE = '\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ';

/** `_coerce_args` for str arguments: every non-empty argument must be a str like the first. */
function strArgs(args: unknown[]): string[] {
  const first = args[0];
  if (typeof first !== 'string') {
    if (unbox(first) instanceof PyBytes || first instanceof PyByteArray) {
      throw new TypeError('pyasync: urllib.parse does not parse bytes URLs; decode them first');
    }
    throw new AttributeError(`'${typeName(first)}' object has no attribute 'decode'`);
  }
  for (const arg of args.slice(1)) {
    if (truthy(arg) && typeof arg !== 'string') throw new TypeError('Cannot mix str and non-str arguments');
  }
  return args.map((a) => (typeof a === 'string' ? a : ''));
}

/** str.partition. */
function partition(s: string, sep: string): [string, string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, '', ''] : [s.slice(0, i), sep, s.slice(i + sep.length)];
}

function rpartition(s: string, sep: string): [string, string, string] {
  const i = s.lastIndexOf(sep);
  return i < 0 ? ['', '', s] : [s.slice(0, i), sep, s.slice(i + sep.length)];
}

const field = (t: unknown, i: number): string => (t as unknown[])[i] as string;

function userinfo(r: unknown): [string | null, string | null] {
  const netloc = getattr(r, 'netloc') as string;
  const [info, have] = rpartition(netloc, '@');
  if (!have) return [null, null];
  const [username, havePassword, password] = partition(info, ':');
  return [username, havePassword ? password : null];
}

function hostinfo(r: unknown): [string, string | null] {
  const netloc = getattr(r, 'netloc') as string;
  const host = rpartition(netloc, '@')[2];
  const [, open, bracketed] = partition(host, '[');
  let hostname: string;
  let port: string;
  if (open) {
    let rest: string;
    [hostname, , rest] = partition(bracketed, ']');
    port = partition(rest, ':')[2];
  } else {
    [hostname, , port] = partition(host, ':');
  }
  return [hostname, port || null];
}

/** The properties of _NetlocResultMixinStr. */
const NETLOC_MEMBERS = {
  username: new PyProperty(pyFunction('self', 'username', Q, (r: unknown) => userinfo(r)[0])),
  password: new PyProperty(pyFunction('self', 'password', Q, (r: unknown) => userinfo(r)[1])),
  hostname: new PyProperty(pyFunction('self', 'hostname', Q, (r: unknown) => {
    const hostname = hostinfo(r)[0];
    if (!hostname) return null;
    const [name, percent, zone] = partition(hostname, '%');
    return (callMethod(name, 'lower') as string) + percent + zone;
  })),
  port: new PyProperty(pyFunction('self', 'port', Q, (r: unknown) => {
    const port = hostinfo(r)[1];
    if (port === null) return null;
    if (!/^[0-9]+$/.test(port)) throw new ValueError(`Port could not be cast to integer value as ${repr(port)}`);
    const n = Number(port);
    if (!(n >= 0 && n <= 65535)) throw new ValueError('Port out of range 0-65535');
    return n;
  })),
};

const base = (name: string, fields: string): PyClass => call(namedtuple, [name, fields], { module: Q }) as PyClass;
const DefragBase = base('DefragResult', 'url fragment');
const SplitBase = base('SplitResult', 'scheme netloc path query fragment');
const ParseBase = base('ParseResult', 'scheme netloc path params query fragment');

export const DefragResult: PyClass = pyClass('DefragResult', Q, [DefragBase], {
  __slots__: PyTuple.of(),
  geturl: pyFunction('self', 'DefragResult.geturl', Q, (r: unknown) => {
    const fragment = field(r, 1);
    return fragment ? field(r, 0) + '#' + fragment : field(r, 0);
  }),
});

export const SplitResult: PyClass = pyClass('SplitResult', Q, [SplitBase], {
  __slots__: PyTuple.of(),
  ...NETLOC_MEMBERS,
  geturl: pyFunction('self', 'SplitResult.geturl', Q, (r: unknown) => unsplit([...iterate(r)])),
});

export const ParseResult: PyClass = pyClass('ParseResult', Q, [ParseBase], {
  __slots__: PyTuple.of(),
  ...NETLOC_MEMBERS,
  geturl: pyFunction('self', 'ParseResult.geturl', Q, (r: unknown) => unparse([...iterate(r)])),
});

const make = (cls: PyClass, values: string[]): unknown => call(cls, values, null);

function splitParams(url: string): [string, string] {
  let i: number;
  if (url.includes('/')) {
    i = url.indexOf(';', url.lastIndexOf('/'));
    if (i < 0) return [url, ''];
  } else {
    i = url.indexOf(';');
  }
  return [url.slice(0, i), url.slice(i + 1)];
}

function splitNetloc(url: string, start: number): [string, string] {
  let delim = url.length;
  for (const c of '/?#') {
    const w = url.indexOf(c, start);
    if (w >= 0) delim = Math.min(delim, w);
  }
  return [url.slice(start, delim), url.slice(delim)];
}

/** A netloc whose NFKC form gains URL delimiters is refused (CVE-2019-9636). */
function checkNetloc(netloc: string): void {
  if (!netloc || /^[\x00-\x7f]*$/.test(netloc)) return;
  const n = netloc.replace(/[@:#?]/g, '');
  const normalized = n.normalize('NFKC');
  if (n === normalized) return;
  for (const c of '/?#@:') {
    if (normalized.includes(c)) throw new ValueError(`netloc '${netloc}' contains invalid characters under NFKC normalization`);
  }
}

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255 && !(p.length > 1 && p[0] === '0'));
}

function isIPv6(s: string): boolean {
  const address = partition(s, '%')[0];
  let groups = address.split(':');
  const last = groups[groups.length - 1]!;
  let limit = 8;
  if (last.includes('.')) {
    if (!isIPv4(last)) return false;
    groups = groups.slice(0, -1);
    groups.push('0');
    limit = 7;
  }
  const hexGroup = (g: string): boolean => /^[0-9a-fA-F]{1,4}$/.test(g);
  const gap = address.indexOf('::');
  if (gap >= 0) {
    if (address.indexOf('::', gap + 1) >= 0) return false;
    const [head, tail] = [address.slice(0, gap), address.slice(gap + 2)];
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    if (t.length > 0 && t[t.length - 1]!.includes('.')) t.pop();
    return [...h, ...t].every(hexGroup) && h.length + t.length < limit;
  }
  return groups.length === 8 && groups.every(hexGroup) && limit >= 7;
}

function checkBracketedHost(hostname: string): void {
  if (hostname.startsWith('v')) {
    if (!/^v[a-fA-F0-9]+\..+$/s.test(hostname)) throw new ValueError('IPvFuture address is invalid');
    return;
  }
  if (isIPv4(hostname)) throw new ValueError('An IPv4 address cannot be in brackets');
  if (!isIPv6(hostname)) throw new ValueError(`${repr(hostname)} does not appear to be an IPv4 or IPv6 address`);
}

function lstripChars(s: string, chars: string): string {
  let i = 0;
  while (i < s.length && chars.includes(s[i]!)) i++;
  return s.slice(i);
}

function stripChars(s: string, chars: string): string {
  let j = s.length;
  while (j > 0 && chars.includes(s[j - 1]!)) j--;
  return lstripChars(s.slice(0, j), chars);
}

function splitUrl(urlArg: string, schemeArg: string, allowFragments: boolean): string[] {
  let url = lstripChars(urlArg, C0_CONTROL_OR_SPACE).replace(/[\t\r\n]/g, '');
  let scheme = stripChars(schemeArg, C0_CONTROL_OR_SPACE).replace(/[\t\r\n]/g, '');
  let netloc = '';
  let query = '';
  let fragment = '';
  const i = url.indexOf(':');
  if (i > 0 && url.charCodeAt(0) < 128 && str_isalpha(url[0]!)) {
    if ([...url.slice(0, i)].every((c) => scheme_chars.includes(c))) {
      scheme = url.slice(0, i).toLowerCase();
      url = url.slice(i + 1);
    }
  }
  if (url.slice(0, 2) === '//') {
    [netloc, url] = splitNetloc(url, 2);
    if ((netloc.includes('[') && !netloc.includes(']')) || (netloc.includes(']') && !netloc.includes('['))) {
      throw new ValueError('Invalid IPv6 URL');
    }
    if (netloc.includes('[') && netloc.includes(']')) checkBracketedHost(partition(partition(netloc, '[')[2], ']')[0]);
  }
  if (allowFragments && url.includes('#')) [url, , fragment] = partition(url, '#');
  if (url.includes('?')) [url, , query] = partition(url, '?');
  checkNetloc(netloc);
  return [scheme, netloc, url, query, fragment];
}

function parseUrl(url: string, scheme: string, allowFragments: boolean): string[] {
  const [s, netloc, path, query, fragment] = splitUrl(url, scheme, allowFragments) as [string, string, string, string, string];
  let u = path;
  let params = '';
  if (uses_params.includes(s) && u.includes(';')) [u, params] = splitParams(u);
  return [s, netloc, u, params, query, fragment];
}

function unsplit(components: unknown[]): string {
  const [scheme, netloc, u, query, fragment] = strArgs(components) as [string, string, string, string, string];
  let url = u;
  if (netloc || (scheme && uses_netloc.includes(scheme) && url.slice(0, 2) !== '//')) {
    if (url && url[0] !== '/') url = '/' + url;
    url = '//' + netloc + url;
  }
  if (scheme) url = scheme + ':' + url;
  if (query) url = url + '?' + query;
  if (fragment) url = url + '#' + fragment;
  return url;
}

function unparse(components: unknown[]): string {
  const [scheme, netloc, u, params, query, fragment] = strArgs(components) as [string, string, string, string, string, string];
  const url = params ? `${u};${params}` : u;
  return unsplit([scheme, netloc, url, query, fragment]);
}

/** The components, unpacked as CPython does with `_coerce_args` (which adds one value: its messages count it). */
function unpacked(components: unknown, n: number): unknown[] {
  const items = [...iterate(components)];
  if (items.length !== n) {
    throw new ValueError(items.length > n ? `too many values to unpack (expected ${n + 1})` : `not enough values to unpack (expected ${n + 1}, got ${items.length + 1})`);
  }
  return items;
}

export const urlsplit = pyFunction('url, scheme=, allow_fragments=', 'urlsplit', Q,
  (url: unknown, scheme: unknown = '', allowFragments: unknown = true) => {
    const [u, s] = strArgs([url, scheme]) as [string, string];
    return make(SplitResult, splitUrl(u, s, truthy(allowFragments)));
  });

export const urlparse = pyFunction('url, scheme=, allow_fragments=', 'urlparse', Q,
  (url: unknown, scheme: unknown = '', allowFragments: unknown = true) => {
    const [u, s] = strArgs([url, scheme]) as [string, string];
    return make(ParseResult, parseUrl(u, s, truthy(allowFragments)));
  });

export const urlunsplit = pyFunction('components', 'urlunsplit', Q, (components: unknown) => unsplit(unpacked(components, 5)));

export const urlunparse = pyFunction('components', 'urlunparse', Q, (components: unknown) => unparse(unpacked(components, 6)));

export const urljoin = pyFunction('base, url, allow_fragments=', 'urljoin', Q, (baseArg: unknown, urlArg: unknown, allowFragments: unknown = true) => {
  if (!truthy(baseArg)) return urlArg;
  if (!truthy(urlArg)) return baseArg;
  const [base, url] = strArgs([baseArg, urlArg]) as [string, string];
  const allow = truthy(allowFragments);
  const [bscheme, bnetloc, bpath, bparams, bquery] = parseUrl(base, '', allow) as [string, string, string, string, string];
  let [scheme, netloc, path, params, query, fragment] = parseUrl(url, bscheme, allow) as [string, string, string, string, string, string];
  if (scheme !== bscheme || !uses_relative.includes(scheme)) return url;
  if (uses_netloc.includes(scheme)) {
    if (netloc) return unparse([scheme, netloc, path, params, query, fragment]);
    netloc = bnetloc;
  }
  if (!path && !params) {
    path = bpath;
    params = bparams;
    if (!query) query = bquery;
    return unparse([scheme, netloc, path, params, query, fragment]);
  }
  const baseParts = bpath.split('/');
  if (baseParts[baseParts.length - 1] !== '') baseParts.pop();
  let segments: string[];
  if (path[0] === '/') {
    segments = path.split('/');
  } else {
    segments = [...baseParts, ...path.split('/')];
    // Empty segments between the first and the last are dropped.
    if (segments.length > 2) segments = [segments[0]!, ...segments.slice(1, -1).filter((s) => s), segments[segments.length - 1]!];
  }
  const resolved: string[] = [];
  for (const seg of segments) {
    if (seg === '..') resolved.pop();
    else if (seg !== '.') resolved.push(seg);
  }
  const lastSeg = segments[segments.length - 1];
  if (lastSeg === '.' || lastSeg === '..') resolved.push('');
  return unparse([scheme, netloc, resolved.join('/') || '/', params, query, fragment]);
});

export const urldefrag = pyFunction('url', 'urldefrag', Q, (urlArg: unknown) => {
  const [url] = strArgs([urlArg]) as [string];
  if (url.includes('#')) {
    const [s, n, p, a, q] = parseUrl(url, '', true) as [string, string, string, string, string, string];
    const frag = parseUrl(url, '', true)[5]!;
    return make(DefragResult, [unparse([s, n, p, a, q, '']), frag]);
  }
  return make(DefragResult, [url, '']);
});

const HEX = /^[0-9A-Fa-f]{2}$/;

/** unquote_to_bytes of a str or bytes. */
function unquoteBytes(string: unknown): Uint8Array {
  let data: Uint8Array;
  const s = unbox(string);
  if (typeof s === 'string') {
    if (s === '') return new Uint8Array(0);
    data = encodeStr(s, 'utf-8', 'strict');
  } else if (s instanceof PyBytes) {
    data = s.bytes;
  } else if (s instanceof PyByteArray) {
    data = s.view.slice();
  } else {
    if (!truthy(string)) {
      getattr(string, 'split');
      return new Uint8Array(0);
    }
    throw new AttributeError(`'${typeName(string)}' object has no attribute 'split'`);
  }
  const out: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const b = data[i]!;
    if (b === 0x25 && i + 2 < data.length + 0 && HEX.test(String.fromCharCode(data[i + 1]!, data[i + 2]!))) {
      out.push(parseInt(String.fromCharCode(data[i + 1]!, data[i + 2]!), 16));
      i += 2;
    } else {
      out.push(b);
    }
  }
  return Uint8Array.from(out);
}

export const unquote_to_bytes = pyFunction('string', 'unquote_to_bytes', Q, (string: unknown) => new PyBytes(unquoteBytes(string)));

function unquoteText(string: unknown, encoding: unknown, errors: unknown): string {
  const s = unbox(string);
  const enc = encoding === null || encoding === undefined ? 'utf-8' : str(encoding);
  const err = errors === null || errors === undefined ? 'replace' : str(errors);
  if (s instanceof PyBytes) return decodeBytes(unquoteBytes(s), enc, err);
  if (typeof s !== 'string') {
    if (s instanceof PyByteArray || !hasattr(s, '__contains__')) throw new TypeError(`argument of type '${typeName(s)}' is not iterable`);
    throw new AttributeError(`'${typeName(s)}' object has no attribute 'split'`);
  }
  if (!s.includes('%')) return s;
  // Only the runs of ASCII characters hold escapes; the rest stays as it is.
  return s.replace(/[\x00-\x7f]+/g, (run) => decodeBytes(unquoteBytes(run), enc, err));
}

export const unquote = pyFunction('string, encoding=, errors=', 'unquote', Q, (string: unknown, encoding: unknown = 'utf-8', errors: unknown = 'replace') =>
  unquoteText(string, encoding, errors));

export const unquote_plus = pyFunction('string, encoding=, errors=', 'unquote_plus', Q,
  (string: unknown, encoding: unknown = 'utf-8', errors: unknown = 'replace') => {
    if (typeof string !== 'string') throw new AttributeError(`'${typeName(string)}' object has no attribute 'replace'`);
    return unquoteText(string.replace(/\+/g, ' '), encoding, errors);
  });

const ALWAYS_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~';

function bytesOf(v: unknown): Uint8Array | null {
  const b = unbox(v);
  if (b instanceof PyBytes) return b.bytes;
  if (b instanceof PyByteArray) return b.view.slice();
  return null;
}

function quoteBytes(bs: unknown, safe: unknown): string {
  const data = bytesOf(bs);
  if (data === null) throw new TypeError('quote_from_bytes() expected bytes');
  if (data.length === 0) return '';
  let safeSet: Set<number>;
  if (typeof safe === 'string') {
    safeSet = new Set([...safe].filter((c) => c.charCodeAt(0) < 128).map((c) => c.charCodeAt(0)));
  } else {
    safeSet = new Set([...iterate(safe)].map((c) => Number(c)).filter((c) => c < 128));
  }
  let out = '';
  for (const b of data) {
    const c = String.fromCharCode(b);
    out += b < 128 && (ALWAYS_SAFE.includes(c) || safeSet.has(b)) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

export const quote_from_bytes = pyFunction('bs, safe=', 'quote_from_bytes', Q, (bs: unknown, safe: unknown = '/') => quoteBytes(bs, safe));

function quoteText(string: unknown, safe: unknown, encoding: unknown, errors: unknown): string {
  if (typeof string === 'string') {
    if (!string) return string;
    const enc = encoding === null || encoding === undefined ? 'utf-8' : str(encoding);
    const err = errors === null || errors === undefined ? 'strict' : str(errors);
    return quoteBytes(new PyBytes(encodeStr(string, enc, err)), safe);
  }
  if (encoding !== null && encoding !== undefined) throw new TypeError("quote() doesn't support 'encoding' for bytes");
  if (errors !== null && errors !== undefined) throw new TypeError("quote() doesn't support 'errors' for bytes");
  return quoteBytes(string, safe);
}

export const quote = pyFunction('string, safe=, encoding=, errors=', 'quote', Q,
  (string: unknown, safe: unknown = '/', encoding: unknown = null, errors: unknown = null) => quoteText(string, safe, encoding, errors));

export const quote_plus = pyFunction('string, safe=, encoding=, errors=', 'quote_plus', Q,
  (string: unknown, safe: unknown = '', encoding: unknown = null, errors: unknown = null) => {
    const data = bytesOf(string);
    if ((typeof string === 'string' && !string.includes(' ')) || (data !== null && !data.includes(0x20))) {
      return quoteText(string, safe, encoding, errors);
    }
    const withSpace = typeof safe === 'string' ? safe + ' ' : new PyBytes(Uint8Array.from([...(bytesOf(safe) ?? []), 0x20]));
    return quoteText(string, withSpace, encoding, errors).replace(/ /g, '+');
  });

export const urlencode = pyFunction('query, doseq=, safe=, encoding=, errors=, quote_via=', 'urlencode', Q,
  (query: unknown, doseq: unknown = false, safe: unknown = '', encoding: unknown = null, errors: unknown = null, quoteVia: unknown = quote_plus) => {
    let pairs: unknown;
    if (hasattr(query, 'items')) {
      pairs = callMethod(query, 'items');
    } else {
      let ok: boolean;
      try {
        ok = !(truthy(len(query)) && !(getitem(query, 0) instanceof PyTuple));
      } catch (e) {
        if (!(e instanceof TypeError || e instanceof AttributeError)) throw e;
        ok = false;
      }
      if (!ok) throw new TypeError('not a valid non-string sequence or mapping object');
      pairs = query;
    }
    const quoteOne = (v: unknown): string => {
      if (bytesOf(v) !== null && !(v instanceof PyByteArray)) return call(quoteVia, [v, safe], null) as string;
      return call(quoteVia, [str(v), safe, encoding, errors], null) as string;
    };
    const parts: string[] = [];
    for (const pair of iterate(pairs)) {
      const [k, v] = [...iterate(pair)];
      const key = quoteOne(k);
      if (!truthy(doseq) || typeof v === 'string' || unbox(v) instanceof PyBytes) {
        parts.push(key + '=' + quoteOne(v));
        continue;
      }
      let sequence = true;
      try {
        len(v);
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        sequence = false;
      }
      if (!sequence) parts.push(key + '=' + quoteOne(v));
      else for (const elt of iterate(v)) parts.push(key + '=' + quoteOne(elt));
    }
    return parts.join('&');
  });

function parsePairs(qsArg: unknown, keepBlank: boolean, strict: boolean, encoding: unknown, errors: unknown, maxFields: unknown,
  separatorArg: unknown): PyTuple[] {
  const [qs] = strArgs([qsArg]) as [string];
  if (!truthy(separatorArg) || typeof separatorArg !== 'string') throw new ValueError('Separator must be of type string or bytes.');
  const separator = separatorArg;
  if (maxFields !== null && maxFields !== undefined) {
    const numFields = qs ? qs.split(separator).length : 0;
    if (Number(maxFields) < numFields) throw new ValueError('Max number of fields exceeded');
  }
  const r: PyTuple[] = [];
  for (const nameValue of qs ? qs.split(separator) : []) {
    if (!nameValue && !strict) continue;
    const eq = nameValue.indexOf('=');
    const nv = eq < 0 ? [nameValue] : [nameValue.slice(0, eq), nameValue.slice(eq + 1)];
    if (nv.length !== 2) {
      if (strict) throw new ValueError(`bad query field: ${repr(nameValue)}`);
      if (keepBlank) nv.push('');
      else continue;
    }
    if (nv[1]!.length > 0 || keepBlank) {
      const name = unquoteText(nv[0]!.replace(/\+/g, ' '), encoding, errors);
      const value = unquoteText(nv[1]!.replace(/\+/g, ' '), encoding, errors);
      r.push(PyTuple.of(name, value));
    }
  }
  return r;
}

const QS_SPEC = 'qs, keep_blank_values=, strict_parsing=, encoding=, errors=, max_num_fields=, separator=';

export const parse_qsl = pyFunction(QS_SPEC, 'parse_qsl', Q,
  (qs: unknown, keepBlank: unknown = false, strict: unknown = false, encoding: unknown = 'utf-8', errors: unknown = 'replace',
    maxFields: unknown = null, separator: unknown = '&') =>
    parsePairs(qs, truthy(keepBlank), truthy(strict), encoding, errors, maxFields, separator));

export const parse_qs = pyFunction(QS_SPEC, 'parse_qs', Q,
  (qs: unknown, keepBlank: unknown = false, strict: unknown = false, encoding: unknown = 'utf-8', errors: unknown = 'replace',
    maxFields: unknown = null, separator: unknown = '&') => {
    const result = new PyDict<unknown, unknown[]>();
    for (const [name, value] of parsePairs(qs, truthy(keepBlank), truthy(strict), encoding, errors, maxFields, separator)) {
      const list = result.$get(name);
      if (list !== undefined) list.push(value);
      else result.$set(name, [value]);
    }
    return result;
  });
