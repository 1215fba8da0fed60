class OutOfStock(Exception):
    def __init__(self, item, wanted, available):
        super().__init__(f"{item.name}: wanted {wanted}, only {available} left")
        self.item = item


class Stock:
    def __init__(self):
        self._counts = {}

    def add(self, item, count=1):
        self._counts[item] = self._counts.get(item, 0) + count
        return self

    def take(self, item, count=1):
        available = self._counts.get(item, 0)
        if count > available:
            raise OutOfStock(item, count, available)
        self._counts[item] = available - count

    def __len__(self):
        return sum(self._counts.values())

    def __iter__(self):
        yield from sorted(self._counts.items(), key=lambda pair: (-pair[1], pair[0].name))

    def value_cents(self):
        return sum(item.price_cents * count for item, count in self._counts.items())
