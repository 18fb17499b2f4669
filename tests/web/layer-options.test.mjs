// Unit tests of web/layer-options.js (each hidden layer's activation and the patches the
// diagram's menus, the top menu and the +/- layer buttons make) and of the link keys
// `activations` (web/link/playground-link.js): written only when the layers differ, read key
// by key, a bad entry dropping the value and named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  layerActivations,
  isMixed,
  layerActivationPatch,
  uniformActivationPatch,
  shapePatch,
} from '../../web/layer-options.js';
import { parseHash, serializeHash } from '../../web/link/playground-link.js';
import { limitsTable } from '../../web/limits.js';

const LIMITS = limitsTable(
  JSON.parse(fs.readFileSync(new URL('../fixtures/engine-limits.json', import.meta.url), 'utf8'))
    .limits,
);
const uniform = { activation: 'tanh', networkShape: [4, 2] };
const mixed = { activation: 'tanh', activations: ['relu', 'gelu'], networkShape: [4, 2] };

test('each hidden layer has the uniform activation unless activations lists them', () => {
  assert.deepEqual(layerActivations(uniform), ['tanh', 'tanh']);
  assert.deepEqual(layerActivations(mixed), ['relu', 'gelu']);
  assert.deepEqual(layerActivations({ activation: 'relu', networkShape: [] }), []);
  assert.equal(isMixed(uniform), false);
  assert.equal(isMixed(mixed), true);
});

test("a layer's menu: a list when the layers differ, activation alone when they agree", () => {
  assert.deepEqual(layerActivationPatch(uniform, 1, 'sine'), { activations: ['tanh', 'sine'] });
  assert.deepEqual(layerActivationPatch(mixed, 0, 'gelu'), {
    activation: 'gelu',
    activations: undefined,
  });
  assert.deepEqual(uniformActivationPatch('elu'), { activation: 'elu', activations: undefined });
});

test('adding a layer gives it its neighbour’s activation; removing one keeps the others', () => {
  assert.deepEqual(shapePatch(uniform, [4, 2, 2]), { networkShape: [4, 2, 2] });
  assert.deepEqual(shapePatch(mixed, [4, 2, 2]), {
    networkShape: [4, 2, 2],
    activations: ['relu', 'gelu', 'gelu'],
  });
  assert.deepEqual(shapePatch(mixed, [4]), {
    networkShape: [4],
    activation: 'relu',
    activations: undefined,
  });
  assert.deepEqual(shapePatch(mixed, [5, 3]), {
    networkShape: [5, 3],
    activations: ['relu', 'gelu'],
  });
});

test('activations in the link: after the reference keys, only when given, read back', () => {
  const text = serializeHash({ ...mixed, seed: 's' }, {}, {});
  assert.match(
    text,
    /^activation=tanh&networkShape=4,2&seed=s&.*hideText=false&activations=relu,gelu$/,
  );
  assert.doesNotMatch(serializeHash({ ...uniform, seed: 's' }, {}, {}), /activations/);
  const back = parseHash(`#${text}`, LIMITS);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.config.activations, ['relu', 'gelu']);
});

test('a bad activations entry drops the value and names the entry', () => {
  const { config, problems, rejected } = parseHash('#activations=bogus,tanh&seed=a', LIMITS);
  assert.equal(config.activations, undefined);
  assert.deepEqual(rejected, ['activations']);
  assert.deepEqual(problems, [
    {
      key: 'activations',
      value: 'bogus,tanh',
      reason:
        'entry 1 (bogus): not one of relu, tanh, sigmoid, linear, leakyRelu, elu, gelu, swish, softplus, sine',
    },
  ]);
  const long = Array(LIMITS.maxHiddenLayers + 2)
    .fill('relu')
    .join(',');
  const clipped = parseHash(`#activations=${long}`, LIMITS);
  assert.equal(clipped.config.activations.length, LIMITS.maxHiddenLayers);
  assert.match(clipped.problems[0].reason, /more than 16 entries: the first 16 kept/);
});
