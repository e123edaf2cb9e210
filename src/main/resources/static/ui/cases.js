// The cases view: every case with its counts and exports, importing a case (a JSON file or a zip of
// the CSV files; every problem is listed with its line and field, and nothing is written), and the
// report of the analyses run in this session.
import { h, fill, problemBox, download } from './dom.js';
import { reportBlocks, toMarkdown, toHtml } from './report.js';

let app;
const ui = {};

export function mount(el, theApp) {
  app = theApp;
  fill(el,
    h('div', { class: 'split' },
      h('div', {},
        h('div', { class: 'panel' }, h('h2', {}, 'Cases'), ui.list = h('div', { id: 'case-list' })),
        importPanel()),
      h('div', {},
        h('div', { class: 'panel', id: 'report-panel' },
          h('h2', {}, 'Report of the current analysis'),
          h('p', { class: 'hint' }, 'Everything you have run in this session for the open case: paths, patrons, influence, chokepoints, what-if, plan, counter-move, forums, playbook and message review, each with its reasons and sources.'),
          ui.reportContents = h('p', { id: 'report-contents' }),
          h('div', { class: 'row' },
            h('button', { type: 'button', id: 'report-markdown', onclick: () => report('md') }, 'Download report (Markdown)'),
            h('button', { type: 'button', id: 'report-html', class: 'secondary', onclick: () => report('html') }, 'Download report (HTML)'))))));
  app.on('case', () => { listCases(); describeReport(); });
  app.on('result', describeReport);
}

export function shown() {
  listCases();
  describeReport();
}

async function listCases() {
  try {
    const cases = await app.api.get('/api/cases');
    fill(ui.list, cases.length ? h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'case'), h('th', { class: 'n' }, 'actors'), h('th', { class: 'n' }, 'ties'), h('th', { class: 'n' }, 'messages'), h('th', {}, 'export'))),
      h('tbody', {}, cases.map(c => h('tr', { 'data-id': c.id },
        h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => open(c.id) }, c.title || c.id),
          h('div', { class: 'hint' }, `${c.id} · as of ${c.asOf} · ${c.phase}, ${c.tempo}`)),
        h('td', { class: 'n' }, c.actors), h('td', { class: 'n' }, c.ties), h('td', { class: 'n' }, c.messages),
        h('td', {},
          h('a', { href: `/api/cases/${encodeURIComponent(c.id)}/export?format=json`, download: `${c.id}.json` }, 'JSON'), ' · ',
          h('a', { href: `/api/cases/${encodeURIComponent(c.id)}/export?format=csv`, download: `${c.id}-csv.zip` }, 'CSV zip')))))) : h('p', {}, 'No cases yet.'));
  } catch (e) {
    fill(ui.list, problemBox(e));
  }
}

function open(id) {
  const show = async () => {
    try {
      await app.refreshCaseList(id);
      await app.loadCase(id);
      app.select('leverage');
    } catch (e) {
      fill(ui.list, problemBox(e));
    }
  };
  if (id === app.caseId) show(); // the same case: a reload keeps unsaved edits
  else app.whenFree(show);
}

function importPanel() {
  const canImport = app.canEdit();
  return h('form', { class: 'panel', id: 'import-form', onsubmit: e => { e.preventDefault(); importCase(); } },
    h('h2', {}, 'Import a case'),
    h('p', { class: 'hint' }, 'A case file in the dataset format (README, "Dataset format"): one JSON file, or a zip of case.csv, sources.csv, actors.csv, ties.csv and messages.csv. A case with the same id is replaced. A file with any problem writes nothing; every problem is listed.'),
    canImport ? null : h('p', { class: 'notice' }, `Importing needs the analyst role; you are signed in as ${app.me.role}.`),
    h('div', { class: 'row' },
      h('div', { class: 'field wide' }, h('label', { for: 'import-file' }, 'Case file (.json or .zip)'),
        ui.file = h('input', { id: 'import-file', type: 'file', accept: '.json,.zip,application/json,application/zip', disabled: !canImport })),
      h('button', { type: 'submit', id: 'import-button', disabled: !canImport }, 'Import')),
    ui.importResult = h('div', { id: 'import-result', 'aria-live': 'polite' }));
}

async function importCase() {
  const file = ui.file.files[0];
  if (!file) {
    fill(ui.importResult, problemBox({ title: 'No file', message: 'choose a .json or .zip case file first.' }));
    return;
  }
  const zip = file.name.toLowerCase().endsWith('.zip');
  fill(ui.importResult, h('p', { class: 'hint' }, `Importing ${file.name}…`));
  try {
    const answer = await app.api.post('/api/cases', file, { contentType: zip ? 'application/zip' : 'application/json' });
    fill(ui.importResult, h('p', { class: 'notice', role: 'status' },
      `${answer.replaced ? 'Replaced' : 'Imported'} case ${answer.id}: ${answer.actors} actors, ${answer.ties} ties, ${answer.messages} messages, ${answer.sources} sources.`));
    if (answer.id === app.caseId) {
      await app.loadCase(answer.id); // the case on screen was replaced: a reload keeps unsaved edits
    } else {
      // another case: listed at once, shown unless the edit form holds unsaved work the user keeps
      await app.refreshCaseList();
      app.whenFree(() => app.loadCase(answer.id).catch(e => fill(ui.importResult, problemBox(e))));
    }
  } catch (e) {
    // the API names the upload "request body"; the user knows it by its file name
    for (const problem of e.errors || []) {
      if (problem.file === 'request body') problem.file = file.name;
    }
    fill(ui.importResult, problemBox(e));
  }
}

function describeReport() {
  const names = { paths: 'leverage paths', patrons: 'patrons', influence: 'influence', chokepoints: 'chokepoints',
    whatIf: 'what-if', plan: 'engagement plan', redTeam: 'counter-move', forums: 'forum-shopping', playbook: 'playbook', messages: 'message review' };
  const have = Object.keys(app.results).map(k => names[k] || k);
  fill(ui.reportContents, have.length ? `The report will hold: ${have.join(', ')}.` : 'No analysis run yet: the report will hold only the case header. Run some in the other views first.');
}

function report(format) {
  if (!app.caseId) return;
  const blocks = reportBlocks(app);
  const stamp = new Date().toISOString().substring(0, 10);
  if (format === 'md') download(`fulcrum-${app.caseId}-${stamp}.md`, 'text/markdown', toMarkdown(blocks));
  else download(`fulcrum-${app.caseId}-${stamp}.html`, 'text/html', toHtml(blocks));
}
