/**
 * logging.Filter (by logger-name prefix) and logging.Filterer (what
 * loggers and handlers share: a list of filters, each an object with a
 * `filter` method or a plain callable), as CPython 3.11's.
 */
import { call } from '../../../builtins/calls.js';
import { callMethod, getattr, hasattr } from '../../../builtins/attributes.js';
import { truthy } from '../../../builtins/truth.js';
import { len } from '../../../builtins/functions.js';
import { eq } from '../../../builtins/equality.js';
import type { PyClass } from '../../../builtins/classes.js';
import { pyClass, pyFunction } from '../pydef.js';

const Q = 'logging';

type Obj = Record<string, unknown>;

export const Filter: PyClass = pyClass('Filter', Q, [], {
  __init__: pyFunction('self, name=', 'Filter.__init__', Q, (self: Obj, name: unknown = '') => {
    self['name'] = name;
    self['nlen'] = len(name);
    return null;
  }),
  filter: pyFunction('self, record', 'Filter.filter', Q, (self: Obj, record: unknown) => {
    const nlen = Number(getattr(self, 'nlen'));
    if (nlen === 0) return true;
    const name = String(getattr(self, 'name'));
    const recordName = String(getattr(record, 'name'));
    if (name === recordName) return true;
    if (!recordName.startsWith(name)) return false;
    return recordName[nlen] === '.';
  }),
});

/** Whether every filter of `self` lets the record through. */
export function passesFilters(self: unknown, record: unknown): boolean {
  for (const f of getattr(self, 'filters') as unknown[]) {
    const result = hasattr(f, 'filter') ? callMethod(f, 'filter', record) : call(f, [record], null);
    if (!truthy(result)) return false;
  }
  return true;
}

export const Filterer: PyClass = pyClass('Filterer', Q, [], {
  __init__: pyFunction('self', 'Filterer.__init__', Q, (self: Obj) => {
    self['filters'] = [];
    return null;
  }),
  addFilter: pyFunction('self, filter', 'Filterer.addFilter', Q, (self: Obj, filter: unknown) => {
    const filters = getattr(self, 'filters') as unknown[];
    if (!filters.some((f) => eq(f, filter))) filters.push(filter);
    return null;
  }),
  removeFilter: pyFunction('self, filter', 'Filterer.removeFilter', Q, (self: Obj, filter: unknown) => {
    const filters = getattr(self, 'filters') as unknown[];
    const i = filters.findIndex((f) => eq(f, filter));
    if (i >= 0) filters.splice(i, 1);
    return null;
  }),
  filter: pyFunction('self, record', 'Filterer.filter', Q, (self: Obj, record: unknown) => passesFilters(self, record)),
});
