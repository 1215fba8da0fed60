class OutOfStock(Exception):
    def __init__(self, item: str, wanted: int, left: int) -> None:
        super().__init__(f"only {left} {item} left, {wanted} wanted")


class Shop:
    def __init__(self, name: str, stock: dict[str, int]) -> None:
        self.name = name
        self.stock = dict(stock)

    def take(self, item: str, count: int) -> None:
        left = self.stock.get(item, 0)
        if left < count:
            raise OutOfStock(item, count, left)
        self.stock[item] = left - count
