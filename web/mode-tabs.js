// The mode tabs in the banner (#mode-tab-<name>): plain links, each to its mode as it was last
// left (the router's hrefs()), so that a switch, a middle click and Back all work; the active
// one is marked aria-current. The page's body says the active mode (data-mode) for styles and
// tests.

/** tabs: {name: <a> element}; body: document.body. Returns {update({mode, hrefs})}. */
export function mountModeTabs(tabs, body) {
  return {
    update({ mode, hrefs }) {
      body.dataset.mode = mode;
      for (const [name, tab] of Object.entries(tabs)) {
        if (!tab) continue;
        tab.href = hrefs[name];
        if (name === mode) tab.setAttribute('aria-current', 'page');
        else tab.removeAttribute('aria-current');
      }
    },
  };
}
