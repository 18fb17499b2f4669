// Unit tests of web/link/playground-link.js (the playground's link schema) and web/options.js:
// the reference's hash keys and order, key-by-key validation of bad values, values beyond a
// limit clipped and listed, round trips, and the dataset -> problem rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  parseHash as parseWith,
  serializeHash,
  playgroundSchema,
  engineConfigOf,
  PAGE_DEFAULTS,
  isDiscreteChange,
} from '../../web/link/playground-link.js';
import { activeDataset, datasetChange } from '../../web/options.js';
import { limitsTable } from '../../web/limits.js';

// The engine's limits as the binding reports them (tests/fixtures/engine-limits.json, which
// tests/bindings/session.test.mjs checks against the built module); clipping is tested
// against this table.
const LIMITS = limitsTable(
  JSON.parse(fs.readFileSync(new URL('../fixtures/engine-limits.json', import.meta.url), 'utf8'))
    .limits,
);
const parseHash = (hash) => parseWith(hash, LIMITS, ['playground', 'perceptron']);
const HASH_SCHEMA = playgroundSchema(LIMITS).hash;
const GOLDEN = JSON.parse(fs.readFileSync(new URL('../fixtures/golden.json', import.meta.url)));

const REFERENCE_HASH = GOLDEN.referenceHash.startsWith('#')
  ? GOLDEN.referenceHash
  : `#${GOLDEN.referenceHash}`;

test('the reference example hash parses with no problem, engine and page keys apart', () => {
  const { config, page, problems } = parseHash(REFERENCE_HASH);
  assert.deepEqual(problems, []);
  assert.deepEqual(config, {
    activation: 'tanh',
    batchSize: 10,
    dataset: 'circle',
    regDataset: 'reg-plane',
    learningRate: 0.03,
    regularizationRate: 0,
    noise: 0,
    networkShape: [4, 2],
    seed: GOLDEN.seed,
    percTrainData: 50,
    x: true,
    y: true,
    xTimesY: false,
    xSquared: false,
    ySquared: false,
    sinX: false,
    sinY: false,
    problem: 'classification',
    initZero: false,
  });
  assert.deepEqual(page, { ...PAGE_DEFAULTS, hidden: [] });
});

test('serialising writes the reference order: the example hash round-trips exactly', () => {
  const { config, page } = parseHash(REFERENCE_HASH);
  assert.equal('#' + serializeHash(config, page), REFERENCE_HASH);
});

test('schema keys are in the reference order', () => {
  assert.deepEqual(
    HASH_SCHEMA.map((s) => s.key),
    [
      'activation',
      'regularization',
      'batchSize',
      'dataset',
      'regDataset',
      'learningRate',
      'regularizationRate',
      'noise',
      'networkShape',
      'seed',
      'showTestData',
      'discretize',
      'percTrainData',
      'x',
      'y',
      'xTimesY',
      'xSquared',
      'ySquared',
      'cosX',
      'sinX',
      'cosY',
      'sinY',
      'collectStats',
      'tutorial',
      'problem',
      'initZero',
      'hideText',
    ],
  );
});

test('regularization is left out when none, written when L1 or L2', () => {
  assert.ok(
    !serializeHash({ regularization: 'none', activation: 'relu' }).includes('regularization'),
  );
  assert.equal(
    serializeHash({ regularization: 'L2', activation: 'relu' }).split('&').slice(0, 2).join('&'),
    'activation=relu&regularization=L2',
  );
});

test('bad values are dropped key by key and listed; the valid rest is kept', () => {
  const { config, problems } = parseHash(
    '#activation=banana&noise=NaN&networkShape=4,a&batchSize=1e999&learningRate=0.1&dataset=xor',
  );
  assert.deepEqual(config, { learningRate: 0.1, dataset: 'xor' });
  assert.deepEqual(
    problems.map((p) => p.key),
    ['activation', 'noise', 'networkShape', 'batchSize'],
  );
  assert.match(problems[0].reason, /not one of relu, tanh, sigmoid, linear/);
  assert.equal(problems[0].value, 'banana');
});

test('numbers: only plain decimals, finite, whole where needed; out of range: clipped and listed', () => {
  const bad = ['noise=', 'noise=0x10', 'noise=Infinity', 'batchSize=2.5', 'regularizationRate=abc'];
  for (const entry of bad) {
    const { config, problems } = parseHash('#' + entry);
    assert.deepEqual(config, {}, entry);
    assert.equal(problems.length, 1, entry);
  }
  const clipped = {
    'noise=81': ['noise', 80],
    'noise=-1': ['noise', 0],
    'batchSize=0': ['batchSize', 1],
    'percTrainData=0': ['percTrainData', 1],
    'learningRate=-0.1': ['learningRate', 0],
  };
  for (const [entry, [key, value]] of Object.entries(clipped)) {
    const { config, problems } = parseHash('#' + entry);
    assert.deepEqual(config, { [key]: value }, entry);
    assert.equal(problems.length, 1, entry);
    assert.match(problems[0].reason, new RegExp(`clipped to ${value}$`), entry);
  }
  assert.deepEqual(parseHash('#noise=80&batchSize=30&learningRate=1e-5').config, {
    noise: 80,
    batchSize: 30,
    learningRate: 0.00001,
  });
});

