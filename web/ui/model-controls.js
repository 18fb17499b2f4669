// The model file controls (docs/MODELS.md, "In the page"): the network's summary line
// ("2 → 4 → 2 → 1, 25 parameters", written only when it changes), "Download model" (a Blob of
// the engine's exportModel()), "Load model" (a file picker) and a file dropped anywhere on the
// page (the body shows a drop highlight while a file is over it).

import { el } from '../dom.js';
import { setText } from './writes.js';
import { modelSummary, checkModelSize } from '../model-file.js';

/** root: #model-file; actions: {modelFile() -> {text, name}, loadModel(text, name),
 *  refuseModel(result, name)}; dropTarget: the element a file may be dropped on (the body).
 *  Returns {update(view)}. */
export function mountModelControls(root, actions, dropTarget = document.body) {
  const summary = el('span', { id: 'model-summary', className: 'model-summary' });
  const download = el('button', {
    type: 'button',
    id: 'download-model',
    className: 'text-button',
    text: 'Download model',
    attrs: { 'aria-label': 'Download the trained network as a model file' },
  });
  const input = el('input', {
    type: 'file',
    id: 'load-model-file',
    hidden: true,
    attrs: { accept: '.json,application/json', 'aria-label': 'Model file to load' },
  });
  const load = el('button', {
    type: 'button',
    id: 'load-model',
    className: 'text-button',
    text: 'Load model',
    attrs: { 'aria-label': 'Load a model file (or drop one on the page)' },
  });
  root.append(summary, download, load, input);

  download.addEventListener('click', () => {
    const { text, name } = actions.modelFile();
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = el('a', { attrs: { href: url, download: name } });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });

  async function readFile(file) {
    const name = file.name ? `"${file.name.slice(0, 80)}"` : 'The file';
    const tooLarge = checkModelSize(file.size);
    if (tooLarge) return actions.refuseModel(tooLarge, name);
    let text;
    try {
      text = await file.text();
    } catch (e) {
      return actions.refuseModel(
        { ok: false, errors: [{ field: '(file)', message: `could not be read (${e.message})` }] },
        name,
      );
    }
    return actions.loadModel(text, name);
  }

  load.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files && input.files[0];
    input.value = '';
    if (file) readFile(file);
  });

  // Only while the playground is the page's mode (web/mode-tabs.js says which on the body):
  // a file dropped in the images mode is a picture for it, not a model for the hidden playground.
  const playgroundShown = () => (document.body.dataset.mode || 'playground') === 'playground';
  const hasFiles = (e) =>
    playgroundShown() && e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
  let depth = 0; // dragenter/dragleave pairs over the target's children
  const highlight = (on) => dropTarget.classList.toggle('drop-highlight', on);
  dropTarget.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth += 1;
    highlight(true);
  });
  dropTarget.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  dropTarget.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) highlight(false);
  });
  dropTarget.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    highlight(false);
    const file = e.dataTransfer.files && e.dataTransfer.files[0];
    if (file) readFile(file);
  });

  let sizes = '';
  return {
    update(view) {
      const key = view.sizes.join(',');
      if (key === sizes) return;
      sizes = key;
      setText(summary, modelSummary(view.sizes));
    },
  };
}
