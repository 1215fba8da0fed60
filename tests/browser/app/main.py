# The browser test's program (tests/browser/browser.test.ts), built by Vite
# into a page. An async def driven by asyncio ticks a counter through
# asyncio.sleep; a second task waits for an asyncio.Event the counter sets;
# on_click is the page's button handler. Everything printed goes to the
# browser's console, which the page's glue (glue.js) also shows in the DOM.
import asyncio

clicks = 0


def on_click() -> str:
    global clicks
    clicks += 1
    return f"clicked {clicks} time{'' if clicks == 1 else 's'}"


async def count(limit: int, halfway: asyncio.Event) -> int:
    for n in range(1, limit + 1):
        await asyncio.sleep(0.05)
        print(f"counter: {n}")
        if n == limit // 2:
            halfway.set()
    return limit


async def watch(halfway: asyncio.Event) -> str:
    await halfway.wait()
    print("watcher: halfway there")
    return "watched"


async def main() -> None:
    halfway = asyncio.Event()
    results = await asyncio.gather(count(6, halfway), watch(halfway))
    print("results:", results)


asyncio.run(main())
