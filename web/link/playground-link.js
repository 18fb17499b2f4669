// The playground's link schema: its part of the URL hash <-> config, page toggles and link
// state. The reference's keys in the reference's order (booleans "true"/"false", networkShape
// "4,2" <-> [4, 2], regularization left out when none), then the engine keys nnplay adds
// (`activations=relu,tanh` when the hidden layers' differ, `dropout=0.2,0` when a rate is not
// 0), then nnplay's training keys (optimizer, schedule, initialisation and their parameters;
// each only when not its default, so that a default link is the reference's), then nnplay's
// page keys `speed` and `resetSame`, then
// its link keys resets=N (resets since the config was applied; a load replays them) and
// params=... (a trained network, web/params-codec.js), then `<name>_hide=true`. The keys every
// mode shares (`mode`, `embed`) are the router's (web/router.js), not read or written here.
// Parsed key by key (web/link/hash-codec.js's rule: a bad value is dropped and listed, a value
// beyond a limit clipped and listed). Pure: no DOM, no engine; the engine's limits come in.

import {
  readEntry,
  formatValue,
  preview,
  splitShared,
  enumOf,
  numberIn,
  BOOL,
  shapeOf,
  listOf,
  textOf,
  codeOf,
  MAX_KEY_LENGTH,
} from './hash-codec.js';
import {
  FEATURE_KEYS,
  ACTIVATIONS,
  REGULARIZATIONS,
  PROBLEMS,
  CLASSIFICATION_DATASETS,
  REGRESSION_DATASETS,
} from '../options.js';
import { SPEEDS, DEFAULT_SPEED } from '../speed.js';
import {
  OPTIMIZERS,
  LR_SCHEDULES,
  INITS,
  TRAINING_NUMBERS,
  TRAINING_DEFAULTS,
} from '../training-options.js';

/** nnplay's training keys (web/training-options.js), in the order a link writes them, after
 *  the reference's keys; each is written only when not its default. */
export const TRAINING_KEYS = Object.freeze([
  'optimizer',
  ...TRAINING_NUMBERS.filter((n) => !n.key.startsWith('lr')).map((n) => n.key),
  'lrSchedule',
  ...TRAINING_NUMBERS.filter((n) => n.key.startsWith('lr')).map((n) => n.key),
  'init',
]);

/** A hidden layer's highest dropout rate (the engine's kMaxDropout). */
export const MAX_DROPOUT = 0.9;
import { STOP_DEFAULTS, MAX_STOP_EPOCH, MAX_PATIENCE } from '../stop-conditions.js';
import { CHART_DEFAULTS, CHART_WINDOWS, REG_METRICS } from '../chart-options.js';

/** Keys the engine takes (the JSON config form, docs/BINDING.md). */
export const ENGINE_KEYS = Object.freeze([
  'problem',
  'dataset',
  'regDataset',
  'noise',
  'percTrainData',
  'batchSize',
  'learningRate',
  'activation',
  'regularization',
  'regularizationRate',
  'networkShape',
  'seed',
  ...FEATURE_KEYS,
  'initZero',
  'activations',
  'dropout',
  ...TRAINING_KEYS,
]);

/** Page-only keys of the reference's hash and their defaults (the engine ignores them), and
 *  nnplay's `speed` and `resetSame` (reset returns to the same initial weights). */
export const PAGE_DEFAULTS = Object.freeze({
  showTestData: false,
  discretize: false,
  collectStats: false,
  hideText: false,
  cosX: false,
  cosY: false,
  tutorial: null,
  speed: DEFAULT_SPEED,
  ...STOP_DEFAULTS,
  ...CHART_DEFAULTS,
  resetSame: false,
});

/** The config keys whose change is a new history entry (docs/LINKS.md, "History"); any other
 *  change (a slider, a rate) replaces the current one. */
export const DISCRETE_KEYS = Object.freeze([
  'dataset',
  'regDataset',
  'problem',
  'networkShape',
  'activation',
  'activations',
  'dropout',
  'regularization',
  ...FEATURE_KEYS,
  'optimizer',
  'lrSchedule',
  'init',
]);

