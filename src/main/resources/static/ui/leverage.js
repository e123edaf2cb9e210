// The leverage view: the case's graph with its filters and actor details, and, for an engager and
// a target, the strongest leverage paths (highlighted on the graph, each hop with its evidence),
// the patrons to press, who can reach the target at all (influence), the chokepoints, and a
// what-if that removes an actor or a tie and shows what changes.
import { h, fill, num, pct, problemBox, actorOptions } from './dom.js';
import { CaseGraph, GROUP_COLOURS } from './graph.js';
import { values } from './schema.js';
import { plain, sentences, methodNote, itemText, namesList, brief } from './words.js';

let app;
let graph;
const ui = {};
let lastPaths = null;

export function mount(el, theApp) {
  app = theApp;
  // the forms side by side, then the graph across the page with its legend above it (in view
  // whenever the graph is), then the details and the answers
  fill(el,
    h('div', { class: 'split forms' }, filtersForm(), queryForm()),
    h('div', { class: 'graph-wrap' },
      legend(),
      h('div', { id: 'graph', role: 'img', 'aria-label': 'Graph of the case: actors and the ties between them. Every actor and tie is also listed in the details panel and the tables.' })),
    h('div', { class: 'split' },
      h('div', {},
        ui.details = h('div', { id: 'details', class: 'panel', 'aria-live': 'polite' }, detailsHint())),
      h('div', {},
        ui.paths = h('div', { id: 'paths-panel', class: 'panel' }, h('h2', {}, 'Leverage paths'),
          startHint()),
        ui.patrons = h('details', { id: 'patrons-panel', class: 'panel', open: true }, h('summary', {}, 'Patrons to press')),
        ui.influence = h('details', { id: 'influence-panel', class: 'panel' }, h('summary', {}, 'Influence on the target (all paths)')),
        ui.chokepoints = h('details', { id: 'chokepoints-panel', class: 'panel' }, h('summary', {}, 'Chokepoints (supply lines)')),
        whatIfPanel())));
  graph = new CaseGraph(document.getElementById('graph'), { onSelect: showDetails });
  app.on('case', ({ changedCase }) => caseLoaded(changedCase));
}

export function shown() {
  // Cytoscape measures its container; a hidden tab has none, so redraw the viewport on return
  graph?.cy?.resize();
}

function detailsHint() {
  return h('p', { class: 'hint' }, 'Click an actor or a tie on the graph, or search for an actor, to see its attributes, ties and sources. Point at an actor for its full name.');
}

function startHint() {
  return h('p', { class: 'hint' }, 'Start here: pick an engager (a state, forum or person that wants the atrocities stopped) and a target (the regime\'s leader, or a unit), then "Find leverage". You get the strongest chains of influence from one to the other, the patrons that shield the target and whom to press, who can reach the target at all, and the supply ties to cut.');
}

// ---- filters and the graph ----------------------------------------------------------------------

function filtersForm() {
  const multi = (id, label, values) => h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, multiple: true, size: 4, onchange: () => applyFilters(true) }, values.map(v => h('option', { value: v }, v))));
  return h('form', { class: 'panel', id: 'graph-filters', onsubmit: e => e.preventDefault() },
    h('div', { class: 'row' },
      h('div', { class: 'field wide' },
        h('label', { for: 'actor-search' }, 'Search an actor'),
        ui.search = h('input', { id: 'actor-search', list: 'actor-names', placeholder: 'name or id', onchange: searchActor }),
        ui.names = h('datalist', { id: 'actor-names' })),
      h('div', { class: 'field wide' },
        h('label', { for: 'asof-slider' }, 'As of ', ui.asofText = h('output', { id: 'asof-text', for: 'asof-slider' })),
        ui.slider = h('input', { id: 'asof-slider', type: 'range', min: 0, max: 0, step: 1, oninput: sliderMoved, onchange: sliderMoved }),
        ui.rangeText = h('span', { class: 'hint', id: 'asof-range' })),
      h('button', { type: 'button', class: 'secondary', onclick: () => { resetFilters(); } }, 'Show all'),
      h('button', { type: 'button', class: 'secondary', onclick: () => graph.fit() }, 'Fit to screen')),
    h('details', { id: 'more-filters' },
      h('summary', {}, 'Filter by actor kind, tie type and channel ', ui.shownCount = h('span', { class: 'hint', id: 'shown-count' })),
      h('div', { class: 'row' },
        multi('filter-kinds', 'Actor kinds', values('actors', 'kind')),
        multi('filter-types', 'Tie types', values('ties', 'type')),
        multi('filter-channels', 'Channels', values('ties', 'channel'))),
      h('p', { class: 'hint' }, 'Hold Ctrl (⌘ on a Mac) to pick several. Nothing picked: all. The as-of day also dates every analysis.')));
}

