// The "Message review" view: does the coalition speak with one voice, and are its threats backed?
// It asks GET /api/cases/{id}/message-consistency, then shows the overall one-voice score, the
// issues from least to most consistent, and for one issue a stance timeline (inline SVG, one lane
// per speaker) with the findings that lower its score. Everything drawn is also listed as text.
import { plain } from './words.js';
import { h, fill, num } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

/** The six stances: colour, shape and how they bear on the audience (docs/message-consistency.md). */
const STANCES = {
  demand: { color: '#0b5cad', shape: 'square', bearing: 'presses' },
  threat: { color: '#a4161a', shape: 'triangle', bearing: 'presses' },
  condemnation: { color: '#a04000', shape: 'triangle-down', bearing: 'presses' },
  inducement: { color: '#6a3d9a', shape: 'diamond', bearing: 'neutral' },
  reassurance: { color: '#1f6f3f', shape: 'circle', bearing: 'neutral' },
  accommodation: { color: '#4a5560', shape: 'ring', bearing: 'yields' },
};
const UNKNOWN_STANCE = { color: '#4a5560', shape: 'circle', bearing: 'unknown' };

/** The finding kinds, in the docs' order, with a plain-words rule for people new to Fulcrum. */
const KINDS = {
  'across-channels': { label: 'Across channels', rule: 'Two voices told the same audience things that cannot both hold, within the window.' },
  'across-audiences': { label: 'Across audiences', rule: 'Different audiences were told things that cannot both hold, within the window.' },
  reversal: { label: 'Reversal', rule: 'One voice switched from pressing an audience to yielding to it, or back.' },
  'rigid-ladder': { label: 'Rigid ladder', rule: 'Four or more evenly spaced escalations: a ladder the adversary can read and game.' },
  'eroding-pressure': { label: 'Eroding pressure', rule: 'Three or more pressing messages, each weaker than the last: resolve draining away.' },
  'repeated-empty-threats': { label: 'Repeated empty threats', rule: 'Three or more coalition threats with no coalition measure between them.' },
  'capability-gap': { label: 'Capability gap', rule: 'A threat stronger than what its voice can deliver against the audience.' },
  'no-follow-through': { label: 'No follow-through', rule: 'A threat after which its voice took no measure within the follow-through period.' },
};

/** Everything the view keeps between draws. */
const state = {
  app: null,
  el: null,
  answer: null, // the latest answer shown
  answerCase: null, // the case it belongs to
  stale: true, // the case changed or was reloaded since the last answer
  request: 0, // numbers requests so a slow, older answer never overwrites a newer one
  issue: null, // the issue whose timeline is shown
  finding: null, // index of the finding picked in that issue, or null
  message: null, // id of the message shown in the detail box (clicked, focused or picked in a list)
  hover: null, // id of the message under the pointer: shown while it is there
  resizeObserver: null,
  lastWidth: 0,
};

// ---------------------------------------------------------------------------------------------
// The contract with main.js

export function mount(el, app) {
  state.app = app;
  state.el = el;
  fill(el,
    h('h2', {}, 'Message review'),
    h('p', { class: 'hint' }, 'Does the coalition speak with one voice, and are its threats backed? ',
      'Each issue gets a one-voice score from 0 (every message contradicted or unbacked) to 1 (no inconsistency found).'),
    controls(),
    h('div', { id: 'message-results', 'aria-live': 'polite' },
      h('p', { class: 'muted' }, 'Pick a case, then review its messages.')));
  app.on('case', ({ changedCase }) => {
    if (changedCase) resetForCase();
    issueOptions();
    state.stale = true;
    if (!el.hidden) load();
  });
}

export function shown() {
  if (state.app.caseId && (state.stale || state.answerCase !== state.app.caseId)) load();
}

// ---------------------------------------------------------------------------------------------
// The form

function controls() {
  const field = (id, label, input, hint) => h('div', { class: 'field' + (id === 'msg-coalition' ? ' wide' : '') },
    h('label', { for: id }, label), input,
    hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null);
  // novalidate: a bad value goes to the API, whose 400 problem says what is wrong in its words
  const form = h('form', { id: 'message-form', class: 'panel', novalidate: true, onsubmit: e => { e.preventDefault(); load(); } },
    h('div', { class: 'row' },
      field('msg-coalition', 'Coalition (actor ids, comma-separated)',
        h('input', { id: 'msg-coalition', type: 'text', autocomplete: 'off', spellcheck: 'false',
          placeholder: 'every speaker with position > 0', 'aria-describedby': 'msg-coalition-hint' }),
        'Empty: every speaker on the side of halting the atrocities. A state stands for its government.'),
      field('msg-issue', 'Issue', h('select', { id: 'msg-issue' }, h('option', { value: '' }, 'All issues'))),
      field('msg-window', 'Window (days)',
        h('input', { id: 'msg-window', type: 'number', min: 0, step: 1, inputmode: 'numeric', placeholder: '90',
          'aria-describedby': 'msg-window-hint' }),
        'Contradiction span'),
      field('msg-follow-through', 'Follow-through (days)',
        h('input', { id: 'msg-follow-through', type: 'number', min: 0, step: 1, inputmode: 'numeric', placeholder: '90',
          'aria-describedby': 'msg-follow-through-hint' }),
        'Time for a threat to be backed'),
      h('div', { class: 'field' }, h('button', { type: 'submit', id: 'message-run' }, 'Review messages'))),
    h('div', { id: 'message-problem' }));
  return form;
}

