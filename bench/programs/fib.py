"""Naive recursive Fibonacci: calls and small-int arithmetic."""


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main(n):
    print(f"fib({n}) = {fib(n)}")


N = 34
main(N)