function legend() {
  return h('div', { class: 'legend', 'aria-label': 'Legend' },
    Object.entries(GROUP_COLOURS).map(([g, c]) => h('span', {}, h('span', { class: 'swatch', style: `background:${c}` }), g === 'none' ? 'no target group' : g)),
    h('span', {}, h('span', { class: 'line', style: 'border-color:#7d8b99' }), 'supportive tie'),
    h('span', {}, h('span', { class: 'line', style: 'border-color:#b3262c;border-top-style:dashed' }), 'hostile tie'),
    h('span', {}, h('span', { class: 'line', style: 'border-color:#1b1f24' }), 'command'),
    h('span', {}, h('span', { class: 'line', style: 'border-color:#f4a000' }), 'highlighted path'),
    h('span', {}, 'shape: kind (leader ●, state ▢, forum ⬡, armed group ▲, business ◆); size: capability; width: strength × confidence'));
}

/**
 * The case's own period: the years its id or title names ("kenya-2007-2008": 2007-01-01 to
 * 2008-12-31; "rwanda-1994": the year 1994), or null when it names none.
 */
export function casePeriod(summary) {
  for (const text of [summary.id, summary.title]) {
    const m = /(?:^|\D)((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?:\D|$)/.exec(text || '');
    if (m) {
      const last = m[2] && m[2] >= m[1] ? m[2] : m[1];
      return { first: `${m[1]}-01-01`, last: `${last}-12-31` };
    }
  }
  return null;
}

/**
 * The crisis window the slider spans: from the earliest to the latest date the case's ties and
 * messages name, and its as-of day, leaving out the dates outside the case's own period (a tie
 * that held from 1996 or ended in 2016 does not stretch a 2007-2008 case).
 */
export function dayRange(summary, ties, messages) {
  const period = casePeriod(summary);
  const days = [summary.asOf, ...ties.flatMap(t => [t.from, t.to]), ...messages.map(m => m.date)]
    .filter(Boolean).filter(d => !period || (d >= period.first && d <= period.last)).sort();
  if (summary.asOf && !days.includes(summary.asOf)) days.push(summary.asOf);
  days.sort();
  return days.length ? { first: days[0], last: days[days.length - 1] } : null;
}

const addDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().substring(0, 10);
const daysBetween = (a, b) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);

function caseLoaded(changedCase) {
  fill(ui.names, app.actors.map(a => h('option', { value: a.name })));
  for (const select of [ui.engager, ui.target]) {
    const keep = changedCase ? null : select.value;
    fill(select, actorOptions(app.actors, keep, { blank: 'choose…' }));
  }
  fill(ui.removeActor, actorOptions(app.actors, null, { blank: 'no actor' }));
  fill(ui.removeTie, h('option', { value: '' }, 'no tie'),
    [...app.ties].sort((a, b) => tieLabel(a).localeCompare(tieLabel(b))).map(t => h('option', { value: t.id }, tieLabel(t))));
  const range = dayRange(app.summary, app.ties, app.messages);
  ui.range = range;
  if (range) {
    ui.slider.max = daysBetween(range.first, range.last);
    const wanted = app.selection.asOf || app.summary.asOf || range.last;
    ui.slider.value = Math.max(0, Math.min(Number(ui.slider.max), daysBetween(range.first, wanted)));
    fill(ui.rangeText, `${range.first} to ${range.last}`);
  } else {
    fill(ui.rangeText);
  }
  if (changedCase) {
    // nothing of the last case stays: filters, search, details, answers, open panels
    for (const id of ['filter-kinds', 'filter-types', 'filter-channels']) {
      for (const o of document.getElementById(id).options) o.selected = false;
    }
    ui.search.value = '';
    fill(ui.details, detailsHint());
    clearAnswers();
    ui.patrons.open = true;
    ui.influence.open = false;
    ui.chokepoints.open = false;
    ui.whatIf.open = false;
    fill(ui.formProblem);
  }
  graph.draw(app.actors, app.ties);
  applyFilters();
  graph.fit();
  if (!changedCase && lastPaths) graph.highlight(lastPaths.paths[0] || null);
}

