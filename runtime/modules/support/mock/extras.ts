/**
 * unittest.mock's create_autospec (mocks whose calls are checked against
 * the spec's signatures, with children made from the spec's attributes)
 * and mock_open (a mock of `open` whose handle reads the data given).
 */
import { callMethod, callMethodKw, getattr, setattr } from '../../../builtins/attributes.js';
import { call, isPyFunction as isPyFunctionValue } from '../../../builtins/calls.js';
import { AttributeError } from '../../../builtins/exceptions.js';
import { PyStaticMethod, PyClassMethod, classAttribute, isPyClass, pyClassOf, type PyClass } from '../../../builtins/classes.js';
import { isinstance, type, dir, callable } from '../../../builtins/types.js';
import { PyDict } from '../../../builtins/dict.js';
import { PyBytes, PyTuple } from '../../../builtins/values.js';
import { repr } from '../../../builtins/repr.js';
import { iter, next } from '../../../builtins/iteration.js';
import { pyFunction } from '../pydef.js';
import { isfunction, ismethod, iscoroutinefunction } from '../../inspect.js';
import { BytesIO, StringIO } from '../../io.js';
import { open as builtinOpen } from '../../../builtins/files.js';
import { DEFAULT, Q, makeCallList } from './calls.js';
import {
  AsyncMockRef, FUNCTION_MOCKS, bindSpec, specSignature, type SpecSig, InvalidSpecError, MagicMock, NonCallableMagicMock, SpecState, isMock, kwRecord, stateOf,
} from './mocks.js';
import { autospecHook } from './patch.js';
import { newException } from '../stdlib/pyclass.js';

type Obj = Record<string, unknown>;

const isClass = (v: unknown): boolean => isinstance(v, type as unknown as PyClass);
const isFunctionType = (v: unknown): boolean => isfunction(v) || ismethod(v);
const isMagicName = (n: string): boolean => n.length > 4 && n.startsWith('__') && n.endsWith('__');

function checker(spec: SpecSig): (args: unknown[], kwargs: Record<string, unknown> | null) => void {
  return (args, kwargs) => {
    bindSpec(spec, args, kwargs);
  };
}

/** Whether the method `entry` of `spec` takes `self` (a plain function found on a class). */
function mustSkip(spec: unknown, entry: string, isType: boolean): boolean {
  let cls = spec;
  if (!isClass(spec)) {
    if (Object.hasOwn(spec as object, entry)) return false;
    cls = pyClassOf(spec);
  }
  if (!isPyClass(cls)) return false;
  const found = classAttribute(cls as PyClass, entry);
  if (found === undefined) return isType;
  const value = found.value;
  if (value instanceof PyStaticMethod || value instanceof PyClassMethod) return false;
  if (isFunctionType(value)) return isType;
  return false;
}

/** A function standing for its mock, with the mock's records (CPython's `_set_signature` and `_setup_func`). */
function functionFor(mock: Obj, original: unknown, sig: SpecSig | null): unknown {
  const name = String(getattr(original, '__name__', 'funcopy'));
  const check = sig === null ? null : checker(sig);
  const funcopy = pyFunction('*args, **kwargs', name, String(getattr(original, '__module__', Q)), (args: PyTuple, kwargs: PyDict) => {
    if (check !== null) check([...args], kwRecord(kwargs));
    return call(mock, [...args], kwRecord(kwargs));
  }) as unknown as Obj;
  FUNCTION_MOCKS.set(funcopy, mock);
  setattr(funcopy, 'mock', mock);
  setattr(funcopy, 'called', false);
  setattr(funcopy, 'call_count', 0);
  setattr(funcopy, 'call_args', null);
  setattr(funcopy, 'call_args_list', makeCallList());
  setattr(funcopy, 'method_calls', makeCallList());
  setattr(funcopy, 'mock_calls', makeCallList());
  setattr(funcopy, 'return_value', getattr(mock, 'return_value'));
  setattr(funcopy, 'side_effect', getattr(mock, 'side_effect'));
  for (const method of ['assert_called_with', 'assert_called_once_with', 'assert_has_calls', 'assert_any_call', 'reset_mock', 'assert_called',
    'assert_not_called', 'assert_called_once']) {
    setattr(funcopy, method, getattr(mock, method));
  }
  stateOf(mock).delegate = funcopy;
  return funcopy;
}

