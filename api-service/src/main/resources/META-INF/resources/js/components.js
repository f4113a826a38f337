// Small shared pieces of UI.

import {h, externalUrl} from './dom.js';
import {ApiError} from './api.js';
import {BASIS_HELP, BASIS_LABELS, TYPE_LABELS, formatDate, langAttr, languageName, splitMatches, textDir, typeOf} from './text.js';

export const articleHref = (id) => `#/article/${encodeURIComponent(id)}`;
export const entityHref = (key) => `#/entity/${encodeURIComponent(key)}`;
export const searchHref = (params) => {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) usp.set(k, v);
  const s = usp.toString();
  return s ? `#/search?${s}` : '#/search';
};

const TYPE_ABBR = {PERSON: 'PER', ORGANIZATION: 'ORG', LOCATION: 'LOC', MISC: 'MISC'};

/** A type badge: colour plus a short label, so that the type is never told by colour alone. */
export function typeBadge(type, long = false) {
  const t = typeOf(type);
  return h('span', {class: ['type-badge', `t-${t}`], title: TYPE_LABELS[t]}, long ? TYPE_LABELS[t] : TYPE_ABBR[t]);
}

/** A small label with the article's language code, its name as a tooltip and for screen readers. */
export function languageBadge(code) {
  if (!code) return null;
  const name = languageName(code);
  return h('span', {class: 'lang-badge', 'data-testid': 'language-label', 'data-language': code, title: `Language: ${name}`},
    h('span', {'aria-hidden': 'true'}, code === 'und' ? '?' : code.toUpperCase()),
    h('span', {class: 'visually-hidden'}, `${name} article`));
}

/**
 * A link to the Wikipedia page an entity is, opening in a new tab; null when the entity has none (or its URL is not
 * http/https). `compact`: just "Wikipedia", the page's title for screen readers and as a tooltip.
 */
export function wikipediaLink(link, compact = false) {
  const url = link && link.kb === 'wikipedia' ? externalUrl(link.url) : null;
  if (!url) return null;
  const title = String(link.id || '').replaceAll('_', ' ');
  return h('a', {class: 'kb-link', href: url, rel: 'noopener noreferrer', target: '_blank', 'data-testid': 'entity-link',
    title: `Wikipedia: ${title}`},
  'Wikipedia', compact ? h('span', {class: 'visually-hidden'}, `: ${title}`) : `: ${title}`,
  h('span', {class: 'visually-hidden'}, ' (opens in a new tab)'), h('span', {'aria-hidden': 'true'}, ' ↗'));
}

/** An entity chip linking to the entity page. */
export function entityChip(entity, extra) {
  const t = typeOf(entity.type);
  return h('a', {
    class: ['chip', `t-${t}`],
    href: entityHref(entity.key),
    'data-testid': 'entity-chip',
    'data-type': t,
    'data-key': entity.key,
    title: `${entity.name} (${TYPE_LABELS[t]})`,
  }, h('span', {class: 'chip-type', 'aria-hidden': 'true'}, TYPE_ABBR[t]), h('span', {class: 'chip-name'}, entity.name || entity.key),
  extra ? h('span', {class: 'chip-extra'}, extra) : null);
}

/** Publication date and where it came from. */
export function publishedLine(publishedAt) {
  const p = publishedAt || {};
  const basis = Object.hasOwn(BASIS_LABELS, p.basis) ? p.basis : 'unknown';
  const parts = [];
  if (p.value) {
    parts.push(h('time', {datetime: p.value, title: p.value, class: 'published'}, formatDate(p.value)));
  } else {
    parts.push(h('span', {class: 'published published-unknown'}, 'date unknown'));
  }
  if (p.value || basis !== 'unknown') {
    parts.push(' ', h('span', {class: ['basis', `basis-${basis}`], title: BASIS_HELP[basis], 'data-basis': basis},
      BASIS_LABELS[basis], h('span', {class: 'visually-hidden'}, ` (${BASIS_HELP[basis]})`)));
  }
  return h('span', {class: 'dateline'}, parts);
}

/** Text with the words matching `regex` in <mark>, built from text nodes. */
export function highlighted(text, regex) {
  return splitMatches(text || '', regex).map((p) => (p.match ? h('mark', null, p.text) : p.text));
}

const MAX_CHIPS = 8;

/** One search result (also used for an entity's articles). */
export function resultItem(item, {regex = null, isNew = false} = {}) {
  const entities = Array.isArray(item.entities) ? item.entities : [];
  const chips = entities.map((e) => h('li', null, entityChip(e)));
  const chipList = h('ul', {class: 'chips', 'aria-label': 'Entities'}, chips.slice(0, MAX_CHIPS));
  if (chips.length > MAX_CHIPS) {
    const more = h('button', {type: 'button', class: 'chip chip-more', 'aria-expanded': 'false'}, `+${chips.length - MAX_CHIPS} more`);
    more.addEventListener('click', () => {
      const li = more.parentElement;
      chipList.removeChild(li);
      chipList.append(...chips.slice(MAX_CHIPS));
      const first = chips[MAX_CHIPS].querySelector('a');
      if (first) first.focus();
    });
    chipList.append(h('li', null, more));
  }
  const source = item.source
    ? h('a', {class: 'source', href: searchHref({source: item.source}), title: `All articles from ${item.source}`}, item.source)
    : h('span', {class: 'source source-unknown'}, 'unknown source');
  return h('li', {class: ['result', isNew && 'result-new'], 'data-testid': 'result', 'data-id': item.id},
    h('article', {'aria-labelledby': `r-${item.id}`},
      h('h3', {class: 'result-title', id: `r-${item.id}`, lang: langAttr(item.language), dir: textDir(item.language)},
        h('a', {href: articleHref(item.id)}, highlighted(item.title || '(untitled)', regex))),
      h('p', {class: 'meta'}, languageBadge(item.language), source, h('span', {class: 'sep', 'aria-hidden': 'true'}, '·'),
        publishedLine(item.publishedAt), isNew ? h('span', {class: 'new-badge'}, 'new') : null),
      item.snippet ? h('p', {class: 'snippet', lang: langAttr(item.language), dir: textDir(item.language)},
        highlighted(item.snippet, regex)) : null,
      chips.length ? chipList : null));
}

/** A friendly error box from an ApiError (problem+json) or anything else. */
export function errorBox(error, retry) {
  const e = error instanceof ApiError ? error : new ApiError(0, 'Something went wrong', String(error && error.message || error));
  let title = e.title || 'Something went wrong';
  if (e.status === 404) title = 'Not found';
  else if (e.status === 400) title = 'Please check your search';
  else if (e.status === 401) {
    title = 'Sign in needed';
    retry = () => location.reload(); // start() shows the sign-in form again
  }
  const box = h('div', {class: 'error', role: 'alert', 'data-testid': 'error'},
    h('p', {class: 'error-title'}, title),
    e.detail ? h('p', null, e.detail) : null,
    e.errors.length ? h('ul', null, e.errors.map((f) => h('li', null,
      f && f.field ? h('strong', null, `${f.field}: `) : null, f && f.message ? f.message : ''))) : null);
  if (retry) {
    const btn = h('button', {type: 'button', class: 'button'}, 'Try again');
    btn.addEventListener('click', retry);
    box.append(btn);
  }
  return box;
}

export function loading(label = 'Loading…') {
  return h('p', {class: 'loading', role: 'status'}, h('span', {class: 'spinner', 'aria-hidden': 'true'}), label);
}

export function isAbort(e) {
  return e && e.name === 'AbortError';
}