/** A new case: its actor ids and issues differ, so the form starts afresh. */
function resetForCase() {
  const { el } = state;
  state.request++; // an answer still on its way is for the case before
  const button = el.querySelector('#message-run');
  button.disabled = false;
  button.textContent = 'Review messages';
  el.querySelector('#msg-coalition').value = '';
  el.querySelector('#msg-window').value = '';
  el.querySelector('#msg-follow-through').value = '';
  el.querySelector('#msg-issue').value = '';
  fill(el.querySelector('#message-problem'));
  fill(el.querySelector('#message-results'), h('p', { class: 'muted' }, 'Reviewing the messages…'));
  Object.assign(state, { answer: null, answerCase: null, issue: null, finding: null, message: null, hover: null });
}

/** The issue filter lists the case's issues; an edit may add or remove one, so it follows every load. */
function issueOptions() {
  const select = state.el.querySelector('#msg-issue');
  const kept = select.value;
  const issues = [...new Set(state.app.messages.map(m => m.issue).filter(Boolean))].sort();
  fill(select, h('option', { value: '' }, 'All issues'), issues.map(i => h('option', { value: i }, i)));
  select.value = issues.includes(kept) ? kept : '';
}

function params() {
  const v = id => state.el.querySelector(id).value.trim();
  return {
    // spaces after commas are the natural way to type a list; the API wants bare ids
    coalition: v('#msg-coalition').split(',').map(s => s.trim()).filter(Boolean).join(','),
    issue: v('#msg-issue'),
    window: v('#msg-window'),
    followThrough: v('#msg-follow-through'),
  };
}

