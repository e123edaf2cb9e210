// The engagement view: a plan for a budget (which actors to engage, at what cost, and why), the
// target's best counter-move against it (red team), the forum-shopping risk, and the playbook of
// tools per target group.
import { h, fill, num, problemBox, actorOptions } from './dom.js';
import { plain, sentences, methodNote, brief } from './words.js';
import { values } from './schema.js';

/** The Task Force report's target groups, as the dataset spells them. */
const groups = () => values('actors', 'targetGroup');

let app;
const ui = {};
let pending = null;

export function mount(el, theApp) {
  app = theApp;
  fill(el,
    planForm(),
    h('div', { class: 'split' },
      h('div', {},
        ui.plan = h('div', { id: 'plan-panel', class: 'panel' }, h('h2', {}, 'Engagement plan'),
          h('p', { class: 'hint' }, 'Choose an engager and a budget, then "Build plan".')),
        ui.redTeam = h('div', { id: 'red-team-panel', class: 'panel' }, h('h2', {}, 'The adversary\'s counter-move'))),
      h('div', {},
        ui.forums = h('details', { id: 'forums-panel', class: 'panel', open: true }, h('summary', {}, 'Forum-shopping risk')))),
    // the playbook's tables need the page's width
    ui.playbook = h('details', { id: 'playbook-panel', class: 'panel' }, h('summary', {}, 'Playbook per target group')));
  app.on('case', ({ changedCase }) => {
    for (const select of [ui.engager, ui.target]) {
      fill(select, actorOptions(app.actors, changedCase ? null : select.value, { blank: 'choose…' }));
    }
    if (changedCase) {
      clearAnswers();
      fill(ui.formProblem);
      ui.budget.value = 10;
      fill(ui.budgetText, '10');
      for (const g of groups()) ui[`weight-${g}`].value = 1;
      ui.forums.open = true;
      ui.playbook.open = false;
    }
  });
}

/** Starts from the engager and target picked in the leverage view. */
export function shown() {
  if (app.selection.engager && !ui.engager.value) ui.engager.value = app.selection.engager;
  if (app.selection.target && !ui.target.value) ui.target.value = app.selection.target;
}

function planForm() {
  return h('form', { class: 'panel', id: 'plan-form', onsubmit: e => { e.preventDefault(); build(); } },
    h('div', { class: 'row' },
      h('div', { class: 'field wide' }, h('label', { for: 'plan-engager' }, 'Engager (who spends the budget)'), ui.engager = h('select', { id: 'plan-engager', required: true })),
      h('div', { class: 'field wide' }, h('label', { for: 'plan-target' }, 'Adversary (for the counter-move, forums and playbook)'), ui.target = h('select', { id: 'plan-target', required: true })),
      h('div', { class: 'field wide' },
        h('label', { for: 'budget' }, 'Budget: ', ui.budgetText = h('output', { id: 'budget-text', for: 'budget' }, '10')),
        ui.budget = h('input', { id: 'budget', type: 'range', min: 1, max: 40, step: 0.5, value: 10,
          oninput: () => fill(ui.budgetText, ui.budget.value),
          onchange: () => { if (app.results.plan) schedule(); } }))),
    h('fieldset', {}, h('legend', {}, 'How much each target group counts'),
      h('div', { class: 'row' }, groups().map(g => h('div', { class: 'field' },
        h('label', { for: `weight-${g}` }, g),
        ui[`weight-${g}`] = h('input', { id: `weight-${g}`, type: 'number', min: 0, max: 10, step: 0.5, value: 1 }))))),
    h('div', { class: 'row' }, h('button', { type: 'submit', id: 'build-plan' }, 'Build plan'),
      h('span', { class: 'hint' }, 'An actor costs its kind\'s base cost (state or forum 3, leader or government body 2, others 1) divided by the engager\'s best path strength to it. Moving the budget slider rebuilds the plan.')),
    ui.formProblem = h('div', {}));
}

