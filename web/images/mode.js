// The images mode (mode=images): its registration with the router and its part of the page,
// shown while it is the active mode (the playground's parts are hidden by images.css). Its
// views (web/images/view.js and what it imports) are imported when the mode is first entered,
// and the image module and its data fetched only then, so the playground's first load does
// not change. Where they are: the page says (the body's data-module-dir, #images's
// data-worker and data-data-dir; scripts/dist rewrites them for dist/), relative to the page.
// The one-file page (dist/nnplay.html) defines window.nnplayInlineImages instead: its Worker
// starts from what it inlined (./inline-worker.js), and it holds only the digits.

import { parseImagesEntries, serializeImages } from './link.js';

const NOT_INLINE =
  'the clothing data are not in the one-file page: open the served playground ' +
  '(scripts/serve, or dist/ on a web host) for them';

/** doc: the document; router: web/router.js. Returns the mode to register. */
export function createImagesMode({ doc, router }) {
  const root = doc.getElementById('images');
  const base = new URL('.', doc.baseURI);
  const at = (dir) => new URL(dir, base).href;
  /** @type {import('./inline-worker.js').InlineImages | undefined} */
  const inline = /** @type {any} */ (globalThis).nnplayInlineImages;
  let controller = null;
  let loading = null; // the view's import, while it is on its way
  let wanted = null; // the last parsed link, applied once the view is there
  const show = (on) => {
    doc.body.classList.toggle('mode-images', on);
    root.hidden = !on;
  };
  function build() {
    loading ??= Promise.all([import('./view.js'), inline && import('./inline-worker.js')]).then(
      ([{ mountImages }, inlineWorker]) => {
        controller = mountImages({
          root,
          link: router.port('images'),
          moduleDir: at(doc.body.dataset.moduleDir || 'build/wasm/'),
          dataDir: at(root.dataset.dataDir || 'build/data/'),
          modelDir: at('models/'),
          makeWorker: inlineWorker
            ? () => inlineWorker.startInlineImageWorker(inline)
            : () => new Worker(at(root.dataset.worker || 'web/images/image-worker.js')),
        });
        if (inline) markInline();
        if (wanted) controller.load(wanted);
      },
    );
    loading.catch((e) => {
      root.textContent = `The images mode could not load: ${e && e.message ? e.message : e}`;
    });
  }
  // The one-file page: the data sets it lacks are offered no more, and it says where they are.
  function markInline() {
    const counts = Object.entries(inline.data).map(
      ([name, d]) =>
        `${d.count.train.toLocaleString('en-US')} training and ` +
        `${d.count.test.toLocaleString('en-US')} test images of the ${name}`,
    );
    for (const option of root.querySelectorAll('#im-data option')) {
      if (inline.data[option.value]) continue;
      option.disabled = true;
      option.textContent = `${option.textContent.replace(/ \(.*\)$/, '')} (not in the one-file page)`;
    }
    const note = doc.createElement('p');
    note.id = 'im-inline-note';
    note.className = 'im-card';
    note.textContent =
      `This one-file page holds ${counts.join(', ')}. For the clothing, open the served ` +
      'playground (scripts/serve, or dist/ on a web host).';
    root.querySelector('.im-controls').after(note);
  }
  // A link to a data set the one-file page lacks opens the digits and says why.
  function parse(entries) {
    const parsed = parseImagesEntries(entries);
    if (inline && !inline.data[parsed.settings.data]) {
      parsed.problems.push({ key: 'data', value: parsed.settings.data, reason: NOT_INLINE });
      parsed.settings.data = 'digits';
    }
    return parsed;
  }
  return {
    name: 'images',
    parse,
    enter(parsed, { keep }) {
      show(true);
      if (keep && (controller || loading)) return;
      wanted = parsed;
      if (controller) controller.load(parsed);
      else build();
    },
    leave() {
      if (controller) controller.leave();
      show(false);
    },
    serialize: () =>
      controller ? controller.serialize() : wanted ? serializeImages(wanted.settings) : null,
  };
}
