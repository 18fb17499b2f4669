// Unit tests of the training options in the page (web/ui/training-controls.js) and the
// controller (web/playground.js with the fake engine): the fields' stricter reading, the
// button's summary, and the history rule for a change of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TRAINING_NUMBERS } from '../../web/training-options.js';
import { readField, trainingSummary } from '../../web/ui/training-controls.js';
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

test('the button says what is in force', () => {
  assert.equal(trainingSummary({}), 'SGD');
  assert.equal(trainingSummary({ optimizer: 'adam', lrSchedule: 'cosine' }), 'Adam, Cosine');
  assert.equal(
    trainingSummary({ lrWarmupEpochs: 5, init: 'glorotNormal' }),
    'SGD, warm-up, Glorot normal',
  );
});

test('a change of optimizer, schedule or initial weights is a new entry; of a number, the entry replaced', () => {
  const { pg, writes, hashes } = setup();
  pg.loadHash('#seed=abc');
  writes.length = 0;
  pg.changeConfig({ optimizer: 'adam' });
  pg.changeConfig({ beta1: 0.8 });
  pg.changeConfig({ lrSchedule: 'step' });
  pg.changeConfig({ lrStepEpochs: 10 });
  pg.changeConfig({ init: 'heNormal' });
  assert.deepEqual(writes, ['push', 'replace', 'push', 'replace', 'push']);
  assert.match(
    hashes.at(-1),
    /&optimizer=adam&beta1=0\.8&lrSchedule=step&lrStepEpochs=10&init=heNormal$/,
  );
  assert.equal(pg.config.seed, 'abc', 'the same seed');
});
