// Unit tests of the perceptron lab's modules without a page: its link (key by key, defaults,
// clipping, round trip), the decision line's geometry and sentences for every sign of w2,
// vertical and none, the JavaScript shown beside the plot, and the controller with a fake
// engine (the history rule; the right/wrong marks and the negative target are the engine's).
import { test } from 'node:test';
import { FakeLabEngine } from './fake-lab-engine.mjs';
import assert from 'node:assert/strict';
import {
  parsePerceptronHash,
  serializePerceptronHash,
  DEFAULTS,
  PERCEPTRON_SCHEMA,
  LEARNING_RATES,
} from '../../web/perceptron/link.js';
import {
  decisionLine,
  lineSegment,
  equationText,
  formatNumber,
} from '../../web/perceptron/geometry.js';
import { perceptronCode, tokenize, codeText, codeNumber } from '../../web/perceptron/code.js';
import {
  PerceptronController,
  perceptronMode,
  XOR_PLAYGROUND_HASH,
} from '../../web/perceptron/controller.js';

const BOX = { xmin: -0.5, xmax: 1.5, ymin: -0.5, ymax: 1.5 };

test("the default hash is the talk's neuron, every key written in order", () => {
  assert.deepEqual(DEFAULTS, {
    gate: 'and',
    w0: 3,
    w1: -4,
    w2: 2,
    activation: 'sigmoid',
    learningRate: 1,
  });
  assert.equal(
    serializePerceptronHash(DEFAULTS),
    'mode=perceptron&gate=and&w0=3&w1=-4&w2=2&activation=sigmoid&learningRate=1',
  );
  assert.deepEqual(
    PERCEPTRON_SCHEMA.map((s) => s.key),
    ['gate', 'w0', 'w1', 'w2', 'activation', 'learningRate', 'speed'],
  );
  assert.deepEqual(parsePerceptronHash('#mode=perceptron'), {
    settings: { ...DEFAULTS },
    problems: [],
  });
});

test('a perceptron hash round-trips, weights at full precision', () => {
  const settings = {
    gate: 'xor',
    w0: -2.9851234567890123,
    w1: 0.1,
    w2: 1e-7,
    activation: 'tanh',
    learningRate: 0.03,
  };
  const body = serializePerceptronHash(settings);
  assert.ok(body.includes('w2=0.0000001'), body);
  assert.deepEqual(parsePerceptronHash(`#${body}`), { settings, problems: [] });
});

test('bad values are dropped and listed, values beyond a limit clipped and listed, the valid rest is kept', () => {
  const { settings, problems } = parsePerceptronHash(
    '#mode=perceptron&gate=maybe&w0=1e9&w1=abc&w2=-2.5&activation=softmax&learningRate=0&dataset=xor&%E0%A4%A=1',
  );
  assert.deepEqual(settings, { ...DEFAULTS, w0: 1000, w2: -2.5 });
  assert.deepEqual(
    problems.map((p) => p.key),
    ['gate', 'w0', 'w1', 'activation', 'learningRate', 'dataset', '%E0%A4%A'],
  );
  assert.match(problems[1].reason, /out of range \(-1000 to 1000\): clipped to 1000/);
  assert.equal(problems[4].reason, 'must be more than 0');
  assert.equal(parsePerceptronHash('#learningRate=30').settings.learningRate, 10);
  assert.deepEqual(LEARNING_RATES, [0.01, 0.03, 0.1, 0.3, 1, 3, 10]);
  assert.equal(problems[5].reason, 'unknown key');
  assert.equal(problems[6].reason, 'badly encoded');
  const long = parsePerceptronHash(`#mode=perceptron&gate=${'x'.repeat(5000)}`);
  assert.ok(long.problems[0].value.length < 50);
});

