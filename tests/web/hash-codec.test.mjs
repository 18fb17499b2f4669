// Unit tests of web/link/hash-codec.js, the grammar every mode's link shares: the tokenizer,
// each kind of value (dropped when not of its kind, clipped and listed when beyond a limit),
// the writers, and the shared keys (mode, embed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  hashEntries,
  parseValue,
  readEntry,
  formatValue,
  splitShared,
  joinShared,
  preview,
  enumOf,
  numberIn,
  BOOL,
  shapeOf,
  textOf,
  codeOf,
  MAX_VALUE_LENGTH,
} from '../../web/link/hash-codec.js';

test('the tokenizer: decoded entries in order, a bad encoding marked, empty parts skipped', () => {
  assert.deepEqual(hashEntries('#a=1&&b=x%20y&c&d='), [
    { key: 'a', raw: '1' },
    { key: 'b', raw: 'x y' },
    { key: 'c', raw: '' },
    { key: 'd', raw: '' },
  ]);
  assert.deepEqual(hashEntries('e=%E0%A4%A'), [
    { key: 'e', raw: '%E0%A4%A', problem: 'badly encoded' },
  ]);
  assert.deepEqual(hashEntries(''), []);
  assert.equal(preview('x'.repeat(50)), 'x'.repeat(40) + '…');
});

test('kinds: enum, bool, number (clipped to its range), shape (clipped), text (clipped), code', () => {
  assert.deepEqual(parseValue(enumOf(['a', 'b']), 'b'), { ok: true, value: 'b' });
  assert.equal(parseValue(enumOf(['a', 'b']), 'c').ok, false);
  assert.deepEqual(parseValue(BOOL, 'false'), { ok: true, value: false });
  assert.equal(parseValue(BOOL, 'TRUE').ok, false);
  assert.deepEqual(parseValue(numberIn(0, 80), '25'), { ok: true, value: 25 });
  assert.deepEqual(parseValue(numberIn(0, 80), '81'), {
    ok: true,
    value: 80,
    clipped: 'out of range (0 to 80): clipped to 80',
  });
  assert.equal(parseValue(numberIn(1, Infinity, true), '0').value, 1);
  for (const bad of ['', '0x10', 'Infinity', '1e999', 'NaN'])
    assert.equal(parseValue(numberIn(0, 80), bad).ok, false, bad);
  assert.equal(parseValue(numberIn(0, 80, true), '2.5').reason, 'not a whole number');
  const shape = shapeOf(3, 1, 8);
  assert.deepEqual(parseValue(shape, '4,2'), { ok: true, value: [4, 2] });
  assert.deepEqual(parseValue(shape, ''), { ok: true, value: [] });
  assert.deepEqual(parseValue(shape, '9,0,1,1').value, [8, 1, 1]);
  assert.match(parseValue(shape, '9,0,1,1').clipped, /first 3 kept.*clipped/);
  assert.equal(parseValue(shape, '4,,2').ok, false);
  assert.deepEqual(parseValue(textOf(3), 'abcd'), {
    ok: true,
    value: 'abc',
    clipped: 'longer than 3 characters: the first 3 kept',
  });
  assert.deepEqual(parseValue(textOf(4, { bytes: true }), 'aéé'), {
    ok: true,
    value: 'aé',
    clipped: 'longer than 4 bytes: the first 4 kept',
  });
  assert.deepEqual(parseValue(textOf(4, { bytes: true }), 'aéb'), { ok: true, value: 'aéb' });
  assert.deepEqual(parseValue(codeOf(10), 'AQID_-'), { ok: true, value: 'AQID_-' });
  assert.equal(parseValue(codeOf(10), 'a+b').ok, false);
  assert.equal(parseValue(codeOf(3), 'AQID').ok, false, 'a code is never cut');
});

test('readEntry lists what it drops and what it clips; huge raw values are dropped unread', () => {
  const problems = [];
  assert.deepEqual(readEntry(numberIn(0, 80), 'noise', '99', problems), { ok: true, value: 80 });
  assert.deepEqual(readEntry(numberIn(0, 80), 'noise', 'x', problems), { ok: false });
  assert.deepEqual(
    readEntry(numberIn(0, 80), 'noise', '1'.repeat(MAX_VALUE_LENGTH + 1), problems),
    { ok: false },
  );
  assert.equal(readEntry(textOf(5), 'seed', 'y'.repeat(100000), problems).value, 'yyyyy');
  assert.deepEqual(
    problems.map((p) => [p.key, p.reason.split(' ')[0]]),
    [
      ['noise', 'out'],
      ['noise', 'not'],
      ['noise', 'longer'],
      ['seed', 'longer'],
    ],
  );
  assert.ok(problems.every((p) => p.value.length <= 41));
});

test('writers: plain decimals, shapes, encoded text', () => {
  assert.equal(formatValue(numberIn(0, 1), 0.00001), '0.00001');
  assert.equal(formatValue(shapeOf(3, 1, 8), [4, 2]), '4,2');
  assert.equal(formatValue(BOOL, true), 'true');
  assert.equal(formatValue(textOf(9), 'a&b c'), 'a%26b%20c');
});

test('the shared keys: the first mode decides, absent is the default, embed anywhere', () => {
  const modes = ['playground', 'perceptron'];
  assert.deepEqual(splitShared('#a=1', modes), {
    mode: 'playground',
    embed: false,
    hostOrigins: null,
    entries: [{ key: 'a', raw: '1' }],
    problems: [],
  });
  const s = splitShared('#gate=or&mode=perceptron&embed=true&mode=playground', modes);
  assert.deepEqual([s.mode, s.embed, s.entries.map((e) => e.key)], ['perceptron', true, ['gate']]);
  assert.deepEqual(
    splitShared('#modes=perceptron', modes).entries.map((e) => e.key),
    ['modes'],
  );
  const bad = splitShared('#mode=banana&embed=1', modes);
  assert.deepEqual(
    [bad.mode, bad.embed, bad.problems.map((p) => p.key)],
    ['playground', false, ['mode', 'embed']],
  );
  assert.equal(
    joinShared({ mode: 'perceptron', isDefault: false, embed: true }, 'gate=or'),
    'mode=perceptron&gate=or&embed=true',
  );
  assert.equal(
    joinShared({ mode: 'playground', isDefault: true, embed: false }, 'seed=a'),
    'seed=a',
  );
  assert.equal(
    joinShared({ mode: 'perceptron', isDefault: false, embed: false }, ''),
    'mode=perceptron',
  );
});
