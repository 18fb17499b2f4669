// URL hash <-> config. Reads and writes the reference's keys in the reference's order
// (booleans "true"/"false", networkShape "4,2" <-> [4, 2], regularization left out when none).
// Parsing is key by key: an invalid value is dropped and listed, the valid rest is kept.
// After the reference's keys come nnplay's own link keys: resets=N (resets since the config was
// applied; a load replays them) and params=... (a trained network, web/params-codec.js).
// Pure: no DOM, no engine. The engine validates again (its limits are the authority).

import { plainNumber } from './format.js';
import { SPEEDS, DEFAULT_SPEED } from './speed.js';

/** Keys the engine takes (the JSON config form, docs/BINDING.md). */
export const ENGINE_KEYS = [
  'problem', 'dataset', 'regDataset', 'noise', 'percTrainData', 'batchSize', 'learningRate',
  'activation', 'regularization', 'regularizationRate', 'networkShape', 'seed',
  'x', 'y', 'xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY', 'initZero',
];

/** Page-only keys of the reference's hash and their defaults (the engine ignores them). */
export const PAGE_DEFAULTS = Object.freeze({
  showTestData: false, discretize: false, collectStats: false, hideText: false,
  cosX: false, cosY: false, tutorial: null,
  speed: DEFAULT_SPEED, // nnplay's own page keys (NNPLAY_PAGE_SCHEMA)
  embed: false,
});

/** The input features in the engine's fixed order, with the reference's labels. */
export const FEATURES = [
  ['x', 'X₁'], ['y', 'X₂'], ['xSquared', 'X₁²'], ['ySquared', 'X₂²'], ['xTimesY', 'X₁X₂'],
  ['sinX', 'sin(X₁)'], ['sinY', 'sin(X₂)'],
].map(([key, label]) => ({ key, label }));

/** Controls `<name>_hide=true` hides (the reference's HIDABLE_CONTROLS ids); a feature's
 *  name removes its input toggle. */
export const HIDABLE_CONTROLS = [
  'showTestData', 'discretize', 'playButton', 'stepButton', 'resetButton', 'learningRate',
  'activation', 'regularization', 'regularizationRate', 'problem', 'dataset', 'percTrainData',
  'noise', 'batchSize', 'numHiddenLayers',
];

/** The learning rates and regularisation rates the reference's menus offer. */
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

/** UI limits (the buttons stop there; a hash may ask for more, up to the engine's limits). */
export const UI_MAX_LAYERS = 6;
export const UI_MAX_NEURONS = 8;
/** Link keys: at most this many replayed resets; a params value at most this long. */
export const MAX_RESETS = 10000;
export const MAX_PARAMS_LENGTH = 1500000;

/** Perceptron lab (issue 4): the hash key `mode` picks the page's mode (absent: playground). */
export const MODES = ['playground', 'perceptron'];

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'];
export const REGULARIZATIONS = ['none', 'L1', 'L2'];
export const PROBLEMS = ['classification', 'regression'];
export const CLASSIFICATION_DATASETS = ['circle', 'xor', 'gauss', 'spiral'];
export const REGRESSION_DATASETS = ['reg-plane', 'reg-gauss'];

// Engine limits as issue 2 states them; the engine reports anything it rejects beyond these.
export const MAX_LAYERS = 16;
export const MAX_NEURONS = 64;
export const MAX_VALUE_LENGTH = 1000;
export const MAX_SEED_LENGTH = 200;

const enumOf = (values) => ({ kind: 'enum', values });
const num = (min, max, integer = false) => ({ kind: 'number', min, max, integer });
const bool = { kind: 'bool' };

/** Every key of the reference's hash, in the reference's order, with its type.
 *  `page: true` marks keys the page keeps (not sent to the engine). */
export const HASH_SCHEMA = [
  ['activation', enumOf(ACTIVATIONS)],
  ['regularization', enumOf(REGULARIZATIONS)],
  ['batchSize', num(1, Number.MAX_SAFE_INTEGER, true)],
  ['dataset', enumOf(CLASSIFICATION_DATASETS)],
  ['regDataset', enumOf(REGRESSION_DATASETS)],
  ['learningRate', num(0, Infinity)],
  ['regularizationRate', num(0, Infinity)],
  ['noise', num(0, 80)],
  ['networkShape', { kind: 'shape' }],
  ['seed', { kind: 'seed' }],
  ['showTestData', bool, true],
  ['discretize', bool, true],
  ['percTrainData', num(1, 100)],
  ['x', bool], ['y', bool], ['xTimesY', bool], ['xSquared', bool], ['ySquared', bool],
  ['cosX', bool, true], ['sinX', bool], ['cosY', bool, true], ['sinY', bool],
  ['collectStats', bool, true],
  ['tutorial', { kind: 'text', max: 100 }, true],
  ['problem', enumOf(PROBLEMS)],
  ['initZero', bool],
  ['hideText', bool, true],
].map(([key, type, page = false]) => ({ key, ...type, page }));

