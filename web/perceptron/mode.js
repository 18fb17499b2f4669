// The page's two modes: the playground (no `mode` key, or mode=playground) and the perceptron
// lab (mode=perceptron). app.js hands every hash to route(); the tabs in the banner are plain
// links between the two, each carrying the other mode's last hash, so a switch and the
// browser's back button both work and each mode comes back as it was left.

import { isPerceptronHash } from './state.js';
import { mountPerceptron } from './view.js';

/**
 * Wraps the playground's hashIO so that the playground never writes the URL while the lab is
 * shown; it keeps the playground's last hash body for the tab back to it.
 */
export function modeAwareHashIO(hashIO) {
  const io = {
    perceptron: false,
    lastPlaygroundBody: null,
    read: () => hashIO.read(),
    write(body) {
      io.lastPlaygroundBody = body;
      if (!io.perceptron) hashIO.write(body);
    },
  };
  return io;
}

/**
 * Mounts the lab (#perceptron) and the mode tabs (#mode-tab-playground, #mode-tab-perceptron).
 * engine: the playground's Engine (the lab takes sessions of its own from its module);
 * playground: the Playground; hashIO: the modeAwareHashIO the playground writes through.
 * Returns {route(hash), mode()}.
 */
export function mountModes({ engine, playground, hashIO, doc = document, win = window }) {
  const body = doc.body;
  const section = doc.getElementById('perceptron');
  const tabs = {
    playground: doc.getElementById('mode-tab-playground'),
    perceptron: doc.getElementById('mode-tab-perceptron'),
  };
  const replaceHash = (hashBody) => {
    const url = `${win.location.pathname}${win.location.search}#${hashBody}`;
    if (win.location.hash !== `#${hashBody}`) win.history.replaceState(null, '', url);
  };
  let mode = null;
  let playgroundLoaded = false;

  // The lab is built when first shown: the playground's first paint does not wait for it, and
  // a visitor who never opens it costs no second session.
  let lab = null;
  const theLab = () => lab || (lab = mountPerceptron({
    root: section,
    engine: engine.fork(),
    writeHash: (hashBody) => {
      if (mode === 'perceptron') replaceHash(hashBody);
      tabs.perceptron.href = `#${hashBody}`;
    },
    openPlayground: (hashBody) => {
      win.history.pushState(null, '', `${win.location.pathname}${win.location.search}#${hashBody}`);
      route(`#${hashBody}`);
      playground.play();
    },
  }));

  function show(next) {
    mode = next;
    hashIO.perceptron = next === 'perceptron';
    body.classList.toggle('mode-perceptron', next === 'perceptron');
    body.dataset.mode = next;
    section.hidden = next !== 'perceptron';
    for (const [name, tab] of Object.entries(tabs)) {
      if (name === next) tab.setAttribute('aria-current', 'page');
      else tab.removeAttribute('aria-current');
    }
  }

  function route(hash) {
    if (isPerceptronHash(hash)) {
      if (mode === 'playground') playground.pause();
      if (!playgroundLoaded) { // the playground gets its defaults quietly, for the tab back
        hashIO.perceptron = true;
        playground.loadHash('');
        playgroundLoaded = true;
      }
      show('perceptron');
      theLab().loadHash(hash);
    } else {
      lab?.pause();
      const body = String(hash || '').replace(/^#/, '');
      const unchanged = mode === 'perceptron' && playgroundLoaded && body === hashIO.lastPlaygroundBody;
      show('playground');
      if (unchanged) hashIO.write(body); // back from the lab: the playground is as it was left
      else playground.loadHash(hash);
      playgroundLoaded = true;
    }
    tabs.playground.href = `#${hashIO.lastPlaygroundBody ?? ''}`;
  }

  return { route, mode: () => mode };
}
