"""N-body: the Jovian planets orbiting the sun, by symplectic Euler steps.
Float arithmetic on lists, tuples and unpacking in loops."""

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24

# name: (position [x, y, z], velocity [vx, vy, vz], mass)
BODIES = {
    "sun": ([0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS),
    "jupiter": (
        [4.84143144246472090e00, -1.16032004402742839e00, -1.03622044471123109e-01],
        [
            1.66007664274403694e-03 * DAYS_PER_YEAR,
            7.69901118419740425e-03 * DAYS_PER_YEAR,
            -6.90460016972063023e-05 * DAYS_PER_YEAR,
        ],
        9.54791938424326609e-04 * SOLAR_MASS,
    ),
    "saturn": (
        [8.34336671824457987e00, 4.12479856412430479e00, -4.03523417114321381e-01],
        [
            -2.76742510726862411e-03 * DAYS_PER_YEAR,
            4.99852801234917238e-03 * DAYS_PER_YEAR,
            2.30417297573763929e-05 * DAYS_PER_YEAR,
        ],
        2.85885980666130812e-04 * SOLAR_MASS,
    ),
    "uranus": (
        [1.28943695621391310e01, -1.51111514016986312e01, -2.23307578892655734e-01],
        [
            2.96460137564761618e-03 * DAYS_PER_YEAR,
            2.37847173959480950e-03 * DAYS_PER_YEAR,
            -2.96589568540237556e-05 * DAYS_PER_YEAR,
        ],
        4.36624404335156298e-05 * SOLAR_MASS,
    ),
    "neptune": (
        [1.53796971148509165e01, -2.59193146099879641e01, 1.79258772950371181e-01],
        [
            2.68067772490389322e-03 * DAYS_PER_YEAR,
            1.62824170038242295e-03 * DAYS_PER_YEAR,
            -9.51592254519715870e-05 * DAYS_PER_YEAR,
        ],
        5.15138902046611451e-05 * SOLAR_MASS,
    ),
}


def all_pairs(bodies):
    return [(a, b) for i, a in enumerate(bodies) for b in bodies[i + 1 :]]


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for ([x1, y1, z1], v1, m1), ([x2, y2, z2], v2, m2) in pairs:
            dx = x1 - x2
            dy = y1 - y2
            dz = z1 - z2
            mag = dt * (dx * dx + dy * dy + dz * dz) ** -1.5
            b1 = m1 * mag
            b2 = m2 * mag
            v1[0] -= dx * b2
            v1[1] -= dy * b2
            v1[2] -= dz * b2
            v2[0] += dx * b1
            v2[1] += dy * b1
            v2[2] += dz * b1
        for position, [vx, vy, vz], _mass in bodies:
            position[0] += dt * vx
            position[1] += dt * vy
            position[2] += dt * vz


def energy(bodies, pairs):
    e = 0.0
    for ([x1, y1, z1], _v1, m1), ([x2, y2, z2], _v2, m2) in pairs:
        dx = x1 - x2
        dy = y1 - y2
        dz = z1 - z2
        e -= m1 * m2 / (dx * dx + dy * dy + dz * dz) ** 0.5
    for _position, [vx, vy, vz], mass in bodies:
        e += mass * (vx * vx + vy * vy + vz * vz) / 2
    return e


def offset_momentum(bodies):
    px = py = pz = 0.0
    for _position, [vx, vy, vz], mass in bodies:
        px -= vx * mass
        py -= vy * mass
        pz -= vz * mass
    _position, velocity, mass = bodies[0]
    velocity[:] = [px / mass, py / mass, pz / mass]


def main(steps):
    bodies = list(BODIES.values())
    pairs = all_pairs(bodies)
    offset_momentum(bodies)
    print(f"{energy(bodies, pairs):.9f}")
    advance(bodies, pairs, 0.01, steps)
    print(f"{energy(bodies, pairs):.9f}")


N = 250000
main(N)
