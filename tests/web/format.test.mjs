// Unit tests of web/format.js: the epoch counter, losses to 3 decimals, plain decimals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatEpoch, formatLoss, plainNumber } from '../../web/format.js';

test('epoch counter in the reference style 000,000, no wrap at a million', () => {
  assert.equal(formatEpoch(0), '000,000');
  assert.equal(formatEpoch(7), '000,007');
  assert.equal(formatEpoch(1234), '001,234');
  assert.equal(formatEpoch(999999), '999,999');
  assert.equal(formatEpoch(1234567), '1,234,567');
  assert.equal(formatEpoch(NaN), '000,000');
});

test('losses to 3 decimals; a missing loss is a dash', () => {
  assert.equal(formatLoss(0.5015807429602891), '0.502');
  assert.equal(formatLoss(0.0005), '0.001');
  assert.equal(formatLoss(0), '0.000');
  assert.equal(formatLoss(NaN), '–');
  assert.equal(formatLoss(Infinity), '∞');
  assert.equal(formatLoss(undefined), '–');
});

test('plain decimal numbers, never exponent notation', () => {
  assert.equal(plainNumber(0.03), '0.03');
  assert.equal(plainNumber(0.00001), '0.00001');
  assert.equal(plainNumber(1e-7), '0.0000001');
  assert.equal(plainNumber(1.5e-7), '0.00000015');
  assert.equal(plainNumber(10), '10');
  assert.equal(plainNumber(1e21), '1000000000000000000000');
  assert.equal(plainNumber(-2.5e-8), '-0.000000025');
  for (const n of [0.00001, 1.5e-7, 1e21, 3, 0.1]) assert.equal(Number(plainNumber(n)), n);
});