test('the decision line for every sign of w2, vertical when w2 = 0, none when w1 = w2 = 0', () => {
  assert.deepEqual(decisionLine(3, -4, 2), { kind: 'slope', m: 2, b: -1.5 });
  assert.deepEqual(decisionLine(-3, 4, -2), { kind: 'slope', m: 2, b: -1.5 });
  assert.deepEqual(decisionLine(1, 0, -2), { kind: 'slope', m: 0, b: 0.5 });
  assert.deepEqual(decisionLine(3, -4, 0), { kind: 'vertical', x1: 0.75 });
  assert.deepEqual(decisionLine(3, 0, 0), { kind: 'none' });
  // Clipped to the plot: both ends on its edges, on the line.
  for (const [w0, w1, w2] of [
    [3, -4, 2],
    [-3, 4, -2],
    [1, 0, -2],
    [0.5, 1, 1e-9],
    [-1, 1, 1],
    [0, 1, -1],
  ]) {
    const seg = lineSegment(w0, w1, w2, BOX);
    assert.ok(seg, `${w0},${w1},${w2}`);
    for (const [x, y] of seg) {
      assert.ok(
        Math.abs(w0 + w1 * x + w2 * y) < 1e-6 * Math.max(1, Math.abs(w1) + Math.abs(w2)),
        `on the line: ${x},${y}`,
      );
      const onEdge = [x - BOX.xmin, BOX.xmax - x, y - BOX.ymin, BOX.ymax - y].some(
        (d) => Math.abs(d) < 1e-9,
      );
      assert.ok(onEdge, `on an edge: ${x},${y}`);
    }
  }
  assert.deepEqual(lineSegment(3, -4, 0, BOX), [
    [0.75, -0.5],
    [0.75, 1.5],
  ]);
  assert.equal(lineSegment(3, 0, 0, BOX), null);
  assert.equal(lineSegment(10, 1, 1, BOX), null, 'a line that misses the plot');
  // Through a corner (three edge hits): the two ends farthest apart.
  assert.deepEqual(lineSegment(0, 1, -1, BOX), [
    [-0.5, -0.5],
    [1.5, 1.5],
  ]);
});

test('the sentences beside the plot, with live m and b', () => {
  const t = equationText(3, -4, 2);
  assert.equal(t.general, '0 = w0 + w1·x1 + w2·x2, so x2 = m·x1 + b');
  assert.equal(t.live, '0 = 3 − 4·x1 + 2·x2, so x2 = 2·x1 − 1.5');
  assert.equal(t.solved, 'm = −w1/w2 = 2,  b = −w0/w2 = −1.5');
  assert.equal(equationText(-3, 4, -2).live, '0 = −3 + 4·x1 − 2·x2, so x2 = 2·x1 − 1.5');
  assert.equal(equationText(1, 0, -2).live, '0 = 1 + 0·x1 − 2·x2, so x2 = 0·x1 + 0.5');
  const v = equationText(3, -4, 0);
  assert.equal(v.kind, 'vertical');
  assert.equal(v.live, '0 = 3 − 4·x1 + 0·x2, so x1 = 0.75');
  assert.match(v.solved, /line is vertical at x1 = −w0\/w1 = 0\.75/);
  const none = equationText(-1, 0, 0);
  assert.equal(none.kind, 'none');
  assert.match(none.solved, /no line; the whole plane is on the negative side/);
  assert.equal(none.note, '');
  assert.match(equationText(3, -4, 2, 2, 'relu').note, /z = 0\.5/);
  assert.equal(formatNumber(-0.0001), '0');
  assert.equal(formatNumber(2.5), '2.5');
  assert.equal(formatNumber(-1 / 3), '−0.33');
});

