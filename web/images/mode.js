// The images mode (mode=images): its registration with the router and its part of the page,
// shown while it is the active mode (the playground's parts are hidden by images.css). Its
// views (web/images/view.js and what it imports) are imported when the mode is first entered,
// and the image module and its data fetched only then, so the playground's first load does
// not change.

import { parseImagesEntries, serializeImages } from './link.js';

/** doc: the document; router: web/router.js. Returns the mode to register. */
export function createImagesMode({ doc, router }) {
  const root = doc.getElementById('images');
  const base = new URL('.', doc.baseURI);
  let controller = null;
  let loading = null; // the view's import, while it is on its way
  let wanted = null; // the last parsed link, applied once the view is there
  const show = (on) => {
    doc.body.classList.toggle('mode-images', on);
    root.hidden = !on;
  };
  function build() {
    loading ??= import('./view.js').then(({ mountImages }) => {
      controller = mountImages({
        root,
        link: router.port('images'),
        moduleDir: new URL('build/wasm/', base).href,
        dataDir: new URL('build/data/', base).href,
        modelDir: new URL('models/', base).href,
        makeWorker: () => new Worker(new URL('image-worker.js', import.meta.url)),
      });
      if (wanted) controller.load(wanted);
    });
    loading.catch((e) => {
      root.textContent = `The images mode could not load: ${e && e.message ? e.message : e}`;
    });
  }
  return {
    name: 'images',
    parse: (entries) => parseImagesEntries(entries),
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
