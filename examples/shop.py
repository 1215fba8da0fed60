"""Run with `npx pyasync run examples/shop.py` (or `python3 examples/shop.py`)."""
import sys

from inventory import Item, OutOfStock, Perishable, Stock


def main(argv):
    apple = Perishable("apple", 45, 3)
    milk = Perishable("milk", 129, 0)
    pen = Item("pen", 250)
    stock = Stock().add(apple, 12).add(milk, 4).add(pen, 3)
    for item, count in stock:
        print(f"{count:>3} x {item.describe()}")
    print(f"{len(stock)} things worth {stock.value_cents() / 100:.2f}")
    orders = [(apple, 5), (pen, 4), (milk, 4)]
    for item, count in orders:
        try:
            stock.take(item, count)
            print("sold", count, item.name)
        except OutOfStock as e:
            print("cannot sell:", e)
    print(sorted({apple, pen, Item("pen", 250)}, key=repr), argv[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
