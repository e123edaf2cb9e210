// The case drawn as a graph with Cytoscape.js: actors styled by kind and target group, ties by type
// and polarity and sized by strength. Filters hide what does not match; the as-of day hides ties
// that do not hold on it. A leverage path can be highlighted; the highlighted tie ids are mirrored
// in the container's data-highlighted-ties attribute (what a browser test compares with the API).

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
  }

  /** Draws a case's actors and ties from scratch (a new layout). */
  draw(actors, ties) {
    const ids = new Set(actors.map(a => a.id));
    const elements = [
      ...actors.map(a => ({
        group: 'nodes',
        data: {
          id: a.id, label: shortName(a.name), kind: a.kind,
          group: a.targetGroup || 'none', colour: GROUP_COLOURS[a.targetGroup || 'none'],
          shape: KIND_SHAPES[a.kind] || 'ellipse', size: 18 + 22 * (a.capability ?? 0.5),
        },
      })),
      ...ties.filter(t => ids.has(t.source) && ids.has(t.target)).map(t => ({
        group: 'edges',
        data: {
          id: `tie:${t.id}`, tie: t.id, source: t.source, target: t.target, type: t.type,
          channel: t.channel, polarity: t.polarity, from: t.from || null, to: t.to || null,
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
          label: 'data(label)', 'font-size': 9, color: '#1b1f24', 'text-valign': 'bottom', 'text-margin-y': 2,
          'text-background-color': '#ffffff', 'text-background-opacity': 0.75, 'text-background-padding': 1,
          'border-width': 1, 'border-color': '#1b1f24' } },
        { selector: 'edge', style: {
          width: 'data(width)', 'line-color': '#7d8b99', 'target-arrow-color': '#7d8b99',
          'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.8, opacity: 0.75 } },
        { selector: 'edge.hostile', style: { 'line-color': '#b3262c', 'target-arrow-color': '#b3262c', 'line-style': 'dashed' } },
        { selector: 'edge.command', style: { 'line-color': '#1b1f24', 'target-arrow-color': '#1b1f24' } },
        { selector: '.faded', style: { opacity: 0.12 } },
        { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#f4a000', 'font-weight': 'bold', 'font-size': 11, 'z-index': 10 } },
        { selector: 'edge.on-path', style: { 'line-color': '#f4a000', 'target-arrow-color': '#f4a000', opacity: 1, 'z-index': 10, 'line-style': 'solid' } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#0b5cad' } },
        { selector: 'edge:selected', style: { 'line-color': '#0b5cad', 'target-arrow-color': '#0b5cad', opacity: 1 } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 70, numIter: 1500 },
    });
    this.cy.on('tap', 'node', e => this.onSelect?.({ actor: e.target.id() }));
    this.cy.on('tap', 'edge', e => this.onSelect?.({ tie: e.target.data('tie') }));
    this.highlighted = [];
    this.container.dataset.highlightedTies = '';
  }

  /**
   * Shows only what passes the filters: actor kinds, tie types and channels (empty sets: all), and
   * ties that hold on the day (ISO date; null: all). Actors stay unless their kind is filtered out.
   */
  filter({ kinds, types, channels, day }) {
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
    });
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
      // fit the path, but not so close that its neighbours leave the screen
      const eles = this.cy.collection([...edges, ...nodes]);
      this.cy.fit(eles, 80);
      if (this.cy.zoom() > 1.2) {
        this.cy.zoom(1.2);
        this.cy.center(eles);
      }
    }
    this.container.dataset.highlightedTies = this.highlighted.join(',');
  }

  focus(actorId) {
    const node = this.cy?.getElementById(actorId);
    if (!node || node.empty()) return false;
    this.cy.elements().unselect();
    node.select();
    this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), 1.2) }, { duration: 300 });
    return true;
  }

  fit() { this.cy?.fit(undefined, 30); }
}

/** The part of a long name before a comma or bracket, at most 28 characters. */
function shortName(name) {
  const cut = name.split(/[,(]/)[0].trim();
  return cut.length > 28 ? `${cut.substring(0, 27)}…` : cut;
}
