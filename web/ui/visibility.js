// Classroom hiding: `<name>_hide=true` hides every element with the class ui-<name> (the
// reference's control ids: learningRate, activation, regularization, regularizationRate,
// problem, dataset, percTrainData, noise, batchSize, numHiddenLayers, showTestData, discretize,
// playButton, stepButton, resetButton); hideText=true hides the text and the banner, as the
// reference. Feature names (x, y, ...) are handled by the network view (the input goes).

/** root: the document (or an element holding the page). Returns {update(view)}. */
export function mountVisibility(root, { article, banner }) {
  let last = null;
  let lastWanted = null;
  return {
    update({ page }) {
      // This runs every frame. With nothing hidden, an element built since (the network
      // view rebuilds its diagram) needs nothing either, so the document is not queried.
      const wanted = `${page.hidden.join(',')}|${page.hideText}`;
      if (wanted === lastWanted && page.hidden.length === 0) return;
      lastWanted = wanted;
      const key = `${wanted}|${root.querySelectorAll('[class*="ui-"]').length}`;
      if (key === last) return;
      last = key;
      const hidden = new Set(page.hidden);
      for (const el of root.querySelectorAll('[class*="ui-"]')) {
        const names = [...el.classList].filter((c) => c.startsWith('ui-')).map((c) => c.slice(3));
        el.classList.toggle(
          'ui-hidden',
          names.some((n) => hidden.has(n)),
        );
      }
      if (article) article.hidden = page.hideText;
      if (banner) banner.hidden = page.hideText;
    },
  };
}
