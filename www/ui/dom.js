// @ts-check
// DOM building without HTML strings. Every text goes through textContent / text nodes;
// attributes are set one by one; links go through safeUrl so that only http: and https:
// URLs become links. No function here ever touches innerHTML.

const SAFE_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * The URL as a string when it is an absolute http(s) URL, otherwise null.
 * @param {unknown} value
 */
export function safeUrl(value) {
  if (typeof value !== 'string' || value.trim() === '') return null;
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/**
 * The element type a spec ('input', 'p.hint', '.box') creates.
 * @template {string} S
 * @typedef {S extends `${infer T}.${string}` ? (T extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[T] : HTMLElement)
 *   : S extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[S] : HTMLElement} ElementOf
 */

/**
 * What h() and append() take as children: text, nodes, nested lists; nothing is skipped.
 * @typedef {string | number | Node | null | undefined | false | readonly any[]} Child
 */

/**
 * h('tag.class', {attr: value, on: {click: fn}, dataset: {...}}, ...children)
 * Children: strings/numbers (become text), nodes, arrays, null/false (skipped).
 * @template {string} S
 * @param {S} spec
 * @param {Record<string, any> | Child} [attrs]
 * @param {...Child} children
 * @returns {ElementOf<S>}
 */
export function h(spec, attrs, ...children) {
  if (attrs === null || typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs)) {
    children.unshift(attrs);
    attrs = {};
  }
  const [tag, ...classes] = spec.split('.');
  const el = /** @type {ElementOf<S>} */ (document.createElement(tag || 'div'));
  if (classes.length) el.classList.add(...classes);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'on') {
      for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key === 'class') {
      el.classList.add(...String(value).split(/\s+/).filter(Boolean));
    } else if (key === 'href' || key === 'src' || key === 'action' || key === 'innerHTML' || key === 'outerHTML' || key.startsWith('on')) {
      throw new Error(`h(): set "${key}" through link()/route links, never directly`);
    } else if (key === 'value' || key === 'checked' || key === 'selected' || key === 'disabled' || key === 'hidden') {
      /** @type {any} */ (el)[key] = value;
      if (key !== 'value' && key !== 'checked' && key !== 'selected') el.setAttribute(key, '');
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/**
 * @template {Element} E
 * @param {E} el
 * @param {readonly Child[]} children
 * @returns {E}
 */
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/**
 * A link inside the app: `#/...` routes only (relative, so the app works under a sub-path).
 * @param {string} route
 * @param {Record<string, any>} attrs
 * @param {...Child} children
 */
export function routeLink(route, attrs, ...children) {
  if (!route.startsWith('#/')) throw new Error(`routeLink: ${route} is not an app route`);
  const a = h('a', attrs, ...children);
  a.setAttribute('href', route);
  return a;
}

/**
 * A link to an outside page when the URL is http(s); otherwise the text as plain text (and the
 * URL after it, as text, so nothing is hidden from the reader).
 * @param {string | undefined} url
 * @param {string | undefined} text
 */
export function externalLink(url, text) {
  const safe = safeUrl(url);
  const label = text && String(text).trim() ? String(text) : String(url ?? '');
  if (!safe) {
    return url && label !== url ? h('span.unsafe-link', label, ' (', String(url), ')') : h('span.unsafe-link', label);
  }
  const a = h('a.external', { target: '_blank', rel: 'noopener noreferrer' }, label);
  a.setAttribute('href', safe);
  append(a, [h('span.visually-hidden', ' (opens in a new tab)')]);
  return a;
}

let uid = 0;
/** A page-unique id for label/aria wiring. */
export function nextId(prefix = 'id') {
  uid += 1;
  return `${prefix}-${uid}`;
}
