package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;

/**
 * Who shields a target, which of them an engager can press, and which levers its coalition already
 * holds. The target's regime is the target with its command chain ({@link Regime}); the engager's
 * coalition is its own government and the partners the query names ({@link Governments#coalition}).
 * Supportive shield ties ({@code supplies-arms}, {@code finances}, {@code provides-aid},
 * {@code trades-with}, {@code invests-in}, {@code shields} or {@code allied-with}) into the regime
 * are the regime's supportive dependence, split as {@link PatronShields} does:
 *
 * <ul>
 *   <li>a coalition lever: such a tie out of a coalition actor. The coalition is never a patron;
 *       its share (its ties' {@code strength x confidence} / the total of all such ties) is what
 *       withdrawing the tie would cost the regime;
 *   <li>a patron: an actor outside the coalition with such ties, pooled with its own command chain
 *       and its state's government (a state and its army are one patron, {@code parts} each);
 *   <li>shield of a patron = sum of {@code strength x confidence} over its parts' ties;
 *       shield share = its shield / the regime's total supportive dependence;
 *   <li>leverage = strength of the engager's best path to the patron or any of its parts;
 *   <li>pressure potential = shield share x leverage + veto cover: how much of the target's
 *       protection the engager can reach through this patron, plus, when the patron's veto or
 *       blocking minority stands between the engager and coercive action in its lead forum, what
 *       pressing it would unlock there ({@link PatronVetoCover});
 *   <li>veto: the patron or a part holds a veto ({@code member-of} with {@code veto}) in a forum
 *       that has a tie to the regime (the forum acts on it, or a regime member sits in it);
 *   <li>position: the patron's own; a patron with a positive position is a partner that still
 *       supplies the regime (to be persuaded), not an adversary (to be coerced).
 * </ul>
 * Ranked by pressure potential when an engager is given, else by shield share. O(m α(n) + n log n).
 */
public final class PatronAnalysis {

  private final LeverageGraph graph;

