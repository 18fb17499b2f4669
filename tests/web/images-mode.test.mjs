// The images mode's pure parts: its link keys (bad values listed, the rest kept) and the
// scores in the talk's form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseImagesEntries, serializeImages } from '../../web/images/link.js';
import { topScores, spokenName } from '../../web/images/scores.js';

test('the images link reads data and lists what it ignores', () => {
  const ok = parseImagesEntries([{ key: 'data', raw: 'fashion' }]);
  assert.deepEqual(ok, { settings: { data: 'fashion' }, problems: [] });
  assert.equal(serializeImages(ok.settings), 'data=fashion');
  const bad = parseImagesEntries([
    { key: 'data', raw: 'cats' },
    { key: 'colour', raw: 'red' },
  ]);
  assert.deepEqual(bad.settings, { data: 'digits' });
  assert.deepEqual(bad.problems, [
    { key: 'data', value: 'cats', reason: 'must be digits or fashion' },
    { key: 'colour', value: 'red', reason: 'unknown key' },
  ]);
});

test('scores read as the talk reads them, best first, digits in words', () => {
  const probs = Float32Array.from([0.01, 0.0, 0.02, 0.0, 0.0, 0.0, 0.0, 0.97312, 0.005, 0.0]);
  const names = [...'0123456789'];
  const top = topScores(probs, names);
  assert.equal(top.length, 5);
  assert.equal(top[0].text, 'seven (score = 0.97312)');
  assert.deepEqual(
    top.map((t) => t.name),
    ['seven', 'two', 'zero', 'eight', 'one'],
  );
  assert.equal(spokenName('T-shirt/top'), 'T-shirt/top');
});
