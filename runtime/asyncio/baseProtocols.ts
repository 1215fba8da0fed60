/**
 * asyncio.protocols: the callback interfaces a transport drives. Every
 * method is a no-op, so a Python subclass overrides only what it needs
 * (`class Echo(asyncio.Protocol): def data_received(self, data): …`).
 * Constructors take and ignore any arguments: a Python subclass's
 * `__init__` arguments reach the native base too.
 */
import { callableClass } from '../builtins/callableClass.js';
import { NotImplementedError } from '../builtins/exceptions.js';
import { addressOf } from './coroutines.js';

const MODULE = 'asyncio.protocols';

class BaseProtocolImpl {
  static readonly __name__: string = 'BaseProtocol';
  static readonly __module__: string = MODULE;

  constructor(..._args: unknown[]) {}

  connection_made(_transport: unknown): null {
    return null;
  }

  connection_lost(_exc: unknown): null {
    return null;
  }

  pause_writing(): null {
    return null;
  }

  resume_writing(): null {
    return null;
  }

  __repr__(): string {
    const cls = this.constructor as unknown as { __name__: string; __module__: string };
    return `<${cls.__module__}.${cls.__name__} object at ${addressOf(this)}>`;
  }
}

class ProtocolImpl extends BaseProtocolImpl {
  static override readonly __name__: string = 'Protocol';

  data_received(_data: unknown): null {
    return null;
  }

  eof_received(): unknown {
    return null;
  }
}

class BufferedProtocolImpl extends BaseProtocolImpl {
  static override readonly __name__: string = 'BufferedProtocol';

  get_buffer(_sizehint: unknown): never {
    throw new NotImplementedError();
  }

  buffer_updated(_nbytes: unknown): null {
    return null;
  }

  eof_received(): null {
    return null;
  }
}

class DatagramProtocolImpl extends BaseProtocolImpl {
  static override readonly __name__: string = 'DatagramProtocol';

  datagram_received(_data: unknown, _addr: unknown): null {
    return null;
  }

  error_received(_exc: unknown): null {
    return null;
  }
}

class SubprocessProtocolImpl extends BaseProtocolImpl {
  static override readonly __name__: string = 'SubprocessProtocol';

  pipe_data_received(_fd: unknown, _data: unknown): null {
    return null;
  }

  pipe_connection_lost(_fd: unknown, _exc: unknown): null {
    return null;
  }

  process_exited(): null {
    return null;
  }
}

export const BaseProtocol = callableClass(BaseProtocolImpl);
export type BaseProtocol = BaseProtocolImpl;
export const Protocol = callableClass(ProtocolImpl);
export type Protocol = ProtocolImpl;
export const BufferedProtocol = callableClass(BufferedProtocolImpl);
export const DatagramProtocol = callableClass(DatagramProtocolImpl);
export const SubprocessProtocol = callableClass(SubprocessProtocolImpl);
export { ProtocolImpl, BufferedProtocolImpl };
