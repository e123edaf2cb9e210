package org.fulcrum.leverage;

import java.util.List;

/**
 * The same analysis on the case as it is and with the changes, and what moved.
 *
 * @param measure what {@code before} and {@code after} measure (e.g. path strength)
 * @param difference every item whose measure changed, largest change first
 */
public record WhatIfAnswer(String analysis, Scenario changes, Object baseline, Object scenario,
    String measure, List<Change> difference, String summary) {

  /** One item's measure before and after; {@code null} where the item does not exist. */
  public record Change(String id, Double before, Double after, double change) {}
}