/** nnplay's own page keys, written after the reference's and only when not at their default
 *  (PAGE_DEFAULTS), so that a default page's link is the reference's. */
export const NNPLAY_PAGE_SCHEMA = [
  { key: 'speed', ...enumOf(SPEEDS), page: true }, // epochs per frame (web/speed.js)
  { key: 'embed', ...bool, page: true }, // the embed view for iframes (docs/EMBEDDING.md)
];

/** nnplay's own keys, written after the reference's: link state, not config. */
export const LINK_SCHEMA = [
  { key: 'resets', kind: 'number', min: 0, max: MAX_RESETS, integer: true, link: true },
  { key: 'params', kind: 'params', link: true },
];
export const LINK_DEFAULTS = Object.freeze({ resets: 0, params: null });

const SCHEMA_BY_KEY = new Map([...HASH_SCHEMA, ...NNPLAY_PAGE_SCHEMA, ...LINK_SCHEMA].map((s) => [s.key, s]));
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const HIDE_KEY = /^([A-Za-z][A-Za-z0-9]{0,40})_hide$/;

/** Parses one raw (decoded) value by its schema entry: {ok: true, value} or {ok: false, reason}. */
export function parseValue(spec, raw) {
  switch (spec.kind) {
    case 'enum':
      return spec.values.includes(raw) ? { ok: true, value: raw }
        : { ok: false, reason: `not one of ${spec.values.join(', ')}` };
    case 'bool':
      return raw === 'true' ? { ok: true, value: true } : raw === 'false' ? { ok: true, value: false }
        : { ok: false, reason: 'not true or false' };
    case 'number': {
      if (!DECIMAL.test(raw)) return { ok: false, reason: 'not a number' };
      const n = Number(raw);
      if (!Number.isFinite(n)) return { ok: false, reason: 'not a finite number' };
      if (spec.integer && !Number.isInteger(n)) return { ok: false, reason: 'not a whole number' };
      if (n < spec.min || n > spec.max) {
        const hi = spec.max === Infinity || spec.max === Number.MAX_SAFE_INTEGER ? '' : ` to ${spec.max}`;
        return { ok: false, reason: `out of range (${spec.min}${hi})` };
      }
      return { ok: true, value: n };
    }
    case 'shape': {
      if (raw === '') return { ok: true, value: [] };
      const parts = raw.split(',');
      if (parts.length > MAX_LAYERS) return { ok: false, reason: `more than ${MAX_LAYERS} layers` };
      const shape = [];
      for (const p of parts) {
        if (!/^\d+$/.test(p)) return { ok: false, reason: 'not a list of whole numbers' };
        const n = Number(p);
        if (n < 1 || n > MAX_NEURONS) return { ok: false, reason: `a layer size out of range (1 to ${MAX_NEURONS})` };
        shape.push(n);
      }
      return { ok: true, value: shape };
    }
    case 'seed':
      return raw.length <= MAX_SEED_LENGTH ? { ok: true, value: raw }
        : { ok: false, reason: `longer than ${MAX_SEED_LENGTH} characters` };
    case 'text':
      return raw.length <= spec.max ? { ok: true, value: raw }
        : { ok: false, reason: `longer than ${spec.max} characters` };
    case 'params':
      return /^[A-Za-z0-9_-]+$/.test(raw) ? { ok: true, value: raw }
        : { ok: false, reason: 'not a params code (base64url)' };
    default:
      return { ok: false, reason: 'unsupported' };
  }
}

/** Shortens a value for a notice (the notice shows it as text, never as HTML). */
export function preview(raw, max = 40) {
  const s = String(raw);
  return s.length > max ? s.slice(0, max) + '…' : s;
}

/**
 * The entries of a hash ("#a=b&c=d" or "a=b&c=d"), decoded: [{key, raw}] in order, or
 * {key, raw, problem} for an entry that is not valid percent-encoding. Shared by the playground's
 * and the perceptron lab's parsers.
 */
export function hashEntries(hash) {
  const out = [];
  const body = String(hash || '').replace(/^#/, '');
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    try {
      out.push({ key: decodeURIComponent(key), raw: decodeURIComponent(raw) });
    } catch {
      out.push({ key: preview(key), raw: preview(raw), problem: 'badly encoded' });
    }
  }
  return out;
}

