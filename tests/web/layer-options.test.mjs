// Unit tests of web/layer-options.js (each hidden layer's activation and dropout rate, and the
// patches the diagram's menus, the top menu and the +/- layer buttons make) and of the link
// keys `activations` and `dropout` (web/link/playground-link.js): written only when not the
// reference's, read key by key, a bad entry dropping the value and named, a rate beyond 0.9
// clipped and named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  layerActivations,
  isMixed,
  layerActivationPatch,
  uniformActivationPatch,
  shapePatch,
  layerDropouts,
  layerDropoutPatch,
  DROPOUT_RATES,
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

test("each layer's dropout: 0 without the key, one number for all, a patch per menu", () => {
  assert.deepEqual(DROPOUT_RATES, [0, 0.1, 0.2, 0.3, 0.5]);
  assert.deepEqual(layerDropouts(uniform), [0, 0]);
  assert.deepEqual(layerDropouts({ ...uniform, dropout: 0.3 }), [0.3, 0.3]);
  assert.deepEqual(layerDropouts({ ...uniform, dropout: [0.2, 0] }), [0.2, 0]);
  assert.deepEqual(layerDropoutPatch(uniform, 0, 0.2), { dropout: [0.2, 0] });
  assert.deepEqual(layerDropoutPatch({ ...uniform, dropout: [0.2, 0] }, 0, 0), {
    dropout: undefined,
  });
  // A new layer starts without dropout; a removed one takes its rate along.
  assert.deepEqual(shapePatch({ ...uniform, dropout: [0.2, 0.5] }, [4, 2, 2]), {
    networkShape: [4, 2, 2],
    dropout: [0.2, 0.5, 0],
  });
  assert.deepEqual(shapePatch({ ...uniform, dropout: [0, 0.5] }, [4]), {
    networkShape: [4],
    dropout: undefined,
  });
});

test('dropout in the link: written when a rate is not 0, a bad rate named, 5 clipped to 0.9', () => {
  const text = serializeHash({ ...uniform, seed: 's', dropout: [0.2, 0] }, {}, {});
  assert.match(text, /&dropout=0\.2,0$/);
  assert.doesNotMatch(serializeHash({ ...uniform, seed: 's' }, {}, {}), /dropout/);
  assert.deepEqual(parseHash(`#${text}`, LIMITS).config.dropout, [0.2, 0]);
  assert.equal(parseHash('#dropout=0.3', LIMITS).config.dropout, 0.3, 'one rate: every layer');
  const clipped = parseHash('#dropout=5', LIMITS);
  assert.equal(clipped.config.dropout, 0.9);
  assert.deepEqual(clipped.problems, [
    { key: 'dropout', value: '5', reason: 'entry 1: out of range (0 to 0.9): clipped to 0.9' },
  ]);
  const bad = parseHash('#dropout=0.1,x', LIMITS);
  assert.equal(bad.config.dropout, undefined);
  assert.deepEqual(bad.problems, [
    { key: 'dropout', value: '0.1,x', reason: 'entry 2 (x): not a number' },
  ]);
});
