"""Richards: Martin Richards' simulation of an operating system's task
scheduler (an idle task, a worker, two handlers, two devices exchanging
packets). Classes, method calls and attribute access."""

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(1, 7)
DEVICE_PACKET, WORK_PACKET = range(2)
BUFFER_SIZE = 4
ALPHABET = "0ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        """This packet at the end of `queue` (a chain of packets, or None)."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue, waiting):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = waiting
        self.held = False
        self.link = scheduler.add(self)

    def runnable(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def take_packet(self):
        packet = self.queue
        self.queue = packet.link
        self.waiting = False
        return packet

    def run(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, scheduler, ident, priority, count):
        super().__init__(scheduler, ident, priority, None, False)
        self.control = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_current()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.scheduler.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.scheduler.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        super().__init__(scheduler, ident, priority, queue, True)
        self.destination = HANDLER_A
        self.letter = 0

    def run(self, packet):
        if packet is None:
            return self.scheduler.wait_current()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            self.letter += 1
            if self.letter >= len(ALPHABET):
                self.letter = 1
            packet.data[i] = ALPHABET[self.letter]
        return self.scheduler.queue_packet(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        super().__init__(scheduler, ident, priority, queue, True)
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            count = work.datum
            if count >= BUFFER_SIZE:
                self.work = work.link
                return self.scheduler.queue_packet(work)
            if self.devices is not None:
                device = self.devices
                self.devices = device.link
                device.datum = work.data[count]
                work.datum = count + 1
                return self.scheduler.queue_packet(device)
        return self.scheduler.wait_current()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority):
        super().__init__(scheduler, ident, priority, None, True)
        self.pending = None

    def run(self, packet):
        if packet is not None:
            self.pending = packet
            return self.scheduler.hold_current()
        if self.pending is None:
            return self.scheduler.wait_current()
        packet = self.pending
        self.pending = None
        return self.scheduler.queue_packet(packet)


class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.task_list = None
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def add(self, task):
        """Registers `task`; returns the task it links to (tasks run in reverse order of creation)."""
        self.tasks[task.ident] = task
        link = self.task_list
        self.task_list = task
        return link

    def schedule(self):
        task = self.task_list
        while task is not None:
            if not task.runnable():
                task = task.link
                continue
            packet = task.take_packet() if task.waiting else None
            self.current = task
            task = task.run(packet)

    def wait_current(self):
        self.current.waiting = True
        return self.current

    def hold_current(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.link

    def release(self, ident):
        task = self.tasks[ident]
        task.held = False
        return task if task.priority > self.current.priority else self.current

    def queue_packet(self, packet):
        """Sends `packet` to the task it names, as coming from the current task."""
        task = self.tasks[packet.ident]
        self.queue_count += 1
        packet.link = None
        packet.ident = self.current.ident
        if task.queue is None:
            task.queue = packet
            if task.priority > self.current.priority:
                return task
        else:
            task.queue = packet.append_to(task.queue)
        return self.current


def richards(count):
    scheduler = Scheduler()
    IdleTask(scheduler, IDLE, 0, count)
    work = Packet(Packet(None, 0, WORK_PACKET), 0, WORK_PACKET)
    WorkerTask(scheduler, WORKER, 1000, work)
    packets = Packet(Packet(Packet(None, DEVICE_A, DEVICE_PACKET), DEVICE_A, DEVICE_PACKET), DEVICE_A, DEVICE_PACKET)
    HandlerTask(scheduler, HANDLER_A, 2000, packets)
    packets = Packet(Packet(Packet(None, DEVICE_B, DEVICE_PACKET), DEVICE_B, DEVICE_PACKET), DEVICE_B, DEVICE_PACKET)
    HandlerTask(scheduler, HANDLER_B, 3000, packets)
    DeviceTask(scheduler, DEVICE_A, 4000)
    DeviceTask(scheduler, DEVICE_B, 5000)
    scheduler.schedule()
    return scheduler.queue_count, scheduler.hold_count


def main(iterations):
    results = [richards(10000) for _ in range(iterations)]
    assert len(set(results)) == 1
    queued, held = results[0]
    print(f"{iterations} runs: {queued} packets queued, {held} holds")


N = 40
main(N)
