from formatting import describe


class Item:
    """Something we sell, priced in cents."""

    def __init__(self, name, price_cents):
        self.name = name
        self.price_cents = price_cents

    @property
    def price(self):
        return self.price_cents / 100

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, {self.price_cents})"

    def __eq__(self, other):
        return isinstance(other, Item) and (self.name, self.price_cents) == (other.name, other.price_cents)

    def __hash__(self):
        return hash((self.name, self.price_cents))

    def describe(self):
        return describe(self.name, self.price)


class Perishable(Item):
    def __init__(self, name, price_cents, days_left):
        super().__init__(name, price_cents)
        self.days_left = days_left

    def describe(self):
        note = "expires today" if self.days_left == 0 else f"{self.days_left} days left"
        return f"{super().describe()} ({note})"
