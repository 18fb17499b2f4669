// Unit tests of the training options in the playground's link (web/link/playground-link.js,
// web/training-options.js): the keys are left out at their defaults (a default link and the
// reference's are unchanged), round trips, their order, bad values dropped or clipped and
// named, the history rule, which parameters apply to which choice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  parseHash as parseWith,
  serializeHash,
  isDiscreteChange,
  TRAINING_KEYS,
  ENGINE_KEYS,
} from '../../web/link/playground-link.js';
import {
  TRAINING_DEFAULTS,
  optimizerParams,
  scheduleParams,
  isReferenceTraining,
} from '../../web/training-options.js';
import { LIMITS } from './fake-playground.mjs';

const parseHash = (hash) => parseWith(hash, LIMITS, ['playground', 'perceptron']);
const GOLDEN = JSON.parse(fs.readFileSync(new URL('../fixtures/golden.json', import.meta.url)));
const REFERENCE_HASH = GOLDEN.referenceHash.startsWith('#')
  ? GOLDEN.referenceHash
  : `#${GOLDEN.referenceHash}`;

test('the training keys are engine keys, at their defaults left out of the link', () => {
  for (const k of TRAINING_KEYS) assert.ok(ENGINE_KEYS.includes(k), k);
  assert.deepEqual(Object.keys(TRAINING_DEFAULTS).sort(), [...TRAINING_KEYS].sort());
  const { config, page } = parseHash(REFERENCE_HASH);
  // The engine's effective config names every key at its default: the link is the reference's.
  const effective = { ...config, ...TRAINING_DEFAULTS };
  assert.equal('#' + serializeHash(effective, page), REFERENCE_HASH);
  assert.equal(
    serializeHash({ seed: 'a' }, { resetSame: false }),
    'seed=a&showTestData=false&discretize=false&cosX=false&cosY=false&collectStats=false&hideText=false',
  );
  assert.ok(isReferenceTraining(effective));
  assert.ok(isReferenceTraining({}));
  assert.equal(isReferenceTraining({ ...effective, init: 'heNormal' }), false);
});

test('each training key round-trips; they come after the reference keys, before speed and resets', () => {
  const chosen = {
    optimizer: 'adamw',
    momentum: 0.5,
    rmsAlpha: 0.9,
    beta1: 0.8,
    beta2: 0.99,
    epsilon: 1e-6,
    weightDecay: 0.05,
    lrSchedule: 'cosine',
    lrGamma: 0.25,
    lrStepEpochs: 30,
    lrCosineEpochs: 500,
    lrMin: 0.001,
    lrWarmupEpochs: 20,
    init: 'heNormal',
  };
  const body = serializeHash(
    { seed: 'a', learningRate: 0.1, ...chosen },
    { speed: '10', resetSame: true },
    { resets: 2 },
  );
  assert.match(
    body,
    /hideText=false&optimizer=adamw&momentum=0\.5&rmsAlpha=0\.9&beta1=0\.8&beta2=0\.99&epsilon=0\.000001&weightDecay=0\.05&lrSchedule=cosine&lrGamma=0\.25&lrStepEpochs=30&lrCosineEpochs=500&lrMin=0\.001&lrWarmupEpochs=20&init=heNormal&speed=10&resetSame=true&resets=2$/,
  );
  const back = parseHash('#' + body);
  assert.deepEqual(back.problems, []);
  for (const [k, v] of Object.entries(chosen)) assert.equal(back.config[k], v, k);
  assert.equal(back.page.resetSame, true);
  assert.equal(back.link.resets, 2);
  // One key alone, each: only it is written.
  for (const [k, v] of Object.entries(chosen)) {
    const one = serializeHash({ ...TRAINING_DEFAULTS, [k]: v }, {});
    assert.equal(TRAINING_KEYS.filter((t) => one.includes(`${t}=`)).join(), k);
  }
  assert.equal(parseHash('#epsilon=1e-7').config.epsilon, 1e-7);
});

test('hostile training values: a bad one is dropped and named, a number beyond its range clipped and named', () => {
  const { config, page, problems, rejected } = parseHash(
    '#optimizer=bogus&beta1=7&lrSchedule=%3Cscript%3E&init=he&lrStepEpochs=2.5&epsilon=abc&momentum=-1&resetSame=maybe&lrCosineEpochs=0',
  );
  assert.deepEqual(
    problems.map((p) => [p.key, p.reason]),
    [
      ['optimizer', 'not one of sgd, momentum, nesterov, rmsprop, adam, adamw'],
      ['beta1', 'out of range (0 to 0.9999): clipped to 0.9999'],
      ['lrSchedule', 'not one of constant, step, exponential, cosine'],
      ['init', 'not one of uniform, glorotUniform, glorotNormal, heUniform, heNormal'],
      ['lrStepEpochs', 'not a whole number'],
      ['epsilon', 'not a number'],
      ['momentum', 'out of range (0 to 0.9999): clipped to 0'],
      ['resetSame', 'not true or false'],
      ['lrCosineEpochs', 'out of range (1 to 1000000): clipped to 1'],
    ],
  );
  assert.equal(problems[2].value, '<script>', 'the value as text, for the notice');
  assert.deepEqual(config, { beta1: 0.9999, momentum: 0, lrCosineEpochs: 1 });
  assert.equal(page.resetSame, false);
  assert.deepEqual(rejected.sort(), [
    'epsilon',
    'init',
    'lrSchedule',
    'lrStepEpochs',
    'optimizer',
    'resetSame',
  ]);
});

test('history: a change of optimizer, schedule or initial weights is a new entry, of a number not', () => {
  const base = { dataset: 'circle', ...TRAINING_DEFAULTS };
  for (const patch of [{ optimizer: 'adam' }, { lrSchedule: 'step' }, { init: 'heUniform' }])
    assert.equal(isDiscreteChange(base, { ...base, ...patch }), true, JSON.stringify(patch));
  for (const patch of [{ beta1: 0.5 }, { lrGamma: 0.1 }, { lrWarmupEpochs: 5 }])
    assert.equal(isDiscreteChange(base, { ...base, ...patch }), false, JSON.stringify(patch));
});

test('which parameters apply: per optimizer and per schedule (the warm-up with every one)', () => {
  assert.deepEqual(optimizerParams('sgd'), []);
  assert.deepEqual(optimizerParams('nesterov'), ['momentum']);
  assert.deepEqual(optimizerParams('rmsprop'), ['rmsAlpha', 'epsilon']);
  assert.deepEqual(optimizerParams('adamw'), ['beta1', 'beta2', 'epsilon', 'weightDecay']);
  assert.deepEqual(scheduleParams('constant'), ['lrWarmupEpochs']);
  assert.deepEqual(scheduleParams('exponential'), ['lrGamma', 'lrStepEpochs', 'lrWarmupEpochs']);
  assert.deepEqual(scheduleParams('cosine'), ['lrCosineEpochs', 'lrMin', 'lrWarmupEpochs']);
});
