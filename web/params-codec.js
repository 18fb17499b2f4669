// The `params` link key: a trained network in a URL, exact (Float64), compact (base64url).
// Bytes: [version=1, L, size_0 .. size_{L-1}] then the epoch (float64 LE), then the L1-dead
// flags as a bitset over the flat parameter array (ceil(P/8) bytes), then the P parameters
// (float64 LE), in the engine's flat layout (web/params-layout.js). Exact values mean
// training continues from a shared link with the same numbers. Pure: no DOM, no engine.

import { paramCount } from './params-layout.js';

export const PARAMS_VERSION = 1;
const MAX_SIZE = 255;

export function toBase64Url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  let bin;
  try {
    bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  } catch {
    throw new Error('not base64url');
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Encodes {sizes, params, dead, epoch} (sizes inputs first; params/dead flat, same length). */
export function encodeParams({ sizes, params, dead = null, epoch = 0 }) {
  const p = paramCount(sizes);
  if (params.length !== p) throw new Error(`params: ${params.length} values for ${p} parameters`);
  if (sizes.length > MAX_SIZE || sizes.some((s) => !Number.isInteger(s) || s < 1 || s > MAX_SIZE)) {
    throw new Error('params: layer sizes out of range');
  }
  const head = 2 + sizes.length;
  const bits = Math.ceil(p / 8);
  const bytes = new Uint8Array(head + 8 + bits + 8 * p);
  bytes[0] = PARAMS_VERSION;
  bytes[1] = sizes.length;
  bytes.set(sizes, 2);
  const view = new DataView(bytes.buffer);
  view.setFloat64(head, epoch, true);
  for (let k = 0; k < p; k++) if (dead && dead[k]) bytes[head + 8 + (k >> 3)] |= 1 << (k & 7);
  const at = head + 8 + bits;
  for (let k = 0; k < p; k++) view.setFloat64(at + 8 * k, params[k], true);
  return toBase64Url(bytes);
}

/** Decodes a params code: {sizes, params: Float64Array, dead: Uint8Array, epoch}.
 *  Throws an Error whose message says what is wrong (for the notice). */
export function decodeParams(text) {
  const bytes = fromBase64Url(String(text));
  if (bytes.length < 2) throw new Error('too short');
  if (bytes[0] !== PARAMS_VERSION) throw new Error(`unknown version ${bytes[0]}`);
  const L = bytes[1];
  if (L < 2) throw new Error('fewer than two layers');
  const head = 2 + L;
  if (bytes.length < head + 8) throw new Error('too short');
  const sizes = Array.from(bytes.subarray(2, head));
  if (sizes.some((s) => s < 1)) throw new Error('a layer of size 0');
  const p = paramCount(sizes);
  const bits = Math.ceil(p / 8);
  if (bytes.length !== head + 8 + bits + 8 * p) throw new Error('wrong length for its layer sizes');
  const view = new DataView(bytes.buffer);
  const epoch = view.getFloat64(head, true);
  if (!Number.isInteger(epoch) || epoch < 0 || epoch > 2 ** 53) throw new Error('bad epoch');
  const dead = new Uint8Array(p);
  for (let k = 0; k < p; k++) dead[k] = (bytes[head + 8 + (k >> 3)] >> (k & 7)) & 1;
  const params = new Float64Array(p);
  const at = head + 8 + bits;
  for (let k = 0; k < p; k++) {
    params[k] = view.getFloat64(at + 8 * k, true);
    if (!Number.isFinite(params[k])) throw new Error('a value that is not finite');
  }
  return { sizes, params, dead, epoch };
}
