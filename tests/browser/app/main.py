# The browser test's program (tests/browser/browser.test.ts), built by Vite
# into a page. An async def driven by asyncio ticks the page's counter
# through asyncio.sleep; a second task waits for an asyncio.Event the counter
# sets; the page's button calls on_click through a Python handler. The same
# file runs under python3 and Node, which have no DOM: there it only prints.
# Everything printed goes to the browser's console, which the page's glue
# (glue.js) also shows in the DOM.
import asyncio

try:
    from js import document
except ImportError:
    document = None

clicks = 0


def element(selector: str):
    # None without a DOM, and on a page that lacks the element (direct.html).
    return None if document is None else document.querySelector(selector)


def show(selector: str, text: str) -> None:
    target = element(selector)
    if target is not None:
        target.textContent = text


def on_click() -> str:
    global clicks
    clicks += 1
    return f"clicked {clicks} time{'' if clicks == 1 else 's'}"


async def count(limit: int, halfway: asyncio.Event) -> int:
    for n in range(1, limit + 1):
        await asyncio.sleep(0.05)
        print(f"counter: {n}")
        show("#counter", str(n))
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

button = element("#click")
if button is not None:
    button.addEventListener("click", lambda event: show("#clicks", on_click()))
    button.disabled = False
