// Plain words for what the API answers: record ids become the names of the loaded case's actors,
// ties and messages, numbers lose their binary noise, and method names stay out of the running
// text (the views put them in a collapsed "How this was computed" note, see methodNote).
import { h } from './dom.js';

/** A name for running text: the part before a comma or bracket ("Andrew Natsios", not his title). */
export function brief(name) {
  const cut = String(name).split(/,|\s\(/)[0].trim();
  return cut || String(name);
}

const actorName = (app, id) => brief(app.name(id));

/** "United States of America → Egypt (supplies-arms)" for a tie id; the id itself if unknown. */
export function tieText(app, id) {
  const t = app.ties.find(x => x.id === id);
  return t ? `${actorName(app, t.source)} → ${actorName(app, t.target)} (${t.type})` : id;
}

/** The name of any record the case holds by this id, or null. */
function nameOf(app, id) {
  const actor = app.actor(id);
  if (actor) return brief(actor.name);
  if (app.ties.some(t => t.id === id)) return tieText(app, id);
  const m = app.messages.find(x => x.id === id);
  if (m) return `${actorName(app, m.speaker)}'s message of ${m.date}`;
  return null;
}

/** A list of ids for people: "China and Russia", "A, B and C". */
export function namesList(app, ids) {
  const names = (ids || []).map(id => nameOf(app, id) || id);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Code names the API's texts still use, in words. */
const CODE_WORDS = {
  escapeShare: 'the share of escape venues',
  vetoCover: 'the patrons\' vetoes',
  bestEscape: 'the best escape venue',
};

/** A number without binary noise, to 3 significant digits (6.9e-18 is 0, 0.5670000000000001 is 0.567). */
export function round(x, digits = 3) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return String(x);
  if (Math.abs(x) < 1e-9) return '0';
  return String(Number(x.toPrecision(digits)));
}

/**
 * An API text in plain words: every record id of the loaded case replaced by its name (a list of
 * ids in brackets, "(arab-league, au)", by the names), and long or exponent numbers rounded.
 */
export function plain(app, text) {
  if (text === null || text === undefined) return '';
  let out = String(text);
  // full names with their titles shortened to the name ("Omar Hassan Ahmad al-Bashir, President of
  // Sudan" → "Omar Hassan Ahmad al-Bashir"), the longest first
  for (const name of longNames(app)) out = out.split(name).join(brief(name));
  // a bracketed list of ids, "(arab-league, au)" or "[t-a, t-b]": all names, or left as it is
  out = out.replace(/([([])([a-z0-9][a-z0-9._-]*(?:\s*,\s*[a-z0-9][a-z0-9._-]*)*)([)\]])/g, (whole, open, list, close) => {
    const ids = list.split(/\s*,\s*/);
    const names = ids.map(id => nameOf(app, id));
    return names.every(Boolean) ? `(${namesList(app, ids)})` : whole;
  });
  // ids with a hyphen or a digit cannot be ordinary words: replace each the case knows
  out = out.replace(/\b[a-z0-9]+(?:[-.][a-z0-9]+)+\b/g, token => nameOf(app, token) || token);
  // "a > b > c" sequences of ids (a path as the what-if names it)
  out = out.replace(/\s*->\s*/g, ' → ');
  out = out.replace(/\b(escapeShare|vetoCover|bestEscape)\b/g, w => CODE_WORDS[w]);
  // numbers: binary noise and exponents gone, at most 3 significant digits
  out = out.replace(/-?\d+\.\d+e-\d+/gi, n => round(Number(n)));
  out = out.replace(/(^|[^\d.-])(-?\d+\.\d+)(?![\d.-])/g, (whole, lead, n) => {
    const digits = n.replace(/^-?0*\.?0*/, '').replace('.', '').length;
    if (digits <= 3) return whole;
    const x = Number(n);
    return lead + (Math.abs(x) >= 1000 ? String(Math.round(x)) : round(x));
  });
  // a sentence that ends without its full stop runs into the next one ("… engaged it Pressure …")
  out = out.trim();
  return out;
}

/** Joins sentences, each starting with a capital and ending with its full stop. */
export function sentences(...parts) {
  return parts.filter(p => p && String(p).trim()).map(p => {
    let s = String(p).trim();
    s = s.charAt(0).toUpperCase() + s.slice(1);
    return /[.!?…]$/.test(s) ? s : `${s}.`;
  }).join(' ');
}

/** The case's actor names that carry more than a name (a title, a bracket), longest first; cached. */
function longNames(app) {
  if (app.actors !== longNames.actors) {
    longNames.actors = app.actors;
    longNames.list = app.actors.map(a => a.name).filter(n => brief(n) !== n).sort((a, b) => b.length - a.length);
  }
  return longNames.list;
}

/** What an item of a what-if difference is, in words: an actor, a tie, or a path of ties. */
export function itemText(app, id) {
  const direct = nameOf(app, id);
  if (direct) return direct;
  const parts = String(id).split(/\s*(?:>|→|,)\s*/).filter(Boolean);
  if (parts.length > 1 && parts.every(p => nameOf(app, p))) {
    const ties = parts.map(p => app.ties.find(t => t.id === p));
    if (ties.every(Boolean)) {
      // a path: its actors in order with the tie types between them
      return [actorName(app, ties[0].source), ...ties.map(t => `${t.type} → ${actorName(app, t.target)}`)].join(' → ');
    }
    return parts.map(p => nameOf(app, p)).join(' → ');
  }
  return plain(app, id);
}

/** A collapsed note with the method behind an answer: method names and formulas live here. */
export function methodNote(app, ...lines) {
  const items = lines.flat().filter(l => l && String(l).trim());
  if (!items.length) return null;
  return h('details', { class: 'method' }, h('summary', {}, 'How this was computed'),
    h('ul', {}, items.map(l => h('li', {}, plain(app, l)))));
}
