/**
 * What an enum class body may hold besides members and methods:
 * `member(v)` (a member even when v is a function), `nonmember(v)` (a plain
 * class attribute), and enum.property, the descriptor of attributes that a
 * member reads through its getter and the class looks up among its members.
 */
import { AttributeError } from '../../../builtins/exceptions.js';
import { call } from '../../../builtins/calls.js';
import { getattr, setattr } from '../../../builtins/attributes.js';
import { PyDict } from '../../../builtins/dict.js';
import { repr } from '../../../builtins/repr.js';
import { pyClass, pyFunction } from '../pydef.js';

const Q = 'enum';
type Obj = Record<string, unknown>;

function valueHolder(name: string): ReturnType<typeof pyClass> {
  return pyClass(name, Q, [], {
    __init__: pyFunction('self, value', `${name}.__init__`, Q, (self: Obj, value: unknown) => {
      setattr(self, 'value', value);
      return null;
    }),
  });
}

/** member(value): forces the value to become a member during class creation. */
export const member = valueHolder('member');
/** nonmember(value): keeps the value from becoming a member. */
export const nonmember = valueHolder('nonmember');

/** `ownerclass._member_map_[name]`, else CPython's AttributeError (EnumType.__getattr__ turns the class-level one into `AttributeError(name)`). */
function memberNamed(owner: unknown, name: unknown, message: string): unknown {
  const map = getattr(owner, '_member_map_', null);
  const found = map instanceof PyDict ? map.$get(name) : undefined;
  if (found !== undefined) return found;
  throw new AttributeError(message);
}

/** enum.property(fget=None, fset=None, fdel=None, doc=None), a DynamicClassAttribute. */
export const property = pyClass('property', Q, [], {
  __init__: pyFunction('self, fget=, fset=, fdel=, doc=', 'DynamicClassAttribute.__init__', Q,
    (self: Obj, fget: unknown = null, fset: unknown = null, fdel: unknown = null, doc: unknown = null) => {
      setattr(self, 'fget', fget ?? null);
      setattr(self, 'fset', fset ?? null);
      setattr(self, 'fdel', fdel ?? null);
      setattr(self, '__doc__', doc ?? (fget !== null && fget !== undefined ? getattr(fget, '__doc__', null) : null));
      setattr(self, 'overwrite_doc', doc === null || doc === undefined);
      setattr(self, '__isabstractmethod__', fget !== null && fget !== undefined ? getattr(fget, '__isabstractmethod__', false) : false);
      return null;
    }),
  __get__: pyFunction('self, instance, ownerclass=', 'property.__get__', Q, (self: Obj, instance: unknown, owner: unknown = null) => {
    const name = getattr(self, 'name');
    if (instance === null) return memberNamed(owner, name, String(name));
    const fget = getattr(self, 'fget');
    if (fget === null) return memberNamed(owner, name, `${repr(owner)} has no attribute ${repr(name)}`);
    return call(fget, [instance], null);
  }),
  __set__: pyFunction('self, instance, value', 'property.__set__', Q, (self: Obj, instance: unknown, value: unknown) => {
    const fset = getattr(self, 'fset');
    if (fset === null) throw new AttributeError(`<enum '${String(getattr(self, 'clsname'))}'> cannot set attribute '${String(getattr(self, 'name'))}'`);
    return call(fset, [instance, value], null);
  }),
  __delete__: pyFunction('self, instance', 'property.__delete__', Q, (self: Obj, instance: unknown) => {
    const fdel = getattr(self, 'fdel');
    if (fdel === null) throw new AttributeError(`<enum '${String(getattr(self, 'clsname'))}'> cannot delete attribute '${String(getattr(self, 'name'))}'`);
    return call(fdel, [instance], null);
  }),
  __set_name__: pyFunction('self, ownerclass, name', 'property.__set_name__', Q, (self: Obj, owner: unknown, name: unknown) => {
    setattr(self, 'name', name);
    setattr(self, 'clsname', getattr(owner, '__name__'));
    return null;
  }),
  getter: pyFunction('self, fget', 'DynamicClassAttribute.getter', Q, (self: Obj, fget: unknown) => remade(self, fget, getattr(self, 'fset'), getattr(self, 'fdel'))),
  setter: pyFunction('self, fset', 'DynamicClassAttribute.setter', Q, (self: Obj, fset: unknown) => remade(self, getattr(self, 'fget'), fset, getattr(self, 'fdel'))),
  deleter: pyFunction('self, fdel', 'DynamicClassAttribute.deleter', Q, (self: Obj, fdel: unknown) => remade(self, getattr(self, 'fget'), getattr(self, 'fset'), fdel)),
});

function remade(self: Obj, fget: unknown, fset: unknown, fdel: unknown): unknown {
  return call(getattr(self, '__class__'), [fget, fset, fdel, getattr(self, '__doc__')], null);
}