/** Clears every answer on screen and the highlighted path (before a new query, or another case). */
function clearAnswers() {
  lastPaths = null;
  graph.highlight(null);
  fill(ui.paths, h('h2', {}, 'Leverage paths'), startHint());
  for (const panel of [ui.patrons, ui.influence, ui.chokepoints]) fill(panel, panel.firstChild);
  fill(ui.whatIfResult);
  for (const name of ['paths', 'patrons', 'influence', 'chokepoints', 'whatIf']) delete app.results[name];
}

function sliderMoved() {
  if (!ui.range) return;
  const day = addDays(ui.range.first, Number(ui.slider.value));
  app.selection.asOf = day;
  fill(ui.asofText, day);
  applyFilters();
}

function selected(id) {
  return new Set([...document.getElementById(id).selectedOptions].map(o => o.value));
}

function applyFilters(refit = false) {
  const day = ui.range ? addDays(ui.range.first, Number(ui.slider.value)) : null;
  if (day) fill(ui.asofText, day);
  const shown = graph.filter({ kinds: selected('filter-kinds'), types: selected('filter-types'), channels: selected('filter-channels'), day, refit });
  fill(ui.shownCount, `(${shown.actors} actors and ${shown.ties} ties shown)`);
}

function resetFilters() {
  for (const id of ['filter-kinds', 'filter-types', 'filter-channels']) {
    for (const o of document.getElementById(id).options) o.selected = false;
  }
  if (ui.range) ui.slider.value = daysBetween(ui.range.first, app.summary.asOf || ui.range.last);
  sliderMoved();
  graph.highlight(null);
  graph.fit();
}

function searchActor() {
  const text = ui.search.value.trim().toLowerCase();
  if (!text) return;
  const match = app.actors.find(a => a.name.toLowerCase() === text)
    || app.actors.find(a => a.id.toLowerCase() === text)
    || app.actors.find(a => a.name.toLowerCase().includes(text));
  if (!match) {
    fill(ui.details, h('p', { class: 'notice' }, `No actor matches "${ui.search.value}".`));
    return;
  }
  graph.focus(match.id);
  showDetails({ actor: match.id });
}

// ---- details of an actor or a tie ----------------------------------------------------------------

function sourceList(ids) {
  if (!ids || !ids.length) return h('span', { class: 'muted' }, 'no source');
  return h('ul', { class: 'sources' }, ids.map(id => {
    const s = app.source(id);
    if (!s) return h('li', {}, id);
    return h('li', {}, s.url ? h('a', { href: s.url, target: '_blank', rel: 'noopener' }, s.citation) : s.citation, h('span', { class: 'muted' }, ` [${id}]`));
  }));
}

function tieLabel(t) {
  return `${app.name(t.source)} → ${t.type} → ${app.name(t.target)}`;
}

