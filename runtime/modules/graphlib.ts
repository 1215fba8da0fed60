/**
 * Python's `graphlib` (CPython 3.11's Lib/graphlib.py): TopologicalSorter
 * (add, prepare with cycle detection, get_ready/done/is_active for
 * parallel processing, static_order) and CycleError, whose args are the
 * message and the cycle, as in CPython. Nodes are hashed and compared as
 * Python values (a PyDict maps each node to its bookkeeping).
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { ValueError } from '../builtins/exceptions.js';
import { PyDict } from '../builtins/dict.js';
import { PySet } from '../builtins/set.js';
import { PyTuple } from '../builtins/values.js';
import { PyGenerator } from '../builtins/generators.js';
import { callMethod } from '../builtins/attributes.js';
import { iterate } from '../builtins/iteration.js';
import { repr } from '../builtins/repr.js';
import { truthy } from '../builtins/truth.js';
import { displayStar } from '../builtins/unpacking.js';
import { GenericAlias } from './types.js';
import { defineClass, newException } from './support/stdlib/pyclass.js';
import { pyClass, pyClassMethod, pyFunction } from './support/pydef.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './graphlib.js';

export const __name__ = 'graphlib';
loadedModules.$set('graphlib', self);

const Q = 'graphlib';

const NODE_OUT = -1;
const NODE_DONE = -2;

/** CPython's `_NodeInfo`: how many predecessors are not done yet (or OUT/DONE), and the successors. */
interface NodeInfo {
  node: unknown;
  npredecessors: number;
  successors: unknown[];
}

/** The sorter's state, kept in its instance attributes under CPython's names. */
interface Sorter {
  _node2info: PyDict<unknown, NodeInfo>;
  _ready_nodes: unknown[] | null;
  _npassedout: number;
  _nfinished: number;
}

export const CycleError = defineClass(Q, 'CycleError', [ValueError], {
  __doc__: 'Subclass of ValueError raised by TopologicalSorter.prepare if cycles\n    exist in the working graph.\n\n'
    + '    If multiple cycles exist, only one undefined choice among them will be reported\n'
    + '    and included in the exception. The detected cycle can be accessed via the second\n'
    + '    element in the *args* attribute of the exception instance and consists in a list\n'
    + '    of nodes, such that each node is, in the graph, an immediate predecessor of the\n'
    + '    next node in the list. In the reported list, the first and the last node will be\n'
    + '    the same, to make it clear that it is cyclic.\n    ',
});

function nodeInfo(ts: Sorter, node: unknown): NodeInfo {
  let result = ts._node2info.$get(node);
  if (result === undefined) {
    result = { node, npredecessors: 0, successors: [] };
    ts._node2info.$set(node, result);
  }
  return result;
}

function readyNodes(ts: Sorter): unknown[] {
  if (ts._ready_nodes === null) throw new ValueError('prepare() must be called first');
  return ts._ready_nodes;
}

/** A cycle as a list whose first and last nodes are the same, or null: a depth-first walk over successors. */
function findCycle(ts: Sorter): unknown[] | null {
  const n2i = ts._node2info;
  const stack: unknown[] = [];
  const itstack: Iterator<unknown>[] = [];
  const seen = new PySet();
  const node2stacki = new PyDict<unknown, number>();
  for (let node of [...n2i]) {
    if (seen.$has(node)) continue;
    for (;;) {
      if (seen.$has(node)) {
        const at = node2stacki.$get(node);
        if (at !== undefined) return [...stack.slice(at), node];
      } else {
        seen.$add(node);
        itstack.push(n2i.$get(node)!.successors[Symbol.iterator]());
        node2stacki.$set(node, stack.length);
        stack.push(node);
      }
      let advanced = false;
      while (stack.length > 0) {
        const r = itstack[itstack.length - 1]!.next();
        if (!r.done) {
          node = r.value;
          advanced = true;
          break;
        }
        node2stacki.$delete(stack.pop());
        itstack.pop();
      }
      if (!advanced) break;
    }
  }
  return null;
}

