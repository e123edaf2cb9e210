// The "Edit case" view: lists a case's actors, ties, messages and sources, and edits one at a time
// in a form that checks what CaseValidator checks, with the API's wording. The API stays the judge:
// every save is sent, and its answer (400 field by field, 409 with the current record) is shown
// next to the form; nothing changes locally unless the API accepted the change.
import { h, fill, problemBox, actorOptions } from './dom.js';
import { fields as schemaFields, limits, range } from './schema.js';

// ---- how the dataset's fields are edited ----------------------------------------------------
// What a field is (required, range, vocabulary, format, the records it applies to) comes from the
// dataset schema (schema.js). Here only how it is shown: label, input, hint and layout. A field
// the schema has and this table does not gets a label made from its name and its type's input.

const INPUTS = { id: 'id', text: 'text', number: 'number', boolean: 'bool', date: 'date',
  vocabulary: 'select', 'actor-id': 'actor', 'source-ids': 'sources' };

const PRESENTATION = {
  actors: {
    id: { hint: 'unique in the case; it appears in URLs' },
    name: { full: true },
    country: { input: 'country', hint: 'ISO 3166 alpha-3, e.g. SDN' },
    position: { hint: '-1 drives the atrocities, +1 wants them stopped' },
  },
  ties: {
    id: { hint: 'optional: left empty, it becomes source:type:target (plus :from when dated)' },
    source: { label: 'Source actor', wide: true },
    target: { label: 'Target actor', wide: true },
    strength: { hint: 'how strongly the source can move the target' },
    from: { label: 'From (date)', hint: 'inclusive' },
    to: { label: 'To (date)', hint: 'inclusive' },
  },
  messages: {
    id: { hint: 'unique in the case' },
    speaker: { wide: true },
    audience: { wide: true },
    forum: { input: 'forum', wide: true, hint: 'a forum actor, if it was said in one' },
    channel: { suggest: true, hint: 'free text: unsc-statement, bilateral, press, envoy…' },
    issue: { suggest: true, hint: 'short key, e.g. sanctions' },
    stance: { hint: 'required unless a text is given' },
    text: { input: 'textarea', full: true },
  },
  sources: {
    id: { hint: 'unique in the case; records cite it' },
    citation: { input: 'textarea', full: true },
    url: { label: 'Address (URL)', input: 'url', full: true, hint: 'http:// or https://' },
  },
};

/** 'targetGroup' → 'Target group'. */
const labelFromName = name => {
  const words = name.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words[0].toUpperCase() + words.substring(1);
};

/**
 * The form fields of a record type, in the schema's order. Each: name (the dataset's), label,
 * input (how it is edited), required, range (numbers), options (closed lists), format (text),
 * hint, wide/full (layout), suggest, and `when`, for a field that only applies to some records
 * (it is hidden, and not sent, otherwise).
 */
function formFields(collection) {
  const shown = PRESENTATION[collection] || {};
  return schemaFields(collection).map(f => {
    const p = shown[f.name] || {};
    const only = f.onlyWhen;
    return {
      name: f.name,
      label: p.label || labelFromName(f.name),
      input: p.input || INPUTS[f.type],
      required: f.required,
      range: f.type === 'number' ? range(f) : null,
      options: f.values || null,
      format: f.format || null,
      hint: p.hint || (only ? `${only.value} only` : null),
      wide: p.wide, full: p.full, suggest: p.suggest,
      when: only ? get => get(only.field) === only.value : null,
    };
  });
}

const maxIdLength = () => limits().maxIdLength;
const maxTextLength = () => limits().maxTextLength;

/**
 * The four record types: how each is listed and checked across fields; `fields` is filled from
 * the schema when the view is mounted.
 */
const TYPES = {
  actors: {
    plural: 'Actors', one: 'actor', path: '/actors',
    title: a => a.name,
    detail: a => `${a.id} · ${a.kind}`,
    sort: (a, b) => a.name.localeCompare(b.name),
    check: checkActor,
  },
  ties: {
    plural: 'Ties', one: 'tie', path: '/ties',
    title: (t, app) => `${app.name(t.source)} → ${app.name(t.target)}`,
    detail: t => `${t.type} · ${t.polarity} · ${t.id}`,
    sort: null, // the API's order
    check: checkTie,
  },
  messages: {
    plural: 'Messages', one: 'message', path: '/messages',
    title: (m, app) => `${m.date} ${app.name(m.speaker)} → ${app.name(m.audience)}`,
    detail: m => `${m.issue} · ${m.stance || 'no stance'} · ${m.id}`,
    sort: null, // the API's order: by date
    check: checkMessage,
  },
  sources: {
    plural: 'Sources', one: 'source', path: '/sources',
    title: s => s.id,
    detail: s => s.citation,
    sort: (a, b) => a.id.localeCompare(b.id),
    check: checkSource,
  },
};

// ---- state -----------------------------------------------------------------------------------

