/**
 * asyncio.transports: the abstract transports. Their operations raise
 * NotImplementedError; socketTransport.ts implements them over Node's
 * sockets. `get_extra_info` reads the `_extra` dict, as CPython's does.
 */
import { callableClass } from '../builtins/callableClass.js';
import { NotImplementedError } from '../builtins/exceptions.js';
import { PyDict } from '../builtins/dict.js';
import { addressOf } from './coroutines.js';
import { optional } from './keywords.js';

const MODULE = 'asyncio.transports';

class BaseTransportImpl {
  static readonly __name__: string = 'BaseTransport';
  static readonly __module__: string = MODULE;
  _extra: PyDict;

  constructor(extra?: unknown) {
    this._extra = extra instanceof PyDict ? extra : new PyDict();
  }

  get_extra_info(name: unknown, fallback?: unknown): unknown {
    const found = this._extra.$get(name);
    return found === undefined ? optional(fallback, 'default') : found;
  }

  is_closing(): boolean {
    throw new NotImplementedError();
  }

  close(): null {
    throw new NotImplementedError();
  }

  set_protocol(_protocol: unknown): null {
    throw new NotImplementedError();
  }

  get_protocol(): unknown {
    throw new NotImplementedError();
  }

  __repr__(): string {
    const cls = this.constructor as unknown as { __name__: string; __module__: string };
    return `<${cls.__module__}.${cls.__name__} object at ${addressOf(this)}>`;
  }
}

class ReadTransportImpl extends BaseTransportImpl {
  static override readonly __name__: string = 'ReadTransport';

  is_reading(): boolean {
    throw new NotImplementedError();
  }

  pause_reading(): null {
    throw new NotImplementedError();
  }

  resume_reading(): null {
    throw new NotImplementedError();
  }
}

class WriteTransportImpl extends BaseTransportImpl {
  static override readonly __name__: string = 'WriteTransport';

  set_write_buffer_limits(_high?: unknown, _low?: unknown): null {
    throw new NotImplementedError();
  }

  get_write_buffer_size(): number {
    throw new NotImplementedError();
  }

  get_write_buffer_limits(): unknown {
    throw new NotImplementedError();
  }

  write(_data: unknown): null {
    throw new NotImplementedError();
  }

  writelines(_list: unknown): null {
    throw new NotImplementedError();
  }

  write_eof(): null {
    throw new NotImplementedError();
  }

  can_write_eof(): boolean {
    throw new NotImplementedError();
  }

  abort(): null {
    throw new NotImplementedError();
  }
}

/** ReadTransport and WriteTransport both: JS has one prototype chain, so the write methods are copied in. */
class TransportImpl extends ReadTransportImpl {
  static override readonly __name__: string = 'Transport';
}
interface TransportImpl extends WriteTransportImpl {}
for (const name of Object.getOwnPropertyNames(WriteTransportImpl.prototype)) {
  if (name !== 'constructor') Object.defineProperty(TransportImpl.prototype, name, Object.getOwnPropertyDescriptor(WriteTransportImpl.prototype, name)!);
}

class DatagramTransportImpl extends BaseTransportImpl {
  static override readonly __name__: string = 'DatagramTransport';

  sendto(_data: unknown, _addr?: unknown): null {
    throw new NotImplementedError();
  }

  abort(): null {
    throw new NotImplementedError();
  }
}

class SubprocessTransportImpl extends BaseTransportImpl {
  static override readonly __name__: string = 'SubprocessTransport';

  get_pid(): unknown {
    throw new NotImplementedError();
  }

  get_returncode(): unknown {
    throw new NotImplementedError();
  }

  kill(): null {
    throw new NotImplementedError();
  }
}

export const BaseTransport = callableClass(BaseTransportImpl);
export const ReadTransport = callableClass(ReadTransportImpl);
export const WriteTransport = callableClass(WriteTransportImpl);
export const Transport = callableClass(TransportImpl);
export type Transport = TransportImpl;
export const DatagramTransport = callableClass(DatagramTransportImpl);
export const SubprocessTransport = callableClass(SubprocessTransportImpl);
export { TransportImpl, SubprocessTransportImpl };
