/**
 * io.IOBase, io.RawIOBase, io.BufferedIOBase and io.TextIOBase: abstract
 * classes (metaclass ABCMeta) over the C bases of runtime/builtins/ioBases.ts,
 * as CPython's io.py makes them, with the runtime's stream classes
 * registered as theirs (StringIO and the text files are TextIOBases, BytesIO
 * and the buffered files BufferedIOBases, FileIO a RawIOBase), so isinstance
 * and issubclass answer as in CPython. A Python class deriving from one gets
 * the C bases' default methods.
 */
import { makeClass, PY_BASES, type PyClass } from '../../../builtins/classes.js';
import { callMethod } from '../../../builtins/attributes.js';
import { OSError, ValueError } from '../../../builtins/exceptions.js';
import { UnsupportedOperation, _BufferedIOBase, _IOBase, _RawIOBase, _TextIOBase } from '../../../builtins/ioBases.js';
import { ABCMeta } from '../../abc.js';

// Python's bases, which one JS base cannot express (for __mro__, issubclass and `except ValueError`).
Object.defineProperty(UnsupportedOperation, PY_BASES, { value: [OSError, ValueError] });

function abstractClass(name: string, bases: unknown[]): PyClass {
  return makeClass(name, bases, (ns) => {
    ns['__module__'] = 'io';
    ns['__qualname__'] = name;
  }, { metaclass: ABCMeta });
}

export const IOBase = abstractClass('IOBase', [_IOBase]);
export const RawIOBase = abstractClass('RawIOBase', [_RawIOBase, IOBase]);
export const BufferedIOBase = abstractClass('BufferedIOBase', [_BufferedIOBase, IOBase]);
export const TextIOBase = abstractClass('TextIOBase', [_TextIOBase, IOBase]);

/** `abc.register(*classes)`, as io.py registers the C classes with their ABCs. */
export function registerAll(abc: PyClass, ...classes: unknown[]): void {
  for (const cls of classes) callMethod(abc, 'register', cls);
}
