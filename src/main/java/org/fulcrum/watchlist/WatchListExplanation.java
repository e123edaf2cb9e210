package org.fulcrum.watchlist;

import java.util.Locale;

/** The watch list's words: each row's question and its one-sentence explanation. */
final class WatchListExplanation {

  /** What a row says when the data hold no tie from the engager towards a patron. */
  static final String NO_CHANNEL = "no channel in the data";

  private WatchListExplanation() {}

  /** What leverage is for in this country: the state is always the regime. */
  static String question(String country, boolean stateLed, boolean nonState) {
    if (stateLed && nonState) {
      return "The government of " + country + " leads killings of civilians, and non-state"
          + " groups or armed conflict kill more: press the government to stop its own, and to"
          + " protect civilians from the others.";
    }
    if (stateLed) {
      return "The government of " + country + " leads the killings: the leverage is to make it"
          + " stop.";
    }
    if (nonState) {
      return "Non-state perpetrators or armed conflict kill civilians in " + country + ": the"
          + " regime is the state, and the question is what leverage helps it protect them.";
    }
    return "No episode of concern in the data for the year: listed because it was asked for.";
  }

  static String sentence(int rank, WatchList.Row r, WatchListService.Request request) {
    String who = request.coalition().isEmpty() ? request.engager()
        : request.engager() + " and its coalition (" + String.join(", ", request.coalition()) + ")";
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s ranks %d (priority %.2f): ",
        r.name(), rank, r.priority()));
    if (r.episodes().isEmpty()) {
      s.append("no episode of concern in the data for ").append(request.year());
    } else {
      WatchList.Episode worst = r.episodes().get(0);
      s.append(worst.kind().equals("mass-killing")
          ? (worst.stateLed() ? "a state-led mass killing (" : "a non-state-led mass killing (")
          : "an armed conflict (").append(worst.name()).append(", since ").append(worst.startYear())
          .append(")");
      if (r.episodes().size() > 1) {
        s.append(" and ").append(r.episodes().size() - 1).append(" more episode")
            .append(r.episodes().size() > 2 ? "s" : "");
      }
      s.append(String.format(Locale.ROOT, " make%s it urgent (%.2f)", r.episodes().size() > 1 ? "" : "s",
          r.urgency()));
    }
    if (r.ability() == 0) {
      s.append(String.format(Locale.ROOT, ", but %s has no path to the regime in the data", who));
    } else {
      s.append(String.format(Locale.ROOT, ", and %s can act on it (best path %.2f, reach %.2f)",
          who, r.leverage(), r.reach()));
    }
    WatchList.TopPatron p = r.topPatron();
    if (p == null) {
      s.append("; the data show no patron shielding the regime");
    } else if (p.leverage() > 0) {
      s.append(String.format(Locale.ROOT, "; its top patron, %s (%.0f%% of the regime's shield),"
          + " is reachable at %.2f through %s", p.name(), 100 * p.shieldShare(), p.leverage(),
          p.channel()));
    } else {
      s.append(String.format(Locale.ROOT, "; over its top patron, %s (%.0f%% of the regime's"
          + " shield), %s has %s", p.name(), 100 * p.shieldShare(), request.engager(), NO_CHANNEL));
    }
    return s.append(".").toString();
  }
}
