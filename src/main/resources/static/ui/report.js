// A report of the analyses shown in this session (the latest answer of each), as Markdown or as a
// standalone HTML page. Both are written from one list of blocks, so they say the same thing.
import { num, pct } from './dom.js';
import { plain, sentences, namesList, itemText, brief } from './words.js';

/** The report's blocks: {h: level, text} | {p: text} | {list: [text]} | {table: {head, rows}}. */
export function reportBlocks(app) {
  const r = app.results;
  const s = app.summary;
  const name = id => app.name(id);
  const say = text => sentences(plain(app, text));
  const sourceText = ids => (ids || []).map(id => app.source(id)?.citation || id).join('; ');
  const pathText = p => [p.hops[0].sourceName || name(p.hops[0].source), ...p.hops.map(x => `${x.type} → ${x.targetName || name(x.target)}`)].join(' → ');
  const blocks = [
    { h: 1, text: `Fulcrum report: ${s.title}` },
    { p: `Case ${s.id}, as of ${app.selection.asOf || s.asOf}; ${s.actors} actors, ${s.ties} ties, ${s.messages} messages, ${s.sources} sources. Written ${new Date().toISOString().substring(0, 16).replace('T', ' ')} UTC by ${app.me?.username || 'unknown'}.` },
  ];
  if (r.paths) {
    blocks.push({ h: 2, text: `Leverage paths: ${name(app.selection.engager)} → ${name(app.selection.target)}` });
    if (!r.paths.paths.length) blocks.push({ p: 'No path.' });
    r.paths.paths.forEach((p, i) => {
      blocks.push({ p: `${i + 1}. Strength ${num(p.strength)} over ${p.length} tie(s): ${pathText(p)}` });
      blocks.push({ list: p.hops.map(x => `${x.sourceName || name(x.source)} ${x.type} ${x.targetName || name(x.target)} (${x.polarity}, ${x.channel}; p = ${num(x.strength)} × ${num(x.confidence)}; tool ${x.tool ? `${x.tool.type}, ${x.tool.mode}` : '–'}). Sources: ${sourceText(x.sources)}`) });
    });
  }
  if (r.patrons) {
    blocks.push({ h: 2, text: `Patrons of ${name(r.patrons.target)}` });
    const patrons = [...r.patrons.patrons].sort((a, b) => b.pressurePotential - a.pressurePotential);
    blocks.push({ table: { head: ['patron', 'shield share', 'leverage', 'pressure potential', 'veto'],
      rows: patrons.map(p => [p.name, pct(p.shieldShare), p.leverage > 0 ? num(p.leverage, 2) : 'no path', num(p.pressurePotential, 2), p.veto ? namesList(app, p.vetoForums || []) : 'no']) } });
    if (patrons.length) blocks.push({ p: say(patrons[0].explanation) });
  }
  if (r.influence) {
    blocks.push({ h: 2, text: `Influence on ${name(r.influence.target)}` });
    blocks.push({ table: { head: ['actor', 'reach', '95% interval'],
      rows: r.influence.actors.filter(a => a.id !== r.influence.target).slice(0, 10).map(a => [a.name || name(a.id), pct(a.reach), a.low != null ? `${pct(a.low)}–${pct(a.high)}` : '–']) } });
    blocks.push({ p: `${r.influence.method}, ${r.influence.samples ?? ''} samples, seed ${r.influence.seed ?? '–'}.` });
  }
  if (r.chokepoints) {
    blocks.push({ h: 2, text: `Chokepoints into ${name(r.chokepoints.unit)}` }, { p: say(r.chokepoints.explanation) },
      { list: (r.chokepoints.cut || []).map(c => `${c.source ? `${brief(name(c.source))} → ${brief(name(c.target))} (${c.type})` : c.name} (capacity ${num(c.capacity, 2)})${c.sources ? `. Sources: ${sourceText(c.sources)}` : ''}`) });
  }
  if (r.whatIf) blocks.push({ h: 2, text: 'What-if' }, { p: `${r.whatIf.analysis}: without ${namesList(app, [...r.whatIf.changes.removeActors, ...r.whatIf.changes.removeTies])}. ${r.whatIf.difference?.length ? `${r.whatIf.difference.length} item(s) changed; the largest change: ${itemText(app, r.whatIf.difference[0].id)}, from ${num(r.whatIf.difference[0].before, 3)} to ${num(r.whatIf.difference[0].after, 3)}.` : 'Nothing changes.'}` });
  if (r.plan) {
    blocks.push({ h: 2, text: `Engagement plan for ${name(r.plan.engager)}, budget ${num(r.plan.budget)}` },
      { p: `Expected pressure ${num(r.plan.expectedPressure)} of ${num(r.plan.totalWeight)} (95% ${num(r.plan.low)}–${num(r.plan.high)}); spent ${num(r.plan.spent)}.` },
      { table: { head: ['engage', 'cost', 'adds', 'why'], rows: r.plan.picks.map(p => [p.name, num(p.cost, 2), num(p.gain, 2), plain(app, p.why)]) } },
      { p: `How this was computed: ${plain(app, r.plan.guarantee)}` });
  }
  if (r.redTeam) {
    blocks.push({ h: 2, text: `Counter-move by ${name(r.redTeam.target)}` },
      { p: r.redTeam.best ? sentences(plain(app, r.redTeam.best.explanation), `On the counter-move's own samples the plan's pressure is ${num(r.redTeam.pressureBefore, 3)}; this move lowers it to ${num(r.redTeam.best.pressureAfter, 3)}`) : 'No counter-move reduces the pressure.' });
    if (r.redTeam.hedge) blocks.push({ p: `Hedge: ${say(r.redTeam.hedge.explanation)}` });
  }
  if (r.forums) {
    blocks.push({ h: 2, text: `Forum-shopping risk: ${num(r.forums.risk, 2)}` }, { p: say(r.forums.explanation) },
      { table: { head: ['part', 'value', 'weight', 'why'], rows: r.forums.parts.map(p => [p.name, num(p.value, 2), num(p.weight, 2), plain(app, p.explanation)]) } });
  }
  if (r.playbook) {
    blocks.push({ h: 2, text: `Playbook (${r.playbook.phase}, ${r.playbook.tempo})` });
    for (const g of r.playbook.groups) {
      blocks.push({ h: 3, text: g.group }, { p: say(g.mix) },
        { list: g.options.map(o => `${o.toolName || o.tool} on ${o.actorName || name(o.actor)} (${o.type}, ${o.mode}, ${o.timeToEffect})${o.why ? `: ${plain(app, o.why)}` : ''}`) });
    }
  }
  if (r.messages) {
    const issues = [...r.messages.issues].sort((a, b) => a.score - b.score);
    blocks.push({ h: 2, text: `Message consistency: one-voice score ${num(r.messages.score, 2)}` }, { p: r.messages.explanation },
      { table: { head: ['issue', 'one-voice score', 'messages', 'findings'], rows: issues.map(i => [i.issue, num(i.score, 2), i.messages, i.findings.length]) } });
    for (const i of issues.filter(x => x.findings.length)) {
      blocks.push({ h: 3, text: i.issue }, { list: i.findings.map(f => `${f.kind}: ${plain(app, f.explanation)}`) });
    }
  }
  if (blocks.length === 2) blocks.push({ p: 'No analysis has been run in this session yet.' });
  return blocks;
}

