// The co-occurrence graph of an entity, in SVG: the entity at the centre, the related entities on one or
// two ellipses around it, edge width by shared articles, nodes are links to the related entity pages.

import {s} from './dom.js';
import {entityHref} from './components.js';
import {TYPE_LABELS, plural, typeOf} from './text.js';

const truncate = (str, n) => (str.length > n ? `${str.slice(0, n - 1).trimEnd()}…` : str);
const round = (v) => Math.round(v * 10) / 10;

export function drawGraph(entity, related, width) {
  const W = Math.max(300, Math.min(1000, Math.floor(width)));
  const narrow = W < 600;
  const all = (related || []).filter((r) => r && r.key);
  const nodes = all.slice(0, narrow ? 12 : 25);
  const n = nodes.length;
  const noteSpace = all.length > n ? 22 : 0;
  const H = (narrow ? Math.round(W * 1.05) : Math.min(540, Math.round(W * 0.62))) + noteSpace;
  const cx = W / 2;
  const cy = (H - noteSpace) / 2;
  const labelRoom = narrow ? 62 : 130;
  const rx = Math.max(60, cx - labelRoom - 12);
  const ry = Math.max(60, cy - 34);
  const labelMax = narrow ? 13 : 24;

  const max = Math.max(1, ...nodes.map((r) => Number(r.articleCount) || 0));
  const twoRings = n > 12;

  const svg = s('svg', {
    class: 'entity-graph', 'data-testid': 'entity-graph', width: W, height: H, viewBox: `0 0 ${W} ${H}`,
    role: 'group', 'aria-label': `Entities that appear in the same articles as ${entity.name}`,
  });
  svg.append(s('title', null, `Co-occurrence graph of ${entity.name}`));

  nodes.forEach((r, i) => {
    const t = typeOf(r.type);
    const count = Number(r.articleCount) || 0;
    const share = count / max;
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    const ring = twoRings && i % 2 === 1 ? 0.62 : 1;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const x = cx + rx * ring * cos;
    const y = cy + ry * ring * sin;
    const radius = 5 + 9 * Math.sqrt(share);

    let anchor = 'middle';
    let lx = x + (radius + 6) * cos;
    let ly = y + (radius + 6) * sin;
    if (cos > 0.3) anchor = 'start';
    else if (cos < -0.3) anchor = 'end';
    else ly += sin < 0 ? -4 : 10;
    if (anchor !== 'middle') ly += 4;
    const name = String(r.name || r.key);
    // room for the label before the edge of the drawing, at about 7px per character of 12px text
    const room = anchor === 'start' ? W - lx - 4 : anchor === 'end' ? lx - 4 : Math.min(lx, W - lx) * 2 - 8;
    const maxChars = Math.max(4, Math.min(labelMax, Math.floor(room / 7)));

    const link = s('a', {
      href: entityHref(r.key), class: ['graph-node', `t-${t}`], 'data-testid': 'graph-node', 'data-key': r.key,
      'aria-label': `${name}, ${TYPE_LABELS[t]}, ${plural(count, 'shared article')}`,
    },
    s('title', null, `${name} (${TYPE_LABELS[t]}): ${plural(count, 'shared article')}`),
    s('line', {class: 'edge', x1: round(cx), y1: round(cy), x2: round(x), y2: round(y), 'stroke-width': round(1 + 8 * share)}),
    s('circle', {class: 'node', cx: round(x), cy: round(y), r: round(radius)}),
    s('text', {class: 'node-label', x: round(lx), y: round(ly), 'text-anchor': anchor}, truncate(name, maxChars)));
    svg.append(link);
  });

  const t = typeOf(entity.type);
  svg.append(s('g', {class: ['graph-center', `t-${t}`], 'data-testid': 'graph-center'},
    s('circle', {class: 'node', cx: round(cx), cy: round(cy), r: 20}),
    s('text', {class: 'center-label', x: round(cx), y: round(cy + 38), 'text-anchor': 'middle'}, truncate(String(entity.name || entity.key), 28))));
  if (noteSpace) {
    svg.append(s('text', {class: 'graph-empty', x: round(cx), y: H - 6, 'text-anchor': 'middle'},
      `${n} strongest of ${all.length} shown; all are in the list`));
  }
  if (!n) {
    svg.append(s('text', {class: 'graph-empty', x: round(cx), y: round(cy - 34), 'text-anchor': 'middle'},
      'No co-occurring entities yet'));
  }
  return svg;
}
