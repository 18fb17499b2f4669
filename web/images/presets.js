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
