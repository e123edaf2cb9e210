package org.fulcrum.watchlist;

import java.util.List;
import org.fulcrum.opendata.Concerns.Episode;
import org.fulcrum.opendata.Concerns.Kind;

/**
 * The watch list's ranking rule, in one place (docs/analyses.md, "Watch list"). Pure: numbers in,
 * numbers out.
 *
 * <ul>
 *   <li><b>severity</b> of an episode: a state-led mass killing 1.0, a non-state-led one 0.8, a war
 *       (UCDP intensity 2) 0.6, a minor armed conflict 0.3;
 *   <li><b>currency</b>: 1.0 when it began in the last {@value #RECENT_YEARS} years up to the list's
 *       year, else 0.85 (long-running); x 0.7 when it ends in the year;
 *   <li><b>urgency</b> of a country = 1 - the product over its episodes of (1 - severity x currency):
 *       each concurrent episode adds to it, and none can push it past 1;
 *   <li><b>ability</b> of the engager = the larger of its leverage (best path strength to the
 *       regime) and its pressure potential over the top patron (the patron's shield share x the
 *       engager's leverage over it). Reach (all paths) is reported, not ranked on: in open-data
 *       cases dozens of parallel two-hop paths drive it to nearly 1 for every country;
 *   <li><b>priority</b> = urgency x ({@value #RISK_FLOOR} + {@value #ABILITY_WEIGHT} x ability): how bad
 *       and how current, scaled by how much the engager can do; the floor keeps a country the
 *       engager cannot reach on the list, below those it can.
 * </ul>
 */
public final class WatchListPriority {

  public static final double STATE_LED_MASS_KILLING = 1.0;
  public static final double NON_STATE_MASS_KILLING = 0.8;
  public static final double WAR = 0.6;
  public static final double MINOR_CONFLICT = 0.3;
  public static final int RECENT_YEARS = 3;
  public static final double LONG_RUNNING = 0.85;
  public static final double ENDING = 0.7;
  public static final double RISK_FLOOR = 0.25;
  public static final double ABILITY_WEIGHT = 0.75;

  private WatchListPriority() {}

  public static double severity(Episode e) {
    if (e.kind() == Kind.MASS_KILLING) {
      return e.stateLed() ? STATE_LED_MASS_KILLING : NON_STATE_MASS_KILLING;
    }
    return e.intensity() != null && e.intensity() == 2 ? WAR : MINOR_CONFLICT;
  }

  public static double currency(Episode e, int year) {
    double c = year - e.startYear() < RECENT_YEARS ? 1.0 : LONG_RUNNING;
    return e.endYear() != null && e.endYear() == year ? c * ENDING : c;
  }

  public static double urgency(List<Episode> episodes, int year) {
    double calm = 1;
    for (Episode e : episodes) {
      calm *= 1 - severity(e) * currency(e, year);
    }
    return 1 - calm;
  }

  public static double ability(double leverage, double patronPotential) {
    return Math.max(leverage, patronPotential);
  }

  public static double priority(double urgency, double ability) {
    return round(urgency * (RISK_FLOOR + ABILITY_WEIGHT * ability));
  }

  static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
