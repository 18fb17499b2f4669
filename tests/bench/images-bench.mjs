// The images mode's training speed in the page, for scripts/bench (Chromium, the repository
// served as scripts/serve serves it):
//   images_seconds_to_97: the mode as it opens, the ConvNetJS preset chosen (the default
//     network from scratch, its settings as the mode has them), Train pressed: the seconds of
//     training until the whole test set (the page's 1,500 test digits) is at least 97% right.
//     The page's own figure (a 500-image sample, once a second) says when to look; then
//     training pauses, "Score the whole test set" decides, and the pause is not counted.
//     Given up (and reported as the limit, 300) after 300 s of training.
//   images_test_accuracy_10s: the whole test set's accuracy after 10 s of training (--quick
//     measures only this, so that scripts/test stays short).
//   images_examples_per_s_page: examples a second in the page's Worker over that run.
// Prints one JSON line; details on stderr.
import { launchBrowser, startServer } from '../browser/harness.mjs';

const quick = process.argv.includes('--quick');
const LIMIT_S = 300;
const TARGET = 0.97;

const read = () => {
  const d = document.getElementById('images').dataset;
  const panel = document.getElementById('im-confusion-panel');
  return {
    ready: d.ready === 'true',
    pretrained: d.pretrained === 'true',
    examples: Number(d.examples || 0),
    sample: Number(d.testAccuracy),
    training: d.training === 'true',
    right: panel ? Number(panel.dataset.right || -1) : -1,
    count: panel ? Number(panel.dataset.count || 0) : 0,
  };
};

async function until(page, test, timeoutMs, what) {
  const t0 = Date.now();
  for (;;) {
    const s = await page.evaluate(read);
    if (test(s)) return s;
    if (Date.now() - t0 > timeoutMs) throw new Error(`images bench: no ${what} in ${timeoutMs} ms`);
    await page.waitForTimeout(100);
  }
}

// The whole test set's accuracy, training paused.
async function wholeTestSet(page) {
  await page.click('#im-play');
  await until(page, (s) => !s.training, 10000, 'pause');
  await page.evaluate(() => delete document.getElementById('im-confusion-panel').dataset.right);
  await page.click('#im-confusion-run');
  const s = await until(page, (v) => v.right >= 0, 30000, 'scored test set');
  return s.right / s.count;
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 800 } })
  ).newPage();
  await page.goto(`${server.url}index.html#mode=images&data=digits`);
  await until(page, (s) => s.ready && s.pretrained, 60000, 'shipped network');
  await page.selectOption('#im-preset', 'convnetjs');
  await until(page, (s) => s.ready && !s.pretrained && s.examples === 0, 30000, 'new network');

  let trained = 0; // ms of training so far
  let examples = 0;
  let at10 = NaN;
  let seconds = LIMIT_S;
  let nextLook = 0;
  for (;;) {
    await page.click('#im-play');
    const t0 = Date.now();
    const stopAt = !Number.isFinite(at10) ? 10000 - trained : LIMIT_S * 1000 - trained;
    let s;
    for (;;) {
      await page.waitForTimeout(100);
      s = await page.evaluate(read);
      const ms = trained + Date.now() - t0;
      if (Date.now() - t0 >= stopAt) break;
      if (Number.isFinite(at10) && s.sample >= TARGET && ms >= nextLook) break;
    }
    trained += Date.now() - t0;
    const whole = await wholeTestSet(page);
    examples = (await page.evaluate(read)).examples;
    console.error(
      `images bench: ${(trained / 1000).toFixed(1)} s, ${examples} examples, sample ${s.sample}, whole ${whole}`,
    );
    if (!Number.isFinite(at10)) {
      at10 = whole;
      if (quick) break;
    }
    if (whole >= TARGET) {
      seconds = trained / 1000;
      break;
    }
    if (trained >= LIMIT_S * 1000) break;
    nextLook = trained + 3000; // the sample said 97% too soon: train a while before looking again
  }
  const figures = {
    images_test_accuracy_10s: Math.round(at10 * 10000) / 10000,
    images_examples_per_s_page: Math.round((examples * 1000) / trained),
  };
  if (!quick) figures.images_seconds_to_97 = Math.round(seconds * 10) / 10;
  console.log(JSON.stringify(figures));
} finally {
  await browser.close();
  await server.close();
}
