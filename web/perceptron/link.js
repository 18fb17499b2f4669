// The perceptron lab's link schema: its part of the URL hash <-> settings,
// "gate=and&w0=3&w1=-4&w2=2&activation=sigmoid&learningRate=1" (then `speed`, the examples
// trained per frame while running, when not the default 4, as the playground's own `speed`;
// the router adds
// `mode=perceptron` in front and `embed` after: web/router.js). Parsed key by key by the
// shared rule (web/link/hash-codec.js): a bad value is dropped and listed, a value beyond a
// limit clipped and listed, the valid rest kept, absent keys at the defaults (the talk's
// start: w0 = 3, w1 = -4, w2 = 2, a sigmoid). Pure: no DOM, no engine.

import {
  splitShared,
  joinShared,
  readEntry,
  formatValue,
  preview,
  enumOf,
  numberIn,
} from '../link/hash-codec.js';
import { LEARNING_RATES as PLAYGROUND_RATES } from '../options.js';

export const GATES = ['and', 'or', 'nand', 'nor', 'xor', 'not'];
export const OUTPUT_ACTIVATIONS = ['sigmoid', 'tanh', 'linear', 'relu'];
/** The learning rates the page offers (the playground's list, without the tiny ones). */
export const LEARNING_RATES = PLAYGROUND_RATES.filter((r) => r >= 0.01);
/** Weights a link may carry; the sliders span -10..10, training may go beyond. */
export const WEIGHT_LIMIT = 1000;

/** Examples trained per frame while running: one, an epoch of the 4-row tables, up to 1000
 *  (60,000 a second at 60 frames a second). */
export const SPEEDS = ['1', '4', '10', '100', '1000'];
export const DEFAULT_SPEED = '4';

export const DEFAULTS = Object.freeze({
  gate: 'and',
  w0: 3,
  w1: -4,
  w2: 2,
  activation: 'sigmoid',
  learningRate: 1,
}); // and speed: DEFAULT_SPEED when the link gives none (a page key, kept by the controller)

/** The config keys whose change is a new history entry; the weights and the rate replace it. */
export const DISCRETE_KEYS = Object.freeze(['gate', 'activation']);

const weight = numberIn(-WEIGHT_LIMIT, WEIGHT_LIMIT);

/** The lab's keys in hash order, with their kinds. */
export const PERCEPTRON_SCHEMA = [
  ['gate', enumOf(GATES)],
  ['w0', weight],
  ['w1', weight],
  ['w2', weight],
  ['activation', enumOf(OUTPUT_ACTIVATIONS)],
  ['learningRate', numberIn(0, Math.max(...LEARNING_RATES))],
  ['speed', enumOf(SPEEDS)],
].map(([key, type]) => ({ key, ...type }));

const BY_KEY = new Map(PERCEPTRON_SCHEMA.map((s) => [s.key, s]));

/** Parses the lab's entries (the shared keys already taken out):
 *  {settings (defaults filled in), problems [{key, value, reason}]}. */
export function parsePerceptronEntries(entries) {
  const settings = { ...DEFAULTS };
  const problems = [];
  for (const { key, raw, problem } of entries) {
    if (problem) {
      problems.push({ key, value: raw, reason: problem });
      continue;
    }
    const spec = BY_KEY.get(key);
    if (!spec) {
      problems.push({ key: preview(key), value: preview(raw), reason: 'unknown key' });
      continue;
    }
    const found = [];
    const r = readEntry(spec, key, raw, found);
    if (r.ok && key === 'learningRate' && r.value <= 0) {
      // a rate of 0 learns nothing: no limit to clip to
      problems.push({ key, value: preview(raw), reason: 'must be more than 0' });
      continue;
    }
    problems.push(...found);
    if (r.ok) settings[key] = r.value;
  }
  return { settings, problems };
}

/** Parses a whole lab link ("#mode=perceptron&..."), the shared keys' problems listed too. */
export function parsePerceptronHash(hash) {
  const shared = splitShared(hash, ['perceptron']);
  const parsed = parsePerceptronEntries(shared.entries);
  return { settings: parsed.settings, problems: [...shared.problems, ...parsed.problems] };
}

/** The lab's hash body (no "#", no shared keys) for settings, every key written, in order,
 *  but `speed` only when not the default (a page key, as the playground's). */
export function serializePerceptron(settings) {
  return PERCEPTRON_SCHEMA.filter(
    (spec) => spec.key !== 'speed' || (settings.speed ?? DEFAULT_SPEED) !== DEFAULT_SPEED,
  )
    .map((spec) => `${spec.key}=${formatValue(spec, settings[spec.key] ?? DEFAULTS[spec.key])}`)
    .join('&');
}

/** The whole link: `mode=perceptron` and the lab's body. */
export function serializePerceptronHash(settings) {
  return joinShared(
    { mode: 'perceptron', isDefault: false, embed: false },
    serializePerceptron(settings),
  );
}
