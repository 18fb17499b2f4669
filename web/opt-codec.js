// The `opt` link key (docs/LINKS.md): the optimizer state and the training position of a
// carried network, so that training on from a link gives exactly the numbers of training
// straight through. Generic over the model file's `optimizer` and `training` objects
// (docs/MODELS.md) minus `training.initial`, `training.rng` (the weights' generator, which
// training never draws from) and `training.resets` (the page's link has its own): a field the engine adds there travels too.
// base64url of [1 (version), the structure's length (uint32 LE), the structure as JSON UTF-8
// with every non-empty array of numbers replaced by {"#": its length}, then those arrays'
// numbers in order as little-endian float64] (exact doubles, as web/params-codec.js).

import { toBase64Url, fromBase64Url } from './params-codec.js';

const VERSION = 1;

const isNumberArray = (v) =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number');

/** The part of a model file (its parsed object) that `opt` carries. */
export function optState(model) {
  const training = { ...(model.training || {}) };
  delete training.initial;
  // The weights' generator is not carried: the page that opens the link keeps its own (the
  // position after its configure), so that its next reset is what its resets=0 says.
  delete training.rng;
  // Nor the reset count: the page's own (its link's resets key) stays the count in force.
  delete training.resets;
  return { optimizer: model.optimizer, training };
}

/** Encodes {optimizer, training} (optState) as an `opt` code. */
export function encodeOpt(state) {
  const numbers = [];
  const structure = JSON.stringify(state, (key, v) => {
    if (!isNumberArray(v)) return v;
    numbers.push(v);
    return { '#': v.length };
  });
  const json = new TextEncoder().encode(structure);
  const count = numbers.reduce((n, a) => n + a.length, 0);
  const bytes = new Uint8Array(5 + json.length + 8 * count);
  const view = new DataView(bytes.buffer);
  bytes[0] = VERSION;
  view.setUint32(1, json.length, true);
  bytes.set(json, 5);
  let at = 5 + json.length;
  for (const a of numbers)
    for (const x of a) {
      view.setFloat64(at, x, true);
      at += 8;
    }
  return toBase64Url(bytes);
}

/** Decodes an `opt` code to {optimizer, training}; throws an Error naming the problem. */
export function decodeOpt(code) {
  const bytes = fromBase64Url(code);
  if (bytes.length < 5) throw new Error('too short');
  if (bytes[0] !== VERSION) throw new Error(`version ${bytes[0]}, not ${VERSION}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(1, true);
  if (5 + length > bytes.length) throw new Error('cut short');
  let state;
  try {
    state = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(5, 5 + length)),
    );
  } catch {
    throw new Error('its structure is not readable');
  }
  let at = 5 + length;
  const restored = JSON.parse(JSON.stringify(state), (key, v) => {
    if (!v || typeof v !== 'object' || Array.isArray(v) || Object.keys(v).join() !== '#') return v;
    const n = v['#'];
    if (!Number.isInteger(n) || n < 1 || at + 8 * n > bytes.length) throw new Error('cut short');
    const out = new Array(n);
    for (let i = 0; i < n; i++, at += 8) out[i] = view.getFloat64(at, true);
    return out;
  });
  if (at !== bytes.length) throw new Error('bytes left over');
  if (!restored || typeof restored !== 'object' || !restored.optimizer || !restored.training)
    throw new Error('no optimizer or training state');
  return restored;
}
