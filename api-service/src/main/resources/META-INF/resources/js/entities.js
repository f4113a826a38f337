// The entity index: most-mentioned first, filter by name and type.

import {h} from './dom.js';
import {api} from './api.js';
import {entityChip, errorBox, isAbort, loading} from './components.js';
import {TYPES, TYPE_PLURALS, plural} from './text.js';

const PAGE = 50;

const entitiesHref = (q, type) => {
  const usp = new URLSearchParams();
  if (q) usp.set('q', q);
  if (type) usp.set('type', type);
  const str = usp.toString();
  return str ? `#/entities?${str}` : '#/entities';
};

export async function renderEntities(usp, {signal, root, retry}) {
  const q = (usp.get('q') || '').trim();
  const type = TYPES.includes(usp.get('type')) ? usp.get('type') : '';

  const qInput = h('input', {id: 'eq', type: 'search', name: 'q', value: q, autocomplete: 'off', 'data-testid': 'entity-search-input'});
  const typeSelect = h('select', {id: 'etype', name: 'type'}, h('option', {value: ''}, 'All types'),
    TYPES.map((t) => h('option', {value: t, selected: t === type}, TYPE_PLURALS[t])));
  const form = h('form', {class: 'inline-form', role: 'search', 'aria-label': 'Filter entities'},
    h('div', {class: 'field'}, h('label', {for: 'eq'}, 'Name or alias'), qInput),
    h('div', {class: 'field'}, h('label', {for: 'etype'}, 'Type'), typeSelect),
    h('button', {type: 'submit', class: 'button button-primary'}, 'Filter'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const href = entitiesHref(qInput.value.trim(), typeSelect.value);
    if (location.hash === href) retry();
    else location.hash = href;
  });
  typeSelect.addEventListener('change', () => form.requestSubmit());

  const tbody = h('tbody');
  const table = h('table', {class: 'entity-table', 'data-testid': 'entity-table'},
    h('caption', {class: 'visually-hidden'}, 'Entities, most mentioned first'),
    h('thead', null, h('tr', null, h('th', {scope: 'col'}, 'Entity'), h('th', {scope: 'col'}, 'Also written'),
      h('th', {scope: 'col', class: 'num'}, 'Articles'), h('th', {scope: 'col', class: 'num'}, 'Mentions'))),
    tbody);
  const moreBtn = h('button', {type: 'button', class: 'button', hidden: true, 'data-testid': 'load-more'}, 'Load more');
  const status = h('p', {class: 'results-status', role: 'status'});
  const heading = h('h1', {class: 'page-title', tabindex: '-1'}, 'Entities');
  root.replaceChildren(h('div', {class: 'page entities-page'}, heading, form, status, h('div', {class: 'table-wrap'}, table),
    h('div', {class: 'more'}, moreBtn)));

  let next = null;
  async function load(cursor) {
    const spinner = cursor ? null : loading();
    if (spinner) table.before(spinner);
    moreBtn.disabled = true;
    try {
      const page = await api.entities({q, type, limit: PAGE, cursor}, signal);
      const rows = (page.items || []).filter((e) => e && e.key).map((e) => {
        const aliases = (Array.isArray(e.aliases) ? e.aliases : []).filter((a) => a !== e.name);
        return h('tr', null,
          h('td', null, entityChip(e)),
          h('td', {class: 'aliases-cell'}, aliases.slice(0, 4).join(', '), aliases.length > 4 ? ` +${aliases.length - 4}` : ''),
          h('td', {class: 'num'}, Number(e.articleCount || 0).toLocaleString()),
          h('td', {class: 'num'}, Number(e.mentionCount || 0).toLocaleString()));
      });
      tbody.append(...rows);
      next = page.next || null;
      moreBtn.hidden = !next;
      const n = tbody.children.length;
      status.textContent = n ? `${plural(n, 'entity', 'entities')}${next ? ' shown, more available' : ''}.` : 'No entities match.';
      if (cursor && rows[0]) rows[0].querySelector('a').focus();
    } catch (e) {
      if (!isAbort(e)) table.before(errorBox(e, retry));
    } finally {
      if (spinner) spinner.remove();
      moreBtn.disabled = false;
    }
  }
  moreBtn.addEventListener('click', () => next && load(next));
  await load(null);
  return {title: 'Entities', heading};
}
