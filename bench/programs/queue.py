"""An asyncio.Queue pipeline: one producer puts N items into a bounded
queue, four consumers get them and mark each done, the producer joins."""
import asyncio

CONSUMERS = 4


async def consumer(queue, totals, k):
    while True:
        item = await queue.get()
        totals[k] += item
        queue.task_done()


async def main(n):
    queue = asyncio.Queue(maxsize=100)
    totals = [0] * CONSUMERS
    workers = [asyncio.create_task(consumer(queue, totals, k)) for k in range(CONSUMERS)]
    for item in range(n):
        await queue.put(item)
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print(f"{n} items, sum {sum(totals)}")


N = 200000
asyncio.run(main(N))
