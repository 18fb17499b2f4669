// The notice band: a readable list of what was ignored (a bad hash, a rejected config) or why
// the engine could not start. Everything is inserted as text, never as HTML.

import { el as make } from '../dom.js';

/** Binds a notice element: show(title, items) with items as {key, value, reason} or strings;
 *  clear() hides it. The close button hides it too. */
export function createNotice(el) {
  el.replaceChildren();
  const title = make('p', { className: 'notice-title' });
  const list = make('ul');
  const close = make('button', {
    type: 'button',
    className: 'notice-close',
    text: '×',
    attrs: { 'aria-label': 'Dismiss this notice' },
    on: {
      click: () => {
        el.hidden = true;
      },
    },
  });
  el.append(close, title, list);
  return {
    show(text, items = [], { kind = 'warning', max = 20 } = {}) {
      el.dataset.kind = kind;
      title.textContent = text;
      list.replaceChildren(
        ...items.slice(0, max).map((item) =>
          typeof item === 'string'
            ? make('li', { text: item })
            : make(
                'li',
                {},
                make('code', {
                  text: item.value === undefined ? item.key : `${item.key}=${item.value}`,
                }),
                `: ${item.reason}`,
              ),
        ),
      );
      if (items.length > max) list.append(make('li', { text: `and ${items.length - max} more` }));
      list.hidden = items.length === 0;
      el.hidden = false;
    },
    clear() {
      el.hidden = true;
    },
  };
}
