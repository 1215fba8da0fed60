/**
 * CPython's "struct sequences" (`sys.version_info`, `sys.float_info`): tuples
 * whose items are also named attributes, with a repr that names them, and
 * `types.SimpleNamespace` (`sys.implementation`).
 */
import { PyTuple } from '../../builtins/values.js';
import { repr } from '../../builtins/repr.js';

export class StructSequence extends PyTuple {
  /** Array methods that build new arrays (slices…) build plain tuples. */
  static override get [Symbol.species](): ArrayConstructor {
    return PyTuple as unknown as ArrayConstructor;
  }

  /** `attributes`: named fields beyond the tuple's, or with another value than its item (os.stat_result's float st_mtime). */
  constructor(typeName: string, fields: readonly string[], values: readonly unknown[], attributes: Record<string, unknown> = {}) {
    super();
    for (const v of values) this.push(v);
    Object.defineProperty(this, '$typeName', { value: typeName });
    Object.defineProperty(this, '$fields', { value: fields });
    fields.forEach((f, i) => {
      if (!Object.hasOwn(attributes, f)) Object.defineProperty(this, f, { value: values[i], enumerable: false });
    });
    for (const f of Object.keys(attributes)) Object.defineProperty(this, f, { value: attributes[f], enumerable: false });
  }

  __repr__(): string {
    const self = this as unknown as { $typeName: string; $fields: readonly string[] };
    return `${self.$typeName}(${self.$fields.map((f, i) => `${f}=${repr(this[i])}`).join(', ')})`;
  }
}

export class SimpleNamespace {
  constructor(attributes: Record<string, unknown>) {
    Object.assign(this, attributes);
  }

  __repr__(): string {
    const parts = Object.entries(this).map(([k, v]) => `${k}=${repr(v)}`);
    return `namespace(${parts.join(', ')})`;
  }
}
