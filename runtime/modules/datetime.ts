/**
 * Python's `datetime`: timedelta, date, time, datetime, tzinfo and the
 * fixed-offset timezone (support/datetime/ has one class per file).
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './datetime.js';

export const __name__ = 'datetime';
loadedModules.$set('datetime', self);

export { timedelta } from './support/datetime/timedelta.js';
export { MINYEAR, MAXYEAR } from './support/datetime/ymd.js';
export { date } from './support/datetime/date.js';
export { time } from './support/datetime/timeOfDay.js';
export { datetime } from './support/datetime/datetimeClass.js';
export { tzinfo, timezone, UTC } from './support/datetime/tzinfo.js';
// Installs datetime.strptime's parser (it needs the classes above).
import './support/datetime/strptime.js';