/** Empties every answer panel (another case, or a new plan whose answers must not mix with the last). */
function clearAnswers() {
  clearTimeout(pending);
  fill(ui.plan, ui.plan.firstChild, h('p', { class: 'hint' }, 'Choose an engager and a budget, then "Build plan".'));
  fill(ui.redTeam, ui.redTeam.firstChild);
  fill(ui.forums, ui.forums.firstChild);
  fill(ui.playbook, ui.playbook.firstChild);
  for (const name of ['plan', 'redTeam', 'forums', 'playbook']) delete app.results[name];
}

function schedule() {
  clearTimeout(pending);
  pending = setTimeout(build, 250);
}

function body() {
  const targetGroups = {};
  for (const g of groups()) targetGroups[g] = Number(ui[`weight-${g}`].value);
  return { engager: ui.engager.value, budget: Number(ui.budget.value), targetGroups };
}

async function build() {
  fill(ui.formProblem);
  const b = body();
  const target = ui.target.value;
  if (!b.engager) {
    fill(ui.formProblem, problemBox({ title: 'Choose an engager', message: 'the plan spends its budget.' }));
    return;
  }
  clearAnswers(); // nothing of the last plan stays beside this one
  app.status(`Planning for ${app.name(b.engager)} with a budget of ${b.budget}…`);
  const plan = await panel(ui.plan, 'Engagement plan', 'plan', () => app.api.post(app.casePath('/engagement-plan'), b), renderPlan);
  const asOf = app.selection.asOf;
  let failed = plan ? [] : ['the plan'];
  if (target) {
    const answers = await Promise.all([
      plan ? panel(ui.redTeam, 'The adversary\'s counter-move', 'redTeam',
        () => app.api.post(app.casePath('/red-team'), { ...b, target, plan: plan.picks.map(p => p.id) }), renderRedTeam) : null,
      panel(ui.forums, 'Forum-shopping risk', 'forums', () => app.api.get(app.casePath('/forum-shopping'), { target, engager: b.engager, asOf }), renderForums),
      panel(ui.playbook, 'Playbook per target group', 'playbook', () => app.api.get(app.casePath('/playbook'), { engager: b.engager, target, asOf }), renderPlaybook),
    ]);
    const names = ['the counter-move', 'the forum-shopping risk', 'the playbook'];
    failed = failed.concat(answers.map((a, i) => (a ? null : names[i])).filter((n, i) => n && (i > 0 || plan)));
  } else {
    fill(ui.redTeam, ui.redTeam.firstChild, h('p', { class: 'hint' }, 'Choose an adversary to see its best counter-move.'));
  }
  if (failed.length) app.fail(`Plan for ${app.name(b.engager)}: ${failed.join(', ')} refused; see the panels for why.`);
  else app.status(`Plan for ${app.name(b.engager)} built.`);
}

async function panel(el, title, name, fetcher, render) {
  const head = el.tagName === 'DETAILS' ? h('summary', {}, title) : h('h2', {}, title);
  fill(el, head, h('p', { class: 'hint' }, 'Working…'));
  try {
    const answer = await fetcher();
    app.remember(name, answer);
    fill(el, head, render(answer));
    return answer;
  } catch (e) {
    fill(el, head, problemBox(e));
    return null;
  }
}

function pathText(path) {
  if (!path || !path.hops?.length) return '';
  return [path.hops[0].sourceName || app.name(path.hops[0].source), ...path.hops.map(x => `${x.type} → ${x.targetName || app.name(x.target)}`)].join(' → ')
    + ` (strength ${num(path.strength, 2)})`;
}

const say = text => plain(app, text);

