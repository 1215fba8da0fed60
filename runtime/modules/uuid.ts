/**
 * Python's `uuid` (CPython 3.11's Lib/uuid.py): the immutable UUID class
 * (hex/bytes/bytes_le/fields/int constructors, version override, every
 * derived property, ordering, hashing, pickling state), SafeUUID, the
 * NAMESPACE_* UUIDs and variant constants, uuid3/uuid5 over hashlib's md5
 * and sha1 (@noble/hashes), uuid4 from `crypto.getRandomValues`, and
 * uuid1 from the clock. uuid1 follows uuid.py's pure-Python path: there is
 * no libuuid, so its is_safe is SafeUUID.unknown, and getnode() has no
 * hardware address to read, so the node is uuid.py's fallback, a random
 * 48-bit number with the multicast bit set (chosen once per process).
 *
 * UUID's methods work with Python operations on `self.int`, as uuid.py
 * does, so odd arguments fail with CPython's errors.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { AssertionError, TypeError, ValueError } from '../builtins/exceptions.js';
import { PyBytes, PyTuple, intFromBigInt } from '../builtins/values.js';
import { PyDict } from '../builtins/dict.js';
import { NotImplemented } from '../builtins/notImplemented.js';
import { callMethod, getattr } from '../builtins/attributes.js';
import { call } from '../builtins/calls.js';
import { bytes as bytesBuiltin, hash, int as intBuiltin, len } from '../builtins/functions.js';
import { getitem, slice } from '../builtins/items.js';
import { isinstance, makeClass, type PyClass } from '../builtins/classes.js';
import { PyProperty } from '../builtins/classes/descriptors.js';
import { add, and_, eq, ge, gt, le, lshift, lt, mod, or_, rshift } from '../builtins/operators.js';
import { repr, str } from '../builtins/repr.js';
import { truthy } from '../builtins/truth.js';
import { Enum } from './enum.js';
import { md5, sha1 } from './hashlib.js';
import { getrandbits } from './random.js';
import { time_ns } from './time.js';
import { pyClass, pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './uuid.js';

export const __name__ = 'uuid';
loadedModules.$set('uuid', self);

const Q = 'uuid';

export { Enum };
export const int_ = intBuiltin;
export const bytes_ = bytesBuiltin;

export const RESERVED_NCS = 'reserved for NCS compatibility';
export const RFC_4122 = 'specified in RFC 4122';
export const RESERVED_MICROSOFT = 'reserved for Microsoft compatibility';
export const RESERVED_FUTURE = 'reserved for future definition';

export const SafeUUID = makeClass('SafeUUID', [Enum], (ns) => {
  ns['__module__'] = Q;
  ns['__qualname__'] = 'SafeUUID';
  ns['safe'] = 0;
  ns['unsafe'] = -1;
  ns['unknown'] = null;
});
const UNKNOWN = getattr(SafeUUID, 'unknown');

const I = (b: bigint): unknown => intFromBigInt(b);

type Obj = Record<string, unknown>;

/** `lo <= v < hi` with Python's comparisons (a str fails them as in CPython). */
function within(v: unknown, lo: unknown, hi: unknown, inclusive = false): boolean {
  return truthy(le(lo, v)) && truthy(inclusive ? le(v, hi) : lt(v, hi));
}

/** `b[4-1::-1] + b[6-1:4-1:-1] + b[8-1:6-1:-1] + b[8:]`: the first three fields' bytes reversed. */
function swapFields(b: unknown): unknown {
  const part = (start: number | null, stop: number | null, step: number | null): unknown => getitem(b, slice(start, stop, step));
  return add(add(add(part(3, null, -1), part(5, 3, -1)), part(7, 5, -1)), part(8, null, null));
}

const FIELD_ERRORS: readonly [bigint, string][] = [
  [1n << 32n, 'field 1 out of range (need a 32-bit value)'],
  [1n << 16n, 'field 2 out of range (need a 16-bit value)'],
  [1n << 16n, 'field 3 out of range (need a 16-bit value)'],
  [1n << 8n, 'field 4 out of range (need an 8-bit value)'],
  [1n << 8n, 'field 5 out of range (need an 8-bit value)'],
  [1n << 48n, 'field 6 out of range (need a 48-bit value)'],
];