let app;        // what the views share (main.js)
const els = {}; // the view's long-lived elements
const state = {
  type: 'actors',
  filter: '',
  id: null,         // id of the open record (null for a new one)
  isNew: false,     // the form creates a record (POST) rather than replacing one (PUT)
  record: null,     // the values the form was filled from; null when no form is open
  version: null,    // the open record's version, sent as If-Match
  dirty: false,     // the form has edits that are not saved
  touched: new Set(), // fields the user changed: the live checks speak about these only
  flash: null,      // what the last action did ("Saved …"), shown until the next edit
  loading: 0,       // counts record reads, so that a late answer cannot replace a newer one
  busy: false,      // a write is under way
  liveMarked: new Set(), // fields that show a problem found by the live checks
  skipRefresh: false, // set while reloading the case after our own write (the form is current)
};

const byId = id => document.getElementById(id);
const enc = encodeURIComponent;
const typeOf = () => TYPES[state.type];
const article = word => (/^[aeiou]/.test(word) ? 'an' : 'a');

// ---- the view's contract with main.js ---------------------------------------------------------

export function mount(el, theApp) {
  app = theApp;
  for (const [key, t] of Object.entries(TYPES)) t.fields = formFields(key);
  els.notice = h('div', { id: 'edit-readonly' });
  els.types = h('fieldset', { class: 'edit-types' }, h('legend', {}, 'Record type'),
    Object.entries(TYPES).map(([key, t]) => h('label', { for: `edit-type-${key}` },
      h('input', { type: 'radio', name: 'edit-type', id: `edit-type-${key}`, value: key,
        checked: key === state.type, onchange: () => switchType(key) }),
      ` ${t.plural} `, h('span', { class: 'edit-n', id: `edit-n-${key}` }))));
  els.newButton = h('button', { type: 'button', id: 'edit-new', onclick: () => whenDiscarded(newRecord) });
  els.filter = h('input', { type: 'search', id: 'edit-filter', autocomplete: 'off',
    'aria-describedby': 'edit-count', oninput: e => { state.filter = e.target.value; renderList(); } });
  els.count = h('p', { id: 'edit-count', class: 'hint', 'aria-live': 'polite' });
  els.list = h('ul', { id: 'edit-list', role: 'listbox', 'aria-label': 'Records', onkeydown: listKeys });
  els.detail = h('div', { class: 'panel edit-detail' });
  fill(el,
    els.notice,
    h('div', { class: 'edit-layout' },
      h('div', { class: 'panel edit-browse' },
        h('h2', {}, 'Records'),
        els.types,
        h('div', { class: 'row edit-find' },
          h('div', { class: 'field wide' }, h('label', { for: 'edit-filter' }, 'Filter'), els.filter),
          els.newButton),
        els.count,
        els.list),
      els.detail));
  app.on('case', ({ changedCase }) => caseLoaded(changedCase));
  // another case or signing out would close the form: ask first, where the form can be seen
  app.guards.push({
    unsaved: () => state.dirty,
    ask: (go, stay) => { app.select('edit'); whenDiscarded(go, stay); },
  });
  renderAll();
}

export function shown() {
  renderNotice();
  if (!els.list.childElementCount) renderList();
}

/** A case was (re)loaded: redraw the list, and the open record unless it has unsaved edits. */
function caseLoaded(changedCase) {
  if (changedCase) {
    closeForm();
    state.filter = '';
    els.filter.value = '';
  }
  renderNotice();
  renderCounts();
  renderList();
  if (state.dirty) return; // never throw away edits in progress
  if (state.record && !state.isNew && !state.skipRefresh) {
    openRecord(state.id); // pick up what changed elsewhere (an import, another view)
  } else {
    renderDetail();
  }
}

function renderAll() {
  renderNotice();
  renderCounts();
  renderList();
  renderDetail();
}

// ---- the list --------------------------------------------------------------------------------

function renderNotice() {
  fill(els.notice, app.canEdit() ? null : h('p', { class: 'notice' },
    h('strong', {}, 'Read only. '),
    `You are signed in as ${app.me?.username || 'a user'} with the ${app.me?.role || 'viewer'} role: `,
    'you can read these records but not change them. Editing needs the analyst role; ask an admin.'));
}

function renderCounts() {
  for (const key of Object.keys(TYPES)) fill(byId(`edit-n-${key}`), `(${(app[key] || []).length})`);
  const t = typeOf();
  fill(els.newButton, `New ${t.one}`);
  els.newButton.disabled = !app.canEdit() || !app.caseId;
}

function records() {
  const t = typeOf();
  const list = [...(app[state.type] || [])];
  return t.sort ? list.sort(t.sort) : list;
}

/** Every word of the filter must appear in the record's title, detail or any field value. */
function matches(record, words) {
  if (!words.length) return true;
  const t = typeOf();
  const text = [t.title(record, app), t.detail(record, app), ...Object.values(record).flat()]
    .join(' ').toLowerCase();
  return words.every(w => text.includes(w));
}

function renderList() {
  const t = typeOf();
  const all = records();
  const words = state.filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = all.filter(r => matches(r, words));
  const focused = els.list.contains(document.activeElement) ? document.activeElement.dataset.id : null;
  fill(els.list, shown.map(r => h('li', {
    role: 'option', tabindex: '-1', 'data-id': r.id, 'aria-selected': 'false',
    onclick: () => whenDiscarded(() => openRecord(r.id)),
  }, h('span', { class: 'edit-item-title' }, t.title(r, app)), h('span', { class: 'edit-item-sub' }, t.detail(r, app)))));
  fill(els.count, !app.caseId ? 'No case loaded.'
    : words.length ? `${shown.length} of ${all.length} ${t.plural.toLowerCase()} match the filter.`
      : `${all.length} ${t.plural.toLowerCase()}.`);
  markSelected();
  if (focused) optionById(focused)?.focus();
}

