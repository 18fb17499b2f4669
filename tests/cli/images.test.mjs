// `nnplay images train|eval|predict` (README "Image networks", docs/MODELS.md kind cnn): the
// epoch lines, the model file and its exact continuation, eval, predict on PGM/PNG/raw
// pictures, and the errors (exit 2 with the field named; 1 for usage and missing files).
// Needs build/data (scripts/build writes it): a missing data file fails, it does not skip.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = process.env.NNPLAY_CLI
  ? path.resolve(process.env.NNPLAY_CLI)
  : path.join(root, 'build/native/nnplay');
const run = (args, input) =>
  spawnSync(bin, ['images', ...args], { input, encoding: 'utf8', maxBuffer: 1 << 26 });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-images-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

// A small spec: trains 1,000 digits in a fraction of a second.
const spec = JSON.stringify({
  data: 'digits',
  layers: [
    { type: 'conv', size: 5, filters: 4 },
    { type: 'pool', size: 2 },
    { type: 'conv', size: 5, filters: 8 },
    { type: 'pool', size: 3 },
    { type: 'softmax' },
  ],
  optimizer: 'momentum',
  learningRate: 0.01,
  batchSize: 10,
  seed: 'cli-test',
});
const limits = ['--limit-train', '1000', '--limit-test', '150'];

// One test image (its class name, 784 bytes) from a built file (docs/IMAGES.md's layout).
function testImage(index, set = 'digits') {
  const b = fs.readFileSync(path.join(root, `build/data/${set}-test.nnpi`));
  const names = b.readUInt32LE(24);
  const count = b.readUInt32LE(8);
  const classes = b
    .subarray(28, 28 + names)
    .toString('utf8')
    .split('\n');
  const at = 28 + names + count + index * 784;
  return { label: classes[b[28 + names + index]], pixels: b.subarray(at, at + 784) };
}
const testDigit = (index) => testImage(index, 'digits');

function crc32(bytes) {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; ++k) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

// An 8-bit PNG of width x height pixels, grey (1 channel) or RGB (3).
function png(pixels, width, height, channels = 1) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = channels === 3 ? 2 : 0; // colour type: RGB or grey
  const row = width * channels;
  const raw = Buffer.alloc((row + 1) * height);
  for (let y = 0; y < height; ++y) pixels.copy(raw, y * (row + 1) + 1, y * row, (y + 1) * row);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const lines = (stdout) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

test('images train: a JSON line per epoch; --model; eval agrees; continuing is exact', () => {
  const model = path.join(tmp, 'two.json');
  const r = run(['train', '-', '--epochs', '2', '--model', model, ...limits], spec);
  assert.equal(r.status, 0, r.stderr);
  const epochs = lines(r.stdout);
  assert.equal(epochs.length, 2);
  assert.deepEqual(Object.keys(epochs[0]), [
    'epoch',
    'trainLoss',
    'trainAccuracy',
    'testLoss',
    'testAccuracy',
    'examplesPerSecond',
    'seconds',
  ]);
  assert.deepEqual(
    epochs.map((e) => e.epoch),
    [1, 2],
  );
  assert.ok(epochs[1].testAccuracy > 0.5, JSON.stringify(epochs[1]));
  const file = JSON.parse(fs.readFileSync(model, 'utf8'));
  assert.equal(file.kind, 'cnn');
  assert.equal(file.training.epoch, 2);
  assert.equal(file.data.trainCount, 1000);
  assert.equal(file.metrics.testAccuracy, epochs[1].testAccuracy);
  assert.match(file.provenance.command, /^nnplay images train - --epochs 2 --model /);

  const e = run(['eval', model, '--limit-test', '150']);
  assert.equal(e.status, 0, e.stderr);
  const ev = JSON.parse(e.stdout);
  assert.equal(ev.testAccuracy, epochs[1].testAccuracy);
  assert.equal(ev.testLoss, epochs[1].testLoss);
  assert.equal(ev.count, 150);
  assert.equal(ev.confusion.length, 10);
  assert.equal(
    ev.confusion.flat().reduce((a, b) => a + b, 0),
    150,
  );

  // 1 epoch, then the model trained 1 more: the 2-epoch run's weights and losses.
  const one = path.join(tmp, 'one.json');
  assert.equal(run(['train', '-', '--epochs', '1', '--model', one, ...limits], spec).status, 0);
  const again = path.join(tmp, 'again.json');
  const c = run(['train', one, '--epochs', '1', '--model', again, ...limits]);
  assert.equal(c.status, 0, c.stderr);
  assert.equal(lines(c.stdout)[0].testLoss, epochs[1].testLoss);
  const continued = JSON.parse(fs.readFileSync(again, 'utf8'));
  assert.equal(continued.weights, file.weights);
  assert.deepEqual(continued.optimizer, file.optimizer);
  assert.deepEqual(continued.training, file.training);
  assert.match(
    continued.provenance.command,
    / --model \S+one\.json .*&& nnplay images train \S+one\.json/,
  );

  // --learning-rate: continued at a lower rate, the file's spec says so.
  const slower = path.join(tmp, 'slower.json');
  const s = run([
    'train',
    one,
    '--epochs',
    '1',
    '--learning-rate',
    '0.001',
    '--model',
    slower,
    ...limits,
  ]);
  assert.equal(s.status, 0, s.stderr);
  const slow = JSON.parse(fs.readFileSync(slower, 'utf8'));
  assert.equal(Math.fround(slow.spec.learningRate), Math.fround(0.001));
  assert.notEqual(slow.weights, file.weights);
  assert.equal(run(['train', one, '--learning-rate', '0'], '').status, 1);
});