function showDetails({ actor, tie }) {
  if (actor) {
    const a = app.actor(actor);
    if (!a) return;
    const out = app.ties.filter(t => t.source === a.id);
    const inn = app.ties.filter(t => t.target === a.id);
    const tieRow = (t, other) => h('tr', {},
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => showDetails({ tie: t.id }) }, t.type)),
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => { graph.focus(other); showDetails({ actor: other }); } }, app.name(other))),
      h('td', {}, h('span', { class: `tag ${t.polarity}` }, t.polarity)),
      h('td', { class: 'n' }, num(t.strength)), h('td', { class: 'n' }, num(t.confidence)));
    const tieTable = (title, list, end) => list.length ? [h('h3', {}, `${title} (${list.length})`),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'type'), h('th', {}, end), h('th', {}, 'polarity'), h('th', { class: 'n' }, 'strength'), h('th', { class: 'n' }, 'confidence'))),
        h('tbody', {}, list.map(t => tieRow(t, end === 'to' ? t.target : t.source))))] : null;
    fill(ui.details,
      h('h2', {}, a.name),
      h('p', {}, h('span', { class: 'tag' }, a.kind), ' ', a.targetGroup ? h('span', { class: 'tag' }, a.targetGroup) : null,
        a.country ? ` ${a.country}` : '', ' · id ', h('code', {}, a.id)),
      h('p', {}, `position ${num(a.position)} (−1 drives the atrocities, +1 wants them stopped) · capability ${num(a.capability)} · salience ${num(a.salience)}`
        + (a.decisionRule ? ` · decides by ${a.decisionRule}` : '')),
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'secondary', onclick: () => { ui.engager.value = a.id; } }, 'Use as engager'),
        h('button', { type: 'button', class: 'secondary', onclick: () => { ui.target.value = a.id; } }, 'Use as target'),
        h('button', { type: 'button', class: 'secondary', onclick: () => { ui.removeActor.value = a.id; ui.whatIf.open = true; } }, 'What if it were gone?')),
      h('h3', {}, 'Sources'), sourceList(a.sources),
      tieTable('Ties out', out, 'to'), tieTable('Ties in', inn, 'from'));
  } else if (tie) {
    const t = app.ties.find(x => x.id === tie);
    if (!t) return;
    fill(ui.details,
      h('h2', {}, tieLabel(t)),
      h('p', {}, h('span', { class: `tag ${t.polarity}` }, t.polarity), ' ', h('span', { class: 'tag' }, t.channel), ' · id ', h('code', {}, t.id)),
      h('p', {}, `strength ${num(t.strength)} × confidence ${num(t.confidence)} = p ${num(t.strength * t.confidence)}`
        + ` · holds ${t.from || 'always'} to ${t.to || 'still'}`
        + (t.veto != null ? ` · veto: ${t.veto ? 'yes' : 'no'}` : '') + (t.votingWeight != null ? ` · voting weight ${num(t.votingWeight)}` : '')),
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'secondary', onclick: () => { ui.removeTie.value = t.id; ui.whatIf.open = true; } }, 'What if it were cut?')),
      h('h3', {}, 'Sources'), sourceList(t.sources));
  }
}

// ---- engager and target: paths, patrons, influence, chokepoints -------------------------------

function queryForm() {
  return h('form', { class: 'panel', id: 'leverage-form', onsubmit: e => { e.preventDefault(); runAll(); } },
    h('h2', {}, 'Who can move whom'),
    h('div', { class: 'row' },
      h('div', { class: 'field wide' }, h('label', { for: 'engager' }, 'Engager (who acts)'), ui.engager = h('select', { id: 'engager', required: true })),
      h('div', { class: 'field wide' }, h('label', { for: 'target' }, 'Target (who must change course)'), ui.target = h('select', { id: 'target', required: true }))),
    h('div', { class: 'row' },
      h('div', { class: 'field' }, h('label', { for: 'k' }, 'Paths'), ui.k = h('input', { id: 'k', type: 'number', min: 1, max: 20, value: 5 })),
      h('div', { class: 'field' }, h('label', { for: 'max-hops' }, 'Longest path (ties)'), ui.maxHops = h('input', { id: 'max-hops', type: 'number', min: 1, max: 12, placeholder: 'any' })),
      h('button', { type: 'submit', id: 'find-leverage' }, 'Find leverage')),
    ui.formProblem = h('div', {}));
}

function params() {
  return { engager: ui.engager.value, target: ui.target.value, asOf: app.selection.asOf };
}

