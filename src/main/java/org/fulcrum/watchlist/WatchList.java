package org.fulcrum.watchlist;

import java.util.List;
import org.fulcrum.analysis.LeveragePath;

/**
 * A watch list: the countries of concern in a year, each with its open-data case, ranked by
 * {@link WatchListPriority}.
 *
 * @param engager the engager's ISO3 code; {@code coalition} its partners'
 * @param window the years each case was built for, e.g. {@code 2011-2015}
 * @param millis how long building and ranking took (wall clock)
 * @param cpuMillis the CPU time the building threads used, summed (Neo4j's own threads not counted)
 * @param processCpuMillis the whole process's CPU time meanwhile (Neo4j included; anything else
 *     the process did too)
 */
public record WatchList(String engager, List<String> coalition, int year, String window,
    List<String> sources, int countries, long millis, long cpuMillis, long processCpuMillis,
    List<Row> rows) {

  /** An episode of concern, as the open data name it. */
  public record Episode(String code, String name, String kind, boolean stateLed, int startYear,
      Integer endYear, Integer intensity, String source) {}

  /**
   * The engager's leverage over the regime's top patron.
   *
   * @param leverage the engager's best path strength to it; 0 with {@code channel} "no channel in
   *     the data"
   * @param channel the first tie of that path (its type and channel), or "no channel in the data"
   */
  public record TopPatron(String id, String name, double shieldShare, double leverage,
      double pressurePotential, String channel, LeveragePath path) {}

  /** The escape venues of the forum-shopping assessment. */
  public record ForumRisk(double risk, List<String> escapeVenues) {}

  /** The forum the engager should lead with, or the reason there is none. */
  public record LeadChannel(String id, String name, boolean canPass, double access, String note) {}

  /**
   * One country.
   *
   * @param regime the actor whose conduct is in question: always the state (for non-state-led
   *     episodes the state is asked to protect civilians)
   * @param question what leverage is for: stopping the state's own killing, or helping the state
   *     protect civilians from non-state perpetrators, or both
   * @param leverage the engager's (or its coalition's) best path strength to the regime
   * @param reach the engager's influence on the regime over all paths (reverse-reachable sampling)
   * @param urgency how bad and how current the episodes are ({@link WatchListPriority#urgency})
   * @param ability how much the engager can do ({@link WatchListPriority#ability})
   */
  public record Row(int rank, String country, String name, String caseId, String regime,
      List<Episode> episodes, boolean stateLed, String question, double leverage, double reach,
      TopPatron topPatron, ForumRisk forumShoppingRisk, LeadChannel leadChannel, double urgency,
      double ability, double priority, String explanation) {}
}
