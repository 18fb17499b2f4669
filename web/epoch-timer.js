// Time per epoch: the engine's training time over the epochs trained in the last second of
// training (the frames whose training ended within WINDOW_MS of the latest), a fixed ring of
// frames, so nothing grows while training runs. The engine's time only: drawing a frame is not
// an epoch's cost. Pure: no DOM.

export const WINDOW_MS = 1000;
const FRAMES = 256; // more frames than a second holds at any display rate in use

export function createEpochTimer({ windowMs = WINDOW_MS } = {}) {
  const at = new Float64Array(FRAMES); // when each frame's training ended
  const ms = new Float64Array(FRAMES); // the engine's time in it
  const epochs = new Float64Array(FRAMES);
  let head = 0; // the newest frame's slot
  let length = 0;
  return {
    /** One frame's training: it ended at `now` (ms), trained `n` epochs in `took` ms. */
    record(now, n, took) {
      if (!(n > 0) || !Number.isFinite(took)) return;
      head = (head + 1) % FRAMES;
      at[head] = now;
      ms[head] = took;
      epochs[head] = n;
      length = Math.min(FRAMES, length + 1);
    },
    /** Milliseconds per epoch over the last window of training; NaN before any. */
    msPerEpoch() {
      let t = 0;
      let n = 0;
      for (let k = 0; k < length; k++) {
        const i = (head - k + FRAMES) % FRAMES;
        if (at[head] - at[i] > windowMs) break;
        t += ms[i];
        n += epochs[i];
      }
      return n > 0 ? t / n : NaN;
    },
    clear() {
      length = 0;
    },
  };
}

/** "0.42 ms/epoch", two significant digits (µs below 0.01 ms); "" for none. */
export function formatMsPerEpoch(v) {
  if (!Number.isFinite(v) || v < 0) return '';
  if (v < 0.01) return `${Number((v * 1000).toPrecision(2))} µs/epoch`;
  return `${Number(v.toPrecision(2))} ms/epoch`;
}
