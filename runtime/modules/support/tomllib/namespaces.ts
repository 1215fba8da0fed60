/**
 * What TOML forbids redefining, kept beside the document's dicts as a tree
 * of key paths (the dicts alone cannot tell `[a]` from a table that
 * `a.b = 1` made):
 *
 * - a *declared* path was opened by a `[table]` or `[[array]]` header, or
 *   was a table that dotted keys made in an earlier section: no header may
 *   open it again and no dotted key may go through it;
 * - a *sealed* path holds an inline table or an array value: nothing may be
 *   added under it, at any depth.
 *
 * Each `[[array]]` header forgets what was recorded under its path, since a
 * new element starts empty.
 */

class PathNode {
  declared = false;
  sealed = false;
  children: Map<string, PathNode> | null = null;
}

export class Namespaces {
  private readonly root = new PathNode();
  /** The tables dotted keys made in the current section, declared when the next header starts. */
  private made: string[][] = [];

  private node(path: readonly string[], create: true): PathNode;
  private node(path: readonly string[], create: false): PathNode | undefined;
  private node(path: readonly string[], create: boolean): PathNode | undefined {
    let node = this.root;
    for (const part of path) {
      let next = node.children?.get(part);
      if (next === undefined) {
        if (!create) return undefined;
        next = new PathNode();
        (node.children ??= new Map()).set(part, next);
      }
      node = next;
    }
    return node;
  }

  /** Whether `path` itself was declared (the document root never is). */
  isDeclared(path: readonly string[]): boolean {
    return path.length > 0 && this.node(path, false)?.declared === true;
  }

  /** Whether `path` or a table above it is sealed. */
  isSealed(path: readonly string[]): boolean {
    let node = this.root;
    for (const part of path) {
      const next = node.children?.get(part);
      if (next === undefined) return false;
      if (next.sealed) return true;
      node = next;
    }
    return false;
  }

  declare(path: readonly string[]): void {
    this.node(path, true).declared = true;
  }

  seal(path: readonly string[]): void {
    this.node(path, true).sealed = true;
  }

  /** Drops what was recorded at and under `path`. */
  forget(path: readonly string[]): void {
    const parent = this.node(path.slice(0, -1), false);
    parent?.children?.delete(path[path.length - 1]!);
  }

  /** Records a table a dotted key went through, to declare it at the next header. */
  madeByDottedKey(path: string[]): void {
    this.made.push(path);
  }

  /** A header starts a new section: the tables dotted keys made before it are closed. */
  closeSection(): void {
    for (const path of this.made) this.declare(path);
    this.made = [];
  }
}
