// Task scheduling: N async functions each yielding to the event loop ten
// times, gathered. This twin yields a full event-loop turn with setImmediate,
// as asyncio.sleep(0) yields one turn of its loop; tasks.micro.mjs yields to
// the microtask queue only.

const yieldTurn = () => new Promise((resolve) => setImmediate(resolve));

async function worker(i) {
  let total = 0;
  for (let step = 0; step < 10; step++) {
    await yieldTurn();
    total += step;
  }
  return i + total;
}

async function main(n) {
  const jobs = [];
  for (let i = 0; i < n; i++) jobs.push(worker(i));
  const results = await Promise.all(jobs);
  console.log(`${results.length} tasks, sum ${results.reduce((a, x) => a + x, 0)}`);
}

const N = 10000;
await main(N);
