// The data column's sliders and button: ratio of training to test data (10..90 %), noise
// (0..50), batch size (1..30), and regenerate (new data from a new seed, network kept). Ratio
// and noise make new data, so they draw a new seed from the stream (as the reference); batch
// size rebuilds the network. A hash may hold values past a slider's range: the label shows
// the real value. Containers ui-<name> are what `<name>_hide=true` hides.

import { el } from '../dom.js';

function slider(root, name, label, { min, max, step, suffix = '' }, onInput) {
  const value = el('span', { className: 'slider-value' });
  const input = el('input', {
    type: 'range',
    id: `control-${name}`,
    min,
    max,
    step,
    on: { input: () => onInput(Number(input.value)) },
  });
  root.append(
    el(
      'div',
      { className: `slider ui-${name}` },
      el('label', { htmlFor: `control-${name}` }, el('span', { text: `${label}: ` }), value),
      input,
    ),
  );
  return { input, value, suffix };
}

/** root: #data-controls; actions: {changeConfig(patch, opts), regenerate()}. */
export function mountDataControls(root, actions) {
  const s = {
    percTrainData: slider(
      root,
      'percTrainData',
      'Ratio of training to test data',
      { min: 10, max: 90, step: 10, suffix: '%' },
      (v) => actions.changeConfig({ percTrainData: v }, { newData: true }),
    ),
    noise: slider(root, 'noise', 'Noise', { min: 0, max: 50, step: 5 }, (v) =>
      actions.changeConfig({ noise: v }, { newData: true }),
    ),
    batchSize: slider(root, 'batchSize', 'Batch size', { min: 1, max: 30, step: 1 }, (v) =>
      actions.changeConfig({ batchSize: v }),
    ),
  };
  root.append(
    el('button', {
      type: 'button',
      className: 'text-button ui-dataset ui-regenerate',
      id: 'regenerate-button',
      text: 'Regenerate',
      title: 'New data from a new seed; the network is kept',
      attrs: { 'aria-label': 'Regenerate the data (new seed, same network)' },
      on: { click: () => actions.regenerate() },
    }),
  );
  let last = '';
  return {
    update({ config }) {
      const key = [config.percTrainData, config.noise, config.batchSize].join('|');
      if (key === last) return;
      last = key;
      for (const [name, sl] of Object.entries(s)) {
        sl.input.value = String(config[name]);
        sl.value.textContent = `${config[name]}${sl.suffix}`;
      }
    },
  };
}
