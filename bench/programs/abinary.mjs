// PEP 492's micro-benchmark: a binary tree of async function calls, none of
// which suspends. Every await must stay cheap.

async function abinary(n) {
  if (n <= 0) return 1;
  const l = await abinary(n - 1);
  const r = await abinary(n - 1);
  return l + 1 + r;
}

async function main(n) {
  console.log(`abinary(${n}) = ${await abinary(n)}`);
}

const N = 19;
await main(N);