/** True when going from config `before` to `after` changes a discrete key. */
export function isDiscreteChange(before, after) {
  if (!before) return true;
  return DISCRETE_KEYS.some((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

// The reference's key order (its link format); a feature key is a boolean engine key.
const REFERENCE_ORDER = [
  'activation',
  'regularization',
  'batchSize',
  'dataset',
  'regDataset',
  'learningRate',
  'regularizationRate',
  'noise',
  'networkShape',
  'seed',
  'showTestData',
  'discretize',
  'percTrainData',
  'x',
  'y',
  'xTimesY',
  'xSquared',
  'ySquared',
  'cosX',
  'sinX',
  'cosY',
  'sinY',
  'collectStats',
  'tutorial',
  'problem',
  'initZero',
  'hideText',
];
const PAGE_KEYS = new Set(Object.keys(PAGE_DEFAULTS));
const HIDE_KEY = /^([A-Za-z][A-Za-z0-9]{0,40})_hide$/;

const schemas = new WeakMap();

/**
 * The schema for a limits table (web/limits.js): {hash: the reference's keys in order,
 * engine: the engine keys nnplay adds per layer, training: nnplay's training keys (engine
 * keys), nnplay: nnplay's page keys, link: the link keys, byKey}. Each entry {key, kind..., page?,
 * link?}.
 */
export function playgroundSchema(limits) {
  if (schemas.has(limits)) return schemas.get(limits);
  const types = {
    activation: enumOf(ACTIVATIONS),
    regularization: enumOf(REGULARIZATIONS),
    batchSize: numberIn(1, limits.maxBatchSize, true),
    dataset: enumOf(CLASSIFICATION_DATASETS),
    regDataset: enumOf(REGRESSION_DATASETS),
    learningRate: numberIn(0, Infinity),
    regularizationRate: numberIn(0, Infinity),
    noise: numberIn(0, 80),
    percTrainData: numberIn(1, 100),
    networkShape: shapeOf(limits.maxHiddenLayers, 1, limits.maxNeurons),
    tutorial: textOf(limits.maxTutorialLength),
    seed: textOf(limits.maxSeedLength, { bytes: true }), // the engine counts UTF-8 bytes
    problem: enumOf(PROBLEMS),
    optimizer: enumOf(OPTIMIZERS),
    lrSchedule: enumOf(LR_SCHEDULES),
    init: enumOf(INITS),
  };
  for (const n of TRAINING_NUMBERS) types[n.key] = numberIn(n.min, n.max, n.integer);
  for (const key of REFERENCE_ORDER) if (!types[key]) types[key] = BOOL;
  const hash = REFERENCE_ORDER.map((key) => ({ key, ...types[key], page: PAGE_KEYS.has(key) }));
  // Engine keys nnplay adds, written after the reference's, only when the config has them.
  const engine = [
    { key: 'activations', ...listOf(enumOf(ACTIVATIONS), limits.maxHiddenLayers) },
    // One rate per hidden layer (a single one is every layer's, as in the engine's config).
    {
      key: 'dropout',
      ...listOf(numberIn(0, MAX_DROPOUT), limits.maxHiddenLayers, { oneIsAll: true }),
    },
  ];
  const training = TRAINING_KEYS.map((key) => ({ key, ...types[key] }));
  const nnplay = [
    { key: 'speed', ...enumOf(SPEEDS), page: true }, // epochs per frame (web/speed.js)
    { key: 'resetSame', ...BOOL, page: true },
    // stop conditions (web/stop-conditions.js)
    { key: 'stopEpoch', ...numberIn(1, MAX_STOP_EPOCH, true), page: true },
    { key: 'stopTestLoss', ...numberIn(0, Infinity), page: true },
    { key: 'earlyStop', ...numberIn(0, MAX_PATIENCE, true), page: true },
    { key: 'restoreBest', ...BOOL, page: true },
    // the charts (web/chart-options.js)
    { key: 'logLoss', ...BOOL, page: true },
    { key: 'lastEpochs', ...enumOf(CHART_WINDOWS), page: true },
    { key: 'regMetric', ...enumOf(REG_METRICS), page: true },
  ];
  const link = [
    { key: 'resets', ...numberIn(0, limits.maxResets, true), link: true },
    { key: 'params', ...codeOf(limits.maxParamsLength), link: true },
    { key: 'opt', ...codeOf(limits.maxParamsLength), link: true },
  ];
  const schema = {
    hash,
    engine,
    training,
    nnplay,
    link,
    byKey: new Map([...hash, ...engine, ...training, ...nnplay, ...link].map((s) => [s.key, s])),
  };
  schemas.set(limits, schema);
  return schema;
}

export const LINK_DEFAULTS = Object.freeze({ resets: 0, params: null, opt: null });

/**
 * Parses the playground's entries (web/link/hash-codec.js's hashEntries, the shared keys
 * already taken out). Returns {config, page, link, problems}: config the valid engine keys
 * found, page the page keys ({...PAGE_DEFAULTS, hidden: [...]}), link {resets, params},
 * problems one {key, value, reason} per dropped or clipped entry, in hash order, rejected
 * the schema keys whose every value was dropped (a page that shows a value for them keeps it).
 */
export function parsePlaygroundEntries(entries, limits) {
  const { byKey } = playgroundSchema(limits);
  const config = {};
  const page = { ...PAGE_DEFAULTS, hidden: [] };
  const link = { ...LINK_DEFAULTS };
  const problems = [];
  const bad = new Set(); // keys given only with values that were dropped
  const good = new Set();
  for (const { key, raw, problem } of entries) {
    if (problem) {
      problems.push({ key, value: raw, reason: problem });
      continue;
    }
    if (key.length > MAX_KEY_LENGTH) {
      problems.push({ key: preview(key), value: preview(raw), reason: 'unknown key' });
      continue;
    }
    const spec = byKey.get(key);
    const hide = HIDE_KEY.exec(key);
    if (!spec && hide) {
      const r = readEntry(BOOL, key, raw, problems);
      if (r.ok) {
        page.hidden = page.hidden.filter((h) => h !== hide[1]);
        if (r.value) page.hidden.push(hide[1]);
      }
      continue;
    }
    if (!spec) {
      problems.push({ key, value: preview(raw), reason: 'unknown key' });
      continue;
    }
    const r = readEntry(spec, key, raw, problems);
    if (!r.ok) {
      bad.add(key);
      continue;
    }
    good.add(key);
    if (spec.link) link[key] = r.value;
    else if (spec.page) page[key] = r.value;
    else config[key] = r.value;
  }
  const rejected = [...bad].filter((k) => !good.has(k));
  return { config, page, link, problems, rejected };
}

/** The features a config without feature keys has on (the engine's and the reference's). */
export const DEFAULT_FEATURES = Object.freeze(['x', 'y']);

/** True when config (the engine keys given; an absent feature takes its default) has at least
 *  one input feature on: the engine refuses a network without inputs. */
export function hasInput(config) {
  return FEATURE_KEYS.some((k) =>
    config && typeof config[k] === 'boolean' ? config[k] : DEFAULT_FEATURES.includes(k),
  );
}

/** Parses a whole playground hash ("#a=b&...", as a link gives it): parsePlaygroundEntries
 *  after the keys every mode shares (`mode` among `modes`, `embed`; a bad one is listed). */
export function parseHash(hash, limits, modes = ['playground']) {
  const shared = splitShared(hash, modes);
  const parsed = parsePlaygroundEntries(shared.entries, limits);
  return { ...parsed, problems: [...shared.problems, ...parsed.problems] };
}

/**
 * Writes config (engine JSON form), page state and link keys as the playground's hash body
 * (no "#"), keys in the reference's order; missing keys are left out, regularization is left
 * out when none; then the engine keys nnplay adds (when the config has them), the training
 * keys that are not their defaults (TRAINING_KEYS), speed and resetSame (when not the default), resets (when
 * > 0) and params (when given);
 * `<name>_hide=true` last, one per hidden name. Any limits table gives the same text.
 */
export function serializeHash(config, page = {}, link = {}) {
  const { hash, engine, training, nnplay } = playgroundSchema(FORMAT_LIMITS);
  const parts = [];
  for (const spec of hash) {
    const v = spec.page ? (page[spec.key] ?? PAGE_DEFAULTS[spec.key]) : config[spec.key];
    if (v === undefined || v === null) continue;
    if (spec.key === 'regularization' && v === 'none') continue;
    parts.push(`${spec.key}=${formatValue(spec, v)}`);
  }
  for (const spec of engine) {
    const v = config[spec.key];
    if (v !== undefined && v !== null) parts.push(`${spec.key}=${formatValue(spec, v)}`);
  }
  for (const spec of training) {
    const v = config[spec.key];
    if (v !== undefined && v !== null && v !== TRAINING_DEFAULTS[spec.key])
      parts.push(`${spec.key}=${formatValue(spec, v)}`);
  }
  for (const spec of nnplay) {
    const v = page[spec.key];
    if (v !== undefined && v !== null && v !== PAGE_DEFAULTS[spec.key])
      parts.push(`${spec.key}=${formatValue(spec, v)}`);
  }
  if (Number.isInteger(link.resets) && link.resets > 0) parts.push(`resets=${link.resets}`);
  if (link.params) parts.push(`params=${link.params}`);
  if (link.params && link.opt) parts.push(`opt=${link.opt}`); // web/opt-codec.js
  for (const name of page.hidden || []) parts.push(`${encodeURIComponent(name)}_hide=true`);
  return parts.join('&');
}
// Writing needs only the kinds, not the limits.
const FORMAT_LIMITS = Object.freeze({
  maxHiddenLayers: 1,
  maxNeurons: 1,
  maxSeedLength: 1,
  maxResets: 1,
  maxParamsLength: 1,
  maxTutorialLength: 1,
});

/** The engine keys of an object (drops page keys and anything else). */
export function engineConfigOf(obj) {
  const out = {};
  for (const k of ENGINE_KEYS) if (obj && obj[k] !== undefined) out[k] = obj[k];
  return out;
}