async function runAll() {
  const { engager, target, asOf } = params();
  fill(ui.formProblem);
  if (!engager || !target) {
    fill(ui.formProblem, problemBox({ title: 'Choose both', message: 'an engager and a target.' }));
    return;
  }
  app.selection.engager = engager;
  app.selection.target = target;
  clearAnswers(); // a refused or failed query leaves nothing of the last one on screen
  const query = `${brief(app.name(engager))} → ${brief(app.name(target))}`;
  app.status(`Analysing ${query} as of ${asOf || 'the case date'}…`);
  const path = app.casePath('');
  // influence: the API's own default number of samples, so the answer equals the API's and the CLI's
  const failed = (await Promise.all([
    runPanel(ui.paths, 'Leverage paths', 'paths', () => app.api.get(`${path}/paths`, { from: engager, to: target, k: ui.k.value, maxHops: ui.maxHops.value, asOf }), renderPaths),
    runPanel(ui.patrons, 'Patrons to press', 'patrons', () => app.api.get(`${path}/patrons`, { target, engager, asOf }), renderPatrons),
    runPanel(ui.influence, 'Influence on the target (all paths)', 'influence', () => app.api.get(`${path}/influence`, { target, asOf }), renderInfluence),
    runPanel(ui.chokepoints, 'Chokepoints (supply lines)', 'chokepoints', () => app.api.get(`${path}/chokepoints`, { to: target, asOf }), renderChokepoints),
  ])).filter(Boolean);
  if (failed.length) app.fail(`${query}: the API refused ${failed.map(f => f.title.toLowerCase()).join(', ')}`, failed[0].error);
  else app.status(`${query}: done.`);
}

/** Fills a panel with an answer; on a refusal shows the problem there and returns what failed. */
async function runPanel(panel, title, name, fetcher, render) {
  const head = panel.tagName === 'DETAILS' ? h('summary', {}, title) : h('h2', {}, title);
  fill(panel, head, h('p', { class: 'hint' }, 'Working…'));
  try {
    const answer = await fetcher();
    app.remember(name, answer);
    fill(panel, head, render(answer));
    return null;
  } catch (e) {
    delete app.results[name];
    if (name === 'paths') { lastPaths = null; graph.highlight(null); }
    fill(panel, head, problemBox(e));
    return { title, error: e };
  }
}

function hopList(path) {
  return h('ul', { class: 'hops' }, path.hops.map(hop => h('li', {},
    `${hop.sourceName || app.name(hop.source)} → `, h('strong', {}, hop.type), ` → ${hop.targetName || app.name(hop.target)} `,
    h('span', { class: `tag ${hop.polarity}` }, hop.polarity), ' ', h('span', { class: 'tag' }, hop.channel), ' ',
    hop.tool ? h('span', { class: `tag ${hop.tool.mode}` }, `${hop.tool.type}, ${hop.tool.mode}`) : null,
    ` p = ${num(hop.strength)} × ${num(hop.confidence)}`,
    h('details', {}, h('summary', {}, `evidence (${hop.sources.length})`), sourceList(hop.sources)))));
}

function renderPaths(answer) {
  lastPaths = answer;
  if (!answer.paths.length) {
    graph.highlight(null);
    return h('p', { class: 'notice', id: 'no-paths' }, 'No path: with these limits the engager has no chain of ties that reaches the target.');
  }
  const list = h('ol', { class: 'paths', id: 'paths' });
  const select = (i, li) => {
    for (const other of list.children) other.classList.remove('highlighted');
    li.classList.add('highlighted');
    graph.highlight(answer.paths[i]);
  };
  answer.paths.forEach((path, i) => {
    const li = h('li', { 'data-path-index': i, 'data-ties': path.hops.map(x => x.tie).join(',') },
      h('div', { class: 'path-head' },
        h('span', {}, `strength ${num(path.strength)} over ${path.length} tie${path.length === 1 ? '' : 's'}`),
        h('button', { type: 'button', class: 'secondary', onclick: () => select(i, li) }, 'Show on graph')),
      hopList(path));
    list.append(li);
  });
  queueMicrotask(() => select(0, list.firstChild));
  return [h('p', { class: 'why' }, 'A path\'s strength is the product of its ties\' p = strength × confidence: the chance that pressure passes along all of it. Strongest first; the first is highlighted on the graph.'), list];
}

