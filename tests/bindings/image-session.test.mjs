// The image module's ImageSession through the real glue, both builds: the ConvNetJS network
// trains on the digits (the loss falls over 300 examples), the SIMD and plain builds agree bit
// for bit, bad specs and shapes come back with their field, predictions are probabilities,
// every layer's output has its announced shape, bad arguments are messages, and the page's
// clothing subset fits the heap.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadImageModule, imageData, imageSession, convnetjsSpec } from './load-image-module.mjs';

const plain = await loadImageModule('nnplay-images');
const simd = await loadImageModule('nnplay-images-simd');
const train = imageData('digits-train');
const testSet = imageData('digits-test');

function session(Module, spec = convnetjsSpec) {
  const s = new Module.ImageSession();
  assert.deepEqual(s.loadData(train, testSet), { ok: true, error: null });
  const r = s.configure(JSON.stringify(spec));
  assert.deepEqual(r, { ok: true, errors: [] });
  return s;
}

// 15 batches of 20: the losses of the first and the last 5 batches, and the final weights.
function run(Module) {
  const s = session(Module);
  const losses = [];
  for (let i = 0; i < 15; i++) {
    const b = s.trainBatch();
    assert.equal(b.examples, 20);
    assert.equal(b.cursor, 20 * (i + 1));
    losses.push(b.loss);
  }
  const weights = [0, 2].map((l) => s.filters(l));
  const probs = s.predictTest(0);
  s.delete();
  return { losses, weights, probs };
}

test('the ConvNetJS network trains on the digits: the loss falls over 300 examples', () => {
  const { losses } = run(simd);
  const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
  const first = mean(losses.slice(0, 5)),
    last = mean(losses.slice(-5));
  assert.ok(losses.every(Number.isFinite), String(losses));
  assert.ok(last < first - 0.15, `loss ${first} -> ${last}`);
});

test('the SIMD and plain builds give the same numbers bit for bit', () => {
  // The products' order of summation is fixed by the sizes (engine/image/gemm.hpp) and wasm
  // SIMD has no fused multiply-add: each lane does what the scalar code does.
  const a = run(simd),
    b = run(plain);
  assert.deepEqual(a.losses, b.losses);
  for (let l = 0; l < a.weights.length; l++)
    assert.deepEqual(Buffer.from(a.weights[l].buffer), Buffer.from(b.weights[l].buffer));
  assert.deepEqual(Buffer.from(a.probs.buffer), Buffer.from(b.probs.buffer));
});

test('a bad spec returns its field and keeps the old network', () => {
  const s = session(simd);
  s.trainBatches(2);
  const before = s.filters(0);
  const r = s.configure(JSON.stringify({ ...convnetjsSpec, batchSize: 0 }));
  assert.equal(r.ok, false);
  assert.deepEqual(
    r.errors.map((e) => e.field),
    ['batchSize'],
  );
  const bad = s.configure('{"layers": [{"type": "conv", "size": 40}, {"type": "softmax"}]}');
  assert.equal(bad.errors[0].field, 'layers[0].size');
  assert.match(bad.errors[0].message, /40/);
  assert.equal(s.configure('{"layers": [').ok, false);
  assert.equal(s.configure(42).errors[0].message, 'the spec must be a JSON text (a string)');
  assert.deepEqual(s.filters(0), before);
  assert.equal(s.info().cursor, 40);
  s.delete();
});

test('a pooling that leaves no pixels names the layer', () => {
  const s = session(simd);
  const r = s.configure(
    JSON.stringify({
      layers: [{ type: 'pool', size: 8 }, { type: 'pool', size: 8 }, { type: 'softmax' }],
    }),
  );
  assert.equal(r.ok, false);
  assert.equal(r.errors[0].field, 'layers[1]');
  assert.match(r.errors[0].message, /pool 8: its input is 3x3x1.*no pixels/);
  s.delete();
});

