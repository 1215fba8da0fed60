// Richards: Martin Richards' simulation of an operating system's task
// scheduler (an idle task, a worker, two handlers, two devices exchanging
// packets). Classes, method calls and property access.

const [IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B] = [1, 2, 3, 4, 5, 6];
const DEVICE_PACKET = 0;
const WORK_PACKET = 1;
const BUFFER_SIZE = 4;
const ALPHABET = '0ABCDEFGHIJKLMNOPQRSTUVWXYZ';

class Packet {
  constructor(link, ident, kind) {
    this.link = link;
    this.ident = ident;
    this.kind = kind;
    this.datum = 0;
    this.data = new Array(BUFFER_SIZE).fill(0);
  }

  /** This packet at the end of `queue` (a chain of packets, or null). */
  appendTo(queue) {
    this.link = null;
    if (queue === null) return this;
    let last = queue;
    while (last.link !== null) last = last.link;
    last.link = this;
    return queue;
  }
}

class Task {
  constructor(scheduler, ident, priority, queue, waiting) {
    this.scheduler = scheduler;
    this.ident = ident;
    this.priority = priority;
    this.queue = queue;
    this.waiting = waiting;
    this.held = false;
    this.link = scheduler.add(this);
  }

  runnable() {
    return !this.held && (!this.waiting || this.queue !== null);
  }

  takePacket() {
    const packet = this.queue;
    this.queue = packet.link;
    this.waiting = false;
    return packet;
  }

  run(packet) {
    throw new Error('not implemented');
  }
}

class IdleTask extends Task {
  constructor(scheduler, ident, priority, count) {
    super(scheduler, ident, priority, null, false);
    this.control = 1;
    this.count = count;
  }

  run(packet) {
    this.count--;
    if (this.count === 0) return this.scheduler.holdCurrent();
    if ((this.control & 1) === 0) {
      this.control >>= 1;
      return this.scheduler.release(DEVICE_A);
    }
    this.control = (this.control >> 1) ^ 0xd008;
    return this.scheduler.release(DEVICE_B);
  }
}

class WorkerTask extends Task {
  constructor(scheduler, ident, priority, queue) {
    super(scheduler, ident, priority, queue, true);
    this.destination = HANDLER_A;
    this.letter = 0;
  }

  run(packet) {
    if (packet === null) return this.scheduler.waitCurrent();
    this.destination = this.destination === HANDLER_A ? HANDLER_B : HANDLER_A;
    packet.ident = this.destination;
    packet.datum = 0;
    for (let i = 0; i < BUFFER_SIZE; i++) {
      this.letter++;
      if (this.letter >= ALPHABET.length) this.letter = 1;
      packet.data[i] = ALPHABET[this.letter];
    }
    return this.scheduler.queuePacket(packet);
  }
}

class HandlerTask extends Task {
  constructor(scheduler, ident, priority, queue) {
    super(scheduler, ident, priority, queue, true);
    this.work = null;
    this.devices = null;
  }

  run(packet) {
    if (packet !== null) {
      if (packet.kind === WORK_PACKET) this.work = packet.appendTo(this.work);
      else this.devices = packet.appendTo(this.devices);
    }
    if (this.work !== null) {
      const work = this.work;
      const count = work.datum;
      if (count >= BUFFER_SIZE) {
        this.work = work.link;
        return this.scheduler.queuePacket(work);
      }
      if (this.devices !== null) {
        const device = this.devices;
        this.devices = device.link;
        device.datum = work.data[count];
        work.datum = count + 1;
        return this.scheduler.queuePacket(device);
      }
    }
    return this.scheduler.waitCurrent();
  }
}

class DeviceTask extends Task {
  constructor(scheduler, ident, priority) {
    super(scheduler, ident, priority, null, true);
    this.pending = null;
  }

  run(packet) {
    if (packet !== null) {
      this.pending = packet;
      return this.scheduler.holdCurrent();
    }
    if (this.pending === null) return this.scheduler.waitCurrent();
    const pending = this.pending;
    this.pending = null;
    return this.scheduler.queuePacket(pending);
  }
}

class Scheduler {
  constructor() {
    this.tasks = new Map();
    this.taskList = null;
    this.current = null;
    this.queueCount = 0;
    this.holdCount = 0;
  }

  /** Registers `task`; returns the task it links to (tasks run in reverse order of creation). */
  add(task) {
    this.tasks.set(task.ident, task);
    const link = this.taskList;
    this.taskList = task;
    return link;
  }

  schedule() {
    let task = this.taskList;
    while (task !== null) {
      if (!task.runnable()) {
        task = task.link;
        continue;
      }
      const packet = task.waiting ? task.takePacket() : null;
      this.current = task;
      task = task.run(packet);
    }
  }

  waitCurrent() {
    this.current.waiting = true;
    return this.current;
  }

  holdCurrent() {
    this.holdCount++;
    this.current.held = true;
    return this.current.link;
  }

  release(ident) {
    const task = this.tasks.get(ident);
    task.held = false;
    return task.priority > this.current.priority ? task : this.current;
  }

  /** Sends `packet` to the task it names, as coming from the current task. */
  queuePacket(packet) {
    const task = this.tasks.get(packet.ident);
    this.queueCount++;
    packet.link = null;
    packet.ident = this.current.ident;
    if (task.queue === null) {
      task.queue = packet;
      if (task.priority > this.current.priority) return task;
    } else {
      task.queue = packet.appendTo(task.queue);
    }
    return this.current;
  }
}

function richards(count) {
  const scheduler = new Scheduler();
  new IdleTask(scheduler, IDLE, 0, count);
  const work = new Packet(new Packet(null, 0, WORK_PACKET), 0, WORK_PACKET);
  new WorkerTask(scheduler, WORKER, 1000, work);
  let packets = new Packet(new Packet(new Packet(null, DEVICE_A, DEVICE_PACKET), DEVICE_A, DEVICE_PACKET), DEVICE_A, DEVICE_PACKET);
  new HandlerTask(scheduler, HANDLER_A, 2000, packets);
  packets = new Packet(new Packet(new Packet(null, DEVICE_B, DEVICE_PACKET), DEVICE_B, DEVICE_PACKET), DEVICE_B, DEVICE_PACKET);
  new HandlerTask(scheduler, HANDLER_B, 3000, packets);
  new DeviceTask(scheduler, DEVICE_A, 4000);
  new DeviceTask(scheduler, DEVICE_B, 5000);
  scheduler.schedule();
  return [scheduler.queueCount, scheduler.holdCount];
}

function main(iterations) {
  const results = Array.from({ length: iterations }, () => richards(10000));
  const [queued, held] = results[0];
  if (!results.every(([q, h]) => q === queued && h === held)) throw new Error('runs differ');
  console.log(`${iterations} runs: ${queued} packets queued, ${held} holds`);
}

const N = 40;
main(N);
