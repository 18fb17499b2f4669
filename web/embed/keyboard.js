// Keyboard shortcuts for the playground (a presenter at a slide, in the embed view or the full
// page): space plays or pauses, the right arrow steps one epoch, r resets. Keys typed into a
// field keep their own meaning; on a button (or an element acting as one) space keeps its own
// meaning (it presses that button) while the arrow and r still work, so that after a click on
// the play button the arrow steps. A key another handler already took is left alone.

const FIELDS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
const BUTTON_ROLES = new Set([
  'button',
  'checkbox',
  'radio',
  'switch',
  'menuitem',
  'option',
  'tab',
]);

const isField = (t) => Boolean(t && (FIELDS.has(t.tagName) || t.isContentEditable));
const isButton = (t) =>
  Boolean(
    t &&
    (t.tagName === 'BUTTON' ||
      (typeof t.getAttribute === 'function' && BUTTON_ROLES.has(t.getAttribute('role')))),
  );

/** Returns the action for a key event ('toggle' | 'step' | 'reset'), or null. */
export function shortcutFor(event) {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target;
  if (isField(target)) return null;
  if (event.key === 'ArrowRight') return 'step'; // held down, it keeps stepping
  if (event.repeat) return null; // a held space or r acts once
  if (event.key === ' ' || event.key === 'Spacebar') return isButton(target) ? null : 'toggle';
  if (event.key === 'r' || event.key === 'R') return 'reset';
  return null;
}

/**
 * Installs the shortcuts on a document. playground: {togglePlay(), step(), reset()} (step: one
 * epoch, paused, as the step button); active(): whether the shortcuts apply now (the
 * perceptron lab, another mode of the page, has keys of its own).
 */
export function installShortcuts(playground, doc = document, active = () => true) {
  doc.addEventListener('keydown', (event) => {
    const action = shortcutFor(event);
    if (!action || !active()) return;
    event.preventDefault();
    if (action === 'toggle') playground.togglePlay();
    else if (action === 'step') playground.step(1);
    else playground.reset();
  });
}