function renderPlan(p) {
  return [
    h('p', { class: 'notice', id: 'plan-summary' },
      p.picks.length ? ['Engage ', h('strong', {}, p.picks.map(x => x.name).join(', then ')), ` for ${num(p.spent, 2)} of a budget of ${num(p.budget, 2)}. `,
        `Expected pressure: ${num(p.expectedPressure, 3)} of ${num(p.totalWeight, 3)} weighted target-group actors moved (95% interval ${num(p.low, 3)} to ${num(p.high, 3)}).`]
        : 'No actor is affordable with this budget.'),
    p.picks.length ? h('table', { id: 'plan-picks' },
      h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'engage'), h('th', { class: 'n' }, 'cost'), h('th', { class: 'n' }, 'adds'), h('th', { class: 'n' }, 'running total'))),
      h('tbody', {}, p.picks.map((x, i) => h('tr', { 'data-id': x.id },
        h('td', {}, i + 1),
        h('td', {}, h('strong', {}, brief(x.name)), h('p', { class: 'why' }, sentences(say(x.why))),
          h('details', {}, h('summary', {}, 'access, onward path and tools'),
            h('p', { class: 'why' }, 'Cost: ', say(x.costReason)),
            h('p', { class: 'why' }, 'Access: ', pathText(x.access) || 'the engager itself'),
            h('p', { class: 'why' }, 'Onward: ', pathText(x.path) || 'none'),
            h('p', { class: 'why' }, 'Tools: ', (x.tools || []).map(t => `${t.type} (${t.mode})`).join(', ')))),
        h('td', { class: 'n' }, num(x.cost, 2)), h('td', { class: 'n' }, num(x.gain, 2)), h('td', { class: 'n' }, num(x.cumulative, 3)))))) : null,
    p.nextBest?.length ? [h('h3', {}, 'Next best, not chosen'), h('ul', {}, p.nextBest.map(x => h('li', {}, h('strong', {}, brief(x.name)), `: ${say(x.why)}`)))] : null,
    methodNote(app, p.selection, p.guarantee, p.costRule,
      p.samples ? `Pressure measured on ${p.samples.toLocaleString('en')} fresh samples (seed ${p.seed}).` : null),
  ];
}

function renderRedTeam(r) {
  const best = r.best;
  const baseline = `On the ${r.samples ? `${r.samples.toLocaleString('en')} ` : ''}samples the counter-move is measured on, the plan's pressure is ${num(r.pressureBefore, 3)}`;
  return [
    best ? h('p', { class: 'notice', id: 'counter-move' }, h('strong', {}, 'Best counter-move: '),
      sentences(say(best.explanation), `${baseline}; this move lowers it to ${num(best.pressureAfter, 3)}`))
      : h('p', { class: 'notice', id: 'counter-move' }, sentences(`${baseline}`, 'No counter-move reduces it')),
    r.hedge ? h('p', { id: 'hedge' }, h('strong', {}, 'Hedge: '), sentences(say(r.hedge.explanation))) : null,
    r.moves?.length ? h('details', {}, h('summary', {}, `All ${r.moves.length} moves`),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'move'), h('th', { class: 'n' }, 'pressure after'), h('th', { class: 'n' }, 'removed'))),
        h('tbody', {}, r.moves.map(m => h('tr', {}, h('td', {}, `${m.kind}: ${brief(m.name)}`, h('p', { class: 'why' }, sentences(say(m.explanation)))),
          h('td', { class: 'n' }, num(m.pressureAfter, 3)), h('td', { class: 'n' }, num(m.removed, 3))))))) : null,
    methodNote(app, r.model, r.seed !== undefined ? `Samples drawn with seed ${r.seed}.` : null),
  ];
}