const mdCell = text => String(text ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ');

export function toMarkdown(blocks) {
  return blocks.map(b => {
    if (b.h) return `${'#'.repeat(b.h)} ${b.text}`;
    if (b.p) return b.p;
    if (b.list) return b.list.map(x => `- ${x}`).join('\n');
    if (b.table) {
      return [`| ${b.table.head.map(mdCell).join(' | ')} |`, `|${b.table.head.map(() => '---').join('|')}|`,
        ...b.table.rows.map(r => `| ${r.map(mdCell).join(' | ')} |`)].join('\n');
    }
    return '';
  }).join('\n\n') + '\n';
}

const esc = text => String(text ?? '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function toHtml(blocks) {
  const body = blocks.map(b => {
    if (b.h) return `<h${b.h}>${esc(b.text)}</h${b.h}>`;
    if (b.p) return `<p>${esc(b.p)}</p>`;
    if (b.list) return `<ul>${b.list.map(x => `<li>${esc(x)}</li>`).join('')}</ul>`;
    if (b.table) {
      return `<table><thead><tr>${b.table.head.map(x => `<th>${esc(x)}</th>`).join('')}</tr></thead><tbody>${
        b.table.rows.map(r => `<tr>${r.map(x => `<td>${esc(x)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    }
    return '';
  }).join('\n');
  const title = blocks[0]?.text || 'Fulcrum report';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;line-height:1.45}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #c9d1d9;padding:.25rem .4rem;text-align:left;vertical-align:top}th{background:#e6eaee}</style>
</head><body>
${body}
</body></html>
`;
}
