/**
 * Python calls a class to make an instance; JS needs `new` for a `class`.
 * The runtime's exception classes are JS classes (so that they extend
 * Error and carry stacks) wrapped in a Proxy that also answers a plain call,
 * so `E = ValueError; E('x')` works as in Python. `new`, `extends`,
 * `instanceof` and static members pass through the Proxy unchanged, and the
 * class's instances name the Proxy as their constructor, so type(e) is the
 * class Python code sees.
 */
type Constructor = abstract new (...args: never[]) => object;

export type CallableClass<C extends Constructor> = C & ((...args: ConstructorParameters<C>) => InstanceType<C>);

/*
 * `x instanceof proxy` and `proxy.prototype` leave V8's fast paths (a
 * Proxy's [[Get]] is generic: ~150 ns for instanceof against ~10 for a
 * class), and compiled `except ValueError:` and isinstance() do them for
 * every exception. A class's `prototype` cannot change, so the Proxy's is
 * kept here; for a class with the ordinary Symbol.hasInstance, being an
 * instance is having that prototype on one's chain.
 */
const prototypes = new Map<unknown, object>();
const ORDINARY_HAS_INSTANCE = Function.prototype[Symbol.hasInstance];

/** `obj instanceof cls`, without the Proxy's slow paths for a callable class. */
export function instanceOf(obj: object, cls: Function): boolean {
  const proto = prototypes.get(cls);
  return proto !== undefined ? proto.isPrototypeOf(obj) : obj instanceof cls;
}

/** The prototype of a callable class with the ordinary Symbol.hasInstance, else undefined. */
export function builtinPrototype(cls: unknown): object | undefined {
  return prototypes.get(cls);
}

/** `cls.prototype`, read past the Proxy for a callable class. */
export function prototypeOf(cls: Function): unknown {
  return prototypes.get(cls) ?? (cls as { prototype?: unknown }).prototype;
}

export function callableClass<C extends Constructor>(cls: C): CallableClass<C> {
  const proxy: C = new Proxy(cls, {
    apply: (target, _this, args: unknown[]) => Reflect.construct(target as unknown as Function, args),
    // `new.target` inside the class is the class itself, not the Proxy, whichever way it was made.
    construct: (target, args: unknown[], newTarget: Function) =>
      Reflect.construct(target as unknown as Function, args, newTarget === (proxy as unknown) ? (target as unknown as Function) : newTarget) as object,
  });
  Object.defineProperty(cls.prototype, 'constructor', { value: proxy, writable: true, configurable: true, enumerable: false });
  if ((cls as unknown as { [Symbol.hasInstance]: unknown })[Symbol.hasInstance] === ORDINARY_HAS_INSTANCE) prototypes.set(proxy, cls.prototype);
  return proxy as CallableClass<C>;
}