/** The risk parts in words (the API names them in code). */
const PART_NAMES = {
  escapeShare: 'Venues the target can escape to',
  spread: 'How far apart the venues stand',
  vetoCover: 'Vetoes held by the target\'s patrons',
  bestEscape: 'The best escape venue',
};
const partName = name => PART_NAMES[name] || String(name).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function renderForums(f) {
  return [
    h('p', {}, 'Risk ', h('span', { class: 'score', id: 'forum-risk' }, num(f.risk, 2)), ' of 1'),
    h('p', { class: 'why' }, sentences(say(f.explanation))),
    h('table', { id: 'forum-risk-parts' }, h('thead', {}, h('tr', {}, h('th', {}, 'part'), h('th', { class: 'n' }, 'value'), h('th', { class: 'n' }, 'weight'))),
      h('tbody', {}, f.parts.map(p => h('tr', { 'data-part': p.name },
        h('td', {}, partName(p.name), h('details', {}, h('summary', {}, 'why'), h('p', { class: 'why' }, sentences(say(p.explanation))))),
        h('td', { class: 'n' }, num(p.value, 2)), h('td', { class: 'n' }, num(p.weight, 2)))))),
    h('h3', {}, 'Venues'),
    h('table', { id: 'forums' }, h('thead', {}, h('tr', {}, h('th', {}, 'forum'), h('th', { class: 'n' }, 'stance'), h('th', {}, 'can pass?'), h('th', { class: 'n' }, 'access'))),
      h('tbody', {}, f.forums.map(x => h('tr', {},
        h('td', {}, brief(x.name), ' ', x.venue ? h('span', { class: 'tag' }, 'target\'s venue') : null,
          h('details', {}, h('summary', {}, 'why'), h('p', { class: 'why' }, sentences(say(x.explanation))))),
        h('td', { class: 'n' }, num(x.stance, 2)),
        h('td', {}, x.canPass ? 'yes' : x.blocked ? `blocked by ${(x.blockers || []).map(b => brief(b.name)).join(', ')}` : 'no'),
        h('td', { class: 'n' }, x.access > 0 ? num(x.access, 2) : 'no path'))))),
    f.leadChannel ? h('p', {}, h('strong', {}, 'Lead channel: '), sentences(say(f.leadChannel.explanation))) : null,
    f.gapClosers?.length ? [h('h3', {}, 'Who can close the gap'), h('ul', {}, f.gapClosers.map(g => h('li', {}, sentences(say(g.explanation)))))] : null,
  ];
}

/** The target groups as headings. */
const GROUP_TITLES = {
  planners: 'Planners', perpetrators: 'Perpetrators', victims: 'Victims',
  'other-domestic': 'Other domestic actors', 'other-foreign': 'Other foreign actors',
};

/** How many options of a group show at once; the rest are one click away. */
const PLAYBOOK_ROWS = 6;

function renderPlaybook(p) {
  const optionRow = o => h('tr', { 'data-actor': o.actor, 'data-tool': o.tool },
    h('td', {}, o.toolName || o.tool),
    h('td', {}, brief(o.actorName || app.name(o.actor))),
    h('td', {}, h('span', { class: `tag ${o.mode}` }, `${o.type}, ${o.mode}`)),
    h('td', {}, o.timeToEffect),
    h('td', {}, h('details', { class: 'reason' }, h('summary', {}, 'why'),
      h('p', { class: 'why' }, sentences(say(o.why) || pathText(o.path))),
      o.path?.hops?.length ? h('p', { class: 'why' }, 'Path: ', pathText(o.path)) : null)));
  const table = rows => h('table', { class: 'playbook' },
    h('thead', {}, h('tr', {}, h('th', {}, 'tool'), h('th', {}, 'on'), h('th', {}, 'kind'), h('th', {}, 'takes'), h('th', {}, h('span', { class: 'visually-hidden' }, 'reasons')))),
    h('tbody', {}, rows.map(optionRow)));
  return [
    h('p', { class: 'why' }, `Phase: ${p.phase}; tempo: ${p.tempo}.`),
    p.groups.map(g => h('section', { class: 'playbook-group', 'data-group': g.group },
      h('h3', {}, GROUP_TITLES[g.group] || g.group),
      h('p', { class: 'why' }, sentences(say(g.purpose), say(g.mix))),
      g.options.length ? table(g.options.slice(0, PLAYBOOK_ROWS)) : h('p', {}, 'No tool reaches this group.'),
      g.options.length > PLAYBOOK_ROWS ? h('details', { class: 'more' }, h('summary', {}, `${g.options.length - PLAYBOOK_ROWS} more options`),
        table(g.options.slice(PLAYBOOK_ROWS))) : null,
      g.unavailable?.length ? h('details', {}, h('summary', {}, `${g.unavailable.length} tools out of reach`),
        h('ul', {}, g.unavailable.map(u => h('li', {}, `${u.toolName || u.tool}: ${say(u.reason)}`)))) : null)),
    methodNote(app, p.ordering, p.rules || [], p.catalogueSource ? `Tools from ${p.catalogueSource}.` : null),
  ];
}
