// The training options: a "Training" button among the top bar's menus (its value says what is
// in force: "SGD" by default) that opens a panel under the bar with the optimizer, the
// learning-rate schedule and the initial weights, each a menu with the small number fields of
// the parameters that apply to the choice (the others are hidden). The optimizer, the schedule
// and the numbers change while training runs (the weights stay); the initial weights rebuild
// the network, as a change of activation does. A field's text that is not a number in its
// range is refused: the field shows the value in force again and the notice names the field.
// Containers ui-<key> are what `<key>_hide=true` hides.

import {
  OPTIMIZERS,
  LR_SCHEDULES,
  INITS,
  TRAINING_TITLES,
  TRAINING_NUMBERS,
  TRAINING_DEFAULTS,
  optimizerParams,
  scheduleParams,
} from '../training-options.js';
import { parseValue, numberIn } from '../link/hash-codec.js';
import { plainNumber } from '../format.js';
import { el } from '../dom.js';
import { setText, setAttr } from './writes.js';

const value = (config, key) => config[key] ?? TRAINING_DEFAULTS[key];

function menu(name, label, values, onChange) {
  const select = el(
    'select',
    { id: `control-${name}`, on: { change: () => onChange(select.value) } },
    ...values.map((v) => el('option', { value: v, text: TRAINING_TITLES[v] })),
  );
  const box = el(
    'div',
    { className: `control ui-${name}` },
    el('label', { className: 'control-label', htmlFor: `control-${name}`, text: label }),
    select,
  );
  return { box, select };
}

/** The field's text checked as a link value would be, but refused (not clipped) beyond its
 *  range: {ok, value} or {ok: false, reason}. */
export function readField(spec, text) {
  const parsed = parseValue(numberIn(spec.min, spec.max, spec.integer), String(text).trim());
  if (!parsed.ok) return parsed;
  if (parsed.clipped) {
    const range = `${plainNumber(spec.min)} to ${plainNumber(spec.max)}`;
    return { ok: false, reason: `out of range (${range})` };
  }
  return parsed;
}

function field(spec, onCommit) {
  const input = el('input', {
    type: 'text',
    id: `control-${spec.key}`,
    className: 'number-field',
    autocomplete: 'off',
    spellcheck: false,
    attrs: { inputmode: spec.integer ? 'numeric' : 'decimal' },
    on: { change: () => onCommit(input) },
  });
  const box = el(
    'div',
    { className: `control field ui-${spec.key}` },
    el('label', { className: 'control-label', htmlFor: input.id, text: spec.label }),
    input,
  );
  return { box, input, spec };
}

/** The button's value: the optimizer, and the schedule and initial weights when not the
 *  defaults. */
export function trainingSummary(config) {
  const parts = [TRAINING_TITLES[value(config, 'optimizer')] || value(config, 'optimizer')];
  const schedule = value(config, 'lrSchedule');
  if (schedule !== 'constant') parts.push(TRAINING_TITLES[schedule] || schedule);
  else if (value(config, 'lrWarmupEpochs') > 0) parts.push('warm-up');
  const init = value(config, 'init');
  if (init !== 'uniform') parts.push(TRAINING_TITLES[init] || init);
  return parts.join(', ');
}

/** button: the top bar's #training-button (inside a .control with its label); panel:
 *  #training-options; actions: {changeTraining(patch), changeConfig(patch), fieldRefused(key,
 *  text, reason, kept)}. Returns {update(view)}. */
export function mountTrainingControls({ button, summary, panel }, actions) {
  const numbers = new Map(
    TRAINING_NUMBERS.map((spec) => [
      spec.key,
      field(spec, (input) => {
        const r = readField(spec, input.value);
        if (!r.ok) actions.fieldRefused(spec.key, input.value, r.reason, shown[spec.key]);
        // The engine may refuse it too (it names why): the field shows the value in force.
        const taken =
          r.ok &&
          (r.value === shown[spec.key] || actions.changeTraining({ [spec.key]: r.value }).ok);
        if (taken) {
          input.removeAttribute('aria-invalid');
        } else {
          input.setAttribute('aria-invalid', 'true');
          input.value = plainNumber(shown[spec.key]);
        }
      }),
    ]),
  );
  // A menu's choice the engine refuses leaves the menu on the choice in force.
  const choose = (key, change) => (v) => {
    if (!change({ [key]: v }).ok) menus[key].select.value = shownChoice[key];
  };
  const menus = {
    optimizer: menu(
      'optimizer',
      'Optimizer',
      OPTIMIZERS,
      choose('optimizer', actions.changeTraining),
    ),
    lrSchedule: menu(
      'lrSchedule',
      'Learning-rate schedule',
      LR_SCHEDULES,
      choose('lrSchedule', actions.changeTraining),
    ),
    init: menu('init', 'Initial weights', INITS, choose('init', actions.changeConfig)),
  };
  const { optimizer, lrSchedule: schedule, init } = menus;
  const shownChoice = {};
  const group = (title, first, keys) =>
    el(
      'div',
      { className: 'training-group', attrs: { role: 'group', 'aria-label': title } },
      first.box,
      ...keys.map((k) => numbers.get(k).box),
    );
  panel.replaceChildren(
    group('Optimizer', optimizer, [
      'momentum',
      'rmsAlpha',
      'beta1',
      'beta2',
      'epsilon',
      'weightDecay',
    ]),
    group('Learning-rate schedule', schedule, [
      'lrGamma',
      'lrStepEpochs',
      'lrCosineEpochs',
      'lrMin',
      'lrWarmupEpochs',
    ]),
    group('Initial weights', init, []),
    el('p', {
      className: 'training-note',
      text: 'The optimizer, the schedule and their numbers change while training runs and keep the weights; new initial weights rebuild the network.',
    }),
  );
  button.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    button.setAttribute('aria-expanded', String(!panel.hidden));
  });

  const shown = {}; // the numbers in force, as the fields last showed them
  let last = '';
  return {
    update({ config }) {
      const key = [...Object.keys(TRAINING_DEFAULTS).map((k) => value(config, k))].join('|');
      if (key === last) return;
      last = key;
      setText(summary, trainingSummary(config));
      for (const [k, m] of Object.entries(menus))
        m.select.value = shownChoice[k] = value(config, k);
      const applies = new Set([
        ...optimizerParams(value(config, 'optimizer')),
        ...scheduleParams(value(config, 'lrSchedule')),
      ]);
      for (const [k, f] of numbers) {
        shown[k] = value(config, k);
        f.box.hidden = !applies.has(k);
        f.input.value = plainNumber(shown[k]);
        f.input.removeAttribute('aria-invalid');
      }
      setAttr(button, 'aria-label', `Training options: ${trainingSummary(config)}`);
    },
  };
}
