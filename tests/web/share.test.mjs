// The copy-link choice's storage (web/ui/share.js): off unless "true" was stored, and a
// storage that throws (private mode, a sandboxed frame) leaves it off without an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readShareChoice, writeShareChoice, SHARE_NETWORK_KEY } from '../../web/ui/share.js';

const memory = () => {
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, v), m };
};

test('the choice starts off and round-trips through storage', () => {
  const s = memory();
  assert.equal(readShareChoice(s), false);
  writeShareChoice(s, true);
  assert.equal(s.m.get(SHARE_NETWORK_KEY), 'true');
  assert.equal(readShareChoice(s), true);
  writeShareChoice(s, false);
  assert.equal(readShareChoice(s), false);
});

test('no storage, or one that throws: off, and no error', () => {
  const refusing = {
    getItem() {
      throw new Error('denied');
    },
    setItem() {
      throw new Error('denied');
    },
  };
  assert.equal(readShareChoice(null), false);
  assert.equal(readShareChoice(refusing), false);
  assert.doesNotThrow(() => writeShareChoice(refusing, true));
  assert.equal(readShareChoice({ getItem: () => 'yes' }), false);
});
