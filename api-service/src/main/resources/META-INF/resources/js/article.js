// The article page: the cleaned text with entity mentions and dates marked, entities grouped by type.

import {h, externalUrl} from './dom.js';
import {api} from './api.js';
import {entityChip, entityHref, errorBox, isAbort, languageBadge, loading, publishedLine, searchHref, typeBadge, wikipediaLink} from './components.js';
import {TYPES, TYPE_LABELS, TYPE_PLURALS, formatDate, langAttr, languageName, layoutArticle, plural, textDir, typeOf} from './text.js';

function mentionSpan(entity, parts) {
  const t = typeOf(entity.type);
  return h('span', {
    class: ['mention', `t-${t}`],
    'data-testid': 'mention',
    'data-type': t,
    'data-key': entity.key,
    title: `${entity.name} · ${TYPE_LABELS[t]}`,
    tabindex: '-1',
  }, parts);
}

function dateSpan(date, text) {
  const resolved = date.resolved !== false;
  return h('span', {
    class: ['date-mention', !resolved && 'date-unresolved'],
    'data-testid': 'date-mention',
    'data-type': date.type || 'DATE',
    title: date.value == null ? '' : String(date.value),
  }, text);
}

/** The article body as paragraphs of text nodes and annotation spans. */
export function articleBody(article) {
  const text = typeof article.text === 'string' ? article.text : '';
  const entities = Array.isArray(article.entities) ? article.entities.filter(Boolean) : [];
  const mentions = [];
  for (const e of entities) {
    for (const m of Array.isArray(e.mentions) ? e.mentions : []) {
      if (m) mentions.push({start: m.start, end: m.end, entity: e});
    }
  }
  const dates = (Array.isArray(article.dates) ? article.dates : []).filter(Boolean)
    .map((d) => ({start: d.start, end: d.end, date: d}));
  const paras = layoutArticle(text, mentions, dates);
  return paras.map((pieces) => h('p', null, pieces.map((piece) => {
    const inner = piece.parts.map((part) => (part.date ? dateSpan(part.date, part.text) : part.text));
    return piece.mention ? mentionSpan(piece.mention, inner) : inner;
  })));
}

