import { TypeError } from '../../../builtins/exceptions.js';
import { isIntNumber, typeName } from '../../../builtins/values.js';

/** An int option (indent_increment, width…) as a JS number. */
export function intOf(v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && isIntNumber(v)) return v;
  if (typeof v === 'bigint') return Number(v);
  throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}