function createAutospec(spec: unknown, specSet: boolean, instance: boolean, parent: Obj | null, name: string | null, kwargs: Record<string, unknown>): unknown {
  if (Array.isArray(spec) && pyClassOf(spec) === undefined) spec = type(spec);
  const isType = isClass(spec);
  if (isMock(spec)) throw newException(InvalidSpecError, [`Cannot autospec a Mock object. [object=${repr(spec)}]`], null);
  const isAsyncFunc = typeof spec === 'function' && !isType && iscoroutinefunction(spec);
  let kw: Record<string, unknown> = specSet ? { spec_set: spec } : spec === null ? {} : { spec };
  if (Object.keys(kw).length > 0 && instance) kw['_spec_as_instance'] = true;
  kw = { ...kw, ...kwargs };
  let Klass: unknown = MagicMock;
  if (isType && instance && typeof (getattr(spec, '__call__', null)) !== 'function') Klass = NonCallableMagicMock;
  else if (!isType && !callable(spec)) Klass = NonCallableMagicMock;
  if (isAsyncFunc && AsyncMockRef.cls !== null) Klass = AsyncMockRef.cls;
  if (Object.hasOwn(kw, 'name')) {
    name = kw['name'] as string | null;
    delete kw['name'];
  }
  const newName = parent === null ? '' : name;
  let mock = call(Klass, [], { parent, _new_parent: parent, _new_name: newName, name, ...kw }) as Obj;
  if (isFunctionType(spec)) {
    mock = functionFor(mock, spec, specSignature(spec, false, isType)) as Obj;
  } else if (!isType || isPyFunctionValue(getattr(spec, '__init__', null))) {
    // A class's calls are checked against its __init__; object's takes anything (as CPython's `object.__init__(self, /, *args, **kwargs)`).
    const sig = specSignature(spec, instance, false);
    if (sig !== null) stateOf(mock).checkSig = checker(sig);
  }
  const inner = (FUNCTION_MOCKS.get(mock) ?? mock) as Obj;
  if (parent !== null && !instance && name !== null) stateOf(parent).children.set(name, mock);
  if (isType && !instance && !Object.hasOwn(kwargs, 'return_value')) {
    setattr(mock, 'return_value', createAutospec(spec, specSet, true, inner, '()', {}));
  }
  for (const entry of dir(spec) as string[]) {
    if (isMagicName(entry)) continue;
    let original: unknown;
    try {
      original = getattr(spec, entry);
    } catch (e) {
      if (e instanceof AttributeError) continue;
      throw e;
    }
    if (!isFunctionType(original)) {
      const childSpec = original;
      stateOf(inner).children.set(entry, new SpecState((p, n) => createAutospec(childSpec, specSet, instance, p, n, {})));
      continue;
    }
    const skip = mustSkip(spec, entry, isType);
    const childKlass = iscoroutinefunction(original) && AsyncMockRef.cls !== null ? AsyncMockRef.cls : MagicMock;
    const child = call(childKlass, [], {
      parent: inner, name: entry, _new_name: entry, _new_parent: inner, [specSet ? 'spec_set' : 'spec']: original, _eat_self: skip,
    }) as Obj;
    stateOf(inner).children.set(entry, child);
    setattr(child, 'return_value', call(childKlass, [], null));
    const sig = specSignature(original, false, skip);
    if (sig !== null) stateOf(child).checkSig = checker(sig);
  }
  return mock;
}

