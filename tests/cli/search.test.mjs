// `nnplay search` and `nnplay trial` (docs/SEARCH.md): a search on 1 and 2 threads gives the
// same ranking and numbers; --csv; bad specs and trial lines exit 2 naming the field; and a
// successive-halving search spread with GNU Parallel (Debian's `parallel`, installed by
// scripts/setup) rung by rung, the models in a shared folder, merges to the same ranking as
// `nnplay search` on the same spec.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = process.env.NNPLAY_CLI
  ? path.resolve(process.env.NNPLAY_CLI)
  : path.join(root, 'build/native/nnplay');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-search-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const run = (args, input) =>
  spawnSync(bin, args, { input, encoding: 'utf8', maxBuffer: 1 << 26, cwd: tmp });
const sh = (command) =>
  spawnSync('bash', ['-c', command], { encoding: 'utf8', maxBuffer: 1 << 26, cwd: tmp });
const lines = (text) =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

// Nine spirals for 10 epochs, the best three for 30, the best for 90: a fraction of a second.
const halving = {
  base: { dataset: 'spiral', networkShape: [6, 6], noise: 0 },
  params: {
    learningRate: { min: 0.003, max: 0.3, scale: 'log' },
    activation: { choices: ['tanh', 'relu'] },
    batchSize: { min: 1, max: 30, type: 'int' },
  },
  strategy: 'halving',
  budget: { trials: 9, epochs: 90 },
  halving: { eta: 3, minEpochs: 10 },
  seed: 'cli-test',
};
const specFile = path.join(tmp, 'halving.json');
fs.writeFileSync(specFile, JSON.stringify(halving));

test('a search on one or two threads: the same trials, numbers and ranking', () => {
  const one = run(['search', specFile, '--threads', '1']);
  const two = run(['search', specFile, '--threads', '2']);
  assert.equal(one.status, 0, one.stderr);
  assert.equal(two.status, 0, two.stderr);
  const a = lines(one.stdout),
    b = lines(two.stdout);
  assert.equal(a.length, 9 + 3 + 1 + 1, 'a line per finished trial of each rung, then the ranking');
  const ranking = (r) => r.at(-1).ranking.map(({ seconds: _s, ...rest }) => rest);
  assert.deepEqual(ranking(a), ranking(b));
  const best = a.at(-1).ranking[0];
  assert.equal(best.rank, 1);
  const finalist = a.at(-1).ranking.filter((r) => r.rung === 2);
  assert.equal(finalist.length, 1, 'one trial reached the last rung');
  assert.equal(finalist[0].epochs, 90);
  assert.equal(a.at(-1).ranking.length, 9, 'each trial once');
  const csv = run(['search', specFile, '--csv', '--threads', '2']).stdout.trim().split('\n');
  assert.equal(
    csv[0],
    'rank,id,rung,epochs,activation,batchSize,learningRate,trainLoss,testLoss,trainAccuracy,testAccuracy,error',
  );
  assert.equal(csv.length, 10);
  assert.ok(csv[1].startsWith(`1,${best.id},${best.rung},${best.epochs},`));
});

test('bad specs and trial lines exit 2 naming the field', () => {
  const cases = [
    [{ ...halving, params: { learnRate: 0.1 } }, /params\.learnRate: unknown parameter/],
    [
      { ...halving, params: { activation: { choices: [] } } },
      /params\.activation\.choices: must not be empty/,
    ],
    [
      { ...halving, params: { learningRate: { min: 1, max: 0.1 } } },
      /params\.learningRate\.min: must not be above max/,
    ],
    [{ ...halving, budget: { trials: 0, epochs: 5 } }, /budget\.trials: must be from 1/],
    [
      { ...halving, strategy: 'grid', halving: undefined, budget: { trials: 2, epochs: 5 } },
      /budget\.trials: the grid has/,
    ],
  ];
  for (const [spec, message] of cases) {
    const r = run(['search', '-'], JSON.stringify(spec));
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, message);
  }
  const line = run(['trial'], '{"id": 3, "epochs": "many", "config": {}}\n');
  assert.equal(line.status, 2);
  assert.match(line.stderr, /trial line 1: epochs: must be an integer/);
  const merged = path.join(tmp, 'bad.jsonl');
  fs.writeFileSync(merged, '{"id": 1, "testLoss": 0.1, "testAccuracy": 1}\nnot json\n');
  const m = run(['search', specFile, '--merge', merged]);
  assert.equal(m.status, 2);
  assert.match(m.stderr, /bad\.jsonl line 2/);
  assert.equal(run(['search', specFile, '--threads', '0']).status, 1);
  // A trial whose config the engine refuses is a result line with its error: the search goes on.
  const refused = run(['trial'], '{"id": 0, "epochs": 3, "config": {"networkShape": [100]}}\n');
  assert.equal(refused.status, 0);
  assert.match(lines(refused.stdout)[0].error, /^networkShape/);
});

test('spread with GNU Parallel rung by rung, it merges to the same ranking', () => {
  const models = path.join(tmp, 'models');
  fs.mkdirSync(models);
  const trial = `parallel --will-cite --pipe -N1 ${bin} trial --model-dir ${models}`;
  const rungs = [];
  let next = sh(`${bin} search ${specFile} --list`).stdout;
  for (let rung = 0; next.trim(); rung++) {
    const trials = path.join(tmp, `trials${rung}.jsonl`);
    const out = path.join(tmp, `rung${rung}.jsonl`);
    fs.writeFileSync(trials, next);
    const r = sh(`${trial} < ${trials} > ${out}`);
    assert.equal(r.status, 0, r.stderr);
    rungs.push(out);
    next = run(['search', specFile, '--merge', ...rungs, '--next']).stdout;
  }
  assert.equal(rungs.length, 3, 'three rungs: 9, 3 and 1 trials');
  const merged = run(['search', specFile, '--merge', ...rungs]);
  const direct = lines(run(['search', specFile]).stdout).at(-1);
  const clean = (r) => r.ranking.map(({ seconds: _s, ...rest }) => rest);
  assert.deepEqual(clean(JSON.parse(merged.stdout)), clean(direct));
  assert.ok(fs.existsSync(path.join(models, `trial-${direct.ranking[0].id}.json`)));
});