/** Asks the API; on a problem shows it by the form and leaves the last answer as it was. */
async function load() {
  const { app, el } = state;
  if (!app.caseId) return;
  const mine = ++state.request;
  const caseId = app.caseId;
  const button = el.querySelector('#message-run');
  button.disabled = true;
  button.textContent = 'Reviewing…';
  el.querySelector('#message-results').setAttribute('aria-busy', 'true');
  try {
    const answer = await app.api.get(app.casePath('/message-consistency'), params());
    if (mine !== state.request) return;
    fill(el.querySelector('#message-problem'));
    app.remember('messages', answer);
    Object.assign(state, { answer, answerCase: caseId, stale: false });
    render();
    app.status(`Message review: ${plain(state.app, answer.explanation)}`);
  } catch (e) {
    if (mine !== state.request) return;
    app.showProblem(el.querySelector('#message-problem'), e);
  } finally {
    if (mine === state.request) {
      button.disabled = false;
      button.textContent = 'Review messages';
      el.querySelector('#message-results').removeAttribute('aria-busy');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The answer

/** Issues from least to most consistent; ties: more findings, then more messages, first. */
function sortedIssues(answer) {
  return [...answer.issues].sort((a, b) => a.score - b.score
    || b.findings.length - a.findings.length || b.messages - a.messages || a.issue.localeCompare(b.issue));
}

function render() {
  const { answer } = state;
  const issues = sortedIssues(answer);
  // a new answer may number its findings differently: keep the issue and message, not the finding
  if (!issues.some(i => i.issue === state.issue)) state.issue = issues.length ? issues[0].issue : null;
  if (!timelineEntry(currentIssue(), state.message)) state.message = null;
  Object.assign(state, { finding: null, hover: null });
  fill(state.el.querySelector('#message-results'),
    overview(answer, issues),
    issuesTable(answer, issues),
    h('section', { id: 'message-issue-detail', class: 'panel', 'aria-labelledby': 'message-issue-heading' }),
    extras(answer));
  renderIssue();
  watchWidth();
}

const score2 = x => (x == null ? '–' : x.toFixed(2));

function scoreBar(score, label) {
  return h('div', { class: 'bar msg-bar', role: 'img', 'aria-label': label },
    h('span', { style: `width: ${Math.max(0, Math.min(1, score)) * 100}%` }));
}

/** The one-voice score, big, and the issue to look at first. */
function overview(answer, issues) {
  // with nothing reviewed the API answers 1.0; a score over no messages says nothing, so none is shown
  const score = answer.messages > 0 ? answer.score : null;
  return h('section', { class: 'panel msg-overview', 'aria-labelledby': 'one-voice-heading' },
    h('div', { class: 'msg-score-box' },
      h('h3', { id: 'one-voice-heading' }, 'One-voice score'),
      h('div', {},
        h('span', { class: 'score msg-big', id: 'one-voice-score' }, score2(score)),
        h('span', { class: 'muted' }, score === null ? ' nothing reviewed' : ' of 1')),
      score === null ? null : scoreBar(score, `One-voice score ${score2(score)} of 1`)),
    h('div', { class: 'msg-summary' },
      leastConsistent(issues),
      h('p', { class: 'why', id: 'one-voice-explanation' }, plain(state.app, answer.explanation)),
      h('p', { class: 'why' },
        `Coalition: ${answer.coalition.length} speaker(s); window ${answer.windowDays} days; `,
        `follow-through ${answer.followThroughDays} days; record ends ${answer.recordEnd || '–'}.`)));
}

function leastConsistent(issues) {
  if (!issues.length) return h('p', { id: 'least-consistent', class: 'msg-least' }, 'No coalition messages to review.');
  const low = issues[0].score;
  if (low >= 1) {
    return h('p', { id: 'least-consistent', class: 'msg-least' }, 'No inconsistency found: every issue scores 1.00.');
  }
  const tied = issues.filter(i => i.score === low).map(i => i.issue);
  return h('p', { id: 'least-consistent', class: 'msg-least' },
    'Least consistent: ', h('strong', {}, tied[0]), ` (one-voice ${score2(low)})`,
    tied.length > 1 ? `; tied with ${tied.slice(1).join(', ')}` : '');
}

/** Finding kinds in the answer, in the docs' order (unknown kinds last, so nothing is hidden). */
function kindsIn(answer) {
  const found = new Set(answer.issues.flatMap(i => i.findings.map(f => f.kind)));
  return [...Object.keys(KINDS).filter(k => found.has(k)), ...[...found].filter(k => !KINDS[k])];
}

function issuesTable(answer, issues) {
  const kinds = kindsIn(answer);
  const none = Object.keys(KINDS).filter(k => !kinds.includes(k));
  const head = h('tr', {},
    h('th', { scope: 'col' }, 'Issue'),
    h('th', { scope: 'col', class: 'msg-score-col' }, 'One-voice score'),
    h('th', { scope: 'col', class: 'n' }, 'Messages'),
    h('th', { scope: 'col', class: 'n' }, 'Findings'),
    kinds.map(k => h('th', { scope: 'col', class: 'n msg-kind-col', title: KINDS[k]?.rule }, KINDS[k]?.label || k)));
  const rows = issues.map((issue, i) => issueRow(issue, kinds, i === 0 && issue.score < 1));
  return h('section', { class: 'panel', 'aria-labelledby': 'message-issues-heading' },
    h('h3', { id: 'message-issues-heading' }, 'Issues, least consistent first'),
    h('p', { class: 'hint' }, 'Pick an issue to see its stance timeline and findings.'),
    h('div', { class: 'msg-scroll' },
      h('table', { id: 'message-issues' },
        h('caption', { class: 'msg-visually-hidden' }, 'Issues sorted by one-voice score, lowest first, with findings per kind'),
        h('thead', {}, head), h('tbody', {}, rows.length ? rows
          : h('tr', {}, h('td', { colspan: 4 + kinds.length, class: 'muted' }, 'No coalition message to review with these settings.'))))),
    none.length && rows.length ? h('p', { class: 'why' }, `Also checked, nothing found: ${none.map(k => KINDS[k].label.toLowerCase()).join(', ')}.`) : null,
    glossary());
}

function issueRow(issue, kinds, least) {
  const count = k => issue.findings.filter(f => f.kind === k).length;
  const pick = () => selectIssue(issue.issue, true);
  return h('tr', {
    'data-issue': issue.issue,
    class: [issue.issue === state.issue ? 'selected' : '', least ? 'least' : ''].join(' ').trim() || null,
    onclick: e => { if (!e.target.closest('button')) pick(); },
  },
  h('th', { scope: 'row' },
    h('button', { type: 'button', class: 'link msg-issue-button', 'aria-pressed': String(issue.issue === state.issue), onclick: pick },
      issue.issue),
    least ? h('span', { class: 'tag msg-least-tag' }, 'least consistent') : null),
  h('td', {}, h('div', { class: 'msg-score-cell' },
    h('span', { class: 'msg-score-num' }, score2(issue.score)),
    scoreBar(issue.score, `${score2(issue.score)} of 1`))),
  h('td', { class: 'n' }, num(issue.messages)),
  h('td', { class: 'n' }, num(issue.findings.length)),
  kinds.map(k => { const n = count(k); return h('td', { class: 'n' + (n ? '' : ' muted') }, n ? num(n) : '0'); }));
}

function glossary() {
  return h('details', { class: 'msg-glossary' },
    h('summary', {}, 'What the findings mean'),
    h('dl', {}, Object.entries(KINDS).map(([k, v]) => [h('dt', {}, v.label, ' ', h('code', {}, k)), h('dd', {}, v.rule)])),
    h('p', { class: 'why' }, 'A message counts once, at the weight of its heaviest finding (contradictions 1, reversals, ',
      'repeated empty threats and no follow-through 0.75, the others 0.5); a finding\'s score impact is the part of the loss charged to it.'));
}

/** Pending threats, derived stances and unclassified messages. */
function extras(answer) {
  const msg = id => messageRecord(id);
  const line = id => { const m = msg(id); return m ? `on ${m.issue}` : ''; };
  return h('section', { class: 'panel', id: 'message-extras', 'aria-labelledby': 'message-extras-heading' },
    h('h3', { id: 'message-extras-heading' }, 'Also in this review'),
    h('h4', {}, `Pending threats (${answer.pendingThreats.length})`),
    answer.pendingThreats.length
      ? h('ul', { id: 'message-pending' }, answer.pendingThreats.map(p => h('li', {},
        messageButton(p.message), ` ${line(p.message)}: follow-through due ${p.due}, after the record ends (${answer.recordEnd}); not judged yet.`)))
      : h('p', { class: 'muted' }, 'None: every threat\'s follow-through period ends within the record.'),
    h('h4', {}, `Stances derived from text (${answer.derived.length})`),
    answer.derived.length
      ? h('ul', { id: 'message-derived' }, answer.derived.map(d => h('li', {},
        messageButton(d.message), ` ${line(d.message)}: `,
        [d.stanceDerived ? `stance ${d.stance}` : `stance ${d.stance} (recorded)`,
          d.intensityDerived ? `intensity ${num(d.intensity, 2)}` : `intensity ${num(d.intensity, 2)} (recorded)`].join(', '),
        d.cues?.length ? h('span', { class: 'why' }, ` cues: ${d.cues.map(c => `“${c}”`).join(', ')}`) : null)))
      : h('p', { class: 'muted' }, 'None: every message reviewed came with its stance and intensity.'),
    h('h4', {}, `Unclassified (${answer.unclassified.length})`),
    answer.unclassified.length
      ? h('ul', { id: 'message-unclassified' }, answer.unclassified.map(id => h('li', {}, messageButton(id), ` ${line(id)}: no stance and no cue in its text; left out of the scores.`)))
      : h('p', { class: 'muted' }, 'None.'),
    h('details', {}, h('summary', {}, `Coalition reviewed (${answer.coalition.length})`),
      h('p', {}, answer.coalition.map(id => `${shortName(id)} (${id})`).join('; '))));
}

// ---------------------------------------------------------------------------------------------
// One issue: timeline, findings, message detail

function currentIssue() {
  return state.answer?.issues.find(i => i.issue === state.issue) || null;
}

function selectIssue(issueId, scrollToTimeline) {
  if (issueId !== state.issue) {
    Object.assign(state, { issue: issueId, finding: null, message: null, hover: null });
    markSelectedRow(issueId);
    renderIssue();
  }
  if (scrollToTimeline) state.el.querySelector('#message-issue-detail').scrollIntoView({ block: 'start', behavior: motion() });
}

function markSelectedRow(issueId) {
  for (const tr of state.el.querySelectorAll('#message-issues tbody tr')) {
    const on = tr.dataset.issue === issueId;
    tr.classList.toggle('selected', on);
    tr.querySelector('.msg-issue-button').setAttribute('aria-pressed', String(on));
  }
}

function renderIssue() {
  const box = state.el.querySelector('#message-issue-detail');
  if (!box) return;
  const issue = currentIssue();
  if (!issue) {
    fill(box, h('h3', { id: 'message-issue-heading' }, 'Stance timeline'), h('p', { class: 'muted' }, 'No issue to show.'));
    return;
  }
  const options = sortedIssues(state.answer).map(i =>
    h('option', { value: i.issue, selected: i.issue === issue.issue }, `${i.issue} (one-voice ${score2(i.score)})`));
  fill(box,
    h('div', { class: 'msg-issue-head' },
      h('h3', { id: 'message-issue-heading' }, 'Stance timeline: ', h('span', { id: 'message-issue-name' }, issue.issue),
        h('span', { class: 'muted' }, ` (one-voice ${score2(issue.score)}, ${issue.messages} messages, ${issue.findings.length} findings)`)),
      h('div', { class: 'field msg-inline-field' },
        h('label', { for: 'message-issue-select' }, 'Show issue'),
        h('select', { id: 'message-issue-select', onchange: e => selectIssue(e.target.value, false) }, options))),
    // the message detail sits beside the timeline and stays in view beside the findings
    h('div', { class: 'msg-issue-grid' },
      legend(),
      h('div', { id: 'message-timeline-wrap', class: 'msg-timeline-wrap' }),
      h('aside', { id: 'message-detail', class: 'msg-detail', role: 'region', tabindex: 0, 'aria-live': 'polite', 'aria-label': 'Selected message' }),
      h('div', { class: 'msg-findings-box' },
        h('h4', { id: 'message-findings-heading' }, `Findings (${issue.findings.length})`),
        findingsList(issue)),
      messageTable(issue)));
  drawTimeline();
  showDetail();
}

function legend() {
  return h('div', { class: 'legend msg-legend', id: 'message-legend' },
    Object.entries(STANCES).map(([stance, s]) => h('span', {}, shapeIcon(stance), ` ${stance} (${s.bearing})`)),
    h('span', {}, flaggedIcon(), ' cited in a finding'),
    h('span', {}, 'larger mark = more intense'));
}

/** A small standalone SVG of a stance's mark, for the legend and the lists. */
function shapeIcon(stance, size = 14) {
  const svg = svgEl('svg', { width: size, height: size, viewBox: '-10 -10 20 20', 'aria-hidden': 'true', class: 'msg-icon' });
  svg.append(shape(stance, 7));
  return svg;
}

function flaggedIcon() {
  const svg = svgEl('svg', { width: 16, height: 16, viewBox: '-10 -10 20 20', 'aria-hidden': 'true', class: 'msg-icon' });
  svg.append(svgEl('circle', { r: 8, class: 'msg-flag-ring' }), svgEl('circle', { r: 3.5, fill: '#4a5560' }));
  return svg;
}

function findingsList(issue) {
  if (!issue.findings.length) {
    return h('p', { id: 'message-findings', class: 'muted' }, 'No findings: the coalition speaks with one voice on this issue.');
  }
  return h('ol', { id: 'message-findings', class: 'msg-findings' }, issue.findings.map((f, i) => {
    const on = state.finding === i;
    return h('li', { 'data-kind': f.kind, 'data-index': i, class: on ? 'selected' : null },
      h('div', { class: 'msg-finding-head' },
        h('button', { type: 'button', class: 'secondary msg-finding-button', 'aria-pressed': String(on),
          onclick: () => selectFinding(on ? null : i) },
        h('span', { class: `tag msg-kind msg-kind-${f.kind}` }, KINDS[f.kind]?.label || f.kind), ' ',
        f.speakers.map(shortName).join(', ')),
        h('span', { class: 'msg-impact' }, f.scoreImpact > 0
          ? `score impact −${num(f.scoreImpact, 2)}`
          : 'score impact 0 (its messages are charged to heavier findings)')),
      h('p', { class: 'why' }, plain(state.app, f.explanation)),
      h('div', { class: 'msg-cites' }, 'Messages: ', f.messages.map(id => messageButton(id))));
  }));
}

/** A button naming a message; it shows that message in the detail box. */
function messageButton(id) {
  const m = messageRecord(id);
  return h('button', { type: 'button', class: 'link msg-message-link', 'data-message': id,
    onclick: () => showMessage(id, true) }, m ? `${m.date} ${shortName(m.speaker)} (${stanceOf(id) || 'no stance'})` : id);
}

function selectFinding(index) {
  state.finding = index;
  const issue = currentIssue();
  // picking a finding shows its messages; unpicking it goes back to the message last shown
  if (index !== null) state.message = null;
  for (const li of state.el.querySelectorAll('#message-findings > li')) {
    const on = Number(li.dataset.index) === index;
    li.classList.toggle('selected', on);
    li.querySelector('.msg-finding-button').setAttribute('aria-pressed', String(on));
  }
  highlightFinding(issue);
  showDetail();
  // on a narrow screen the detail sits above the findings: bring it into view (a no-op beside them)
  if (index !== null) state.el.querySelector('#message-detail')?.scrollIntoView({ block: 'nearest', behavior: motion() });
}

/** Shows a message; from a list, it also switches to the issue it belongs to. */
function showMessage(id, fromList) {
  const m = messageRecord(id);
  if (fromList && m && state.answer.issues.some(i => i.issue === m.issue) && m.issue !== state.issue) {
    selectIssue(m.issue, false);
  }
  state.message = id;
  for (const g of state.el.querySelectorAll('#message-timeline .msg-mark')) g.classList.toggle('active', g.dataset.message === id);
  showDetail();
  if (fromList) state.el.querySelector('#message-detail')?.scrollIntoView({ block: 'nearest', behavior: motion() });
}

function showDetail() {
  const box = state.el.querySelector('#message-detail');
  if (!box) return;
  const issue = currentIssue();
  const shownId = state.hover || state.message;
  if (shownId) {
    fill(box, messageCard(shownId, issue));
  } else if (state.finding !== null && issue?.findings[state.finding]) {
    const f = issue.findings[state.finding];
    fill(box, h('h4', {}, `${KINDS[f.kind]?.label || f.kind}: the messages behind it`),
      f.messages.map(id => messageCard(id, issue)));
  } else {
    fill(box, h('h4', {}, 'Message'),
      h('p', { class: 'muted' }, 'Point at a mark on the timeline to read its message, channel, audience and sources; ',
        'click it (or tab to it) to keep it here. Picking a finding shows the messages behind it.'));
  }
}

function messageCard(id, issue) {
  const m = messageRecord(id);
  const entry = timelineEntry(issue, id);
  const stance = entry?.stance || m?.stance;
  const intensity = entry?.intensity ?? m?.intensity;
  const citing = (issue?.findings || []).map((f, i) => ({ f, i })).filter(x => x.f.messages.includes(id));
  const pending = state.answer.pendingThreats.find(p => p.message === id);
  return h('article', { class: 'msg-card', 'data-message': id },
    h('h5', {}, stance ? shapeIcon(stance) : null, ' ', h('span', {}, `${m?.date || entry?.date || ''} · ${m ? longName(m.speaker) : id}`)),
    h('p', { class: 'msg-card-tags' },
      h('span', { class: 'tag' }, `${stance || 'no stance'}${intensity != null ? ` ${num(intensity, 2)}` : ''}`), ' ',
      entry?.derived ? h('span', { class: 'tag' }, 'derived from text') : null),
    h('dl', { class: 'msg-facts' },
      h('dt', {}, 'Audience'), h('dd', {}, longName(m?.audience || entry?.audience)),
      h('dt', {}, 'Channel'), h('dd', {}, (m?.channel || entry?.channel || '–') + (m?.forum || entry?.forum ? ` at ${shortName(m?.forum || entry?.forum)}` : '')),
      h('dt', {}, 'Issue'), h('dd', {}, m?.issue || state.issue),
      h('dt', {}, 'Id'), h('dd', {}, h('code', {}, id))),
    m?.text ? h('blockquote', { class: 'msg-text' }, m.text) : h('p', { class: 'muted' }, 'No text on record.'),
    pending ? h('p', { class: 'why' }, `Pending threat: follow-through due ${pending.due}, after the record ends.`) : null,
    sourcesList(m),
    citing.length ? h('p', { class: 'why' }, 'Cited by: ', citing.map(({ f, i }, k) => [k ? ', ' : '',
      h('button', { type: 'button', class: 'link', onclick: () => selectFinding(i) }, `#${i + 1} ${KINDS[f.kind]?.label.toLowerCase() || f.kind}`)])) : null);
}

function sourcesList(m) {
  const ids = m?.sources || [];
  if (!ids.length) return h('p', { class: 'muted' }, 'No sources listed.');
  return h('div', { class: 'msg-sources' }, h('strong', {}, 'Sources'),
    h('ul', {}, ids.map(id => {
      const s = state.app.source(id);
      if (!s) return h('li', {}, h('code', {}, id));
      return h('li', {}, s.citation || id, s.url ? [' ', h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, 'open', h('span', { class: 'msg-visually-hidden' }, ` source ${id} (new tab)`))] : null);
    })));
}

/** Every message on the issue as a table: the timeline's text alternative. */
function messageTable(issue) {
  const rows = lanes(issue).flatMap(l => l.entries.map(e => ({ ...e, speaker: l.speaker })))
    .sort((a, b) => a.date.localeCompare(b.date) || a.speaker.localeCompare(b.speaker));
  const kindsOf = id => [...new Set(issue.findings.filter(f => f.messages.includes(id)).map(f => KINDS[f.kind]?.label || f.kind))];
  return h('details', { class: 'msg-list-box', open: true },
    h('summary', {}, `Messages on ${issue.issue} (${rows.length}), as text`),
    h('div', { class: 'msg-scroll' },
      h('table', { id: 'message-list' },
        h('thead', {}, h('tr', {}, ['Date', 'Speaker', 'Stance', 'Audience', 'Channel', 'Findings'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows.map(e => h('tr', { 'data-message': e.message },
          h('td', { class: 'msg-date' }, h('button', { type: 'button', class: 'link', onclick: () => showMessage(e.message, false) }, e.date)),
          h('td', {}, shortName(e.speaker)),
          h('td', {}, shapeIcon(e.stance), ` ${e.stance || '–'} ${num(e.intensity, 2)}`, e.derived ? ' (derived)' : ''),
          h('td', {}, shortName(e.audience)),
          h('td', {}, e.channel + (e.forum ? ` at ${shortName(e.forum)}` : '')),
          h('td', {}, kindsOf(e.message).join(', ') || h('span', { class: 'muted' }, 'none'))))))));
}

// ---------------------------------------------------------------------------------------------
// The SVG timeline

/** Lanes grouped by voice (a state's leaders and envoys side by side), voices in the API's order. */
function lanes(issue) {
  const voices = [...new Set(issue.timeline.map(t => t.voice || t.speaker))];
  return voices.flatMap(v => issue.timeline.filter(t => (t.voice || t.speaker) === v));
}

const day = date => Date.parse(`${date}T00:00:00Z`);
const DAY = 86400000;

function rootPx() {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/** Draws at the box's real width in pixels, so text in the SVG has the page's size. */
function drawTimeline() {
  const wrap = state.el.querySelector('#message-timeline-wrap');
  const issue = currentIssue();
  if (!wrap || !issue) return;
  const width = wrap.clientWidth;
  if (!width) return; // hidden: drawn when shown (watchWidth)
  state.lastWidth = width;
  const rem = rootPx();
  const laneList = lanes(issue);
  const entries = laneList.flatMap(l => l.entries);
  const flagged = new Set(issue.findings.flatMap(f => f.messages));
  // the label column fits the longest name up to a quarter of the width; longer names wrap
  const widest = Math.max(...laneList.map(l => textWidth(shortName(l.speaker), rem)), 6 * rem);
  const labelW = Math.min(widest + 1.2 * rem, Math.max(8 * rem, Math.min(0.26 * width, 16 * rem)));
  const labelled = laneList.map(lane => ({ ...lane, label: laneLabel(lane, labelW - 0.9 * rem, rem) }));
  const top = 0.4 * rem;
  const axisH = 2 * rem;
  const right = 1.2 * rem;
  const [d0, d1] = domain(entries.map(e => day(e.date)), state.answer.recordEnd);
  const x = t => labelW + (t - d0) / (d1 - d0) * (width - labelW - right);
  const layout = layoutLanes(labelled, x, top, rem);
  const bottom = layout.length ? layout.at(-1).y + layout.at(-1).height : top;
  const height = bottom + axisH;

  const first = entries.map(e => e.date).sort()[0];
  const last = entries.map(e => e.date).sort().at(-1);
  const label = `Stance timeline for ${issue.issue}: ${entries.length} message(s) by ${laneList.length} speaker(s), `
    + `${first} to ${last}, ${issue.findings.length} finding(s). The same messages are listed as text below.`;
  const svg = svgEl('svg', { id: 'message-timeline', class: 'msg-timeline', role: 'img', 'aria-labelledby': 'message-timeline-title',
    width, height, viewBox: `0 0 ${width} ${height}`, 'font-size': 0.8 * rem });
  const title = svgEl('title', { id: 'message-timeline-title' });
  title.textContent = label;
  svg.append(title);
  svg.setAttribute('aria-label', label);

  // layers, bottom to top: lanes and their labels, the axis, the picked finding's links, the marks
  const lanesLayer = svgEl('g', { class: 'msg-lanes' });
  const marksLayer = svgEl('g', { class: 'msg-marks' });
  layout.forEach((lane, i) => {
    lanesLayer.append(laneGroup(lane, i, { labelW, width, rem }));
    marksLayer.append(laneMarks(lane, { rem, flagged }));
  });
  svg.append(lanesLayer, axis(d0, d1, x, bottom, top, rem),
    svgEl('g', { id: 'message-finding-links', class: 'msg-links', 'aria-hidden': 'true' }), marksLayer);
  fill(wrap, svg);
  highlightFinding(issue);
}

/** The dates shown: the messages' span plus a margin (at least five days, for a single day). */
function domain(times, recordEnd) {
  const lo = Math.min(...times);
  let hi = Math.max(...times);
  const end = recordEnd ? day(recordEnd) : NaN;
  if (end > hi && end - hi < (hi - lo) * 0.25) hi = end; // show the record's end when it is near
  const pad = Math.max((hi - lo) * 0.05, 5 * DAY);
  return [lo - pad, hi + pad];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Gridlines and date labels at the shortest step whose labels do not crowd: days or weeks for a
 * span of weeks, months to five years for longer ones. Year boundaries get a darker line.
 */
function axis(d0, d1, x, bottom, top, rem) {
  const g = svgEl('g', { class: 'msg-axis', 'aria-hidden': 'true' });
  const roomFor = (ms, label) => x(d0 + ms) - x(d0) >= label * rem;
  const ticks = [];
  const dayStep = [1, 2, 7, 14].find(n => roomFor(n * DAY, 5.5));
  if (dayStep && (d1 - d0) < 120 * DAY) {
    for (let t = Math.ceil(d0 / DAY) * DAY; t <= d1; t += dayStep * DAY) {
      const when = new Date(t);
      const first = ticks.length === 0 || when.getUTCDate() === 1 && when.getUTCMonth() === 0;
      ticks.push({ t, year: when.getUTCMonth() === 0 && when.getUTCDate() === 1,
        label: `${when.getUTCDate()} ${MONTHS[when.getUTCMonth()]}${first ? ` ${when.getUTCFullYear()}` : ''}` });
    }
  } else {
    const step = [1, 2, 3, 6, 12, 24, 60].find(months => roomFor(months * 30.44 * DAY, 4.5)) || 120;
    const start = new Date(d0);
    const y = start.getUTCFullYear();
    let m = Math.ceil((start.getUTCMonth() + (start.getUTCDate() > 1 ? 1 : 0)) / step) * step;
    for (let t = Date.UTC(y, m, 1); t <= d1; m += step, t = Date.UTC(y, m, 1)) {
      const when = new Date(t);
      const jan = when.getUTCMonth() === 0;
      ticks.push({ t, year: jan, label: jan ? String(when.getUTCFullYear()) : `${MONTHS[when.getUTCMonth()]} ${String(when.getUTCFullYear()).slice(2)}` });
    }
  }
  for (const tick of ticks.filter(k => k.t >= d0)) {
    const px = x(tick.t);
    g.append(svgEl('line', { x1: px, x2: px, y1: top, y2: bottom, class: tick.year ? 'msg-grid year' : 'msg-grid' }));
    const text = svgEl('text', { x: px, y: bottom + 1.3 * rem, 'text-anchor': 'middle', class: 'msg-axis-label' });
    text.textContent = tick.label;
    g.append(text);
  }
  g.append(svgEl('line', { x1: x(d0), x2: x(d1), y1: bottom, y2: bottom, class: 'msg-axis-line' }));
  return g;
}

/**
 * Places each lane's marks: a mark goes on the first row of its lane where it clears the mark
 * before it, so messages days apart do not hide each other; a lane grows by a row when needed.
 */
function layoutLanes(laneList, x, top, rem) {
  const gap = 2.1 * rem; // the largest mark with its ring is about 2.2rem across
  const lineH = 1.05 * rem;
  let y = top;
  return laneList.map(lane => {
    const rowEnds = [];
    const placed = [...lane.entries].sort((a, b) => a.date.localeCompare(b.date)).map(entry => {
      const px = x(day(entry.date));
      let row = rowEnds.findIndex(end => px - end >= gap);
      if (row < 0) row = rowEnds.push(px) - 1;
      rowEnds[row] = px;
      return { entry, px, row };
    });
    const rows = Math.max(1, rowEnds.length);
    const height = Math.max(2.9 * rem, rows * gap + 0.8 * rem, lane.label.length * lineH + 0.8 * rem);
    const firstRow = y + height / 2 - (rows - 1) * gap / 2;
    for (const p of placed) p.py = firstRow + p.row * gap;
    const out = { ...lane, placed, y, height };
    y += height;
    return out;
  });
}

/** A lane's label: the speaker's name on up to two lines, then the voice it speaks for. */
function laneLabel(lane, room, rem) {
  const lines = wrap(shortName(lane.speaker), room, 2, rem, 600).map(text => ({ text, cls: 'msg-lane-label' }));
  if (lane.voice && lane.voice !== lane.speaker) {
    lines.push(...wrap(`for ${shortName(lane.voice)}`, room, 1, rem * 0.9, 400).map(text => ({ text, cls: 'msg-lane-voice' })));
  }
  return lines;
}

/** Words in at most maxLines lines of the given width; what does not fit ends in an ellipsis. */
function wrap(text, room, maxLines, rem, weight) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (!line || textWidth(next, rem, weight) <= room) { line = next; continue; }
    lines.push(line);
    line = word;
  }
  lines.push(line);
  const kept = lines.slice(0, maxLines);
  if (lines.length > maxLines || textWidth(kept.at(-1), rem, weight) > room) {
    let last = lines.slice(maxLines - 1).join(' ');
    while (last.length > 1 && textWidth(`${last}…`, rem, weight) > room) last = last.slice(0, -1);
    kept[maxLines - 1] = `${last.trimEnd()}…`;
  }
  return kept;
}

function laneGroup(lane, i, { labelW, width, rem }) {
  const { y, height } = lane;
  const g = svgEl('g', { class: 'msg-lane', 'data-speaker': lane.speaker });
  g.append(svgEl('rect', { x: 0, y, width, height, class: i % 2 ? 'msg-lane-bg odd' : 'msg-lane-bg' }));
  const lineH = 1.05 * rem;
  const firstBaseline = y + height / 2 - (lane.label.length * lineH) / 2 + 0.75 * lineH;
  const text = svgEl('text', { x: 0.4 * rem, y: firstBaseline });
  lane.label.forEach((line, k) => {
    const span = svgEl('tspan', { x: 0.4 * rem, y: firstBaseline + k * lineH, class: line.cls });
    span.textContent = line.text;
    text.append(span);
  });
  const full = svgEl('title');
  full.textContent = longName(lane.speaker) + (lane.voice && lane.voice !== lane.speaker ? `, speaking for ${longName(lane.voice)}` : '');
  text.append(full);
  g.append(text);
  g.append(svgEl('line', { x1: labelW - 0.3 * rem, x2: labelW - 0.3 * rem, y1: y, y2: y + height, class: 'msg-lane-sep' }));
  return g;
}

function laneMarks(lane, { rem, flagged }) {
  const g = svgEl('g', { class: 'msg-lane-marks', 'data-speaker': lane.speaker });
  for (const p of lane.placed) g.append(mark(p.entry, lane.speaker, p.px, p.py, rem, flagged.has(p.entry.message)));
  return g;
}

/** One message: its stance's shape and colour, sized by intensity, ringed when a finding cites it. */
function mark(e, speaker, px, py, rem, isFlagged) {
  const size = rem * (0.38 + 0.42 * (e.intensity ?? 0.5));
  const g = svgEl('g', {
    class: `msg-mark${isFlagged ? ' flagged' : ''}${state.message === e.message ? ' active' : ''}`,
    transform: `translate(${px.toFixed(1)} ${py.toFixed(1)})`,
    tabindex: 0, 'data-message': e.message, 'data-stance': e.stance || '', 'data-x': px, 'data-y': py,
  });
  const t = svgEl('title');
  t.textContent = `${e.date} ${shortName(speaker)}: ${e.stance || 'no stance'} ${num(e.intensity, 2)} to ${shortName(e.audience)} `
    + `(${e.channel}${e.forum ? ` at ${e.forum}` : ''})${e.derived ? ', derived from text' : ''}${isFlagged ? ', cited in a finding' : ''}`;
  g.append(t, svgEl('circle', { r: size + 0.3 * rem, class: 'msg-halo' }), shape(e.stance, size));
  const show = () => showMessage(e.message, false);
  // pointing previews the message; leaving goes back to the one kept, so the pointer can travel
  // over other marks on its way to the detail box without losing it
  g.addEventListener('mouseenter', () => { state.hover = e.message; showDetail(); });
  g.addEventListener('mouseleave', () => { state.hover = null; showDetail(); });
  g.addEventListener('focus', show);
  g.addEventListener('click', show);
  g.addEventListener('keydown', ev => {
    if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); show(); }
  });
  return g;
}

/** A stance's shape centred on 0,0, about 2*size across. */
function shape(stance, size) {
  const s = STANCES[stance] || UNKNOWN_STANCE;
  const p = pts => svgEl('polygon', { points: pts.map(([a, b]) => `${(a * size).toFixed(2)},${(b * size).toFixed(2)}`).join(' '), fill: s.color, class: 'msg-shape' });
  switch (s.shape) {
    case 'square': return svgEl('rect', { x: -0.82 * size, y: -0.82 * size, width: 1.64 * size, height: 1.64 * size, fill: s.color, class: 'msg-shape' });
    case 'triangle': return p([[0, -1.05], [1, 0.8], [-1, 0.8]]);
    case 'triangle-down': return p([[0, 1.05], [1, -0.8], [-1, -0.8]]);
    case 'diamond': return p([[0, -1.05], [1.05, 0], [0, 1.05], [-1.05, 0]]);
    case 'ring': return svgEl('circle', { r: 0.78 * size, fill: '#ffffff', stroke: s.color, 'stroke-width': 0.38 * size, class: 'msg-shape' });
    default: return svgEl('circle', { r: 0.92 * size, fill: s.color, class: 'msg-shape' });
  }
}

/** The picked finding: its marks stand out, the others fade, and a dashed line joins them by date. */
function highlightFinding(issue) {
  const svg = state.el.querySelector('#message-timeline');
  if (!svg) return;
  const f = state.finding !== null ? issue?.findings[state.finding] : null;
  const cited = new Set(f ? f.messages : []);
  svg.classList.toggle('has-finding', Boolean(f));
  const marks = [...svg.querySelectorAll('.msg-mark')];
  for (const g of marks) g.classList.toggle('in-finding', cited.has(g.dataset.message));
  const links = svg.querySelector('#message-finding-links');
  links.replaceChildren();
  if (!f) return;
  const points = marks.filter(g => cited.has(g.dataset.message))
    .map(g => [Number(g.dataset.x), Number(g.dataset.y)]).sort((a, b) => a[0] - b[0]);
  if (points.length > 1) {
    links.append(svgEl('polyline', { points: points.map(p => p.join(',')).join(' '), class: 'msg-link-line' }));
  }
}

/** Redraws the SVG when its box changes width (window resized, or the view shown after a hidden draw). */
function watchWidth() {
  if (state.resizeObserver || typeof ResizeObserver === 'undefined') return;
  let pending = 0;
  state.resizeObserver = new ResizeObserver(() => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      const wrap = state.el.querySelector('#message-timeline-wrap');
      if (wrap && wrap.clientWidth && wrap.clientWidth !== state.lastWidth) drawTimeline();
    });
  });
  state.resizeObserver.observe(state.el);
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function svgEl(tag, attrs = {}) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, v);
  return el;
}