test('networkShape: "" is no hidden layer; beyond the engine\'s 16 layers of 1..64: clipped', () => {
  assert.deepEqual(parseHash('#networkShape=').config.networkShape, []);
  assert.deepEqual(parseHash('#networkShape=8,8,8').config.networkShape, [8, 8, 8]);
  assert.deepEqual(parseHash('#networkShape=64').config.networkShape, [64]);
  for (const bad of ['4,,2', '4,a', '-1', '1.5']) {
    const { config, problems } = parseHash('#networkShape=' + bad);
    assert.equal(problems.length, 1, bad);
    assert.equal(config.networkShape, undefined, bad);
  }
  const clips = {
    0: [1],
    65: [64],
    '4,999': [4, 64],
    [Array(17).fill(1).join(',')]: Array(16).fill(1),
  };
  for (const [raw, shape] of Object.entries(clips)) {
    const { config, problems } = parseHash('#networkShape=' + raw);
    assert.deepEqual(config.networkShape, shape, raw);
    assert.equal(problems.length, 1, raw);
    assert.match(problems[0].reason, /clipped|first 16 kept/, raw);
  }
  assert.equal(serializeHash({ networkShape: [] }).split('&')[0], 'networkShape=');
});

test('booleans are exactly true/false', () => {
  assert.deepEqual(parseHash('#x=true&y=false').config, { x: true, y: false });
  const { problems } = parseHash('#x=1&y=TRUE&discretize=yes');
  assert.deepEqual(
    problems.map((p) => p.key),
    ['x', 'y', 'discretize'],
  );
});

test('unknown keys, bad encodings and huge strings are listed; a huge seed is clipped', () => {
  const huge = 'a'.repeat(100000);
  const { config, problems } = parseHash(
    `#foo=bar&seed=${huge}&activation=%E0%A4%A&${huge}=1&dataset=${huge}`,
  );
  assert.deepEqual(config, { seed: 'a'.repeat(4096) });
  assert.equal(problems.length, 5);
  for (const p of problems) {
    assert.ok(
      String(p.key).length <= 61 && String(p.value).length <= 41,
      JSON.stringify(p).slice(0, 80),
    );
  }
  assert.deepEqual(
    problems.map((p) => p.reason.split(' ')[0]),
    ['unknown', 'longer', 'badly', 'unknown', 'longer'],
  );
  assert.match(problems[1].reason, /first 4096 kept/);
});

test("seeds: any string up to the engine's length, kept verbatim, encoded on the way out", () => {
  assert.equal(parseHash('#seed=0.59704').config.seed, '0.59704');
  const weird = 'a&b=c d#é';
  const body = serializeHash({ seed: weird });
  assert.equal(parseHash('#' + body).config.seed, weird);
  const long = parseHash('#seed=' + 'x'.repeat(4096));
  assert.deepEqual(
    [long.config.seed.length, long.problems.length],
    [4096, 0],
    "the engine's limit, not 200",
  );
  const over = parseHash('#seed=' + 'x'.repeat(4097));
  assert.deepEqual([over.config.seed.length, over.problems.length], [4096, 1]);
});

test('page keys and *_hide keys', () => {
  const { page, problems } = parseHash(
    '#showTestData=true&discretize=true&hideText=true&noise_hide=true&dataset_hide=false&learningRate_hide=true&x_hide=maybe',
  );
  assert.equal(page.showTestData, true);
  assert.equal(page.discretize, true);
  assert.equal(page.hideText, true);
  assert.deepEqual(page.hidden, ['noise', 'learningRate']);
  assert.deepEqual(
    problems.map((p) => p.key),
    ['x_hide'],
  );
  const body = serializeHash({ seed: 's' }, page);
  assert.match(body, /&hideText=true&noise_hide=true&learningRate_hide=true$/);
});

test('numbers are written in plain decimal', () => {
  assert.equal(serializeHash({ learningRate: 0.00001 }).split('&')[0], 'learningRate=0.00001');
});

test('datasets: picking a regression one sets problem=regression', () => {
  assert.deepEqual(datasetChange('reg-gauss'), { problem: 'regression', regDataset: 'reg-gauss' });
  assert.deepEqual(datasetChange('xor'), { problem: 'classification', dataset: 'xor' });
  assert.throws(() => datasetChange('banana'));
  assert.equal(
    activeDataset({ problem: 'regression', dataset: 'xor', regDataset: 'reg-plane' }),
    'reg-plane',
  );
  assert.equal(
    activeDataset({ problem: 'classification', dataset: 'xor', regDataset: 'reg-plane' }),
    'xor',
  );
});

