// Classroom hiding: `<name>_hide=true` hides every element with the class ui-<name> (the
// reference's control ids: learningRate, activation, regularization, regularizationRate,
// problem, dataset, percTrainData, noise, batchSize, numHiddenLayers, showTestData, discretize,
// playButton, stepButton, resetButton); hideText=true hides the text and the banner, as the
// reference. Feature names (x, y, ...) are handled by the network view (the input goes).

/** root: the document (or an element holding the page). Returns {update(view)}. */
export function mountVisibility(root, { article, banner }) {
  let last = null;
  return {
    update({ page }) {
      const key = `${page.hidden.join(',')}|${page.hideText}|${root.querySelectorAll('[class*="ui-"]').length}`;
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
