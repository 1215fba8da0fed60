from . import limits


def check(value: int) -> str:
    if value < limits.LOW:
        raise ValueError(f"{value} is below {limits.LOW}")
    return "high" if value > limits.HIGH else "ok"
