// N-body: the Jovian planets orbiting the sun, by symplectic Euler steps.

const PI = 3.14159265358979323;
const SOLAR_MASS = 4 * PI * PI;
const DAYS_PER_YEAR = 365.24;

function body(x, y, z, vx, vy, vz, mass) {
  return { x, y, z, vx: vx * DAYS_PER_YEAR, vy: vy * DAYS_PER_YEAR, vz: vz * DAYS_PER_YEAR, mass: mass * SOLAR_MASS };
}

function makeBodies() {
  return [
    body(0, 0, 0, 0, 0, 0, 1),
    // jupiter
    body(
      4.8414314424647209, -1.16032004402742839, -1.03622044471123109e-1,
      1.66007664274403694e-3, 7.69901118419740425e-3, -6.90460016972063023e-5,
      9.54791938424326609e-4,
    ),
    // saturn
    body(
      8.34336671824457987, 4.12479856412430479, -4.03523417114321381e-1,
      -2.76742510726862411e-3, 4.99852801234917238e-3, 2.30417297573763929e-5,
      2.85885980666130812e-4,
    ),
    // uranus
    body(
      1.2894369562139131e1, -1.51111514016986312e1, -2.23307578892655734e-1,
      2.96460137564761618e-3, 2.3784717395948095e-3, -2.96589568540237556e-5,
      4.36624404335156298e-5,
    ),
    // neptune
    body(
      1.53796971148509165e1, -2.59193146099879641e1, 1.79258772950371181e-1,
      2.68067772490389322e-3, 1.62824170038242295e-3, -9.5159225451971587e-5,
      5.15138902046611451e-5,
    ),
  ];
}

function offsetMomentum(bodies) {
  let px = 0, py = 0, pz = 0;
  for (const b of bodies) {
    px -= b.vx * b.mass;
    py -= b.vy * b.mass;
    pz -= b.vz * b.mass;
  }
  const sun = bodies[0];
  sun.vx = px / sun.mass;
  sun.vy = py / sun.mass;
  sun.vz = pz / sun.mass;
}

function advance(bodies, dt, steps) {
  const n = bodies.length;
  for (let step = 0; step < steps; step++) {
    for (let i = 0; i < n; i++) {
      const a = bodies[i];
      for (let j = i + 1; j < n; j++) {
        const b = bodies[j];
        const dx = a.x - b.x;
        const dy = a.y - b.y;
        const dz = a.z - b.z;
        const mag = dt * (dx * dx + dy * dy + dz * dz) ** -1.5;
        const ma = a.mass * mag;
        const mb = b.mass * mag;
        a.vx -= dx * mb;
        a.vy -= dy * mb;
        a.vz -= dz * mb;
        b.vx += dx * ma;
        b.vy += dy * ma;
        b.vz += dz * ma;
      }
    }
    for (const b of bodies) {
      b.x += dt * b.vx;
      b.y += dt * b.vy;
      b.z += dt * b.vz;
    }
  }
}

function energy(bodies) {
  let e = 0;
  for (let i = 0; i < bodies.length; i++) {
    const a = bodies[i];
    e += (a.mass * (a.vx * a.vx + a.vy * a.vy + a.vz * a.vz)) / 2;
    for (let j = i + 1; j < bodies.length; j++) {
      const b = bodies[j];
      const dx = a.x - b.x;
      const dy = a.y - b.y;
      const dz = a.z - b.z;
      e -= (a.mass * b.mass) / Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

function main(steps) {
  const bodies = makeBodies();
  offsetMomentum(bodies);
  console.log(energy(bodies).toFixed(9));
  advance(bodies, 0.01, steps);
  console.log(energy(bodies).toFixed(9));
}

const N = 250000;
main(N);
