/**
 * The special methods of range, slice, memoryview and bytearray read by
 * name (`range(5).__len__()`, `ba.__iadd__(b)`) where their runtime classes
 * have no JS method of that name: each stands for its operator. As CPython's
 * slots do, a comparison with an operand the type does not compare with
 * answers NotImplemented, and a type without a hash has `__hash__` None.
 */
import { NotImplemented } from './notImplemented.js';
import { PyRange } from './range.js';
import { PySlice } from './items.js';
import { PyByteArray } from './bytearray.js';
import { PyMemoryView } from './memoryview/view.js';
import { add, eq, ge, gt, iadd, imul, in_, le, lt, mod, mul, ne } from './operators.js';
import { delitem, getitem, setitem } from './items.js';
import { pyIter } from './iteration.js';
import { reversed } from './reversed.js';
import { truthy } from './truth.js';
import { pyHash } from './equality.js';
import { isBytesLike } from './buffer.js';
import { pyIndex } from './numbers/index.js';
import { byteArraySize } from './sizes.js';

type Dunder = (self: never, ...args: never[]) => unknown;
type Compare = (a: unknown, b: unknown) => unknown;

const COMPARISONS: [string, Compare][] = [['__eq__', eq], ['__ne__', ne], ['__lt__', lt], ['__le__', le], ['__gt__', gt], ['__ge__', ge]];

/** The six comparisons, for operands `accepts` takes (the order ones only when `ordered`). */
function comparisons(accepts: (v: unknown) => boolean, ordered: boolean): Record<string, Dunder> {
  const out: Record<string, Dunder> = {};
  for (const [name, op] of COMPARISONS) {
    const equality = name === '__eq__' || name === '__ne__';
    out[name] = ((a: unknown, b: unknown) => ((equality || ordered) && accepts(b) ? op(a, b) : NotImplemented)) as Dunder;
  }
  return out;
}

function lengthOf(v: PyRange | PyByteArray | PyMemoryView): unknown {
  return v instanceof PyRange ? v.pyLen() : v instanceof PyByteArray ? v.size : v.__len__();
}

const sized = {
  __len__: lengthOf as Dunder,
  __iter__: ((v: unknown) => pyIter(v)) as Dunder,
  __getitem__: ((v: unknown, k: unknown) => getitem(v, k)) as Dunder,
};

/** `null` is a `__hash__` of None: the type's instances are unhashable. */
const TABLES = new Map<Function, Record<string, Dunder | null>>([
  [PyRange, {
    ...comparisons((v) => v instanceof PyRange, false), ...sized,
    __hash__: ((v: unknown) => pyHash(v)) as Dunder,
    __contains__: ((v: unknown, x: unknown) => in_(x, v)) as Dunder,
    __reversed__: ((v: unknown) => reversed(v)) as Dunder,
    __bool__: ((v: unknown) => truthy(v)) as Dunder,
  }],
  [PySlice, { ...comparisons((v) => v instanceof PySlice, true), __hash__: null }],
  [PyMemoryView, { ...comparisons(isBytesLike, false), __hash__: ((v: unknown) => pyHash(v)) as Dunder }],
  [PyByteArray, {
    ...comparisons(isBytesLike, true), ...sized,
    __hash__: null,
    __setitem__: ((v: unknown, k: unknown, x: unknown) => (setitem(v, k, x), null)) as Dunder,
    __delitem__: ((v: unknown, k: unknown) => (delitem(v, k), null)) as Dunder,
    __contains__: ((v: unknown, x: unknown) => in_(x, v)) as Dunder,
    __add__: ((v: unknown, x: unknown) => add(v, x)) as Dunder,
    __mul__: ((v: unknown, n: unknown) => mul(v, pyIndex(n))) as Dunder,
    __rmul__: ((v: unknown, n: unknown) => mul(v, pyIndex(n))) as Dunder,
    __mod__: ((v: unknown, x: unknown) => mod(v, x)) as Dunder,
    __iadd__: ((v: unknown, x: unknown) => iadd(v, x)) as Dunder,
    __imul__: ((v: unknown, n: unknown) => imul(v, pyIndex(n))) as Dunder,
    __sizeof__: ((v: PyByteArray) => byteArraySize(v, v.size)) as Dunder,
  }],
]);

/** The special method `name` of a runtime builtin value standing for an operator, `null` for a `__hash__` of None, else undefined. */
export function runtimeDunder(obj: object, name: string): Dunder | null | undefined {
  const table = TABLES.get(obj instanceof PyRange ? PyRange : obj.constructor);
  return table === undefined ? undefined : table[name];
}
