package org.fulcrum.opendata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;

/**
 * The second ring (rule "second ring" in docs/open-data.md): after the steps have found the
 * target's first ring (its arms suppliers, neighbours, allies, veto holders and the states its
 * events name), the dyads between each engager and each state of that ring, from the same sources
 * the request names. Only ties the data hold are added, each citing its rows; no state is added.
 *
 * <ul>
 *   <li>arms, both directions: {@code supplier -supplies-arms-> recipient}, strength = the
 *       supplier's TIV / all TIV the recipient ordered in the window (rule "arms");
 *   <li>alliances, both directions: the ATOP pledges {@code a -> b} (rule "alliances"), scaled
 *       with {@code unga} by (0.5 + 0.5 x the pair's agreement);
 *   <li>unga: {@code engager -influences-> state} when their affinity is positive, strength =
 *       affinity, confidence 0.9 x (1 - e^(-n/20)) (rule "unga");
 *   <li>igo: {@code engager -influences-> state}, strength 0.5 x the pair's mean shared IGOs / the
 *       engager's most connected partner's (rule "igo");
 *   <li>events between the engager's state and the ring state, both directions, grouped and
 *       weighed as in rule "events".
 * </ul>
 */
final class SecondRing {

  private final DataFiles files;
  private final CountryCodes codes;
  private final EventAggregation events;

  /** @param events the build's event step, or {@code null} when events are not a source */
  SecondRing(DataFiles files, CountryCodes codes, EventAggregation events) {
    this.files = files;
    this.codes = codes;
    this.events = events;
  }

  static final String NOTE = "second ring";

  /** Adds the engagers' ties to the ring; one outcome per source read. */
  List<BuildStep.Outcome> apply(CaseDraft draft, List<Country> engagers) {
    Set<String> engagerIso = new LinkedHashSet<>();
    engagers.forEach(e -> engagerIso.add(e.iso3()));
    Map<String, Country> ring = new LinkedHashMap<>();
    for (Actor a : new ArrayList<>(draft.actors())) {
      if (a.kind() == ActorKind.STATE && a.country() != null
          && !a.country().equals(draft.target().iso3()) && !engagerIso.contains(a.country())) {
        codes.iso3(a.country()).ifPresent(c -> ring.put(c.iso3(), c));
      }
    }
    BuildRequest req = draft.request();
    String who = String.join("+", engagerIso);
    List<BuildStep.Outcome> out = new ArrayList<>();
    if (req.uses(OpenDataSource.ARMS)) {
      out.add(arms(draft, engagers, ring, who));
    }
    Map<String, GeneralAssemblyAffinity.Alignment>[] alignments = alignments(draft, engagers);
    if (req.uses(OpenDataSource.ALLIANCES)) {
      out.add(alliances(draft, engagers, ring, alignments, who));
    }
    if (req.uses(OpenDataSource.UNGA)) {
      out.add(unga(draft, engagers, ring, alignments, who));
    }
    if (req.uses(OpenDataSource.IGO)) {
      out.add(igo(draft, engagers, ring, who));
    }
    if (req.uses(OpenDataSource.EVENTS) && events != null) {
      out.add(events(draft, engagerIso, ring, who));
    }
    return out;
  }

