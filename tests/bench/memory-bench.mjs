// The page's memory while it plays, for scripts/bench: the playground in headless Chromium,
// speed "max" chosen and play clicked as a user would, then left playing for 3 minutes
// (10 s with --quick). No collection is forced: the figure is what a user's tab would hold.
//   renderer_rss_growth_mb: the page's renderer process's resident memory (VmRSS of
//     /proc/<pid>/status, sampled every second) at its highest during the run, minus at the
//     start of play. A page that makes garbage every frame grows until a full collection.
//   play_frames_per_s, play_epochs_per_s: animation frames and epochs a second during the run.
// The renderer is found in the browser's process list (CDP); its memory is read from /proc.
// Prints one JSON line; samples on stderr. Linux only.
import fs from 'node:fs';
import { launchBrowser, startServer } from '../browser/harness.mjs';

const quick = process.argv.includes('--quick');
const PLAY_MS = quick ? 10000 : 180000;
const SAMPLE_MS = 1000;
const TIMEOUT_MS = 30000;

// The renderer processes' ids, from the browser's own list (CDP SystemInfo.getProcessInfo).
async function renderers(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

/** VmRSS of a process in MB, or NaN once it has gone. */
function rssMb(pid) {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const cdp = await browser.newBrowserCDPSession();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const before = new Set(await renderers(cdp));
  const page = await context.newPage();
  await page.goto(`${server.url}index.html`, { timeout: TIMEOUT_MS });
  await page.evaluate(() => window.nnplay.ready);
  // The page's renderer: the one that started for it; the largest if several did.
  const all = await renderers(cdp);
  const fresh = all.filter((p) => !before.has(p));
  const candidates = fresh.length ? fresh : all;
  const pid = candidates.sort((a, b) => rssMb(b) - rssMb(a))[0];
  if (!pid) throw new Error('memory-bench: no renderer process found');

  await page.selectOption('#control-speed', 'max');
  await page.evaluate(() => {
    window.__nnplayFrames = 0;
    const count = () => {
      window.__nnplayFrames++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  });
  const epoch0 = await page.evaluate(() => window.nnplay.state().epoch);
  await page.click('#play-pause-button');
  await page.evaluate(() => (window.__nnplayFrames = 0));
  const t0 = Date.now();
  const start = rssMb(pid);
  let peak = start;
  let last = start;
  for (let t = SAMPLE_MS; t <= PLAY_MS; t += SAMPLE_MS) {
    await new Promise((r) => setTimeout(r, t0 + t - Date.now()));
    last = rssMb(pid);
    if (!Number.isFinite(last)) throw new Error('memory-bench: the renderer process ended');
    if (last > peak) peak = last;
    if (t % 10000 === 0)
      console.error(`memory-bench: ${t / 1000} s: renderer ${last.toFixed(1)} MB`);
  }
  const seconds = (Date.now() - t0) / 1000;
  const { frames, epoch, playing } = await page.evaluate(() => ({
    frames: window.__nnplayFrames,
    epoch: window.nnplay.state().epoch,
    playing: window.nnplay.state().playing,
  }));
  if (!playing) throw new Error('memory-bench: the page stopped playing');
  console.error(
    `memory-bench: renderer pid ${pid}: ${start.toFixed(1)} MB at play, ${peak.toFixed(1)} MB ` +
      `at most, ${last.toFixed(1)} MB after ${seconds.toFixed(0)} s`,
  );
  console.log(
    JSON.stringify({
      renderer_rss_growth_mb: +Math.max(0, peak - start).toFixed(1),
      play_frames_per_s: +(frames / seconds).toFixed(1),
      play_epochs_per_s: Math.round((epoch - epoch0) / seconds),
    }),
  );
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
