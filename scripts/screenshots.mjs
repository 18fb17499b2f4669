// scripts/screenshots: the images mode's README screenshots (see that script's comment), taken
// in Debian's Chromium against the repository served as the tests serve it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startServer } from '../tests/browser/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEVEN = [
  [0.28, 0.22],
  [0.72, 0.22],
  [0.62, 0.45],
  [0.45, 0.82],
];

async function shoot(browser, server, { hash, viewport, file, clip }) {
  const page = await (await browser.newContext({ viewport, deviceScaleFactor: 1 })).newPage();
  await page.goto(`${server.url}index.html${hash}`);
  await page.waitForFunction(
    () => document.getElementById('images')?.dataset.pretrained === 'true',
    null,
    {
      timeout: 60000,
    },
  );
  const box = await page.locator('#im-pad').boundingBox();
  const at = ([x, y]) => [box.x + x * box.width, box.y + y * box.height];
  await page.mouse.move(...at(SEVEN[0]));
  await page.mouse.down();
  for (const p of SEVEN.slice(1)) await page.mouse.move(...at(p), { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelectorAll('#im-inside canvas').length > 20);
  await page.waitForTimeout(300);
  const out = path.join(ROOT, file);
  await page.screenshot({ path: out, ...(clip ? { clip: await clip(page) } : {}) });
  console.log(`screenshots: wrote ${file}`);
}

const server = await startServer();
const browser = await launchBrowser();
try {
  await shoot(browser, server, {
    hash: '#mode=images&model=digits',
    viewport: { width: 1280, height: 1500 },
    file: 'docs/images-mode.png',
    // from the mode's heading to the end of the inside panel
    clip: (page) =>
      page.evaluate(() => {
        const top = document.querySelector('#images h2').getBoundingClientRect().top - 8;
        const bottom = document.getElementById('im-inside').getBoundingClientRect().bottom + 8;
        return { x: 0, y: top, width: 1280, height: Math.min(1500, bottom) - top };
      }),
  });
  await shoot(browser, server, {
    hash: '#mode=images&embed=true&model=digits',
    viewport: { width: 800, height: 450 },
    file: 'docs/images-embed.png',
  });
} finally {
  await browser.close();
  await server.close();
}
