import asyncio
from . import stock
from .stock import OutOfStock


async def place_order(shop: "stock.Shop", item: str, count: int, delay: float) -> str:
    await asyncio.sleep(delay)
    try:
        shop.take(item, count)
    except OutOfStock as e:
        return f"{item} x{count}: refused ({e})"
    return f"{item} x{count}: ok at {shop.name}"
