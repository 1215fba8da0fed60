/**
 * asyncio.timeouts (3.11): `async with asyncio.timeout(delay)` cancels the
 * enclosing task when the deadline passes and turns that cancellation into
 * TimeoutError on the way out, unless another cancellation is pending.
 */
import { BaseException, RuntimeError, TimeoutError } from '../builtins/exceptions.js';
import { callableClass } from '../builtins/callableClass.js';
import { CancelledError } from './exceptions.js';
import { get_running_loop, type TimerHandle } from './events.js';
import { seconds } from './baseEvents.js';
import { runtimeCoroutine, type PyCoroutine } from './coroutines.js';
import { markCoroutineFunctions } from './coroutineFunctions.js';
import { current_task, type Task } from './tasks.js';
import { float } from '../builtins/values.js';
import { round } from '../builtins/numbers/round.js';
import { repr } from '../builtins/repr.js';

type State = 'created' | 'active' | 'expiring' | 'expired' | 'finished';

class TimeoutImpl {
  static readonly __name__ = 'Timeout';
  static readonly __module__ = 'asyncio.timeouts';

  _state: State = 'created';
  _timeout_handler: TimerHandle | null = null;
  _task: Task | null = null;
  /** The task's cancelling() on entry: a cancellation beyond it is not ours to turn into TimeoutError. */
  _cancelling = 0;
  /** The deadline in seconds, for the loop. */
  _when: number | null;
  /** The deadline as given (an int stays an int), which when() and the repr show. */
  _whenValue: unknown;

  constructor(when: unknown) {
    this._whenValue = when === undefined ? null : when;
    this._when = this._whenValue === null ? null : seconds(when);
  }

  when(): unknown {
    return this._whenValue;
  }

  reschedule(when: unknown): null {
    if (this._state === 'created') throw new RuntimeError('Timeout has not been entered');
    if (this._state !== 'active') throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
    this._whenValue = when === undefined ? null : when;
    this._when = this._whenValue === null ? null : seconds(when);
    this._timeout_handler?.cancel();
    if (this._when === null) {
      this._timeout_handler = null;
    } else {
      const loop = get_running_loop();
      const onTimeout = (): null => this._on_timeout();
      Object.defineProperty(onTimeout, '__qualname__', { value: 'Timeout._on_timeout' });
      this._timeout_handler = this._when <= loop.$time() ? loop.call_soon(onTimeout) as TimerHandle : loop.call_at(this._when, onTimeout);
    }
    return null;
  }

  expired(): boolean {
    return this._state === 'expiring' || this._state === 'expired';
  }

  __repr__(): string {
    const info = [''];
    if (this._state === 'active') info.push(`when=${this._whenValue === null ? 'None' : repr(round(this._whenValue, 3))}`);
    return `<Timeout [${this._state}]${info.join(' ')}>`;
  }

  __aenter__(): PyCoroutine {
    return runtimeCoroutine(aenter, [this], 'Timeout.__aenter__');
  }

  __aexit__(et: unknown, exc: unknown, tb: unknown): PyCoroutine {
    return runtimeCoroutine(aexit, [this, et, exc, tb], 'Timeout.__aexit__');
  }

  _on_timeout(): null {
    this._task!.cancel();
    this._state = 'expiring';
    this._timeout_handler = null;
    return null;
  }
}

async function aenter(self: TimeoutImpl): Promise<unknown> {
  if (self._state !== 'created') throw new RuntimeError('Timeout has already been entered');
  const task = current_task();
  if (task === null) throw new RuntimeError('Timeout should be used inside a task');
  self._state = 'active';
  self._task = task;
  self._cancelling = task.cancelling();
  self.reschedule(self._whenValue);
  return self;
}

async function aexit(self: TimeoutImpl, et: unknown, exc: unknown, _tb: unknown): Promise<unknown> {
  if (self._timeout_handler !== null) {
    self._timeout_handler.cancel();
    self._timeout_handler = null;
  }
  if (self._state === 'expiring') {
    self._state = 'expired';
    // No cancellation requested since entry but ours: this one is ours to turn into TimeoutError.
    if (self._task!.uncancel() <= self._cancelling && et === CancelledError) {
      const e = new TimeoutError();
      e.__cause__ = exc as BaseException;
      e.__context__ = exc as BaseException;
      e.__suppress_context__ = true;
      throw e;
    }
  } else if (self._state === 'active') {
    self._state = 'finished';
  }
  return null;
}

export const Timeout = callableClass(TimeoutImpl);

export function timeout(delay: unknown): TimeoutImpl {
  const loop = get_running_loop();
  return new TimeoutImpl(delay === null || delay === undefined ? null : float(loop.$time() + seconds(delay)));
}

export function timeout_at(when: unknown): TimeoutImpl {
  return new TimeoutImpl(when);
}

markCoroutineFunctions(TimeoutImpl.prototype, ['__aenter__', '__aexit__']);
