import { PALETTE } from '../render/palette.js';

// The images mode's training chart: the training loss (left scale, from 0 to the largest seen)
// and the test accuracy (right scale, 0 to 100%) against the examples seen.

/** canvas: the chart's <canvas>. Returns {add(point), clear()}; point: {examples, loss, accuracy}. */
export function mountTrainingChart(canvas) {
  const ctx = canvas.getContext('2d');
  let points = [];

  function draw() {
    const { width: w, height: h } = canvas;
    ctx.clearRect(0, 0, w, h);
    ctx.strokeStyle = PALETTE.chartFrame;
    ctx.lineWidth = 1;
    ctx.strokeRect(0.5, 0.5, w - 1, h - 1);
    if (points.length < 2) {
      // Empty until training runs: say what will be drawn here, in the lines' own colours.
      ctx.font = '13px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.fillStyle = PALETTE.orange;
      ctx.fillText('training loss', w / 2, h / 2 - 9);
      ctx.fillStyle = PALETTE.blue;
      ctx.fillText('and test accuracy appear here as it trains', w / 2, h / 2 + 9);
      return;
    }
    const maxX = points[points.length - 1].examples || 1;
    const maxLoss = Math.max(...points.map((p) => (Number.isFinite(p.loss) ? p.loss : 0)), 1e-9);
    const line = (value, colour) => {
      ctx.strokeStyle = colour;
      ctx.lineWidth = 2;
      ctx.beginPath();
      let started = false;
      for (const p of points) {
        const v = value(p);
        if (!Number.isFinite(v)) continue;
        const x = (p.examples / maxX) * (w - 4) + 2;
        const y = h - 2 - v * (h - 4);
        if (started) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
        started = true;
      }
      ctx.stroke();
    };
    line((p) => p.loss / maxLoss, PALETTE.orange);
    line((p) => p.accuracy, PALETTE.blue);
  }

  return {
    add(point) {
      points.push(point);
      if (points.length > 2000) points = points.filter((_, i) => i % 2 === 0); // thin, keep shape
      draw();
    },
    clear() {
      points = [];
      draw();
    },
    count: () => points.length,
  };
}
