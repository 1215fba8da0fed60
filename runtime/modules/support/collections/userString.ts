/**
 * collections.UserString, a Sequence over a str in `data`, as CPython
 * writes it in Python: most str methods are delegated to `data`, those that
 * make a string answer an instance of the same class, and another
 * UserString given as the argument of some of them (`find`, `replace`,
 * comparisons, `in`) stands for its data — exactly where CPython's does.
 */
import { PyTuple } from '../../../builtins/values.js';
import { PyStaticMethod, isinstance, type PyClass } from '../../../builtins/classes.js';
import { call } from '../../../builtins/calls.js';
import { PyDict } from '../../../builtins/dict.js';
import { callMethod, callMethodKw, getattr, setattr } from '../../../builtins/attributes.js';
import { getitem } from '../../../builtins/items.js';
import { add, in_, mul, mod, eq, ge, gt, le, lt } from '../../../builtins/operators.js';
import { repr } from '../../../builtins/repr.js';
import { complex, float, hash, int, len, str } from '../../../builtins/functions.js';
import { type } from '../../../builtins/types.js';
import { maxsize } from '../../sys.js';
import { Sequence } from '../../collections.abc.js';
import { pyClass, pyFunction } from '../pydef.js';

const Q = 'collections';
type Obj = Record<string, unknown>;

function dataOf(self: unknown): unknown {
  return getattr(self, 'data');
}

/** Another UserString's data, else the value itself (CPython's `if isinstance(x, UserString): x = x.data`). */
function unwrap(v: unknown): unknown {
  return isinstance(v, UserString) ? dataOf(v) : v;
}

function sameClass(self: unknown, data: unknown): unknown {
  return call(type(self), [data], null);
}

function compare(op: (a: unknown, b: unknown) => unknown, name: string): unknown {
  return pyFunction('self, string', `UserString.${name}`, Q, (self: Obj, other: unknown) => op(dataOf(self), unwrap(other)));
}

/**
 * A delegated method: `spec` its parameters after self, `defaults` the
 * values CPython's signature gives the missing ones, `unwrapped` the
 * positions of arguments a UserString stands for, `wrap` whether the result
 * is made an instance of the class.
 */
interface Delegate {
  readonly spec: string;
  readonly defaults?: readonly unknown[];
  readonly unwrapped?: readonly number[];
  readonly wrap: boolean;
}

const RANGE = { defaults: [undefined, 0, maxsize] };
const SEARCH: Delegate = { spec: 'sub, start=, end=', ...RANGE, wrap: false };
const SEARCH_DATA: Delegate = { ...SEARCH, unwrapped: [0] };
const WRAP0: Delegate = { spec: '', wrap: true };
const TEST: Delegate = { spec: '', wrap: false };
const PAD: Delegate = { spec: 'width, *args', wrap: true };
const STRIP: Delegate = { spec: 'chars=', defaults: [null], wrap: true };
const SPLIT: Delegate = { spec: 'sep=, maxsplit=', defaults: [null, -1], wrap: false };

const DELEGATES: Record<string, Delegate> = {
  capitalize: WRAP0,
  casefold: WRAP0,
  center: PAD,
  count: SEARCH_DATA,
  removeprefix: { spec: 'prefix, /', unwrapped: [0], wrap: true },
  removesuffix: { spec: 'suffix, /', unwrapped: [0], wrap: true },
  endswith: { spec: 'suffix, start=, end=', ...RANGE, wrap: false },
  expandtabs: { spec: 'tabsize=', defaults: [8], wrap: true },
  find: SEARCH_DATA,
  format_map: { spec: 'mapping', wrap: false },
  index: SEARCH,
  isalpha: TEST,
  isalnum: TEST,
  isascii: TEST,
  isdecimal: TEST,
  isdigit: TEST,
  isidentifier: TEST,
  islower: TEST,
  isnumeric: TEST,
  isprintable: TEST,
  isspace: TEST,
  istitle: TEST,
  isupper: TEST,
  join: { spec: 'seq', wrap: false },
  ljust: PAD,
  lower: WRAP0,
  lstrip: STRIP,
  partition: { spec: 'sep', wrap: false },
  replace: { spec: 'old, new, maxsplit=', defaults: [undefined, undefined, -1], unwrapped: [0, 1], wrap: true },
  rfind: SEARCH_DATA,
  rindex: SEARCH,
  rjust: PAD,
  rpartition: { spec: 'sep', wrap: false },
  rstrip: STRIP,
  split: SPLIT,
  rsplit: SPLIT,
  splitlines: { spec: 'keepends=', defaults: [false], wrap: false },
  startswith: { spec: 'prefix, start=, end=', ...RANGE, wrap: false },
  strip: STRIP,
  swapcase: WRAP0,
  title: WRAP0,
  translate: { spec: '*args', wrap: true },
  upper: WRAP0,
  zfill: { spec: 'width', wrap: true },
};

