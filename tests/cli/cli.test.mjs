// The nnplay command line (build/native/nnplay): outputs, full precision, exit statuses.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// NNPLAY_CLI: another build of the CLI (scripts/sanitize runs these tests on its own).
const bin = process.env.NNPLAY_CLI
  ? path.resolve(process.env.NNPLAY_CLI)
  : path.join(root, 'build/native/nnplay');
const run = (args, input) => spawnSync(bin, args, { input, encoding: 'utf8' });
// The golden run (seed, config, losses at epochs 0, 100, 200): one fixture for every layer.
const fixture = JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/golden.json'), 'utf8'));
const golden = JSON.stringify(fixture.config);
const goldenAt = (epoch) => fixture.losses.find((row) => row.epoch === epoch);

test('train: one line per epoch 0..N, full precision, golden losses', () => {
  const r = run(['train', '-', '--epochs', '100'], golden);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(lines.length, 101);
  assert.deepEqual(Object.keys(lines[0]), ['epoch', 'trainLoss', 'testLoss']);
  assert.equal(lines[0].epoch, 0);
  // The CLI prints 17 significant digits: the fixture's numbers exactly.
  for (const epoch of [0, 100]) {
    assert.equal(lines[epoch].trainLoss, goldenAt(epoch).trainLoss, `epoch ${epoch} train`);
    assert.equal(lines[epoch].testLoss, goldenAt(epoch).testLoss, `epoch ${epoch} test`);
  }
  // 17 significant digits.
  assert.match(r.stdout.split('\n')[0], /"trainLoss":0\.\d{17}/);
});

test('train: an empty test set is null; the default is 100 epochs', () => {
  const cfg = JSON.stringify({ seed: 'x', percTrainData: 100 });
  const r = run(['train', '-'], cfg);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 101);
  assert.equal(JSON.parse(lines[5]).testLoss, null);
});

test('data: the golden first points; a config file path works', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-cli-'));
  const file = path.join(dir, 'c.json');
  fs.writeFileSync(file, golden);
  const r = run(['data', file]);
  assert.equal(r.status, 0, r.stderr);
  const data = JSON.parse(r.stdout);
  assert.equal(data.train.length, 250);
  assert.equal(data.test.length, 250);
  assert.deepEqual(data.train[0], [4.618077316847547, -1.8354395887379444, -1]);
  assert.deepEqual(data.test[0], [-3.4718897502916657, 2.1936436677766484, -1]);
});

test('export: a config with params that trains on from where it stopped', () => {
  const r = run(['export', '-', '--epochs', '50'], golden);
  assert.equal(r.status, 0, r.stderr);
  const state = JSON.parse(r.stdout);
  assert.equal(state.epoch, 50);
  assert.equal(state.params.length, 3);
  const cont = run(['train', '-', '--epochs', '50'], r.stdout);
  const last = JSON.parse(cont.stdout.trim().split('\n').pop());
  assert.equal(last.epoch, 100);
  assert.equal(last.trainLoss, goldenAt(100).trainLoss);
});

test('grid: R rows of R, row 0 at y = +6', () => {
  const r = run(['grid', '-', '--epochs', '200', '--resolution', '21'], golden);
  assert.equal(r.status, 0, r.stderr);
  const grid = JSON.parse(r.stdout);
  assert.equal(grid.length, 21);
  assert.ok(grid.every((row) => row.length === 21));
  assert.ok(grid[10][10] > 0.5, 'the centre of the circle is blue');
  assert.ok(grid[0][0] < -0.5, 'the corner is orange');
});

test('a bad config: status 2, every error on stderr, nothing on stdout', () => {
  const r = run(['train', '-'], JSON.stringify({ noise: 99, activation: 'banana' }));
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /noise/);
  assert.match(r.stderr, /activation/);
  const notJson = run(['data', '-'], '{');
  assert.equal(notJson.status, 2);
  assert.match(notJson.stderr, /not valid JSON/);
});

test('a bad flag or an unreadable file: status 1 and a usage line', () => {
  for (const args of [
    ['train', '-', '--epochs', 'x'],
    ['train', '-', '--bogus', '1'],
    ['fly', '-'],
    ['train', '/nonexistent/config.json'],
    ['grid', '-', '--resolution', '0'],
    [],
  ]) {
    const r = run(args, golden);
    assert.equal(r.status, 1, args.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /usage: nnplay/);
  }
});

// Hostile input: status 2 and a message naming the field, never a signal.
test('hostile configs: status 2 and a message, never a signal', () => {
  const deep = (depth) => `{"noise": ${'['.repeat(depth)}0${']'.repeat(depth)}}`;
  const cases = [
    [deep(60000), /^nnplay: error: noise: nested deeper than 64 levels\n$/],
    ['{"x": false, "y": false}', /^nnplay: error: features: at least one input feature/],
    ['{\n"noise": 1,\n"seed" 2}', /^nnplay: error: config: not valid JSON: line 3, column 8: /],
    ['{"points": {"train": [[0, 0, 0.5]]}}', /^nnplay: error: points\.train\[0\]: /],
    [`{"seed": "${'a'.repeat(1 << 24)}"}`, /^nnplay: error: config: the config is longer than/],
  ];
  for (const [text, message] of cases) {
    const r = run(['train', '-'], text);
    assert.equal(r.signal, null, `signal ${r.signal} for ${text.slice(0, 30)}`);
    assert.equal(r.status, 2, text.slice(0, 30));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message);
  }
});

