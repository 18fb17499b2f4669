// The images mode's model files (docs/MODELS.md, kind cnn): "Download network" saves the
// trained network (the engine's exportModel, asked of the worker), "Load network" and a .json
// file dropped on the mode read one. A file is checked here first (not JSON, not a model, a
// newer version, a playground model: a plain message) and then by the engine (its fields);
// a file trained on the other data set switches the data set before it loads.

import { el } from '../dom.js';
import { checkModelText, checkModelSize } from '../model-file.js';

const CHECK = {
  kinds: ['cnn'],
  where: 'the images mode (a playground model opens in the playground)',
};
const quoted = (file) => (file.name ? `"${file.name.slice(0, 80)}"` : 'The file');

/** The file name a network downloads as: nnplay-images-<data>-epoch<N>.json. */
export function imageModelFileName(data, epoch) {
  const safe = String(data).replace(/[^A-Za-z0-9_-]/g, '') || 'images';
  return `nnplay-images-${safe}-epoch${Number.isFinite(epoch) ? epoch : 0}.json`;
}

/** Saves text as a file called name (a Blob URL and a download link). */
export function saveText(text, name) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = el('a', { attrs: { href: url, download: name } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** dropTarget: the mode's root; actions: {download(), load(text, name, model),
 *  refuse(errors, name)}. Returns {download, load, input}: the two buttons and the hidden
 *  file input, for the caller to place. */
export function mountImageModelFiles(dropTarget, actions) {
  const download = el('button', {
    type: 'button',
    id: 'im-download',
    text: 'Download network',
    attrs: { 'aria-label': 'Download the network as a model file' },
    on: { click: () => actions.download() },
  });
  const input = el('input', {
    type: 'file',
    id: 'im-model-file',
    hidden: true,
    attrs: { accept: '.json,application/json', 'aria-label': 'Network file to load' },
  });
  const load = el('button', {
    type: 'button',
    id: 'im-load',
    text: 'Load network',
    attrs: { 'aria-label': 'Load a network file (or drop one on the page)' },
    on: { click: () => input.click() },
  });

  async function read(file) {
    const name = quoted(file);
    const big = checkModelSize(file.size);
    if (big) return actions.refuse(big.errors, name);
    let text;
    try {
      text = await file.text();
    } catch (e) {
      return actions.refuse(
        [{ field: '(file)', message: `could not be read (${e.message})` }],
        name,
      );
    }
    const checked = checkModelText(text, CHECK);
    if (!checked.ok) return actions.refuse(checked.errors, name);
    return actions.load(text, name, checked.model);
  }
  input.addEventListener('change', () => {
    const file = input.files && input.files[0];
    input.value = '';
    if (file) read(file);
  });
  const isJson = (file) => /\.json$/i.test(file.name) || file.type === 'application/json';
  dropTarget.addEventListener('dragover', (event) => event.preventDefault());
  dropTarget.addEventListener('drop', (event) => {
    const file = event.dataTransfer && event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    if (isJson(file)) read(file);
    else
      actions.refuse(
        [
          {
            field: '(file)',
            message: 'not a network file (.json); drop pictures on the drawing box',
          },
        ],
        quoted(file),
      );
  });
  return { download, load, input, read, isJson };
}
