// Pure text helpers (no DOM): annotation layout over article text, query-term highlighting,
// date formatting. Kept free of the DOM so that they can be checked with plain node.

export const TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'];
export const TYPE_LABELS = {PERSON: 'Person', ORGANIZATION: 'Organization', LOCATION: 'Location', MISC: 'Other'};
export const TYPE_PLURALS = {PERSON: 'People', ORGANIZATION: 'Organizations', LOCATION: 'Places', MISC: 'Other'};

/** A known entity type, or MISC for anything unexpected (keeps class names and data-type values bounded). */
export function typeOf(value) {
  const t = String(value || '').toUpperCase();
  return TYPES.includes(t) ? t : 'MISC';
}

const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Valid, non-overlapping spans sorted by start. Offsets are UTF-16 code units (JS string indices),
 * end exclusive. Spans with missing, non-integer, reversed or out-of-range offsets are dropped;
 * spans cutting a surrogate pair in half are widened to the whole character; of overlapping spans
 * the one starting first (the longest when tied) wins.
 */
export function cleanSpans(spans, text) {
  const len = text.length;
  const valid = [];
  for (const span of spans || []) {
    if (!span) continue;
    let {start, end} = span;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > len || start >= end) continue;
    if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start -= 1;
    if (end < len && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end += 1;
    valid.push({...span, start, end});
  }
  valid.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const kept = [];
  let lastEnd = 0;
  for (const span of valid) {
    if (span.start >= lastEnd) {
      kept.push(span);
      lastEnd = span.end;
    }
  }
  return kept;
}

/**
 * Cuts [from, to) into pieces: {start, end, span} where span is the (clipped) annotation covering the
 * piece, or null for plain text. `spans` must come from cleanSpans.
 */
export function layer(from, to, spans) {
  const pieces = [];
  let pos = from;
  for (const span of spans) {
    if (span.end <= from) continue;
    if (span.start >= to) break;
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    if (start > pos) pieces.push({start: pos, end: start, span: null});
    pieces.push({start, end, span});
    pos = end;
  }
  if (pos < to) pieces.push({start: pos, end: to, span: null});
  return pieces;
}

/** Paragraph ranges [start, end): the text split on blank lines, each range trimmed of outer white space. */
export function paragraphs(text) {
  const ranges = [];
  const sep = /\n[^\S\n]*\n\s*/g;
  let pos = 0;
  const push = (start, end) => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) ranges.push([start, end]);
  };
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    push(pos, m.index);
    pos = m.index + m[0].length;
  }
  push(pos, text.length);
  return ranges;
}

/**
 * The layout of an article body: paragraphs of pieces, mentions outermost, dates inside them (a date that
 * crosses a mention boundary is cut in two; a mention crossing a paragraph break is cut at the break).
 * mentions: [{start, end, entity}], dates: [{start, end, date}]
 * -> [[{mention: entity|null, text, parts: [{date: date|null, text}]}]]
 */
export function layoutArticle(text, mentions, dates) {
  const m = cleanSpans(mentions, text);
  const d = cleanSpans(dates, text);
  return paragraphs(text).map(([ps, pe]) =>
    layer(ps, pe, m).map((outer) => ({
      mention: outer.span ? outer.span.entity : null,
      text: text.slice(outer.start, outer.end),
      parts: layer(outer.start, outer.end, d).map((inner) => ({
        date: inner.span ? inner.span.date : null,
        text: text.slice(inner.start, inner.end),
      })),
    })));
}

// ---- query highlighting ---------------------------------------------------------------------

// PostgreSQL's english configuration drops these; highlighting them would only be noise.
const STOPWORDS = new Set(('a about above after again against all am an and any are as at be because been before being below ' +
  'between both but by can did do does doing down during each few for from further had has have having he her here ' +
  'hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off ' +
  'on once only or other our ours ourselves out over own same she should so some such than that the their theirs ' +
  'them themselves then there these they this those through to too under until up very was we were what when where ' +
  'which while who whom why will with you your yours yourself yourselves').split(' '));