function optionById(id) {
  return [...els.list.children].find(li => li.dataset.id === id);
}

/** Marks the open record in the list; it (or the first) is the list's one tab stop. */
function markSelected() {
  const items = [...els.list.children];
  const selected = state.isNew ? null : optionById(state.id);
  for (const li of items) {
    li.setAttribute('aria-selected', String(li === selected));
    li.tabIndex = -1;
  }
  const stop = selected || items[0];
  if (stop) stop.tabIndex = 0;
  if (selected) scrollListTo(selected);
}

/** Scrolls the list (not the page) so that an item shows. */
function scrollListTo(li) {
  const list = els.list;
  if (li.offsetTop < list.scrollTop) list.scrollTop = li.offsetTop;
  else if (li.offsetTop + li.offsetHeight > list.scrollTop + list.clientHeight) {
    list.scrollTop = li.offsetTop + li.offsetHeight - list.clientHeight;
  }
}

/** Arrow keys move through the list, Enter or Space opens a record (the listbox pattern). */
function listKeys(e) {
  const items = [...els.list.children];
  const i = items.indexOf(document.activeElement);
  const moves = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: items.length - 1, PageDown: i + 10, PageUp: i - 10 };
  if (e.key in moves && items.length) {
    e.preventDefault();
    const next = items[Math.max(0, Math.min(items.length - 1, moves[e.key]))];
    items.forEach(li => { li.tabIndex = -1; });
    next.tabIndex = 0;
    next.focus();
  } else if ((e.key === 'Enter' || e.key === ' ') && i >= 0) {
    e.preventDefault();
    whenDiscarded(() => openRecord(items[i].dataset.id));
  }
}

function switchType(key) {
  whenDiscarded(() => {
    state.type = key;
    state.filter = '';
    els.filter.value = '';
    closeForm();
    renderAll();
  }, () => { byId(`edit-type-${state.type}`).checked = true; });
}

/** Opens a record that another record's answer names, e.g. "tie t-bashir-saf-commands". */
function goTo(use) {
  const [kind, ...rest] = use.split(' ');
  const key = Object.keys(TYPES).find(k => TYPES[k].one === kind);
  if (!key) return;
  whenDiscarded(() => {
    state.type = key;
    byId(`edit-type-${key}`).checked = true;
    state.filter = '';
    els.filter.value = '';
    closeForm();
    renderAll();
    openRecord(rest.join(' '));
  });
}

// ---- opening, creating and closing records ----------------------------------------------------

function closeForm() {
  Object.assign(state, { id: null, isNew: false, record: null, version: null, dirty: false, flash: null });
  state.touched = new Set();
  state.liveMarked = new Set();
}

async function openRecord(id) {
  const type = state.type;
  const ticket = ++state.loading;
  try {
    const answer = await app.api.get(app.casePath(`${typeOf().path}/${enc(id)}`));
    if (ticket !== state.loading || type !== state.type) return; // another record was opened since
    const flash = state.id === id ? state.flash : null;
    closeForm();
    Object.assign(state, { id, record: answer.data ?? answer, version: answer.version, flash });
    markSelected();
    renderDetail();
  } catch (e) {
    if (ticket !== state.loading) return;
    closeForm();
    markSelected();
    if (e.status === 404) {
      // deleted elsewhere since the list was drawn: say so, and reload the case to drop it
      state.flash = `${e.message}. Someone may have deleted it; the list is reloaded.`;
      await reloadCase(null);
      return;
    }
    renderDetail();
    app.showProblem(byId('edit-problems'), e);
  }
}

function newRecord() {
  closeForm();
  Object.assign(state, { isNew: true, record: {} });
  markSelected();
  renderDetail();
  byId('edit-id')?.focus();
}

/** Runs `go` now, or after the user agrees to drop unsaved edits; `stay` if they keep them. */
function whenDiscarded(go, stay) {
  if (!state.dirty || !byId('edit-confirm')) {
    go();
    return;
  }
  ask(`You have unsaved changes to ${describeOpen()}. Discard them?`,
    { yes: 'Discard my changes', no: 'Keep editing', yesId: 'edit-discard', onYes: go, onNo: stay });
}

function describeOpen() {
  const t = typeOf();
  return state.isNew ? `the new ${t.one}` : `${t.one} '${state.id}'`;
}

/** An in-page confirmation next to the form's buttons (focus goes to the safe choice). */
function ask(text, { yes, no, yesId, onYes, onNo }) {
  const box = byId('edit-confirm');
  const close = () => fill(box);
  fill(box, h('div', { class: 'notice edit-ask', role: 'alert' },
    h('p', {}, text),
    h('div', { class: 'row' },
      h('button', { type: 'button', id: yesId, class: 'danger', onclick: () => { close(); onYes(); } }, yes),
      h('button', { type: 'button', class: 'secondary', id: 'edit-keep',
        onclick: () => { close(); onNo?.(); byId('edit-save')?.focus(); } }, no))));
  box.scrollIntoView({ block: 'nearest' });
  byId('edit-keep').focus();
}

// ---- the form --------------------------------------------------------------------------------

