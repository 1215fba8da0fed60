/**
 * logging's levels: the two name tables (Python dicts, so that a level is
 * found by Python equality: `getLevelName(10.0)` is 'DEBUG'), getLevelName
 * both ways, addLevelName and `_checkLevel`, as CPython's logging/__init__.py.
 */
import { TypeError, ValueError } from '../../../builtins/exceptions.js';
import { PyDict } from '../../../builtins/dict.js';
import { isinstanceInt } from '../../../builtins/isinstanceFast.js';
import { repr, str } from '../../../builtins/repr.js';

export const CRITICAL = 50;
export const FATAL = CRITICAL;
export const ERROR = 40;
export const WARNING = 30;
export const WARN = WARNING;
export const INFO = 20;
export const DEBUG = 10;
export const NOTSET = 0;

export const levelToName = new PyDict<unknown, unknown>();
export const nameToLevel = new PyDict<unknown, unknown>();
for (const [level, name] of [[CRITICAL, 'CRITICAL'], [ERROR, 'ERROR'], [WARNING, 'WARNING'], [INFO, 'INFO'], [DEBUG, 'DEBUG'], [NOTSET, 'NOTSET']] as const) {
  levelToName.$set(level, name);
}
for (const [name, level] of [['CRITICAL', CRITICAL], ['FATAL', FATAL], ['ERROR', ERROR], ['WARN', WARNING], ['WARNING', WARNING], ['INFO', INFO], ['DEBUG', DEBUG], ['NOTSET', NOTSET]] as const) {
  nameToLevel.$set(name, level);
}

/** The name of a level, the level of a name, or 'Level %s'. */
export function levelName(level: unknown): unknown {
  const byLevel = levelToName.$get(level);
  if (byLevel !== undefined && byLevel !== null) return byLevel;
  const byName = nameToLevel.$get(level);
  if (byName !== undefined && byName !== null) return byName;
  return `Level ${str(level)}`;
}

export function addLevel(level: unknown, name: unknown): void {
  levelToName.$set(level, name);
  nameToLevel.$set(name, level);
}

/** A level given as an int or a registered name, as the int. */
export function checkLevel(level: unknown): unknown {
  if (isinstanceInt(level)) return level;
  if (typeof level === 'string' || str(level) === level) {
    const known = nameToLevel.$get(level);
    if (known === undefined) throw new ValueError(`Unknown level: ${repr(level)}`);
    return known;
  }
  throw new TypeError(`Level not an integer or a valid string: ${repr(level)}`);
}