export const create_autospec = pyFunction('spec, spec_set=, instance=, _parent=, _name=, *, unsafe=, **kwargs', 'create_autospec', Q,
  (spec: unknown, specSet?: unknown, instance?: unknown, parent?: unknown, name?: unknown, _unsafe?: unknown, kwargs?: PyDict) =>
    createAutospec(spec, specSet === true, instance === true, (parent ?? null) as Obj | null, (name ?? null) as string | null,
      kwRecord(kwargs) ?? {}));

autospecHook.create = (spec, specSet, name, kwargs) => createAutospec(spec, specSet, false, null, name, kwargs);

// ---- mock_open ----

function toStream(data: unknown): unknown {
  return data instanceof PyBytes ? call(BytesIO, [data], null) : call(StringIO, [data], null);
}

/** The names a file handle has (CPython's file_spec: a text file's and a BytesIO's). */
function fileSpec(): string[] {
  const names = new Set<string>([...(dir(StringIO) as string[]), ...(dir(BytesIO) as string[])]);
  for (const n of ['__enter__', '__exit__', '__iter__', '__next__', 'read', 'readline', 'readlines', 'write', 'writelines', 'close', 'name']) names.add(n);
  return [...names].sort();
}

/** A Python iterator over a JS generator's values. */
function pyIterator(gen: Generator<unknown>): unknown {
  return iter(gen);
}

export const mock_open = pyFunction('mock=, read_data=', 'mock_open', Q, (mockArg?: unknown, readData: unknown = '') => {
  const state: { stream: unknown; readline: unknown } = { stream: toStream(readData), readline: null };
  const mock = (mockArg ?? call(MagicMock, [], { name: 'open', spec: dir(builtinOpen) })) as Obj;
  const handle = call(MagicMock, [], { spec: fileSpec() }) as Obj;
  const method = (n: string): Obj => getattr(handle, n) as Obj;
  setattr(method('__enter__'), 'return_value', handle);
  for (const n of ['write', 'read', 'readline', 'readlines']) setattr(method(n), 'return_value', null);
  const fixed = (n: string): unknown => getattr(method(n), 'return_value');
  setattr(method('read'), 'side_effect', pyFunction('*args, **kwargs', '_read_side_effect', Q, (args: PyTuple, kwargs: PyDict) => {
    const rv = fixed('read');
    return rv !== null ? rv : callMethodKw(state.stream, 'read', [...args], kwRecord(kwargs));
  }));
  setattr(method('readlines'), 'side_effect', pyFunction('*args, **kwargs', '_readlines_side_effect', Q, (args: PyTuple, kwargs: PyDict) => {
    const rv = fixed('readlines');
    return rv !== null ? rv : callMethodKw(state.stream, 'readlines', [...args], kwRecord(kwargs));
  }));
  function* lines(): Generator<unknown> {
    const rv = fixed('readline');
    if (rv !== null) for (;;) yield rv;
    for (;;) {
      const line = callMethod(state.stream, 'readline');
      if (line === '' || (line instanceof PyBytes && line.bytes.length === 0)) break;
      yield line;
    }
  }
  function* readlineEffect(): Generator<unknown> {
    yield* lines();
    for (;;) yield callMethod(state.stream, 'readline');
  }
  const newReadline = (): void => {
    state.readline = pyIterator(readlineEffect());
    setattr(method('readline'), 'side_effect', state.readline);
  };
  newReadline();
  setattr(method('__iter__'), 'side_effect', pyFunction('', '_iter_side_effect', Q, () => pyIterator(lines())));
  setattr(method('__next__'), 'side_effect', pyFunction('', '_next_side_effect', Q, () => {
    const rv = fixed('readline');
    return rv !== null ? rv : next(state.stream);
  }));
  setattr(mock, 'side_effect', pyFunction('*args, **kwargs', 'reset_data', Q, () => {
    state.stream = toStream(readData);
    if (getattr(method('readline'), 'side_effect') === state.readline) newReadline();
    return DEFAULT;
  }));
  setattr(mock, 'return_value', handle);
  return mock;
});
