// A deterministic layout of a case, the way analysts draw these maps: the regime and its command
// chain as a tree in the middle, the forums along the top, the communities of the victims along
// the bottom with the other domestic actors just above them, the actors that want the atrocities
// stopped (the engager's side) on the left and the regime's patrons and neutral outsiders on the
// right. It reads only the case's records (no randomness, no clock), so the same case is drawn
// the same on every visit, and every actor gets a cell of its own big enough for its label, so
// labels never overlap at any zoom.

/** A cell's size in graph units: wide enough for a label of LABEL_LINE characters, two lines. */
export const CELL = { w: 118, h: 74 };
/** The longest line of a node's label, in characters, and its number of lines. */
export const LABEL_LINE = 16;
const LABEL_LINES = 2;

const REGIME_GROUPS = new Set(['planners', 'perpetrators']);
/** Tie types by which an outsider props up the regime: a patron. */
const PATRON_TYPES = new Set(['supplies-arms', 'finances', 'shields', 'trades-with', 'invests-in', 'allied-with']);
const KIND_ORDER = ['state', 'leader', 'government-body', 'forum', 'armed-group', 'individual', 'business',
  'ngo', 'media', 'diaspora', 'community'];

const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const kindRank = a => { const i = KIND_ORDER.indexOf(a.kind); return i < 0 ? KIND_ORDER.length : i; };
const isCommand = t => t.channel === 'command' || t.type === 'commands' || t.type === 'controls';

/**
 * A label that fits a cell: the name before any comma or bracket, wrapped on words into at most two
 * lines of LABEL_LINE characters; a name that would not fit uses its acronym in brackets
 * ("National Intelligence and Security Service (NISS, …)" → "NISS") or ends in "…".
 */
export function shortLabel(name) {
  const base = name.split(/[,(;:]| - /)[0].trim() || name;
  const wrapped = wrap(base);
  if (!wrapped.cut) return wrapped.text;
  const acronym = /\(([A-Z][A-Z0-9/&.-]{1,11})[,;) ]/.exec(name); // "(NISS, …)", not "(Mia and …)"
  if (acronym) return acronym[1].length <= LABEL_LINE ? acronym[1] : wrap(acronym[1]).text;
  return wrapped.text;
}

function wrap(text) {
  const lines = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i];
    const next = line ? `${line} ${word}` : word;
    if (next.length <= LABEL_LINE) { line = next; continue; }
    if (line) lines.push(line);
    line = word;
    if (lines.length === LABEL_LINES) { line = ''; break; }
  }
  if (line) lines.push(line);
  let cut = i < words.length;
  const out = lines.slice(0, LABEL_LINES).map(l => {
    if (l.length > LABEL_LINE) { cut = true; return `${l.substring(0, LABEL_LINE - 1)}…`; }
    return l;
  });
  if (cut && !out[out.length - 1].endsWith('…')) {
    const last = out[out.length - 1];
    out[out.length - 1] = `${last.length >= LABEL_LINE ? last.substring(0, LABEL_LINE - 1) : last}…`;
  }
  return { text: out.join('\n'), cut };
}

/** Which band each actor belongs to: regime, forum, victims, domestic, coalition or patrons. */
export function bands(actors, ties) {
  const ids = new Set(actors.map(a => a.id));
  const live = ties.filter(t => ids.has(t.source) && ids.has(t.target));
  const band = new Map();
  const regime = new Set(actors.filter(a => REGIME_GROUPS.has(a.targetGroup)).map(a => a.id));
  // the command chain: whoever a regime member commands or controls, unless a forum or a victim
  const byIdMap = new Map(actors.map(a => [a.id, a]));
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of live) {
      const to = byIdMap.get(t.target);
      if (isCommand(t) && regime.has(t.source) && !regime.has(t.target)
        && to.kind !== 'forum' && to.targetGroup !== 'victims' && to.targetGroup !== 'other-foreign') {
        regime.add(t.target);
        grew = true;
      }
    }
  }
  const props = new Set(live.filter(t => regime.has(t.target) && !regime.has(t.source)
    && t.polarity !== 'hostile' && PATRON_TYPES.has(t.type)).map(t => t.source));
  for (const a of actors) {
    let b;
    if (regime.has(a.id)) b = 'regime';
    else if (a.kind === 'forum') b = 'forum';
    else if (a.targetGroup === 'victims') b = 'victims';
    else if (a.targetGroup === 'other-domestic') b = 'domestic';
    else if (!props.has(a.id) && (a.position ?? 0) > 0) b = 'coalition';
    else b = 'patrons';
    band.set(a.id, b);
  }
  return band;
}