function renderPatrons(answer) {
  const patrons = [...answer.patrons].sort((a, b) => b.pressurePotential - a.pressurePotential);
  if (!patrons.length) return h('p', { class: 'notice' }, 'No patron: nobody shields the target or its command chain with supply, finance, aid, trade, investment, alliance or diplomatic cover.');
  const top = patrons[0];
  return [
    h('p', { id: 'top-patron', class: 'notice' }, 'Top patron to press: ', h('strong', {}, top.name), ` (pressure potential ${num(top.pressurePotential, 2)}: ${pct(top.shieldShare)} of the shield × leverage ${num(top.leverage, 2)})`),
    h('table', { id: 'patrons' },
      h('thead', {}, h('tr', {}, h('th', {}, 'patron'), h('th', { class: 'n' }, 'shield share'), h('th', { class: 'n' }, 'leverage'), h('th', { class: 'n' }, 'pressure potential'), h('th', {}, 'veto'))),
      h('tbody', {}, patrons.map(p => h('tr', { 'data-id': p.id },
        h('td', {}, p.name, h('details', {}, h('summary', {}, 'why'), h('p', { class: 'why' }, sentences(plain(app, p.explanation))),
          h('ul', {}, (p.ties || []).map(t => h('li', {}, `${t.type} → ${app.name(t.target)}: p = ${num(t.strength, 2)} × ${num(t.confidence, 2)} `,
            sourceList(t.sources)))))),
        h('td', { class: 'n' }, pct(p.shieldShare)), h('td', { class: 'n' }, p.leverage > 0 ? num(p.leverage, 2) : 'no path'),
        h('td', { class: 'n' }, p.leverage > 0 ? num(p.pressurePotential, 2) : 'none'),
        h('td', {}, p.veto ? `yes (${namesList(app, p.vetoForums || [])})` : 'no'))))),
    methodNote(app, `The regime is the target and its command chain (${answer.regime.length} actors); its total shield is ${num(answer.totalShield, 3)}.`,
      'Pressure potential = shield share × the engager\'s best path strength to the patron ("no path": the engager cannot reach it).')];
}

/** A share for people: "no path" for none at all, "under 0.1%" for a trace, else 2 significant digits. */
function reach(x) {
  if (x === null || x === undefined) return '–';
  if (x <= 0) return 'no path';
  if (x < 0.001) return 'under 0.1%';
  return `${Number((x * 100).toPrecision(2))}%`;
}

function renderInfluence(answer) {
  const top = answer.actors.filter(a => a.id !== answer.target).slice(0, 12);
  return [
    h('p', { class: 'why' }, `The chance that pressure starting at each actor reaches ${app.name(answer.target)} along any chain of ties, with a 95% interval.`),
    h('table', { id: 'influence' },
      h('thead', {}, h('tr', {}, h('th', {}, 'actor'), h('th', { class: 'n' }, 'reach'), h('th', { class: 'n' }, '95% interval'))),
      h('tbody', {}, top.map(a => h('tr', { 'data-id': a.id }, h('td', {}, a.name || app.name(a.id)), h('td', { class: 'n' }, reach(a.reach)),
        h('td', { class: 'n' }, a.low != null && a.reach > 0 ? `${reach(a.low)} to ${reach(a.high)}` : '–'))))),
    methodNote(app, `Each tie passes pressure on with probability p = strength × confidence; method: ${answer.method}`
      + (answer.samples ? `, ${answer.samples.toLocaleString('en')} samples (the API's default), seed ${answer.seed}.` : '.'))];
}

function renderChokepoints(answer) {
  // each row names its tie in full (from → to, type) and its evidence, so no two read alike
  const label = c => {
    if (c.kind === 'tie' || c.source) {
      const t = app.ties.find(x => x.id === c.id);
      const from = brief(app.name(c.source || t?.source));
      const to = brief(app.name(c.target || t?.target));
      return [`${from} → ${to} `, h('span', { class: 'tag' }, c.type || t?.type || 'tie')];
    }
    return c.name || app.name(c.id);
  };
  return [
    h('p', { class: 'why' }, sentences(plain(app, answer.explanation))),
    answer.cut?.length ? h('table', { id: 'chokepoints' },
      h('thead', {}, h('tr', {}, h('th', {}, answer.mode === 'ACTORS' ? 'actor' : 'supply tie'), h('th', { class: 'n' }, 'capacity'), h('th', {}, 'evidence'))),
      h('tbody', {}, answer.cut.map(c => h('tr', { 'data-id': c.id }, h('td', {}, label(c)),
        h('td', { class: 'n' }, num(c.capacity, 2)),
        h('td', {}, c.sources?.length ? h('details', {}, h('summary', {}, `${c.sources.length} source${c.sources.length === 1 ? '' : 's'}`), sourceList(c.sources)) : 'none'))))) : null];
}

