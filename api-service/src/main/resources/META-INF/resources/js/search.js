// The search page: query, filters, results with cursor paging, live updates, top entities.

import {h, clear} from './dom.js';
import {api} from './api.js';
import {entityChip, errorBox, isAbort, loading, resultItem, searchHref} from './components.js';
import {onArticle} from './live.js';
import {FILTER_LANGUAGES, TYPES, TYPE_LABELS, languageName, plural, queryTerms, termsRegex} from './text.js';

export const SEARCH_FIELDS = ['q', 'type', 'source', 'entity', 'language', 'publishedFrom', 'publishedTo', 'mentionedFrom', 'mentionedTo'];
const FILTER_LABELS = {
  type: 'Entity type', source: 'Source', entity: 'Entity', language: 'Language', publishedFrom: 'Published from', publishedTo: 'Published to',
  mentionedFrom: 'Mentions dates from', mentionedTo: 'Mentions dates to',
};
const PAGE = 20;
const PARTIAL_DATE = '\\d{4}(-\\d{2}(-\\d{2})?)?';

/** The search parameters of a route, only the known ones, trimmed. */
export function searchParams(usp) {
  const p = {};
  for (const f of SEARCH_FIELDS) {
    const v = (usp.get(f) || '').trim();
    if (v) p[f] = v;
  }
  return p;
}

const keyOf = (p) => SEARCH_FIELDS.map((f) => p[f] || '').join('\u0000');
const hasFilters = (p) => SEARCH_FIELDS.some((f) => f !== 'q' && p[f]);

function field(label, input, hint) {
  const id = input.id;
  return h('div', {class: 'field'},
    h('label', {for: id}, label),
    input,
    hint ? h('span', {class: 'field-hint', id: `${id}-hint`}, hint) : null);
}