/** The shape of the screen the layout aims at: about 1.7 times as wide as high. */
const ASPECT = 1.7;

/**
 * Positions for every actor, in graph units: { id: { x, y } }. Equal input, equal output: every
 * choice is made in id order. The middle column stacks the forums, the regime's tree, the other
 * domestic actors and the victims; the two sides run the whole height, one government or group
 * per column as far as they fit. Of the ways to fold the tree and the sides, the one that fills a
 * screen ASPECT times as wide as high best (the largest drawing) is taken.
 */
export function structuredLayout(actors, ties) {
  const ids = new Set(actors.map(a => a.id));
  const live = ties.filter(t => ids.has(t.source) && ids.has(t.target));
  const band = bands(actors, ties);
  const sorted = [...actors].sort(byId);
  const members = name => sorted.filter(a => band.get(a.id) === name);
  const coalition = clustered(members('coalition'), live);
  const patrons = clustered(members('patrons'), live);
  const forums = clustered(members('forum'), live);
  const domestic = clustered(members('domestic'), live);
  const victims = clustered(members('victims'), live);
  const regime = members('regime');

  let best = null;
  for (const leafColumns of [1, 2, 3]) {
    const tree = treeCells(regime, live, leafColumns);
    const middle = Math.max(tree.width, 3, Math.ceil(Math.sqrt(Math.max(forums.length, domestic.length, victims.length))));
    const rowsOf = n => Math.ceil(n / middle);
    const stack = rowsOf(forums.length) + tree.depth + rowsOf(domestic.length) + rowsOf(victims.length);
    for (let rows = Math.max(stack, 1); rows <= stack + 16; rows++) {
      const left = Math.ceil(coalition.length / rows);
      const right = Math.ceil(patrons.length / rows);
      const width = left + middle + right + (left ? 0.5 : 0) + (right ? 0.5 : 0);
      const scale = Math.min(ASPECT / (width * CELL.w), 1 / (rows * CELL.h));
      if (!best || scale > best.scale + 1e-9) best = { tree, middle, rows, left, right, scale };
    }
  }
  const { tree, middle, rows, left, right } = best;
  const pos = {};
  const put = (id, col, row) => { pos[id] = { x: Math.round(col * CELL.w), y: Math.round(row * CELL.h) }; };
  const x0 = left ? left + 0.5 : 0; // the middle column's first cell
  // a band of the middle column, centred in it, from row `first`; returns the rows it takes
  const across = (list, first) => {
    const count = Math.ceil(list.length / middle);
    list.forEach((a, i) => {
      const row = Math.floor(i / middle);
      const inRow = row === count - 1 ? list.length - row * middle : middle;
      put(a.id, x0 + (middle - inRow) / 2 + (i % middle), first + row);
    });
    return count;
  };
  const top = across(forums, 0);
  for (const cell of tree.cells) put(cell.id, x0 + (middle - tree.width) / 2 + cell.col, top + cell.row);
  const bottom = Math.ceil(victims.length / middle);
  across(victims, rows - bottom);
  across(domestic, rows - bottom - Math.ceil(domestic.length / middle));
  // the sides column by column: a government's people stay together
  coalition.forEach((a, i) => put(a.id, Math.floor(i / rows), i % rows));
  patrons.forEach((a, i) => put(a.id, x0 + middle + 0.5 + Math.floor(i / rows), i % rows));
  return pos;
}

/**
 * The regime as a tree of command: roots are those nobody in it commands (the head of state first),
 * each actor under the first commander that reaches it (breadth first, in id order); an actor's
 * children that command nobody are stacked `leafColumns` abreast under it, so a wide chain stays
 * narrow. Returns cells { id, col, row } with the width and depth in cells.
 */
