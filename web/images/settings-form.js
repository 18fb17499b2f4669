// The images mode's training settings: the optimizer (the kinds the engine takes for image
// specs, engine/image/train_spec.cpp), learning rate, momentum (for momentum and Nesterov),
// batch size, L2 and the augmentation. A change is sent at once (the engine keeps the trained
// weights when the network stays the same: ImageSession.updateSettings); the engine checks
// the ranges and a refused value is shown at its field with nothing changed. Text that is not
// a number at all is stopped here, named by its field, before anything is sent.

import { el } from '../dom.js';

const OPTIMIZERS = [
  ['sgd', 'SGD'],
  ['momentum', 'SGD with momentum'],
  ['nesterov', 'Nesterov momentum'],
  ['rmsprop', 'RMSprop'],
  ['adam', 'Adam'],
  ['adamw', 'AdamW'],
];
const AUGMENTS = [
  ['none', 'None'],
  ['crop', 'Random crops'],
  ['shift', 'Random shifts'],
];
const HAS_MOMENTUM = new Set(['momentum', 'nesterov']);

/** root: an element to fill; onChange(settings): the new values {optimizer, learningRate,
 *  momentum, batchSize, l2, augment}. Returns {show(spec), applied(kept), refused(errors)}. */
export function mountSettingsForm(root, { onChange }) {
  const inputs = {};
  const errors = {};
  const select = (key, label, options) =>
    (inputs[key] = el(
      'select',
      { attrs: { id: `im-set-${key}`, 'aria-label': label }, on: { change: changed } },
      ...options.map(([v, text]) => el('option', { value: v, text })),
    ));
  const number = (key, label) =>
    (inputs[key] = el('input', {
      type: 'text',
      attrs: { id: `im-set-${key}`, 'aria-label': label, inputmode: 'decimal', size: 8 },
      on: { change: changed },
    }));
  const field = (key, label, control) =>
    el(
      'div',
      { className: 'im-set-field', attrs: { 'data-key': key } },
      el('label', { attrs: { for: `im-set-${key}` }, text: label }),
      control,
      (errors[key] = el('span', { className: 'im-error', hidden: true })),
    );
  const status = el('p', {
    attrs: { id: 'im-set-status', 'aria-live': 'polite' },
    className: 'im-note',
  });
  const momentumField = field('momentum', 'Momentum', number('momentum', 'Momentum'));
  root.replaceChildren(
    el(
      'div',
      { className: 'im-set-grid' },
      field('optimizer', 'Optimizer', select('optimizer', 'Optimizer', OPTIMIZERS)),
      field('learningRate', 'Learning rate', number('learningRate', 'Learning rate')),
      momentumField,
      field('batchSize', 'Batch size', number('batchSize', 'Batch size')),
      field('l2', 'L2 weight decay', number('l2', 'L2 weight decay')),
      field('augment', 'Augmentation', select('augment', 'Augmentation', AUGMENTS)),
    ),
    status,
  );

  function clearErrors() {
    for (const e of Object.values(errors)) {
      e.hidden = true;
      e.textContent = '';
    }
  }
  function showError(key, message) {
    const e = errors[key];
    if (!e) return false;
    e.hidden = false;
    e.textContent = message;
    return true;
  }

  function changed() {
    clearErrors();
    momentumField.hidden = !HAS_MOMENTUM.has(inputs.optimizer.value);
    const out = { optimizer: inputs.optimizer.value, augment: inputs.augment.value };
    let bad = false;
    for (const key of ['learningRate', 'momentum', 'batchSize', 'l2']) {
      const text = inputs[key].value.trim();
      const v = text === '' ? NaN : Number(text);
      if (!Number.isFinite(v)) {
        showError(key, `${key}: must be a number, got ${JSON.stringify(text)}; nothing changed`);
        bad = true;
      }
      out[key] = v;
    }
    if (bad) {
      status.textContent = 'Not applied: a value is not a number.';
      root.dataset.state = 'refused';
      return;
    }
    status.textContent = 'Applying…';
    root.dataset.state = 'applying';
    onChange(out);
  }

  /** Fills the fields from a spec (the page's state.spec). */
  function show(spec) {
    clearErrors();
    status.textContent = '';
    root.dataset.state = 'shown';
    inputs.optimizer.value = spec.optimizer ?? 'momentum';
    inputs.augment.value = spec.augment ?? 'crop';
    for (const key of ['learningRate', 'momentum', 'batchSize', 'l2'])
      inputs[key].value = spec[key] === undefined ? '' : String(spec[key]);
    momentumField.hidden = !HAS_MOMENTUM.has(inputs.optimizer.value);
  }
  function applied(kept) {
    status.textContent = kept
      ? 'Applied to the network as it is trained (its weights kept).'
      : 'Applied: the input size changed, so this is a new network from new weights.';
    root.dataset.state = kept ? 'kept' : 'rebuilt';
  }
  /** The engine's refusal: each message at its field (the others in the status line). */
  function refused(list) {
    clearErrors();
    const rest = list.filter(
      (e) => !showError(e.field, `${e.field}: ${e.message}; nothing changed`),
    );
    status.textContent = rest.length
      ? `Not applied: ${rest.map((e) => `${e.field}: ${e.message}`).join('; ')}`
      : 'Not applied.';
    root.dataset.state = 'refused';
  }
  return { show, applied, refused };
}
