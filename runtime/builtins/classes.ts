/**
 * Python classes. A class is a JS function: calling it makes an instance,
 * as calling a Python class does (no `new`). Its attributes live on
 * `cls.prototype`, so an instance finds them through JS's own prototype
 * lookup: instance attributes are own properties, methods are found on the
 * chain, properties are accessors there (which take precedence over the
 * instance's own attributes, as data descriptors do in Python).
 *
 * The parts, each in classes/:
 * - model.ts: what is known about a class (namespace, bases, MRO, native
 *   constructor), `object`, isinstance/issubclass/type(obj);
 * - descriptors.ts: staticmethod, classmethod, property;
 * - creation.ts: the `class` statement and the builtin types as classes;
 * - classAttributes.ts: `cls.name` and assignments to class attributes;
 * - instanceAttributes.ts: `obj.name`, its assignment and deletion, `__dict__`;
 * - construction.ts: `cls(…)` — `__new__` and `__init__`;
 * - nativeInit.ts: subclasses of runtime JS classes whose constructor is `__init__`;
 * - objectType.ts: object's own methods; identity.ts: id(), hash and repr by identity;
 * - superObjects.ts: `super()`;
 * - metaclasses.ts: classes made by a metaclass other than `type`.
 */
export { BUILTIN_METHOD, CLASS, MRO_HIDDEN, PY_BASES, type PyClass } from './classes/model.js';
export {
  object, hooks, isPyClass, isClassLike, mroOf, classAttribute, pyClassOf, typeOf, isinstance, issubclass, bindMethod, typeBuiltin, setTypeClass, onClassChain,
} from './classes/model.js';
export {
  MethodDescriptor, PyStaticMethod, PyClassMethod, PyProperty, staticmethod, classmethod, property,
} from './classes/descriptors.js';
export { objectId, defaultRepr, qualifiedName } from './classes/identity.js';
export { declareSlots, makeClass, registerBuiltinClass } from './classes/creation.js';
export { setClassAttribute, deleteClassAttribute, getClassAttr, setClassAttr } from './classes/classAttributes.js';
export {
  foundAttr, findInstanceAttr, getInstanceAttr, dictHooks, instanceDict, setInstanceAttr, writeInstanceAttr, dropInstanceAttr, delInstanceAttr,
} from './classes/instanceAttributes.js';
export { construct } from './classes/construction.js';
export { PySuper, makeSuper, superGetattr, superCall, superBuiltinMethod, superUnavailable } from './classes/superObjects.js';
export { BaseException } from './exceptions.js';
