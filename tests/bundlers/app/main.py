# The fixture app the bundler tests build (with Vite, Rollup, esbuild and
# webpack) and run with node; python3 main.py prints the expected output.
import asyncio
import shop as shop_package
from shop import Shop
from shop.orders import place_order
import shop.orders as orders
import helpers
import textutil.banner
from textutil.banner import banner

print(banner("shop"))
print("main:", __name__)
print("namespace package:", textutil.__name__, textutil.banner.__name__)
print("package:", shop_package.__name__, "module:", orders.__name__, helpers.__name__)


async def main() -> None:
    shop = Shop("corner", {"apple": 3, "pear": 1})
    results = await asyncio.gather(
        place_order(shop, "apple", 2, delay=0.03),
        place_order(shop, "pear", 2, delay=0.01),
        place_order(shop, "apple", 1, delay=0.02),
    )
    for line in results:
        print(line)
    print(helpers.summary(shop.stock))
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.05)
    except asyncio.TimeoutError:
        print("timed out as expected")


asyncio.run(main())
