# Richards: the classic operating-system task scheduler simulation. An
# object-oriented workload of small methods, attribute access, linked lists
# and polymorphic calls.

BUFSIZE = 4
I_IDLE, I_WORK, I_HANDLER_A, I_HANDLER_B, I_DEVICE_A, I_DEVICE_B = range(1, 7)
K_DEVICE = 1000
K_WORK = 1001


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Scheduler:
    def __init__(self):
        self.tasks = [None] * 7
        self.task_list = None
        self.queued = 0
        self.holds = 0

    def run(self):
        task = self.task_list
        while task is not None:
            if task.holding or (not task.packet_pending and task.waiting):
                task = task.link
            else:
                task = task.run_task()


class Task:
    def __init__(self, sched, ident, priority, queue, packet_pending, waiting):
        self.sched = sched
        self.link = sched.task_list
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = packet_pending
        self.waiting = waiting
        self.holding = False
        sched.task_list = self
        sched.tasks[ident] = self

    def run_task(self):
        if self.packet_pending and self.waiting and not self.holding:
            packet = self.queue
            self.queue = packet.link
            self.packet_pending = self.queue is not None
            self.waiting = False
            self.holding = False
        else:
            packet = None
        return self.step(packet)

    def add_packet(self, packet, current):
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.sched.holds += 1
        self.holding = True
        return self.link

    def release(self, ident):
        task = self.sched.tasks[ident]
        task.holding = False
        return task if task.priority > self.priority else self

    def send(self, packet):
        task = self.sched.tasks[packet.ident]
        self.sched.queued += 1
        packet.link = None
        packet.ident = self.ident
        return task.add_packet(packet, self)


class IdleTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, False, False)
        self.control = 1
        self.count = 10000

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control //= 2
            return self.release(I_DEVICE_A)
        self.control = (self.control // 2) ^ 0xD008
        return self.release(I_DEVICE_B)


class WorkTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, True, True)
        self.destination = I_HANDLER_A
        self.count = 0

    def step(self, packet):
        if packet is None:
            return self.wait()
        self.destination = I_HANDLER_B if self.destination == I_HANDLER_A else I_HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = ord("A") + self.count - 1
        return self.send(packet)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, True, True)
        self.work_in = None
        self.device_in = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == K_WORK:
                self.work_in = packet.append_to(self.work_in)
            else:
                self.device_in = packet.append_to(self.device_in)
        work = self.work_in
        if work is not None:
            count = work.datum
            if count < BUFSIZE:
                device = self.device_in
                if device is not None:
                    self.device_in = device.link
                    device.datum = work.data[count]
                    work.datum = count + 1
                    return self.send(device)
            else:
                self.work_in = work.link
                return self.send(work)
        return self.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, False, True)
        self.pending = None

    def step(self, packet):
        if packet is None:
            pending = self.pending
            if pending is None:
                return self.wait()
            self.pending = None
            return self.send(pending)
        self.pending = packet
        return self.hold()


def richards():
    sched = Scheduler()
    IdleTask(sched, I_IDLE, 0, None)
    queue = Packet(Packet(None, 0, K_WORK), 0, K_WORK)
    WorkTask(sched, I_WORK, 1000, queue)
    queue = Packet(Packet(Packet(None, I_DEVICE_A, K_DEVICE), I_DEVICE_A, K_DEVICE), I_DEVICE_A, K_DEVICE)
    HandlerTask(sched, I_HANDLER_A, 2000, queue)
    queue = Packet(Packet(Packet(None, I_DEVICE_B, K_DEVICE), I_DEVICE_B, K_DEVICE), I_DEVICE_B, K_DEVICE)
    HandlerTask(sched, I_HANDLER_B, 3000, queue)
    DeviceTask(sched, I_DEVICE_A, 4000, None)
    DeviceTask(sched, I_DEVICE_B, 5000, None)
    sched.run()
    return sched.queued, sched.holds


results = [richards() for _ in range(8)]
print(results[0], len(set(results)))
