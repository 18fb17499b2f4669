// The playground's option lists: the input features (the one JS list; a node test checks it
// against the engine's table, Module.featureNames()), activations, regularisations, problems,
// datasets, the menus' rates, and the controls a link may hide. Pure data and two small rules
// about datasets.

/** The input features in the engine's fixed order, with the reference's labels. */
export const FEATURES = Object.freeze(
  [
    ['x', 'X₁'],
    ['y', 'X₂'],
    ['xSquared', 'X₁²'],
    ['ySquared', 'X₂²'],
    ['xTimesY', 'X₁X₂'],
    ['sinX', 'sin(X₁)'],
    ['sinY', 'sin(X₂)'],
  ].map(([key, label]) => Object.freeze({ key, label })),
);
export const FEATURE_KEYS = Object.freeze(FEATURES.map((f) => f.key));

/** The engine's activations (engine/activations.hpp): the reference's four, then nnplay's. */
export const ACTIVATIONS = [
  'relu',
  'tanh',
  'sigmoid',
  'linear',
  'leakyRelu',
  'elu',
  'gelu',
  'swish',
  'softplus',
  'sine',
];
/** Their names in the menus. */
export const ACTIVATION_TITLES = Object.freeze({
  relu: 'ReLU',
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  linear: 'Linear',
  leakyRelu: 'Leaky ReLU',
  elu: 'ELU',
  gelu: 'GELU',
  swish: 'Swish',
  softplus: 'Softplus',
  sine: 'Sine',
});
export const REGULARIZATIONS = ['none', 'L1', 'L2'];
export const PROBLEMS = ['classification', 'regression'];
export const CLASSIFICATION_DATASETS = ['circle', 'xor', 'gauss', 'spiral'];
export const REGRESSION_DATASETS = ['reg-plane', 'reg-gauss'];

/** The learning rates and regularisation rates the reference's menus offer. */
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

/** Controls `<name>_hide=true` hides (the reference's HIDABLE_CONTROLS ids); a feature's
 *  name removes its input toggle. */
export const HIDABLE_CONTROLS = [
  'showTestData',
  'discretize',
  'playButton',
  'stepButton',
  'resetButton',
  'learningRate',
  'activation',
  'regularization',
  'regularizationRate',
  'problem',
  'dataset',
  'percTrainData',
  'noise',
  'batchSize',
  'numHiddenLayers',
];

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
