// Safe DOM building. Every piece of data goes through textContent or setAttribute on a
// vetted attribute name: no HTML parsing anywhere, no inline styles, no inline handlers.

const SVG_NS = 'http://www.w3.org/2000/svg';

const FORBIDDEN_ATTR = /^(on|style$|srcdoc$|formaction$)/i;

function setAttrs(el, attrs) {
  if (!attrs) return;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (FORBIDDEN_ATTR.test(name)) throw new Error(`attribute ${name} is not allowed`);
    if (name === 'class') {
      el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : String(value));
    } else if (name === 'dataset') {
      for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null) el.dataset[k] = String(v);
    } else if (name === 'href' || name === 'src' || name === 'action' || name === 'xlink:href') {
      el.setAttribute(name, safeHref(String(value)));
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** h('a', {href: '#/x', class: 'y'}, 'text', otherNode) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  return append(el, children);
}

/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  return append(el, children);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function replaceChildren(el, ...children) {
  clear(el);
  return append(el, children);
}

/** Internal (hash) links pass; external links only when http or https. Anything else becomes '#'. */
export function safeHref(value) {
  if (value.startsWith('#') || value.startsWith('/') && !value.startsWith('//')) return value;
  return externalUrl(value) || '#';
}

/** The URL if it is an absolute http(s) URL, else null. */
export function externalUrl(value) {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