function init(u: Obj, hex: unknown, bytes: unknown, bytesLe: unknown, fields: unknown, int: unknown, version: unknown, isSafe: unknown): null {
  if ([hex, bytes, bytesLe, fields, int].filter((v) => v === null).length !== 4) {
    throw new TypeError('one of the hex, bytes, bytes_le, fields, or int arguments must be given');
  }
  if (hex !== null) {
    hex = callMethod(callMethod(hex, 'replace', 'urn:', ''), 'replace', 'uuid:', '');
    hex = callMethod(callMethod(hex, 'strip', '{}'), 'replace', '-', '');
    if (len(hex) !== 32) throw new ValueError('badly formed hexadecimal UUID string');
    int = call(intBuiltin, [hex, 16], null);
  }
  if (bytesLe !== null) {
    if (len(bytesLe) !== 16) throw new ValueError('bytes_le is not a 16-char string');
    bytes = swapFields(bytesLe);
  }
  if (bytes !== null) {
    if (len(bytes) !== 16) throw new ValueError('bytes is not a 16-char string');
    if (!(bytes instanceof PyBytes)) throw new AssertionError(repr(bytes));
    int = callMethod(intBuiltin, 'from_bytes', bytes, 'big');
  }
  if (fields !== null) {
    if (len(fields) !== 6) throw new ValueError('fields is not a 6-tuple');
    const f = [...(fields instanceof PyTuple || Array.isArray(fields) ? fields : call(PyTuple, [fields], null) as PyTuple)];
    f.forEach((v, i) => {
      if (!within(v, 0, I(FIELD_ERRORS[i]![0]))) throw new ValueError(FIELD_ERRORS[i]![1]);
    });
    const [timeLow, timeMid, timeHiVersion, clockSeqHiVariant, clockSeqLow, node] = f;
    const clockSeq = or_(lshift(clockSeqHiVariant, 8), clockSeqLow);
    int = or_(or_(or_(or_(lshift(timeLow, 96), lshift(timeMid, 80)), lshift(timeHiVersion, 64)), lshift(clockSeq, 48)), node);
  }
  if (int !== null) {
    if (!within(int, 0, I(1n << 128n))) throw new ValueError('int is out of range (need a 128-bit value)');
  }
  if (version !== null) {
    if (!within(version, 1, 5, true)) throw new ValueError('illegal version number');
    int = and_(int, I(~(0xc000n << 48n)));
    int = or_(int, I(0x8000n << 48n));
    int = and_(int, I(~(0xf000n << 64n)));
    int = or_(int, lshift(version, 76));
  }
  // object.__setattr__: UUID's own __setattr__ refuses.
  u['int'] = int;
  u['is_safe'] = isSafe;
  return null;
}

const intOf = (u: unknown): unknown => getattr(u, 'int');
const hexOf = (u: unknown): string => mod('%032x', intOf(u)) as string;

/** The rich comparisons: on `self.int` between UUIDs, NotImplemented otherwise. */
function compare(name: string, op: (a: unknown, b: unknown) => unknown): (u: unknown, other: unknown) => unknown {
  return pyFunction('self, other', `UUID.${name}`, Q, (u: unknown, other: unknown) =>
    isinstance(other, UUID) ? op(intOf(u), intOf(other)) : NotImplemented);
}

function property(name: string, get: (u: unknown) => unknown): PyProperty {
  return new PyProperty(pyFunction('self', `UUID.${name}`, Q, get));
}

const field = (shift: number, mask: number | null) => (u: unknown): unknown => {
  const shifted = rshift(intOf(u), shift);
  return mask === null ? shifted : and_(shifted, mask);
};

export const UUID: PyClass = pyClass('UUID', Q, [], {
  __slots__: PyTuple.of('int', 'is_safe', '__weakref__'),
  __init__: pyFunction('self, hex=, bytes=, bytes_le=, fields=, int=, version=, *, is_safe=', 'UUID.__init__', Q,
    (u: Obj, hex: unknown = null, bytes: unknown = null, bytesLe: unknown = null, fields: unknown = null, int: unknown = null,
      version: unknown = null, isSafe: unknown = UNKNOWN) => init(u, hex, bytes, bytesLe, fields, int, version, isSafe)),
  __getstate__: pyFunction('self', 'UUID.__getstate__', Q, (u: unknown) => {
    const d = new PyDict<unknown, unknown>();
    d.$set('int', intOf(u));
    const isSafe = getattr(u, 'is_safe');
    if (truthy(callMethod(isSafe, '__ne__', UNKNOWN))) d.$set('is_safe', getattr(isSafe, 'value'));
    return d;
  }),
  __setstate__: pyFunction('self, state', 'UUID.__setstate__', Q, (u: Obj, state: unknown) => {
    u['int'] = getitem(state, 'int');
    u['is_safe'] = truthy(callMethod(state, '__contains__', 'is_safe')) ? call(SafeUUID, [getitem(state, 'is_safe')], null) : UNKNOWN;
    return null;
  }),
  __eq__: compare('__eq__', eq),
  __lt__: compare('__lt__', lt),
  __gt__: compare('__gt__', gt),
  __le__: compare('__le__', le),
  __ge__: compare('__ge__', ge),
  __hash__: pyFunction('self', 'UUID.__hash__', Q, (u: unknown) => hash(intOf(u))),
  __int__: pyFunction('self', 'UUID.__int__', Q, (u: unknown) => intOf(u)),
  __repr__: pyFunction('self', 'UUID.__repr__', Q, (u: unknown) =>
    `${str(getattr(getattr(u, '__class__'), '__name__'))}(${repr(str(u))})`),
  __setattr__: pyFunction('self, name, value', 'UUID.__setattr__', Q, () => {
    throw new TypeError('UUID objects are immutable');
  }),
  __str__: pyFunction('self', 'UUID.__str__', Q, (u: unknown) => {
    const h = hexOf(u);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }),
  bytes: property('bytes', (u) => callMethod(intOf(u), 'to_bytes', 16, 'big')),
  bytes_le: property('bytes_le', (u) => swapFields(getattr(u, 'bytes'))),
  fields: property('fields', (u) => PyTuple.fromArray(
    ['time_low', 'time_mid', 'time_hi_version', 'clock_seq_hi_variant', 'clock_seq_low', 'node'].map((n) => getattr(u, n)))),
  time_low: property('time_low', field(96, null)),
  time_mid: property('time_mid', field(80, 0xffff)),
  time_hi_version: property('time_hi_version', field(64, 0xffff)),
  clock_seq_hi_variant: property('clock_seq_hi_variant', field(56, 0xff)),
  clock_seq_low: property('clock_seq_low', field(48, 0xff)),
  time: property('time', (u) => or_(or_(lshift(and_(getattr(u, 'time_hi_version'), 0x0fff), 48), lshift(getattr(u, 'time_mid'), 32)),
    getattr(u, 'time_low'))),
  clock_seq: property('clock_seq', (u) => or_(lshift(and_(getattr(u, 'clock_seq_hi_variant'), 0x3f), 8), getattr(u, 'clock_seq_low'))),
  node: property('node', (u) => and_(intOf(u), I(0xffffffffffffn))),
  hex: property('hex', hexOf),
  urn: property('urn', (u) => 'urn:uuid:' + str(u)),
  variant: property('variant', (u) => {
    const int = intOf(u);
    if (!truthy(and_(int, I(0x8000n << 48n)))) return RESERVED_NCS;
    if (!truthy(and_(int, I(0x4000n << 48n)))) return RFC_4122;
    if (!truthy(and_(int, I(0x2000n << 48n)))) return RESERVED_MICROSOFT;
    return RESERVED_FUTURE;
  }),
  version: property('version', (u) => (getattr(u, 'variant') === RFC_4122 ? call(intBuiltin, [and_(rshift(intOf(u), 76), 0xf)], null) : null)),
});

