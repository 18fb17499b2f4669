// Writes that views make every frame, made only when the value changes. Writing a value over
// itself is not free: the browser records a mutation, invalidates style and, for text, makes a
// new text node, so a view that rewrote its readouts each frame left garbage in the renderer
// at 60 frames a second. Text is changed in the element's one text node where it has one.

/** Sets an element's text to `text` (a string) when it differs. */
export function setText(node, text) {
  const t = node.firstChild;
  if (t && t === node.lastChild && t.nodeType === 3) {
    if (t.data !== text) t.data = text;
  } else if (node.textContent !== text) {
    node.textContent = text;
  }
}

/** Sets an attribute to `value` (a string) when it differs. */
export function setAttr(node, name, value) {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** Sets an element's `hidden` when it differs (assigning it always records a mutation). */
export function setHidden(node, hidden) {
  if (node.hidden !== hidden) node.hidden = hidden;
}
