// The perceptron lab's URL hash <-> settings: "#mode=perceptron&gate=and&w0=3&w1=-4&w2=2&
// activation=sigmoid&learningRate=1". Parsed key by key as the playground's hash is: a bad
// value is dropped and listed ({key, value, reason}), the valid rest is kept, and absent keys
// take the defaults (the talk's start: w0 = 3, w1 = -4, w2 = 2, a sigmoid).
// Pure: no DOM, no engine.

import { plainNumber } from '../format.js';
import { hashEntries, parseValue, preview, MAX_VALUE_LENGTH } from '../state.js';

export const GATES = ['and', 'or', 'nand', 'nor', 'xor', 'not'];
export const OUTPUT_ACTIVATIONS = ['sigmoid', 'tanh', 'linear', 'relu'];
/** The learning rates the page offers (the playground's list, without the tiny ones). */
export const LEARNING_RATES = [0.01, 0.03, 0.1, 0.3, 1, 3, 10];
/** Weights a link may carry; the sliders span -10..10, training may go beyond. */
export const WEIGHT_LIMIT = 1000;

export const DEFAULTS = Object.freeze({
  gate: 'and', w0: 3, w1: -4, w2: 2, activation: 'sigmoid', learningRate: 1,
});

const enumOf = (values) => ({ kind: 'enum', values });
const weight = { kind: 'number', min: -WEIGHT_LIMIT, max: WEIGHT_LIMIT };

/** The lab's keys in hash order, with their types (the playground's parser checks values). */
export const PERCEPTRON_SCHEMA = [
  ['gate', enumOf(GATES)],
  ['w0', weight], ['w1', weight], ['w2', weight],
  ['activation', enumOf(OUTPUT_ACTIVATIONS)],
  ['learningRate', { kind: 'number', min: 0, max: 10 }],
].map(([key, type]) => ({ key, ...type }));

const BY_KEY = new Map(PERCEPTRON_SCHEMA.map((s) => [s.key, s]));

/** True when a hash asks for the perceptron lab (its first `mode` key says perceptron). */
export function isPerceptronHash(hash) {
  const body = String(hash || '').replace(/^#/, '');
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    if ((eq < 0 ? part : part.slice(0, eq)) !== 'mode') continue;
    return part.slice(eq + 1) === 'perceptron';
  }
  return false;
}

/** Parses a perceptron hash: {settings (defaults filled in), problems [{key, value, reason}]}. */
export function parsePerceptronHash(hash) {
  const settings = { ...DEFAULTS };
  const problems = [];
  for (const { key, raw, problem } of hashEntries(hash)) {
    if (problem) {
      problems.push({ key, value: raw, reason: problem });
      continue;
    }
    if (key === 'mode') continue; // the router's key
    const spec = BY_KEY.get(key);
    if (!spec) {
      problems.push({ key: preview(key), value: preview(raw), reason: 'unknown key' });
      continue;
    }
    if (raw.length > MAX_VALUE_LENGTH) {
      problems.push({ key, value: preview(raw), reason: `longer than ${MAX_VALUE_LENGTH} characters` });
      continue;
    }
    const parsed = parseValue(spec, raw);
    if (!parsed.ok) problems.push({ key, value: preview(raw), reason: parsed.reason });
    else if (key === 'learningRate' && parsed.value === 0) {
      problems.push({ key, value: preview(raw), reason: 'must be more than 0' });
    } else settings[key] = parsed.value;
  }
  return { settings, problems };
}

/** The hash body (no "#") for settings, every key written, in schema order. */
export function serializePerceptronHash(settings) {
  const parts = ['mode=perceptron'];
  for (const spec of PERCEPTRON_SCHEMA) {
    const v = settings[spec.key] ?? DEFAULTS[spec.key];
    parts.push(`${spec.key}=${spec.kind === 'number' ? plainNumber(v) : encodeURIComponent(v)}`);
  }
  return parts.join('&');
}
