// The case drawn as a graph with Cytoscape.js: actors styled by kind and target group, ties by type
// and polarity and sized by strength, at the places layout.js gives them (the same on every visit).
// Filters hide what does not match, and the actors left without a tie, and fit the view to what
// is left; the as-of day hides ties that do not hold on it. A leverage path can be highlighted as a
// chain with the rest faded; the highlighted tie ids are mirrored in the container's
// data-highlighted-ties attribute (what a browser test compares with the API). Labels are short
// (layout.js); the full name shows on hover. For scripts and tests the container carries the
// CaseGraph as `caseGraph` (positions(), labelBoxes()).
import { structuredLayout, shortLabel, CELL } from './layout.js';

/** Target group colours: distinct, and dark enough for white labels' outlines. */
export const GROUP_COLOURS = {
  planners: '#8c1c13',
  perpetrators: '#d1495b',
  victims: '#2a9d8f',
  'other-domestic': '#6a4c93',
  'other-foreign': '#1f77b4',
  none: '#7f8c8d',
};

/** Actor kinds by shape, so kind reads without colour. */
export const KIND_SHAPES = {
  state: 'round-rectangle',
  'government-body': 'rectangle',
  leader: 'ellipse',
  'armed-group': 'triangle',
  forum: 'hexagon',
  business: 'diamond',
  media: 'vee',
  diaspora: 'star',
  community: 'octagon',
  ngo: 'pentagon',
  individual: 'ellipse',
};

export class CaseGraph {
  constructor(container, { onSelect } = {}) {
    this.container = container;
    this.onSelect = onSelect;
    this.cy = null;
    this.highlighted = [];
    container.caseGraph = this;
    this.path = null;
    // a graph drawn in a hidden tab, or a window made narrower, is fitted again once it has its size
    this.size = '';
    new ResizeObserver(() => {
      const size = `${container.clientWidth}x${container.clientHeight}`;
      if (!this.cy || size === this.size || !container.clientWidth) return;
      this.size = size;
      this.cy.resize();
      if (this.path) this.frame(this.path);
      else this.fit();
    }).observe(container);
    this.tip = document.createElement('div');
    this.tip.className = 'graph-tip';
    this.tip.setAttribute('role', 'tooltip');
    this.tip.hidden = true;
  }

