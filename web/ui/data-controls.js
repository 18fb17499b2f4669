// The data column's sliders and button: ratio of training to test data (10..90 %), noise
// (0..50), batch size (1..30), and regenerate (new data from a new seed, network kept). Ratio
// and noise make new data, so they draw a new seed from the stream (as the reference); batch
// size rebuilds the network. A hash may hold values past a slider's range: the label shows
// the real value. Containers ui-<name> are what `<name>_hide=true` hides.

function slider(root, name, label, { min, max, step, suffix = '' }, onInput) {
  const box = document.createElement('div');
  box.className = `slider ui-${name}`;
  const lab = document.createElement('label');
  lab.htmlFor = `control-${name}`;
  const text = document.createElement('span');
  text.textContent = `${label}: `;
  const value = document.createElement('span');
  value.className = 'slider-value';
  lab.append(text, value);
  const input = document.createElement('input');
  input.type = 'range';
  input.id = `control-${name}`;
  Object.assign(input, { min, max, step });
  input.addEventListener('input', () => onInput(Number(input.value)));
  box.append(lab, input);
  root.append(box);
  return { input, value, suffix };
}

/** root: #data-controls; actions: {changeConfig(patch, opts), regenerate()}. */
export function mountDataControls(root, actions) {
  const s = {
    percTrainData: slider(root, 'percTrainData', 'Ratio of training to test data', { min: 10, max: 90, step: 10, suffix: '%' },
      (v) => actions.changeConfig({ percTrainData: v }, { newData: true })),
    noise: slider(root, 'noise', 'Noise', { min: 0, max: 50, step: 5 },
      (v) => actions.changeConfig({ noise: v }, { newData: true })),
    batchSize: slider(root, 'batchSize', 'Batch size', { min: 1, max: 30, step: 1 },
      (v) => actions.changeConfig({ batchSize: v })),
  };
  const regen = document.createElement('button');
  regen.type = 'button';
  regen.className = 'text-button ui-dataset ui-regenerate';
  regen.id = 'regenerate-button';
  regen.textContent = 'Regenerate';
  regen.title = 'New data from a new seed; the network is kept';
  regen.setAttribute('aria-label', 'Regenerate the data (new seed, same network)');
  regen.addEventListener('click', () => actions.regenerate());
  root.append(regen);
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
