/**
 * collections.UserList, a MutableSequence over a list in `data`, as CPython
 * writes it in Python: comparisons and operators work on `data` (with
 * another UserList's `data`), slicing and `+`/`*` make an instance of the
 * same class, and the MutableSequence mixins supply what it does not define.
 */
import { PyTuple } from '../../../builtins/values.js';
import { isinstance, type PyClass } from '../../../builtins/classes.js';
import { call } from '../../../builtins/calls.js';
import { PyDict } from '../../../builtins/dict.js';
import { callMethod, callMethodKw, getattr, setattr } from '../../../builtins/attributes.js';
import { delitem, getitem, setitem, PySlice } from '../../../builtins/items.js';
import { add, in_, mul, eq, ge, gt, le, lt } from '../../../builtins/operators.js';
import { repr } from '../../../builtins/repr.js';
import { list } from '../../../builtins/functions.js';
import { iter } from '../../../builtins/iteration.js';
import { type } from '../../../builtins/types.js';
import { MutableSequence } from '../../collections.abc.js';
import { copyWithData } from '../stdlib/pyclass.js';
import { pyClass, pyFunction } from '../pydef.js';

const Q = 'collections';
type Obj = Record<string, unknown>;

function dataOf(self: unknown): unknown[] {
  return getattr(self, 'data') as unknown[];
}

/** CPython's `__cast`: another UserList compares and combines as its data. */
function cast(other: unknown): unknown {
  return isinstance(other, UserList) ? dataOf(other) : other;
}

/** What `+` adds to the data: another UserList's data, a list, else `list(other)`. */
function listOperand(other: unknown): unknown {
  const v = cast(other);
  return Array.isArray(v) && !(v instanceof PyTuple) ? v : call(list, [other], null);
}

function sameClass(self: unknown, data: unknown): unknown {
  return call(type(self), [data], null);
}

function compare(op: (a: unknown, b: unknown) => unknown, name: string): unknown {
  return pyFunction('self, other', `UserList.${name}`, Q, (self: Obj, other: unknown) => op(dataOf(self), cast(other)));
}

export const UserList: PyClass = pyClass('UserList', Q, [MutableSequence], {
  __init__: pyFunction('self, initlist=', 'UserList.__init__', Q, (self: Obj, initlist: unknown) => {
    const data: unknown[] = [];
    if (initlist !== undefined && initlist !== null) {
      if (type(initlist) === list) data.push(...(initlist as unknown[]));
      else if (isinstance(initlist, UserList)) data.push(...dataOf(initlist));
      else data.push(...(call(list, [initlist], null) as unknown[]));
    }
    setattr(self, 'data', data);
    return null;
  }),
  __repr__: pyFunction('self', 'UserList.__repr__', Q, (self: Obj) => repr(dataOf(self))),
  __lt__: compare(lt, '__lt__'),
  __le__: compare(le, '__le__'),
  __eq__: compare(eq, '__eq__'),
  __gt__: compare(gt, '__gt__'),
  __ge__: compare(ge, '__ge__'),
  __contains__: pyFunction('self, item', 'UserList.__contains__', Q, (self: Obj, item: unknown) => in_(item, dataOf(self))),
  __len__: pyFunction('self', 'UserList.__len__', Q, (self: Obj) => dataOf(self).length),
  __iter__: pyFunction('self', 'UserList.__iter__', Q, (self: Obj) => iter(dataOf(self))),
  __getitem__: pyFunction('self, i', 'UserList.__getitem__', Q, (self: Obj, i: unknown) =>
    (i instanceof PySlice ? sameClass(self, getitem(dataOf(self), i)) : getitem(dataOf(self), i))),
  __setitem__: pyFunction('self, i, item', 'UserList.__setitem__', Q, (self: Obj, i: unknown, item: unknown) => {
    setitem(dataOf(self), i, item);
    return null;
  }),
  __delitem__: pyFunction('self, i', 'UserList.__delitem__', Q, (self: Obj, i: unknown) => {
    delitem(dataOf(self), i);
    return null;
  }),
  __add__: pyFunction('self, other', 'UserList.__add__', Q, (self: Obj, other: unknown) =>
    sameClass(self, add(dataOf(self), listOperand(other)))),
  __radd__: pyFunction('self, other', 'UserList.__radd__', Q, (self: Obj, other: unknown) =>
    sameClass(self, add(listOperand(other), dataOf(self)))),
  __iadd__: pyFunction('self, other', 'UserList.__iadd__', Q, (self: Obj, other: unknown) => {
    callMethod(dataOf(self), 'extend', cast(other));
    return self;
  }),
  __mul__: pyFunction('self, n', 'UserList.__mul__', Q, (self: Obj, n: unknown) => sameClass(self, mul(dataOf(self), n))),
  __rmul__: pyFunction('self, n', 'UserList.__rmul__', Q, (self: Obj, n: unknown) => sameClass(self, mul(dataOf(self), n))),
  __imul__: pyFunction('self, n', 'UserList.__imul__', Q, (self: Obj, n: unknown) => {
    setattr(self, 'data', mul(dataOf(self), n));
    return self;
  }),
  __copy__: pyFunction('self', 'UserList.__copy__', Q, (self: Obj) => copyWithData(self, [...dataOf(self)])),
  append: pyFunction('self, item', 'UserList.append', Q, (self: Obj, item: unknown) => callMethod(dataOf(self), 'append', item)),
  insert: pyFunction('self, i, item', 'UserList.insert', Q, (self: Obj, i: unknown, item: unknown) => callMethod(dataOf(self), 'insert', i, item)),
  pop: pyFunction('self, i=', 'UserList.pop', Q, (self: Obj, i: unknown) => (i === undefined ? callMethod(dataOf(self), 'pop') : callMethod(dataOf(self), 'pop', i))),
  remove: pyFunction('self, item', 'UserList.remove', Q, (self: Obj, item: unknown) => callMethod(dataOf(self), 'remove', item)),
  clear: pyFunction('self', 'UserList.clear', Q, (self: Obj) => callMethod(dataOf(self), 'clear')),
  copy: pyFunction('self', 'UserList.copy', Q, (self: Obj) => sameClass(self, self)),
  count: pyFunction('self, item', 'UserList.count', Q, (self: Obj, item: unknown) => callMethod(dataOf(self), 'count', item)),
  index: pyFunction('self, item, *args', 'UserList.index', Q, (self: Obj, item: unknown, args: PyTuple) => callMethod(dataOf(self), 'index', item, ...args)),
  reverse: pyFunction('self', 'UserList.reverse', Q, (self: Obj) => callMethod(dataOf(self), 'reverse')),
  sort: pyFunction('self, /, *args, **kwds', 'UserList.sort', Q, (self: Obj, args: PyTuple, kwds: PyDict) => {
    const keywords: Record<string, unknown> = {};
    for (const k of kwds) keywords[k as string] = kwds.$get(k);
    return callMethodKw(dataOf(self), 'sort', [...args], keywords);
  }),
  extend: pyFunction('self, other', 'UserList.extend', Q, (self: Obj, other: unknown) => callMethod(dataOf(self), 'extend', cast(other))),
});
