// Epochs per animation frame. The fixed speeds train that many epochs a frame (1 is the
// reference's pace), whatever a frame then takes: a network whose 100 epochs take longer than
// a frame runs at speed 100 below the display's rate. "max" adapts the count, and is never
// slower than the fastest fixed speed:
//   - its budget counts the whole frame: the engine's time and the drawing after it (what the
//     page's frame did besides training), so the engine gets what is left of a FRAME_MS frame,
//     less a margin that grows while frames miss the display (the rAF timestamps' interval
//     over MISSED_MS) and shrinks again while they do not;
//   - it trains at least FASTEST_FIXED (100) epochs a frame, as speed 100 does, so it trains
//     at least as many epochs a second as 100 (at the same count a frame costs the same), unless
//     those epochs with the drawing would take longer than LONG_FRAME_MS: then the page's
//     answer comes first and the budget alone decides (at least 1 epoch a frame). The fixed
//     speed 100 has that long frame anyway.
// No DOM here.

export const SPEEDS = ['1', '2', '5', '10', '25', '100', 'max'];
export const DEFAULT_SPEED = '1';
export const FRAME_MS = 16; // the frame "max" fills (60 Hz: 16.7 ms)
export const MISSED_MS = 20; // a frame interval over this missed the display's rate
export const LONG_FRAME_MS = 250; // "max" keeps 100 epochs a frame while those frames stay under this
export const FASTEST_FIXED = 100;
export const MAX_EPOCHS_PER_FRAME = 10000;
const MAX_MARGIN_MS = 12;

/** An epochs-per-frame governor for a speed ('1' ... 'max'). */
export function createGovernor(speed = DEFAULT_SPEED, { frameMs = FRAME_MS } = {}) {
  const fixed = speed === 'max' ? 0 : Math.max(1, Math.floor(Number(speed)) || 1);
  let next = 1;
  let msPerEpoch = NaN; // smoothed: engine time per epoch
  let drawMs = 0; // smoothed: the rest of a frame's own work
  let margin = 2; // ms kept free for the browser's own part of a frame (style, paint)
  let lastEpochs = 0;
  let lastEngineMs = 0;
  const smooth = (old, v) => (Number.isNaN(old) ? v : 0.7 * old + 0.3 * v);
  let base = 1; // this frame's count, which the next may double
  function plan() {
    const budget = Math.max(1, frameMs - drawMs - margin);
    const ideal = Math.floor(budget / msPerEpoch);
    const floor = FASTEST_FIXED * msPerEpoch + drawMs <= LONG_FRAME_MS ? FASTEST_FIXED : 1;
    // Above the floor grow at most 2x a frame (a slow start is never a long frame); shrink at once.
    next = Math.max(floor, Math.min(MAX_EPOCHS_PER_FRAME, ideal, Math.max(base, floor) * 2));
  }
  return {
    speed,
    /** How many epochs to train this frame. */
    epochs() {
      return fixed || next;
    },
    /** Reports that `epochs` epochs took `ms` of engine time. */
    report(epochs, ms) {
      if (fixed || !(epochs > 0) || !(ms >= 0)) return;
      msPerEpoch = smooth(msPerEpoch, Math.max(ms, 0.001) / epochs);
      lastEpochs = epochs;
      lastEngineMs = ms;
      base = next;
      plan();
    },
    /** Reports a whole frame: `workMs` the frame's own work (training included), `intervalMs`
     *  the time since the previous frame (rAF timestamps; 0 when unknown). Plans the next. */
    frame(workMs, intervalMs = 0) {
      if (fixed || !(lastEpochs > 0) || !(workMs >= 0)) return;
      drawMs = smooth(drawMs, Math.max(0, workMs - lastEngineMs));
      if (intervalMs > MISSED_MS && intervalMs < 1000) margin = Math.min(MAX_MARGIN_MS, margin + 1);
      else if (intervalMs > 0) margin = Math.max(0, margin - 0.05);
      plan();
    },
    /** For tests and the bench: what the governor holds. */
    get state() {
      return { next, msPerEpoch, drawMs, margin };
    },
  };
}
