/**
 * What compiled code imports: `import { print, add as $add, … } from 'pyasync/runtime'`.
 * Builtins under their Python names; the helpers compiled code calls for
 * operators, subscripts, attributes, calls and control flow; the value
 * classes. The value model is described in runtime/README.md.
 */
export * from './builtins/exceptions.js';
export * from './builtins/functions.js';
export { PyFloat, PyTuple, PyBytes, PyComplex, typeName } from './builtins/values.js';
export {
  add, sub, mul, truediv, floordiv, mod, power, matmul, lshift, rshift, and_, or_, xor,
  iadd, isub, imul, itruediv, ifloordiv, imod, ipow, imatmul, ilshift, irshift, iand, ior, ixor,
  neg, pos, invert, eq, ne, lt, le, gt, ge, in_, notIn, eqTest, neTest, ltTest, leTest, gtTest, geTest,
} from './builtins/operators.js';
export {
  addFloat, floatAdd, subFloat, floatSub, mulFloat, floatMul, truedivFloat, floatTruediv, iaddFloat, isubFloat, imulFloat,
  itruedivFloat, powerFloat, powerHalf, addInt, subInt, mulInt, floordivInt, modInt, iaddInt, isubInt, intAdd, intSub, intMul,
} from './builtins/literalOperators.js';
export { boxFloat, floor, isInteger, sameValue } from './builtins/floatGuards.js';
export { truthy, not, is, isNot } from './builtins/truth.js';
export { getitem, setitem, getitemAt, setitemAt, isListAt, delitem, slice, PySlice } from './builtins/items.js';
export { callMethod, callMethodKw, delattr } from './builtins/attributes.js';
export { strMethods, listMethods, dictMethods, isExactList, isExactDict } from './builtins/methodFastPaths.js';
export { call, callee, cells, def, doc, checkArgs, plainCallable, restArgs } from './builtins/calls.js';
export { star, callUnpacking, callMethodUnpacking, displayStar, setDisplayStar } from './builtins/unpacking.js';
export {
  makeClass as class, makeSuper as super, object, staticmethod, classmethod, property, PyProperty, PyStaticMethod,
  PyClassMethod, PySuper, superUnavailable,
} from './builtins/classes.js';
export { type, newTypeIn, isinstance, issubclass, callable, vars, dir, NoneType, Ellipsis } from './builtins/types.js';
// PEP 585's `list[int]`: installs itself as the subscript of the builtin generic classes.
import './builtins/genericAlias.js';
import './builtins/unionType.js';
import './builtins/keywordless.js';
export { exit, quit } from './builtins/quitter.js';
export {
  isinstanceStr, isinstanceInt, isinstanceFloat, isinstanceBool, isinstanceList, isinstanceTuple, isinstanceDict, isinstanceSet,
} from './builtins/isinstanceFast.js';
export { raise, raiseMade, exceptionMatches, toPython, noActiveException, withContext } from './builtins/errors.js';
export { handling, handled, rehandling } from './builtins/handledException.js';
export { tracebacksUnseen } from './builtins/unseenTracebacks.js';
export { iterate, loopIterator, unpack, unpackStar, tupleOf, tupleFrom } from './builtins/iteration.js';
export { itemPairs } from './builtins/itemPairs.js';
export { dictOf, dictFlat, dictItems, kwargs, setOf, setAdd, dictSet, localsOf } from './builtins/displays.js';
export { registerGlobals, globalsOf } from './builtins/moduleNamespace.js';
export { moduleName } from './program/moduleName.js';
export { moduleLoader, moduleSpec } from './program/moduleSpec.js';
export { PyDict } from './builtins/dict.js';
export { PySet, PyFrozenSet } from './builtins/set.js';
export { NotImplemented } from './builtins/notImplemented.js';
export { PyGenerator, generator, generatorStopped, yieldFrom } from './builtins/generators.js';
export { dropped } from './builtins/droppedGenerators.js';
export { BaseExceptionGroup, ExceptionGroup, exceptStar } from './builtins/exceptionGroups.js';
export {
  matchSequence, matchSequenceAtLeast, sequenceRest, matchMapping, mappingValues, mappingRest, matchClass, matchType,
} from './builtins/patterns.js';
export { withExit, withEnter, withError } from './builtins/withStatement.js';
export { unboundLocal, unboundGlobal, unboundFree } from './builtins/unbound.js';
export { local, global, calledGlobal, free } from './builtins/names.js';
export { submodule, importFrom, inAll, isModule } from './modules/support/namespaces.js';
export { open } from './builtins/files.js';
export { input } from './builtins/input.js';
export { rangeBound } from './builtins/range.js';
export { CLASS, MethodDescriptor } from './builtins/classes.js';
export { SIGNATURE } from './builtins/calls.js';
export { annotate } from './builtins/annotations.js';
export {
  aw, un, box, coroutine, asyncDef, coroutineError, toPromise, PyCoroutine,
  enter, ret, now, coroutineFailed, Promise, awaitGet, awaitPut, suspendAt,
} from './asyncio/coroutines.js';
export { blk } from './asyncio/runners.js';
export { sleepNow, sleepTurn, resumed } from './asyncio/tasks.js';
export { asyncWithExit, asyncWithEnter, asyncWithError, asyncForIter, asyncForNext } from './asyncio/protocols.js';
export {
  PyAsyncGenerator, asyncGenerator, asyncGenDef, aiter, anext, agSerial, asyncForFresh, asyncForDrop,
} from './builtins/asyncGenerators.js';
