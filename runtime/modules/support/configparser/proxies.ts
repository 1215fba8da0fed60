/**
 * configparser's SectionProxy (one section seen as a MutableMapping, the
 * DEFAULT values included, every read going through the parser's own
 * methods, so a subclass's overrides apply) and ConverterMapping (the
 * parser's converters: each name `x` gives the parser and each of its
 * section proxies a `getx` method).
 */
import { AttributeError, KeyError, TypeError, ValueError } from '../../../builtins/exceptions.js';
import { callMethod, callMethodKw, delattr, getattr, setattr } from '../../../builtins/attributes.js';
import { call } from '../../../builtins/calls.js';
import { PyProperty, type PyClass } from '../../../builtins/classes.js';
import { PyDict } from '../../../builtins/dict.js';
import { toPython } from '../../../builtins/errors.js';
import { iter, iterate } from '../../../builtins/iteration.js';
import { len } from '../../../builtins/functions.js';
import { add } from '../../../builtins/operators.js';
import { str } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { callable, dir, type } from '../../../builtins/types.js';
import { getitem } from '../../../builtins/items.js';
import { MutableMapping } from '../../collections.abc.js';
import { partial } from '../../functools.js';
import { compile } from '../../re.js';
import { pyClass, pyFunction, kwargsRecord } from '../pydef.js';
import { chained } from './errors.js';

const Q = 'configparser';
type Obj = Record<string, unknown>;

/** `functools.partial(func, **keywords)`. */
function partialOf(func: unknown, keywords: Record<string, unknown>): unknown {
  return call(partial, [func], keywords);
}

/** The proxy's options: the section's and DEFAULT's, or DEFAULT's alone for the default section's proxy. */
function proxyOptions(self: unknown): unknown {
  const parser = getattr(self, '_parser');
  const name = getattr(self, '_name');
  if (name !== getattr(parser, 'default_section')) return callMethod(parser, 'options', name);
  return callMethod(parser, 'defaults');
}

export const SectionProxy: PyClass = pyClass('SectionProxy', Q, [MutableMapping], {
  __doc__: 'A proxy for a single section from a parser.',
  __init__: pyFunction('self, parser, name', 'SectionProxy.__init__', Q, (self: Obj, parser: unknown, name: unknown) => {
    setattr(self, '_parser', parser);
    setattr(self, '_name', name);
    for (const conv of iterate(getattr(parser, 'converters'))) {
      const key = `get${str(conv)}`;
      setattr(self, key, partialOf(getattr(self, 'get'), { _impl: getattr(parser, key) }));
    }
    return null;
  }),
  __repr__: pyFunction('self', 'SectionProxy.__repr__', Q, (self: Obj) => callMethod('<Section: {}>', 'format', getattr(self, '_name'))),
  __getitem__: pyFunction('self, key', 'SectionProxy.__getitem__', Q, (self: Obj, key: unknown) => {
    const parser = getattr(self, '_parser');
    const name = getattr(self, '_name');
    if (!truthy(callMethod(parser, 'has_option', name, key))) throw new KeyError(key);
    return callMethod(parser, 'get', name, key);
  }),
  __setitem__: pyFunction('self, key, value', 'SectionProxy.__setitem__', Q, (self: Obj, key: unknown, value: unknown) => {
    const parser = getattr(self, '_parser');
    callMethodKw(parser, '_validate_value_types', [], { option: key, value });
    return callMethod(parser, 'set', getattr(self, '_name'), key, value);
  }),
  __delitem__: pyFunction('self, key', 'SectionProxy.__delitem__', Q, (self: Obj, key: unknown) => {
    const parser = getattr(self, '_parser');
    const name = getattr(self, '_name');
    if (!(truthy(callMethod(parser, 'has_option', name, key)) && truthy(callMethod(parser, 'remove_option', name, key)))) throw new KeyError(key);
    return null;
  }),
  __contains__: pyFunction('self, key', 'SectionProxy.__contains__', Q, (self: Obj, key: unknown) =>
    callMethod(getattr(self, '_parser'), 'has_option', getattr(self, '_name'), key)),
  __len__: pyFunction('self', 'SectionProxy.__len__', Q, (self: Obj) => len(callMethod(self, '_options'))),
  __iter__: pyFunction('self', 'SectionProxy.__iter__', Q, (self: Obj) => iter(callMethod(self, '_options'))),
  _options: pyFunction('self', 'SectionProxy._options', Q, (self: Obj) => proxyOptions(self)),
  parser: new PyProperty(pyFunction('self', 'SectionProxy.parser', Q, (self: Obj) => getattr(self, '_parser'))),
  name: new PyProperty(pyFunction('self', 'SectionProxy.name', Q, (self: Obj) => getattr(self, '_name'))),
  // The parser's get (or the getter `_impl` a converter gives), with the fallback None unless one is given.
  get: pyFunction('self, option, fallback=, *, raw=, vars=, _impl=, **kwargs', 'SectionProxy.get', Q,
    (self: Obj, option: unknown, fallback: unknown = null, raw: unknown = false, vars: unknown = null, impl: unknown = null, kwargs: PyDict) => {
      const getter = truthy(impl) ? impl : getattr(getattr(self, '_parser'), 'get');
      return call(getter, [getattr(self, '_name'), option], { raw, vars, fallback, ...kwargsRecord(kwargs) });
    }),
});

