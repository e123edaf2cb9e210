package org.fulcrum.leverage;

import java.util.Map;

/**
 * A what-if question: one analysis, its parameters (as for the GET endpoint), and the changes.
 *
 * @param analysis {@code paths}, {@code influence}, {@code patrons}, {@code chokepoints},
 *     {@code centrality}, {@code plan}, {@code red-team}, {@code playbook} or {@code forums}
 * @param parameters the analysis's query parameters, e.g. {@code {"from": "usa", "to": "bashir",
 *     "k": 3}}; numbers as numbers or strings, lists as arrays or comma-separated; a name the
 *     analysis does not take is refused
 */
public record WhatIfRequest(String analysis, Map<String, Object> parameters, Scenario changes) {}
