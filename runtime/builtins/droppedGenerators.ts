/**
 * A generator only a finished `for` loop held (src/transform/freshGenerators.ts):
 * CPython closes it when that last reference goes. Its `close()` failing
 * (a generator ignoring GeneratorExit) is reported, not raised, as CPython
 * reports what a finalizer raises.
 */
import { BaseException } from './exceptions.js';
import { PyGenerator } from './generators.js';
import { writeReport } from '../program/main.js';

export function dropped(items: unknown): void {
  if (!(items instanceof PyGenerator)) return;
  try {
    items.close();
  } catch (e) {
    if (!(e instanceof BaseException)) throw e;
    writeReport(`Exception ignored in: ${items.__repr__()}\n`, e);
  }
}