const GETTERCRE = compile('^get(?P<name>.+)$');

export const ConverterMapping: PyClass = pyClass('ConverterMapping', Q, [MutableMapping], {
  __doc__: 'Enables reuse of get*() methods between the parser and section proxies.\n\n    If a parser class implements a getter directly, the value for the given\n    key will be ``None``. The presence of the converter name here enables\n    section proxies to find and use the implementation on the parser class.\n    ',
  GETTERCRE,
  __init__: pyFunction('self, parser', 'ConverterMapping.__init__', Q, (self: Obj, parser: unknown) => {
    setattr(self, '_parser', parser);
    const data = new PyDict();
    setattr(self, '_data', data);
    for (const name of dir(parser)) {
      if (typeof name !== 'string' || !name.startsWith('get') || name.length === 3) continue;
      if (!callable(getattr(parser, name))) continue;
      // A name that is only a getter's: the parser's own method serves it.
      data.$set(name.slice(3), null);
    }
    return null;
  }),
  __getitem__: pyFunction('self, key', 'ConverterMapping.__getitem__', Q, (self: Obj, key: unknown) => getitem(getattr(self, '_data'), key)),
  __setitem__: pyFunction('self, key, value', 'ConverterMapping.__setitem__', Q, (self: Obj, key: unknown, value: unknown) => {
    let k: unknown;
    try {
      k = add('get', key);
    } catch (e) {
      if (!(toPython(e) instanceof TypeError)) throw e;
      throw chained(new ValueError(callMethod('Incompatible key: {} (type: {})', 'format', key, type(key)) as string), e, false);
    }
    if (k === 'get') throw new ValueError('Incompatible key: cannot use "" as a name');
    const parser = getattr(self, '_parser');
    callMethod(getattr(self, '_data'), '__setitem__', key, value);
    const func = partialOf(getattr(parser, '_get_conv'), { conv: value });
    setattr(func, 'converter', value);
    setattr(parser, k as string, func);
    for (const proxy of iterate(callMethod(parser, 'values'))) {
      setattr(proxy, k as string, partialOf(getattr(proxy, 'get'), { _impl: func }));
    }
    return null;
  }),
  __delitem__: pyFunction('self, key', 'ConverterMapping.__delitem__', Q, (self: Obj, key: unknown) => {
    let k: unknown;
    try {
      k = add('get', truthy(key) ? key : null);
    } catch (e) {
      if (!(toPython(e) instanceof TypeError)) throw e;
      throw chained(new KeyError(key), e, false);
    }
    callMethod(getattr(self, '_data'), '__delitem__', key);
    const parser = getattr(self, '_parser');
    for (const inst of [parser, ...iterate(callMethod(parser, 'values'))]) {
      try {
        delattr(inst, k as string);
      } catch (e) {
        if (!(toPython(e) instanceof AttributeError)) throw e;
      }
    }
    return null;
  }),
  __iter__: pyFunction('self', 'ConverterMapping.__iter__', Q, (self: Obj) => iter(getattr(self, '_data'))),
  __len__: pyFunction('self', 'ConverterMapping.__len__', Q, (self: Obj) => len(getattr(self, '_data'))),
});
