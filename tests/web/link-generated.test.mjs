// Generated-input tests of the playground's link parser (web/link/playground-link.js's
// parseHash, over web/link/hash-codec.js): thousands of random hashes and mutations of valid
// ones, from a seeded stream (tests/web/generated-input.mjs). For every one: nothing throws,
// every value the parser keeps is one the engine and the page accept (their limits, read from
// tests/fixtures/engine-limits.json and web/limits.js, not from the parser's own schema),
// every problem is strings that name a key of the hash, and parse(serialize(parse(x))) gives
// the same state with no problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  parseHash,
  serializeHash,
  ENGINE_KEYS,
  PAGE_DEFAULTS,
} from '../../web/link/playground-link.js';
import {
  hashEntries,
  parseValue,
  enumOf,
  numberIn,
  shapeOf,
  listOf,
  textOf,
  codeOf,
  BOOL,
} from '../../web/link/hash-codec.js';
import { limitsTable } from '../../web/limits.js';
import {
  FEATURE_KEYS,
  ACTIVATIONS,
  REGULARIZATIONS,
  PROBLEMS,
  CLASSIFICATION_DATASETS,
  REGRESSION_DATASETS,
} from '../../web/options.js';
import { SPEEDS } from '../../web/speed.js';
import { OPTIMIZERS, LR_SCHEDULES, INITS, TRAINING_DEFAULTS } from '../../web/training-options.js';
import {
  GEN_SEED,
  randomStream,
  randomText,
  randomNumberText,
  mutate,
  asLocationHash,
} from './generated-input.mjs';

const LIMITS = limitsTable(
  JSON.parse(fs.readFileSync(new URL('../fixtures/engine-limits.json', import.meta.url), 'utf8'))
    .limits,
);
const MODES = ['playground', 'perceptron'];
const CASES = 3000;
const utf8Bytes = (s) => new TextEncoder().encode(s).length;

