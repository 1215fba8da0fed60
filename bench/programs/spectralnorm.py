"""Spectral norm of the infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1)
by the power method: float arithmetic, generator expressions feeding sum(), zip."""


def a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times(u):
    return [sum(a(i, j) * u_j for j, u_j in enumerate(u)) for i in range(len(u))]


def times_transposed(u):
    return [sum(a(j, i) * u_j for j, u_j in enumerate(u)) for i in range(len(u))]


def times_a_transposed_a(u):
    return times_transposed(times(u))


def main(n):
    u = [1.0] * n
    for _ in range(10):
        v = times_a_transposed_a(u)
        u = times_a_transposed_a(v)
    vbv = sum(ue * ve for ue, ve in zip(u, v))
    vv = sum(ve * ve for ve in v)
    print(f"{(vbv / vv) ** 0.5:.9f}")


N = 400
main(N)