function delegate(name: string, d: Delegate): unknown {
  const spec = d.spec === '' ? 'self' : `self, ${d.spec}`;
  const star = d.spec.includes('*args');
  return pyFunction(spec, `UserString.${name}`, Q, (self: Obj, ...given: unknown[]) => {
    // `*args` arrives as one tuple, passed on spread.
    const args = star ? [...given.slice(0, -1), ...(given[given.length - 1] as PyTuple)] : given.map((v, i) => v ?? d.defaults?.[i]);
    for (const i of d.unwrapped ?? []) args[i] = unwrap(args[i]);
    const result = callMethod(dataOf(self), name, ...args);
    return d.wrap ? sameClass(self, result) : result;
  });
}

const delegated: Record<string, unknown> = {};
for (const [name, d] of Object.entries(DELEGATES)) delegated[name] = delegate(name, d);

export const UserString: PyClass = pyClass('UserString', Q, [Sequence], {
  __init__: pyFunction('self, seq', 'UserString.__init__', Q, (self: Obj, seq: unknown) => {
    if (typeof seq === 'string') setattr(self, 'data', seq);
    else if (isinstance(seq, UserString)) setattr(self, 'data', dataOf(seq));
    else setattr(self, 'data', str(seq));
    return null;
  }),
  __str__: pyFunction('self', 'UserString.__str__', Q, (self: Obj) => str(dataOf(self))),
  __repr__: pyFunction('self', 'UserString.__repr__', Q, (self: Obj) => repr(dataOf(self))),
  __int__: pyFunction('self', 'UserString.__int__', Q, (self: Obj) => int(dataOf(self))),
  __float__: pyFunction('self', 'UserString.__float__', Q, (self: Obj) => float(dataOf(self))),
  __complex__: pyFunction('self', 'UserString.__complex__', Q, (self: Obj) => call(complex, [dataOf(self)], null)),
  __hash__: pyFunction('self', 'UserString.__hash__', Q, (self: Obj) => hash(dataOf(self))),
  __getnewargs__: pyFunction('self', 'UserString.__getnewargs__', Q, (self: Obj) => PyTuple.fromArray([dataOf(self)])),
  __eq__: compare(eq, '__eq__'),
  __lt__: compare(lt, '__lt__'),
  __le__: compare(le, '__le__'),
  __gt__: compare(gt, '__gt__'),
  __ge__: compare(ge, '__ge__'),
  __contains__: pyFunction('self, char', 'UserString.__contains__', Q, (self: Obj, char: unknown) => in_(unwrap(char), dataOf(self))),
  __len__: pyFunction('self', 'UserString.__len__', Q, (self: Obj) => len(dataOf(self))),
  __getitem__: pyFunction('self, index', 'UserString.__getitem__', Q, (self: Obj, index: unknown) => sameClass(self, getitem(dataOf(self), index))),
  __add__: pyFunction('self, other', 'UserString.__add__', Q, (self: Obj, other: unknown) =>
    sameClass(self, add(dataOf(self), isinstance(other, UserString) ? dataOf(other) : typeof other === 'string' ? other : str(other)))),
  __radd__: pyFunction('self, other', 'UserString.__radd__', Q, (self: Obj, other: unknown) =>
    sameClass(self, add(typeof other === 'string' ? other : str(other), dataOf(self)))),
  __mul__: pyFunction('self, n', 'UserString.__mul__', Q, (self: Obj, n: unknown) => sameClass(self, mul(dataOf(self), n))),
  __rmul__: pyFunction('self, n', 'UserString.__mul__', Q, (self: Obj, n: unknown) => sameClass(self, mul(dataOf(self), n))),
  __mod__: pyFunction('self, args', 'UserString.__mod__', Q, (self: Obj, args: unknown) => sameClass(self, mod(dataOf(self), args))),
  __rmod__: pyFunction('self, template', 'UserString.__rmod__', Q, (self: Obj, template: unknown) => sameClass(self, mod(str(template), self))),
  ...delegated,
  encode: pyFunction('self, encoding=, errors=', 'UserString.encode', Q, (self: Obj, encoding: unknown, errors: unknown) =>
    callMethod(dataOf(self), 'encode', encoding ?? 'utf-8', errors ?? 'strict')),
  format: pyFunction('self, /, *args, **kwds', 'UserString.format', Q, (self: Obj, args: PyTuple, kwds: PyDict) => {
    const kw: Record<string, unknown> = {};
    for (const k of kwds) kw[k as string] = kwds.$get(k);
    return callMethodKw(dataOf(self), 'format', [...args], Object.keys(kw).length > 0 ? kw : null);
  }),
  // `maketrans = str.maketrans`: a builtin, which does not bind the instance.
  maketrans: new PyStaticMethod(getattr(str, 'maketrans')),
});