// What the engine's config reader accepts (engine/config.cpp), key by key.
const finiteIn = (lo, hi) => (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
const ENGINE_ACCEPTS = {
  problem: (v) => PROBLEMS.includes(v),
  dataset: (v) => CLASSIFICATION_DATASETS.includes(v),
  regDataset: (v) => REGRESSION_DATASETS.includes(v),
  noise: finiteIn(0, 80),
  percTrainData: finiteIn(1, 100),
  batchSize: (v) => Number.isInteger(v) && v >= 1 && v <= 2147483647,
  learningRate: finiteIn(0, Number.MAX_VALUE),
  regularizationRate: finiteIn(0, Number.MAX_VALUE),
  activation: (v) => ACTIVATIONS.includes(v),
  regularization: (v) => REGULARIZATIONS.includes(v),
  networkShape: (v) =>
    Array.isArray(v) &&
    v.length <= LIMITS.maxHiddenLayers &&
    v.every((n) => Number.isInteger(n) && n >= 1 && n <= LIMITS.maxNeurons),
  seed: (v) => typeof v === 'string' && utf8Bytes(v) <= LIMITS.maxSeedLength,
  initZero: (v) => typeof v === 'boolean',
  dropout: (v) =>
    finiteIn(0, 0.9)(v) ||
    (Array.isArray(v) && v.length <= LIMITS.maxHiddenLayers && v.every(finiteIn(0, 0.9))),
  activations: (v) =>
    Array.isArray(v) &&
    v.length <= LIMITS.maxHiddenLayers &&
    v.every((a) => ACTIVATIONS.includes(a)),
  ...Object.fromEntries(FEATURE_KEYS.map((k) => [k, (v) => typeof v === 'boolean'])),
  // The training keys (docs/LINKS.md "Training keys"): averages below 1, epochs whole.
  optimizer: (v) => OPTIMIZERS.includes(v),
  lrSchedule: (v) => LR_SCHEDULES.includes(v),
  init: (v) => INITS.includes(v),
  momentum: finiteIn(0, 0.9999),
  rmsAlpha: finiteIn(0, 0.9999),
  beta1: finiteIn(0, 0.9999),
  beta2: finiteIn(0, 0.9999),
  epsilon: finiteIn(1e-12, 1),
  weightDecay: finiteIn(0, 1),
  lrGamma: finiteIn(0.0001, 1), // the engine: above 0
  lrMin: finiteIn(0, 10),
  lrStepEpochs: (v) => Number.isInteger(v) && v >= 1 && v <= 1e6,
  lrCosineEpochs: (v) => Number.isInteger(v) && v >= 1 && v <= 1e6,
  lrWarmupEpochs: (v) => Number.isInteger(v) && v >= 0 && v <= 1e6,
};
const PAGE_ACCEPTS = {
  tutorial: (v) => v === null || (typeof v === 'string' && v.length <= LIMITS.maxTutorialLength),
  speed: (v) => SPEEDS.includes(v),
  resetSame: (v) => typeof v === 'boolean',
  hidden: (v) =>
    Array.isArray(v) &&
    new Set(v).size === v.length &&
    v.every((h) => typeof h === 'string' && /^[A-Za-z][A-Za-z0-9]*$/.test(h)),
};
const LINK_ACCEPTS = {
  resets: (v) => Number.isInteger(v) && v >= 0 && v <= LIMITS.maxResets,
  params: (v) =>
    v === null ||
    (typeof v === 'string' && v.length <= LIMITS.maxParamsLength && /^[A-Za-z0-9_-]+$/.test(v)),
};

// A value of the key's kind, often a bad or out-of-range one.
function randomValue(rnd, key) {
  if (FEATURE_KEYS.includes(key) || key === 'initZero' || key in PAGE_DEFAULTS)
    if (rnd.chance(0.6)) return rnd.pick(['true', 'false', 'True', '1', '']);
  const lists = {
    activation: ACTIVATIONS,
    regularization: REGULARIZATIONS,
    problem: PROBLEMS,
    dataset: CLASSIFICATION_DATASETS,
    regDataset: REGRESSION_DATASETS,
    speed: SPEEDS,
    mode: MODES,
    optimizer: OPTIMIZERS,
    lrSchedule: LR_SCHEDULES,
    init: INITS,
  };
  if (lists[key] && rnd.chance(0.7)) return rnd.pick(lists[key]);
  if (key === 'dropout' && rnd.chance(0.7))
    return Array.from({ length: 1 + rnd.int(4) }, () =>
      rnd.chance(0.8) ? rnd.pick(['0', '0.1', '0.5', '0.9', '1', '5']) : randomNumberText(rnd),
    ).join(',');
  if (key === 'activations' && rnd.chance(0.7))
    return Array.from({ length: rnd.int(LIMITS.maxHiddenLayers + 3) }, () =>
      rnd.chance(0.9) ? rnd.pick(ACTIVATIONS) : randomText(rnd, 4),
    ).join(',');
  if (key === 'networkShape' && rnd.chance(0.8)) {
    const n = rnd.int(LIMITS.maxHiddenLayers + 4);
    return Array.from({ length: n }, () =>
      rnd.chance(0.9) ? rnd.int(80) : randomNumberText(rnd),
    ).join(',');
  }
  if (key === 'seed' && rnd.chance(0.5))
    return encodeURIComponent(
      rnd.pick(['0.12345', 'é€😀', 'x'.repeat(LIMITS.maxSeedLength - 1) + '€']),
    );
  if (key === 'params' && rnd.chance(0.7))
    return Array.from({ length: rnd.int(80) }, () =>
      rnd.pick('ABCDEFabcdef0123456789-_+/='.split('')),
    ).join('');
  if (rnd.chance(0.5)) return randomNumberText(rnd);
  return randomText(rnd);
}

const KEYS = [...ENGINE_KEYS, ...Object.keys(PAGE_DEFAULTS), 'resets', 'params', 'mode', 'embed'];

function randomHash(rnd) {
  const parts = [];
  const n = rnd.int(12);
  for (let i = 0; i < n; i++) {
    const r = rnd.next();
    const key =
      r < 0.75
        ? rnd.pick(KEYS)
        : r < 0.85
          ? `${rnd.pick(['playButton', 'x', 'noise', 'a', '9x'])}_hide`
          : randomText(rnd, 4);
    parts.push(rnd.chance(0.05) ? key : `${key}=${randomValue(rnd, key)}`);
  }
  return parts.join('&');
}

// A valid playground state written as a hash, then mutated a few times.
function mutatedHash(rnd) {
  const config = {
    activation: rnd.pick(ACTIVATIONS),
    regularization: rnd.pick(REGULARIZATIONS),
    batchSize: 1 + rnd.int(30),
    dataset: rnd.pick(CLASSIFICATION_DATASETS),
    regDataset: rnd.pick(REGRESSION_DATASETS),
    learningRate: rnd.pick([0.03, 0.1, 3]),
    regularizationRate: rnd.pick([0, 0.001]),
    noise: rnd.int(81),
    networkShape: Array.from({ length: rnd.int(5) }, () => 1 + rnd.int(8)),
    ...(rnd.chance(0.3) ? { activations: [rnd.pick(ACTIVATIONS), rnd.pick(ACTIVATIONS)] } : {}),
    seed: rnd.pick(['0.12345', 'abc', 'é€😀 &=#%']),
    percTrainData: 1 + rnd.int(100),
    problem: rnd.pick(PROBLEMS),
    initZero: rnd.chance(0.5),
    ...Object.fromEntries(FEATURE_KEYS.map((k) => [k, rnd.chance(0.5)])),
  };
  let text = serializeHash(
    config,
    { speed: rnd.pick(SPEEDS), hidden: rnd.chance(0.3) ? ['playButton'] : [] },
    { resets: rnd.int(3), params: rnd.chance(0.3) ? 'AQMCAgEAAAAAAAAAAA' : null },
  );
  for (let m = 1 + rnd.int(4); m > 0; m--) text = mutate(rnd, text);
  return text;
}

// The names an entry of the hash goes by: its key as written and as decoded.
function keyNames(hash) {
  const names = new Set(['mode', 'embed']);
  for (const part of String(hash).replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    names.add(key);
    try {
      names.add(decodeURIComponent(key));
    } catch {
      // only the written form names it
    }
  }
  return [...names];
}

function checkParsed(parsed, hash, where) {
  const { config, page, link, problems } = parsed;
  for (const [k, v] of Object.entries(config)) {
    assert.ok(ENGINE_ACCEPTS[k], `${where}: config key ${k} is not an engine key`);
    assert.ok(
      ENGINE_ACCEPTS[k](v),
      `${where}: config.${k} = ${JSON.stringify(v)} beyond its limits, from ${shown(hash)}`,
    );
  }
  for (const [k, ok] of Object.entries(PAGE_ACCEPTS))
    assert.ok(ok(page[k]), `${where}: page.${k} = ${JSON.stringify(page[k])} beyond its limits`);
  for (const k of ['showTestData', 'discretize', 'collectStats', 'hideText', 'cosX', 'cosY'])
    assert.equal(typeof page[k], 'boolean', `${where}: page.${k}`);
  for (const [k, ok] of Object.entries(LINK_ACCEPTS))
    assert.ok(ok(link[k]), `${where}: link.${k} = ${JSON.stringify(link[k])} beyond its limits`);
  assert.ok(Array.isArray(problems), where);
  const names = keyNames(hash);
  for (const p of problems) {
    assert.equal(typeof p.key, 'string', `${where}: a problem's key`);
    assert.equal(typeof p.value, 'string', `${where}: a problem's value`);
    assert.ok(typeof p.reason === 'string' && p.reason.length > 0, `${where}: a problem's reason`);
    const stem = p.key.replace(/…$/, '');
    assert.ok(
      names.some((n) => n.startsWith(stem)),
      `${where}: problem key ${JSON.stringify(p.key)} names no key of the hash`,
    );
  }
}

// The parsed state as a link keeps it: a link leaves regularization out when it is none and a
// training key at its default (the engine's defaults), so an explicit default and no key are
// the same state.
function state({ config, page, link }) {
  const c = { ...config };
  if (c.regularization === 'none') delete c.regularization;
  for (const [k, v] of Object.entries(TRAINING_DEFAULTS)) if (c[k] === v) delete c[k];
  return { config: c, page, link };
}
const shown = (hash) => JSON.stringify(hash.length > 300 ? `${hash.slice(0, 300)}...` : hash);

function checkHash(hash, where) {
  let first;
  try {
    first = parseHash(hash, LIMITS, MODES);
  } catch (e) {
    assert.fail(`${where}: parseHash threw ${e} on ${shown(hash)}`);
  }
  checkParsed(first, hash, where);
  const body = serializeHash(first.config, first.page, first.link);
  const second = parseHash(`#${body}`, LIMITS, MODES);
  assert.deepEqual(
    state(second),
    state(first),
    `${where}: parse(serialize(parse(x))) differs, x = ${shown(hash)}`,
  );
  assert.deepEqual(second.problems, [], `${where}: a serialized state has problems`);
  assert.equal(
    serializeHash(second.config, second.page, second.link),
    body,
    `${where}: not stable`,
  );
}

test(`random hashes: no throw, values within limits, problems name keys, stable round trip (seed ${GEN_SEED})`, () => {
  const rnd = randomStream(GEN_SEED);
  for (let i = 0; i < CASES; i++) checkHash(asLocationHash(randomHash(rnd)), `random case ${i}`);
});

test(`mutated valid hashes: the same properties (seed ${GEN_SEED})`, () => {
  const rnd = randomStream(GEN_SEED + 1);
  for (let i = 0; i < CASES; i++) checkHash(asLocationHash(mutatedHash(rnd)), `mutated case ${i}`);
});

test(`raw hash text, not normalized by a URL: parseHash and hashEntries never throw (seed ${GEN_SEED})`, () => {
  const rnd = randomStream(GEN_SEED + 2);
  for (let i = 0; i < CASES; i++) {
    const hash = rnd.chance(0.5) ? randomHash(rnd) : mutatedHash(rnd);
    const entries = hashEntries(hash);
    for (const e of entries) assert.ok(typeof e.key === 'string' && typeof e.raw === 'string');
    checkParsed(parseHash(hash, LIMITS, MODES), hash, `raw case ${i}`);
  }
});

test(`parseValue: every kind on random text keeps only values of its kind and limits (seed ${GEN_SEED})`, () => {
  const rnd = randomStream(GEN_SEED + 3);
  const specs = [
    [enumOf(ACTIVATIONS), (v) => ACTIVATIONS.includes(v)],
    [BOOL, (v) => typeof v === 'boolean'],
    [numberIn(0, 80), finiteIn(0, 80)],
    [numberIn(1, 10000, true), (v) => Number.isInteger(v) && v >= 1 && v <= 10000],
    [numberIn(0, Infinity), finiteIn(0, Number.MAX_VALUE)],
    [
      shapeOf(3, 1, 8),
      (v) => v.length <= 3 && v.every((n) => Number.isInteger(n) && n >= 1 && n <= 8),
    ],
    [textOf(5), (v) => typeof v === 'string' && v.length <= 5],
    [textOf(7, { bytes: true }), (v) => typeof v === 'string' && utf8Bytes(v) <= 7],
    [codeOf(20), (v) => /^[A-Za-z0-9_-]{1,20}$/.test(v)],
    [
      listOf(enumOf(ACTIVATIONS), 3),
      (v) => Array.isArray(v) && v.length <= 3 && v.every((a) => ACTIVATIONS.includes(a)),
    ],
    [
      listOf(numberIn(0, 0.9), 3, { oneIsAll: true }),
      (v) =>
        finiteIn(0, 0.9)(v) || (Array.isArray(v) && v.length <= 3 && v.every(finiteIn(0, 0.9))),
    ],
  ];
  for (let i = 0; i < CASES; i++) {
    const raw = rnd.chance(0.5) ? randomNumberText(rnd) : randomText(rnd, 6);
    for (const [spec, accepts] of specs) {
      const r = parseValue(spec, raw);
      const where = `case ${i}: ${spec.kind} of ${JSON.stringify(raw)}`;
      if (r.ok) assert.ok(accepts(r.value), `${where} gave ${JSON.stringify(r.value)}`);
      else assert.ok(typeof r.reason === 'string' && r.reason.length > 0, `${where}: no reason`);
      if (r.clipped !== undefined) assert.equal(typeof r.clipped, 'string', where);
    }
  }
});