  /** Draws a case's actors and ties from scratch, at the places the layout gives them. */
  draw(actors, ties) {
    const ids = new Set(actors.map(a => a.id));
    const places = structuredLayout(actors, ties);
    const names = new Map(actors.map(a => [a.id, a.name]));
    const elements = [
      ...actors.map(a => ({
        group: 'nodes',
        data: {
          id: a.id, label: shortLabel(a.name), name: a.name, kind: a.kind,
          group: a.targetGroup || 'none', colour: GROUP_COLOURS[a.targetGroup || 'none'],
          shape: KIND_SHAPES[a.kind] || 'ellipse', size: 14 + 18 * (a.capability ?? 0.5),
        },
        position: { ...places[a.id] },
      })),
      ...ties.filter(t => ids.has(t.source) && ids.has(t.target)).map(t => ({
        group: 'edges',
        data: {
          id: `tie:${t.id}`, tie: t.id, source: t.source, target: t.target, type: t.type,
          channel: t.channel, polarity: t.polarity, from: t.from || null, to: t.to || null,
          name: `${names.get(t.source)} → ${t.type} → ${names.get(t.target)}`,
          width: 1 + 6 * t.strength * t.confidence,
        },
        classes: [t.polarity, t.channel === 'command' ? 'command' : ''].join(' '),
      })),
    ];
    if (this.cy) this.cy.destroy();
    this.cy = cytoscape({
      container: this.container,
      elements,
      minZoom: 0.2,
      maxZoom: 3,
      style: [
        { selector: 'node', style: {
          'background-color': 'data(colour)', shape: 'data(shape)', width: 'data(size)', height: 'data(size)',
          label: 'data(label)', 'font-size': 11, color: '#1b1f24', 'text-valign': 'bottom', 'text-margin-y': 2,
          'text-wrap': 'wrap', 'text-max-width': CELL.w - 8, 'line-height': 1.1,
          'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
          'border-width': 1, 'border-color': '#1b1f24' } },
        { selector: 'edge', style: {
          width: 'data(width)', 'line-color': '#7d8b99', 'target-arrow-color': '#7d8b99',
          'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.8, opacity: 0.5 } },
        { selector: 'edge.hostile', style: { 'line-color': '#b3262c', 'target-arrow-color': '#b3262c', 'line-style': 'dashed' } },
        { selector: 'edge.command', style: { 'line-color': '#1b1f24', 'target-arrow-color': '#1b1f24', opacity: 0.85 } },
        { selector: '.faded', style: { opacity: 0.15 } },
        { selector: 'edge.faded', style: { opacity: 0.06 } },
        { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#f4a000', 'font-weight': 'bold', 'z-index': 10,
          'text-background-opacity': 1, 'text-border-width': 1, 'text-border-color': '#f4a000', 'text-border-opacity': 1 } },
        { selector: 'edge.on-path', style: { 'line-color': '#f4a000', 'target-arrow-color': '#c27c00', width: 5, opacity: 1, 'z-index': 10,
          'line-style': 'solid', 'arrow-scale': 1.3, 'curve-style': 'straight' } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#0b5cad' } },
        { selector: 'edge:selected', style: { 'line-color': '#0b5cad', 'target-arrow-color': '#0b5cad', opacity: 1 } },
      ],
      layout: { name: 'preset', fit: true, padding: 20 },
    });
    this.cy.on('tap', 'node', e => this.onSelect?.({ actor: e.target.id() }));
    this.cy.on('tap', 'edge', e => this.onSelect?.({ tie: e.target.data('tie') }));
    if (!this.tip.isConnected) this.container.parentElement?.append(this.tip);
    this.cy.on('mouseover', 'node, edge', e => this.showTip(e.target));
    this.cy.on('mouseout', 'node, edge', () => { this.tip.hidden = true; });
    this.cy.on('pan zoom', () => { this.tip.hidden = true; });
    this.highlighted = [];
    this.path = null;
    this.size = `${this.container.clientWidth}x${this.container.clientHeight}`;
    this.container.dataset.highlightedTies = '';
  }

  /** The full name of what the pointer is on, just above it. */
  showTip(el) {
    const p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
    this.tip.textContent = el.data('name');
    this.tip.style.left = `${this.container.offsetLeft + p.x}px`;
    this.tip.style.top = `${this.container.offsetTop + p.y}px`;
    this.tip.hidden = false;
  }

  /**
   * Shows only what passes the filters: actor kinds, tie types and channels (empty sets: all), and
   * ties that hold on the day (ISO date; null: all). With a kind, type or channel picked, actors
   * left without a tie shown are hidden too, and the view is fitted to what is left (`refit`).
   */
  filter({ kinds, types, channels, day, refit = false }) {
    if (!this.cy) return { actors: 0, ties: 0 };
    let actors = 0;
    let ties = 0;
    this.cy.batch(() => {
      this.cy.nodes().forEach(n => {
        const show = !kinds.size || kinds.has(n.data('kind'));
        n.style('display', show ? 'element' : 'none');
        if (show) actors++;
      });
      this.cy.edges().forEach(e => {
        const d = e.data();
        const show = (!types.size || types.has(d.type)) && (!channels.size || channels.has(d.channel))
          && (!day || ((!d.from || d.from <= day) && (!d.to || d.to >= day)))
          && e.source().style('display') !== 'none' && e.target().style('display') !== 'none';
        e.style('display', show ? 'element' : 'none');
        if (show) ties++;
      });
      if (kinds.size || types.size || channels.size) {
        this.cy.nodes().forEach(n => {
          if (n.style('display') !== 'none' && !n.connectedEdges().some(e => e.style('display') !== 'none')) {
            n.style('display', 'none');
            actors--;
          }
        });
      }
    });
    if (refit) this.fit();
    return { actors, ties };
  }

  /** Highlights one path (its hops) and fades the rest; null clears. */
  highlight(path) {
    if (!this.cy) return;
    this.cy.elements().removeClass('on-path faded');
    this.highlighted = [];
    if (path) {
      const edges = path.hops.map(hop => this.cy.getElementById(`tie:${hop.tie}`)).filter(e => e.nonempty());
      const nodes = path.hops.flatMap(hop => [hop.source, hop.target]).map(id => this.cy.getElementById(id));
      this.cy.elements().addClass('faded');
      for (const el of [...edges, ...nodes]) el.removeClass('faded').addClass('on-path');
      this.highlighted = path.hops.map(hop => hop.tie);
      this.path = path;
      this.frame(path);
    } else if (this.path) {
      this.path = null;
      this.fit(); // back to the whole case, not the last path's corner
    }
    this.container.dataset.highlightedTies = this.highlighted.join(',');
  }

  /** Fits the view to a path with its labels, not closer than 1.4 (its neighbours stay in sight). */
  frame(path) {
    const eles = this.cy.collection(path.hops.flatMap(hop => [this.cy.getElementById(`tie:${hop.tie}`),
      this.cy.getElementById(hop.source), this.cy.getElementById(hop.target)]).filter(e => e.nonempty()));
    this.cy.fit(eles, 40);
    if (this.cy.zoom() > 1.4) {
      this.cy.zoom(1.4);
      this.cy.center(eles);
    }
  }

  focus(actorId) {
    const node = this.cy?.getElementById(actorId);
    if (!node || node.empty()) return false;
    this.cy.elements().unselect();
    node.select();
    this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), 1.2) }, { duration: 300 });
    return true;
  }

  /** Fits the view to what is shown, labels included. */
  fit() {
    if (!this.cy) return;
    const shown = this.cy.elements().filter(e => e.style('display') !== 'none');
    this.cy.fit(shown.nonempty() ? shown : undefined, 20);
    if (this.cy.zoom() > 1.6) {
      this.cy.zoom(1.6);
      this.cy.center(shown);
    }
  }

  /** Each actor's place in graph units, by id (the layout, for a test that compares two visits). */
  positions() {
    const out = {};
    this.cy?.nodes().forEach(n => { out[n.id()] = { x: n.position('x'), y: n.position('y') }; });
    return out;
  }

  /** The label boxes of the given actors (default: those on the highlighted path), on screen. */
  labelBoxes(ids) {
    if (!this.cy) return [];
    const nodes = ids ? ids.map(id => this.cy.getElementById(id)) : this.cy.nodes('.on-path').toArray();
    return nodes.filter(n => n.nonempty()).map(n => {
      const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      return { id: n.id(), label: n.data('label'), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
    });
  }
}
