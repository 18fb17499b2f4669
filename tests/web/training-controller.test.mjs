// Unit tests of the training options in the page (web/ui/training-controls.js,
// web/ui/play-controls.js) and the controller (web/playground.js with the fake engine): the
// fields' stricter reading, the button's summary, when the rate in force shows, live changes
// through updateTraining (the history rule) and the same-weights reset (resets not counted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TRAINING_NUMBERS } from '../../web/training-options.js';
import { readField, trainingSummary } from '../../web/ui/training-controls.js';
import { showsRate, formatRate } from '../../web/ui/play-controls.js';
import { setup } from './fake-playground.mjs';

const spec = (key) => TRAINING_NUMBERS.find((n) => n.key === key);

test('a field refuses what a link would clip: out of range, not a number, not whole', () => {
  assert.deepEqual(readField(spec('beta1'), ' 0.95 '), { ok: true, value: 0.95 });
  assert.deepEqual(readField(spec('beta1'), '7'), {
    ok: false,
    reason: 'out of range (0 to 0.9999)',
  });
  assert.equal(readField(spec('epsilon'), '1e-9').value, 1e-9);
  assert.equal(readField(spec('epsilon'), 'abc').reason, 'not a number');
  assert.equal(readField(spec('epsilon'), '').reason, 'not a number');
  assert.equal(readField(spec('lrStepEpochs'), '2.5').reason, 'not a whole number');
});

test('the button says what is in force; the rate in force shows with a schedule or when it differs', () => {
  assert.equal(trainingSummary({}), 'SGD');
  assert.equal(trainingSummary({ optimizer: 'adam', lrSchedule: 'cosine' }), 'Adam, Cosine');
  assert.equal(
    trainingSummary({ lrWarmupEpochs: 5, init: 'glorotNormal' }),
    'SGD, warm-up, Glorot normal',
  );
  const view = (config, now) => ({
    config: { learningRate: 0.03, ...config },
    learningRateNow: now,
  });
  assert.equal(showsRate(view({}, 0.03)), false);
  assert.equal(showsRate(view({ lrSchedule: 'constant' }, 0.03)), false);
  assert.equal(showsRate(view({ lrSchedule: 'step' }, 0.03)), true);
  assert.equal(showsRate(view({ lrWarmupEpochs: 10 }, 0.003)), true);
  assert.equal(showsRate(view({}, undefined)), false);
  assert.equal(formatRate(0.0151234), '0.0151');
  assert.equal(formatRate(1e-7), '0.0000001');
});

test('a live change goes through updateTraining: the epoch stays; a kind pushes, a number replaces', () => {
  const { pg, engine, writes, hashes, left } = setup();
  pg.loadHash('#seed=abc');
  pg.step(5);
  writes.length = 0;
  pg.changeTraining({ optimizer: 'adam' });
  assert.equal(engine.epochs, 5, 'no reset');
  assert.equal(pg.config.optimizer, 'adam');
  assert.deepEqual(writes, ['push']);
  assert.equal(left.at(-1).engine.epoch, 5, 'the entry left is the trained one');
  assert.match(hashes.at(-1), /&optimizer=adam/);
  pg.changeTraining({ beta1: 0.8 });
  assert.deepEqual(writes, ['push', 'replace']);
  pg.changeTraining({ regularization: 'L2' });
  assert.equal(engine.epochs, 5, 'a regularization change keeps the network now');
  assert.deepEqual(writes, ['push', 'replace', 'push']);
});

test('a refused live change leaves everything and names the key', () => {
  const { pg, notices, writes } = setup();
  pg.loadHash('#seed=abc');
  writes.length = 0;
  const before = pg.state();
  const r = pg.changeTraining({ optimizer: 'bad' });
  assert.equal(r.ok, false);
  assert.deepEqual(pg.state(), before);
  assert.deepEqual(writes, []);
  assert.equal(notices.at(-1).items[0].key, 'optimizer');
  pg.fieldRefused('beta1', '7', 'out of range (0 to 0.9999)', 0.9);
  assert.deepEqual(notices.at(-1).items[0], {
    key: 'beta1',
    value: '7',
    reason: 'out of range (0 to 0.9999); kept 0.9, as on screen',
  });
});

test('reset with resetSame: the same initial weights, the count of resets (and the link) unchanged', () => {
  const { pg, engine, hashes } = setup();
  pg.loadHash('#seed=abc&resets=2');
  assert.equal(engine.resets, 2);
  pg.changePage({ resetSame: true });
  pg.step(7);
  pg.reset();
  assert.equal(engine.sameResets, 1);
  assert.equal(engine.resets, 2, 'no new weights drawn');
  assert.equal(pg.resets, 2);
  assert.equal(pg.state().epoch, 0);
  assert.match(hashes.at(-1), /&resetSame=true&resets=2$/);
  pg.changePage({ resetSame: false });
  pg.reset();
  assert.equal(engine.resets, 3);
  assert.match(hashes.at(-1), /&resets=3$/);
});
