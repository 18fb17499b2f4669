// The few lines of JavaScript beside the plot: the talk's perceptron in our own words, with the
// live weights, activation and learning rate written in as a reader would type them. Shown as
// text only (the page's numbers come from the engine); learn() is what the engine does for one
// example (tests/browser/perceptron.test.mjs runs this text against the engine's step).
// Pure: no DOM.

const ACTIVATION_BODY = {
  sigmoid: 'return 1 / (1 + Math.exp(-z));',
  tanh: 'return Math.tanh(z);',
  linear: 'return z;',
  relu: 'return Math.max(0, z);',
};

// The derivative of the activation, written from out (or z for relu), as the engine takes it.
const SLOPE = {
  sigmoid: ['(out - target) * out * (1 - out)', 'the error times the slope of sigmoid'],
  tanh: ['(out - target) * (1 - out * out)', 'the error times the slope of tanh'],
  linear: ['(out - target)', 'the error (the slope of linear is 1)'],
  relu: ['(out - target) * (z > 0 ? 1 : 0)', 'the error times the slope of relu'],
};

/** A number as typed in code: up to 2 decimals, trailing zeros dropped, ASCII minus. */
export function codeNumber(v, digits = 2) {
  if (!Number.isFinite(v)) return String(v);
  let s = v.toFixed(digits);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** The snippet's lines as text, live values in {braces} already filled in. */
export function perceptronCode({ w0, w1, w2, activation = 'sigmoid', learningRate = 1 }) {
  const f = activation in ACTIVATION_BODY ? activation : 'sigmoid';
  const [delta, why] = SLOPE[f];
  return [
    '// One neuron: three weights, one activation',
    `let w0 = ⟦${codeNumber(w0)}⟧, w1 = ⟦${codeNumber(w1)}⟧, w2 = ⟦${codeNumber(w2)}⟧;`,
    `const rate = ⟦${codeNumber(learningRate, 4)}⟧; // learning rate`,
    '',
    'function neuron(x1, x2) {',
    '  const z = w0 + w1 * x1 + w2 * x2;',
    `  return ${f}(z);`,
    '}',
    '',
    `function ${f}(z) {`,
    `  ${ACTIVATION_BODY[f]}`,
    '}',
    '',
    '// Learn from one example: move each weight',
    '// against its share of the error',
    'function learn(x1, x2, target) {',
    '  const z = w0 + w1 * x1 + w2 * x2;',
    `  const out = ${f}(z);`,
    `  // ${why}`,
    `  const delta = ${delta};`,
    '  w0 -= rate * delta;',
    '  w1 -= rate * delta * x1;',
    '  w2 -= rate * delta * x2;',
    '}',
  ];
}

const TOKEN = /(\/\/.*$)|⟦([^⟧]*)⟧|\b(let|const|function|return)\b/g;

/** One line as [kind, text] pieces: 'comment', 'live' (a live value), 'keyword', 'plain'. */
export function tokenize(line) {
  const out = [];
  let last = 0;
  for (const m of line.matchAll(TOKEN)) {
    if (m.index > last) out.push(['plain', line.slice(last, m.index)]);
    if (m[1] !== undefined) out.push(['comment', m[1]]);
    else if (m[2] !== undefined) out.push(['live', m[2]]);
    else out.push(['keyword', m[3]]);
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push(['plain', line.slice(last)]);
  return out;
}

/** The snippet as plain text (markers removed): what a reader would copy. */
export function codeText(settings) {
  return perceptronCode(settings)
    .map((l) => l.replace(/[⟦⟧]/g, ''))
    .join('\n');
}
