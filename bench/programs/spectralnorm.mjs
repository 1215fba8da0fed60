// Spectral norm of the infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1)
// by the power method.

function a(i, j) {
  return 1 / (((i + j) * (i + j + 1)) / 2 + i + 1);
}

function times(u) {
  return u.map((_, i) => u.reduce((sum, uj, j) => sum + a(i, j) * uj, 0));
}

function timesTransposed(u) {
  return u.map((_, i) => u.reduce((sum, uj, j) => sum + a(j, i) * uj, 0));
}

function timesATransposedA(u) {
  return timesTransposed(times(u));
}

function main(n) {
  let u = new Array(n).fill(1);
  let v;
  for (let k = 0; k < 10; k++) {
    v = timesATransposedA(u);
    u = timesATransposedA(v);
  }
  let vbv = 0;
  let vv = 0;
  for (let i = 0; i < n; i++) {
    vbv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  console.log(Math.sqrt(vbv / vv).toFixed(9));
}

const N = 400;
main(N);
