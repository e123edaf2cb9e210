// Fulcrum's web interface: the shell. It loads a case over the REST API, keeps what the views
// share (the case's records, the engager and target picked, the latest analyses for the report)
// and switches between the views. Each view lives in its own module and talks only to the API.
import { api } from './api.js';
import { loadSchema } from './schema.js';
import { h, fill, problemBox } from './dom.js';
import * as leverage from './leverage.js';
import * as engagement from './engagement.js';
import * as messages from './messages.js';
import * as edit from './edit.js';
import * as cases from './cases.js';
import * as watchlist from './watchlist.js';

const events = new EventTarget();

/** What the views share. */
export const app = {
  api,
  me: null,
  caseId: null,
  summary: null,
  actors: [],
  ties: [],
  messages: [],
  sources: [],
  /** engager, target and as-of day picked in the leverage view; the other views start from them */
  selection: { engager: null, target: null, asOf: null },
  /** the latest answer of each analysis shown, by name, for the report */
  results: {},
  actor(id) { return this.actors.find(a => a.id === id); },
  name(id) { const a = this.actor(id); return a ? a.name : id; },
  source(id) { return this.sources.find(s => s.id === id); },
  canEdit() { return this.me && (this.me.role === 'analyst' || this.me.role === 'admin'); },
  casePath(suffix = '') { return `/api/cases/${encodeURIComponent(this.caseId)}${suffix}`; },
  on(name, fn) { events.addEventListener(name, e => fn(e.detail)); },
  emit(name, detail) { events.dispatchEvent(new CustomEvent(name, { detail })); },
  /** The status line: what is loaded, or what the latest action did. */
  status(text) {
    const el = document.getElementById('status');
    el.classList.remove('failed');
    fill(el, text || '');
  },
  /** The status line after a refusal or failure: what failed and why, never "done". */
  fail(text, error) {
    const el = document.getElementById('status');
    el.classList.add('failed');
    const why = error ? (error.message || error.title || '') : '';
    fill(el, h('strong', {}, 'Failed: '), text, why ? ` (${why.replace(/\.$/, '')}).` : '');
  },
  /** The line that describes the open case; every view returns the status line to it. */
  caseLine: '',
  showProblem(el, error) { fill(el, problemBox(error)); },
  remember(name, answer) { this.results[name] = answer; this.emit('result', { name, answer }); },
  select(tabName) { selectTab(document.getElementById(`tab-${tabName}`)); },
  /** Views holding work that is not saved: each { unsaved(), ask(go, stay) } (the edit form). */
  guards: [],
  /**
   * Runs `go` at once, or, when a view holds unsaved work, once the user agrees to drop it; runs
   * `stay` if they keep it. For anything that would throw the work away: another case, signing out.
   */
  whenFree(go, stay) {
    const guard = this.guards.find(g => g.unsaved());
    if (guard) guard.ask(go, stay);
    else go();
  },

  /** Loads a case's records; every view redraws from the 'case' event. */
  async loadCase(id) {
    this.status(`Loading ${id}…`);
    const base = `/api/cases/${encodeURIComponent(id)}`;
    const [summary, actors, ties, msgs, sources] = await Promise.all([
      api.get(base), api.get(`${base}/actors`), api.get(`${base}/ties`),
      api.get(`${base}/messages`), api.get(`${base}/sources`)]);
    const changedCase = this.caseId !== id;
    Object.assign(this, { caseId: id, summary, actors, ties, messages: msgs, sources });
    if (changedCase) {
      this.results = {};
      this.selection = { engager: null, target: null, asOf: summary.asOf || null };
      history.replaceState(null, '', `#case=${encodeURIComponent(id)}`);
    }
    const picker = document.getElementById('case-select');
    if ([...picker.options].some(o => o.value === id)) picker.value = id; // the picker shows the case on screen
    fill(document.getElementById('case-asof'), summary.asOf ? `as of ${summary.asOf}` : '');
    this.caseLine = `${summary.title}: ${actors.length} actors, ${ties.length} ties, ${msgs.length} messages.`;
    this.status(this.caseLine);
    this.emit('case', { changedCase });
  },

  /** Lists the cases in the picker; keeps the current one selected. */
  async refreshCaseList(selectId) {
    const list = await api.get('/api/cases');
    const select = document.getElementById('case-select');
    fill(select, list.length ? null : h('option', { value: '' }, 'No cases yet: import one'),
      list.map(c => h('option', { value: c.id }, c.title ? `${c.title}` : c.id)));
    const wanted = selectId || this.caseId;
    if (wanted && list.some(c => c.id === wanted)) select.value = wanted;
    return list;
  },
};

const views = { leverage, engagement, messages, edit, cases, watchlist };

function selectTab(tab) {
  for (const t of document.querySelectorAll('[role=tab]')) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
  }
  const name = tab.id.substring('tab-'.length);
  // the status line belongs to the view that wrote it: another view starts from the case's line
  if (app.statusView !== name) app.status(app.caseLine);
  app.statusView = name;
  views[name].shown?.(app);
}

function wireTabs() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  for (const tab of tabs) {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', e => {
      const i = tabs.indexOf(tab);
      let next = null;
      if (e.key === 'ArrowRight') next = tabs[(i + 1) % tabs.length];
      if (e.key === 'ArrowLeft') next = tabs[(i - 1 + tabs.length) % tabs.length];
      if (e.key === 'Home') next = tabs[0];
      if (e.key === 'End') next = tabs[tabs.length - 1];
      if (next) { e.preventDefault(); next.focus(); selectTab(next); }
    });
  }
}

function signOut() {
  // Spring Security's logout takes a POST with the CSRF token (api.js sends it)
  app.whenFree(() => api.raw('POST', '/logout').finally(() => window.location.assign('/login?signedOut')));
}

async function start() {
  wireTabs();
  // a reload or a closed tab with unsaved edits asks first (the browser words the question)
  window.addEventListener('beforeunload', e => {
    if (app.guards.some(g => g.unsaved())) {
      e.preventDefault();
      e.returnValue = '';
    }
  });
  document.getElementById('sign-out').addEventListener('click', signOut);
  const status = document.getElementById('status');
  try {
    app.me = await api.get('/api/users/me');
    fill(document.getElementById('who'), `${app.me.username} (${app.me.role})`);
    await loadSchema(); // the views build their forms and filters from it
    for (const [name, view] of Object.entries(views)) {
      view.mount(document.getElementById(`view-${name}`), app);
    }
    document.getElementById('case-select').addEventListener('change', e => {
      const wanted = e.target.value;
      if (!wanted) return;
      app.whenFree(() => app.loadCase(wanted).catch(err => {
        // the case on screen stays, and the picker and the status line say so
        e.target.value = app.caseId || '';
        app.fail(`could not open ${wanted}${app.caseId ? `; still showing ${app.summary?.title || app.caseId}` : ''}.`, err);
      }), () => { e.target.value = app.caseId; });
    });
    const fromUrl = new URLSearchParams(location.hash.substring(1)).get('case');
    const list = await app.refreshCaseList(fromUrl);
    const first = list.find(c => c.id === fromUrl) || list[0];
    if (first) await app.loadCase(first.id);
    else app.select('cases');
  } catch (e) {
    fill(status, problemBox(e));
  }
}

start();