function renderDetail() {
  const focused = els.detail.contains(document.activeElement) ? document.activeElement.id : null;
  const t = typeOf();
  if (!state.record) {
    fill(els.detail,
      h('h2', {}, `Edit ${t.plural.toLowerCase()}`),
      state.flash ? h('p', { class: 'notice', role: 'status' }, state.flash) : null,
      h('p', { class: 'muted' }, !app.caseId ? 'No case is loaded.'
        : app.canEdit() ? `Pick ${article(t.one)} ${t.one} in the list, or create one with “New ${t.one}”.`
          : `Pick ${article(t.one)} ${t.one} in the list to read it.`),
      h('div', { id: 'edit-problems' }));
    return;
  }
  const canEdit = app.canEdit();
  const form = h('form', {
    id: 'edit-form', novalidate: true, 'aria-labelledby': 'edit-form-title',
    onsubmit: e => { e.preventDefault(); save(); },
    // checked as the user types or picks, not when a field loses the focus: a message appearing
    // then would move the form under the pointer and swallow the click that caused the blur
    oninput: fieldChanged,
    onchange: fieldChanged,
  },
  h('h2', { id: 'edit-form-title' }, heading()),
  canEdit ? h('p', { class: 'hint' }, 'Fields marked * are required. The server checks every save again.') : null,
  h('fieldset', { class: 'edit-fields', disabled: !canEdit },
    h('legend', { class: 'edit-vh' }, `The ${t.one}'s fields`),
    h('div', { class: 'row' }, t.fields.map(f => fieldBlock(f, state.record[f.name])))),
  h('div', { id: 'edit-conflict' }),
  h('div', { id: 'edit-problems' }),
  h('div', { id: 'edit-confirm' }),
  canEdit ? actions() : null,
  h('p', { id: 'edit-flash', class: 'edit-flash', role: 'status' }, state.flash || ''));
  fill(els.detail, form);
  updateVisibility();
  if (focused) byId(focused)?.focus();
}

function heading() {
  const t = typeOf();
  const one = t.one[0].toUpperCase() + t.one.substring(1);
  if (state.isNew) return `New ${t.one}`;
  return [`${one}: ${t.title(state.record, app)} `,
    h('span', { class: 'edit-version' }, `${state.id} · version ${state.version ?? '?'}`)];
}

function actions() {
  const t = typeOf();
  return h('div', { class: 'row edit-actions' },
    h('button', { type: 'submit', id: 'edit-save' }, state.isNew ? `Create ${t.one}` : 'Save changes'),
    h('button', { type: 'button', id: 'edit-cancel', class: 'secondary', onclick: cancel }, 'Cancel'),
    state.isNew ? null : h('button', { type: 'button', id: 'edit-delete', class: 'secondary danger',
      onclick: confirmDelete }, `Delete ${t.one}`));
}

