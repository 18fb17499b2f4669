// The page's lists against the built module: the one JS list of input features is the engine's
// table (Module.featureNames(), in its order), every JS list of features derives from it, and
// the limits table takes the engine's limits from the binding (the engine's seed length wins
// over any copy of it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from '../bindings/load-module.mjs';
import { FEATURES, FEATURE_KEYS } from '../../web/options.js';
import { ENGINE_KEYS, DISCRETE_KEYS, playgroundSchema } from '../../web/link/playground-link.js';
import { limitsTable, ENGINE_LIMIT_KEYS, PAGE_LIMITS } from '../../web/limits.js';

const Module = await loadModule();

test("the features are the engine's table, in its order", () => {
  assert.deepEqual([...FEATURE_KEYS], [...Module.featureNames()]);
  assert.deepEqual(
    FEATURES.map((f) => f.key),
    [...FEATURE_KEYS],
  );
  for (const key of FEATURE_KEYS) {
    assert.ok(ENGINE_KEYS.includes(key) && DISCRETE_KEYS.includes(key), key);
  }
});

test("the limits table: the engine's limits from the binding, the page's beside them", () => {
  const engine = Module.limits();
  const table = limitsTable(engine);
  for (const key of ENGINE_LIMIT_KEYS) assert.equal(table[key], engine[key], key);
  assert.equal(table.uiMaxLayers, PAGE_LIMITS.uiMaxLayers);
  assert.ok(table.uiMaxLayers <= table.maxHiddenLayers && table.uiMaxNeurons <= table.maxNeurons);
  const { byKey } = playgroundSchema(table);
  assert.equal(byKey.get('seed').max, engine.maxSeedLength);
  assert.equal(byKey.get('networkShape').maxLength, engine.maxHiddenLayers);
  assert.equal(byKey.get('networkShape').max, engine.maxNeurons);
  assert.throws(() => limitsTable({ ...engine, maxNeurons: undefined }), /maxNeurons/);
});
