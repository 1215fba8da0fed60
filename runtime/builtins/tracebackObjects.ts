/**
 * Traceback objects: what `e.__traceback__` and `sys.exc_info()[2]` hold
 * once an exception was raised (errors.ts makes them). Their entries come
 * from the frames the runtime knows (./frames.ts), found when first read.
 */
import { AttributeError, BaseException } from './exceptions.js';
import { objectId } from './classes.js';
import { frameSource, PyFrameObject, stackFrameObjects, type CatchSite, type FrameInfo, type TracebackRole } from './frames.js';
import { handledException } from './handledException.js';

/**
 * An exception group's members (exceptionGroups.ts installs the test): the
 * module with the group classes is not imported here, as this one loads
 * early (errors.ts) and that one needs most of the runtime.
 */
export const tracebackHooks: { groupMembers: (e: BaseException) => readonly BaseException[] } = { groupMembers: () => [] };

function groupMembers(e: BaseException): readonly BaseException[] {
  return tracebackHooks.groupMembers(e);
}

/** The entries of a traceback chain, made when one of its attributes is first read. */
interface TracebackChain {
  readonly frames: readonly FrameInfo[];
  readonly tracebacks: PyTraceback[];
  readonly objects: readonly PyFrameObject[];
}

/**
 * What `e.__traceback__` holds once e was raised. Its entries (tb_frame,
 * tb_lineno, tb_next) come from the source-mapped frames (./frames.ts),
 * found when first asked for, from where they are asked: they start at
 * the frame that caught the exception, as CPython's do there. No
 * tb_lasti: bytecode offsets have no counterpart here.
 */
export class PyTraceback {
  static readonly __name__ = 'traceback';
  static readonly __qualname__ = 'traceback';
  static readonly __module__ = 'builtins';

  // Set in the constructor, not declared with initialisers: one is made for every exception raised, and
  // assignments cost less than the definitions ES2022 class fields make.
  /** Undefined until first asked for; null when the frames are unknown. */
  private declare $chain: TracebackChain | null | undefined;
  private declare $index: number;
  /** Where the exception was last caught (a `try` statement's line, 0 for unknown, and its module's URL): its entries start at that frame. */
  private declare $caughtLine: number;
  private declare $caughtUrl: string;

  /**
   * `$exception`: what holds the frames in its JS stack (the exception it was made for; a split exception group
   * shares its original's; a JS error the exception was made from). `$owner`: the exception whose traceback it is.
   */
  constructor(
    readonly $exception: BaseException | Error | null = null,
    readonly $owner: BaseException | null = null,
  ) {
    this.$chain = undefined;
    this.$index = 0;
    this.$caughtLine = 0;
    this.$caughtUrl = '';
  }

  private $entry(attribute: string): { chain: TracebackChain; index: number } {
    if (this.$chain === undefined) this.$chain = tracebackChain(this, new Error());
    if (this.$chain === null) throw new AttributeError(`'traceback' object has no attribute '${attribute}' (its frames are unknown here)`);
    return { chain: this.$chain, index: this.$index };
  }

  get tb_frame(): PyFrameObject {
    const { chain, index } = this.$entry('tb_frame');
    return chain.objects[index]!;
  }

  get tb_lineno(): number {
    const { chain, index } = this.$entry('tb_lineno');
    return chain.frames[index]!.lineno;
  }

  get tb_next(): PyTraceback | null {
    const { chain, index } = this.$entry('tb_next');
    return chain.tracebacks[index + 1] ?? null;
  }

  /** The frames of the chain from this entry on (the traceback module's extract_tb), null when unknown. */
  $frames(): readonly FrameInfo[] | null {
    if (this.$chain === undefined) this.$chain = tracebackChain(this, new Error());
    return this.$chain === null ? null : this.$chain.frames.slice(this.$index);
  }

  get $catcher(): CatchSite | null {
    return this.$caughtLine === 0 ? null : { line: this.$caughtLine, url: this.$caughtUrl };
  }