test('the code beside the plot: the live weights as typed, the chosen activation, learn()', () => {
  const lines = perceptronCode({ w0: 3, w1: -4, w2: 2 });
  assert.equal(lines[1], 'let w0 = ⟦3⟧, w1 = ⟦-4⟧, w2 = ⟦2⟧;');
  const text = codeText({
    w0: -2.98512,
    w1: 0.4038,
    w2: 2.96994,
    activation: 'tanh',
    learningRate: 0.3,
  });
  assert.ok(text.includes('let w0 = -2.99, w1 = 0.4, w2 = 2.97;'), text);
  assert.ok(text.includes('const rate = 0.3;'));
  assert.ok(text.includes('return Math.tanh(z);'));
  assert.ok(text.includes('const delta = (out - target) * (1 - out * out);'));
  assert.ok(
    codeText({ w0: 0, w1: 1, w2: 1, activation: 'relu' }).includes('return Math.max(0, z);'),
  );
  assert.equal(codeNumber(-0.001), '0');
  assert.deepEqual(
    tokenize(lines[1])
      .filter(([k]) => k === 'live')
      .map(([, t]) => t),
    ['3', '-4', '2'],
  );
  assert.deepEqual(tokenize('const rate = ⟦1⟧; // learning rate'), [
    ['keyword', 'const'],
    ['plain', ' rate = '],
    ['live', '1'],
    ['plain', '; '],
    ['comment', '// learning rate'],
  ]);
  // The text runs, and every line fits a narrow column (at most 50 characters).
  for (const activation of ['sigmoid', 'tanh', 'linear', 'relu']) {
    const code = codeText({ w0: 3, w1: -4, w2: 2, activation, learningRate: 1 });
    const out = new Function(
      `${code}\nconst before = neuron(1, 1);\nlearn(1, 1, 1);\nreturn [before, neuron(1, 1)];`,
    )();
    assert.ok(Number.isFinite(out[0]) && Number.isFinite(out[1]), activation);
    for (const line of code.split('\n')) assert.ok(line.length <= 50, `${line.length}: ${line}`);
  }
});

function labSetup() {
  const writes = [];
  const frames = [];
  const notices = [];
  const timers = {
    setTimeout: (f) => {
      writes.push('pending');
      return f;
    },
    clearTimeout() {},
  };
  const c = new PerceptronController({
    engine: new FakeLabEngine(),
    notice: { show: (t, items) => notices.push(items), clear: () => notices.push(null) },
    link: {
      replace: () => writes.push('replace'),
      push: () => writes.push('push'),
      open: (h, o) => writes.push(['open', h, o]),
    },
    raf: (f) => frames.push(f),
    timers,
  });
  return { c, writes, frames, notices };
}

test("the lab's rows: right and wrong, and the negative target, are the engine's", () => {
  const { c } = labSetup();
  const rows = c.view().rows;
  assert.deepEqual(
    rows.map((r) => r.right),
    [true, true, true, true],
    'trainCorrect, not a threshold in JS',
  );
  assert.deepEqual(
    rows.map((r) => r.target),
    [0, 0, 0, 1],
  );
  c.change({ activation: 'tanh' });
  assert.deepEqual(
    c.view().rows.map((r) => r.target),
    [-1, -1, -1, 1],
    "the engine's negative target for tanh",
  );
});

test("the lab's history rule: a gate or activation pushes; weights, rates and steps replace", () => {
  const { c, writes } = labSetup();
  c.change({ gate: 'or' });
  c.change({ activation: 'tanh' });
  c.change({ gate: 'or' }); // no change: no new entry
  assert.deepEqual(writes, ['push', 'push', 'pending']);
  writes.length = 0;
  c.setWeight('w0', 1);
  c.setLearningRate(0.3);
  c.stepExample();
  c.stepEpoch();
  c.resetWeights();
  assert.ok(
    writes.length > 0 && writes.every((w) => w === 'pending' || w === 'replace'),
    writes.join(),
  );
  c.openXorPlayground();
  assert.deepEqual(writes.at(-1), ['open', XOR_PLAYGROUND_HASH, { play: true }]);
});

test('the lab as a mode: built when first entered, keeps its state when the entry is its own', () => {
  let built = 0;
  let shown = null;
  const { c, notices } = labSetup();
  const mode = perceptronMode({
    build: () => {
      built += 1;
      return c;
    },
    show: (on) => {
      shown = on;
    },
  });
  assert.equal(mode.serialize(), null, 'no state before it is built');
  mode.enter(
    mode.parse([
      { key: 'gate', raw: 'nor' },
      { key: 'w0', raw: '5000' },
    ]),
    { embed: false, keep: false },
  );
  assert.deepEqual([built, shown, c.lab.gate, c.lab.weights().w0], [1, true, 'nor', 1000]);
  assert.match(notices.at(-1)[0].reason, /clipped to 1000/);
  c.stepEpoch();
  mode.enter(mode.parse([]), { embed: false, keep: true });
  assert.equal(c.lab.iterations, 4, 'kept');
  mode.leave();
  assert.equal(shown, false);
  assert.equal(mode.serialize(), 'gate=nor&w0=1000&w1=-4&w2=2&activation=sigmoid&learningRate=1');
  assert.equal(built, 1);
});