test('engineConfigOf keeps engine keys only', () => {
  assert.deepEqual(engineConfigOf({ noise: 5, showTestData: true, foo: 1, seed: 'a' }), {
    noise: 5,
    seed: 'a',
  });
});

test('link keys: resets and params come after the reference keys, before *_hide', () => {
  const { config, link, problems } = parseHash('#seed=s&resets=3&params=AQID_-x&x_hide=true');
  assert.deepEqual(problems, []);
  assert.deepEqual(config, { seed: 's' });
  assert.deepEqual(link, { resets: 3, params: 'AQID_-x', opt: null });
  const { page } = parseHash('#x_hide=true');
  assert.equal(
    serializeHash({ seed: 's' }, page, { resets: 3, params: 'AQID' }),
    'seed=s&showTestData=false&discretize=false&cosX=false&cosY=false&collectStats=false&hideText=false&resets=3&params=AQID&x_hide=true',
  );
  assert.ok(!serializeHash({ seed: 's' }, {}, { resets: 0 }).includes('resets'));
  assert.deepEqual(parseHash('').link, { resets: 0, params: null, opt: null });
});

test('link keys: bad values are listed; a long params code is allowed, a huge one is not', () => {
  const { link, problems } = parseHash('#resets=x&params=a%2Bb');
  assert.deepEqual(
    problems.map((p) => p.key),
    ['resets', 'params'],
  );
  assert.deepEqual(link, { resets: 0, params: null, opt: null });
  assert.deepEqual(
    [parseHash('#resets=10001').link.resets, parseHash('#resets=10001').problems.length],
    [10000, 1],
  );
  assert.equal(parseHash('#resets=1.5').problems.length, 1);
  assert.equal(parseHash('#params=' + 'A'.repeat(50000)).link.params.length, 50000);
  assert.equal(parseHash('#params=' + 'A'.repeat(1600000)).problems.length, 1);
});

test('tutorial is a page key kept verbatim (the reference writes it)', () => {
  const { page, problems } = parseHash('#tutorial=dp-reducing-loss');
  assert.deepEqual(problems, []);
  assert.equal(page.tutorial, 'dp-reducing-loss');
  assert.match(serializeHash({}, page), /collectStats=false&tutorial=dp-reducing-loss&hideText/);
});

test("the shared keys are not the playground's: mode and embed are taken out, a bad one listed", () => {
  const { config, page, problems } = parseHash('#mode=playground&embed=true&dataset=xor');
  assert.deepEqual(problems, []);
  assert.deepEqual(config, { dataset: 'xor' });
  assert.equal(page.embed, undefined);
  assert.ok(!serializeHash({ dataset: 'xor' }, page).includes('embed'));
  assert.deepEqual(
    parseHash('#mode=banana').problems.map((p) => p.key),
    ['mode'],
  );
});

test('the history rule: a discrete change of the config is a new entry, a rate or a slider is not', () => {
  const base = {
    dataset: 'circle',
    networkShape: [4, 2],
    activation: 'tanh',
    x: true,
    noise: 0,
    learningRate: 0.03,
  };
  for (const patch of [
    { dataset: 'xor' },
    { networkShape: [4] },
    { activation: 'relu' },
    { x: false },
    { regularization: 'L2' },
    { problem: 'regression' },
  ]) {
    assert.equal(isDiscreteChange(base, { ...base, ...patch }), true, JSON.stringify(patch));
  }
  for (const patch of [
    { noise: 10 },
    { learningRate: 0.1 },
    { regularizationRate: 0.1 },
    { batchSize: 20 },
    { seed: 'q' },
  ]) {
    assert.equal(isDiscreteChange(base, { ...base, ...patch }), false, JSON.stringify(patch));
  }
});

test('link keys: opt comes after params, only with it, and parses back', () => {
  const { page } = parseHash('');
  const body = serializeHash({ seed: 's' }, page, { params: 'AQID', opt: 'AQAB' });
  assert.match(body, /&params=AQID&opt=AQAB$/);
  assert.deepEqual(parseHash(`#${body}`).link, { resets: 0, params: 'AQID', opt: 'AQAB' });
  assert.ok(!serializeHash({ seed: 's' }, page, { opt: 'AQAB' }).includes('opt='));
  const bad = parseHash('#seed=s&params=AQID&opt=no%20good');
  assert.equal(bad.link.opt, null);
  assert.deepEqual(
    bad.problems.map((p) => p.key),
    ['opt'],
  );
});