/** One labelled field with its hint and its error line (both named by aria-describedby). */
function fieldBlock(f, value) {
  if (f.input === 'sources') return sourcesBlock(value || []);
  const id = `edit-${f.name}`;
  const control = makeControl(f, id);
  setValue(control, value);
  const classes = ['field', f.wide ? 'wide' : null, f.full ? 'full' : null].filter(Boolean).join(' ');
  return h('div', { class: classes, 'data-field': f.name },
    h('label', { for: id }, f.label, f.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    control,
    f.suggest ? h('datalist', { id: `${id}-options` }, suggestions(f.name).map(v => h('option', { value: v }))) : null,
    f.hint ? h('span', { class: 'hint', id: `${id}-hint` }, f.hint) : null,
    h('span', { class: 'field-error', id: `${id}-error` }));
}

/** The input for a field, with the HTML constraints that mirror the API's rules. */
function makeControl(f, id) {
  const base = { id, name: f.name, required: f.required,
    'aria-describedby': [f.hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ') };
  const blank = f.required ? '– choose –' : '(none)';
  switch (f.input) {
    case 'id':
      // the id names the record in its URL: it is chosen once, when the record is created
      return h('input', { ...base, type: 'text', maxlength: maxIdLength(), autocomplete: 'off',
        spellcheck: 'false', readonly: !state.isNew });
    case 'text':
      return h('input', { ...base, type: 'text', maxlength: maxTextLength(), autocomplete: 'off',
        list: f.suggest ? `${id}-options` : null });
    case 'textarea':
      return h('textarea', { ...base, rows: f.name === 'text' ? 5 : 3, maxlength: maxTextLength() });
    case 'country':
      return h('input', { ...base, type: 'text', maxlength: 3, size: 5, pattern: '[A-Z]{3}',
        autocomplete: 'off', spellcheck: 'false' });
    case 'url':
      return h('input', { ...base, type: 'url', maxlength: maxTextLength() });
    case 'number':
      return h('input', { ...base, type: 'number', step: 'any', inputmode: 'decimal', min: f.range.lo,
        max: Number.isFinite(f.range.hi) ? f.range.hi : null });
    case 'date':
      return h('input', { ...base, type: 'date' });
    case 'select':
      return h('select', base, h('option', { value: '' }, blank), f.options.map(o => h('option', { value: o }, o)));
    case 'bool':
      return h('select', base, h('option', { value: '' }, '(not given)'),
        h('option', { value: 'true' }, 'yes'), h('option', { value: 'false' }, 'no'));
    case 'actor':
      return h('select', base, actorOptions(app.actors, null, { blank: '– choose an actor –' }));
    case 'forum':
      return h('select', base, actorOptions(app.actors.filter(a => a.kind === 'forum'), null, { blank }));
    default:
      throw new Error(`unknown input ${f.input}`);
  }
}

function setValue(el, value) {
  if (value === undefined || value === null) {
    el.value = '';
    return;
  }
  const text = String(value);
  if (el.tagName === 'SELECT' && ![...el.options].some(o => o.value === text)) {
    // a value the list does not offer (an actor that is gone, say): show it rather than drop it
    el.append(h('option', { value: text }, `${text} (not in the list)`));
  }
  el.value = text;
}

function suggestions(name) {
  return [...new Set(app.messages.map(m => m[name]).filter(Boolean))].sort();
}

/**
 * The cited sources as a checkbox list with a search box: the cited ones first (in the record's
 * order, which a save keeps), then the rest by id.
 */
function sourcesBlock(cited) {
  const known = new Set(app.sources.map(s => s.id));
  const citedSet = new Set(cited);
  const items = [
    ...cited.map(id => app.source(id) || { id, citation: '(not among the case’s sources)' }),
    ...app.sources.filter(s => !citedSet.has(s.id)).sort((a, b) => a.id.localeCompare(b.id))];
  const list = h('ul', { class: 'edit-source-list', onkeydown: sourceKeys,
    onfocusin: e => { if (e.target.type === 'checkbox') moveSourceStop(e.target); } }, items.map((s, i) => h('li', {
    'data-text': `${s.id} ${s.citation}`.toLowerCase(), class: known.has(s.id) ? null : 'unknown' },
  h('input', { type: 'checkbox', name: 'sources', id: `edit-sources-opt-${i}`, value: s.id,
    checked: citedSet.has(s.id), tabindex: i === 0 ? '0' : '-1' }),
  h('label', { for: `edit-sources-opt-${i}` }, h('code', {}, s.id), ' ', h('span', { class: 'edit-cite' }, s.citation)))));
  return h('fieldset', { id: 'edit-sources', class: 'field full edit-sources', 'data-field': 'sources',
    'aria-describedby': 'edit-sources-count edit-sources-keys edit-sources-error' },
  h('legend', {}, 'Sources', h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
  h('div', { class: 'row' },
    h('div', { class: 'field wide' },
      h('label', { for: 'edit-sources-filter' }, 'Find a source'),
      h('input', { type: 'search', id: 'edit-sources-filter', autocomplete: 'off',
        oninput: filterSources, onkeydown: e => { if (e.key === 'Enter') e.preventDefault(); } })),
    h('span', { class: 'hint', id: 'edit-sources-count' }, citedText(cited.length))),
  h('p', { class: 'hint', id: 'edit-sources-keys' }, 'In the list, the arrow keys move and Space ticks.'),
  list,
  h('span', { class: 'field-error', id: 'edit-sources-error' }));
}

/**
 * The list of sources is one tab stop (a case has hundreds): the arrow keys move between the
 * sources in view, Space ticks one.
 */
function sourceKeys(e) {
  const boxes = [...e.currentTarget.querySelectorAll('li:not([hidden]) input')];
  const i = boxes.indexOf(document.activeElement);
  const moves = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: boxes.length - 1 };
  if (!(e.key in moves) || i < 0) return;
  e.preventDefault();
  const next = boxes[Math.max(0, Math.min(boxes.length - 1, moves[e.key]))];
  moveSourceStop(next);
  next.focus();
}

function moveSourceStop(box) {
  for (const b of byId('edit-sources').querySelectorAll('.edit-source-list input')) b.tabIndex = -1;
  if (box) box.tabIndex = 0;
}

const citedText = n => (n === 1 ? '1 source cited' : `${n} sources cited`);

/** Hides the sources that do not match the search; cited ones always stay in view. */
function filterSources(e) {
  const words = e.target.value.toLowerCase().split(/\s+/).filter(Boolean);
  for (const li of byId('edit-sources').querySelectorAll('li')) {
    const box = li.querySelector('input');
    li.hidden = !box.checked && !words.every(w => li.dataset.text.includes(w));
  }
  // the tab stop must stay on a source in view
  const stop = byId('edit-sources').querySelector('.edit-source-list input[tabindex="0"]');
  if (!stop || stop.closest('li').hidden) moveSourceStop(byId('edit-sources').querySelector('li:not([hidden]) input'));
}

function markDirty() {
  state.dirty = true;
  state.flash = null;
  const flash = byId('edit-flash');
  if (flash) fill(flash);
}

function fieldChanged(e) {
  const name = e.target.name;
  if (!name) return;
  state.touched.add(name);
  markDirty();
  updateVisibility();
  if (name === 'sources') fill(byId('edit-sources-count'), citedText(citedSources().length));
  liveCheck();
}

/** Shows only the fields that apply (a decision rule for forums, a veto for member-of ties). */
function updateVisibility() {
  const get = name => byId(`edit-${name}`)?.value;
  for (const f of typeOf().fields) {
    if (!f.when) continue;
    const block = els.detail.querySelector(`[data-field="${f.name}"]`);
    if (block) block.hidden = !f.when(get);
  }
}

function isShown(f) {
  const block = els.detail.querySelector(`[data-field="${f.name}"]`);
  return block && !block.hidden;
}

function citedSources() {
  return [...byId('edit-sources').querySelectorAll('input[type=checkbox]:checked')].map(c => c.value);
}

/** The record as the form holds it, in the dataset's JSON: blank fields are left out. */
function readValues() {
  const values = {};
  for (const f of typeOf().fields) {
    if (!isShown(f)) continue;
    const v = readField(f);
    if (v !== undefined) values[f.name] = v;
  }
  return values;
}

function readField(f) {
  if (f.input === 'sources') {
    const ids = citedSources();
    return ids.length ? ids : undefined;
  }
  const text = byId(`edit-${f.name}`).value.trim();
  if (text === '') return undefined;
  if (f.input === 'number') return Number(text);
  if (f.input === 'bool') return text === 'true';
  return text;
}

// ---- checks in the API's words (CaseValidator) ------------------------------------------------

function rangeText(r) {
  if (!Number.isFinite(r.hi)) return `${r.loOpen ? '> ' : '>= '}${r.lo}`;
  return `${r.loOpen ? '(' : '['}${r.lo}, ${r.hi}${r.hiOpen ? ')' : ']'}`;
}

function inRange(x, r) {
  return Number.isFinite(x) && (r.loOpen ? x > r.lo : x >= r.lo) && (r.hiOpen ? x < r.hi : x <= r.hi);
}

function idProblem(id) {
  if (id.length > maxIdLength()) return `an id is at most ${maxIdLength()} characters`;
  // control characters as Java's Character.isISOControl counts them
  if (/[\u0000-\u001f\u007f-\u009f/\\;%]/.test(id)) return "an id cannot contain '/', '\\', ';', '%' or control characters";
  if (id === '.' || id === '..') return "an id cannot be '.' or '..'";
  return null;
}

/** What is wrong with one field's value on its own, or null. */
function fieldProblem(f, value) {
  if (f.input === 'number' && byId(`edit-${f.name}`)?.validity.badInput) return 'expected a number';
  if (value === undefined) {
    if (!f.required) return null;
    return f.input === 'sources' ? 'missing sources; every record cites at least one source id'
      : `missing required field '${f.name}'`;
  }
  switch (f.input) {
    case 'id': return idProblem(value);
    case 'number': return inRange(value, f.range) ? null : `value ${value} is out of range; expected ${rangeText(f.range)}`;
    case 'select': return f.options.includes(value) ? null : `unknown value '${value}'; expected one of ${f.options.join(', ')}`;
    case 'actor':
    case 'forum': return app.actor(value) ? null : `unknown actor id '${value}'`;
    case 'country': return /^[A-Z]{3}$/.test(value) ? null : `expected ${f.format}, got '${value}'`;
    case 'url': return /^https?:\/\//.test(value) ? null : `expected ${f.format}, got '${value}'`;
    case 'sources': {
      const unknown = value.find(id => !app.source(id));
      return unknown ? `unknown source id '${unknown}'; every cited source must be listed in the case's sources` : null;
    }
    default: return value.length > maxTextLength() ? `text is longer than ${maxTextLength()} characters` : null;
  }
}

// The checks across fields give [field, message, the fields the rule depends on].
function duplicate(kind, id, exists, from = ['id']) {
  return state.isNew && id && exists ? [['id', `${kind} '${id}' already exists; choose another id`, from]] : [];
}

function checkActor(v) {
  const p = duplicate('actor', v.id, app.actor(v.id));
  if (v.decisionRule && v.kind && v.kind !== 'forum') {
    p.push(['decisionRule', `only a forum has a decision rule; this actor is a ${v.kind}`, ['kind', 'decisionRule']]);
  }
  return p;
}

function checkTie(v) {
  // a tie without an id gets source:type:target[:from], which must be free too
  const id = v.id || (v.source && v.type && v.target
    ? `${v.source}:${v.type}:${v.target}${v.from ? `:${v.from}` : ''}` : null);
  const p = duplicate('tie', id, app.ties.some(t => t.id === id), ['id', 'source', 'type', 'target', 'from']);
  if (v.source && v.source === v.target) {
    p.push(['target', `a tie cannot run from an actor to itself ('${v.source}')`, ['source', 'target']]);
  }
  if (v.from && v.to && v.to < v.from) p.push(['to', `the tie ends (${v.to}) before it starts (${v.from})`, ['from', 'to']]);
  const target = app.actor(v.target);
  if (v.type === 'member-of' && target && target.kind !== 'forum') {
    p.push(['target', `a member-of tie must point to a forum; '${v.target}' is a ${target.kind}`, ['type', 'target']]);
  }
  return p;
}

function checkMessage(v) {
  const p = duplicate('message', v.id, app.messages.some(m => m.id === v.id));
  const forum = app.actor(v.forum);
  if (forum && forum.kind !== 'forum') p.push(['forum', `expected a forum actor; '${v.forum}' is a ${forum.kind}`, ['forum']]);
  if (!v.stance && !v.text) p.push(['stance', 'a message needs a stance, or a text to derive it from', ['stance', 'text']]);
  return p;
}

function checkSource(v) {
  return duplicate('source', v.id, app.source(v.id));
}

function clientProblems() {
  const t = typeOf();
  const values = readValues();
  const out = [];
  for (const f of t.fields) {
    if (!isShown(f)) continue;
    const message = fieldProblem(f, values[f.name]);
    if (message) out.push({ field: f.name, message, from: [f.name] });
  }
  for (const [field, message, from] of t.check(values)) out.push({ field, message, from });
  return out;
}

/**
 * As the user edits: the problems that involve a field they changed. A changed field's old
 * message (the API's included) goes; untouched fields keep theirs until the next save.
 */
function liveCheck() {
  const problems = clientProblems().filter(p => p.from.some(name => state.touched.has(name)));
  for (const name of new Set([...state.touched, ...state.liveMarked])) setFieldErrors(name, []);
  showFieldErrors(problems);
  state.liveMarked = new Set(problems.map(p => p.field));
}

// ---- showing problems ------------------------------------------------------------------------

function setFieldErrors(name, messages) {
  const line = byId(`edit-${name}-error`);
  if (!line) return false;
  fill(line, messages.join(' · '));
  const control = byId(`edit-${name}`);
  if (control?.tagName === 'FIELDSET') control.classList.toggle('invalid', messages.length > 0);
  else if (messages.length) control?.setAttribute('aria-invalid', 'true');
  else control?.removeAttribute('aria-invalid');
  return true;
}

/** Puts each problem next to its field; returns the problems that name no field of the form. */
function showFieldErrors(problems) {
  const byField = new Map();
  const elsewhere = [];
  for (const p of problems) {
    if (p.field && byId(`edit-${p.field}-error`) && isShown({ name: p.field })) {
      byField.set(p.field, [...(byField.get(p.field) || []), p.message]);
    } else {
      elsewhere.push(p);
    }
  }
  for (const [field, messages] of byField) setFieldErrors(field, messages);
  return elsewhere;
}

function clearProblems() {
  for (const f of typeOf().fields) setFieldErrors(f.name, []);
  fill(byId('edit-problems'));
  fill(byId('edit-conflict'));
  fill(byId('edit-confirm'));
}

function labelOf(field) {
  return typeOf().fields.find(f => f.name === field)?.label || field;
}

/** The API's 400 answer: its detail, then each problem with a button to the field it names. */
function invalidBox(e) {
  return h('div', { class: 'problem', role: 'alert' },
    h('strong', {}, e.title), ' ', e.message,
    h('ul', {}, e.errors.map(x => h('li', {},
      x.field && byId(`edit-${x.field}`)
        ? [h('button', { type: 'button', class: 'link', onclick: () => focusField(x.field) }, labelOf(x.field)), ': ']
        : x.field ? `${x.field}: ` : null,
      x.message))));
}

function focusField(name) {
  const el = byId(`edit-${name}`);
  (el?.tagName === 'FIELDSET' ? el.querySelector('input') : el)?.focus();
}

/** A refused write: the API's answer next to the form; the form keeps the user's values. */
function showFailure(e, action) {
  clearProblems();
  const box = byId('edit-problems');
  if (e.status === 409 && e.problem && 'currentVersion' in e.problem) {
    showConflict(e.problem, action);
    return;
  }
  if (e.status === 400 && e.errors.length) {
    fill(box, invalidBox(e));
    showFieldErrors(e.errors.filter(x => x.field).map(x => ({ field: x.field, message: x.message })));
    // the first field in the form's order (the API lists problems in its own order)
    const named = new Set(e.errors.map(x => x.field));
    const first = typeOf().fields.find(f => named.has(f.name) && isShown(f));
    if (first) focusField(first.name);
    return;
  }
  app.showProblem(box, e);
  const uses = e.problem?.conflicts;
  if (e.status === 409 && action === 'delete' && Array.isArray(uses) && uses.length) {
    box.append(h('div', { class: 'edit-uses' }, h('p', {}, 'Open one of them to change it:'),
      h('ul', {}, uses.map(u => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => goTo(u) }, u))))));
  } else if (e.status === 409 && state.isNew) {
    setFieldErrors('id', [e.message]); // POST of an id that is taken
  }
  box.scrollIntoView({ block: 'nearest' });
}