export function createSearchView() {
  let params = {};
  let shownKey = null;
  let next = null;
  let controller = null;
  let regex = null;
  let shown = new Set();
  let pending = [];
  const sources = new Set();

  // ---- form
  const qInput = h('input', {
    id: 'q', name: 'q', type: 'search', 'data-testid': 'search-input', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'Search articles…', 'aria-describedby': 'q-hint',
  });
  const typeSelect = h('select', {id: 'f-type', name: 'type'},
    h('option', {value: ''}, 'Any type'),
    TYPES.map((t) => h('option', {value: t}, TYPE_LABELS[t])));
  const sourceInput = h('input', {id: 'f-source', name: 'source', type: 'text', list: 'sources-list', autocomplete: 'off'});
  const sourceList = h('datalist', {id: 'sources-list'});
  const entityInput = h('input', {id: 'f-entity', name: 'entity', type: 'text', list: 'entities-list', autocomplete: 'off',
    'aria-describedby': 'f-entity-hint'});
  const entityList = h('datalist', {id: 'entities-list'});
  const languageOption = (code) => h('option', {value: code}, `${languageName(code)} (${code})`);
  const languageSelect = h('select', {id: 'f-language', name: 'language', 'data-testid': 'language-filter',
    'aria-describedby': 'f-language-hint'},
    h('option', {value: ''}, 'Any language'),
    FILTER_LANGUAGES.map(languageOption).sort((a, b) => a.textContent.localeCompare(b.textContent)));
  const pubFrom = h('input', {id: 'f-publishedFrom', name: 'publishedFrom', type: 'date'});
  const pubTo = h('input', {id: 'f-publishedTo', name: 'publishedTo', type: 'date'});
  const menFrom = h('input', {id: 'f-mentionedFrom', name: 'mentionedFrom', type: 'text', inputmode: 'numeric',
    pattern: PARTIAL_DATE, placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD', 'aria-describedby': 'f-mentionedFrom-hint'});
  const menTo = h('input', {id: 'f-mentionedTo', name: 'mentionedTo', type: 'text', inputmode: 'numeric',
    pattern: PARTIAL_DATE, placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD', 'aria-describedby': 'f-mentionedTo-hint'});
  const inputs = {q: qInput, type: typeSelect, source: sourceInput, entity: entityInput, language: languageSelect, publishedFrom: pubFrom,
    publishedTo: pubTo, mentionedFrom: menFrom, mentionedTo: menTo};

  const clearBtn = h('button', {type: 'button', class: 'button button-quiet'}, 'Clear filters');
  const details = h('details', {class: 'filters'},
    h('summary', null, 'Filters', h('span', {class: 'filter-count'})),
    h('div', {class: 'filter-grid'},
      field('Mentions an entity of type', typeSelect),
      field('Entity (name or key)', entityInput, 'Articles about this entity, any of its names'),
      field('Source', sourceInput),
      field('Language', languageSelect, 'Words match in the forms of each article\'s language'),
      field('Published from', pubFrom),
      field('Published to', pubTo),
      field('Mentions dates from', menFrom, 'Dates spoken of in the text'),
      field('Mentions dates to', menTo, 'e.g. 2019 or 2019-05'),
      h('div', {class: 'filter-actions'}, h('button', {type: 'submit', class: 'button'}, 'Apply filters'), clearBtn)),
    sourceList, entityList);

  const form = h('form', {class: 'search-form', role: 'search', 'data-testid': 'search-form', 'aria-label': 'Search articles', novalidate: false},
    h('div', {class: 'searchbar'},
      h('label', {for: 'q', class: 'visually-hidden'}, 'Search articles'),
      qInput,
      h('button', {type: 'submit', class: 'button button-primary'}, 'Search')),
    h('p', {class: 'hint', id: 'q-hint'}, 'Words match in any form. Use "quotes" for a phrase, OR for either word, -word to exclude, e.g. Haftar "arms shipments" -Trump.'),
    details);

  // ---- results
  const activeFilters = h('ul', {class: 'active-filters', 'aria-label': 'Active filters'});
  const bannerText = h('span', {class: 'banner-text'});
  const bannerBtn = h('button', {type: 'button', class: 'button button-small'}, 'Show');
  const banner = h('div', {class: 'live-banner', 'data-testid': 'live-banner', role: 'status', hidden: true}, bannerText, bannerBtn);
  const status = h('p', {class: 'results-status', 'data-testid': 'results-status', role: 'status', 'aria-live': 'polite'});
  const results = h('ol', {class: 'results', 'data-testid': 'results', 'aria-labelledby': 'results-h'});
  const moreBtn = h('button', {type: 'button', class: 'button', 'data-testid': 'load-more', hidden: true}, 'Load more');
  const moreBox = h('div', {class: 'more'}, moreBtn);
  const errorSlot = h('div', {class: 'error-slot'});

  // ---- side
  const topList = h('ol', {class: 'top-entities', 'data-testid': 'top-entities', 'aria-labelledby': 'top-h'});
  const side = h('aside', {class: 'side', 'aria-labelledby': 'top-h'},
    h('h2', {id: 'top-h'}, 'Top entities'),
    topList,
    h('p', null, h('a', {href: '#/entities'}, 'All entities →')));

  const heading = h('h1', {class: 'page-title', tabindex: '-1'}, 'Search');
  const el = h('div', {class: 'page search-page'},
    h('div', {class: 'search-main'}, heading, form, activeFilters, banner, errorSlot,
      h('h2', {class: 'visually-hidden', id: 'results-h'}, 'Results'), status, results, moreBox),
    side);

  // ---- behaviour
  function readForm() {
    const p = {};
    for (const [name, input] of Object.entries(inputs)) {
      const v = input.value.trim();
      if (v) p[name] = v;
    }
    return p;
  }

  function fillForm(p) {
    // a language the list does not offer (another code, or several: de,fr) still shows as chosen
    if (p.language && ![...languageSelect.options].some((o) => o.value === p.language)) {
      languageSelect.append(languageOption(p.language));
    }
    for (const [name, input] of Object.entries(inputs)) input.value = p[name] || '';
    const n = SEARCH_FIELDS.filter((f) => f !== 'q' && p[f]).length;
    details.querySelector('.filter-count').textContent = n ? ` (${n})` : '';
    if (n) details.open = true;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = readForm();
    const href = searchHref(p);
    if (location.hash === href) run(p);
    else location.hash = href;
  });

  clearBtn.addEventListener('click', () => {
    const q = qInput.value.trim();
    location.hash = searchHref(q ? {q} : {});
    qInput.focus();
  });

  let entityTimer = null;
  let entityCtl = null;
  entityInput.addEventListener('input', () => {
    clearTimeout(entityTimer);
    const q = entityInput.value.trim();
    if (q.length < 2) return;
    entityTimer = setTimeout(async () => {
      if (entityCtl) entityCtl.abort();
      entityCtl = new AbortController();
      try {
        const page = await api.entities({q, limit: 10}, entityCtl.signal);
        clear(entityList);
        for (const e of page.items || []) {
          entityList.append(h('option', {value: e.name, label: `${TYPE_LABELS[e.type] || e.type} · ${plural(e.articleCount, 'article')}`}));
        }
      } catch {
        // suggestions are a convenience: ignore
      }
    }, 250);
  });

  // the source filter suggests every known source, most articles first; sources seen in results join later
  api.sources({limit: 200}).then((page) => addSources(page.items || [])).catch(() => {
    // suggestions are a convenience: ignore
  });

  function addSources(items) {
    let added = false;
    for (const it of items) {
      if (it.source && !sources.has(it.source)) {
        sources.add(it.source);
        added = true;
      }
    }
    if (added) {
      clear(sourceList);
      for (const s of [...sources].sort()) sourceList.append(h('option', {value: s}));
    }
  }

  function renderActiveFilters(p) {
    clear(activeFilters);
    for (const f of SEARCH_FIELDS) {
      if (f === 'q' || !p[f]) continue;
      const without = {...p};
      delete without[f];
      const value = f === 'type' ? (TYPE_LABELS[p[f]] || p[f])
        : f === 'language' ? p[f].split(',').map((c) => languageName(c.trim())).join(', ') : p[f];
      activeFilters.append(h('li', null, h('a', {class: 'filter-pill', href: searchHref(without), title: `Remove this filter`},
        h('span', null, `${FILTER_LABELS[f]}: `), h('strong', null, value), h('span', {'aria-hidden': 'true', class: 'x'}, ' ×'),
        h('span', {class: 'visually-hidden'}, ' (remove)'))));
    }
  }

  function updateBanner() {
    if (!pending.length) {
      banner.hidden = true;
      return;
    }
    const n = pending.length;
    if (!params.q && !hasFilters(params)) {
      bannerText.textContent = `${plural(n, 'new article')} arrived.`;
      bannerBtn.textContent = 'Show';
    } else {
      bannerText.textContent = `${plural(n, 'new article')} stored since this search.`;
      bannerBtn.textContent = 'Refresh results';
    }
    banner.hidden = false;
  }

  bannerBtn.addEventListener('click', () => {
    if (!params.q && !hasFilters(params)) {
      const fresh = pending.filter((a) => !shown.has(a.id)).reverse();
      pending = [];
      updateBanner();
      const nodes = fresh.map((a) => {
        shown.add(a.id);
        return resultItem(a, {regex, isNew: true});
      });
      results.prepend(...nodes);
      addSources(fresh);
      if (nodes[0]) nodes[0].querySelector('h3 a').focus();
      loadTop();
    } else {
      run(params);
    }
  });

  onArticle((a) => {
    if (shown.has(a.id) || pending.some((p) => p.id === a.id)) return;
    pending.push(a);
    updateBanner();
  });

  function setStatus() {
    const n = results.children.length;
    if (n === 0) {
      status.textContent = params.q || hasFilters(params)
        ? 'No articles match. Try fewer or other words, or remove some filters.'
        : 'No articles stored yet.';
    } else {
      status.textContent = `${plural(n, 'article')}${next ? ' shown, more available' : ''}${params.q ? (params.q.includes('"') ? ` for ${params.q}` : ` for “${params.q}”`) : ''}.`;
    }
  }

  async function fetchPage(cursor) {
    if (controller) controller.abort();
    controller = new AbortController();
    const signal = controller.signal;
    return api.searchArticles({...params, limit: PAGE, cursor}, signal);
  }

  async function run(p) {
    params = p;
    shownKey = keyOf(p);
    regex = termsRegex(queryTerms(p.q));
    fillForm(p);
    renderActiveFilters(p);
    pending = [];
    updateBanner();
    shown = new Set();
    next = null;
    clear(results);
    clear(errorSlot);
    moreBtn.hidden = true;
    status.textContent = '';
    results.setAttribute('aria-busy', 'true');
    const spinner = loading('Searching…');
    errorSlot.append(spinner);
    try {
      const page = await fetchPage(null);
      spinner.remove();
      appendItems(page);
    } catch (e) {
      if (isAbort(e)) return;
      spinner.remove();
      shownKey = null;
      errorSlot.append(errorBox(e, () => run(params)));
    } finally {
      results.removeAttribute('aria-busy');
    }
  }

  function appendItems(page) {
    const items = (page.items || []).filter((a) => a && a.id && !shown.has(a.id));
    const nodes = items.map((a) => {
      shown.add(a.id);
      return resultItem(a, {regex});
    });
    results.append(...nodes);
    addSources(items);
    next = page.next || null;
    moreBtn.hidden = !next;
    setStatus();
    return nodes;
  }

  moreBtn.addEventListener('click', async () => {
    if (!next) return;
    moreBtn.disabled = true;
    moreBtn.textContent = 'Loading…';
    clear(errorSlot);
    try {
      const page = await fetchPage(next);
      const nodes = appendItems(page);
      if (nodes[0]) nodes[0].querySelector('h3 a').focus();
    } catch (e) {
      if (!isAbort(e)) moreBox.before(errorBox(e));
    } finally {
      moreBtn.disabled = false;
      moreBtn.textContent = 'Load more';
    }
  });

  let topCtl = null;
  async function loadTop() {
    if (topCtl) topCtl.abort();
    topCtl = new AbortController();
    try {
      const page = await api.entities({limit: 15}, topCtl.signal);
      clear(topList);
      for (const e of page.items || []) {
        topList.append(h('li', null, entityChip(e),
          h('span', {class: 'count', title: `${plural(e.articleCount, 'article')}, ${plural(e.mentionCount, 'mention')}`},
            plural(e.articleCount, 'article'))));
      }
      if (!topList.children.length) topList.append(h('li', {class: 'muted'}, 'No entities yet.'));
    } catch (e) {
      if (!isAbort(e)) {
        clear(topList);
        topList.append(h('li', null, errorBox(e, loadTop)));
      }
    }
  }

  let topLoaded = false;
  return {
    el,
    heading,
    title: () => (params.q ? `${params.q} – Search` : 'Search'),
    /** Shows the results for `p`; the same search as last time keeps its results (and scroll position). */
    show(p) {
      if (!topLoaded) {
        topLoaded = true;
        loadTop();
      }
      if (keyOf(p) === shownKey) {
        fillForm(p);
        return false;
      }
      run(p);
      return true;
    },
    focusInput() {
      qInput.focus();
      qInput.select();
    },
  };
}
