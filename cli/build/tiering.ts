/**
 * V8's tiering made lazier for a process that compiles a burst of modules
 * (a build). Each thread is an isolate that runs the compiler cold: by
 * default V8 optimizes a function (TurboFan, on background threads) after
 * little feedback, and the compiler's big functions then meet branches and
 * types they had not seen, deoptimize and are optimized again — in a cold
 * stdlib build ~1,850 optimizations and ~670 deoptimizations, ~5 s of CPU
 * on V8's background threads, every worker paying for its own. With 8×
 * the budget a function runs longer in the interpreter and baseline code
 * first, and is optimized once on fuller feedback: ~770 optimizations,
 * ~250 deoptimizations, the background threads' CPU about halved, and
 * ~2 s less CPU (about 15%) for the build on two workers. (16× gained no
 * more; 4× a little less.)
 *
 * V8 flags are per process (workers cannot be given their own), and the
 * budget is read each time a function's counter is refilled, so setting it
 * at run time takes effect for the code that runs afterwards. It changes
 * only when code gets optimized, never what it does.
 */
import { setFlagsFromString } from 'node:v8';

/** V8's default (--interrupt-budget=67584, in bytecode bytes executed) times 8. */
const INTERRUPT_BUDGET = 8 * 66 * 1024;

let tuned = false;

/**
 * Called once a build has many modules to compile (on worker threads or on
 * this one: a single thread gains too, ~1 s of ~10.5). Never for a watch
 * rebuild of a few modules, which wants the compiler optimized soon.
 */
export function tuneTieringForBuild(): void {
  if (tuned) return;
  tuned = true;
  // A budget the user gave node (on its command line or in NODE_OPTIONS) stands.
  if (`${process.execArgv.join(' ')} ${process.env['NODE_OPTIONS'] ?? ''}`.includes('interrupt-budget')) return;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
