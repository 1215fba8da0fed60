/** What `f` throws (a Python exception is a JS error object), or undefined when it returns. */
export function raised(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}