  private BuildStep.Outcome arms(CaseDraft draft, List<Country> engagers, Map<String, Country> ring,
      String who) {
    BuildRequest req = draft.request();
    ArmsDependence arms = new ArmsDependence(files, codes);
    ArmsDependence.Orders orders = arms.orders();
    Map<String, Double> totals = new HashMap<>();
    Map<String, Map<Integer, Double>> dyads = new LinkedHashMap<>();
    Map<String, String> supplierNames = new HashMap<>();
    Set<String> engagerIso = new LinkedHashSet<>();
    engagers.forEach(e -> engagerIso.add(e.iso3()));
    int used = 0;
    for (ArmsDependence.Order o : orders.orders()) {
      if (o.year() < req.from() || o.year() > req.to()) {
        continue;
      }
      Optional<Country> recipient = codes.name(o.recipient());
      if (recipient.isEmpty()) {
        continue;
      }
      String r = recipient.get().iso3();
      boolean engagerBuys = engagerIso.contains(r);
      if (!engagerBuys && !ring.containsKey(r)) {
        continue;
      }
      totals.merge(r, o.tiv(), Double::sum);
      Optional<Country> supplier = codes.name(o.supplier());
      if (supplier.isEmpty()) {
        continue;
      }
      String s = supplier.get().iso3();
      if ((engagerIso.contains(s) && ring.containsKey(r)) || (engagerBuys && ring.containsKey(s))) {
        used++;
        dyads.computeIfAbsent(s + "|" + r, k -> new TreeMap<>()).merge(o.year(), o.tiv(), Double::sum);
        supplierNames.put(s + "|" + r, o.supplier());
      }
    }
    int ties = 0;
    for (var e : dyads.entrySet()) {
      String[] pair = e.getKey().split("\\|");
      Country supplier = codes.require(pair[0]);
      Country recipient = codes.require(pair[1]);
      double tiv = e.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
      double total = totals.get(pair[1]);
      StringBuilder years = new StringBuilder();
      e.getValue().forEach((y, v) -> years.append(years.length() == 0 ? "" : ", ")
          .append(y).append(": ").append(ArmsDependence.fmt(v)));
      String stem = pair[0].toLowerCase(Locale.ROOT) + "-" + pair[1].toLowerCase(Locale.ROOT);
      String sourceId = draft.source(Ids.PREFIX + "src-arms-" + stem, String.format(Locale.ROOT,
          "SIPRI Arms Transfers Database, TIV by year of order (%s): rows supplier '%s', recipient"
              + " %s, orders %d-%d: %s; %s TIV of the recipient's %s TIV in the window = %.1f%%."
              + " Rule 'second ring' (docs/open-data.md), as rule 'arms': strength = supplier TIV"
              + " / all TIV ordered by the recipient in the window",
          DataFiles.SIPRI_TIV, supplierNames.get(e.getKey()), recipient.name(), req.from(),
          req.to(), years, ArmsDependence.fmt(tiv), ArmsDependence.fmt(total), 100 * tiv / total),
          ArmsDependence.URL);
      draft.tie(Ids.PREFIX + "arms-" + stem, supplier.actorId(), recipient.actorId(),
          TieType.SUPPLIES_ARMS, CaseDraft.unit(tiv / total), Polarity.SUPPORTIVE,
          Channel.MILITARY, ArmsDependence.CONFIDENCE, List.of(sourceId));
      ties++;
    }
    return new BuildStep.Outcome(OpenDataSource.ARMS, orders.rowsRead(), used, 0, ties,
        String.format(Locale.ROOT, "%s: %d arms dyads between %s and the %d states of the first"
            + " ring", NOTE, ties, who, ring.size()));
  }

  /** Each engager's UNGA alignments (null entries without the unga source or an ISO2 code). */
  @SuppressWarnings("unchecked")
  private Map<String, GeneralAssemblyAffinity.Alignment>[] alignments(CaseDraft draft,
      List<Country> engagers) {
    Map<String, GeneralAssemblyAffinity.Alignment>[] out = new Map[engagers.size()];
    if (!draft.request().uses(OpenDataSource.UNGA)) {
      return out;
    }
    GeneralAssemblyAffinity unga = new GeneralAssemblyAffinity(files, codes);
    for (int i = 0; i < engagers.size(); i++) {
      if (engagers.get(i).iso2() != null) {
        out[i] = unga.alignments(engagers.get(i), draft.request().from(), draft.request().to());
      }
    }
    return out;
  }

  private BuildStep.Outcome alliances(CaseDraft draft, List<Country> engagers,
      Map<String, Country> ring, Map<String, GeneralAssemblyAffinity.Alignment>[] alignments,
      String who) {
    BuildRequest req = draft.request();
    Alliances.Window w = new Alliances(files, codes).window(req.from(), req.to());
    int ties = 0;
    int used = 0;
    for (int i = 0; i < engagers.size(); i++) {
      Country e = engagers.get(i);
      if (e.cow() == null) {
        continue;
      }
      for (Country p : ring.values()) {
        if (p.cow() == null) {
          continue;
        }
        for (Country[] dir : List.of(new Country[] {e, p}, new Country[] {p, e})) {
          Alliances.Pledges pledges = Alliances.between(w, dir[0].cow(), dir[1].cow());
          if (pledges.weightByYear().isEmpty()) {
            continue;
          }
          used += pledges.weightByYear().size();
          Tie t = Alliances.tie(draft, dir[0], dir[1], pledges);
          GeneralAssemblyAffinity.Alignment al = alignments[i] == null ? null
              : alignments[i].get(p.iso3());
          if (al != null && al.votes() > 0) {
            List<String> sources = new ArrayList<>(t.sources());
            sources.add(ungaSource(draft, e, p, al));
            draft.replaceTie(t.withStrength(CaseDraft.unit(t.strength()
                * GeneralAssemblyAffinity.allianceScale(al.agreement()))).withSources(sources));
          }
          ties++;
        }
      }
    }
    return new BuildStep.Outcome(OpenDataSource.ALLIANCES, w.rowsRead(), used, 0, ties,
        String.format(Locale.ROOT, "%s: %d alliance ties between %s and the first ring", NOTE,
            ties, who));
  }

