// The one small DOM helper every view uses: build an element (HTML or SVG) with its class,
// text, attributes, listeners and children in one call, instead of each view's own copy.

const SVG_NS = 'http://www.w3.org/2000/svg';

// props: {className, text, attrs: {name: value}, on: {event: handler}, ...any other property
// assigned as is (type, value, hidden, disabled, title, ...)}. Children: nodes or strings;
// null/undefined/false are skipped so that optional children read naturally.
function fill(node, props, children) {
  const { className, text, attrs, on, ...rest } = props || {};
  if (className) node.setAttribute('class', className);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (attrs)
    for (const [k, v] of Object.entries(attrs))
      if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  if (on) for (const [event, handler] of Object.entries(on)) node.addEventListener(event, handler);
  Object.assign(node, rest);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/** An HTML element: el('button', {className: 'x', text: 'Go', on: {click}}, child, ...). */
export function el(tag, props, ...children) {
  return fill(document.createElement(tag), props, children);
}

/** An SVG element; attributes go in props.attrs (SVG has few writable properties). */
export function svgEl(tag, props, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), props, children);
}
