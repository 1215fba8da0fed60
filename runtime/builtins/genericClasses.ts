/**
 * Runtime classes that CPython gives PEP 585's `__class_getitem__`
 * (asyncio.Future, Queue…): they and their subclasses make a GenericAlias
 * when subscripted (genericAlias.ts). A module importing nothing, so that
 * the classes' own modules can register them whatever loads first.
 */
export const genericRuntimeClasses = new Set<unknown>();
