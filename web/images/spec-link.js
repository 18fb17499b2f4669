// An image network's training spec in the images mode's link (docs/LINKS.md, "The images
// mode"): the layers as one compact value, `layers=conv5x8,pool2,conv5x16,pool3,softmax`, and
// each training setting under its spec field's name (`learningRate=0.01&batchSize=20`). Only
// the link's form is checked here (a layer token, a number, a word); the ranges are the
// engine's (engine/image/train_spec.cpp), which names the field when it refuses a spec.
// Pure: no DOM, no engine.

// Layer tokens: conv<size>x<filters>, pool<size>, dense<units>, softmax; then options after
// "-": s<stride>, valid (conv; same is the default), an activation (conv and dense; relu is
// the default). Examples: conv5x8, conv3x16-s2-valid-tanh, pool3-s2, dense64-sigmoid.
const ACTIVATIONS = ['relu', 'leakyrelu', 'elu', 'tanh', 'sigmoid', 'linear'];
const TOKEN = /^(conv)(\d{1,3})x(\d{1,4})|^(pool)(\d{1,3})|^(dense)(\d{1,5})|^(softmax)/;
export const MAX_LINK_LAYERS = 32;

/** The spec's settings in the link, by kind of value. */
export const SPEC_NUMBERS = [
  'learningRate',
  'momentum',
  'beta1',
  'beta2',
  'epsilon',
  'rmsAlpha',
  'weightDecay',
  'l2',
  'batchSize',
  'epochs',
  'crop',
  'shift',
];
export const SPEC_WORDS = {
  optimizer: ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam', 'adamw'],
  augment: ['none', 'crop', 'shift'],
};
export const SPEC_KEYS = ['layers', ...SPEC_NUMBERS, ...Object.keys(SPEC_WORDS), 'seed'];

/** One layer (a training spec's layers[i]) as its link token. */
export function layerToken(layer) {
  const opts = [];
  if (layer.type === 'conv') {
    if (layer.stride && layer.stride !== 1) opts.push(`s${layer.stride}`);
    if (layer.padding === 'valid') opts.push('valid');
    if (layer.activation && layer.activation !== 'relu') opts.push(layer.activation);
    return [`conv${layer.size ?? 3}x${layer.filters ?? 8}`, ...opts].join('-');
  }
  if (layer.type === 'pool') {
    if (layer.stride && layer.stride !== layer.size) opts.push(`s${layer.stride}`);
    return [`pool${layer.size ?? 2}`, ...opts].join('-');
  }
  if (layer.type === 'dense') {
    if (layer.activation && layer.activation !== 'relu') opts.push(layer.activation);
    return [`dense${layer.units ?? 64}`, ...opts].join('-');
  }
  return 'softmax';
}

/** The layers' link value. */
export const encodeLayers = (layers) => layers.map(layerToken).join(',');

/** A link value -> {layers} or {error} (what is wrong, naming the layer). */
export function decodeLayers(text) {
  const tokens = String(text).split(',');
  if (tokens.length > MAX_LINK_LAYERS)
    return { error: `at most ${MAX_LINK_LAYERS} layers, got ${tokens.length}` };
  const layers = [];
  for (const [i, token] of tokens.entries()) {
    const where = `layer ${i + 1} ("${token.slice(0, 30)}")`;
    const [head, ...opts] = token.split('-');
    const m = TOKEN.exec(head);
    if (!m || m[0] !== head)
      return { error: `${where}: not conv<size>x<filters>, pool<size>, dense<units> or softmax` };
    let layer;
    if (m[1]) layer = { type: 'conv', size: Number(m[2]), filters: Number(m[3]) };
    else if (m[4]) layer = { type: 'pool', size: Number(m[5]) };
    else if (m[6]) layer = { type: 'dense', units: Number(m[7]) };
    else layer = { type: 'softmax' };
    for (const opt of opts) {
      const stride = /^s(\d{1,3})$/.exec(opt);
      if (stride && (layer.type === 'conv' || layer.type === 'pool'))
        layer.stride = Number(stride[1]);
      else if (opt === 'valid' && layer.type === 'conv') layer.padding = 'valid';
      else if (ACTIVATIONS.includes(opt) && (layer.type === 'conv' || layer.type === 'dense'))
        layer.activation = opt;
      else
        return {
          error: `${where}: "${opt.slice(0, 20)}" is not an option of a ${layer.type} layer`,
        };
    }
    if (layer.type === 'conv') {
      layer.padding ??= 'same';
      layer.activation ??= 'relu';
    }
    if (layer.type === 'dense') layer.activation ??= 'relu';
    layers.push(layer);
  }
  return { layers };
}

/** One link entry of the spec (key in SPEC_KEYS) -> {value} or {reason}. */
export function decodeSpecValue(key, raw) {
  if (key === 'layers') {
    const r = decodeLayers(raw);
    return r.error ? { reason: r.error } : { value: r.layers };
  }
  if (SPEC_NUMBERS.includes(key)) {
    const v = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(raw) ? Number(raw) : NaN;
    return Number.isFinite(v) ? { value: v } : { reason: 'must be a number' };
  }
  if (key in SPEC_WORDS)
    return SPEC_WORDS[key].includes(raw)
      ? { value: raw }
      : { reason: `must be one of ${SPEC_WORDS[key].join(', ')}` };
  if (key === 'seed')
    return raw.length && raw.length <= 200
      ? { value: raw }
      : { reason: 'must be 1 to 200 characters' };
  return { reason: 'unknown key' };
}

/** A spec's link entries, in SPEC_KEYS' order: [[key, text]] (the data set is the link's own
 *  key, not written here). */
export function specEntries(spec) {
  const out = [];
  for (const key of SPEC_KEYS) {
    if (spec[key] === undefined || spec[key] === null) continue;
    out.push([key, key === 'layers' ? encodeLayers(spec[key]) : String(spec[key])]);
  }
  return out;
}
