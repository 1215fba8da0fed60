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

export function callableClass<C extends Constructor>(cls: C): CallableClass<C> {
  const proxy: C = new Proxy(cls, {
    apply: (target, _this, args: unknown[]) => Reflect.construct(target as unknown as Function, args),
    // `new.target` inside the class is the class itself, not the Proxy, whichever way it was made.
    construct: (target, args: unknown[], newTarget: Function) =>
      Reflect.construct(target as unknown as Function, args, newTarget === (proxy as unknown) ? (target as unknown as Function) : newTarget) as object,
  });
  Object.defineProperty(cls.prototype, 'constructor', { value: proxy, writable: true, configurable: true, enumerable: false });
  return proxy as CallableClass<C>;
}
