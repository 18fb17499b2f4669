// Hostile input through the binding: no call throws into JS, a refused configure leaks nothing
// (the wasm memory stays flat over a thousand of them), and messages name the field.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, configured } from './load-module.mjs';

const Module = await loadModule();
const deep = (depth) => `{"noise": ${'['.repeat(depth)}0${']'.repeat(depth)}}`;
const memory = () => Module.HEAP8.buffer.byteLength;

test('a config nested 60000 deep comes back as an error naming the field', () => {
  const s = configured(Module, { seed: 'keep' });
  const before = s.exportConfig();
  const r = s.configure(deep(60000));
  assert.equal(r.ok, false);
  assert.deepEqual(r.errors, [{ field: 'noise', message: 'nested deeper than 64 levels' }]);
  assert.equal(s.exportConfig(), before);
  s.delete();
});

test('a thousand refused configures leave the wasm memory flat', () => {
  const s = new Module.Session();
  const hostile = [
    deep(60000),
    '{"seed": "x", "noise": [1, 2,',
    `{"seed": "${'a'.repeat(1 << 24)}"}`,
  ];
  // One round first: the allocator's arena grows to the largest text once.
  for (const text of hostile) assert.equal(s.configure(text).ok, false);
  const start = memory();
  for (let i = 0; i < 1000; ++i) {
    // The 16 MiB text only every 50th round: copying it is what takes the time.
    const text = i % 50 === 0 ? hostile[2] : hostile[i % 2];
    const r = s.configure(text);
    assert.equal(r.ok, false);
    assert.equal(r.errors.length, 1);
  }
  const grown = memory() - start;
  assert.ok(grown <= 1 << 20, `wasm memory grew by ${grown} bytes over 1000 refused configures`);
  s.delete();
});

test('configure of a value that is not a string is an error, not an exception', () => {
  const s = new Module.Session();
  for (const value of [undefined, null, 42, {}, ['{}'], true]) {
    const r = s.configure(value);
    assert.equal(r.ok, false, String(value));
    assert.deepEqual(r.errors, [
      { field: '', message: 'the config must be a JSON text (a string)' },
    ]);
  }
  s.delete();
});

test('a syntax error says where and what; control characters in keys are escaped', () => {
  const s = new Module.Session();
  const r = s.configure('{\n  "seed": "x",\n  "noise" 1\n}');
  assert.deepEqual(r.errors, [
    {
      field: '',
      message: "not valid JSON: line 3, column 11: unexpected number literal; expected ':'",
    },
  ]);
  const w = s.configure(JSON.stringify({ 'a\nfake: line': 1 }));
  assert.equal(w.ok, true);
  assert.deepEqual(w.warnings, [{ field: 'a\\nfake: line', message: 'unknown key, ignored' }]);
  s.delete();
});

test('the other entry points return values for absurd arguments', () => {
  const s = configured(Module, { seed: 'q' });
  assert.equal(s.step(NaN), 0);
  const r = Module.randomDoubles('x', 2 ** 31 - 1);
  assert.ok(r instanceof Float64Array);
  assert.equal(r.length, 0);
  assert.equal(Module.randomDoubles('x', 3).length, 3);
  assert.equal(s.setWeight(1e9, -1, 0.5, 1), false);
  assert.equal(s.predictGrid(1e12), false);
  s.delete();
});