test('checkSpec sizes an edited network and keeps the session as it was', () => {
  const s = session(simd);
  s.trainBatches(2);
  const before = s.filters(0);
  const c = s.checkSpec(JSON.stringify(convnetjsSpec));
  assert.equal(c.ok, true);
  assert.deepEqual(c.errors, []);
  assert.deepEqual(c.input, { c: 1, h: 24, w: 24 });
  assert.deepEqual(
    c.layers.map((l) => [l.description, l.shape.h, l.shape.w, l.shape.c, l.params]),
    [
      ['conv 5x5, 8 filters, same, relu', 24, 24, 8, 208],
      ['pool 2', 12, 12, 8, 0],
      ['conv 5x5, 16 filters, same, relu', 12, 12, 16, 3216],
      ['pool 3', 4, 4, 16, 0],
      ['softmax', 1, 1, 10, 2570],
    ],
  );
  assert.equal(c.params, 208 + 3216 + 2570);
  // layers() of the live network says the same
  assert.deepEqual(
    s.layers().map((l) => l.params),
    c.layers.map((l) => l.params),
  );

  const layers = [...convnetjsSpec.layers];
  layers.splice(4, 0, { type: 'pool', size: 5 }); // 4x4 under a 5x5 window
  const bad = s.checkSpec(JSON.stringify({ ...convnetjsSpec, layers }));
  assert.equal(bad.ok, false);
  assert.equal(bad.errors[0].field, 'layers[4]');
  assert.match(bad.errors[0].message, /pool 5: its input is 4x4x16.*no pixels/);
  assert.equal(bad.layers.length, 4, 'sized up to the layer that does not fit');
  const field = s.checkSpec('{"learningRate": -1}');
  assert.equal(field.errors[0].field, 'learningRate');
  assert.equal(field.input, null);
  assert.equal(s.checkSpec(7).errors[0].message, 'the spec must be a JSON text (a string)');
  assert.deepEqual(s.filters(0), before);
  assert.equal(s.info().cursor, 40);
  s.delete();
});

test('updateSettings keeps the weights for new training settings, rebuilds another input', () => {
  const s = session(simd);
  s.trainBatches(2);
  const before = s.filters(0);
  const refused = s.updateSettings(JSON.stringify({ ...convnetjsSpec, learningRate: 1e6 }));
  assert.equal(refused.ok, false);
  assert.equal(refused.kept, false);
  assert.equal(refused.errors[0].field, 'learningRate');
  assert.equal(JSON.parse(s.spec()).learningRate, Math.fround(convnetjsSpec.learningRate));

  const tuned = { ...convnetjsSpec, optimizer: 'adam', learningRate: 0.001, batchSize: 50 };
  const r = s.updateSettings(JSON.stringify(tuned));
  assert.deepEqual(r, { ok: true, errors: [], kept: true });
  assert.deepEqual(s.filters(0), before, 'the trained weights stay');
  assert.equal(s.info().cursor, 40);
  const spec = JSON.parse(s.spec());
  assert.equal(spec.optimizer, 'adam');
  assert.equal(spec.batchSize, 50);
  assert.equal(s.trainBatch().examples, 50);

  const shifted = s.updateSettings(JSON.stringify({ ...tuned, augment: 'shift' }));
  assert.equal(shifted.ok, true);
  assert.equal(shifted.kept, false, '28 x 28 inputs: a new network');
  assert.deepEqual(s.inputShape(), { c: 1, h: 28, w: 28 });
  assert.equal(s.info().cursor, 0);
  s.delete();
});

test('predict returns 10 probabilities summing to 1; layer outputs match layers()', () => {
  const s = session(simd);
  s.trainBatches(3);
  const image = new Float32Array(784);
  for (let y = 6; y < 22; y++) image[y * 28 + 14] = 1; // a "1"
  const p = s.predict(image);
  assert.equal(p.length, 10);
  assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-5);
  assert.ok(p.every((v) => v >= 0 && v <= 1));
  assert.deepEqual(s.predict(new Uint8Array(784).map((_, i) => image[i] * 255)), p);
  assert.deepEqual(s.inputShape(), { c: 1, h: 24, w: 24 });
  assert.equal(s.networkInput().length, 24 * 24);
  const layers = s.layers();
  assert.deepEqual(
    layers.map((l) => [l.kind, l.shape.c, l.shape.h, l.shape.w, l.params]),
    [
      ['conv', 8, 24, 24, 8 * 25 + 8],
      ['pool', 8, 12, 12, 0],
      ['conv', 16, 12, 12, 16 * 8 * 25 + 16],
      ['pool', 16, 4, 4, 0],
      ['softmax', 10, 1, 1, 256 * 10 + 10],
    ],
  );
  layers.forEach((l, i) => {
    const out = s.layerOutput(i);
    assert.equal(out.length, l.shape.c * l.shape.h * l.shape.w, l.description);
    assert.ok(out.every(Number.isFinite));
  });
  assert.equal(s.filters(0).length, 8 * 25);
  assert.equal(s.filters(2).length, 16 * 8 * 25);
  const e = s.evaluate(100);
  assert.equal(e.count, 100);
  assert.equal(e.confusion.length, 100);
  assert.equal(
    e.confusion.reduce((a, b) => a + b, 0),
    100,
  );
  assert.equal(s.evaluate().count, 1500);
  s.delete();
});

