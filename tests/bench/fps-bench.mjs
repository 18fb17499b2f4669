// Frame rates of the playground while it plays, for scripts/bench: headless Chromium at
// 1280 x 800, a network from a link, the speed chosen and play clicked as a user would; after a
// warm-up the page counts its own animation frames by requestAnimationFrame timestamps.
//   fps_deep_1, fps_deep_100, fps_deep_max: 6 hidden layers of 8 with all seven features at
//     speed 1, 100 and max: frames a second over 5 s (2 s with --quick) after 2 s (1 s) of
//     warm-up; worst_frame_ms_deep_1 / _100 / _max: the longest gap between two frames.
//   epochs_per_s_deep_100, epochs_per_s_deep_max: epochs trained a second in those runs.
//   fps_16x64, worst_frame_ms_16x64: 16 hidden layers of 64 (the engine's limits, beyond the
//     buttons) at speed 1.
// Prints one JSON line; each case on stderr. Exit 1 when a page fails to load or stops playing.
import { launchBrowser, startServer } from '../browser/harness.mjs';

const quick = process.argv.includes('--quick');
const WARM_MS = quick ? 1000 : 2000;
const MEASURE_MS = quick ? 2000 : 5000;
const TIMEOUT_MS = 60000;
const FEATURES =
  'x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&cosX=true&sinX=true&cosY=true&sinY=true';
const DEEP = `#networkShape=8,8,8,8,8,8&${FEATURES}`;
const LARGE = `#networkShape=${Array(16).fill(64).join(',')}&${FEATURES}`;

// Runs in the page: rAF timestamps for `ms`, with the epoch before and after.
function measure(ms) {
  return new Promise((resolve) => {
    const times = [];
    const epoch0 = window.nnplay.state().epoch;
    const tick = (t) => {
      times.push(t);
      if (t - times[0] < ms) requestAnimationFrame(tick);
      else resolve({ times, epochs: window.nnplay.state().epoch - epoch0 });
    };
    requestAnimationFrame(tick);
  });
}

async function run(browser, url, speed) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { timeout: TIMEOUT_MS });
    await page.evaluate(() => window.nnplay.ready);
    await page.selectOption('#control-speed', speed, { timeout: TIMEOUT_MS });
    await page.click('#play-pause-button', { timeout: TIMEOUT_MS });
    await page.waitForTimeout(WARM_MS);
    const { times, epochs } = await page.evaluate(measure, MEASURE_MS);
    if (!(await page.evaluate(() => window.nnplay.state().playing)))
      throw new Error(`fps-bench: the page stopped playing (${url})`);
    const span = times.at(-1) - times[0];
    let worst = 0;
    for (let i = 1; i < times.length; i++) worst = Math.max(worst, times[i] - times[i - 1]);
    return {
      fps: +(((times.length - 1) * 1000) / span).toFixed(1),
      worst: +worst.toFixed(1),
      epochsPerS: Math.round((epochs * 1000) / span),
    };
  } finally {
    await context.close();
  }
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const out = {};
  const cases = [
    ['deep_1', DEEP, '1'],
    ['deep_100', DEEP, '100'],
    ['deep_max', DEEP, 'max'],
    ['16x64', LARGE, '1'],
  ];
  for (const [name, hash, speed] of cases) {
    const r = await run(browser, `${server.url}index.html${hash}`, speed);
    console.error(
      `fps-bench: ${name}: ${r.fps} frames/s, worst gap ${r.worst} ms, ${r.epochsPerS} epochs/s`,
    );
    out[`fps_${name}`] = r.fps;
    out[`worst_frame_ms_${name}`] = r.worst;
    if (speed !== '1') out[`epochs_per_s_${name}`] = r.epochsPerS;
  }
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
  await server.close();
}
