// The entity page: names, counts, co-occurrence graph, monthly timeline and the entity's articles.

import {h} from './dom.js';
import {api} from './api.js';
import {entityChip, entityHref, errorBox, isAbort, loading, resultItem, searchHref, typeBadge, wikipediaLink} from './components.js';
import {curationHistory, curationPanel} from './curation.js';
import {drawGraph} from './graph.js';
import {drawTimeline} from './timeline.js';
import {TYPE_LABELS, formatDate, monthEnd, plural} from './text.js';

const PAGE = 20;

/** Re-draws `draw(width)` into `box` now and whenever the box changes width. Returns a disconnect function. */
function responsive(box, draw) {
  let lastWidth = 0;
  let timer = null;
  const paint = () => {
    const width = box.clientWidth || 600;
    if (Math.abs(width - lastWidth) < 8) return;
    lastWidth = width;
    box.replaceChildren(draw(width));
  };
  const ro = new ResizeObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(paint, 80);
  });
  ro.observe(box);
  paint();
  return () => ro.disconnect();
}

export async function renderEntity(key, {signal, root, retry, onLeave}) {
  root.append(loading('Loading entity…'));
  let entity;
  try {
    entity = await api.entity(key, signal);
  } catch (e) {
    if (isAbort(e) || signal.aborted) return null;
    // a rejected entity is not found: its corrections stay here, to be undone
    root.replaceChildren(h('div', {class: 'page'}, h('h1', {class: 'page-title', tabindex: '-1'}, 'Entity'),
      errorBox(e, retry), h('p', null, h('a', {href: '#/entities'}, '← All entities')), curationHistory(key, retry)));
    return {title: 'Entity not available'};
  }
  if (signal.aborted) return null;

  const name = entity.name || entity.key;
  const type = entity.type;
  const aliases = (Array.isArray(entity.aliases) ? entity.aliases : []).filter((a) => a && a !== name);
  const related = (Array.isArray(entity.related) ? entity.related : []).filter((r) => r && r.key);
  const timeline = Array.isArray(entity.timeline) ? entity.timeline : [];
  const mentioned = Array.isArray(entity.mentionedTimeline) ? entity.mentionedTimeline : [];

  const heading = h('h1', {class: 'entity-title', tabindex: '-1'},
    h('span', {'data-testid': 'entity-name', class: 'entity-name'}, name), ' ', typeBadge(type, true));

  const header = h('header', {class: 'entity-header'},
    heading,
    aliases.length ? h('p', {class: 'aliases'}, h('span', {class: 'label'}, 'Also written '),
      h('ul', {class: 'alias-list', 'data-testid': 'entity-aliases'}, aliases.map((a) => h('li', null, a)))) : null,
    h('dl', {class: 'stats'},
      h('div', null, h('dt', null, 'Articles'), h('dd', {'data-testid': 'entity-article-count'}, Number(entity.articleCount || 0).toLocaleString())),
      h('div', null, h('dt', null, 'Mentions'), h('dd', {'data-testid': 'entity-mention-count'}, Number(entity.mentionCount || 0).toLocaleString())),
      h('div', null, h('dt', null, 'Connected to'), h('dd', null, related.length.toLocaleString())),
      timeline.length ? h('div', null, h('dt', null, 'Active'), h('dd', null,
        timeline.length === 1 ? formatDate(timeline[0].date) : `${formatDate(timeline[0].date)} – ${formatDate(timeline[timeline.length - 1].date)}`)) : null),
    h('p', {class: 'entity-actions'},
      h('a', {class: 'button', href: searchHref({entity: entity.key})}, 'Search within its articles'),
      wikipediaLink(entity.link),
      h('code', {class: 'entity-key', title: 'Entity key'}, entity.key)));

  // ---- graph
  const graphBox = h('div', {class: 'chart-box graph-box'});
  const relatedList = h('details', {class: 'related-list'},
    h('summary', null, `Connections as a list (${related.length})`),
    h('ol', null, related.map((r) => h('li', null, entityChip(r), ` ${plural(Number(r.articleCount) || 0, 'shared article')}`))));
  const graphSection = h('section', {class: 'card', 'aria-labelledby': 'graph-h'},
    h('h2', {id: 'graph-h'}, 'Connections'),
    h('p', {class: 'muted small'}, 'Entities named in the same articles. Thicker lines: more shared articles. Select a node to open it.'),
    graphBox, related.length ? relatedList : null);

  // ---- timeline
  const timelineBox = h('div', {class: 'chart-box timeline-box'});
  const timelineSection = h('section', {class: 'card', 'aria-labelledby': 'timeline-h'},
    h('h2', {id: 'timeline-h'}, 'Articles per month'),
    h('p', {class: 'muted small'}, 'By publication month (articles without a known date are left out). Select a bar to search that month.'),
    timelineBox);
  const mentionedBox = h('div', {class: 'chart-box timeline-box', 'data-testid': 'mentioned-timeline'});
  const mentionedSection = h('section', {class: 'card', 'aria-labelledby': 'mentioned-h'},
    h('h2', {id: 'mentioned-h'}, 'Months its articles speak of'),
    h('p', {class: 'muted small'}, 'Dates written in the articles (day or month precision), by month. Select a bar to search articles speaking of that month.'),
    mentionedBox);

  // ---- articles
  const list = h('ol', {class: 'results', 'data-testid': 'entity-articles', 'aria-labelledby': 'articles-h'});
  const moreBtn = h('button', {type: 'button', class: 'button', 'data-testid': 'load-more', hidden: true}, 'Load more');
  const status = h('p', {class: 'results-status', role: 'status'});
  const articlesSection = h('section', {class: 'entity-articles', 'aria-labelledby': 'articles-h'},
    h('h2', {id: 'articles-h'}, `Articles mentioning ${name}`), status, list, h('div', {class: 'more'}, moreBtn));

  root.replaceChildren(h('div', {class: 'page entity-page'},
    h('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'}, h('a', {href: '#/entities'}, 'Entities'), h('span', {'aria-hidden': 'true'}, ' / '),
      h('span', null, TYPE_LABELS[type] || type)),
    header,
    curationPanel(entity, (shown) => (shown === key ? retry() : (location.hash = entityHref(shown)))),
    h('div', {class: 'entity-charts'}, graphSection, timelineSection, mentioned.length ? mentionedSection : null),
    articlesSection,
    curationHistory(entity.key, retry)));

  const stopGraph = responsive(graphBox, (w) => drawGraph(entity, related, w));
  const stopTimeline = responsive(timelineBox, (w) => drawTimeline(timeline, w,
    (month) => searchHref({entity: entity.key, publishedFrom: `${month}-01`, publishedTo: monthEnd(month)}),
    `Articles mentioning ${name} per month`));
  const stopMentioned = mentioned.length ? responsive(mentionedBox, (w) => drawTimeline(mentioned, w,
    (month) => searchHref({entity: entity.key, mentionedFrom: month, mentionedTo: month}),
    `Months the articles mentioning ${name} speak of`)) : () => {};
  onLeave(() => {
    stopGraph();
    stopTimeline();
    stopMentioned();
  });

  let next = null;
  const seen = new Set();
  async function load(cursor) {
    moreBtn.disabled = true;
    const spinner = cursor ? null : loading('Loading articles…');
    if (spinner) list.before(spinner);
    try {
      const page = await api.searchArticles({entity: entity.key, limit: PAGE, cursor}, signal);
      const nodes = (page.items || []).filter((a) => a && a.id && !seen.has(a.id)).map((a) => {
        seen.add(a.id);
        return resultItem(a);
      });
      list.append(...nodes);
      next = page.next || null;
      moreBtn.hidden = !next;
      status.textContent = list.children.length
        ? `${plural(list.children.length, 'article')}${next ? ' shown, more available' : ''}.`
        : 'No articles found.';
      if (cursor && nodes[0]) nodes[0].querySelector('h3 a').focus();
    } catch (e) {
      if (!isAbort(e)) list.after(errorBox(e));
    } finally {
      if (spinner) spinner.remove();
      moreBtn.disabled = false;
    }
  }
  moreBtn.addEventListener('click', () => next && load(next));
  load(null);

  return {title: name, heading};
}
