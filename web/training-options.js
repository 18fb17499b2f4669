// The training options beyond the reference: optimizers, learning-rate schedules and weight
// initialisations, their parameters with defaults (the engine's, docs/BINDING.md) and the
// ranges the page and the link accept, and which parameters apply to which choice. Pure data
// and two small rules; web/link/playground-link.js reads and writes them, web/ui/
// training-controls.js shows them.

export const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam', 'adamw'];
export const LR_SCHEDULES = ['constant', 'step', 'exponential', 'cosine'];
export const INITS = ['uniform', 'glorotUniform', 'glorotNormal', 'heUniform', 'heNormal'];

export const TRAINING_TITLES = Object.freeze({
  sgd: 'SGD',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
  rmsprop: 'RMSprop',
  adam: 'Adam',
  adamw: 'AdamW',
  constant: 'Constant',
  step: 'Step decay',
  exponential: 'Exponential decay',
  cosine: 'Cosine',
  uniform: 'Reference U(-0.5, 0.5)',
  glorotUniform: 'Glorot uniform',
  glorotNormal: 'Glorot normal',
  heUniform: 'He uniform',
  heNormal: 'He normal',
});

/**
 * The numeric parameters, in the order the link writes them: {key, label, def (the engine's
 * default), min, max, integer}. A value beyond [min, max] is clipped in a link and refused in
 * a field (web/ui/training-controls.js). The moving-average rates stay below 1: at 1 Adam's
 * bias correction divides by zero.
 */
export const TRAINING_NUMBERS = Object.freeze(
  [
    ['momentum', 'Momentum', 0.9, 0, 0.9999],
    ['rmsAlpha', 'Alpha', 0.99, 0, 0.9999],
    ['beta1', 'Beta 1', 0.9, 0, 0.9999],
    ['beta2', 'Beta 2', 0.999, 0, 0.9999],
    ['epsilon', 'Epsilon', 1e-8, 1e-12, 1],
    ['weightDecay', 'Weight decay', 0.01, 0, 1],
    ['lrGamma', 'Decay factor', 0.5, 0.0001, 1],
    ['lrStepEpochs', 'Every (epochs)', 100, 1, 1000000, true],
    ['lrCosineEpochs', 'Over (epochs)', 1000, 1, 1000000, true],
    ['lrMin', 'Lowest rate', 0, 0, 10],
    ['lrWarmupEpochs', 'Warm-up (epochs)', 0, 0, 1000000, true],
  ].map(([key, label, def, min, max, integer = false]) =>
    Object.freeze({ key, label, def, min, max, integer }),
  ),
);

/** Every training key's default: what a link leaves out. */
export const TRAINING_DEFAULTS = Object.freeze({
  optimizer: 'sgd',
  ...Object.fromEntries(TRAINING_NUMBERS.map((n) => [n.key, n.def])),
  lrSchedule: 'constant',
  init: 'uniform',
});

/** The keys the engine changes while training runs (updateTraining), besides learningRate and
 *  regularization; init is not one: new initial weights need a reconfigure. */
export const LIVE_KEYS = Object.freeze([
  'optimizer',
  'lrSchedule',
  ...TRAINING_NUMBERS.map((n) => n.key),
]);

const OPTIMIZER_PARAMS = {
  sgd: [],
  momentum: ['momentum'],
  nesterov: ['momentum'],
  rmsprop: ['rmsAlpha', 'epsilon'],
  adam: ['beta1', 'beta2', 'epsilon'],
  adamw: ['beta1', 'beta2', 'epsilon', 'weightDecay'],
};
const SCHEDULE_PARAMS = {
  constant: ['lrWarmupEpochs'],
  step: ['lrGamma', 'lrStepEpochs', 'lrWarmupEpochs'],
  exponential: ['lrGamma', 'lrStepEpochs', 'lrWarmupEpochs'],
  cosine: ['lrCosineEpochs', 'lrMin', 'lrWarmupEpochs'],
};

/** The parameters an optimizer uses (none for SGD). */
export function optimizerParams(name) {
  return OPTIMIZER_PARAMS[name] || [];
}
/** The parameters a schedule uses (the warm-up with every one). */
export function scheduleParams(name) {
  return SCHEDULE_PARAMS[name] || SCHEDULE_PARAMS.constant;
}

/** True when config (the engine's effective config) trains as the reference does: SGD, a
 *  constant rate without warm-up and the reference's initial weights. */
export function isReferenceTraining(config) {
  return (
    (config.optimizer ?? 'sgd') === 'sgd' &&
    (config.lrSchedule ?? 'constant') === 'constant' &&
    (config.lrWarmupEpochs ?? 0) === 0 &&
    (config.init ?? 'uniform') === 'uniform'
  );
}
