"""PEP 492's micro-benchmark: a binary tree of coroutine calls, none of
which suspends, run through asyncio.run. Every await must stay cheap."""
import asyncio


async def abinary(n):
    if n <= 0:
        return 1
    l = await abinary(n - 1)
    r = await abinary(n - 1)
    return l + 1 + r


def main(n):
    print(f"abinary({n}) = {asyncio.run(abinary(n))}")


N = 19
main(N)
