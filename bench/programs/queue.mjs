// A queue pipeline: one producer puts N items into a bounded queue, four
// consumers take them and mark each done, the producer waits until all are
// done. The queue is the usual promise-based one: waiters are resolve
// functions in FIFO arrays.

const CONSUMERS = 4;

class Queue {
  constructor(maxsize) {
    this.maxsize = maxsize;
    this.items = [];
    this.head = 0;
    this.getters = [];
    this.putters = [];
    this.unfinished = 0;
    this.joiners = [];
  }

  get size() {
    return this.items.length - this.head;
  }

  async put(item) {
    while (this.size >= this.maxsize) await new Promise((resolve) => this.putters.push(resolve));
    this.items.push(item);
    this.unfinished++;
    this.getters.shift()?.();
  }

  async get() {
    while (this.size === 0) await new Promise((resolve) => this.getters.push(resolve));
    const item = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.putters.shift()?.();
    return item;
  }

  taskDone() {
    if (--this.unfinished === 0) for (const resolve of this.joiners.splice(0)) resolve();
  }

  join() {
    return this.unfinished === 0 ? Promise.resolve() : new Promise((resolve) => this.joiners.push(resolve));
  }
}

// JS has no task cancellation: once the queue is drained, each consumer is
// handed a STOP item instead.
const STOP = Symbol('stop');

async function consumer(queue, totals, k) {
  for (;;) {
    const item = await queue.get();
    if (item === STOP) return;
    totals[k] += item;
    queue.taskDone();
  }
}

async function main(n) {
  const queue = new Queue(100);
  const totals = new Array(CONSUMERS).fill(0);
  const workers = [];
  for (let k = 0; k < CONSUMERS; k++) workers.push(consumer(queue, totals, k));
  for (let item = 0; item < n; item++) await queue.put(item);
  await queue.join();
  for (let k = 0; k < CONSUMERS; k++) await queue.put(STOP);
  await Promise.all(workers);
  console.log(`${n} items, sum ${totals.reduce((a, x) => a + x, 0)}`);
}

const N = 200000;
await main(N);
