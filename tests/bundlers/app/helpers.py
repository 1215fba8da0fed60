def summary(stock: dict[str, int]) -> str:
    return ", ".join(f"{name}={count}" for name, count in sorted(stock.items()))
