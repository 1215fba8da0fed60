/** A compact report of where two multi-line texts first differ. */
export function firstDifference(expected: string, actual: string, context = 3): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return 'no difference';
  const from = Math.max(0, i - context);
  const show = (lines: string[], label: string): string =>
    lines
      .slice(from, i + context + 1)
      .map((line, k) => `${from + k === i ? '>' : ' '} ${label} ${String(from + k + 1).padStart(6)}| ${line}`)
      .join('\n');
  return `first difference at dump line ${i + 1}:\n${show(a, 'cpython')}\n${show(b, 'ours   ')}`;
}
