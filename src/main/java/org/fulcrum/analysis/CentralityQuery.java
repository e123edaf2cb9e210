package org.fulcrum.analysis;

import org.fulcrum.error.InvalidRequestException;

/**
 * What a broker ranking is asked for.
 *
 * @param measure the centrality measure; only {@value #MEASURE_DEFAULT} is computed
 * @param weighting tie length -ln(strength x confidence), or 1 per tie
 */
public record CentralityQuery(String measure, BrokerCentrality.Weighting weighting) {

  public static final String MEASURE_DEFAULT = "betweenness";
  public static final BrokerCentrality.Weighting WEIGHTING_DEFAULT = BrokerCentrality.Weighting.LEVERAGE;

  public CentralityQuery {
    measure = measure == null || measure.isBlank() ? MEASURE_DEFAULT : measure.strip();
    if (!measure.equals(MEASURE_DEFAULT)) {
      throw new InvalidRequestException("measure must be betweenness, got '" + measure + "'");
    }
    weighting = weighting == null ? WEIGHTING_DEFAULT : weighting;
  }
}
