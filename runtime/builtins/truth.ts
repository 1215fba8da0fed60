/** Python truthiness (`if x:`, `not x`, `and`/`or`). */
import { PyFloat, PyBytes, PyComplex } from './values.js';
import { PyRange } from './range.js';
import { instanceTruth, isInstance, setTruth } from './dunders.js';
import { isExactArray, whenOverridden } from './subclassOverrides.js';

/*
 * The arrays whose truth is their length: every list and tuple until a
 * Python subclass of list or tuple defines __bool__ or __len__
 * (subclassOverrides.ts), exact ones only after (a subclass's instance then
 * goes to instanceTruth below).
 */
var isSizedArray: (v: unknown) => v is unknown[] = Array.isArray;
whenOverridden('truth', () => {
  isSizedArray = isExactArray;
});

interface Sized {
  readonly size: number;
}

/**
 * Kept tiny (conditions are mostly booleans already) so that V8 inlines it
 * everywhere without counting it against its inlining budget.
 */
export function truthy(v: unknown): boolean {
  // Identity with the two booleans: no load of v's type, which a `typeof` test needs.
  return v === true || (v !== false && truthValue(v));
}

function truthValue(v: unknown): boolean {
  switch (typeof v) {
    case 'number':
      return v !== 0; // nan is true, as in Python
    case 'string':
      return v.length > 0;
    case 'bigint':
      return v !== 0n;
    case 'undefined':
      return false;
    case 'function':
      return isInstance(v) ? instanceTruth(v) : true;
  }
  if (v === null) return false;
  // A list or tuple; a subclass's class may define __bool__ or __len__.
  if (isSizedArray(v)) return v.length > 0;
  if (v instanceof PyFloat) return v.value !== 0;
  if (v instanceof PyBytes) return v.bytes.length > 0;
  if (v instanceof PyComplex) return v.real !== 0 || v.imag !== 0;
  if (v instanceof PyRange) return v.nonEmpty;
  if (isInstance(v)) return instanceTruth(v);
  const sized = v as Partial<Sized> & { length?: unknown; __len__?: () => unknown };
  if (typeof sized.size === 'number') return sized.size > 0;
  // A runtime object with a length of its own (a memoryview).
  if (typeof sized.__len__ === 'function') return (sized.__len__() as number) > 0;
  return true;
}

/** `not x`. */
export function not(v: unknown): boolean {
  return !truthy(v);
}

/** `a is b`: identity, with `undefined` read as None. */
export function is(a: unknown, b: unknown): boolean {
  // Object.is: a NaN is itself (every NaN counts as one object, see README's differences), and the -0 of 0.0 is not the int 0.
  return Object.is(a, b) || (a == null && b == null);
}

export function isNot(a: unknown, b: unknown): boolean {
  return !is(a, b);
}

setTruth(truthy);
