// The network's scores in the talk's form, "seven (score = 0.97312)": the top classes by
// probability, digits named in words.

const DIGIT_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
];

/** A class's name as the talk says it: "7" -> "seven"; other names as they are. */
export function spokenName(name) {
  return /^[0-9]$/.test(name) ? DIGIT_WORDS[Number(name)] : name;
}

/** probs: the class probabilities; names: the class names. The top `count`, best first:
 *  [{index, name, score, text}]. */
export function topScores(probs, names, count = 5) {
  return Array.from(probs, (score, index) => ({ index, score }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, count)
    .map(({ index, score }) => {
      const name = spokenName(names[index] ?? String(index));
      return { index, name, score, text: `${name} (score = ${score.toFixed(5)})` };
    });
}
