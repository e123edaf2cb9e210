// A few helpers for building the page without a framework.

/** h('p', {class: 'x', onclick: f}, 'text', child): an element; null/false children are skipped. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.substring(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A number for people: 3 significant digits, no trailing noise. */
export function num(x, digits = 3) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (typeof x !== 'number') return String(x);
  if (Number.isInteger(x)) return x.toLocaleString('en');
  return Number(x.toPrecision(digits)).toLocaleString('en', { maximumFractionDigits: 6 });
}

export function pct(x) {
  return x === null || x === undefined ? '–' : `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
}

/** A problem (ApiError) shown where the user looks: title, detail and each listed error. */
export function problemBox(error) {
  const items = (error.errors || []).map(e => h('li', {}, typeof e === 'string' ? e : describeProblem(e)));
  return h('div', { class: 'problem', role: 'alert' },
    h('strong', {}, error.title || 'Something went wrong'), ' ', error.message || '',
    items.length ? h('ul', {}, items) : null);
}

function describeProblem(e) {
  const where = [e.file, e.line ? `line ${e.line}` : null, e.path || e.field].filter(Boolean).join(' ');
  return `${where ? where + ': ' : ''}${e.message || e.problem || JSON.stringify(e)}`;
}

/** A select of actors, by name (no record ids on screen), with their ids as values. */
export function actorOptions(actors, selected, { blank } = {}) {
  const sorted = [...actors].sort((a, b) => a.name.localeCompare(b.name));
  return [blank ? h('option', { value: '' }, blank) : null,
    ...sorted.map(a => h('option', { value: a.id, selected: a.id === selected }, a.name))];
}

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
