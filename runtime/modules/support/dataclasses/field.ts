/** dataclasses' Field objects, the MISSING sentinel, InitVar and FrozenInstanceError. */
import { AttributeError, ValueError } from '../../../builtins/exceptions.js';
import { repr } from '../../../builtins/repr.js';
import { PyDict } from '../../../builtins/dict.js';
import { call } from '../../../builtins/calls.js';
import { MappingProxyType } from '../../types.js';
import { defineClass, newInstance, splitKeywords, checkKeywords } from '../stdlib/pyclass.js';
import { PyStaticMethod, type PyClass } from '../../../builtins/classes.js';

export const MISSING_TYPE = defineClass('dataclasses', '_MISSING_TYPE', [], {});
export const MISSING = newInstance(MISSING_TYPE);

/** KW_ONLY: the annotation (`_: KW_ONLY`) after which a dataclass's fields are keyword-only. */
export const KW_ONLY_TYPE = defineClass('dataclasses', '_KW_ONLY_TYPE', [], {});
export const KW_ONLY = newInstance(KW_ONLY_TYPE);

export const FrozenInstanceError = defineClass('dataclasses', 'FrozenInstanceError', [AttributeError], {});

/** What kind of pseudo-field an annotation makes: a field, a ClassVar, or an InitVar. */
export type FieldKind = '_FIELD' | '_FIELD_CLASSVAR' | '_FIELD_INITVAR';

export interface FieldData {
  name: unknown;
  type: unknown;
  default: unknown;
  default_factory: unknown;
  init: unknown;
  repr: unknown;
  hash: unknown;
  compare: unknown;
  metadata: unknown;
  kw_only: unknown;
  _field_type: FieldKind | null;
}

const FIELD_ORDER = ['name', 'type', 'default', 'default_factory', 'init', 'repr', 'hash', 'compare', 'metadata', 'kw_only'] as const;

export const Field = defineClass('dataclasses', 'Field', [], {
  __repr__(this: FieldData): string {
    const parts = FIELD_ORDER.map((k) => `${k}=${repr(this[k])}`);
    return `Field(${parts.join(',')},_field_type=${this._field_type ?? 'None'})`;
  },
});

const EMPTY_METADATA = call(MappingProxyType, [new PyDict()], null);

export function makeField(values: Partial<FieldData>): FieldData {
  const f = newInstance(Field) as unknown as FieldData;
  f.name = null;
  f.type = null;
  f.default = MISSING;
  f.default_factory = MISSING;
  f.init = true;
  f.repr = true;
  f.hash = null;
  f.compare = true;
  f.metadata = EMPTY_METADATA;
  f.kw_only = MISSING;
  f._field_type = null;
  Object.assign(f, values);
  return f;
}

/** field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=MISSING) */
export function field(...rest: unknown[]): FieldData {
  const [args, kw] = splitKeywords(rest);
  if (args.length > 0) throw new TypeError(`field() takes 0 positional arguments but ${args.length} were given`);
  checkKeywords(kw, ['default', 'default_factory', 'init', 'repr', 'hash', 'compare', 'metadata', 'kw_only'], 'field');
  if (kw['default'] !== undefined && kw['default'] !== MISSING && kw['default_factory'] !== undefined && kw['default_factory'] !== MISSING) {
    throw new ValueError('cannot specify both default and default_factory');
  }
  const values: Partial<FieldData> = {};
  for (const [k, v] of Object.entries(kw)) (values as Record<string, unknown>)[k] = v;
  // A field's metadata is a read-only view, as CPython's (the shared empty one when None).
  if (kw['metadata'] === null) values.metadata = EMPTY_METADATA;
  else if (kw['metadata'] !== undefined) values.metadata = call(MappingProxyType, [kw['metadata']], null);
  return makeField(values);
}

/** InitVar[T]: an init-only pseudo-field passed to __post_init__. */
export const InitVar = defineClass('dataclasses', 'InitVar', [], {
  __new__: new PyStaticMethod((cls: unknown, type: unknown) => {
    const self = newInstance(cls);
    self['type'] = type;
    return self;
  }),
  __class_getitem__: new PyStaticMethod((type: unknown) => {
    const self = newInstance(InitVar);
    self['type'] = type;
    return self;
  }),
  __repr__(this: { type: unknown }): string {
    const name = typeof this.type === 'function' ? (this.type as unknown as { __name__?: unknown }).__name__ : undefined;
    return `dataclasses.InitVar[${typeof name === 'string' ? name : repr(this.type)}]`;
  },
});

export type { PyClass };
