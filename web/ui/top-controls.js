// The top bar's menus: learning rate, regularization and its rate (no reset: the engine takes
// them while training runs, the epoch and the weights stay; the reference rebuilt the network
// for a regularization change), activation and problem type (these rebuild the network; the
// problem type also draws new data, as the reference). Native <select>s, each
// with a <label>, in a container ui-<name> that `<name>_hide=true` hides. The activation menu
// sets every hidden layer's; when the layers differ (the diagram's per-layer menus) it shows
// "Mixed".

import {
  ACTIVATIONS,
  ACTIVATION_TITLES,
  REGULARIZATIONS,
  PROBLEMS,
  LEARNING_RATES,
  REGULARIZATION_RATES,
} from '../options.js';
import { SPEEDS } from '../speed.js';
import { plainNumber } from '../format.js';
import { el } from '../dom.js';

import { isMixed, uniformActivationPatch } from '../layer-options.js';

const TITLES = {
  ...ACTIVATION_TITLES,
  none: 'None',
  L1: 'L1',
  L2: 'L2',
  classification: 'Classification',
  regression: 'Regression',
  max: 'Max',
};

function menu(root, name, label, values, onChange) {
  const select = el(
    'select',
    { id: `control-${name}`, on: { change: () => onChange(select.value) } },
    ...values.map((v) =>
      el('option', {
        value: String(v),
        text: typeof v === 'number' ? plainNumber(v) : TITLES[v] || v,
      }),
    ),
  );
  root.append(
    el(
      'div',
      { className: `control ui-${name}` },
      el('label', { className: 'control-label', htmlFor: `control-${name}`, text: label }),
      select,
    ),
  );
  return select;
}

/** Shows a value the menu does not offer (from a hash) as an extra option, selected. */
function setValue(select, value) {
  const v = typeof value === 'number' ? String(value) : value;
  let opt = [...select.options].find((o) =>
    typeof value === 'number' ? Number(o.value) === value : o.value === v,
  );
  for (const o of [...select.options]) if (o.dataset.extra && o !== opt) o.remove();
  if (!opt) {
    opt = el('option', {
      value: v,
      text: typeof value === 'number' ? plainNumber(value) : v,
      attrs: { 'data-extra': 'true' },
    });
    select.append(opt);
  }
  select.value = opt.value;
}

const MIXED = 'mixed'; // the activation menu's value while the hidden layers differ

/** Shows "Mixed" in the activation menu (an option of its own, selected) while the hidden
 *  layers' activations differ; removes it when they agree. */
function showMixed(select, mixed) {
  let opt = select.querySelector(`option[value="${MIXED}"]`);
  if (!mixed) {
    if (opt) opt.remove();
    return;
  }
  if (!opt) {
    opt = el('option', { value: MIXED, text: 'Mixed (per layer)' });
    select.prepend(opt);
  }
  select.value = MIXED;
}

/** root: #top-controls; actions: {setLearningRate(lr), changeTraining(patch),
 *  changeConfig(patch, opts), changePage(patch)}. */
export function mountTopControls(root, actions) {
  const s = {
    learningRate: menu(root, 'learningRate', 'Learning rate', LEARNING_RATES, (v) =>
      actions.setLearningRate(Number(v)),
    ),
    activation: menu(root, 'activation', 'Activation', ACTIVATIONS, (v) => {
      if (v !== MIXED) actions.changeConfig(uniformActivationPatch(v));
    }),
    regularization: menu(root, 'regularization', 'Regularization', REGULARIZATIONS, (v) =>
      actions.changeTraining({ regularization: v }),
    ),
    regularizationRate: menu(
      root,
      'regularizationRate',
      'Regularization rate',
      REGULARIZATION_RATES,
      (v) => actions.changeTraining({ regularizationRate: Number(v) }),
    ),
    problem: menu(root, 'problem', 'Problem type', PROBLEMS, (v) =>
      actions.changeConfig({ problem: v }, { newData: true }),
    ),
  };
  // Epochs per frame: a page setting (no reset), nnplay's own.
  const speed = menu(root, 'speed', 'Epochs per frame', SPEEDS, (v) =>
    actions.changePage({ speed: v }),
  );
  let last = '';
  return {
    update({ config, page }) {
      const mixed = isMixed(config);
      const key = [
        config.learningRate,
        config.activation,
        mixed && config.activations.join(','),
        config.regularization,
        config.regularizationRate,
        config.problem,
        page.speed,
      ].join('|');
      if (key === last) return;
      last = key;
      for (const name of Object.keys(s)) setValue(s[name], config[name]);
      showMixed(s.activation, mixed);
      setValue(speed, page.speed);
    },
  };
}