  private BuildStep.Outcome unga(CaseDraft draft, List<Country> engagers, Map<String, Country> ring,
      Map<String, GeneralAssemblyAffinity.Alignment>[] alignments, String who) {
    int ties = 0;
    int weighed = 0;
    for (int i = 0; i < engagers.size(); i++) {
      if (alignments[i] == null) {
        continue;
      }
      Country e = engagers.get(i);
      for (Country p : ring.values()) {
        GeneralAssemblyAffinity.Alignment al = alignments[i].get(p.iso3());
        if (al == null || al.votes() == 0) {
          continue;
        }
        weighed++;
        if (al.affinity() > 0) {
          draft.tie(Ids.PREFIX + "unga-" + pair(e, p), e.actorId(), p.actorId(),
              TieType.INFLUENCES, CaseDraft.unit(al.affinity()), Polarity.SUPPORTIVE,
              Channel.DIPLOMATIC, GeneralAssemblyAffinity.confidence(al.votes()),
              List.of(ungaSource(draft, e, p, al)));
          ties++;
        }
      }
    }
    return new BuildStep.Outcome(OpenDataSource.UNGA, 0, weighed, 0, ties,
        String.format(Locale.ROOT, "%s: %d states of the first ring weighed by voting agreement"
            + " with %s, %d with positive affinity", NOTE, weighed, who, ties));
  }

  private static String ungaSource(CaseDraft draft, Country e, Country p,
      GeneralAssemblyAffinity.Alignment al) {
    BuildRequest req = draft.request();
    return draft.source(Ids.PREFIX + "src-unga-" + pair(e, p), String.format(Locale.ROOT,
        "UN General Assembly roll calls, Voeten via unvotes (%s, %s): %s and %s voted in %d roll"
            + " calls held %d-%d; agreement %.3f (same vote 1, one abstention 0.5, yes against no"
            + " 0), affinity %.3f. Rule 'second ring' (docs/open-data.md), as rule 'unga':"
            + " influences = affinity; allied-with x (0.5 + 0.5 x agreement)",
        DataFiles.UNGA_VOTES, DataFiles.UNGA_ROLL_CALLS, e.name(), p.name(), al.votes(),
        req.from(), req.to(), al.agreement(), al.affinity()), GeneralAssemblyAffinity.URL);
  }

  private BuildStep.Outcome igo(CaseDraft draft, List<Country> engagers, Map<String, Country> ring,
      String who) {
    BuildRequest req = draft.request();
    IgoCoMembership igo = new IgoCoMembership(files, codes);
    IgoCoMembership.Window w = igo.window(req.from(), req.to());
    int ties = 0;
    int used = 0;
    for (Country e : engagers) {
      if (e.cow() == null) {
        continue;
      }
      Map<Integer, Map<Integer, Integer>> partners = igo.partners(e.cow(), req.from(), req.to());
      double max = partners.values().stream().mapToDouble(IgoCoMembership::mean).max().orElse(0);
      if (max <= 0) {
        continue;
      }
      for (Country p : ring.values()) {
        Map<Integer, Integer> years = p.cow() == null ? null : partners.get(p.cow());
        if (years == null || IgoCoMembership.mean(years) == 0) {
          continue;
        }
        used += years.size();
        double mean = IgoCoMembership.mean(years);
        String sourceId = draft.source(Ids.PREFIX + "src-igo-" + pair(e, p), String.format(
            Locale.ROOT, "COW IGO v3 joint memberships (%s): %s and %s share IGOs by year %s,"
                + " mean %.1f; %s's most connected partner shares %.1f. Rule 'second ring'"
                + " (docs/open-data.md), as rule 'igo': strength = 0.5 x %.1f / %.1f",
            DataFiles.IGO, e.name(), p.name(), years, mean, e.name(), max, mean, max),
            IgoCoMembership.URL);
        draft.tie(Ids.PREFIX + "igo-" + pair(e, p), e.actorId(), p.actorId(), TieType.INFLUENCES,
            CaseDraft.unit(IgoCoMembership.MAX_STRENGTH * mean / max), Polarity.SUPPORTIVE,
            Channel.DIPLOMATIC, IgoCoMembership.CONFIDENCE, List.of(sourceId));
        ties++;
      }
    }
    return new BuildStep.Outcome(OpenDataSource.IGO, w.rowsRead(), used, 0, ties,
        String.format(Locale.ROOT, "%s: %d IGO ties from %s to the first ring", NOTE, ties, who));
  }

  private BuildStep.Outcome events(CaseDraft draft, Set<String> engagerIso,
      Map<String, Country> ring, String who) {
    EventAggregation.Aggregate a = events.aggregate(draft.windowStart(), draft.windowEnd(), e ->
        e.source().state() && e.target().state()
            && ((engagerIso.contains(e.source().iso3()) && ring.containsKey(e.target().iso3()))
                || (ring.containsKey(e.source().iso3()) && engagerIso.contains(e.target().iso3()))));
    int ties = events.addTies(draft, a);
    return new BuildStep.Outcome(OpenDataSource.EVENTS, (int) a.rows(), (int) a.kept(), 0, ties,
        String.format(Locale.ROOT, "%s: %d events between %s and the first ring's states, %d ties",
            NOTE, a.kept(), who, ties));
  }

  private static String pair(Country from, Country to) {
    return from.iso3().toLowerCase(Locale.ROOT) + "-" + to.iso3().toLowerCase(Locale.ROOT);
  }
}
