/**
 * Imported for its effect by a compiled module that reads a traceback
 * object's entries (`tb_frame`, `tb_lineno`, `tb_next`): the source-mapped
 * frames they come from are loaded before the program's code runs, as the
 * traceback module loads them (runtime/builtins/frames.ts).
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../../index.js';
import { preloadFrames } from '../../program/main.js';

await preloadFrames();
