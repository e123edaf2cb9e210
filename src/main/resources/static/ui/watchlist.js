// The watch-list view: the countries of concern in a year (open data: Early Warning Project
// mass-killing episodes, UCDP/PRIO armed conflicts), each built as a case with the engager's
// second ring and ranked by priority (POST /api/watch-list; a long run answers 202 with a job,
// polled here until it is done). With years (2012-2016) it shows the lists side by side and a
// chart of each country's priority over the years.
import { h, fill, num, pct, problemBox } from './dom.js';

let app;
const ui = {};

export function mount(el, theApp) {
  app = theApp;
  fill(el,
    h('div', { class: 'panel' },
      h('h2', {}, 'Watch list'),
      h('p', { class: 'hint' }, 'Countries of concern in a year, ranked by how bad and how current their episodes are combined with how much the engager can do. Each country\u2019s case is built (or refreshed) from open data for the five years ending that year.'),
      ui.form = h('form', { id: 'watch-list-form', onsubmit: run },
        h('div', { class: 'row' },
          h('label', {}, 'Engager ', ui.engager = h('input', { id: 'wl-engager', value: 'USA', size: 4, required: true, 'aria-label': 'engager, ISO3' })),
          h('label', {}, 'Year ', ui.year = h('input', { id: 'wl-year', type: 'number', value: 2015, min: 1950, max: 2100 })),
          h('label', {}, 'or years ', ui.years = h('input', { id: 'wl-years', placeholder: '2012-2016', size: 9 })),
          h('label', {}, 'Coalition ', ui.coalition = h('input', { id: 'wl-coalition', placeholder: 'GBR,FRA', size: 10 })),
          h('label', {}, 'Countries ', ui.countries = h('input', { id: 'wl-countries', placeholder: 'all of concern', size: 14 })),
          ui.button = h('button', { type: 'submit', id: 'wl-run' }, 'Build and rank'))),
      ui.progress = h('p', { id: 'wl-progress', role: 'status', 'aria-live': 'polite' }),
      ui.result = h('div', { id: 'wl-result' })));
}

const codes = text => text.split(',').map(s => s.trim().toUpperCase()).filter(Boolean);

async function run(e) {
  e.preventDefault();
  const body = { engager: ui.engager.value.trim().toUpperCase() };
  if (ui.years.value.trim()) body.years = ui.years.value.trim();
  else body.year = Number(ui.year.value);
  if (codes(ui.coalition.value).length) body.coalition = codes(ui.coalition.value);
  if (codes(ui.countries.value).length) body.countries = codes(ui.countries.value);
  ui.button.disabled = true;
  fill(ui.progress, 'Building the cases and ranking them\u2026');
  fill(ui.result);
  try {
    let answer = await app.api.post('/api/watch-list', { ...body, waitSeconds: 2 });
    while (!answer.rows && !answer.lists && answer.statusUrl) {
      if (answer.status === 'failed') throw new Error(answer.error);
      if (answer.status === 'done') { answer = answer.result; break; }
      fill(ui.progress, `Building: ${answer.done} of ${answer.total || '?'} countries${answer.lastCountry ? ` (last ${answer.lastCountry})` : ''}\u2026`);
      await new Promise(r => setTimeout(r, 1000));
      answer = await app.api.get(answer.statusUrl);
    }
    if (answer.lists) {
      fill(ui.progress, `${answer.countries.length} countries for ${answer.engager}, ${answer.from}\u2013${answer.to}, in ${num(answer.millis / 1000)} s.`);
      fill(ui.result, chart(answer), historyTable(answer));
      return;
    }
    fill(ui.progress, `${answer.countries} countries for ${answer.engager}${answer.coalition.length ? ' + ' + answer.coalition.join(', ') : ''}, cases ${answer.window}, in ${num(answer.millis / 1000)} s.`);
    fill(ui.result, table(answer));
  } catch (err) {
    fill(ui.progress);
    fill(ui.result, problemBox(err));
  } finally {
    ui.button.disabled = false;
  }
}