function shownValue(f, value) {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ');
  if ((f.input === 'actor' || f.input === 'forum') && app.actor(value)) return `${app.name(value)} (${value})`;
  return String(value);
}

/**
 * Someone else changed (or deleted) the record since it was read: say so, show their values next
 * to ours, and let the user load theirs. Nothing was written; the form keeps the user's edits.
 */
function showConflict(problem, action) {
  const t = typeOf();
  const box = byId('edit-conflict');
  const verb = action === 'delete' ? 'deleted' : 'saved';
  const theirs = problem.current;
  if (!theirs) {
    fill(box, h('div', { class: 'notice error', role: 'alert' },
      h('strong', {}, `Someone else deleted this ${t.one}.`), ' ', problem.detail,
      h('p', {}, `Nothing was ${verb}; your values are still in the form.`),
      action === 'save' ? h('button', { type: 'button', id: 'edit-recreate', onclick: recreate },
        'Create it again with my values') : null));
    box.scrollIntoView({ block: 'nearest' });
    return;
  }
  const mine = action === 'delete' ? state.record : readValues();
  // only the fields that differ: the rest would hide them
  const rows = t.fields.map(f => [f, shownValue(f, mine[f.name]), shownValue(f, theirs[f.name])])
    .filter(([, a, b]) => a !== b)
    .map(([f, a, b]) => h('tr', {}, h('th', { scope: 'row' }, f.label), h('td', {}, a), h('td', {}, b)));
  const same = t.fields.length - rows.length;
  fill(box, h('div', { class: 'notice error edit-conflict', role: 'alert' },
    h('p', {}, h('strong', {}, `Someone else changed this ${t.one} since you opened it.`), ' ',
      `It is now at version ${problem.currentVersion}; you started from version ${state.version}. `,
      `Nothing was ${verb}: `, action === 'save' ? 'your edits are still in the form.' : 'check their version first.'),
    rows.length ? h('table', {},
      h('caption', {}, `Where your ${action === 'save' ? 'edit' : 'copy'} and their version differ`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'),
        h('th', { scope: 'col' }, action === 'save' ? 'Yours (not saved)' : `Yours (version ${state.version})`),
        h('th', { scope: 'col' }, `Theirs (version ${problem.currentVersion})`))),
      h('tbody', {}, rows)) : h('p', {}, 'Their values are the same as yours.'),
    rows.length ? h('p', { class: 'hint' }, `The other ${same} field${same === 1 ? ' is' : 's are'} the same.`) : null,
    h('div', { class: 'row' },
      h('button', { type: 'button', id: 'edit-load-theirs', onclick: () => loadTheirs(problem) }, 'Load their version'),
      h('span', { class: 'hint' }, 'This replaces the form with their values; reapply your change, then save.'))));
  box.scrollIntoView({ block: 'nearest' });
  byId('edit-load-theirs').focus();
}

