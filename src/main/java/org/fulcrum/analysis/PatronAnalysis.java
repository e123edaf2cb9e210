package org.fulcrum.analysis;

import java.util.ArrayList;
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
 * Who shields a target, and which of them an engager can press. The target's regime is the target
 * with its command chain ({@link Regime}); a patron is an actor outside it with supportive shield
 * ties ({@code supplies-arms}, {@code finances}, {@code provides-aid}, {@code trades-with},
 * {@code invests-in}, {@code shields} or {@code allied-with}) into it, as {@link PatronShields}
 * finds them.
 *
 * <ul>
 *   <li>shield of a patron = sum of {@code strength x confidence} over those ties;
 *   <li>shield share = its shield / all patrons' shield;
 *   <li>leverage = strength of the engager's best path to the patron (1 if it is the engager);
 *   <li>pressure potential = shield share x leverage + veto cover: how much of the target's
 *       protection the engager can reach through this patron, plus, when the patron's veto or
 *       blocking minority stands between the engager and coercive action in its lead forum, what
 *       pressing it would unlock there ({@link PatronVetoCover});
 *   <li>veto: the patron holds a veto ({@code member-of} with {@code veto}) in a forum that has a
 *       tie to the regime (the forum acts on it, or a regime member sits in it).
 * </ul>
 * Ranked by pressure potential when an engager is given, else by shield share. O(m + n log n).
 */
public final class PatronAnalysis {

  private final LeverageGraph graph;

  public PatronAnalysis(LeverageGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  /** One shielding tie, as evidence. */
  public record ShieldTie(String tie, String target, String type, double strength,
      double confidence, List<String> sources) {}

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

  /** @param vetoCover its veto cover in the engager's lead forum, or {@code null} */
  public record Patron(String id, String name, String kind, double shield, double shieldShare,
      Double leverage, Double pressurePotential, boolean veto, List<String> vetoForums,
      List<ShieldTie> ties, LeveragePath leveragePath, VetoCover vetoCover, String explanation) {}

  /**
   * @param regime the target and its command chain, by id
   * @param totalShield the sum of all patrons' shields
   */
  public record Ranking(String target, String engager, List<String> regime, double totalShield,
      List<Patron> patrons) {}

  public Ranking rank(String targetId, String engagerId) {
    int target = graph.require(targetId, "target");
    Integer engager = engagerId == null ? null : graph.require(engagerId, "engager");
    PatronShields shields = PatronShields.of(graph, target);
    BitSet regime = shields.regime();
    Map<Integer, List<String>> vetoForums = vetoForums(regime);
    BestPathTree tree = engager == null ? null : new BestPathTree(graph, engager);
    PatronVetoCover covers = engager == null ? null
        : PatronVetoCover.of(graph, target, engager, shields, tree);
    List<Patron> patrons = new ArrayList<>();
    for (int p : shields.ranked(tree)) {
      double share = shields.share(p);
      Double leverage = tree == null ? null : tree.strength(p);
      VetoCover cover = covers == null ? null : covers.of(p);
      Double potential = leverage == null ? null
          : share * leverage + (cover == null ? 0 : cover.value());
      List<String> forums = vetoForums.getOrDefault(p, List.of());
      List<ShieldTie> evidence = shields.ties(p).stream().map(e -> {
        Tie t = graph.tie(e);
        return new ShieldTie(t.id(), t.target(), t.type().label(), t.strength(), t.confidence(), t.sources());
      }).toList();
      var actor = graph.actor(p);
      patrons.add(new Patron(actor.id(), actor.name(), actor.kind().label(), shields.shield(p), share,
          leverage, potential, !forums.isEmpty(), forums, evidence, tree == null ? null : tree.path(p),
          cover, explain(actor.name(), evidence, share, leverage, forums)
              + (cover == null ? "" : "; " + cover.explanation())));
    }
    if (covers != null) {
      // the veto cover reorders by the whole potential; a stable sort keeps the shields' order otherwise
      patrons.sort(Comparator.comparingDouble(Patron::pressurePotential).reversed());
    }
    List<String> members = regime.stream().mapToObj(i -> graph.actor(i).id()).toList();
    return new Ranking(targetId, engagerId, members, shields.total(), List.copyOf(patrons));
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

  private static String explain(String name, List<ShieldTie> ties, double share, Double leverage,
      List<String> forums) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "%s provides %.0f%% of the regime's shield through %s", name, 100 * share,
        String.join(", ", ties.stream().map(ShieldTie::type).distinct().toList())));
    if (!forums.isEmpty()) {
      s.append("; holds a veto in ").append(String.join(", ", forums));
    }
    if (leverage != null) {
      s.append(leverage == 0 ? "; the engager has no path to it"
          : String.format(Locale.ROOT, "; the engager's best path to it has strength %.3f", leverage));
    }
    return s.toString();
  }
}
