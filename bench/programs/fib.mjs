// Naive recursive Fibonacci: calls and small-int arithmetic.

function fib(n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

function main(n) {
  console.log(`fib(${n}) = ${fib(n)}`);
}

const N = 34;
main(N);