/**
 * Parses a location hash ("#a=b&c=d" or "a=b&c=d").
 * Returns {config, page, link, problems}: config holds the valid engine keys found, page the
 * valid page keys ({...PAGE_DEFAULTS, hidden: [...]}, absent keys at their defaults), link the
 * link keys ({resets, params}), problems one {key, value, reason} per ignored entry, in hash
 * order.
 */
export function parseHash(hash) {
  const config = {};
  const page = { ...PAGE_DEFAULTS, hidden: [] };
  const link = { ...LINK_DEFAULTS };
  const problems = [];
  for (const { key, raw, problem } of hashEntries(hash)) {
    if (problem) {
      problems.push({ key, value: raw, reason: problem });
      continue;
    }
    if (key.length > 60) {
      problems.push({ key: preview(key), value: preview(raw), reason: 'unknown key' });
      continue;
    }
    const max = key === 'params' ? MAX_PARAMS_LENGTH : MAX_VALUE_LENGTH;
    if (raw.length > max) {
      problems.push({ key, value: preview(raw), reason: `longer than ${max} characters` });
      continue;
    }
    if (key === 'mode') { // perceptron lab (issue 4): the page's mode, routed in app.js
      if (!MODES.includes(raw)) problems.push({ key, value: preview(raw), reason: `not one of ${MODES.join(', ')}` });
      continue;
    }
    const spec = SCHEMA_BY_KEY.get(key);
    const hide = HIDE_KEY.exec(key);
    if (!spec && hide) {
      const parsed = parseValue(bool, raw);
      if (!parsed.ok) problems.push({ key, value: preview(raw), reason: parsed.reason });
      else {
        page.hidden = page.hidden.filter((h) => h !== hide[1]);
        if (parsed.value) page.hidden.push(hide[1]);
      }
      continue;
    }
    if (!spec) {
      problems.push({ key, value: preview(raw), reason: 'unknown key' });
      continue;
    }
    const parsed = parseValue(spec, raw);
    if (!parsed.ok) {
      problems.push({ key, value: preview(raw), reason: parsed.reason });
      continue;
    }
    if (spec.link) link[key] = parsed.value;
    else if (spec.page) page[key] = parsed.value;
    else config[key] = parsed.value;
  }
  return { config, page, link, problems };
}

function formatValue(spec, v) {
  switch (spec.kind) {
    case 'bool': return v ? 'true' : 'false';
    case 'number': return plainNumber(v);
    case 'shape': return v.join(',');
    default: return encodeURIComponent(String(v));
  }
}

/**
 * Writes config (engine JSON form), page state and link keys as a hash body (no "#"), keys in
 * the reference's order; missing keys are left out, regularization is left out when none;
 * then resets (when > 0) and params (when given); `<name>_hide=true` last, one per hidden name.
 */
export function serializeHash(config, page = {}, link = {}) {
  const parts = [];
  for (const spec of HASH_SCHEMA) {
    const v = spec.page ? (page[spec.key] ?? PAGE_DEFAULTS[spec.key]) : config[spec.key];
    if (v === undefined || v === null) continue;
    if (spec.key === 'regularization' && v === 'none') continue;
    parts.push(`${spec.key}=${formatValue(spec, v)}`);
  }
  for (const spec of NNPLAY_PAGE_SCHEMA) {
    const v = page[spec.key];
    if (v !== undefined && v !== null && v !== PAGE_DEFAULTS[spec.key]) parts.push(`${spec.key}=${formatValue(spec, v)}`);
  }
  if (Number.isInteger(link.resets) && link.resets > 0) parts.push(`resets=${link.resets}`);
  if (link.params) parts.push(`params=${link.params}`);
  for (const name of page.hidden || []) parts.push(`${encodeURIComponent(name)}_hide=true`);
  return parts.join('&');
}

/** The engine keys of an object (drops page keys and anything else). */
export function engineConfigOf(obj) {
  const out = {};
  for (const k of ENGINE_KEYS) if (obj && obj[k] !== undefined) out[k] = obj[k];
  return out;
}

/** The dataset currently shown: the regression one when problem is regression. */
export function activeDataset(config) {
  return config.problem === 'regression' ? config.regDataset : config.dataset;
}

/** The config change that picks a dataset: the problem follows the dataset's kind. */
export function datasetChange(name) {
  if (REGRESSION_DATASETS.includes(name)) return { problem: 'regression', regDataset: name };
  if (CLASSIFICATION_DATASETS.includes(name)) return { problem: 'classification', dataset: name };
  throw new Error(`unknown dataset ${name}`);
}
