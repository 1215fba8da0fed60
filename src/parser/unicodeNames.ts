/**
 * Character names for `\N{...}` escapes, as CPython 3.11 resolves them
 * (Unicode 14.0.0): names and aliases match case-insensitively, named
 * sequences are refused, and the computed names (CJK unified ideographs,
 * Hangul syllables) must be written in upper case, as CPython only accepts
 * them that way.
 *
 * The table is the runtime's `unicodedata` one (one copy of the names for
 * both), decoded on the first lookup only, so parsing code without `\N{`
 * never pays for more than loading it.
 */
export { codeOfName as lookupUnicodeName } from '../../runtime/modules/support/unicodedata/nameTable.js';
