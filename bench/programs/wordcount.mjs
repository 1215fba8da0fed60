// Word frequencies over a generated text: string methods, Map updates,
// sorting with a comparator. The text comes from a fixed pseudo-random
// sequence, so it is the same on every run (and in the Python twin).

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'shi', 'po', 'an', 'el', 'or', 'u'];
const PUNCTUATION = ['', '', '', '', ',', '.', ';', '!', '?'];
const WORDS_PER_LINE = 12;

function generateText(nWords, seed) {
  let state = seed;
  const next = () => (state = (state * 48271) % 2147483647);
  const lines = [];
  let line = [];
  for (let i = 0; i < nWords; i++) {
    let word = '';
    const syllables = 1 + (next() % 3);
    for (let k = 0; k < syllables; k++) word += SYLLABLES[next() % SYLLABLES.length];
    word += PUNCTUATION[next() % PUNCTUATION.length];
    line.push(line.length > 0 ? word : word[0].toUpperCase() + word.slice(1));
    if (line.length === WORDS_PER_LINE) {
      lines.push(line.join(' '));
      line = [];
    }
  }
  if (line.length > 0) lines.push(line.join(' '));
  return lines.join('\n');
}

function countWords(text) {
  const counts = new Map();
  for (const line of text.split('\n')) {
    for (const token of line.split(' ')) {
      if (token === '') continue;
      const word = token.replace(/^[,.;!?]+|[,.;!?]+$/g, '').toLowerCase();
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

function main(nWords) {
  const text = generateText(nWords, 2024);
  const counts = countWords(text);
  let total = 0;
  for (const n of counts.values()) total += n;
  console.log(`${text.length} characters, ${total} words, ${counts.size} distinct`);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [word, count] of ranked.slice(0, 10)) {
    console.log(`${word.padStart(10)} ${String(count).padStart(6)}`);
  }
  console.log('rarest:', ranked.slice(-3).map(([word]) => word).join(', '));
}

const N = 1000000;
main(N);
