// Epochs per animation frame. The fixed speeds train that many epochs a frame (1 is the
// reference's pace); "max" adapts the count so that the engine's share of a frame stays near a
// budget, leaving the rest of the 16.7 ms of a 60 Hz frame to drawing and input. No DOM here.

export const SPEEDS = ['1', '2', '5', '10', '25', '100', 'max'];
export const DEFAULT_SPEED = '1';
export const MAX_BUDGET_MS = 8; // engine time per frame at "max"
export const MAX_EPOCHS_PER_FRAME = 10000;

/** An epochs-per-frame governor for a speed ('1' ... 'max'). */
export function createGovernor(speed = DEFAULT_SPEED, budgetMs = MAX_BUDGET_MS) {
  const fixed = speed === 'max' ? 0 : Math.max(1, Math.floor(Number(speed)) || 1);
  let next = 1;
  let msPerEpoch = NaN; // smoothed measurement
  return {
    speed,
    /** How many epochs to train this frame. */
    epochs() {
      return fixed || next;
    },
    /** Reports that `epochs` epochs took `ms` of engine time; plans the next frame. */
    report(epochs, ms) {
      if (fixed || !(epochs > 0) || !(ms >= 0)) return;
      const per = Math.max(ms, 0.001) / epochs;
      msPerEpoch = Number.isNaN(msPerEpoch) ? per : 0.7 * msPerEpoch + 0.3 * per;
      // Grow at most 2x a frame (a slow start is never a long frame), shrink at once.
      const ideal = Math.floor(budgetMs / msPerEpoch);
      next = Math.max(1, Math.min(MAX_EPOCHS_PER_FRAME, ideal, next * 2));
    },
  };
}