async function loadTheirs(problem) {
  const flash = `Loaded their version (version ${problem.currentVersion}).`;
  closeForm();
  Object.assign(state, { id: problem.current.id, record: problem.current, version: String(problem.currentVersion), flash });
  renderDetail();
  byId('edit-save')?.focus();
  await reloadCase(flash); // their change may show in the list and the other views too
}

function recreate() {
  const values = readValues();
  closeForm();
  Object.assign(state, { isNew: true, record: values, dirty: true,
    flash: `Press “Create ${typeOf().one}” to create it again.` });
  markSelected();
  renderDetail();
  byId('edit-save')?.focus();
}

// ---- writing ---------------------------------------------------------------------------------

/**
 * Marks a write in progress. The buttons are not disabled (that would drop the keyboard focus);
 * save and remove refuse to start a second write instead.
 */
function busy(on) {
  state.busy = on;
  byId('edit-form')?.setAttribute('aria-busy', String(on));
  for (const id of ['edit-save', 'edit-delete', 'edit-delete-confirm']) byId(id)?.setAttribute('aria-disabled', String(on));
}

async function save() {
  if (!app.canEdit() || state.busy) return;
  const t = typeOf();
  const body = readValues();
  clearProblems();
  busy(true);
  let saved;
  try {
    saved = state.isNew
      ? await app.api.post(app.casePath(t.path), body)
      : await app.api.put(app.casePath(`${t.path}/${enc(state.id)}`), body, { ifMatch: state.version });
  } catch (e) {
    busy(false);
    showFailure(e, 'save');
    return;
  }
  busy(false);
  const record = saved.data ?? saved;
  const text = `Saved ${t.one} '${record.id}' (version ${saved.version ?? '?'}).`;
  closeForm();
  Object.assign(state, { id: record.id, record, version: saved.version, flash: text });
  app.status(text);
  await reloadCase(text);
}