const method = <F extends (...args: never[]) => unknown>(spec: string, name: string, impl: F): F =>
  pyFunction(spec, `TopologicalSorter.${name}`, Q, impl);

export const TopologicalSorter = pyClass('TopologicalSorter', Q, [], {
  __doc__: 'Provides functionality to topologically sort a graph of hashable nodes',
  __init__: method('self, graph=', '__init__', (ts: Sorter, graph: unknown = null) => {
    ts._node2info = new PyDict();
    ts._ready_nodes = null;
    ts._npassedout = 0;
    ts._nfinished = 0;
    if (graph !== null) {
      for (const item of iterate(callMethod(graph, 'items'))) {
        const [node, predecessors] = [...iterate(item)];
        callMethod(ts, 'add', node, ...displayStar(predecessors));
      }
    }
    return null;
  }),
  add: method('self, node, *predecessors', 'add', (ts: Sorter, node: unknown, predecessors: PyTuple) => {
    if (ts._ready_nodes !== null) throw new ValueError('Nodes cannot be added after a call to prepare()');
    const info = nodeInfo(ts, node);
    const preds = [...predecessors];
    info.npredecessors += preds.length;
    for (const pred of preds) nodeInfo(ts, pred).successors.push(node);
    return null;
  }),
  prepare: method('self', 'prepare', (ts: Sorter) => {
    if (ts._ready_nodes !== null) throw new ValueError('cannot prepare() more than once');
    ts._ready_nodes = [...ts._node2info].map((node) => ts._node2info.$get(node)!).filter((i) => i.npredecessors === 0).map((i) => i.node);
    const cycle = findCycle(ts);
    if (cycle !== null) throw newException(CycleError, ['nodes are in a cycle', cycle], null);
    return null;
  }),
  get_ready: method('self', 'get_ready', (ts: Sorter) => {
    const ready = readyNodes(ts);
    const result = PyTuple.fromArray([...ready]);
    for (const node of result) ts._node2info.$get(node)!.npredecessors = NODE_OUT;
    ready.length = 0;
    ts._npassedout += result.length;
    return result;
  }),
  is_active: method('self', 'is_active', (ts: Sorter) => {
    const ready = readyNodes(ts);
    return ts._nfinished < ts._npassedout || ready.length > 0;
  }),
  __bool__: method('self', '__bool__', (ts: Sorter) => callMethod(ts, 'is_active')),
  done: method('self, *nodes', 'done', (ts: Sorter, nodes: PyTuple) => {
    const ready = readyNodes(ts);
    const n2i = ts._node2info;
    for (const node of nodes) {
      const info = n2i.$get(node);
      if (info === undefined) throw new ValueError(`node ${repr(node)} was not added using add()`);
      const stat = info.npredecessors;
      if (stat !== NODE_OUT) {
        if (stat >= 0) throw new ValueError(`node ${repr(node)} was not passed out (still not ready)`);
        throw new ValueError(`node ${repr(node)} was already marked done`);
      }
      info.npredecessors = NODE_DONE;
      for (const successor of info.successors) {
        const successorInfo = n2i.$get(successor)!;
        successorInfo.npredecessors -= 1;
        if (successorInfo.npredecessors === 0) ready.push(successor);
      }
      ts._nfinished += 1;
    }
    return null;
  }),
  static_order: method('self', 'static_order', (ts: Sorter) => {
    function* order(): Generator<unknown, void, undefined> {
      callMethod(ts, 'prepare');
      while (truthy(callMethod(ts, 'is_active'))) {
        const group = [...iterate(callMethod(ts, 'get_ready'))];
        yield* group;
        callMethod(ts, 'done', ...group);
      }
    }
    return new PyGenerator(order(), 'TopologicalSorter.static_order');
  }),
  __class_getitem__: pyClassMethod(GenericAlias),
});
