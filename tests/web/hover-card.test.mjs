// The weight editor's pure parts (web/ui/hover-card.js): a field's text read as a whole
// number literal, and where a card goes to stay inside the window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseValue, fitInView } from '../../web/ui/hover-card.js';

test('parseValue reads the whole text as a finite number', () => {
  assert.deepEqual(parseValue('0.5'), { ok: true, value: 0.5 });
  assert.deepEqual(parseValue(' -4 '), { ok: true, value: -4 });
  assert.deepEqual(parseValue('1e3'), { ok: true, value: 1000 });
  assert.deepEqual(parseValue('.25'), { ok: true, value: 0.25 });
  assert.deepEqual(parseValue('-0'), { ok: true, value: 0 });
  assert.deepEqual(parseValue('1e-400'), { ok: true, value: 0 });
});

test('parseValue refuses what is not a whole finite number, naming it', () => {
  assert.deepEqual(parseValue('1e400'), { ok: false, message: '1e400 is not a finite number' });
  assert.deepEqual(parseValue('0.5abc'), { ok: false, message: '0.5abc is not a number' });
  assert.equal(parseValue('').message, 'type a number');
  for (const s of ['abc', '1,5', '0x10', 'Infinity', 'NaN', '1e', '--1', '1.2.3'])
    assert.equal(parseValue(s).ok, false, s);
  assert.match(parseValue('9'.repeat(400)).message, /^9{24}… is not a finite number$/);
});

test('fitInView keeps a card inside the window', () => {
  assert.deepEqual(fitInView(10, 10, 100, 50, 375, 667), [10, 10]);
  assert.deepEqual(fitInView(350, 10, 100, 50, 375, 667), [271, 10]);
  assert.deepEqual(fitInView(-20, 660, 100, 50, 375, 667), [4, 613]);
  assert.deepEqual(fitInView(10, 10, 500, 50, 375, 667), [4, 10], 'wider than the window');
});
