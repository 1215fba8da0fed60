def describe(name, price):
    return f"{name:<8} {price:>7.2f}"
