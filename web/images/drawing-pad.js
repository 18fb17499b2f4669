// A drawing pad for digits: a square canvas drawn on with a mouse, a pen or a finger (pointer
// events, one stroke per press), with undo (the last stroke) and clear. Strokes are kept as
// point lists and the canvas repainted from them, so undo is exact. onChange(pixels, w, h)
// gets the canvas as grey bytes (ink 255 on 0) after every change, at most once a frame while
// a stroke is drawn.

import { PALETTE } from '../render/palette.js';

const LINE_WIDTH = 0.075; // of the side: about MNIST's stroke once scaled to 20 pixels

/** canvas: the pad's <canvas>; onChange(pixels, w, h). Returns {clear(), undo(), strokes()}. */
export function mountDrawingPad(canvas, onChange, { raf = requestAnimationFrame } = {}) {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const strokes = [];
  let current = null;
  let queued = false;

  function paint() {
    ctx.fillStyle = PALETTE.drawingPaper;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.strokeStyle = PALETTE.drawingInk;
    ctx.fillStyle = PALETTE.drawingInk;
    ctx.lineWidth = LINE_WIDTH * canvas.width;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const s of strokes) {
      if (s.length === 1) {
        ctx.beginPath();
        ctx.arc(s[0][0], s[0][1], ctx.lineWidth / 2, 0, 2 * Math.PI);
        ctx.fill();
        continue;
      }
      ctx.beginPath();
      ctx.moveTo(s[0][0], s[0][1]);
      for (const [x, y] of s.slice(1)) ctx.lineTo(x, y);
      ctx.stroke();
    }
  }

  function emit() {
    queued = false;
    paint();
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const grey = new Uint8Array(canvas.width * canvas.height);
    for (let i = 0; i < grey.length; i++) grey[i] = data[4 * i];
    onChange(grey, canvas.width, canvas.height, strokes.length);
  }

  function changed() {
    if (queued) return;
    queued = true;
    raf(emit);
  }

  function point(event) {
    const r = canvas.getBoundingClientRect();
    return [
      ((event.clientX - r.left) / r.width) * canvas.width,
      ((event.clientY - r.top) / r.height) * canvas.height,
    ];
  }

  canvas.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    canvas.setPointerCapture?.(event.pointerId);
    current = [point(event)];
    strokes.push(current);
    changed();
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!current) return;
    current.push(point(event));
    changed();
  });
  const end = () => {
    current = null;
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  paint();

  return {
    clear() {
      strokes.length = 0;
      current = null;
      changed();
    },
    undo() {
      strokes.pop();
      current = null;
      changed();
    },
    strokes: () => strokes.length,
  };
}