  /**
   * The exception reaches the handlers of the `try` statement at `line` of
   * the module at `url` (handledException.ts). A traceback whose entries
   * were already looked at gives way to one starting at the new handler's
   * frame when that is further out, its entries ending with the old ones,
   * as CPython's traceback grows; null when it stays.
   */
  $caught(line: number, url: string): PyTraceback | null {
    const chain = this.$chain;
    if (chain === undefined || chain === null || this.$index !== 0 || this.$exception === null) {
      this.$caughtLine = line;
      this.$caughtUrl = url;
      return null;
    }
    const grown = new PyTraceback(this.$exception, this.$owner);
    grown.$caughtLine = line;
    grown.$caughtUrl = url;
    const next = tracebackChain(grown, new Error(), chain);
    if (next === null || next.frames.length <= chain.frames.length) return null;
    grown.$chain = next;
    return grown;
  }

  static $entryOf(chain: TracebackChain, index: number): PyTraceback {
    const tb = new PyTraceback(null);
    tb.$chain = chain;
    tb.$index = index;
    return tb;
  }

  __repr__(): string {
    return `<traceback object at 0x${objectId(this).toString(16).padStart(12, '0')}>`;
  }
}

/** The chain of `head` seen from `here`; `previous`, an older chain of its exception, keeps its entries as its tail. */
function tracebackChain(head: PyTraceback, here: Error, previous: TracebackChain | null = null): TracebackChain | null {
  const source = frameSource();
  const origin = head.$exception;
  if (source === null || origin === null) return null;
  const { role, parent } = relation(head.$owner);
  const view = source.traceback(origin, head.$owner ?? origin, here, role, parent, head.$catcher);
  if (view.frames.length === 0) return null;
  const { frames, outer } = view;
  // The stack outside the traceback: the frame that caught the exception is still running.
  const live = stackFrameObjects(outer, (i) => currentLine(outer, i));
  // The older chain's entries are the innermost ones, when its frames are this one's tail.
  const reused = previous !== null && endsWith(frames, previous.frames) ? previous : null;
  const own = reused === null ? frames.length : frames.length - reused.frames.length;
  const objects: PyFrameObject[] = [];
  frames.forEach((info, i) => {
    if (i >= own) objects.push(reused!.objects[i - own]!);
    else if (i === 0 && live.length > 0) objects.push(live[live.length - 1]!);
    else objects.push(new PyFrameObject(info, () => (i > 0 ? objects[i - 1]! : null), () => info.lineno));
  });
  const chain: TracebackChain = { frames, objects, tracebacks: [] };
  chain.tracebacks.push(head);
  for (let i = 1; i < frames.length; i++) chain.tracebacks.push(i >= own ? reused!.tracebacks[i - own]! : PyTraceback.$entryOf(chain, i));
  return chain;
}

/**
 * How `e` is reached from the exception being handled: itself, or one of
 * its causes, contexts or group members (found as tracebacks print them),
 * whose frames start where they were caught, not on the current stack.
 */
function relation(e: BaseException | null): { role: TracebackRole; parent: BaseException | null } {
  const handled = handledException();
  if (e === null || handled === null || handled === e) return { role: 'handled', parent: null };
  const seen = new Set<BaseException>();
  const queue: BaseException[] = [handled];
  while (queue.length > 0) {
    const x = queue.shift()!;
    if (seen.has(x)) continue;
    seen.add(x);
    if (x.__cause__ === e) return { role: 'cause', parent: x };
    if (x.__context__ === e) return { role: 'context', parent: x };
    const members = groupMembers(x);
    if (members.includes(e)) return { role: 'member', parent: x };
    for (const next of [x.__cause__, x.__context__, ...members]) if (next instanceof BaseException) queue.push(next);
  }
  return { role: 'handled', parent: null };
}

function endsWith(frames: readonly FrameInfo[], tail: readonly FrameInfo[]): boolean {
  const offset = frames.length - tail.length;
  if (offset < 0) return false;
  return tail.every((f, i) => frames[offset + i]!.scope === f.scope && frames[offset + i]!.lineno === f.lineno);
}

/** The line a frame of `stack` is at now, if the current stack still holds it; else where it was. */
function currentLine(stack: readonly FrameInfo[], i: number): number {
  const now = frameSource()?.stack(new Error()) ?? [];
  for (let k = 0; k <= i; k++) if (now[k]?.scope !== stack[k]!.scope) return stack[i]!.lineno;
  return now[i]!.lineno;
}
