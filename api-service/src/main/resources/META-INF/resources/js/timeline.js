// Monthly timeline bar chart in SVG. Months without articles between the first and the last are shown
// as gaps; each bar links to the search for that month.

import {s} from './dom.js';
import {formatDate, monthRange, plural} from './text.js';

const round = (v) => Math.round(v * 10) / 10;

function niceTicks(max) {
  if (max <= 4) return Array.from({length: max + 1}, (_, i) => i);
  const step = Math.ceil(max / 4);
  const ticks = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

/** points: [{date: 'YYYY-MM', articles}], hrefFor(month) -> link or null */
export function drawTimeline(points, width, hrefFor, label) {
  const clean = (points || []).filter((p) => p && typeof p.date === 'string')
    .map((p) => ({date: p.date, articles: Math.max(0, Number(p.articles) || 0)}))
    .sort((a, b) => a.date.localeCompare(b.date));
  const counts = new Map(clean.map((p) => [p.date, p.articles]));
  const months = (clean.length && monthRange(clean[0].date, clean[clean.length - 1].date)) || clean.map((p) => p.date);

  const W = Math.max(280, Math.min(1000, Math.floor(width)));
  const H = 210;
  const m = {top: 18, right: 10, bottom: 34, left: 38};
  const plotW = W - m.left - m.right;
  const plotH = H - m.top - m.bottom;
  const max = Math.max(1, ...clean.map((p) => p.articles));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1];
  const yOf = (v) => m.top + plotH - (plotH * v) / top;

  const svg = s('svg', {
    class: 'entity-timeline', 'data-testid': 'entity-timeline', width: W, height: H, viewBox: `0 0 ${W} ${H}`,
    role: 'group', 'aria-label': label || 'Articles per month',
  });
  svg.append(s('title', null, label || 'Articles per month'));

  for (const v of ticks) {
    const y = round(yOf(v));
    svg.append(s('line', {class: v === 0 ? 'axis' : 'grid', x1: m.left, x2: W - m.right, y1: y, y2: y}));
    svg.append(s('text', {class: 'tick', x: m.left - 6, y: y + 4, 'text-anchor': 'end'}, String(v)));
  }

  const n = Math.max(1, months.length);
  const band = plotW / n;
  const barW = Math.max(2, Math.min(56, band * 0.78));
  const labelEvery = Math.max(1, Math.ceil(64 / band));

  months.forEach((month, i) => {
    const x = m.left + band * i + (band - barW) / 2;
    const count = counts.get(month) || 0;
    const text = `${formatDate(month)}: ${plural(count, 'article')}`;
    if (count > 0) {
      const y = yOf(count);
      const rect = s('rect', {
        class: 'bar', 'data-testid': 'timeline-bar', 'data-month': month, 'data-count': count,
        x: round(x), y: round(y), width: round(barW), height: round(m.top + plotH - y),
      }, s('title', null, text));
      const href = hrefFor ? hrefFor(month) : null;
      const bar = href ? s('a', {href, class: 'bar-link', 'aria-label': text}, rect) : rect;
      svg.append(bar);
      if (band >= 22) {
        svg.append(s('text', {class: 'bar-value', x: round(x + barW / 2), y: round(y - 5), 'text-anchor': 'middle'}, String(count)));
      }
    }
    if (i % labelEvery === 0) {
      // keep the first and last labels inside the drawing
      const cxLabel = m.left + band * i + band / 2;
      let anchor = 'middle';
      let lx = cxLabel;
      if (cxLabel + 32 > W) { anchor = 'end'; lx = W - 2; }
      else if (cxLabel - 32 < 0) { anchor = 'start'; lx = 2; }
      svg.append(s('text', {class: 'tick', x: round(lx), y: H - m.bottom + 18, 'text-anchor': anchor}, formatDate(month)));
    }
  });
  if (!clean.length) {
    svg.append(s('text', {class: 'graph-empty', x: W / 2, y: H / 2, 'text-anchor': 'middle'}, 'No articles yet'));
  }
  return svg;
}
