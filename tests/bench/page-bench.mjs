// Page figures for scripts/bench: the repository root served as the README's serve
// command serves it (scripts/serve.mjs, gzip when accepted), headless Chromium.
//   first_heatmap_ms: navigation start -> first heatmap drawn, median of N cold loads (fresh
//     context each; N = 5, 2 with --quick). The page's performance.mark('nnplay:first-heatmap')
//     when it makes one; else the first animation frame at which the heatmap canvas has pixels.
//   assets_bytes / assets_gzip_bytes: every response of one load (until ready and network
//     idle): decoded body bytes, and the body bytes as transferred (the server's gzip).
// Prints one JSON line; details on stderr. Exit 1 when the page fails to load.
import { launchBrowser, startServer } from '../browser/harness.mjs';
import { median } from './bench-config.mjs';

const quick = process.argv.includes('--quick');
const loads = quick ? 2 : 5;
const MARK = 'nnplay:first-heatmap';
const TIMEOUT_MS = 30000; // a page that never draws fails the bench instead of hanging it

// Runs in the page before its scripts: resolves window.__nnplayBench with {ms, source} at the
// page's mark when it makes one, else at the first animation frame whose heatmap has pixels.
function watchHeatmap(mark) {
  window.__nnplayBench = new Promise((resolve) => {
    const poll = () => {
      const marks = performance.getEntriesByName(mark, 'mark');
      if (marks.length) return resolve({ ms: marks[0].startTime, source: 'mark' });
      const c = document.getElementById('heatmap');
      if (c && c.width > 0 && c.height > 0) {
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < px.length; i += 4) {
          if (px[i] !== 0) return resolve({ ms: performance.now(), source: 'canvas poll' });
        }
      }
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
}

async function firstHeatmap(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(watchHeatmap, MARK);
  await page.goto(url, { timeout: TIMEOUT_MS });
  const r = await page.evaluate(async (timeoutMs) => {
    const drawn = Promise.all([window.nnplay.ready, window.__nnplayBench]);
    const late = new Promise((_, reject) =>
      setTimeout(() => reject(new Error('no heatmap drawn')), timeoutMs),
    );
    return (await Promise.race([drawn, late]))[1];
  }, TIMEOUT_MS);
  await context.close();
  return r;
}

async function assets(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await page.goto(url, { waitUntil: 'networkidle', timeout: TIMEOUT_MS });
  await page.evaluate(() => window.nnplay.ready);
  await page.waitForLoadState('networkidle');
  const rows = [];
  for (const r of responses) {
    if (!/^https?:/.test(r.url())) continue;
    if (r.status() !== 200) throw new Error(`HTTP ${r.status()} for ${r.url()}`);
    await r.finished();
    const body = await r.body();
    const { responseBodySize } = await r.request().sizes();
    rows.push({
      path: new URL(r.url()).pathname,
      bytes: body.length,
      transferred: responseBodySize,
      encoding: r.headers()['content-encoding'] || 'identity',
    });
  }
  await context.close();
  return rows;
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const url = `${server.url}index.html`;
  const times = [];
  for (let i = 0; i < loads; i++) {
    const { ms, source } = await firstHeatmap(browser, url);
    console.error(
      `page-bench: load ${i + 1}/${loads}: first heatmap ${ms.toFixed(1)} ms (${source})`,
    );
    times.push(ms);
  }
  const rows = await assets(browser, url);
  for (const a of rows)
    console.error(`page-bench: ${a.path} ${a.bytes} B, ${a.transferred} B sent (${a.encoding})`);
  const sum = (k) => rows.reduce((s, a) => s + a[k], 0);
  console.log(
    JSON.stringify({
      first_heatmap_ms: +median(times).toFixed(1),
      assets_bytes: sum('bytes'),
      assets_gzip_bytes: sum('transferred'),
    }),
  );
} finally {
  await browser.close();
  await server.close();
}
