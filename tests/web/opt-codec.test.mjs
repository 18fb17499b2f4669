// The `opt` link code (web/opt-codec.js): exact round trips of every number, fields it does
// not know travel too, training.initial is left out, and a damaged code is refused by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeOpt, decodeOpt, optState } from '../../web/opt-codec.js';

const model = {
  format: 'nnplay-model',
  optimizer: { name: 'adam', step: 70, state: { m: [0.1, -1e-300, 1 / 3], v: [5e-324, 2, 0] } },
  training: {
    epoch: 2,
    cursor: 3,
    accumulated: 5,
    gradient: [Math.PI, -0, 1e308],
    rng: 'ab01',
    dropoutRng: null,
    resets: 4,
    future: { nested: [1.5, 2.5], empty: [] },
    initial: { weights: [1, 2], rng: 'ff' },
  },
};

test('round trip: exact numbers, unknown fields kept, initial left out', () => {
  const state = optState(model);
  assert.equal('initial' in state.training, false);
  const code = encodeOpt(state);
  assert.match(code, /^[A-Za-z0-9_-]+$/);
  const back = decodeOpt(code);
  assert.deepEqual(back, state);
  assert.ok(Object.is(back.training.gradient[1], -0), 'the sign of zero kept');
  assert.equal(back.optimizer.state.v[0], 5e-324);
});

test('damaged codes are refused with a reason', () => {
  const code = encodeOpt(optState(model));
  assert.throws(() => decodeOpt('!!'), /not base64url/);
  assert.throws(() => decodeOpt(''), /too short/);
  assert.throws(() => decodeOpt(code.slice(0, code.length - 16)), /cut short|left over/);
  assert.throws(() => decodeOpt('AgAAAAA'), /version 2/);
  assert.throws(() => decodeOpt(code + 'AAAAAAAAAAAA'), /left over/);
});
