/**
 * Caches that last as long as the process: a build worker, a watcher or a
 * bundler's plugin compiles many modules with one compiler. Each is bounded,
 * and keeps its own copy of each key.
 *
 * The copy matters: names come from the tokenizer as slices of the module's
 * source, and V8 keeps a slice of 13 characters or more as a view of the
 * string it was cut from. A cached slice would keep its whole source file
 * alive for good — over the standard library, 20 MB of sources, which every
 * later collection had to trace or copy.
 */
const LIMIT = 50_000;

export class ProcessCache<V> extends Map<string, V> {
  /** Stores `value` under a copy of `key`. Lookups are Map's own `get`, with no call of ours around it. */
  override set(key: string, value: V): this {
    if (this.size >= LIMIT) this.clear();
    return super.set(ownCopy(key), value);
  }
}

/**
 * A string equal to `s` that shares no memory with the string `s` may be a
 * slice of. Concatenation makes a new string, which slice() flattens into
 * its own buffer; the result is at most a view of that small buffer.
 */
export function ownCopy(s: string): string {
  return (' ' + s).slice(1);
}