const newUUID = (kw: Record<string, unknown>): unknown => call(UUID, [], kw);

/** 16 bytes from the system's entropy source (os.urandom). */
function urandom16(): PyBytes {
  const out = new Uint8Array(16);
  (globalThis as unknown as { crypto: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto.getRandomValues(out);
  return new PyBytes(out);
}

let node: unknown = null;

/** No hardware address to read here: uuid.py's `_random_getnode`, a random number with the multicast bit set. */
export const getnode = pyFunction('', 'getnode', Q, () => {
  if (node === null) node = or_(call(getrandbits, [48], null), I(1n << 40n));
  return node;
});

let lastTimestamp: bigint | null = null;

export const uuid1 = pyFunction('node=, clock_seq=', 'uuid1', Q, (nodeArg: unknown = null, clockSeq: unknown = null) => {
  let timestamp = BigInt(time_ns()) / 100n + 0x01b21dd213814000n;
  if (lastTimestamp !== null && timestamp <= lastTimestamp) timestamp = lastTimestamp + 1n;
  lastTimestamp = timestamp;
  if (clockSeq === null) clockSeq = call(getrandbits, [14], null);
  const fields = PyTuple.fromArray([
    I(timestamp & 0xffffffffn), I((timestamp >> 32n) & 0xffffn), I((timestamp >> 48n) & 0x0fffn),
    and_(rshift(clockSeq, 8), 0x3f), and_(clockSeq, 0xff), nodeArg === null ? call(getnode, [], null) : nodeArg,
  ]);
  // The tuple's order is uuid.py's: clock_seq_hi_variant before clock_seq_low.
  return newUUID({ fields, version: 1 });
});

/** `namespace.bytes + bytes(name, "utf-8")`. */
function nameBytes(namespace: unknown, name: unknown): unknown {
  return add(getattr(namespace, 'bytes'), call(bytesBuiltin, [name, 'utf-8'], null));
}

export const uuid3 = pyFunction('namespace, name', 'uuid3', Q, (namespace: unknown, name: unknown) => {
  const digest = callMethod(call(md5, [nameBytes(namespace, name)], { usedforsecurity: false }), 'digest');
  return newUUID({ bytes: getitem(digest, slice(null, 16)), version: 3 });
});

export const uuid4 = pyFunction('', 'uuid4', Q, () => newUUID({ bytes: urandom16(), version: 4 }));

export const uuid5 = pyFunction('namespace, name', 'uuid5', Q, (namespace: unknown, name: unknown) => {
  const digest = callMethod(call(sha1, [nameBytes(namespace, name)], null), 'digest');
  return newUUID({ bytes: getitem(digest, slice(null, 16)), version: 5 });
});

export const NAMESPACE_DNS = call(UUID, ['6ba7b810-9dad-11d1-80b4-00c04fd430c8'], null);
export const NAMESPACE_URL = call(UUID, ['6ba7b811-9dad-11d1-80b4-00c04fd430c8'], null);
export const NAMESPACE_OID = call(UUID, ['6ba7b812-9dad-11d1-80b4-00c04fd430c8'], null);
export const NAMESPACE_X500 = call(UUID, ['6ba7b814-9dad-11d1-80b4-00c04fd430c8'], null);

