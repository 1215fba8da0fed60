/**
 * Python's str on JS strings: everything compiled code and the rest of the
 * runtime use, gathered from runtime/builtins/str/. Loading it registers
 * repr's str hook.
 */
export {
  strLen,
  strGetItem,
  strSlice,
  strContains,
  strConcat,
  strRepeat,
  strCompare,
  strLt,
  strLe,
  strGt,
  strGe,
  strHash,
  codePoints,
} from './str/core.js';
export { reprStr, ascii } from './str/repr.js';
export { formatValue, formatStr, formatHooks, parseFormatSpec, padToWidth, unknownFormatCode } from './str/formatSpec.js';
export type { FormatSpec } from './str/formatSpec.js';
export { strFormat, str_format, str_format_map } from './str/format.js';
export type { FormatKwargs } from './str/format.js';
export { percentFormat } from './str/percent.js';
export { strHooks } from './str/hooks.js';
export { STR_METHODS, str_encode } from './str/methods.js';
export type { StrMethod } from './str/methods.js';
export { str_upper, str_lower, str_capitalize, str_title, str_swapcase, str_casefold } from './str/case.js';
export {
  str_isdigit,
  str_isdecimal,
  str_isnumeric,
  str_isalpha,
  str_isalnum,
  str_isspace,
  str_isupper,
  str_islower,
  str_istitle,
  str_isidentifier,
  str_isprintable,
  str_isascii,
} from './str/predicates.js';
export {
  str_find,
  str_rfind,
  str_index,
  str_rindex,
  str_count,
  str_startswith,
  str_endswith,
  str_replace,
  str_partition,
  str_rpartition,
  str_removeprefix,
  str_removesuffix,
} from './str/search.js';
export { str_split, str_rsplit, str_splitlines, str_join, str_strip, str_lstrip, str_rstrip } from './str/split.js';
export { str_center, str_ljust, str_rjust, str_zfill, str_expandtabs } from './str/pad.js';
export { str_translate, str_maketrans } from './str/translate.js';
export { encodeStr, decodeBytes } from './str/codecs.js';
