// Live updates: one EventSource on /stream for the whole app. Each newly stored article arrives as an
// `article` event carrying the summary JSON. Listeners get the parsed summaries; a status listener
// gets 'connecting' | 'live' | 'offline'.

const listeners = new Set();
const statusListeners = new Set();
let source = null;
let status = 'offline';
let retryTimer = null;
let retryDelay = 5000;

function setStatus(s) {
  status = s;
  for (const fn of statusListeners) fn(s);
}

function handle(event) {
  let data;
  try {
    data = JSON.parse(event.data);
  } catch {
    return;
  }
  if (!data || typeof data !== 'object' || typeof data.id !== 'string') return;
  for (const fn of listeners) fn(data);
}

export function connect() {
  if (source || typeof EventSource === 'undefined') return;
  setStatus('connecting');
  source = new EventSource('stream');
  source.addEventListener('open', () => {
    retryDelay = 5000;
    setStatus('live');
  });
  source.addEventListener('article', handle);
  source.addEventListener('error', () => {
    if (!source) return;
    if (source.readyState === EventSource.CLOSED) {
      // the browser gave up (e.g. 404 or a wrong content type): try again later, backing off
      source = null;
      setStatus('offline');
      clearTimeout(retryTimer);
      retryTimer = setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 120000);
    } else {
      setStatus('connecting');
    }
  });
}

export function onArticle(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function onStatus(fn) {
  statusListeners.add(fn);
  fn(status);
  return () => statusListeners.delete(fn);
}
