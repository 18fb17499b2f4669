// The images mode's pure parts: its link keys (bad values listed, the rest kept) and the
// scores in the talk's form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseImagesEntries, serializeImages } from '../../web/images/link.js';
import { topScores, spokenName } from '../../web/images/scores.js';
import { encodeLayers, decodeLayers } from '../../web/images/spec-link.js';

test('the images link reads data and lists what it ignores', () => {
  const ok = parseImagesEntries([{ key: 'data', raw: 'fashion' }]);
  assert.deepEqual(ok, { settings: { data: 'fashion', model: null, spec: null }, problems: [] });
  assert.equal(serializeImages(ok.settings), 'data=fashion');
  const bad = parseImagesEntries([
    { key: 'data', raw: 'cats' },
    { key: 'colour', raw: 'red' },
  ]);
  assert.deepEqual(bad.settings, { data: 'digits', model: null, spec: null });
  assert.deepEqual(bad.problems, [
    { key: 'data', value: 'cats', reason: 'must be digits or fashion' },
    { key: 'colour', value: 'red', reason: 'unknown key' },
  ]);
});

test('a link carries a shipped model, or layers and settings, and round-trips', () => {
  const shipped = parseImagesEntries([{ key: 'model', raw: 'fashion' }]);
  assert.deepEqual(shipped.settings, { data: 'fashion', model: 'fashion', spec: null });
  assert.equal(serializeImages(shipped.settings), 'data=fashion&model=fashion');

  const spec = {
    layers: [
      { type: 'conv', size: 5, filters: 8, padding: 'same', activation: 'relu' },
      { type: 'pool', size: 2 },
      { type: 'conv', size: 3, filters: 16, stride: 2, padding: 'valid', activation: 'tanh' },
      { type: 'pool', size: 3, stride: 2 },
      { type: 'dense', units: 32, activation: 'sigmoid' },
      { type: 'softmax' },
    ],
    optimizer: 'adam',
    learningRate: 0.001,
    batchSize: 32,
    augment: 'shift',
    shift: 2,
    seed: 'a b&c=d',
  };
  const body = serializeImages({ data: 'digits', model: null, spec });
  assert.equal(
    body,
    'data=digits&layers=conv5x8,pool2,conv3x16-s2-valid-tanh,pool3-s2,dense32-sigmoid,softmax' +
      '&learningRate=0.001&batchSize=32&shift=2&optimizer=adam&augment=shift&seed=a%20b%26c%3Dd',
  );
  const entries = body.split('&').map((kv) => {
    const [key, raw] = kv.split('=');
    return { key, raw: decodeURIComponent(raw) };
  });
  const back = parseImagesEntries(entries);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.settings, { data: 'digits', model: null, spec });
  assert.equal(encodeLayers(back.settings.spec.layers), encodeLayers(spec.layers));
});

test('bad spec values in a link are named and the rest kept', () => {
  const r = parseImagesEntries([
    { key: 'model', raw: 'digits' },
    { key: 'data', raw: 'fashion' },
    { key: 'learningRate', raw: 'fast' },
    { key: 'batchSize', raw: '1e400' },
    { key: 'optimizer', raw: 'magic' },
    { key: 'seed', raw: 'x'.repeat(201) },
    { key: 'momentum', raw: '0.5' },
  ]);
  assert.deepEqual(r.settings, { data: 'digits', model: 'digits', spec: { momentum: 0.5 } });
  assert.deepEqual(
    r.problems.map((p) => [p.key, p.reason]),
    [
      ['learningRate', 'must be a number'],
      ['batchSize', 'must be a number'],
      ['optimizer', 'must be one of sgd, momentum, nesterov, rmsprop, adam, adamw'],
      ['seed', 'must be 1 to 200 characters'],
      ['data', 'ignored: the digits network is trained on digits'],
    ],
  );
  for (const [text, why] of [
    ['conv5', /layer 1 \("conv5"\): not conv<size>x<filters>/],
    ['conv5x8,pool2-tanh', /layer 2 \("pool2-tanh"\): "tanh" is not an option of a pool layer/],
    ['softmax,'.repeat(40), /at most 32 layers/],
  ])
    assert.match(decodeLayers(text).error, why);
  const both = parseImagesEntries([
    { key: 'model', raw: 'digits' },
    { key: 'layers', raw: 'dense10,softmax' },
  ]);
  assert.equal(both.settings.model, null);
  assert.match(both.problems[0].reason, /the link's layers make a new network/);
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