test('bad arguments are messages, never exceptions', () => {
  const s = new simd.ImageSession();
  assert.deepEqual(s.loadData('x', null).error.field, 'train');
  assert.equal(s.loadData(new Uint8Array(10), testSet).error.field, 'train.header');
  assert.equal(s.trainBatch(), undefined);
  assert.match(s.lastError().message, /no data/);
  assert.deepEqual(s.configure(JSON.stringify(convnetjsSpec)).errors[0].field, 'data');
  assert.equal(s.loadData(train, testSet).ok, true);
  assert.equal(s.info().configured, false);
  assert.equal(s.predict(new Float32Array(784)).length, 0);
  assert.match(s.lastError().message, /not configured/);
  assert.equal(s.configure(JSON.stringify(convnetjsSpec)).ok, true);
  for (const bad of [undefined, null, 'x', [1, 2], new Float32Array(783), new Int32Array(784)]) {
    assert.equal(s.predict(bad).length, 0);
    assert.equal(s.lastError().field, 'image');
  }
  const nan = new Float32Array(784);
  nan[5] = NaN;
  assert.equal(s.predict(nan).length, 0);
  assert.equal(s.lastError().field, 'image[5]');
  for (const bad of [-1, 5, 1.5, NaN, '0', null])
    assert.equal(s.layerOutput(bad).length, 0, String(bad));
  assert.equal(s.filters(1).length, 0);
  assert.match(s.lastError().message, /pool layer, not conv/);
  assert.equal(s.predictTest(1500).length, 0);
  assert.equal(s.lastError().field, 'index');
  assert.equal(s.testLabel(-1), -1);
  assert.equal(s.testImage(0).length, 784);
  assert.equal(s.predictTest(0).length, 10);
  assert.equal(s.lastError(), null);
  assert.equal(s.prepareDrawing(new Uint8Array(10), 5, 3).error.field, 'canvas');
  assert.equal(s.prepareDrawing(new Uint8Array(10), 0, 10).error.field, 'w, h');
  assert.equal(s.prepareDrawing(new Uint8Array(10), 1e6, 1e6).error.field, 'w, h');
  assert.equal(s.prepareDrawing({}, 2, 5).error.field, 'canvas');
  assert.equal(s.prepareDrawing(new Uint8Array(10), 2, 5, 'x').error.field, 'options');
  assert.equal(
    s.prepareDrawing(new Uint8Array(10), 2, 5, { emptyBelow: 2 }).error.field,
    'options.emptyBelow',
  );
  assert.equal(s.preparePicture(new Uint8Array(50), 2, 5).error.field, 'pixels');
  assert.equal(s.preparePicture(new Float32Array(40), 2, 5).error.field, 'pixels');
  s.delete();
});

test('prepareDrawing centres a stroke as MNIST did; preparePicture trims and inverts', () => {
  const s = new simd.ImageSession();
  const w = 200,
    h = 100;
  const canvas = new Float32Array(w * h);
  for (let y = 20; y < 80; y++) for (let x = 30; x < 40; x++) canvas[y * w + x] = 1;
  const d = s.prepareDrawing(canvas, w, h);
  assert.equal(d.ok, true);
  assert.equal(d.empty, false);
  assert.deepEqual(d.box, { x: 30, y: 20, w: 10, h: 60 });
  assert.equal(d.scaled.h, 20);
  assert.ok(Math.abs(d.centre.x - 14) < 0.6 && Math.abs(d.centre.y - 14) < 0.6, d.centre);
  assert.equal(d.input.length, 784);
  assert.equal(s.prepareDrawing(new Uint8Array(w * h), w, h).empty, true);
  // A dark square on a white RGBA picture: inverted (light border), trimmed to the square.
  const rgba = new Uint8ClampedArray(w * h * 4).fill(255);
  for (let y = 40; y < 60; y++)
    for (let x = 90; x < 110; x++) rgba.fill(0, (y * w + x) * 4, (y * w + x) * 4 + 3);
  const p = s.preparePicture(rgba, w, h);
  assert.equal(p.ok, true);
  assert.equal(p.inverted, true);
  assert.deepEqual(p.box, { x: 90, y: 40, w: 20, h: 20 });
  assert.ok(Math.max(...p.input) > 0.9);
  s.delete();
});

test("the page's clothing subset (12,000 + 2,000) keeps the wasm heap under 256 MB", () => {
  const s = imageSession(simd, {
    train: 'fashion-page-train',
    test: 'fashion-page-test',
    spec: { ...convnetjsSpec, data: 'fashion' },
  });
  assert.equal(s.info().train, 12000);
  assert.equal(s.info().classNames.length, 10);
  s.trainBatches(2);
  s.evaluate(50);
  const mb = simd.HEAP8.buffer.byteLength / 2 ** 20;
  assert.ok(mb < 256, `wasm heap ${mb} MB`);
  s.delete();
});

