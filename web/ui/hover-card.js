// The weight/bias card of the network diagram: "Weight is 0.15" on hover or focus; a click
// (or a tap, or Enter) turns it into a number input whose value is applied at once.
// Text only (never HTML). The owner positions it and says what it is about.

import { el } from '../dom.js';
import { setText } from './writes.js';

/** parent: the positioned element the card lives in; onEdit(target, value) applies a value. */
export function createHoverCard(parent, onEdit) {
  const text = el('span', { className: 'hovercard-text' });
  const hint = el('span', { className: 'hovercard-hint' });
  const input = el('input', {
    type: 'number',
    step: 'any',
    className: 'hovercard-input',
    hidden: true,
    attrs: { 'aria-label': 'New value' },
  });
  const card = el('div', { className: 'hovercard', hidden: true }, text, input, hint);
  parent.append(card);
  let target = null; // {kind, label, ...owner's indices}
  let editing = false;

  const label = (t) => (t.kind === 'bias' ? 'Bias' : 'Weight');
  function render(value) {
    if (!target) return;
    const dead = target.dead
      ? ' (a dead link: L1 regularisation set it to zero; setting a value revives it)'
      : '';
    setText(
      text,
      `${label(target)} is ${Number.isFinite(value) ? value.toPrecision(2) : String(value)}${dead}`,
    );
  }

  input.addEventListener('input', () => {
    const v = input.valueAsNumber;
    if (target && input.value !== '' && Number.isFinite(v)) onEdit(target, v);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === 'Escape') {
      e.preventDefault();
      api.hide(true);
    }
  });
  input.addEventListener('blur', () => {
    if (editing) api.hide(true);
  });

  const api = {
    get target() {
      return target;
    },
    get editing() {
      return editing;
    },
    /** Shows the card for target at (x, y) px in the parent; edit: open the input at once. */
    show(t, value, x, y, { edit = false } = {}) {
      if (editing && !edit) return;
      target = t;
      card.style.left = `${Math.round(x)}px`;
      card.style.top = `${Math.round(y)}px`;
      card.hidden = false;
      render(value);
      hint.textContent = edit ? '' : 'Click to edit.';
      hint.hidden = edit;
      input.hidden = !edit;
      input.setAttribute('aria-label', `New value of the ${t.name}`);
      editing = edit;
      if (edit) {
        input.value = Number.isFinite(value) ? String(Number(value.toPrecision(6))) : '';
        input.focus();
        input.select();
      }
    },
    /** Refreshes the shown value (while training). */
    update(value) {
      if (target && !card.hidden) render(value);
    },
    /** Hides the card; an open editor only when force. */
    hide(force = false) {
      if (editing && !force) return;
      const wasEditing = editing;
      editing = false;
      target = null;
      card.hidden = true;
      input.hidden = true;
      if (wasEditing && api.onClose) api.onClose();
    },
    onClose: null,
  };
  return api;
}