test('images predict: raw bytes, PGM (P5 and inverted P2) and PNG; top five and the talk form', () => {
  const model = path.join(root, 'models/digits.json');
  const digit = testDigit(7);
  const raw = path.join(tmp, 'd.raw');
  fs.writeFileSync(raw, digit.pixels);
  const p5 = path.join(tmp, 'd.pgm');
  fs.writeFileSync(
    p5,
    Buffer.concat([Buffer.from('P5\n# a test digit\n28 28\n255\n'), digit.pixels]),
  );
  const p2 = path.join(tmp, 'dark-on-light.pgm');
  const values = [...digit.pixels].map((v) => Math.round(((255 - v) * 15) / 255));
  fs.writeFileSync(p2, `P2\n28 28\n15\n${values.join(' ')}\n`);
  const pngFile = path.join(tmp, 'd.png');
  fs.writeFileSync(pngFile, png(Buffer.from(digit.pixels), 28, 28));
  for (const [file, extra] of [
    [raw, []],
    [raw, ['--prepare', 'none']],
    [p5, []],
    [p2, []],
    [pngFile, []],
  ]) {
    const r = run(['predict', model, file, ...extra]);
    assert.equal(r.status, 0, `${file}: ${r.stderr}`);
    const [json, ...talk] = r.stdout.trim().split('\n');
    const top = JSON.parse(json).top;
    assert.equal(top.length, 5);
    assert.equal(top[0].class, digit.label, file);
    assert.ok(top[0].score > 0.5 && top[0].score >= top[1].score);
    assert.equal(talk.length, 5);
    assert.match(talk[0], new RegExp(`^${digit.label} \\(score = 0\\.\\d{5}\\)$`));
  }
});

test('images predict: a clothing picture, dark on white, RGB, twice the size', () => {
  const item = testImage(3, 'fashion');
  const rgb = Buffer.alloc(56 * 56 * 3);
  for (let y = 0; y < 56; ++y)
    for (let x = 0; x < 56; ++x)
      rgb.fill(255 - item.pixels[(y >> 1) * 28 + (x >> 1)], (y * 56 + x) * 3, (y * 56 + x + 1) * 3);
  const file = path.join(tmp, 'item.png');
  fs.writeFileSync(file, png(rgb, 56, 56, 3));
  const r = run(['predict', path.join(root, 'models/fashion.json'), file]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout.split('\n')[0]).top[0].class, item.label);
  assert.match(r.stdout, new RegExp(`^${item.label} \\(score = 0\\.\\d{5}\\)$`, 'm'));
});

test('images: bad specs, models and images exit 2 naming the field; usage and files exit 1', () => {
  const good = JSON.parse(spec);
  const misfit = {
    ...good,
    layers: [{ type: 'pool', size: 8 }, { type: 'pool', size: 8 }, { type: 'softmax' }],
  };
  const bigLayer = { ...good, layers: [{ type: 'conv', size: 40 }, { type: 'softmax' }] };
  const cases = [
    [
      ['train', '-', ...limits],
      JSON.stringify(bigLayer),
      /error: layers\[0\]\.size: must be from 1 to 15/,
    ],
    [['train', '-', ...limits], JSON.stringify(misfit), /error: layers\[1\], pool 8/],
    [['train', '-', ...limits], '{"data": "cifar"}', /error: data: must be digits or fashion/],
    [['train', '-', ...limits], '{"layers": [', /error: .*not valid JSON/],
    [
      ['eval', '-'],
      '{"format": "nnplay-model", "version": 1, "kind": "mlp"}',
      /error: kind: is "mlp"/,
    ],
    [
      ['eval', '-'],
      '{"format": "nnplay-model", "version": 9, "kind": "cnn"}',
      /error: version: is 9, newer/,
    ],
    [['eval', '-'], '{"format": "other"}', /error: format:/],
  ];
  for (const [args, input, message] of cases) {
    const r = run(args, input);
    assert.equal(r.status, 2, `${args} ${input}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
  const model = JSON.parse(fs.readFileSync(path.join(root, 'models/digits.json'), 'utf8'));
  const broken = JSON.stringify({ ...model, weights: model.weights.slice(0, 400) });
  const w = run(['eval', '-'], broken);
  assert.equal(w.status, 2);
  assert.match(w.stderr, /error: weights: holds 75 values, the network has \d+ parameters/);
  const b64 = run(['eval', '-'], JSON.stringify({ ...model, weights: '@@@@' }));
  assert.equal(b64.status, 2);
  assert.match(b64.stderr, /error: weights: is not base64/);

  const models = path.join(root, 'models/digits.json');
  const bad = path.join(tmp, 'bad.pgm');
  fs.writeFileSync(bad, 'P5\n28 28\n0\n');
  for (const [content, message] of [
    ['P5\n28 28\n0\n', /error: image: PGM header: maxval must be from 1 to 65535, got 0/],
    ['P5\n28 28\n255\nshort', /error: image: PGM pixels: 784 bytes expected, 5 present/],
    ['hello', /error: image: not a PGM \(P5 or P2\), a PNG, or 784 raw bytes/],
    [Buffer.alloc(784), /error: image: the drawing is empty/],
    [png(Buffer.alloc(784, 9), 28, 28).subarray(0, 60), /error: image: PNG: /],
  ]) {
    fs.writeFileSync(bad, content);
    const r = run(['predict', models, bad]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, message);
  }

  const missing = run(['train', '-', '--data-dir', path.join(tmp, 'nowhere')], spec);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /cannot read the digits data: .*digits-train\.nnpi/);
  const usage = run(['train', '-', '--epochs', 'many'], spec);
  assert.equal(usage.status, 1);
  assert.match(usage.stderr, /--epochs takes an integer/);
  assert.match(run(['fly', 'x']).stderr, /unknown images command "fly"/);
});