/** A light English stem so that 'negotiations' also marks 'negotiation' (the search itself stems). */
export function stem(word) {
  let w = word.toLowerCase();
  if (w.length > 5 && w.endsWith('ies')) return w.slice(0, -3);
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'edly', 'ed', 'es', 's', 'ly']) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) return w.slice(0, -suffix.length);
  }
  if (w.length > 4 && w.endsWith('y')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** The words a web-search query looks for: quoted phrases word by word, without OR, negated terms and stop words. */
export function queryTerms(q) {
  const terms = new Set();
  const token = /(-?)"([^"]*)"?|(\S+)/g;
  for (let m = token.exec(q || ''); m; m = token.exec(q || '')) {
    let words;
    if (m[2] !== undefined) {
      if (m[1]) continue;
      words = m[2];
    } else {
      const t = m[3];
      if (t === 'OR' || t.startsWith('-')) continue;
      words = t;
    }
    for (const w of words.match(WORD) || []) {
      const lower = w.toLowerCase();
      if (!STOPWORDS.has(lower)) terms.add(stem(lower.replace(/['’].*$/, '')));
    }
  }
  return [...terms].filter(Boolean);
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression marking the words that start with one of the stems, or null. */
export function termsRegex(terms) {
  if (!terms.length) return null;
  const alt = [...terms].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})[\\p{L}\\p{N}]*`, 'giu');
}

/** text -> [{text, match}] */
export function splitMatches(text, regex) {
  const out = [];
  if (!regex || !text) return text ? [{text, match: false}] : out;
  regex.lastIndex = 0;
  let pos = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0].length === 0) { regex.lastIndex++; continue; }
    if (m.index > pos) out.push({text: text.slice(pos, m.index), match: false});
    out.push({text: m[0], match: true});
    pos = m.index + m[0].length;
  }
  if (pos < text.length) out.push({text: text.slice(pos), match: false});
  return out;
}

// ---- dates ---------------------------------------------------------------------------------

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_ONLY = /^(\d{4})-(\d{2})$/;

/** '2019-05-30' -> '30 May 2019' (no time zone shift); a date-time in the reader's zone; else the value as is. */
export function formatDate(value, withTime = false) {
  if (!value) return '';
  const str = String(value);
  let m = DATE_ONLY.exec(str);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.toLocaleDateString(undefined, {timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric'});
  }
  m = MONTH_ONLY.exec(str);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, 1));
    return d.toLocaleDateString(undefined, {timeZone: 'UTC', year: 'numeric', month: 'short'});
  }
  const t = Date.parse(str);
  if (Number.isNaN(t)) return str;
  const opts = {year: 'numeric', month: 'short', day: 'numeric'};
  if (withTime) Object.assign(opts, {hour: '2-digit', minute: '2-digit'});
  return new Date(t).toLocaleString(undefined, opts);
}

export const BASIS_LABELS = {
  given: 'given',
  page: 'from page',
  inferred: 'inferred',
  unknown: 'unknown',
};

export const BASIS_HELP = {
  given: 'Publication date given by whoever submitted the article',
  page: 'Publication date read from the web page',
  inferred: 'Publication date inferred from the text',
  unknown: 'Publication date unknown',
};

/** Months from 'YYYY-MM' to 'YYYY-MM' inclusive, or null when either is not a month or the span is huge. */
export function monthRange(first, last, max = 600) {
  const a = MONTH_ONLY.exec(first || '');
  const b = MONTH_ONLY.exec(last || '');
  if (!a || !b) return null;
  let y = +a[1];
  let mo = +a[2];
  const end = +b[1] * 12 + +b[2];
  if (end - (y * 12 + mo) > max || end < y * 12 + mo) return null;
  const out = [];
  while (y * 12 + mo <= end) {
    out.push(`${y}-${String(mo).padStart(2, '0')}`);
    mo++;
    if (mo > 12) { mo = 1; y++; }
  }
  return out;
}

/** The last day of a 'YYYY-MM' month as 'YYYY-MM-DD'. */
export function monthEnd(month) {
  const m = MONTH_ONLY.exec(month);
  if (!m) return month;
  const d = new Date(Date.UTC(+m[1], +m[2], 0));
  return d.toISOString().slice(0, 10);
}

export function plural(n, one, many = `${one}s`) {
  return `${Number(n).toLocaleString()} ${n === 1 ? one : many}`;
}

/** Languages offered by the search page's language filter (any ISO 639-1 code works in the URL). */
export const FILTER_LANGUAGES = ['ar', 'zh', 'nl', 'en', 'fr', 'de', 'el', 'he', 'hi', 'it', 'ja', 'ko', 'fa', 'pl',
  'pt', 'ru', 'es', 'sv', 'tr', 'uk', 'ur'];

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ku']);
let languageNames = null;

/** The English name of a language code ("de" -> "German"); the code itself where the browser has no name. */
export function languageName(code) {
  if (!code || code === 'und') return 'Undetermined';
  try {
    languageNames = languageNames || new Intl.DisplayNames(['en'], {type: 'language'});
    return languageNames.of(code) || code;
  } catch {
    return code;
  }
}

/**
 * The writing direction of text in a language: rtl for the right-to-left scripts, otherwise auto, so that the
 * browser still follows the text itself (an article whose language is unknown, a quoted Hebrew title).
 */
export function textDir(code) {
  return code && RTL_LANGUAGES.has(String(code).toLowerCase()) ? 'rtl' : 'auto';
}

/** A lang attribute value: the article's ISO code, none when undetermined. */
export function langAttr(code) {
  return code && code !== 'und' ? code : null;
}
