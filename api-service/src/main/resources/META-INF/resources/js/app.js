// Newsflow web UI: hash routing between the search, article, entity and entity index pages.
//   #/search?q=&type=&source=&entity=&publishedFrom=&publishedTo=&mentionedFrom=&mentionedTo=   (also #/ and empty)
//   #/article/{id}
//   #/entity/{key}
//   #/entities?q=&type=

import {h} from './dom.js';
import {connect, onStatus} from './live.js';
import {createSearchView, searchParams} from './search.js';
import {renderArticle} from './article.js';
import {renderEntity} from './entity.js';
import {renderEntities} from './entities.js';
import {sessionState, signInPage} from './session.js';

const main = document.getElementById('main');
const searchView = createSearchView();

let current = {name: null, controller: null, leave: []};
let lastSearchHash = '#/search';
let searchScroll = 0;
let searchFocus = null;
let first = true;
let focusSearchInput = false;

export function parseRoute(hash) {
  const raw = (hash || '').replace(/^#/, '');
  const qi = raw.indexOf('?');
  const path = qi >= 0 ? raw.slice(0, qi) : raw;
  const usp = new URLSearchParams(qi >= 0 ? raw.slice(qi + 1) : '');
  const segs = path.split('/').filter(Boolean);
  try {
    if (!segs.length || segs[0] === 'search') return {name: 'search', usp};
    if (segs[0] === 'article' && segs.length > 1) return {name: 'article', id: decodeURIComponent(segs.slice(1).join('/'))};
    if (segs[0] === 'entity' && segs.length > 1) return {name: 'entity', key: decodeURIComponent(segs.slice(1).join('/'))};
    if (segs[0] === 'entities') return {name: 'entities', usp};
  } catch {
    // malformed percent-encoding
  }
  return {name: 'notfound'};
}

function setNav(name) {
  for (const a of document.querySelectorAll('.site-nav a')) {
    const active = a.dataset.route === name || (name === 'entity' && a.dataset.route === 'entities')
      || (name === 'article' && a.dataset.route === 'search');
    if (active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function setTitle(title) {
  document.title = title ? `${title} · Newsflow` : 'Newsflow';
}

async function route() {
  const r = parseRoute(location.hash);
  const previous = current.name;

  // leave the current page
  if (current.controller) current.controller.abort();
  for (const fn of current.leave) fn();
  if (previous === 'search') {
    searchScroll = window.scrollY;
    searchFocus = searchView.el.contains(document.activeElement) ? document.activeElement : null;
  }
  const controller = new AbortController();
  current = {name: r.name, controller, leave: []};
  setNav(r.name);

  if (r.name === 'search') {
    lastSearchHash = location.hash && location.hash !== '#' && location.hash !== '#/' ? location.hash : '#/search';
    if (main.firstChild !== searchView.el) main.replaceChildren(searchView.el);
    const refetched = searchView.show(searchParams(r.usp));
    setTitle(searchView.title());
    if (previous !== 'search') {
      if (!refetched) {
        window.scrollTo(0, searchScroll);
        if (searchFocus && searchFocus.isConnected) searchFocus.focus({preventScroll: true});
      } else {
        window.scrollTo(0, 0);
        if (!first) searchView.heading.focus({preventScroll: true});
      }
    }
    if (focusSearchInput) searchView.focusInput();
    focusSearchInput = false;
    first = false;
    return;
  }

  main.replaceChildren();
  window.scrollTo(0, 0);
  const ctx = {
    signal: controller.signal,
    root: main,
    retry: () => route(),
    backHref: lastSearchHash,
    onLeave: (fn) => current.controller === controller && current.leave.push(fn),
  };
  let result = null;
  if (r.name === 'article') result = await renderArticle(r.id, ctx);
  else if (r.name === 'entity') result = await renderEntity(r.key, ctx);
  else if (r.name === 'entities') result = await renderEntities(r.usp, ctx);
  else {
    const heading = h('h1', {class: 'page-title', tabindex: '-1'}, 'Page not found');
    main.replaceChildren(h('div', {class: 'page'}, heading,
      h('p', null, 'There is nothing at this address. ', h('a', {href: '#/search'}, 'Go to the search.'))));
    result = {title: 'Not found', heading};
  }
  if (controller.signal.aborted || !result) return;
  setTitle(result.title);
  const heading = result.heading || main.querySelector('h1');
  if (!first && heading) heading.focus({preventScroll: true});
  first = false;
}

// ---- chrome: skip link, live status, keyboard shortcut

document.querySelector('.skip-link').addEventListener('click', (e) => {
  e.preventDefault();
  main.focus({preventScroll: true});
});

const liveStatus = document.getElementById('live-status');
const LIVE_TEXT = {live: 'Live', connecting: 'Connecting…', offline: 'Live updates off'};
const LIVE_HELP = {
  live: 'New articles are announced as they are stored',
  connecting: 'Connecting to the live stream of new articles',
  offline: 'The live stream of new articles is not available; retrying in the background',
};
onStatus((status) => {
  liveStatus.dataset.status = status;
  liveStatus.title = LIVE_HELP[status];
  liveStatus.querySelector('.live-text').textContent = LIVE_TEXT[status];
});

document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
  e.preventDefault();
  if (current.name === 'search') {
    searchView.focusInput();
  } else {
    focusSearchInput = true;
    location.hash = lastSearchHash;
  }
});

async function start() {
  const session = await sessionState();
  if (session.required && !session.authenticated) {
    setTitle('Sign in');
    main.replaceChildren(signInPage(start));
    main.querySelector('input').focus();
    return;
  }
  window.addEventListener('hashchange', route);
  route();
  connect();
}

start();