export async function renderArticle(id, {signal, root, backHref, retry}) {
  root.append(loading('Loading article…'));
  let article;
  try {
    article = await api.article(id, signal);
  } catch (e) {
    if (isAbort(e) || signal.aborted) return null;
    root.replaceChildren(h('div', {class: 'page'}, h('h1', {class: 'page-title', tabindex: '-1'}, 'Article'),
      errorBox(e, retry), h('p', null, h('a', {href: '#/search'}, '← Back to search'))));
    return {title: 'Article not available'};
  }
  if (signal.aborted) return null;

  const entities = (Array.isArray(article.entities) ? article.entities : []).filter((e) => e && e.key);
  const textLength = typeof article.text === 'string' ? article.text.length : 0;
  const title = article.title || '(untitled)';
  const url = externalUrl(article.url);

  // ---- header
  const metaItems = [];
  metaItems.push(h('li', null, h('span', {class: 'label'}, 'Source '),
    article.source ? h('a', {href: searchHref({source: article.source})}, article.source) : 'unknown'));
  metaItems.push(h('li', null, h('span', {class: 'label'}, 'Published '), publishedLine(article.publishedAt)));
  if (article.language) {
    metaItems.push(h('li', null, h('span', {class: 'label'}, 'Language '), languageBadge(article.language), ' ',
      h('a', {href: searchHref({language: article.language}), title: `All articles in ${languageName(article.language)}`},
        languageName(article.language))));
  }
  if (url) {
    metaItems.push(h('li', {class: 'original'}, h('a', {href: url, rel: 'noopener noreferrer', target: '_blank', 'data-testid': 'article-url'},
      'Original article', h('span', {class: 'visually-hidden'}, ' (opens in a new tab)'), h('span', {'aria-hidden': 'true'}, ' ↗')),
    h('span', {class: 'url-host'}, ` ${new URL(url).host}`)));
  } else if (article.url) {
    metaItems.push(h('li', null, h('span', {class: 'label'}, 'URL '), h('code', null, String(article.url))));
  }

  const heading = h('h1', {class: 'article-title', 'data-testid': 'article-title', tabindex: '-1',
    lang: langAttr(article.language), dir: textDir(article.language)}, title);
  const back = h('a', {href: backHref || '#/search', class: 'back'}, '← Back to search');

  // ---- body
  const textBox = h('div', {class: 'article-text', 'data-testid': 'article-text', lang: langAttr(article.language),
    dir: textDir(article.language)});
  const body = articleBody(article);
  if (body.length) textBox.append(...body);
  else textBox.append(h('p', {class: 'muted'}, 'This article has no text.'));

  textBox.addEventListener('click', (e) => {
    const span = e.target.closest('.mention');
    if (!span) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return; // the reader is selecting text
    location.hash = entityHref(span.dataset.key);
  });

  // ---- side: legend with toggles, entities by type, dates
  const counts = {};
  for (const e of entities) counts[typeOf(e.type)] = (counts[typeOf(e.type)] || 0) + 1;
  const legend = h('fieldset', {class: 'legend'}, h('legend', null, 'Highlight'),
    TYPES.map((t) => {
      const box = h('input', {type: 'checkbox', id: `hl-${t}`, checked: true});
      box.addEventListener('change', () => textBox.classList.toggle(`hide-${t}`, !box.checked));
      return h('label', {for: `hl-${t}`, class: 'legend-item'}, box, h('span', {class: ['swatch', `t-${t}`], 'aria-hidden': 'true'}),
        `${TYPE_PLURALS[t]} `, h('span', {class: 'muted'}, `(${counts[t] || 0})`));
    }),
    (() => {
      const box = h('input', {type: 'checkbox', id: 'hl-dates', checked: true});
      box.addEventListener('change', () => textBox.classList.toggle('hide-dates', !box.checked));
      return h('label', {for: 'hl-dates', class: 'legend-item'}, box, h('span', {class: 'swatch swatch-date', 'aria-hidden': 'true'}), 'Dates');
    })());

  const groups = [];
  let flashTimer = null;
  for (const t of TYPES) {
    const list = entities.filter((e) => typeOf(e.type) === t)
      .sort((a, b) => (b.mentions?.length || 0) - (a.mentions?.length || 0) || String(a.name).localeCompare(String(b.name)));
    if (!list.length) continue;
    groups.push(h('section', {class: 'entity-group', 'aria-labelledby': `g-${t}`},
      h('h3', {id: `g-${t}`}, typeBadge(t), ` ${TYPE_PLURALS[t]}`),
      h('ul', {class: 'entity-list'}, list.map((e) => {
        const n = (Array.isArray(e.mentions) ? e.mentions : []).filter((m) => m && Number.isInteger(m.start)
          && Number.isInteger(m.end) && m.start >= 0 && m.start < m.end && m.end <= textLength).length;
        const find = h('button', {type: 'button', class: 'find', title: `Show the mentions of ${e.name} in the text`,
          'aria-label': `Find ${e.name} in the text`, disabled: n === 0}, 'find');
        let i = 0;
        find.addEventListener('click', () => {
          const spans = [...textBox.querySelectorAll('.mention')].filter((s) => s.dataset.key === e.key);
          if (!spans.length) return;
          for (const s of textBox.querySelectorAll('.mention.flash')) s.classList.remove('flash');
          for (const s of spans) s.classList.add('flash');
          clearTimeout(flashTimer);
          flashTimer = setTimeout(() => { for (const s of spans) s.classList.remove('flash'); }, 4000);
          const target = spans[i % spans.length];
          i++;
          target.scrollIntoView({block: 'center', behavior: 'smooth'});
          target.focus({preventScroll: true});
        });
        return h('li', null, entityChip(e, n ? `×${n}` : null), e.subtype ? h('span', {class: 'subtype'}, String(e.subtype).toLowerCase()) : null,
          wikipediaLink(e.link, true), find);
      }))));
  }

  const dates = (Array.isArray(article.dates) ? article.dates : []).filter((d) => d && d.value);
  const dateValues = new Map();
  for (const d of dates) {
    const k = `${d.value}`;
    if (!dateValues.has(k)) dateValues.set(k, {value: d.value, texts: new Set(), resolved: d.resolved !== false, type: d.type});
    dateValues.get(k).texts.add(d.text);
  }
  const dateSection = dateValues.size ? h('section', {class: 'entity-group', 'aria-labelledby': 'g-dates'},
    h('h3', {id: 'g-dates'}, 'Dates mentioned'),
    h('ul', {class: 'date-list'}, [...dateValues.values()].sort((a, b) => String(a.value).localeCompare(String(b.value))).map((d) =>
      h('li', null, h('code', {class: !d.resolved && 'date-unresolved'}, d.value), ' ',
        h('span', {class: 'muted'}, [...d.texts].filter(Boolean).map((t) => `“${t}”`).join(', ')))))) : null;

  const side = h('aside', {class: 'article-side', 'aria-label': 'Entities and dates'},
    legend,
    h('h2', null, `Entities (${entities.length})`),
    groups.length ? groups : h('p', {class: 'muted'}, 'No entities were found in this article.'),
    dateSection);

  const footer = h('footer', {class: 'article-footer'},
    h('dl', null,
      article.receivedAt ? [h('dt', null, 'Received'), h('dd', null, h('time', {datetime: article.receivedAt}, formatDate(article.receivedAt, true)))] : null,
      article.storedAt ? [h('dt', null, 'Stored'), h('dd', null, h('time', {datetime: article.storedAt}, formatDate(article.storedAt, true)))] : null,
      article.enrichment ? [h('dt', null, 'Enrichment'), h('dd', null, `${article.enrichment.version || '?'}, ${plural(article.enrichment.tookMs ?? 0, 'ms', 'ms')}`)] : null,
      [h('dt', null, 'Id'), h('dd', null, h('code', null, article.id || id))],
      article.externalId ? [h('dt', null, 'External id'), h('dd', null, h('code', null, String(article.externalId)))] : null));

  root.replaceChildren(h('div', {class: 'page article-page'},
    h('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'}, back),
    h('article', {class: 'article', 'aria-labelledby': 'article-h'},
      h('header', {class: 'article-header'}, heading, h('ul', {class: 'article-meta'}, metaItems)),
      h('div', {class: 'article-layout'}, h('div', {class: 'article-main'}, textBox, footer), side))));
  heading.id = 'article-h';
  return {title, heading};
}