test('a key with a newline cannot forge a line of the output', () => {
  const r = run(['data', '-'], JSON.stringify({ seed: 'x', 'a\nnnplay: error: forged': 1 }));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, 'nnplay: warning: a\\nnnplay: error: forged: unknown key, ignored\n');
});

test('progress on stderr for long runs only; stdout unchanged', () => {
  const quiet = run(['export', '-', '--epochs', '30'], golden);
  assert.equal(quiet.stderr, '', 'a short run shows no progress');
  // --progress 0: a line after every epoch (the default is every 2 s, none before 2 s).
  const loud = run(['export', '-', '--epochs', '30', '--progress', '0'], golden);
  assert.equal(loud.status, 0, loud.stderr);
  assert.equal(loud.stdout, quiet.stdout);
  const lines = loud.stderr.trim().split('\n');
  assert.equal(lines.length, 30);
  assert.equal(lines[0], 'nnplay: epoch 1 of 30');
  assert.equal(lines[29], 'nnplay: epoch 30 of 30');
  const train = run(['train', '-', '--epochs', '5', '--progress', '0'], golden);
  assert.equal(train.stdout, run(['train', '-', '--epochs', '5'], golden).stdout);
  assert.equal(train.stderr.trim().split('\n').length, 5);
  const grid = run(['grid', '-', '--epochs', '3', '--resolution', '3', '--progress', '0'], golden);
  assert.equal(grid.stderr, 'nnplay: epoch 1 of 3\nnnplay: epoch 2 of 3\nnnplay: epoch 3 of 3\n');
});

test('train --model-out writes a model file that train continues bit for bit', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-model-'));
  const config = path.join(dir, 'config.json');
  const model = path.join(dir, 'model.json');
  fs.writeFileSync(config, JSON.stringify({ seed: 'cli', batchSize: 7 }));
  const flags = ['--optimizer', 'adam', '--beta1', '0.8', '--lr-schedule', 'cosine'];
  const straight = run(['train', config, '--epochs', '5', ...flags]);
  assert.equal(straight.status, 0, straight.stderr);
  const first = run(['train', config, '--epochs', '2', ...flags, '--model-out', model]);
  assert.equal(first.status, 0, first.stderr);
  const file = JSON.parse(fs.readFileSync(model, 'utf8'));
  assert.equal(file.format, 'nnplay-model');
  assert.equal(file.config.optimizer, 'adam');
  assert.equal(file.config.beta1, 0.8);
  const rest = run(['train', model, '--epochs', '3']);
  assert.equal(rest.status, 0, rest.stderr);
  const last = (r) => r.stdout.trim().split('\n').at(-1);
  assert.equal(last(rest), last(straight));
  assert.equal(JSON.parse(last(rest)).epoch, 5);
  fs.rmSync(dir, { recursive: true });
});

test('info: layers, parameter count and optimizer of a config and of a model', () => {
  const r = run(['info', '-', '--optimizer', 'nesterov'], JSON.stringify({ networkShape: [3] }));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^config: mlp$/m);
  assert.match(r.stdout, /^layers: 2 inputs \(x, y\) -> 3 tanh -> 1 tanh \(output\)$/m);
  assert.match(r.stdout, /^parameters: 13 \(9 weights, 4 biases\)$/m);
  assert.match(r.stdout, /^optimizer: nesterov \(momentum 0\.9\), step 0$/m);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-info-'));
  const model = path.join(dir, 'm.json');
  assert.equal(run(['export', '-', '--epochs', '1', '--model-out', model], '{}').status, 0);
  const m = run(['info', model]);
  assert.equal(m.status, 0, m.stderr);
  assert.match(m.stdout, /^model: mlp \(nnplay-model\)$/m);
  assert.match(m.stdout, /^epoch: 1$/m);
  fs.rmSync(dir, { recursive: true });
});

test('bad model files and training flags: exit 2 with the field named', () => {
  const cases = [
    [['info', '-'], '{"format":"nnplay-model","version":7,"kind":"mlp"}', /version: version 7/],
    [['train', '-'], '{"format":"other"}', /format: not an nnplay model/],
    [['info', '-'], '{"format":"nnplay-model","version":1,"kind":"rnn"}', /kind:/],
    [['info', '-', '--beta1', '1'], '{}', /beta1: must be at least 0 and below 1/],
    [['info', '-', '--optimizer', 'lbfgs'], '{}', /optimizer: unknown value/],
  ];
  for (const [args, input, message] of cases) {
    const r = run(args, input);
    assert.equal(r.status, 2, `${args} ${input}`);
    assert.match(r.stderr, message);
  }
  const usage = run(['info', '-', '--beta1', 'high'], '{}');
  assert.equal(usage.status, 1);
  assert.match(usage.stderr, /--beta1 takes a number/);
});