// ---- what-if ------------------------------------------------------------------------------------

function whatIfPanel() {
  ui.whatIf = h('details', { id: 'what-if-panel', class: 'panel' }, h('summary', {}, 'What if…'),
    h('form', { id: 'what-if-form', onsubmit: e => { e.preventDefault(); runWhatIf(); } },
      h('p', { class: 'hint' }, 'Remove an actor or a tie and see how the analysis for the engager and target above changes. Nothing is saved.'),
      h('div', { class: 'row' },
        h('div', { class: 'field wide' }, h('label', { for: 'what-if-actor' }, 'Remove actor'), ui.removeActor = h('select', { id: 'what-if-actor' })),
        h('div', { class: 'field wide' }, h('label', { for: 'what-if-tie' }, 'Cut tie'), ui.removeTie = h('select', { id: 'what-if-tie' }))),
      h('div', { class: 'row' },
        h('div', { class: 'field' }, h('label', { for: 'what-if-analysis' }, 'Analysis'),
          ui.whatIfAnalysis = h('select', { id: 'what-if-analysis' },
            h('option', { value: 'paths' }, 'leverage paths'), h('option', { value: 'patrons' }, 'patrons'),
            h('option', { value: 'influence' }, 'influence'))),
        h('button', { type: 'submit', id: 'run-what-if' }, 'Compare'))),
    ui.whatIfResult = h('div', { id: 'what-if-result' }));
  return ui.whatIf;
}

async function runWhatIf() {
  const { engager, target, asOf } = params();
  const analysis = ui.whatIfAnalysis.value;
  const parameters = analysis === 'paths' ? { from: engager, to: target, k: ui.k.value || '5' }
    : analysis === 'patrons' ? { target, engager } : { target };
  if (asOf) parameters.asOf = asOf;
  const changes = {
    removeActors: ui.removeActor.value ? [ui.removeActor.value] : [],
    removeTies: ui.removeTie.value ? [ui.removeTie.value] : [],
  };
  try {
    if (!engager || !target) throw { title: 'Choose both', message: 'an engager and a target in "Who can move whom".' };
    if (!changes.removeActors.length && !changes.removeTies.length) throw { title: 'Nothing to change', message: 'pick an actor to remove or a tie to cut.' };
    const answer = await app.api.post(app.casePath('/what-if'), { analysis, parameters, changes });
    app.remember('whatIf', answer);
    const value = v => (v === null || v === undefined ? 'absent' : num(v, 3));
    const rows = answer.difference.slice(0, 15).map(d => h('tr', { 'data-id': d.id },
      h('td', {}, itemText(app, d.id)), h('td', { class: 'n' }, value(d.before)), h('td', { class: 'n' }, value(d.after)),
      h('td', { class: `n ${d.change > 0 ? 'diff-up' : d.change < 0 ? 'diff-down' : ''}` }, d.change > 0 ? `+${num(d.change, 3)}` : num(d.change, 3))));
    const top = answer.difference[0];
    fill(ui.whatIfResult,
      h('p', { class: 'notice', id: 'what-if-summary' }, top
        ? `${answer.difference.length} item${answer.difference.length === 1 ? '' : 's'} changed; the largest change: ${itemText(app, top.id)}, from ${value(top.before)} to ${value(top.after)}.`
        : 'Nothing changes: the result is the same without it.'),
      rows.length ? h('table', {}, h('caption', { class: 'hint' }, `${answer.measure}: before, after and change`),
        h('thead', {}, h('tr', {}, h('th', {}, 'item'), h('th', { class: 'n' }, 'before'), h('th', { class: 'n' }, 'after'), h('th', { class: 'n' }, 'change'))),
        h('tbody', {}, rows)) : h('p', {}, 'Nothing changes.'),
      analysis === 'paths' && answer.scenario.paths?.length
        ? [h('h3', {}, 'Strongest path in the scenario'), hopList(answer.scenario.paths[0]),
          h('button', { type: 'button', class: 'secondary', onclick: () => graph.highlight(answer.scenario.paths[0]) }, 'Show on graph')]
        : null);
  } catch (e) {
    fill(ui.whatIfResult, problemBox(e));
  }
}
