// The images mode's networks: training specs (docs/IMAGES.md, "The training spec") for the
// engine's ImageSession. The ConvNetJS one is the default, as in ConvNetJS's MNIST demo.

const CONVNETJS = {
  layers: [
    { type: 'conv', size: 5, filters: 8, padding: 'same', activation: 'relu' },
    { type: 'pool', size: 2 },
    { type: 'conv', size: 5, filters: 16, padding: 'same', activation: 'relu' },
    { type: 'pool', size: 3 },
    { type: 'softmax' },
  ],
  optimizer: 'momentum',
  learningRate: 0.01,
  momentum: 0.9,
  l2: 0.001,
  batchSize: 20,
  augment: 'crop',
  crop: 24,
};

export const PRESETS = {
  convnetjs: { label: 'ConvNetJS network (2 conv layers)', spec: CONVNETJS },
  small: {
    label: 'Smaller (1 conv layer)',
    spec: {
      ...CONVNETJS,
      layers: [
        { type: 'conv', size: 5, filters: 6, stride: 2, activation: 'relu' },
        { type: 'pool', size: 2 },
        { type: 'softmax' },
      ],
      augment: 'none',
    },
  },
  larger: {
    label: 'Larger (3 conv layers, 16 to 32 filters)',
    spec: {
      ...CONVNETJS,
      layers: [
        { type: 'conv', size: 5, filters: 16, padding: 'same', activation: 'relu' },
        { type: 'pool', size: 2 },
        { type: 'conv', size: 3, filters: 32, padding: 'same', activation: 'relu' },
        { type: 'pool', size: 2 },
        { type: 'conv', size: 3, filters: 32, padding: 'same', activation: 'relu' },
        { type: 'pool', size: 2 },
        { type: 'softmax' },
      ],
    },
  },
  dense: {
    label: 'Dense only (no convolution)',
    spec: {
      ...CONVNETJS,
      layers: [{ type: 'dense', units: 64, activation: 'relu' }, { type: 'softmax' }],
      augment: 'none',
    },
  },
};

/** The spec of preset `name` for data set `data`, with a seed. */
export function presetSpec(name, data) {
  return { ...PRESETS[name].spec, data, seed: 'nnplay' };
}

// The keys of a spec as the page keeps it (view.js's state.spec), in this order.
export const SPEC_KEYS = [
  'layers',
  'optimizer',
  'learningRate',
  'momentum',
  'l2',
  'batchSize',
  'augment',
  'crop',
  'data',
  'seed',
];

// A float the engine wrote back (0.009999999776482582 for 0.01f) as a person wrote it.
const tidy = (v) => (typeof v === 'number' ? Number(v.toPrecision(6)) : v);

/** The engine's effective spec (session.spec(), every key) in the page's shape. */
export function pageSpec(engineSpec) {
  const out = {};
  for (const k of SPEC_KEYS) if (k in engineSpec) out[k] = tidy(engineSpec[k]);
  out.layers = engineSpec.layers.map((l) => {
    const layer = {};
    for (const [k, v] of Object.entries(l)) layer[k] = tidy(v);
    return layer;
  });
  return out;
}

// A layer with the keys it may leave out written in (the engine's defaults, for comparing
// two specs only: the engine reads the spec).
function spelled(l) {
  if (l.type === 'conv')
    return { stride: 1, padding: 'same', activation: 'relu', ...l, type: 'conv' };
  if (l.type === 'pool') return { stride: l.size, ...l };
  if (l.type === 'dense') return { activation: 'relu', ...l };
  return l;
}
const canonical = (spec) =>
  JSON.stringify(
    SPEC_KEYS.map((k) =>
      k === 'layers'
        ? (spec.layers || []).map((l) =>
            Object.entries(spelled(l)).sort(([a], [b]) => (a < b ? -1 : 1)),
          )
        : spec[k],
    ),
  );

/** The preset `spec` is (for its data and seed), or 'custom'. */
export function presetOf(spec) {
  const mine = canonical(spec);
  for (const name of Object.keys(PRESETS))
    if (canonical(presetSpec(name, spec.data)) === mine) return name;
  return 'custom';
}
