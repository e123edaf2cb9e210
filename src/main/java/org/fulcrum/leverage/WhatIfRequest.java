package org.fulcrum.leverage;

import java.util.Map;

/**
 * A what-if question: one analysis, its parameters (as for the GET endpoint), and the changes.
 *
 * @param analysis {@code paths}, {@code influence}, {@code patrons}, {@code chokepoints} or
 *     {@code centrality}
 * @param parameters the analysis's query parameters, e.g. {@code {"from": "usa", "to": "bashir"}}
 */
public record WhatIfRequest(String analysis, Map<String, String> parameters, Scenario changes) {}