function confirmDelete() {
  const t = typeOf();
  const note = t.one === 'actor' ? ' The server refuses while ties or messages name it.'
    : t.one === 'source' ? ' The server refuses while records cite it.' : '';
  ask(`Delete ${t.one} '${state.id}'? The case's history keeps a copy.${note}`,
    { yes: `Delete ${t.one}`, no: 'Keep it', yesId: 'edit-delete-confirm', onYes: remove });
}

async function remove() {
  if (state.busy) return;
  const t = typeOf();
  const id = state.id;
  busy(true);
  try {
    await app.api.del(app.casePath(`${t.path}/${enc(id)}`), { ifMatch: state.version });
  } catch (e) {
    busy(false);
    showFailure(e, 'delete');
    return;
  }
  busy(false);
  const text = `Deleted ${t.one} '${id}'.`;
  closeForm();
  state.flash = text;
  app.status(text);
  await reloadCase(text);
  els.list.querySelector('[tabindex="0"]')?.focus();
}

/**
 * Reloads the case so that every view redraws. The form is already current (it holds what the API
 * answered), so the 'case' handler only redraws it. loadCase writes its own status line; ours is
 * put back after it.
 */
async function reloadCase(text) {
  state.skipRefresh = true;
  try {
    await app.loadCase(app.caseId);
    if (text) app.status(text);
  } catch (e) {
    if (!state.dirty) renderDetail();
    const box = byId('edit-problems');
    if (box) app.showProblem(box, e);
  } finally {
    state.skipRefresh = false;
  }
}

function cancel() {
  const id = state.isNew ? null : state.id;
  closeForm();
  markSelected();
  renderDetail();
  (id ? optionById(id) : els.newButton)?.focus();
}
