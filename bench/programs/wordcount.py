"""Word frequencies over a generated text: str methods, dict updates, sorting
with a key function. The text comes from a fixed pseudo-random sequence, so it
is the same on every run (and in the JavaScript twin)."""

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "an", "el", "or", "u"]
PUNCTUATION = ["", "", "", "", ",", ".", ";", "!", "?"]
WORDS_PER_LINE = 12


def generate_text(n_words, seed):
    state = seed
    lines = []
    line = []
    for _ in range(n_words):
        # MINSTD: exact in float arithmetic, so any language gets the same text.
        state = state * 48271 % 2147483647
        word = ""
        for _ in range(1 + state % 3):
            state = state * 48271 % 2147483647
            word += SYLLABLES[state % len(SYLLABLES)]
        state = state * 48271 % 2147483647
        word += PUNCTUATION[state % len(PUNCTUATION)]
        line.append(word if line else word.capitalize())
        if len(line) == WORDS_PER_LINE:
            lines.append(" ".join(line))
            line = []
    if line:
        lines.append(" ".join(line))
    return "\n".join(lines)


def count_words(text):
    counts = {}
    for line in text.splitlines():
        for word in line.split():
            word = word.strip(",.;!?").lower()
            counts[word] = counts.get(word, 0) + 1
    return counts


def main(n_words):
    text = generate_text(n_words, 2024)
    counts = count_words(text)
    print(f"{len(text)} characters, {sum(counts.values())} words, {len(counts)} distinct")
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    for word, count in ranked[:10]:
        print(f"{word:>10} {count:6d}")
    print("rarest:", ", ".join([word for word, _ in ranked[-3:]]))


N = 1000000
main(N)
