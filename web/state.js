// URL hash <-> config. Reads and writes the reference's keys in the reference's order
// (booleans "true"/"false", networkShape "4,2" <-> [4, 2], regularization left out when none).
// Parsing is key by key: an invalid value is dropped and listed, the valid rest is kept.
// Pure: no DOM, no engine. The engine validates again (its limits are the authority).

import { plainNumber } from './format.js';

/** Keys the engine takes (the JSON config form, docs/BINDING.md). */
export const ENGINE_KEYS = [
  'problem', 'dataset', 'regDataset', 'noise', 'percTrainData', 'batchSize', 'learningRate',
  'activation', 'regularization', 'regularizationRate', 'networkShape', 'seed',
  'x', 'y', 'xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY', 'initZero',
];

/** Page-only keys of the reference's hash and their defaults (the engine ignores them). */
export const PAGE_DEFAULTS = Object.freeze({
  showTestData: false, discretize: false, collectStats: false, hideText: false,
  cosX: false, cosY: false,
});

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
  ['problem', enumOf(PROBLEMS)],
  ['initZero', bool],
  ['hideText', bool, true],
].map(([key, type, page = false]) => ({ key, ...type, page }));

const SCHEMA_BY_KEY = new Map(HASH_SCHEMA.map((s) => [s.key, s]));
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
 * Parses a location hash ("#a=b&c=d" or "a=b&c=d").
 * Returns {config, page, problems}: config holds the valid engine keys found, page the valid
 * page keys ({...PAGE_DEFAULTS, hidden: [...]}, absent keys at their defaults), problems one
 * {key, value, reason} per ignored entry, in hash order.
 */
export function parseHash(hash) {
  const config = {};
  const page = { ...PAGE_DEFAULTS, hidden: [] };
  const problems = [];
  const body = String(hash || '').replace(/^#/, '');
  if (body === '') return { config, page, problems };
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    let key = eq < 0 ? part : part.slice(0, eq);
    let raw = eq < 0 ? '' : part.slice(eq + 1);
    try {
      key = decodeURIComponent(key);
      raw = decodeURIComponent(raw);
    } catch {
      problems.push({ key: preview(key), value: preview(raw), reason: 'badly encoded' });
      continue;
    }
    if (key.length > 60) {
      problems.push({ key: preview(key), value: preview(raw), reason: 'unknown key' });
      continue;
    }
    if (raw.length > MAX_VALUE_LENGTH) {
      problems.push({ key, value: preview(raw), reason: `longer than ${MAX_VALUE_LENGTH} characters` });
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
    if (spec.page) page[key] = parsed.value;
    else config[key] = parsed.value;
  }
  return { config, page, problems };
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
 * Writes config (engine JSON form) and page state as a hash body (no "#"), keys in the
 * reference's order; missing keys are left out, regularization is left out when none,
 * `<name>_hide=true` follows for each hidden name.
 */
export function serializeHash(config, page = {}) {
  const parts = [];
  for (const spec of HASH_SCHEMA) {
    const v = spec.page ? (page[spec.key] ?? PAGE_DEFAULTS[spec.key]) : config[spec.key];
    if (v === undefined || v === null) continue;
    if (spec.key === 'regularization' && v === 'none') continue;
    parts.push(`${spec.key}=${formatValue(spec, v)}`);
  }
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