function table(list) {
  return h('table', { id: 'wl-table' },
    h('thead', {}, h('tr', {},
      ['#', 'country', 'priority', 'leverage', 'reach', 'top patron (its leverage)', 'forum risk', 'lead channel', 'episodes']
        .map(t => h('th', {}, t)))),
    h('tbody', {}, list.rows.map(r => [
      h('tr', { 'data-country': r.country },
        h('td', { class: 'n' }, r.rank),
        h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => open(r.caseId) }, r.name),
          h('div', { class: 'hint' }, r.caseId)),
        h('td', { class: 'n' }, num(r.priority)),
        h('td', { class: 'n' }, num(r.leverage)),
        h('td', { class: 'n' }, num(r.reach)),
        h('td', {}, r.topPatron ? `${r.topPatron.name} (${pct(r.topPatron.shieldShare)} of the shield; ${r.topPatron.leverage > 0 ? num(r.topPatron.leverage) + ' via ' + r.topPatron.channel : r.topPatron.channel})` : '–'),
        h('td', {}, num(r.forumShoppingRisk.risk), r.forumShoppingRisk.escapeVenues.length ? h('div', { class: 'hint' }, 'escape: ' + r.forumShoppingRisk.escapeVenues.join(', ')) : null),
        h('td', {}, r.leadChannel.name || r.leadChannel.note),
        h('td', {}, h('ul', {}, r.episodes.map(ep => h('li', {}, `${ep.name} (${ep.startYear}\u2013${ep.endYear ?? 'ongoing'}${ep.kind === 'mass-killing' ? (ep.stateLed ? ', state-led' : ', non-state-led') : ''})`))))),
      h('tr', { class: 'hint' }, h('td', {}), h('td', { colspan: 8 }, r.explanation, ' ', r.question))])));
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** Priority per country over the years: the ten best-ranked countries, one line each. */
function chart(history) {
  const shown = history.countries.slice(0, 10);
  const years = history.lists.map(l => l.year);
  const W = 640, H = 260, L = 40, R = 150, T = 10, B = 30;
  const x = i => L + (years.length === 1 ? 0 : i * (W - L - R) / (years.length - 1));
  const y = p => T + (1 - p) * (H - T - B);
  const colour = i => `hsl(${(i * 360) / shown.length}, 65%, 40%)`;
  const el = svg('svg', { id: 'wl-chart', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img',
    'aria-label': 'Priority per country over the years' });
  for (const p of [0, 0.25, 0.5, 0.75, 1]) {
    el.append(svg('line', { x1: L, x2: W - R, y1: y(p), y2: y(p), stroke: '#ddd' }),
      svg('text', { x: L - 6, y: y(p) + 4, 'text-anchor': 'end', 'font-size': 11 }, p));
  }
  years.forEach((yr, i) => el.append(svg('text', { x: x(i), y: H - 10, 'text-anchor': 'middle', 'font-size': 11 }, yr)));
  shown.forEach((c, k) => {
    const pts = c.years.map((p, i) => p.priority == null ? null : [x(i), y(p.priority)]).filter(Boolean);
    if (!pts.length) return;
    el.append(svg('polyline', { points: pts.map(p => p.join(',')).join(' '), fill: 'none', stroke: colour(k), 'stroke-width': 2 },
      svg('title', {}, `${c.name}: ${c.years.map(p => `${p.year} ${p.priority ?? '–'}`).join(', ')}`)));
    const last = pts[pts.length - 1];
    el.append(svg('text', { x: W - R + 6, y: last[1] + 4, 'font-size': 11, fill: colour(k) }, c.name));
  });
  return h('div', { class: 'panel' }, h('h3', {}, 'Priority over the years (the ten best-ranked countries)'), el);
}

function historyTable(history) {
  return h('table', { id: 'wl-history' },
    h('thead', {}, h('tr', {}, h('th', {}, 'country'), history.lists.map(l => h('th', {}, `${l.year}: priority (rank), top patron`)))),
    h('tbody', {}, history.countries.map(c => h('tr', { 'data-country': c.country },
      h('td', {}, c.name),
      c.years.map(p => h('td', {}, p.rank == null ? '–' : `${num(p.priority)} (${p.rank}) ${p.topPatron || '–'}`))))));
}

async function open(caseId) {
  try {
    await app.refreshCaseList(caseId);
    await app.loadCase(caseId);
    app.select('leverage');
  } catch (e) {
    fill(ui.result, problemBox(e));
  }
}
