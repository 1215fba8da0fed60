"""Task scheduling: N tasks each yielding to the event loop ten times
with sleep(0), gathered."""
import asyncio


async def worker(i):
    total = 0
    for step in range(10):
        await asyncio.sleep(0)
        total += step
    return i + total


async def main(n):
    results = await asyncio.gather(*[worker(i) for i in range(n)])
    print(f"{len(results)} tasks, sum {sum(results)}")


N = 10000
asyncio.run(main(N))
