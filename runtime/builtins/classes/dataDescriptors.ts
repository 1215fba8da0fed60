/**
 * The data descriptors of the builtin types as their namespaces hold them:
 * `int.real` is `<attribute 'real' of 'int' objects>` (a getset_descriptor),
 * `slice.start` `<member 'start' of 'slice' objects>` (a member_descriptor).
 * Instances never go through them: a builtin value's attributes are read by
 * the attribute layer directly (attributes.ts), an exception's are its own
 * fields. They serve reads from the type (`int.real.__get__(5)`), `vars()`
 * of the type, and `super()`.
 */
import { typeName } from '../values.js';
import { AttributeError, TypeError } from '../exceptions.js';
import { MRO_HIDDEN, addClassAttributes, isinstance, type PyClass } from './model.js';

/** How a descriptor reads, writes and deletes its attribute on an instance the type check let through. */
export interface FieldAccess {
  get(obj: unknown): unknown;
  /** Absent for a read-only attribute. */
  set?(obj: unknown, value: unknown): void;
  /** Absent where deleting gets the read-only refusal. */
  delete?(obj: unknown): void;
}

/** What the two kinds share; hidden from the MRO, so its methods count as each kind's own. */
class DataDescriptor {
  // Private fields: own properties would show as the descriptor's attributes in dir().
  readonly #access: FieldAccess;
  readonly #test: (obj: unknown) => boolean;
  readonly #member: boolean;

  constructor(
    readonly __name__: string,
    readonly __objclass__: PyClass,
    readonly __doc__: string | null,
    access: FieldAccess,
    test: (obj: unknown) => boolean,
    member: boolean,
  ) {
    this.#access = access;
    this.#test = test;
    this.#member = member;
  }

  get __qualname__(): string {
    return `${ownerName(this)}.${this.__name__}`;
  }

  __repr__(): string {
    return `<${this.#member ? 'member' : 'attribute'} '${this.__name__}' of '${ownerName(this)}' objects>`;
  }

  __get__(...args: unknown[]): unknown {
    // The slot wrapper's words, with their stray leading space.
    if (args.length < 1) throw new TypeError(` expected at least 1 argument, got ${args.length}`);
    if (args.length > 2) throw new TypeError(` expected at most 2 arguments, got ${args.length}`);
    const [obj, owner] = args;
    if (obj === null || obj === undefined) {
      // `d.__get__(None, cls)` is the descriptor itself.
      if (owner === null || owner === undefined) throw new TypeError('__get__(None, None) is invalid');
      return this;
    }
    this.#check(obj);
    return this.#access.get(obj);
  }

  __set__(obj: unknown, value: unknown): null {
    if (arguments.length !== 2) throw new TypeError(` expected 2 arguments, got ${arguments.length}`);
    this.#check(obj);
    if (this.#access.set === undefined) throw this.#readonly();
    this.#access.set(obj, value);
    return null;
  }

  __delete__(obj: unknown): null {
    if (arguments.length !== 1) throw new TypeError(`expected 1 argument, got ${arguments.length}`);
    this.#check(obj);
    if (this.#access.delete === undefined) throw this.#readonly();
    this.#access.delete(obj);
    return null;
  }

  #check(obj: unknown): void {
    if (!this.#test(obj)) {
      throw new TypeError(`descriptor '${this.__name__}' for '${ownerName(this)}' objects doesn't apply to a '${typeName(obj)}' object`);
    }
  }

  #readonly(): AttributeError {
    return new AttributeError(this.#member ? 'readonly attribute' : `attribute '${this.__name__}' of '${ownerName(this)}' objects is not writable`);
  }
}
Object.defineProperty(DataDescriptor, MRO_HIDDEN, { value: true });

function ownerName(d: DataDescriptor): string {
  return String(d.__objclass__.__name__);
}

/** A C type's computed attribute (PyGetSetDef): `<attribute 'real' of 'int' objects>`. */
export class GetSetDescriptor extends DataDescriptor {
  static readonly __name__ = 'getset_descriptor';
  static readonly __qualname__ = 'getset_descriptor';
  static readonly __module__ = 'builtins';
}

/** A C type's struct field (PyMemberDef): `<member 'start' of 'slice' objects>`. */
export class MemberDescriptor extends DataDescriptor {
  static readonly __name__ = 'member_descriptor';
  static readonly __qualname__ = 'member_descriptor';
  static readonly __module__ = 'builtins';
}

export interface FieldSpec {
  name: string;
  kind: 'getset' | 'member';
  doc?: string | null;
  access: FieldAccess;
}

/**
 * Puts the descriptors of a builtin type's fields in its namespace. `test`
 * tells the type's instances (a subclass's included) from other values,
 * which the descriptors refuse as CPython's do.
 */
export function addDataDescriptors(cls: PyClass, fields: readonly FieldSpec[], test: (obj: unknown) => boolean = (obj) => isinstance(obj, cls)): void {
  addClassAttributes(cls, fields.map((f): [string, unknown] => {
    const descriptor = f.kind === 'getset'
      ? new GetSetDescriptor(f.name, cls, f.doc ?? null, f.access, test, false)
      : new MemberDescriptor(f.name, cls, f.doc ?? null, f.access, test, true);
    return [f.name, descriptor];
  }));
}
