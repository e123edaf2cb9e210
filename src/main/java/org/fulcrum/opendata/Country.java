package org.fulcrum.opendata;

/**
 * A state as the crosswalk knows it.
 *
 * @param iso3 ISO 3166 alpha-3, the case's country code and the actor id's stem
 * @param iso2 ISO 3166 alpha-2 (UN General Assembly votes), or {@code null}
 * @param cow Correlates of War numeric code (contiguity, ATOP, IGO), or {@code null}
 * @param name English short name
 * @param row the crosswalk's data row (1-based, header excluded), for citations
 */
public record Country(String iso3, String iso2, Integer cow, String name, int row) {

  public String actorId() {
    return Ids.PREFIX + iso3.toLowerCase(java.util.Locale.ROOT);
  }
}
