/** struct.error (a plain Exception subclass, as CPython's), shared by the struct module and its codec. */
import { Exception } from '../../../builtins/exceptions.js';
import { defineClass, newException } from '../stdlib/pyclass.js';

export const StructError = defineClass('struct', 'error', [Exception], {});

export function structError(message: string): unknown {
  return newException(StructError, [message], null);
}