let measureCanvas = null;
/** The width of a text drawn at 0.8rem in the page's font (the SVG's label size). */
function textWidth(text, rem, weight = 600) {
  measureCanvas = measureCanvas || document.createElement('canvas');
  const ctx = measureCanvas.getContext('2d');
  ctx.font = `${weight} ${0.8 * rem}px ${getComputedStyle(document.body).fontFamily}`;
  return ctx.measureText(text).width;
}

function messageRecord(id) {
  return state.app.messages.find(m => m.id === id) || null;
}

/** A message's stance as reviewed: recorded, or derived from its text. */
function stanceOf(id) {
  for (const issue of state.answer?.issues || []) {
    const e = timelineEntry(issue, id);
    if (e) return e.stance;
  }
  return messageRecord(id)?.stance || null;
}

function timelineEntry(issue, id) {
  for (const t of issue?.timeline || []) {
    const e = t.entries.find(x => x.message === id);
    if (e) return e;
  }
  return null;
}

function longName(id) {
  if (!id) return '–';
  const name = state.app.name(id);
  return name === id ? id : `${name} (${id})`;
}

/** Actor names in the curated cases carry their office: "Kofi Annan, UN Secretary-General (...)". */
function shortName(id) {
  if (!id) return '–';
  const name = state.app.name(id) || id;
  const cut = name.split(/, | \(/)[0];
  return cut.length > 44 ? `${cut.slice(0, 43)}…` : cut;
}

/** Smooth scrolling, unless the reader asked the system for less motion. */
function motion() {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}