function treeCells(regime, ties, leafColumns) {
  if (!regime.length) return { cells: [], width: 0, depth: 0 };
  const inRegime = new Set(regime.map(a => a.id));
  const byId = new Map(regime.map(a => [a.id, a]));
  const out = new Map(regime.map(a => [a.id, []]));
  const commanded = new Set();
  for (const t of ties) {
    if (isCommand(t) && inRegime.has(t.source) && inRegime.has(t.target) && t.source !== t.target) {
      out.get(t.source).push(t.target);
      commanded.add(t.target);
    }
  }
  for (const list of out.values()) list.sort();
  const reach = id => { // how many a root reaches: the biggest chain first
    const seen = new Set([id]);
    const queue = [id];
    while (queue.length) for (const n of out.get(queue.shift())) if (!seen.has(n)) { seen.add(n); queue.push(n); }
    return seen.size;
  };
  let roots = regime.filter(a => !commanded.has(a.id));
  if (!roots.length) roots = [regime[0]];
  roots.sort((a, b) => reach(b.id) - reach(a.id) || kindRank(byId.get(a.id)) - kindRank(byId.get(b.id)) || (a.id < b.id ? -1 : 1));
  // breadth first from the roots in order: each actor hangs under the first that reaches it
  const children = new Map(regime.map(a => [a.id, []]));
  const placed = new Set(roots.map(r => r.id));
  let level = roots.map(r => r.id);
  while (level.length) {
    const next = [];
    for (const id of level) {
      for (const c of out.get(id)) {
        if (!placed.has(c)) { placed.add(c); children.get(id).push(c); next.push(c); }
      }
    }
    level = next;
  }
  for (const a of regime) if (!placed.has(a.id)) { placed.add(a.id); roots.push(a); } // cycles
  const cells = [];
  // lays out a node's subtree starting at column `col`, the node on `row`; returns its width
  const place = (id, col, row) => {
    const kids = children.get(id);
    const inner = kids.filter(k => children.get(k).length);
    const leaves = kids.filter(k => !children.get(k).length);
    let width = 0;
    const leafWidth = Math.min(leafColumns, leaves.length);
    const parts = [...inner.map(k => ({ k })), ...(leaves.length ? [{ leaves }] : [])];
    for (const part of parts) {
      if (part.k) width += place(part.k, col + width, row + 1);
      else {
        part.leaves.forEach((k, i) => cells.push({ id: k, col: col + width + (i % leafWidth), row: row + 1 + Math.floor(i / leafWidth) }));
        width += leafWidth;
      }
    }
    width = Math.max(width, 1);
    cells.push({ id, col: col + (width - 1) / 2, row });
    return width;
  };
  let width = 0;
  const main = roots.filter(r => children.get(r.id).length);
  const lone = roots.filter(r => !children.get(r.id).length);
  for (const r of main) width += place(r.id, width, 0);
  // roots that command nobody here stand beside the head, two abreast per row
  lone.forEach((r, i) => cells.push({ id: r.id, col: width + (i % leafColumns), row: Math.floor(i / leafColumns) }));
  if (lone.length) width += Math.min(leafColumns, lone.length);
  const depth = Math.max(...cells.map(c => c.row)) + 1;
  return { cells, width, depth };
}

/**
 * Actors in an order that keeps each government together: groups joined by command, control or
 * kinship, the biggest first, each led by the one nobody in it commands (a state before its
 * leaders), the rest breadth first.
 */
function clustered(list, ties) {
  if (list.length < 2) return list;
  const inList = new Map(list.map(a => [a.id, a]));
  const parent = new Map(list.map(a => [a.id, a.id]));
  const find = x => { while (parent.get(x) !== x) x = parent.get(x); return x; };
  const links = new Map(list.map(a => [a.id, []]));
  for (const t of ties) {
    if ((isCommand(t) || t.type === 'kin-of') && inList.has(t.source) && inList.has(t.target) && t.source !== t.target) {
      const [a, b] = [find(t.source), find(t.target)].sort();
      if (a !== b) parent.set(b, a);
      links.get(t.source).push(t.target);
      links.get(t.target).push(t.source);
    }
  }
  const groups = new Map();
  for (const a of list) {
    const root = find(a.id);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root).push(a);
  }
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length || byId(a[0], b[0]));
  const result = [];
  for (const group of ordered) {
    const lead = [...group].sort((a, b) => kindRank(a) - kindRank(b) || byId(a, b))[0];
    const seen = new Set([lead.id]);
    const queue = [lead.id];
    while (queue.length) {
      const id = queue.shift();
      result.push(inList.get(id));
      for (const n of [...links.get(id)].sort()) if (!seen.has(n)) { seen.add(n); queue.push(n); }
    }
  }
  return result;
}