test('new data rebuild the configured network; data of another size are refused', () => {
  const s = session(plain);
  s.trainBatches(2);
  assert.equal(s.loadData(train, testSet).ok, true);
  assert.equal(s.info().configured, true);
  assert.equal(s.info().cursor, 0);
  // A 4x4 test file for 28x28 training images.
  const small = imageData('digits-test').slice();
  const view = new DataView(small.buffer);
  view.setUint32(12, 4, true);
  view.setUint32(16, 4, true);
  const r = s.loadData(train, small);
  assert.equal(r.ok, false);
  assert.ok(r.error.field.startsWith('test'), JSON.stringify(r.error));
  assert.equal(s.info().test, 1500);
  s.delete();
});

test('refused calls and repeated predictions leave the wasm memory flat', () => {
  const s = session(simd);
  const memory = () => simd.HEAP8.buffer.byteLength;
  const image = new Float32Array(784).fill(0.5);
  const canvas = new Uint8Array(280 * 280);
  const round = () => {
    s.configure(
      '{"layers": [{"type": "pool", "size": 8}, {"type": "pool", "size": 8}, {"type": "softmax"}]}',
    );
    s.configure('{"layers": [');
    s.loadData(new Uint8Array(100), testSet);
    s.predict(image);
    for (let l = 0; l < 5; l++) s.layerOutput(l);
    s.prepareDrawing(canvas, 280, 280);
    s.predict(new Float32Array(3));
  };
  round();
  const start = memory();
  for (let i = 0; i < 300; i++) round();
  assert.equal(memory() - start, 0);
  s.delete();
});

test('a shipped model loads for its data and scores as the CLI does; others are refused', async () => {
  const fs = await import('node:fs');
  const text = (name) =>
    fs.readFileSync(new URL(`../../models/${name}.json`, import.meta.url), 'utf8');
  const s = new simd.ImageSession();
  assert.deepEqual(s.loadData(train, testSet), { ok: true, error: null });
  assert.deepEqual(s.loadModel(text('digits')), { ok: true, errors: [] });
  const claimed = JSON.parse(text('digits')).metrics.testAccuracy;
  const e = s.evaluate();
  assert.equal(e.count, 1500);
  // The same float arithmetic as the native CLI that measured the claim, to a few images.
  assert.ok(Math.abs(e.accuracy - claimed) <= 0.003, `${e.accuracy} against ${claimed}`);
  assert.equal(s.info().epoch, JSON.parse(text('digits')).training.epoch, "at the file's epoch");
  const fashion = s.loadModel(text('fashion'));
  assert.equal(fashion.ok, false);
  assert.equal(fashion.errors[0].field, 'data.classes');
  assert.equal(s.evaluate().accuracy, e.accuracy, 'a refused model keeps the network');
  assert.equal(s.loadModel('{"format": "nnplay-model", "version": 9}').errors[0].field, 'version');
  assert.equal(s.loadModel(42).errors[0].message, 'the model must be a JSON text (a string)');
  s.delete();
});

test('exportModel writes a model file that loads back to the same network and scores', () => {
  const s = new simd.ImageSession();
  assert.equal(s.exportModel(), '', 'nothing to export before a network');
  s.loadData(train, testSet);
  s.configure(
    '{"layers": [{"type": "conv", "size": 5, "filters": 4}, {"type": "pool", "size": 2}, {"type": "softmax"}], "augment": "none"}',
  );
  s.trainBatches(20);
  const text = s.exportModel('trained in a test');
  const file = JSON.parse(text);
  assert.equal(file.kind, 'cnn');
  assert.equal(file.provenance.command, 'trained in a test');
  const all = s.evaluate();
  assert.equal(file.metrics.testCount, all.count);
  assert.equal(file.metrics.testAccuracy, all.accuracy, "the metrics are the whole test set's");

  const back = new simd.ImageSession();
  back.loadData(train, testSet);
  assert.deepEqual(back.loadModel(text), { ok: true, errors: [] });
  assert.deepEqual(back.predictTest(3), s.predictTest(3), 'the same weights');
  assert.equal(back.info().examplesSeen, s.info().examplesSeen, 'the same position');
  // Training on from both gives the same next batch: the optimizer state travelled too.
  assert.deepEqual(back.trainBatch(), s.trainBatch());
  s.delete();
  back.delete();
});