  public PatronAnalysis(LeverageGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  /** One shielding tie, as evidence. */
  public record ShieldTie(String tie, String target, String type, double strength,
      double confidence, List<String> sources) {}

  /** One actor of a pooled patron (the state, its army, an agency) with its own shield ties. */
  public record Part(String id, String name, String kind, double shield, double shieldShare,
      List<ShieldTie> ties) {}

  /**
   * What pressing a patron would unlock in the engager's lead forum.
   *
   * @param role {@code veto} or {@code blocking-minority}
   * @param unlock 1 when action fails only because of its vote, 1/k when k blockers must all be won
   *     over, 0 when it would still fail
   * @param value unlock x leverage, the part added to the pressure potential
   */
  public record VetoCover(String forum, String role, double unlock, double leverage, double value,
      String explanation) {}


  /**
   * @param position the patron's position on halting the atrocities (the named actor's)
   * @param role how its position says to treat it: {@code adversary} (position &lt; 0: it defends
   *     the regime; press it), {@code partner} (position &gt; 0: it wants the atrocities stopped but
   *     still supplies the regime; persuade it to withdraw what it gives), {@code neutral}
   * @param ties every part's shield ties
   * @param parts the actors pooled into the patron that have shield ties
   * @param vetoCover its veto cover in the engager's lead forum, or {@code null}
   */
  public record Patron(String id, String name, String kind, double position, String role, double shield,
      double shieldShare, Double leverage, Double pressurePotential, boolean veto,
      List<String> vetoForums, List<ShieldTie> ties, List<Part> parts, LeveragePath leveragePath,
      VetoCover vetoCover, String explanation) {}

  /**
   * A supportive dependence tie the coalition holds into the regime: a lever it can withdraw.
   *
   * @param shield the sum of {@code strength x confidence} over its ties
   * @param shieldShare shield / the regime's total supportive dependence: what withdrawing the
   *     ties would cost the regime
   */
  public record CoalitionLever(String id, String name, String kind, double shield, double shieldShare,
      List<ShieldTie> ties, String explanation) {}

  /**
   * @param coalition the engager's coalition, by id (sorted)
   * @param regime the target and its command chain, by id
   * @param totalShield the regime's total supportive dependence: patrons' and coalition's ties
   */
  public record Ranking(String target, String engager, List<String> coalition, List<String> regime,
      double totalShield, List<Patron> patrons, List<CoalitionLever> coalitionLevers) {}

  /** The ranking with the engager's own government as its coalition. */
  public Ranking rank(String targetId, String engagerId) {
    return rank(new PatronQuery(targetId, engagerId, List.of()));
  }

  /**
   * @throws IllegalArgumentException naming the target, engager or coalition id that is unknown
   */
  public Ranking rank(PatronQuery query) {
    int target = graph.require(query.target(), "target");
    int engager = query.engager() == null ? -1 : graph.require(query.engager(), "engager");
    BitSet coalition = Governments.coalition(graph, engager, query.coalition());
    PatronShields shields = PatronShields.of(graph, target, coalition);
    BitSet regime = shields.regime();
    Map<Integer, List<String>> vetoForums = vetoForums(regime);
    BestPathTree tree = engager < 0 ? null : new BestPathTree(graph, engager);
    PatronVetoCover covers = tree == null ? null : PatronVetoCover.of(graph, target, engager, shields, tree);
    List<Patron> patrons = new ArrayList<>();
    for (int p : shields.ranked(tree)) {
      double share = shields.share(p);
      Integer reached = tree == null ? null : shields.reachedBest(p, tree);
      Double leverage = reached == null ? null : tree.strength(reached);
      VetoCover cover = covers == null ? null : covers.of(p);
      Double potential = leverage == null ? null
          : share * leverage + (cover == null ? 0 : cover.value());
      Set<String> forums = new TreeSet<>(vetoForums.getOrDefault(p, List.of()));
      List<Part> parts = new ArrayList<>();
      for (int part : shields.parts(p)) {
        forums.addAll(vetoForums.getOrDefault(part, List.of()));
        var a = graph.actor(part);
        parts.add(new Part(a.id(), a.name(), a.kind().label(), shields.partShield(part),
            shields.partShield(part) / shields.total(), evidence(shields.ties(part))));
      }
      List<ShieldTie> ties = parts.stream().flatMap(x -> x.ties().stream()).toList();
      var actor = graph.actor(p);
      patrons.add(new Patron(actor.id(), actor.name(), actor.kind().label(), actor.position(),
          role(actor.position()), shields.shield(p), share, leverage, potential, !forums.isEmpty(),
          List.copyOf(forums), ties, List.copyOf(parts), reached == null ? null : tree.path(reached),
          cover, explain(actor.name(), actor.position(), ties, parts, share, leverage,
              forums.stream().map(f -> graph.actor(graph.require(f, "forum")).name()).toList())
              + (cover == null ? "" : "; " + cover.explanation())));
    }
    if (covers != null) {
      // the veto cover reorders by the whole potential; a stable sort keeps the shields' order otherwise
      patrons.sort(Comparator.comparingDouble(Patron::pressurePotential).reversed());
    }
    List<String> members = regime.stream().mapToObj(i -> graph.actor(i).id()).toList();
    List<String> coalitionIds = shields.coalition().stream().mapToObj(i -> graph.actor(i).id())
        .sorted().toList();
    return new Ranking(query.target(), query.engager(), coalitionIds, members, shields.total(),
        List.copyOf(patrons), coalitionLevers(shields));
  }

  /** How a patron's position says to treat it. */
  static String role(double position) {
    return position < 0 ? "adversary" : position > 0 ? "partner" : "neutral";
  }

  /** The coalition's own supportive ties into the regime, largest share first, then by id. */
  private List<CoalitionLever> coalitionLevers(PatronShields shields) {
    List<CoalitionLever> levers = new ArrayList<>();
    for (int c : shields.coalitionLevers()) {
      var a = graph.actor(c);
      double shield = shields.partShield(c);
      double share = shield / shields.total();
      List<ShieldTie> ties = evidence(shields.ties(c));
      levers.add(new CoalitionLever(a.id(), a.name(), a.kind().label(), shield, share, ties,
          String.format(Locale.ROOT, "%s is in the engager's coalition, so it is no patron: withdrawing"
              + " its %s would cost the regime %.0f%% of its supportive dependence (%.3f of %.3f)",
              a.name(), String.join(", ", ties.stream().map(ShieldTie::type).distinct().toList()),
              100 * share, shield, shields.total())));
    }
    levers.sort(Comparator.comparingDouble(CoalitionLever::shieldShare).reversed()
        .thenComparing(CoalitionLever::id));
    return List.copyOf(levers);
  }

  private List<ShieldTie> evidence(List<Integer> ties) {
    return ties.stream().map(e -> {
      Tie t = graph.tie(e);
      return new ShieldTie(t.id(), t.target(), t.type().label(), t.strength(), t.confidence(), t.sources());
    }).toList();
  }
  /** For each actor, the forums where it holds a veto and that have a tie to the regime. */
  private Map<Integer, List<String>> vetoForums(BitSet regime) {
    Set<Integer> relevantForums = new TreeSet<>();
    for (int f = 0; f < graph.actorCount(); f++) {
      if (graph.actor(f).kind() != ActorKind.FORUM) {
        continue;
      }
      if (Regime.touches(graph, f, regime)) {
        relevantForums.add(f);
      }
    }
    Map<Integer, List<String>> out = new LinkedHashMap<>();
    for (int f : relevantForums) {
      for (int e : graph.incoming(f)) {
        Tie t = graph.tie(e);
        if (t.type() == TieType.MEMBER_OF && Boolean.TRUE.equals(t.veto())) {
          out.computeIfAbsent(graph.source(e), x -> new ArrayList<>()).add(graph.actor(f).id());
        }
      }
    }
    return out;
  }

  private static String explain(String name, double position, List<ShieldTie> ties, List<Part> parts,
      double share, Double leverage, List<String> forums) {
    String who = position > 0 ? String.format(Locale.ROOT,
        "%s is a partner that wants the atrocities stopped (position %+.2f) but still supplies the regime:"
            + " it", name, position)
        : position < 0 ? String.format(Locale.ROOT, "%s, which defends the regime (position %+.2f),", name,
            position) : name;
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "%s provides %.0f%% of the regime's shield through %s", who, 100 * share,
        String.join(", ", ties.stream().map(ShieldTie::type).distinct().toList())));
    if (parts.size() > 1 || (parts.size() == 1 && !parts.get(0).name().equals(name))) {
      s.append(", pooled over ").append(String.join(", ", parts.stream().map(p -> String.format(
          Locale.ROOT, "%s %.0f%%", p.name(), 100 * p.shieldShare())).toList()));
    }
    if (!forums.isEmpty()) {
      s.append("; holds a veto in ").append(String.join(", ", forums));
    }
    if (leverage != null) {
      s.append(leverage == 0 ? "; no channel in the data from the engager to it (leverage 0)"
          : String.format(Locale.ROOT, "; the engager's best path to it has strength %.3f", leverage));
    }
    if (position > 0) {
      s.append("; a partner to persuade to withdraw what it gives, not an adversary to coerce");
    }
    return s.toString();
  }
}
